/**
 * A titled block of a page: the bordered card with an icon (or a step number), a section heading,
 * an action on the right and its content. Home cards, page panels and the numbered steps of long
 * forms all use it, so every page's sections read alike.
 */
import { Group, Paper, Text, ThemeIcon, Title, type TitleProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** The heading of a section (h2): one size and weight across the app. */
export function SectionTitle({
  children,
  icon,
  ...props
}: { children: ReactNode; icon?: ReactNode } & Omit<TitleProps, 'order'>) {
  const title = (
    <Title order={2} fz="lg" fw={600} {...props}>
      {children}
    </Title>
  );
  if (!icon) return title;
  return (
    <Group gap="sm" wrap="nowrap">
      <ThemeIcon variant="light" radius="md" size={32}>
        {icon}
      </ThemeIcon>
      {title}
    </Group>
  );
}

export interface SectionCardProps {
  title: string;
  /** An icon beside the title; `step` shows a number in a circle instead (steps of a form). */
  icon?: ReactNode;
  step?: number;
  /** On the right of the title (a link, a button, a badge). */
  action?: ReactNode;
  children: ReactNode;
  testId?: string;
}

export function SectionCard({ title, icon, step, action, children, testId }: SectionCardProps) {
  return (
    <Paper withBorder radius="md" p="lg" data-testid={testId}>
      <Group justify="space-between" mb="md" wrap="nowrap" gap="sm">
        {step === undefined ? (
          <SectionTitle icon={icon}>{title}</SectionTitle>
        ) : (
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon radius="xl" size={28} variant="light">
              <Text fw={700} size="sm">
                {step}
              </Text>
            </ThemeIcon>
            <SectionTitle>{title}</SectionTitle>
          </Group>
        )}
        {action}
      </Group>
      {children}
    </Paper>
  );
}
