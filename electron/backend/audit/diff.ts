/** Fields whose values never enter the audit trail, only the fact that they changed. */
const SECRET_FIELDS = new Set([
  'password',
  'password_hash',
  'passwordHash',
  'newPassword',
  'token',
]);
export const REDACTED = '[redacted]';

type Plain = Record<string, unknown>;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The changed fields of a record as { field: [before, after] }. `before` null means created,
 * `after` null means removed.
 * Bookkeeping columns are left out: the audit row itself says who and when.
 */
export function diffRecords(
  before: Plain | null,
  after: Plain | null,
): Record<string, [unknown, unknown]> {
  const skip = new Set(['created_at', 'created_by', 'updated_at', 'updated_by', 'version']);
  // The fields of `after` are the audited ones; `before` may be a whole row with more columns.
  const keys = Object.keys(after ?? before ?? {});
  const out: Record<string, [unknown, unknown]> = {};
  for (const key of keys) {
    if (skip.has(key)) continue;
    const a = before ? (before[key] ?? null) : null;
    const b = after ? (after[key] ?? null) : null;
    if (same(a, b)) continue;
    out[key] = SECRET_FIELDS.has(key) ? [before ? REDACTED : null, REDACTED] : [a, b];
  }
  return out;
}
