import { z } from 'zod';
import { method } from './method';
import { calendarDate, id, isoDateTime, keysetInput, keysetOutput, searchText } from './schemas';

export const AUDIT_OUTCOMES = ['ok', 'denied'] as const;

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
});
export type AuditRow = z.infer<typeof auditRow>;

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
  /** Recomputes the hash chain over the whole trail. */
  'audit.verify': method({
    access: 'audit.read',
    write: false,
    input: z.strictObject({}),
    output: z.object({
      intact: z.boolean(),
      checked: z.number().int(),
      brokenAtSeq: z.number().int().nullable(),
      /**
       * The newest entry and its hash. Removing the newest entries leaves a shorter chain that
       * still verifies, so admins note this fingerprint (e.g. in a monthly report) to compare.
       */
      headSeq: z.number().int().nullable(),
      headHash: z.string().nullable(),
    }),
  }),
  /** The signed-in user's own recent actions, for the home screen. */
  'audit.mine': method({
    access: 'signedIn',
    write: false,
    input: z.strictObject({ limit: z.number().int().min(1).max(50).default(10) }),
    output: z.object({ rows: z.array(auditRow) }),
  }),
};
