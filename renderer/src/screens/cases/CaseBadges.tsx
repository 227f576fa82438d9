/** A case's state, risk and due date as badges, the same on every screen. */
import { Badge, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconClock } from '@tabler/icons-react';
import type { CaseSummary } from '../../../../shared/contract/cases';
import type { CaseState, RiskLevel } from '../../../../shared/reference/cases';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';

const STATE_COLOR: Record<CaseState, string> = {
  opened: 'blue',
  assessment: 'violet',
  plan: 'indigo',
  in_service: 'teal',
  review: 'cyan',
  closure_requested: 'orange',
  closed: 'gray',
};
const RISK_COLOR: Record<RiskLevel, string> = { low: 'gray', medium: 'yellow', high: 'red' };

export function CaseStateBadge({
  state,
  size = 'md',
}: {
  state: CaseState;
  size?: 'sm' | 'md' | 'lg';
}) {
  const t = useT();
  return (
    <Badge
      color={STATE_COLOR[state]}
      variant="light"
      size={size}
      tt="none"
      data-testid="case-state"
    >
      {t(`case.state.${state}`)}
    </Badge>
  );
}

export function RiskBadge({ risk, danger }: { risk: RiskLevel | null; danger?: boolean }) {
  const t = useT();
  if (!risk && !danger) return null;
  return (
    <Group gap={4} wrap="nowrap">
      {risk && (
        <Badge color={RISK_COLOR[risk]} variant="light" size="sm" tt="none">
          {t('case.ui.risk', { level: t(`case.risk.${risk}`) })}
        </Badge>
      )}
      {danger && (
        <Badge
          color="red"
          variant="filled"
          size="sm"
          tt="none"
          leftSection={<IconAlertTriangle size={12} />}
        >
          {t('case.immediateDanger')}
        </Badge>
      )}
    </Group>
  );
}

/** The assessment or review date being watched; red once past. */
export function DueText({ due }: { due: CaseSummary['due'] }) {
  const t = useT();
  const fmt = useFormat();
  if (!due)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Group
      gap={4}
      wrap="nowrap"
      c={due.overdue ? 'red.7' : undefined}
      data-overdue={due.overdue || undefined}
    >
      {due.overdue ? <IconAlertTriangle size={14} /> : <IconClock size={14} />}
      <Text size="sm" fw={due.overdue ? 700 : 400} c="inherit">
        {t(`case.ui.due.${due.kind}`, { date: fmt.calendarDate(due.on) })}
        {due.overdue ? ` · ${t('case.ui.overdue')}` : ''}
      </Text>
    </Group>
  );
}
