/** The title row of every page: heading, optional subtitle and actions on the right. */
import { Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function PageHeader({
  title,
  subtitle,
  actions,
}: {
  title: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-end" mb="lg" wrap="wrap" gap="md">
      <div>
        <Title order={1} fz={{ base: 24, sm: 28 }} fw={700}>
          {title}
        </Title>
        {subtitle && (
          <Text c="dimmed" mt={4} maw={720}>
            {subtitle}
          </Text>
        )}
      </div>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}
