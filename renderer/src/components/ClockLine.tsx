/**
 * One running clock in a list row: the stage and its day on top, the time left under it with
 * its colour (red when overdue). Complaints' deadlines and findings' clocks both draw it.
 */
import { Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconClockHour4 } from '@tabler/icons-react';

export function ClockLine({
  caption,
  text,
  color,
  overdue,
  strong,
  testId,
}: {
  /** "Verifikasi · 27 Nov 2026". */
  caption: string;
  /** "2 hari kerja lagi", "Terlambat". */
  text: string;
  /** A Mantine colour; gray draws the text in the default colour. */
  color: string;
  overdue: boolean;
  /** Due today or overdue: bold. */
  strong: boolean;
  testId: string;
}) {
  return (
    <div data-testid={testId} data-overdue={overdue || undefined}>
      <Text size="xs" c="dimmed">
        {caption}
      </Text>
      <Group gap={4} wrap="nowrap">
        {overdue ? (
          <IconAlertTriangle size={14} color="var(--mantine-color-red-7)" />
        ) : (
          <IconClockHour4 size={14} color={`var(--mantine-color-${color}-7)`} />
        )}
        <Text size="sm" fw={strong ? 700 : 500} c={color === 'gray' ? undefined : `${color}.8`}>
          {text}
        </Text>
      </Group>
    </div>
  );
}
