/** PPKS categories in the user's language: the renderer's one place for their names and options. */
import type { Locale } from '../../../shared/i18n';
import { PPKS_CATEGORIES, type PpksCode } from '../../../shared/reference/ppks';

const BY_CODE = new Map<string, (typeof PPKS_CATEGORIES)[number]>(
  PPKS_CATEGORIES.map((c) => [c.code, c]),
);

/** "Gelandangan" (id) or "Homeless person" (en); the code itself when unknown. */
export function ppksName(code: string, locale: Locale): string {
  const c = BY_CODE.get(code);
  return c ? (locale === 'en' ? c.en : c.id) : code;
}

/** Options for a PPKS select: "11 · Gelandangan", searchable by number or name. */
export function ppksOptions(locale: Locale): { value: PpksCode; label: string }[] {
  return PPKS_CATEGORIES.map((c) => ({
    value: c.code,
    label: `${c.code.slice(5)} · ${locale === 'en' ? c.en : c.id}`,
  }));
}
