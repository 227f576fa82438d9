import type { Label } from '../../../shared/contract/reports';
import { PPKS_CATEGORIES } from '../../../shared/reference/ppks';

const NAMES = new Map(PPKS_CATEGORIES.map((c) => [c.code as string, c]));

/** "PPKS-11 Gelandangan" in both languages. */
export function ppksLabel(code: string): Label {
  const c = NAMES.get(code);
  return c ? [`${code} ${c.id}`, `${code} ${c.en}`] : [code, code];
}
