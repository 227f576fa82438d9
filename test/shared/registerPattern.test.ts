import { describe, expect, it } from 'vitest';
import { translate } from '../../shared/i18n';
import { formatNumber, patternProblems } from '../../shared/registers/pattern';

const parts = { seq: 7, year: 2026, month: 11, code: '400.9.1' };

describe('register number patterns', () => {
  it('fill each token', () => {
    expect(formatNumber('{seq}', parts)).toBe('7');
    expect(formatNumber('{seq:4}', parts)).toBe('0007');
    expect(formatNumber('{seq:1}', { ...parts, seq: 12 })).toBe('12');
    expect(formatNumber('{year}', parts)).toBe('2026');
    expect(formatNumber('{yy}', { ...parts, year: 2007 })).toBe('07');
    expect(formatNumber('{month}', { ...parts, month: 3 })).toBe('03');
    expect(formatNumber('{month}', parts)).toBe('11');
    expect(formatNumber('{code}', parts)).toBe('400.9.1');
    // {kind} is the name complaint patterns have always used for the code.
    expect(formatNumber('{kind}', { ...parts, code: 'ADU' })).toBe('ADU');
    expect(
      Array.from({ length: 12 }, (_, i) =>
        formatNumber('{romanMonth}', { ...parts, month: i + 1 }),
      ),
    ).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII']);
  });

  it('make a letter number as on Indonesian official letters', () => {
    const pattern = '{code}/{seq:3}/DINSOS/{romanMonth}/{year}';
    expect(patternProblems(pattern)).toEqual([]);
    expect(formatNumber(pattern, parts)).toBe('400.9.1/007/DINSOS/XI/2026');
    // A sequence longer than its padding is never cut.
    expect(formatNumber(pattern, { ...parts, seq: 12345 })).toBe('400.9.1/12345/DINSOS/XI/2026');
  });

  it('need the sequence and the year, and the code only where registers share a pattern', () => {
    expect(patternProblems('{seq}/{year}')).toEqual([]);
    expect(patternProblems('{seq}/{yy}')).toEqual([]);
    expect(patternProblems('{seq}/{year}', { needsCode: true })).toEqual([
      'register.pattern_needs_code',
    ]);
    expect(patternProblems('{kind}/{seq}/{year}', { needsCode: true })).toEqual([]);
    expect(patternProblems('{code}/{seq}/{year}', { needsCode: true })).toEqual([]);
    expect(patternProblems('ADU/{year}')).toEqual(['register.pattern_needs_seq']);
    expect(patternProblems('{seq:4}/DINSOS')).toEqual(['register.pattern_needs_year']);
  });

  it('refuse unknown tokens, widths and characters', () => {
    expect(patternProblems('{seq}/{year}/{day}')).toEqual(['register.pattern_unknown_token']);
    expect(patternProblems('{seq}/{year:2}')).toEqual([
      'register.pattern_unknown_token',
      'register.pattern_needs_year',
    ]);
    expect(patternProblems('{Seq}/{year}')).toEqual([
      'register.pattern_unknown_token',
      'register.pattern_needs_seq',
    ]);
    expect(patternProblems('{seq:0}/{year}')).toEqual(['register.pattern_seq_width']);
    expect(patternProblems('{seq:9}/{year}')).toEqual(['register.pattern_seq_width']);
    expect(patternProblems('{seq}/{year}#')).toEqual(['register.pattern_characters']);
    expect(patternProblems('{seq}/{year')).toEqual([
      'register.pattern_characters',
      'register.pattern_needs_year',
    ]);
    expect(patternProblems('')).toEqual([
      'register.pattern_needs_seq',
      'register.pattern_needs_year',
    ]);
  });

  it('explain every refusal in both languages, naming what to use', () => {
    const expected = {
      'register.pattern_unknown_token': ['{romanMonth}', '{code}'],
      'register.pattern_needs_seq': ['{seq}'],
      'register.pattern_needs_year': ['{year}', '{yy}'],
      'register.pattern_needs_code': ['{code}', '{kind}'],
      'register.pattern_characters': ['. / - _'],
      'register.pattern_seq_width': ['1', '8'],
    } as const;
    for (const [key, mentions] of Object.entries(expected)) {
      for (const locale of ['id', 'en'] as const) {
        const text = translate(locale, key as keyof typeof expected);
        expect(text, `${key} ${locale}`).not.toBe(key);
        for (const m of mentions) expect(text, `${key} ${locale}`).toContain(m);
      }
    }
    expect(translate('id', 'register.pattern_needs_year')).toContain('setiap tahun');
    expect(translate('en', 'register.pattern_needs_year')).toContain('every year');
  });
});
