/** A complaint's deadlines: the time left in words, its colour, the list's and the page's view. */
import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { Deadline } from '../../../../shared/contract/complaints';
import { ClockLine } from '../../components/ClockLine';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';

/** "3 hari kerja lagi", "Jatuh tempo hari ini", "Terlambat 2 hari kerja" — red when overdue. */
export function timeLeftText(d: Deadline, t: ReturnType<typeof useT>): string {
  if (d.metAt) return t(d.onTime ? 'complaint.deadline.metOnTime' : 'complaint.deadline.metLate');
  if (d.dueToday) return t('complaint.deadline.today');
  if (d.overdue)
    return d.workingDays && d.workingDays > 0
      ? t('complaint.deadline.late', { days: d.workingDays })
      : t('complaint.deadline.passed');
  return t('complaint.deadline.left', { days: d.workingDays ?? 0 });
}

export function deadlineColor(d: Deadline): string {
  if (d.metAt) return d.onTime ? 'teal' : 'orange';
  if (d.overdue) return 'red';
  if (d.dueToday) return 'orange';
  if ((d.workingDays ?? 99) <= 1) return 'yellow';
  return 'gray';
}

/** The next deadline of a list row: stage, day and time left. */
export function NextDeadline({ next }: { next: Deadline | null }) {
  const t = useT();
  const fmt = useFormat();
  if (!next) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <ClockLine
      testId="next-deadline"
      caption={`${t(`complaint.stage.${next.stage}`)} · ${fmt.calendarDate(next.due)}`}
      text={timeLeftText(next, t)}
      color={deadlineColor(next)}
      overdue={next.overdue}
      strong={next.overdue || next.dueToday}
    />
  );
}

/**
 * One deadline on the detail page, met or pending: the stage and its last day on one line, where
 * it stands under it (a badge that may wrap), so it fits the narrow side column.
 */
export function DeadlineLine({ d }: { d: Deadline }) {
  const t = useT();
  const fmt = useFormat();
  const color = deadlineColor(d);
  return (
    <Stack gap={4} data-testid={`deadline-${d.stage}`} data-overdue={d.overdue || undefined}>
      <Group gap={6} justify="space-between" wrap="wrap" align="baseline">
        <Text size="sm" fw={600}>
          {t(`complaint.stage.${d.stage}`)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('complaint.deadline.by', { date: fmt.calendarDate(d.due) })}
        </Text>
      </Group>
      <Badge
        color={color}
        variant={d.overdue ? 'filled' : 'light'}
        tt="none"
        className="pelita-wrap-badge"
        style={{ alignSelf: 'flex-start' }}
        leftSection={
          d.metAt ? (
            <IconCircleCheck size={12} />
          ) : d.overdue ? (
            <IconAlertTriangle size={12} />
          ) : undefined
        }
      >
        {d.metAt ? `${timeLeftText(d, t)} · ${fmt.date(d.metAt)}` : timeLeftText(d, t)}
      </Badge>
    </Stack>
  );
}
