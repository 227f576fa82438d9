import { describe, expect, it } from 'vitest';
import { formatTicketNumber, KIND_CODE, patternProblems } from '../../shared/ticketNumber';

const parts = { seq: 7, year: 2026, month: 11, kindCode: 'ADU' };

describe('ticket number patterns', () => {
  it('fills every token', () => {
    expect(formatTicketNumber('{kind}/{seq:4}/DINSOS-BJB/{year}', parts)).toBe(
      'ADU/0007/DINSOS-BJB/2026',
    );
    expect(formatTicketNumber('{kind}-{yy}{month}-{seq}', parts)).toBe('ADU-2611-7');
    expect(formatTicketNumber('{seq:3}/{kind}/{romanMonth}/{year}', parts)).toBe('007/ADU/XI/2026');
    // A sequence wider than its padding is never cut.
    expect(formatTicketNumber('{kind}{seq:2}{year}', { ...parts, seq: 1234 })).toBe('ADU12342026');
  });

  it('accepts the default pattern', () => {
    expect(patternProblems('{kind}/{seq:4}/DINSOS-BJB/{year}')).toEqual([]);
    expect(patternProblems('{kind}.{seq}.{yy}')).toEqual([]);
  });

  it('names what a pattern lacks or gets wrong', () => {
    expect(patternProblems('ADU/{seq:4}/{year}')).toEqual(['register.pattern_needs_code']);
    expect(patternProblems('{kind}/{year}')).toEqual(['register.pattern_needs_seq']);
    expect(patternProblems('{kind}/{seq}')).toEqual(['register.pattern_needs_year']);
    expect(patternProblems('{kind}/{seq}/{year}/{day}')).toContain(
      'register.pattern_unknown_token',
    );
    expect(patternProblems('{kind}/{seq}/{year:2}')).toContain('register.pattern_unknown_token');
    expect(patternProblems('{kind}/{seq:9}/{year}')).toEqual(['register.pattern_seq_width']);
    expect(patternProblems('{kind}/{seq}/{year}#')).toEqual(['register.pattern_characters']);
    expect(patternProblems('{kind}/{seq}/{year')).toEqual([
      'register.pattern_characters',
      'register.pattern_needs_year',
    ]);
  });

  it('checks kind codes', () => {
    expect(KIND_CODE.test('ADU')).toBe(true);
    expect(KIND_CODE.test('PLD2')).toBe(true);
    expect(KIND_CODE.test('adu')).toBe(false);
    expect(KIND_CODE.test('A/B')).toBe(false);
    expect(KIND_CODE.test('')).toBe(false);
  });
});
