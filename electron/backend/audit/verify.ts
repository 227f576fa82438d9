/**
 * audit.verify: everything the trail can show about itself, in one pass over it.
 * - the chain: each row's hash over its content, each link to the row before; it keeps going
 *   after a break and reports every edited, re-linked or missing row;
 * - the signatures: every checkpoint and the signed head against the office key and against the
 *   rows they name, so rows removed from the end, a chain recomputed after an edit and rows
 *   appended outside Pelita show;
 * - the append-only triggers' presence;
 * - the domain rows each audited write left, hashed again as they are now.
 * What it cannot prove is said in the report (`limits`).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { OfficeKey } from '../keys/officeKey';
import { entryHash, GAP_METHOD, GENESIS_HASH } from './chain';
import { labelKey, recordLabels } from './labels';
import { ROW_GONE, rowHash } from './rowHash';
import { checkpointMessage, headMessage } from './signatures';
import type { Output } from '../../../shared/contract';

type Report = Output<'audit.verify'>;
type Problem = Report['problems'][number];

/** Enough to act on; the count says how many more there are. */
const MAX_PROBLEMS = 200;

export const AUDIT_TRIGGERS = [
  'audit_log_no_update',
  'audit_log_no_delete',
  'audit_checkpoints_no_update',
  'audit_checkpoints_no_delete',
] as const;

class Problems {
  readonly list: Problem[] = [];
  count = 0;
  add(p: Partial<Problem> & Pick<Problem, 'kind'>) {
    this.count += 1;
    if (this.list.length < MAX_PROBLEMS)
      this.list.push({
        seq: null,
        toSeq: null,
        detail: null,
        recordType: null,
        recordId: null,
        recordLabel: null,
        ...p,
      });
  }
}

interface AuditedRow {
  recordType: string | null;
  recordId: string;
  hash: string;
  seq: number;
}

export async function verifyTrail(db: Kysely<DB>, key: OfficeKey): Promise<Report> {
  const problems = new Problems();
  const checkpoints = await db.selectFrom('audit_checkpoints').selectAll().orderBy('id').execute();
  const bySeq = new Map<number, typeof checkpoints>();
  for (const cp of checkpoints) {
    bySeq.set(cp.seq, [...(bySeq.get(cp.seq) ?? []), cp]);
    const signed =
      cp.public_key === key.publicKey && key.verify(checkpointMessage(cp), cp.signature);
    if (!signed)
      problems.add({
        kind: 'checkpoint_signature',
        seq: cp.seq,
        detail: cp.public_key === key.publicKey ? null : cp.key_id,
      });
  }
  const head = await db.selectFrom('audit_head').selectAll().executeTakeFirst();

  // One pass over the chain, in order; memory holds only the audited rows' last hashes.
  const audited = new Map<string, Map<string, AuditedRow>>();
  let prevSeq = 0;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for await (const row of db.selectFrom('audit_log').selectAll().orderBy('seq').stream(1000)) {
    const expected = prevSeq + 1;
    if (row.seq > expected) problems.add({ kind: 'missing', seq: expected, toSeq: row.seq - 1 });
    if (entryHash(row.prev_hash, row) !== row.hash) problems.add({ kind: 'edited', seq: row.seq });
    else if (row.seq === expected && row.prev_hash !== prevHash)
      problems.add({ kind: 'relinked', seq: row.seq });
    for (const cp of bySeq.get(row.seq) ?? [])
      if (cp.hash !== row.hash) problems.add({ kind: 'checkpoint_mismatch', seq: row.seq });
    if (head && head.seq === row.seq && head.hash !== row.hash)
      problems.add({ kind: 'head_mismatch', seq: row.seq });
    if (row.method === GAP_METHOD) gapProblem(row.note, problems);
    if (row.row_table && row.row_hash && row.record_id) {
      let rows = audited.get(row.row_table);
      if (!rows) audited.set(row.row_table, (rows = new Map()));
      rows.set(row.record_id, {
        recordType: row.record_type,
        recordId: row.record_id,
        hash: row.row_hash,
        seq: row.seq,
      });
    }
    prevSeq = row.seq;
    prevHash = row.hash;
    checked += 1;
  }

  const newest = checkpoints.at(-1) ?? null;
  // The furthest entry anything signed: beyond the trail's end, its newest rows were deleted.
  const signedTo = Math.max(head?.seq ?? 0, ...checkpoints.map((cp) => cp.seq));
  if (signedTo > prevSeq) problems.add({ kind: 'truncated', seq: prevSeq + 1, toSeq: signedTo });
  let headValid = false;
  if (head) {
    headValid = head.key_id === key.id && key.verify(headMessage(head), head.signature);
    if (!headValid) problems.add({ kind: 'head_signature', seq: head.seq });
    if (head.seq < prevSeq)
      problems.add({ kind: 'unsigned_tail', seq: head.seq + 1, toSeq: prevSeq });
  } else if (checked > 0) {
    problems.add({ kind: 'no_head', seq: 1, toSeq: prevSeq });
  }

  const triggers = await presentTriggers(db);
  for (const name of AUDIT_TRIGGERS)
    if (!triggers.has(name)) problems.add({ kind: 'trigger_missing', detail: name });

  const rowsChecked = await compareRows(db, audited, problems);
  const labels = await recordLabels(db, problems.list);
  for (const p of problems.list)
    if (p.recordType && p.recordId)
      p.recordLabel = labels.get(labelKey(p.recordType, p.recordId)) ?? null;

  return {
    intact: problems.count === 0,
    checked,
    brokenAtSeq: problems.list.find((p) => p.seq !== null)?.seq ?? null,
    headSeq: checked > 0 ? prevSeq : null,
    headHash: checked > 0 ? prevHash : null,
    problems: problems.list,
    problemCount: problems.count,
    checkpoint: newest && {
      seq: newest.seq,
      hash: newest.hash,
      at: newest.at,
      reason: newest.reason,
      keyId: newest.key_id,
    },
    checkpoints: checkpoints.length,
    signedHead: head ? { seq: head.seq, at: head.at, valid: headValid } : null,
    triggers: AUDIT_TRIGGERS.map((name) => ({ name, present: triggers.has(name) })),
    rowsChecked,
    keyId: key.id,
  };
}

