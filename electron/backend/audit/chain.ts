import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { AuditLogTable, DB } from '../db/schema';
import type { OfficeKey } from '../keys/officeKey';
import { CHECKPOINT_EVERY, insertCheckpoint, signHead, trailHead } from './signatures';
import { redactSecrets } from './redaction';
import { insertRows } from '../db/bulk';
import { currentRowHashes } from './rowHash';

export const GENESIS_HASH = '0'.repeat(64);

/** What a handler or dispatch records about one action. */
export interface AuditEntry {
  at: string;
  userId: string | null;
  username: string | null;
  method: string;
  recordType?: string | null;
  recordId?: string | null;
  outcome: 'ok' | 'denied' | 'refused';
  changes?: Record<string, [unknown, unknown]> | null;
  note?: string | null;
  /** The tracked row this entry wrote: its content hash after the write is stored with it. */
  row?: { table: string; id: unknown } | null;
}

/** The columns a row's hash covers: all but the hashes themselves. */
export type HashedFields = Omit<Selectable<AuditLogTable>, 'prev_hash' | 'hash'>;

/**
 * The hash covers every column and the previous hash, so editing or removing any row shows.
 * Rows written before row hashes existed hash as they did then.
 */
export function entryHash(prevHash: string, row: HashedFields): string {
  const fields: unknown[] = [
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
  ];
  if (row.row_table !== null || row.row_hash !== null) fields.push(row.row_table, row.row_hash);
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(JSON.stringify(fields))
    .digest('hex');
}

/**
 * Text exactly as SQLite stores it: a lone UTF-16 surrogate cannot be written as UTF-8 and
 * comes back as U+FFFD, so it is replaced before hashing. What is hashed is what is stored,
 * and a written row always verifies.
 */
export function storedText<T extends string | null | undefined>(s: T): T {
  return (typeof s === 'string' ? s.replace(/\p{Cs}/gu, '\uFFFD') : s) as T;
}

/** The stored form of a diff: secrets masked (registered per record type), empty as null. */
function changesText(recordType: AuditEntry['recordType'], changes: AuditEntry['changes']) {
  const safe = redactSecrets(recordType, changes);
  // JSON.stringify writes a lone surrogate as an escape, so the JSON itself is well-formed.
  return safe && Object.keys(safe).length > 0 ? JSON.stringify(safe) : null;
}

type AuditLogRow = HashedFields & { prev_hash: string; hash: string };

/** The current hash of every row the entries wrote, by table and String(id). */
async function rowHashesOf(db: Kysely<DB>, entries: readonly AuditEntry[]) {
  const ids = new Map<string, unknown[]>();
  for (const e of entries)
    if (e.row) {
      const list = ids.get(e.row.table) ?? [];
      if (list.length === 0) ids.set(e.row.table, list);
      list.push(e.row.id);
    }
  const out = new Map<string, Map<string, string>>();
  for (const [table, list] of ids) out.set(table, await currentRowHashes(db, table, list));
  return out;
}

/** The entry that records a gap in the signatures; verify reports it (audit/verify.ts). */
export const GAP_METHOD = 'audit.unsigned';
const GAP_ENTRY = {
  userId: null,
  username: null,
  method: GAP_METHOD,
  outcome: 'denied',
} as const;

/**
 * How the trail's end differs from the head Pelita signed last, as `kind:from-to`: rows added
 * outside Pelita (`unsigned`), its newest rows deleted (`truncated`) or its chain rewritten
 * (`rewritten`). Null when it is the signed head, or nothing was signed yet.
 */
async function unsignedGap(
  db: Kysely<DB>,
  last: { seq: number; hash: string } | null,
): Promise<string | null> {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirst();
  const end = last ?? { seq: 0, hash: GENESIS_HASH };
  if (!head || (head.seq === end.seq && head.hash === end.hash)) return null;
  if (head.seq < end.seq) return `unsigned:${head.seq + 1}-${end.seq}`;
  if (head.seq > end.seq) return `truncated:${end.seq + 1}-${head.seq}`;
  return `rewritten:${head.seq}-${head.seq}`;
}

/**
 * Appends entries to the chain, signs the new head and, every CHECKPOINT_EVERY entries, a
 * checkpoint. Must run inside the caller's transaction: the backend holds a single connection,
 * so reading the last hash and inserting cannot interleave with others.
 */
export async function appendAudit(
  db: Kysely<DB>,
  entries: readonly AuditEntry[],
  key: OfficeKey,
): Promise<void> {
  if (entries.length === 0) return;
  const last = await trailHead(db);
  const firstSeq = (last?.seq ?? 0) + 1;
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  let at = '';
  // Rows added or removed since Pelita last signed the head are named before anything else
  // is appended, so the new signature never covers them unnoticed.
  const gap = await unsignedGap(db, last);
  const all: readonly AuditEntry[] = gap
    ? [{ ...GAP_ENTRY, at: entries[0]!.at, note: gap }, ...entries]
    : entries;
  // Read at the end of the write, so later statements of the same call are included.
  const rowHashes = await rowHashesOf(db, all);
  const rows: AuditLogRow[] = [];
  for (const e of all) {
    seq += 1;
    at = e.at;
    const row: HashedFields = {
      seq,
      at: e.at,
      user_id: storedText(e.userId),
      username: storedText(e.username),
      method: storedText(e.method),
      record_type: storedText(e.recordType ?? null),
      record_id: storedText(e.recordId ?? null),
      outcome: e.outcome,
      changes: changesText(e.recordType, e.changes),
      note: storedText(e.note ?? null),
      row_table: e.row ? e.row.table : null,
      row_hash: e.row ? rowHashes.get(e.row.table)!.get(String(e.row.id))! : null,
    };
    const hash = entryHash(prevHash, row);
    rows.push({ ...row, prev_hash: prevHash, hash });
    prevHash = hash;
  }
  await insertRows(db, 'audit_log', rows);
  await signHead(db, key, { seq, hash: prevHash, at });
  if (Math.floor((firstSeq - 1) / CHECKPOINT_EVERY) !== Math.floor(seq / CHECKPOINT_EVERY)) {
    await insertCheckpoint(db, key, { seq, hash: prevHash, at }, 'interval', null);
  }
}
