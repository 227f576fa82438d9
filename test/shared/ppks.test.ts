/** The PPKS catalogue (shared/reference/ppks.json) is data: check it is whole and in order. */
import { describe, expect, it } from 'vitest';
import { isPpksCode, PPKS_CATEGORIES, PPKS_CODES } from '../../shared/reference/ppks';

describe('PPKS catalogue', () => {
  it('holds the 26 categories of Permensos 08/2012, numbered in its order', () => {
    expect(PPKS_CODES).toEqual(
      Array.from({ length: 26 }, (_, i) => `PPKS-${String(i + 1).padStart(2, '0')}`),
    );
    expect(PPKS_CATEGORIES.map((c) => c.code)).toEqual(PPKS_CODES);
  });

  it('names each in Bahasa Indonesia and English, once', () => {
    for (const c of PPKS_CATEGORIES) {
      expect(c.id.trim(), c.code).not.toBe('');
      expect(c.en.trim(), c.code).not.toBe('');
    }
    expect(new Set(PPKS_CATEGORIES.map((c) => c.id)).size).toBe(26);
    expect(PPKS_CATEGORIES.find((c) => c.code === 'PPKS-11')).toEqual({
      code: 'PPKS-11',
      id: 'Gelandangan',
      en: 'Homeless person',
    });
  });

  it('knows its codes and nothing else', () => {
    expect(isPpksCode('PPKS-26')).toBe(true);
    expect(isPpksCode('PPKS-27')).toBe(false);
    expect(isPpksCode('toString')).toBe(false);
  });
});
