/** A finding's status and its next clock, in the list and on its page. */
import { Badge, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconClockHour4 } from '@tabler/icons-react';
import type { FindingSummary } from '../../../../shared/contract/findings';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';

const STATUS_COLOR = { received: 'blue', triaged: 'violet', acted_on: 'teal', closed: 'gray' };

export function FindingStatusBadge({ f }: { f: Pick<FindingSummary, 'status' | 'outcome'> }) {
  const t = useT();
  return (
    <Badge color={STATUS_COLOR[f.status]} variant="light" data-testid="finding-status">
      {f.outcome ? t(`finding.outcome.${f.outcome}`) : t(`finding.status.${f.status}`)}
    </Badge>
  );
}

/** "Telaah · 27 Nov 2026 · hari ini" — red once overdue. */
export function FindingClock({ next }: { next: FindingSummary['next'] }) {
  const t = useT();
  const fmt = useFormat();
  if (!next)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const color = next.overdue ? 'red' : next.dueToday ? 'orange' : 'gray';
  return (
    <div data-testid="finding-clock" data-overdue={next.overdue || undefined}>
      <Text size="xs" c="dimmed">
        {t(`finding.clock.${next.stage}`)} · {fmt.calendarDate(next.due)}
      </Text>
      <Group gap={4} wrap="nowrap">
        {next.overdue ? (
          <IconAlertTriangle size={14} color="var(--mantine-color-red-7)" />
        ) : (
          <IconClockHour4 size={14} color={`var(--mantine-color-${color}-7)`} />
        )}
        <Text
          size="sm"
          fw={next.overdue || next.dueToday ? 700 : 500}
          c={color === 'gray' ? undefined : `${color}.8`}
        >
          {next.overdue
            ? t('finding.clock.overdue')
            : next.dueToday
              ? t('finding.clock.today')
              : t('finding.clock.pending')}
        </Text>
      </Group>
    </div>
  );
}
