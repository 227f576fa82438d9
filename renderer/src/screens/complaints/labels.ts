/** Labels and colours of complaint values, in the user's language. */
import type { ComplaintCategory } from '../../../../shared/contract/complaints';
import type { Locale } from '../../../../shared/i18n';
import { PPKS_CATEGORIES } from '../../../../shared/reference/ppks';
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

const PPKS = new Map<string, (typeof PPKS_CATEGORIES)[number]>(
  PPKS_CATEGORIES.map((c) => [c.code, c]),
);

export function ppksName(code: string, locale: Locale): string {
  const c = PPKS.get(code);
  return c ? (locale === 'en' ? c.en : c.id) : code;
}

export function ppksOptions(locale: Locale): { value: string; label: string }[] {
  return PPKS_CATEGORIES.map((c) => ({
    value: c.code,
    label: `${c.code.slice(5)} · ${locale === 'en' ? c.en : c.id}`,
  }));
}
