/** Lower case, diacritics and punctuation removed, single spaces: the form the index holds. */
export function normalizeRegionName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** 63.72.01.1001 → ['63', '63.72', '63.72.01'] */
export function ancestorCodes(code: string): string[] {
  const parts = code.split('.');
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) out.push(parts.slice(0, i).join('.'));
  return out;
}

export function levelOf(code: string): 1 | 2 | 3 | 4 {
  return Math.min(code.split('.').length, 4) as 1 | 2 | 3 | 4;
}
