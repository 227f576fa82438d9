import type { auditContract, AuditRow } from '../../../shared/contract/audit';
import type { Kysely, Selectable } from 'kysely';
import type { Role } from '../../../shared/roles';
import type { AuditLogTable, DB } from '../db/schema';
import type { HandlersOf } from '../dispatch/context';
import { requireUser } from '../dispatch/context';
import { fieldError } from '../errors';
import { keysetPage, keysetPlan } from '../lib/keyset';

import { endOfDayUtc, startOfDayUtc } from '../../../shared/time';
import { offerFile } from '../files/generated';
import { openOfficeKey } from '../keys/officeKey';
import { officeTimeZone } from '../office/store';
import {
  checkpointFile,
  latestCheckpoint,
  listCheckpoints,
  signCheckpointNow,
} from './checkpoints';
import { labelKey, recordLabels } from './labels';
import { redactForReader, revealsSensitive } from './redaction';
import { verifyTrail } from './verify';

type Changes = NonNullable<AuditRow['changes']>;

function parseChanges(r: Selectable<AuditLogTable>): Changes | null {
  return r.changes ? (JSON.parse(r.changes) as Changes) : null;
}

/** Rows as the screens show them: sensitive fields by permission, records by name. */
async function toRows(
  db: Kysely<DB>,
  rows: Selectable<AuditLogTable>[],
  roles: readonly Role[] | null,
  reveal = false,
): Promise<AuditRow[]> {
  const labels = await recordLabels(
    db,
    rows.map((r) => ({ recordType: r.record_type, recordId: r.record_id })),
  );
  return rows.map((r) => ({
    ...toRow(r, roles, reveal),
    recordLabel:
      r.record_type && r.record_id
        ? (labels.get(labelKey(r.record_type, r.record_id)) ?? null)
        : null,
  }));
}

function toRow(r: Selectable<AuditLogTable>, roles: readonly Role[] | null, reveal = false) {
  const changes = parseChanges(r);
  return {
    seq: r.seq,
    at: r.at,
    userId: r.user_id,
    username: r.username,
    method: r.method,
    recordType: r.record_type,
    recordId: r.record_id,
    outcome: r.outcome,
    // Sensitive fields (registered per record type) hidden, unless revealed (see audit.list).
    changes: changes && redactForReader(r.record_type, changes, roles, reveal),
    note: r.note,
  };
}

export const auditHandlers: HandlersOf<typeof auditContract> = {
  async 'audit.list'(input, ctx) {
    const plan = keysetPlan(input, input.sort === 'newest');
    let q = ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', plan.order)
      .limit(input.limit + 1);
    if (input.userId) q = q.where('user_id', '=', input.userId);
    if (input.method) q = q.where('method', '=', input.method);
    if (input.recordType) q = q.where('record_type', '=', input.recordType);
    if (input.recordId) q = q.where('record_id', '=', input.recordId);
    if (plan.cursor !== undefined) {
      // The cursor is an entry number.
      const seq = Number(plan.cursor);
      if (!/^\d{1,15}$/.test(plan.cursor))
        throw fieldError([input.after ? 'after' : 'before'], 'validation.invalid_format');
      q = q.where('seq', plan.op, seq);
    }
    if (input.from || input.to) {
      // Dates are days in the office's time zone.
      const tz = await officeTimeZone(ctx.db);
      if (input.from) q = q.where('at', '>=', startOfDayUtc(input.from, tz));
      if (input.to) q = q.where('at', '<', endOfDayUtc(input.to, tz));
    }
    const roles = ctx.user?.roles ?? null;
    const page = keysetPage(await q.execute(), input, plan, (r) => String(r.seq));
    // One record's history shows its sensitive fields to a reader allowed to see them, and that
    // read is recorded; the whole trail never shows them (UU PDP: no unrecorded reads).
    const reveal = !!input.recordId;
    const revealing = reveal
      ? page.rows.find((r) => {
          const changes = parseChanges(r);
          return changes !== null && revealsSensitive(r.record_type, changes, roles);
        })
      : undefined;
    if (revealing) {
      ctx.audit({
        recordType: revealing.record_type ?? undefined,
        recordId: input.recordId,
        note: 'sensitive_read',
      });
    }
    return { ...page, rows: await toRows(ctx.db, page.rows, roles, reveal) };
  },

  async 'audit.verify'(_input, ctx) {
    return verifyTrail(ctx.db, openOfficeKey(ctx.dataDir));
  },

  async 'audit.checkpoints'(input, ctx) {
    const key = openOfficeKey(ctx.dataDir);
    return {
      checkpoints: await listCheckpoints(ctx.db, input.limit),
      keyId: key.id,
      publicKey: key.publicKey,
    };
  },

  async 'audit.checkpoint'(_input, ctx) {
    const checkpoint = await signCheckpointNow(ctx, openOfficeKey(ctx.dataDir));
    ctx.audit({ recordType: 'audit_checkpoint', recordId: String(checkpoint.id) });
    return checkpoint;
  },

  async 'audit.exportCheckpoint'(_input, ctx) {
    const key = openOfficeKey(ctx.dataDir);
    const checkpoint = (await latestCheckpoint(ctx.db)) ?? (await signCheckpointNow(ctx, key));
    const file = await checkpointFile(ctx.db, checkpoint, key);
    ctx.audit({ recordType: 'audit_checkpoint', recordId: String(checkpoint.id), note: 'export' });
    return { fileId: await offerFile(ctx, file) };
  },

  async 'audit.mine'(input, ctx) {
    const me = requireUser(ctx);
    const rows = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('user_id', '=', me.id)
      .orderBy('seq', 'desc')
      .limit(input.limit)
      .execute();
    return { rows: await toRows(ctx.db, rows, me.roles) };
  },
};
