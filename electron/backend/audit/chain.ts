import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { AuditLogTable, DB } from '../db/schema';
import { redactSecrets } from './redaction';

export const GENESIS_HASH = '0'.repeat(64);

/** What a handler or dispatch records about one action. */
export interface AuditEntry {
  at: string;
  userId: string | null;
  username: string | null;
  method: string;
  recordType?: string | null;
  recordId?: string | null;
  outcome: 'ok' | 'denied';
  changes?: Record<string, [unknown, unknown]> | null;
  note?: string | null;
}

/** The columns a row's hash covers: all but the hashes themselves. */
type HashedFields = Omit<Selectable<AuditLogTable>, 'prev_hash' | 'hash'>;

/** The hash covers every column and the previous hash, so editing or removing any row shows. */
export function entryHash(prevHash: string, row: HashedFields): string {
  const payload = JSON.stringify([
    row.seq,
    row.at,
    row.user_id,
    row.username,
    row.method,
    row.record_type,
    row.record_id,
    row.outcome,
    row.changes,
    row.note,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(payload).digest('hex');
}

/** The stored form of a diff: secrets masked (registered per record type), empty as null. */
function changesText(recordType: AuditEntry['recordType'], changes: AuditEntry['changes']) {
  const safe = redactSecrets(recordType, changes);
  return safe && Object.keys(safe).length > 0 ? JSON.stringify(safe) : null;
}

/**
 * Appends entries to the chain. Must run inside the caller's transaction: the backend holds
 * a single connection, so reading the last hash and inserting cannot interleave with others.
 */
export async function appendAudit(db: Kysely<DB>, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const last = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  for (const e of entries) {
    seq += 1;
    const row: HashedFields = {
      seq,
      at: e.at,
      user_id: e.userId,
      username: e.username,
      method: e.method,
      record_type: e.recordType ?? null,
      record_id: e.recordId ?? null,
      outcome: e.outcome,
      changes: changesText(e.recordType, e.changes),
      note: e.note ?? null,
    };
    const hash = entryHash(prevHash, row);
    await db
      .insertInto('audit_log')
      .values({ ...row, prev_hash: prevHash, hash })
      .execute();
    prevHash = hash;
  }
}

export interface ChainCheck {
  intact: boolean;
  checked: number;
  brokenAtSeq: number | null;
  headSeq: number | null;
  headHash: string | null;
}

type StoredRow = HashedFields & { prev_hash: string; hash: string };

/** Checks rows fed in seq order; stops at the first row whose link or content does not match. */
export class ChainVerifier {
  private prevHash = GENESIS_HASH;
  private expectedSeq = 1;
  private checked = 0;
  private brokenAtSeq: number | null = null;

  /** False once the chain is broken; further rows are ignored. */
  add(row: StoredRow): boolean {
    if (this.brokenAtSeq !== null) return false;
    const ok =
      row.seq === this.expectedSeq &&
      row.prev_hash === this.prevHash &&
      entryHash(this.prevHash, row) === row.hash;
    if (!ok) {
      this.brokenAtSeq = row.seq;
      return false;
    }
    this.prevHash = row.hash;
    this.expectedSeq += 1;
    this.checked += 1;
    return true;
  }

  result(): ChainCheck {
    const head = this.checked > 0 && this.brokenAtSeq === null;
    return {
      intact: this.brokenAtSeq === null,
      checked: this.checked,
      brokenAtSeq: this.brokenAtSeq,
      headSeq: head ? this.expectedSeq - 1 : null,
      headHash: head ? this.prevHash : null,
    };
  }
}
