/**
 * Number patterns of the gapless registers (complaint tickets now, case and letter numbers next),
 * e.g. `{code}/{seq:4}/DINSOS-BJB/{year}` → `ADU/0007/DINSOS-BJB/2026`. Pure and shared: the
 * backend issues numbers with it, the admin screens preview them.
 *
 * Tokens: {seq} the yearly sequence, {seq:N} zero-padded to N digits (1–8; a longer sequence is
 * never cut), {year} (2026), {yy} (26), {month} (01–12), {romanMonth} (I–XII, as on Indonesian
 * official letters), {code} (the register's code: a complaint kind's ADU, a letter's
 * classification code) and {kind}, the name complaint patterns have used for {code}.
 *
 * A register restarts every year, so a pattern must hold {seq} and the year ({year} or {yy}).
 * Registers that share one pattern across several codes (complaints and data services) also
 * need {code}, or two registers would issue the same number.
 */

export interface NumberParts {
  seq: number;
  year: number;
  /** 1–12 */
  month: number;
  code: string;
}

export type PatternProblem =
  | 'register.pattern_unknown_token'
  | 'register.pattern_needs_seq'
  | 'register.pattern_needs_year'
  | 'register.pattern_needs_code'
  | 'register.pattern_characters'
  | 'register.pattern_seq_width';

export const PATTERN_TOKENS = ['seq', 'year', 'yy', 'month', 'romanMonth', 'code', 'kind'] as const;
export type PatternToken = (typeof PATTERN_TOKENS)[number];

const TOKEN = /\{([a-zA-Z]+)(?::(\d+))?\}/g;
const KNOWN = new Set<string>(PATTERN_TOKENS);
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
/** Letters, digits and the separators official numbers use; no braces left outside tokens. */
const LITERAL = /^[A-Za-z0-9./\-_ ]*$/;
export const MAX_SEQ_WIDTH = 8;

/** Problems with a pattern, as message keys (empty when it is usable). */
export function patternProblems(
  pattern: string,
  opts: { needsCode?: boolean } = {},
): PatternProblem[] {
  const problems = new Set<PatternProblem>();
  const seen = new Set<string>();
  for (const m of pattern.matchAll(TOKEN)) {
    const name = m[1]!;
    if (!KNOWN.has(name) || (m[2] !== undefined && name !== 'seq')) {
      problems.add('register.pattern_unknown_token');
      continue;
    }
    if (name === 'seq' && m[2] !== undefined) {
      const width = Number(m[2]);
      if (width < 1 || width > MAX_SEQ_WIDTH) problems.add('register.pattern_seq_width');
    }
    seen.add(name);
  }
  if (!LITERAL.test(pattern.replace(TOKEN, ''))) problems.add('register.pattern_characters');
  if (!seen.has('seq')) problems.add('register.pattern_needs_seq');
  if (!seen.has('year') && !seen.has('yy')) problems.add('register.pattern_needs_year');
  if (opts.needsCode && !seen.has('code') && !seen.has('kind'))
    problems.add('register.pattern_needs_code');
  return [...problems];
}

/** The number for `parts`. Assumes a pattern without problems. */
export function formatNumber(pattern: string, parts: NumberParts): string {
  return pattern.replace(TOKEN, (whole, name: string, width?: string) => {
    switch (name as PatternToken) {
      case 'seq':
        return width ? String(parts.seq).padStart(Number(width), '0') : String(parts.seq);
      case 'year':
        return String(parts.year);
      case 'yy':
        return String(parts.year % 100).padStart(2, '0');
      case 'month':
        return String(parts.month).padStart(2, '0');
      case 'romanMonth':
        return ROMAN[parts.month - 1] ?? whole;
      case 'code':
      case 'kind':
        return parts.code;
      default:
        return whole;
    }
  });
}
