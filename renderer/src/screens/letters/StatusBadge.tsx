/** A letter's status as a badge. */
import { Badge } from '@mantine/core';
import type { LetterStatus } from '../../../../shared/reference/letters';
import { useT } from '../../i18n/I18nProvider';

const COLOR: Record<LetterStatus, string> = {
  draft: 'gray',
  submitted: 'orange',
  issued: 'teal',
  voided: 'red',
};

export function LetterStatusBadge({ status, size }: { status: LetterStatus; size?: 'sm' | 'lg' }) {
  const t = useT();
  return (
    <Badge color={COLOR[status]} variant="light" tt="none" size={size} data-testid="letter-status">
      {t(`letter.status.${status}`)}
    </Badge>
  );
}
