import { sql, type UpdateResult } from 'kysely';
import { staleRecord } from '../errors';

/** `version = version + 1`, for optimistic concurrency on every user-edited table. */
export const nextVersion = sql<number>`version + 1`;

/** An update guarded by `WHERE version = ?` touched nothing: someone saved first. */
export function assertUpdated(result: UpdateResult): void {
  if (Number(result.numUpdatedRows) === 0) throw staleRecord();
}
