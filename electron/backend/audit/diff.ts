type Plain = Record<string, unknown>;

const SKIP = new Set(['created_at', 'created_by', 'updated_at', 'updated_by', 'version']);

/** Values whose JSON differs whenever they differ (unlike numbers: NaN and null both say null). */
const plain = (v: unknown) => v === null || typeof v === 'string' || typeof v === 'boolean';

/** Equal as JSON. Plain values are compared directly: a large write diffs every field it sets. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (plain(a) && plain(b)) return false;
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The changed fields of a record as { field: [before, after] }. `before` null means created,
 * `after` null means removed.
 * Bookkeeping columns are left out: the audit row itself says who and when. Secret fields are
 * masked when the row is stored, by the rules each domain registers (audit/redaction.ts).
 */
export function diffRecords(
  before: Plain | null,
  after: Plain | null,
): Record<string, [unknown, unknown]> {
  // The fields of `after` are the audited ones; `before` may be a whole row with more columns.
  const keys = Object.keys(after ?? before ?? {});
  const out: Record<string, [unknown, unknown]> = {};
  for (const key of keys) {
    if (SKIP.has(key)) continue;
    const a = before ? (before[key] ?? null) : null;
    const b = after ? (after[key] ?? null) : null;
    if (same(a, b)) continue;
    out[key] = [a, b];
  }
  return out;
}
