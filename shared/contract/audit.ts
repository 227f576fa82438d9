import { z } from 'zod';
import { method } from './method';
import { calendarDate, id, isoDateTime, keysetInput, keysetOutput, searchText } from './schemas';

export const AUDIT_OUTCOMES = ['ok', 'denied', 'refused'] as const;

export const auditRow = z.object({
  seq: z.number().int(),
  at: isoDateTime,
  userId: z.string().nullable(),
  username: z.string().nullable(),
  method: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
  /** Changed fields: { field: [before, after] }; secrets are replaced by a marker. */
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).nullable(),
  note: z.string().nullable(),
  /** The record by name or number (a person's name, a complaint's number); null if none. */
  recordLabel: z.string().nullable(),
});
export type AuditRow = z.infer<typeof auditRow>;

export const CHECKPOINT_REASONS = ['interval', 'start', 'stop', 'admin'] as const;

export const checkpoint = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  hash: z.string(),
  at: isoDateTime,
  reason: z.enum(CHECKPOINT_REASONS),
  keyId: z.string(),
  signature: z.string(),
});
export type Checkpoint = z.infer<typeof checkpoint>;

/** What verify can find; each is listed with where it is (shared/i18n: audit.problem.*). */
export const VERIFY_PROBLEMS = [
  'edited',
  'relinked',
  'missing',
  'truncated',
  'unsigned_tail',
  'no_head',
  'head_signature',
  'head_mismatch',
  'checkpoint_signature',
  'checkpoint_mismatch',
  'trigger_missing',
  'row_changed',
  'row_removed',
  'row_reappeared',
] as const;

export const verifyReport = z.object({
  /** Nothing below was found. */
  intact: z.boolean(),
  /** Entries read. */
  checked: z.number().int(),
  /** The first entry with a problem (entries, not triggers or rows), or null. */
  brokenAtSeq: z.number().int().nullable(),
  /** The newest entry and its hash, to compare with a printed checkpoint. */
  headSeq: z.number().int().nullable(),
  headHash: z.string().nullable(),
  /** Every problem found, in trail order, at most 200; `problemCount` counts them all. */
  problems: z.array(
    z.object({
      kind: z.enum(VERIFY_PROBLEMS),
      seq: z.number().int().nullable(),
      /** The last entry of a range (missing, unsigned). */
      toSeq: z.number().int().nullable(),
      /** A trigger's or table's name, another key's fingerprint. */
      detail: z.string().nullable(),
      recordType: z.string().nullable(),
      recordId: z.string().nullable(),
      /** The record by name or number, while it still exists. */
      recordLabel: z.string().nullable(),
    }),
  ),
  problemCount: z.number().int(),
  /** The newest signed checkpoint. */
  checkpoint: checkpoint.omit({ id: true, signature: true }).nullable(),
  checkpoints: z.number().int(),
  /** The head Pelita signed with its last write. */
  signedHead: z.object({ seq: z.number().int(), at: isoDateTime, valid: z.boolean() }).nullable(),
  triggers: z.array(z.object({ name: z.string(), present: z.boolean() })),
  /** Domain rows compared with their last audited state. */
  rowsChecked: z.number().int(),
  /** The fingerprint of the office key this PC signs with. */
  keyId: z.string(),
});

/** Audit trail orders: by entry number, newest or oldest first. */
export const AUDIT_SORTS = ['newest', 'oldest'] as const;

export const auditContract = {
  /**
   * Newest first (or oldest first), keyset-paged by the entry number so it stays fast with years
   * of entries: no total, next and previous pages from the cursors.
   */
  'audit.list': method({
    access: 'audit.read',
    write: false,
    input: z.strictObject({
      userId: id.optional(),
      method: searchText(80).optional(),
      recordType: searchText(80).optional(),
      recordId: searchText(80).optional(),
      from: calendarDate.optional(),
      to: calendarDate.optional(),
      sort: z.enum(AUDIT_SORTS).default('newest'),
      ...keysetInput,
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({ rows: z.array(auditRow), ...keysetOutput }),
  }),
  /**
   * Checks the whole trail (electron/backend/audit/verify.ts): the chain, the signed head and
   * checkpoints, the append-only triggers, and the domain rows against their last audited state.
   */
  'audit.verify': method({
    access: 'audit.read',
    write: false,
    input: z.strictObject({}),
    output: verifyReport,
  }),
  /** The newest signed checkpoints, newest first. */
  'audit.checkpoints': method({
    access: 'audit.read',
    write: false,
    input: z.strictObject({ limit: z.number().int().min(1).max(100).default(10) }),
    output: z.object({
      checkpoints: z.array(checkpoint),
      keyId: z.string(),
      publicKey: z.string(),
    }),
  }),
  /** Signs a checkpoint of the trail's head now (admin), to print or export and keep. */
  'audit.checkpoint': method({
    access: 'audit.read',
    write: true,
    input: z.strictObject({}),
    output: checkpoint,
  }),
  /** The latest checkpoint as a text file to keep outside this PC (the file port's offer). */
  'audit.exportCheckpoint': method({
    access: 'audit.read',
    write: true,
    input: z.strictObject({}),
    output: z.object({ fileId: id }),
  }),
  /** The signed-in user's own recent actions, for the home screen. */
  'audit.mine': method({
    access: 'signedIn',
    write: false,
    input: z.strictObject({ limit: z.number().int().min(1).max(50).default(10) }),
    output: z.object({ rows: z.array(auditRow) }),
  }),
};
