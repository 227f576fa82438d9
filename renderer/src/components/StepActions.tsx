/**
 * The bar of workflow steps on a record's page: the way forward as buttons (the caller's), and
 * the other steps (returns, endings) in a "more" menu, red for the danger ones.
 */
import { Button, Card, Group, Menu } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export interface MenuStep {
  key: string;
  label: string;
  danger: boolean;
  onClick: () => void;
  testId?: string;
}

export function StepActions({
  testId,
  children,
  more,
  moreLabel,
}: {
  testId: string;
  children: ReactNode;
  more: MenuStep[];
  moreLabel: string;
}) {
  return (
    <Card withBorder radius="md" padding="md" mb="lg" data-testid={testId}>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="wrap">
          {children}
        </Group>
        {more.length > 0 && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button
                variant="subtle"
                color="gray"
                rightSection={<IconChevronDown size={16} />}
                data-testid="more-steps"
              >
                {moreLabel}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {more.map((m) => (
                <Menu.Item
                  key={m.key}
                  color={m.danger ? 'red' : 'orange'}
                  onClick={m.onClick}
                  data-testid={m.testId}
                >
                  {m.label}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
    </Card>
  );
}
