/** Labels and colours of complaint values, in the user's language. */
import type { ComplaintCategory } from '../../../../shared/contract/complaints';
import type { Locale } from '../../../../shared/i18n';
import type { ComplaintStatus, Urgency } from '../../../../shared/reference/complaints';

export const STATUS_COLOR: Record<ComplaintStatus, string> = {
  received: 'blue',
  verified: 'cyan',
  in_follow_up: 'violet',
  done: 'teal',
  rejected: 'gray',
  forwarded: 'orange',
};

export const URGENCY_COLOR: Record<Urgency, string> = {
  emergency: 'red',
  high: 'orange',
  normal: 'gray',
};

/** A category in the user's language (admins may leave the English name empty). */
export function categoryName(
  c: Pick<ComplaintCategory, 'name' | 'nameEn'>,
  locale: Locale,
): string {
  return locale === 'en' && c.nameEn ? c.nameEn : c.name;
}
