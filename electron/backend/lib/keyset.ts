/**
 * Keyset pages in either direction (shared/contract/schemas `keysetInput`): the next page reads
 * on from the last row shown, the previous one reads backwards from the first row shown and is
 * turned round, so both come straight from an index in key order.
 */
export interface KeysetRequest {
  after?: string | undefined;
  before?: string | undefined;
  limit: number;
}

export interface KeysetPlan {
  /** The cursor to compare with, if any. */
  cursor: string | undefined;
  /** Compare keys with this operator against the cursor. */
  op: '<' | '>';
  /** Read in this key order (LIMIT limit + 1). */
  order: 'asc' | 'desc';
  backwards: boolean;
}

/** How to read the page of `input` from a list shown in `descending` key order. */
export function keysetPlan(input: KeysetRequest, descending: boolean): KeysetPlan {
  const backwards = !input.after && !!input.before;
  const towardsLower = descending !== backwards;
  return {
    cursor: input.after ?? input.before,
    op: towardsLower ? '<' : '>',
    order: towardsLower ? 'desc' : 'asc',
    backwards,
  };
}

/** The page in display order with its next/previous cursors, from `limit + 1` rows read. */
export function keysetPage<R>(
  read: R[],
  input: KeysetRequest,
  plan: KeysetPlan,
  cursorOf: (row: R) => string,
): { rows: R[]; next: string | null; prev: string | null } {
  const more = read.length > input.limit;
  const rows = read.slice(0, input.limit);
  if (plan.backwards) rows.reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (plan.backwards) {
    return {
      rows,
      prev: more && first ? cursorOf(first) : null,
      next: last ? cursorOf(last) : null,
    };
  }
  return {
    rows,
    next: more && last ? cursorOf(last) : null,
    prev: input.after && first ? cursorOf(first) : null,
  };
}
