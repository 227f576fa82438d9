/** A complaint's status and urgency as badges, the same on every screen. */
import { Badge } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ComplaintStatus, Urgency } from '../../../../shared/reference/complaints';
import { useT } from '../../i18n/I18nProvider';
import { STATUS_COLOR, URGENCY_COLOR } from './labels';

export function StatusBadge({
  status,
  size = 'md',
}: {
  status: ComplaintStatus;
  size?: 'sm' | 'md' | 'lg';
}) {
  const t = useT();
  return (
    <Badge
      color={STATUS_COLOR[status]}
      variant="light"
      size={size}
      tt="none"
      data-testid="status-badge"
    >
      {t(`complaint.status.${status}`)}
    </Badge>
  );
}

export function UrgencyBadge({ urgency, hideNormal }: { urgency: Urgency; hideNormal?: boolean }) {
  const t = useT();
  if (hideNormal && urgency === 'normal') return null;
  return (
    <Badge
      color={URGENCY_COLOR[urgency]}
      variant={urgency === 'emergency' ? 'filled' : 'light'}
      size="sm"
      tt="none"
      leftSection={urgency === 'normal' ? undefined : <IconAlertTriangle size={12} />}
    >
      {t(`complaint.urgency.${urgency}`)}
    </Badge>
  );
}
