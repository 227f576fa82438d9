/**
 * Signed evidence of the audit chain's head, with the office key (keys/officeKey.ts):
 * - the signed head (`audit_head`), rewritten by every append in the same transaction, so rows
 *   added to or removed from the end outside Pelita no longer match it;
 * - checkpoints (`audit_checkpoints`, append-only): every CHECKPOINT_EVERY entries, at start and
 *   stop, and when an admin asks; the newest is what an admin prints or exports to keep.
 */
import type { Kysely } from 'kysely';
import type { AuditCheckpointsTable, DB } from '../db/schema';
import type { OfficeKey } from '../keys/officeKey';

export const CHECKPOINT_EVERY = 500;

export interface Head {
  seq: number;
  hash: string;
  at: string;
}
export type CheckpointReason = AuditCheckpointsTable['reason'];

/** What the head signature covers; versioned so the message never means two things. */
export function headMessage(h: Head): string {
  return `pelita-audit-head/1\n${h.seq}\n${h.hash}\n${h.at}`;
}
export function checkpointMessage(h: Head & { reason: CheckpointReason }): string {
  return `pelita-audit-checkpoint/1\n${h.seq}\n${h.hash}\n${h.at}\n${h.reason}`;
}

export async function signHead(db: Kysely<DB>, key: OfficeKey, head: Head): Promise<void> {
  const row = { ...head, key_id: key.id, signature: key.sign(headMessage(head)) };
  await db
    .insertInto('audit_head')
    .values({ id: 1, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
}

export async function insertCheckpoint(
  db: Kysely<DB>,
  key: OfficeKey,
  head: Head,
  reason: CheckpointReason,
  userId: string | null,
) {
  const row = {
    ...head,
    reason,
    user_id: userId,
    key_id: key.id,
    public_key: key.publicKey,
    signature: key.sign(checkpointMessage({ ...head, reason })),
  };
  await db.insertInto('audit_checkpoints').values(row).execute();
  return row;
}

/** The newest entry of the trail, or null while it is empty. */
export async function trailHead(db: Kysely<DB>): Promise<{ seq: number; hash: string } | null> {
  const row = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * The start or stop checkpoint: signs the trail's head only when it is the head Pelita signed
 * last, so rows added while Pelita was closed are never covered by a new signature (verify
 * reports them). A trail from before signatures existed is adopted once, on the first start.
 */
export async function checkpointIfSigned(
  db: Kysely<DB>,
  key: OfficeKey,
  reason: 'start' | 'stop',
  at: string,
): Promise<boolean> {
  const head = await trailHead(db);
  if (!head) return false;
  const signed = await db.selectFrom('audit_head').selectAll().executeTakeFirst();
  if (signed) {
    const valid =
      signed.seq === head.seq &&
      signed.hash === head.hash &&
      key.verify(headMessage(signed), signed.signature);
    if (!valid) return false;
  } else {
    const any = await db.selectFrom('audit_checkpoints').select('id').limit(1).executeTakeFirst();
    if (any) return false;
    await signHead(db, key, { ...head, at });
  }
  await insertCheckpoint(db, key, { ...head, at }, reason, null);
  return true;
}
