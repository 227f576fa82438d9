/**
 * The 26 PPKS categories (Pemerlu Pelayanan Kesejahteraan Sosial, Permensos 08/2012). There are
 * no official short codes: PPKS-01 … PPKS-26 follow the regulation's order (DESIGN.md). The
 * names, [Bahasa Indonesia, English] like the message catalogues, are data in ppks.json.
 */
import PPKS_NAMES from './ppks.json';

export type PpksCode = keyof typeof PPKS_NAMES;
/** The codes in the regulation's order (the catalogue's order). */
export const PPKS_CODES = Object.keys(PPKS_NAMES) as [PpksCode, ...PpksCode[]];
export const PPKS_CATEGORIES: readonly { code: PpksCode; id: string; en: string }[] =
  PPKS_CODES.map((code) => ({ code, id: PPKS_NAMES[code][0]!, en: PPKS_NAMES[code][1]! }));
const CODES: ReadonlySet<unknown> = new Set(PPKS_CODES);
export function isPpksCode(value: unknown): value is PpksCode {
  return CODES.has(value);
}
