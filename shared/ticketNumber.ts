/**
 * Ticket numbers of complaints from an admin-editable pattern, e.g.
 * `{kind}/{seq:4}/DINSOS-BJB/{year}` → `ADU/0007/DINSOS-BJB/2026`.
 *
 * Tokens: {seq} the yearly sequence, {seq:N} padded to N digits (1–8), {year} (2026), {yy} (26),
 * {month} (01–12), {romanMonth} (I–XII, as on Indonesian official letters), {kind} (the code of
 * the complaint's kind, e.g. ADU or PLD). The sequence restarts every year and runs per kind, so a
 * pattern must hold {seq}, {kind} and {year} (or {yy}) for numbers to stay unique.
 */

export interface TicketParts {
  seq: number;
  year: number;
  /** 1–12 */
  month: number;
  kindCode: string;
}

export type PatternProblem =
  | 'ticket.pattern_unknown_token'
  | 'ticket.pattern_needs_seq'
  | 'ticket.pattern_needs_year'
  | 'ticket.pattern_needs_kind'
  | 'ticket.pattern_characters'
  | 'ticket.pattern_seq_width';

const TOKEN = /\{([a-zA-Z]+)(?::(\d+))?\}/g;
const KNOWN = new Set(['seq', 'year', 'yy', 'month', 'romanMonth', 'kind']);
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
/** Letters, digits and the separators official numbers use; no braces left outside tokens. */
const LITERAL = /^[A-Za-z0-9./\-_ ]*$/;

/** Problems with a pattern, as message keys (empty when it is usable). */
export function patternProblems(pattern: string): PatternProblem[] {
  const problems = new Set<PatternProblem>();
  const seen = new Set<string>();
  for (const m of pattern.matchAll(TOKEN)) {
    const name = m[1]!;
    if (!KNOWN.has(name) || (m[2] !== undefined && name !== 'seq')) {
      problems.add('ticket.pattern_unknown_token');
      continue;
    }
    if (name === 'seq' && m[2] !== undefined) {
      const width = Number(m[2]);
      if (width < 1 || width > 8) problems.add('ticket.pattern_seq_width');
    }
    seen.add(name);
  }
  if (!LITERAL.test(pattern.replace(TOKEN, ''))) problems.add('ticket.pattern_characters');
  if (!seen.has('seq')) problems.add('ticket.pattern_needs_seq');
  if (!seen.has('year') && !seen.has('yy')) problems.add('ticket.pattern_needs_year');
  if (!seen.has('kind')) problems.add('ticket.pattern_needs_kind');
  return [...problems];
}

/** The number for `parts`. Assumes a pattern without problems. */
export function formatTicketNumber(pattern: string, parts: TicketParts): string {
  return pattern.replace(TOKEN, (whole, name: string, width?: string) => {
    switch (name) {
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
      case 'kind':
        return parts.kindCode;
      default:
        return whole;
    }
  });
}

/** Kind codes: 1–10 capital letters or digits (ADU, PLD, LD2). */
export const KIND_CODE = /^[A-Z0-9]{1,10}$/;
