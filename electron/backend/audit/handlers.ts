import type { auditContract, AuditRow } from '../../../shared/contract/audit';
import type { Selectable } from 'kysely';
import type { Role } from '../../../shared/roles';
import type { AuditLogTable } from '../db/schema';
import type { HandlersOf } from '../dispatch/context';
import { requireUser } from '../dispatch/context';
import { fieldError } from '../errors';
import { keysetPage, keysetPlan } from '../lib/keyset';

import { endOfDayUtc, startOfDayUtc } from '../../../shared/time';
import { officeTimeZone } from '../office/store';
import { ChainVerifier } from './chain';
import { redactForReader, revealsSensitive } from './redaction';

type Changes = NonNullable<AuditRow['changes']>;

function parseChanges(r: Selectable<AuditLogTable>): Changes | null {
  return r.changes ? (JSON.parse(r.changes) as Changes) : null;
}

function toRow(
  r: Selectable<AuditLogTable>,
  roles: readonly Role[] | null,
  reveal = false,
): AuditRow {
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
    return { ...page, rows: page.rows.map((r) => toRow(r, roles, reveal)) };
  },

  async 'audit.verify'(_input, ctx) {
    // Streams the chain in order; memory stays flat however long the trail is.
    const verifier = new ChainVerifier();
    for await (const row of ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq')
      .stream(1000)) {
      if (!verifier.add(row)) break;
    }
    return verifier.result();
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
    return { rows: rows.map((r) => toRow(r, me.roles)) };
  },
};
