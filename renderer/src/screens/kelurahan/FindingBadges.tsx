/** A finding's status and its next clock, in the list and on its page. */
import { Badge, Text } from '@mantine/core';
import { ClockLine } from '../../components/ClockLine';
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
  return (
    <ClockLine
      testId="finding-clock"
      caption={`${t(`finding.clock.${next.stage}`)} · ${fmt.calendarDate(next.due)}`}
      text={t(
        next.overdue
          ? 'finding.clock.overdue'
          : next.dueToday
            ? 'finding.clock.today'
            : 'finding.clock.pending',
      )}
      color={next.overdue ? 'red' : next.dueToday ? 'orange' : 'gray'}
      overdue={next.overdue}
      strong={next.overdue || next.dueToday}
    />
  );
}
