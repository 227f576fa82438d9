/**
 * Accounts that skip the first-sign-in password change (the demo's staff, so a newcomer can look
 * around at once; test fixtures). Done outside dispatch, so it records itself in the trail with
 * each account's new row hash, as every change of a user is (audit/rowHash.ts).
 */
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/chain';
import type { DB } from '../db/schema';
import { inTransaction } from '../dispatch/dispatch';
import { openOfficeKey } from '../keys/officeKey';

export async function skipFirstPasswordChange(
  db: Kysely<DB>,
  dataDir: string,
  usernames: readonly string[],
  at: string,
): Promise<void> {
  if (usernames.length === 0) return;
  await inTransaction(db, async (trx) => {
    const users = await trx
      .updateTable('users')
      .set({ must_change_password: 0 })
      .where('username', 'in', usernames)
      .returning('id')
      .execute();
    await appendAudit(
      trx,
      users.map((u) => ({
        at,
        userId: null,
        username: null,
        method: 'users.skipFirstPasswordChange',
        recordType: 'user',
        recordId: u.id,
        outcome: 'ok' as const,
        changes: { must_change_password: [1, 0] },
        row: { table: 'users', id: u.id },
      })),
      openOfficeKey(dataDir),
    );
  });
}
