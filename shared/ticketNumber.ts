/**
 * Complaint ticket numbers: one register pattern (shared/registers/pattern.ts) for complaints
 * and data-service requests, told apart by their kind codes (ADU, PLD), so the code is required.
 */
import {
  formatNumber,
  patternProblems as registerPatternProblems,
  type PatternProblem,
} from './registers/pattern';

export interface TicketParts {
  seq: number;
  year: number;
  /** 1–12 */
  month: number;
  kindCode: string;
}

/** Problems with a ticket pattern, as message keys (empty when it is usable). */
export function patternProblems(pattern: string): PatternProblem[] {
  return registerPatternProblems(pattern, { needsCode: true });
}

/** The ticket number for `parts`. Assumes a pattern without problems. */
export function formatTicketNumber(pattern: string, parts: TicketParts): string {
  return formatNumber(pattern, { ...parts, code: parts.kindCode });
}

/** Kind codes: 1–10 capital letters or digits (ADU, PLD, LD2). */
export const KIND_CODE = /^[A-Z0-9]{1,10}$/;
