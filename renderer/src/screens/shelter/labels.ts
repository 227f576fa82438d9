/** Counted labels: "1 day" / "2 days". */
import { isMessageKey, type MessageKey } from '../../../../shared/i18n';
import type { TFunction } from '../../i18n/I18nProvider';

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
