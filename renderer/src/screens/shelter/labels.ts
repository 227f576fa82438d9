/** Labels for reference lists that live outside the message catalogue (PPKS has its own table). */
import { PPKS_CATEGORIES, type PpksCode } from '../../../../shared/reference/ppks';
import { isMessageKey, type Locale, type MessageKey } from '../../../../shared/i18n';
import type { TFunction } from '../../i18n/I18nProvider';

const BY_CODE = new Map<string, (typeof PPKS_CATEGORIES)[number]>(
  PPKS_CATEGORIES.map((c) => [c.code, c]),
);

/** "Gelandangan" (id) or "Homeless person" (en); the code itself when unknown. */
export function ppksName(code: string, locale: Locale): string {
  const c = BY_CODE.get(code);
  return c ? (locale === 'en' ? c.en : c.id) : code;
}

/** Options for a PPKS select: "PPKS-11 · Gelandangan". */
export function ppksOptions(locale: Locale): { value: PpksCode; label: string }[] {
  return PPKS_CATEGORIES.map((c) => ({
    value: c.code,
    label: `${c.code.slice(5)} · ${locale === 'en' ? c.en : c.id}`,
  }));
}

/**
 * `key` with a count: English needs "1 day" / "2 days". Uses `<key>.one` for a count of 1 when
 * the catalogue has it (Indonesian has no plural, so both forms read the same there).
 */
export function tn(
  t: TFunction,
  key: MessageKey,
  count: number,
  params?: Record<string, string | number>,
): string {
  const one = `${key}.one`;
  return count === 1 && isMessageKey(one) ? t(one, params) : t(key, params);
}