const GAP_KINDS = {
  unsigned: 'unsigned_tail',
  truncated: 'truncated',
  rewritten: 'head_mismatch',
} as const;

/** A gap the writer found before appending (chain.ts, unsignedGap): reported as it was found. */
function gapProblem(note: string | null, problems: Problems) {
  const m = /^(unsigned|truncated|rewritten):(\d+)-(\d+)$/.exec(note ?? '');
  if (!m) return;
  problems.add({
    kind: GAP_KINDS[m[1] as keyof typeof GAP_KINDS],
    seq: Number(m[2]),
    toSeq: Number(m[3]),
  });
}

/** The append-only triggers as they are in the file: present and still refusing. */
async function presentTriggers(db: Kysely<DB>): Promise<Set<string>> {
  const { rows } = await sql<{ name: string; sql: string | null }>`
    SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`.execute(db);
  return new Set(rows.filter((r) => /RAISE\s*\(\s*ABORT/i.test(r.sql ?? '')).map((r) => r.name));
}

/**
 * Each audited row as it is now against its hash after Pelita's last write to it. Only tables
 * that exist are read (the name comes from the trail, which may itself be edited).
 */
async function compareRows(
  db: Kysely<DB>,
  audited: Map<string, Map<string, AuditedRow>>,
  problems: Problems,
): Promise<number> {
  const { rows: tables } = await sql<{ name: string }>`
    SELECT name FROM sqlite_master WHERE type = 'table'`.execute(db);
  const known = new Set(tables.map((t) => t.name));
  let checked = 0;
  for (const [table, rows] of audited) {
    if (!known.has(table)) continue;
    const seen = new Set<string>();
    // Streamed: a registry of a hundred thousand people is never held at once.
    const current = (db as unknown as Kysely<Record<string, Record<string, unknown>>>)
      .selectFrom(table)
      .selectAll()
      .stream(1000);
    for await (const row of current) {
      const a = rows.get(String(row.id));
      if (!a) continue;
      seen.add(a.recordId);
      checked += 1;
      if (rowHash(table, row) !== a.hash)
        problems.add({
          kind: a.hash === ROW_GONE ? 'row_reappeared' : 'row_changed',
          seq: a.seq,
          detail: table,
          recordType: a.recordType,
          recordId: a.recordId,
        });
    }
    for (const a of rows.values()) {
      if (seen.has(a.recordId) || a.hash === ROW_GONE) continue;
      checked += 1;
      problems.add({
        kind: 'row_removed',
        seq: a.seq,
        detail: table,
        recordType: a.recordType,
        recordId: a.recordId,
      });
    }
  }
  return checked;
}
