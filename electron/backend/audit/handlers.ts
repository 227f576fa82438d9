import type { auditContract, AuditRow } from '../../../shared/contract/audit';
import type { Selectable } from 'kysely';
import type { Role } from '../../../shared/roles';
import type { AuditLogTable } from '../db/schema';
import type { HandlersOf } from '../dispatch/context';
import { requireUser } from '../dispatch/context';
import { nextDay, startOfDayUtc } from '../lib/time';
import { officeTimeZone } from '../office/store';
import { ChainVerifier } from './chain';
import { redactForReader } from './redaction';

type Changes = NonNullable<AuditRow['changes']>;

function toRow(r: Selectable<AuditLogTable>, roles: readonly Role[] | null): AuditRow {
  const changes = r.changes ? (JSON.parse(r.changes) as Changes) : null;
  return {
    seq: r.seq,
    at: r.at,
    userId: r.user_id,
    username: r.username,
    method: r.method,
    recordType: r.record_type,
    recordId: r.record_id,
    outcome: r.outcome,
    // Sensitive fields (registered per record type) only for callers allowed to see them.
    changes: changes && redactForReader(r.record_type, changes, roles),
    note: r.note,
  };
}

export const auditHandlers: HandlersOf<typeof auditContract> = {
  async 'audit.list'(input, ctx) {
    let q = ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(input.limit + 1);
    if (input.userId) q = q.where('user_id', '=', input.userId);
    if (input.method) q = q.where('method', '=', input.method);
    if (input.recordType) q = q.where('record_type', '=', input.recordType);
    if (input.recordId) q = q.where('record_id', '=', input.recordId);
    if (input.before !== undefined) q = q.where('seq', '<', input.before);
    if (input.from || input.to) {
      // Dates are days in the office's time zone.
      const tz = await officeTimeZone(ctx.db);
      if (input.from) q = q.where('at', '>=', startOfDayUtc(input.from, tz));
      if (input.to) q = q.where('at', '<', startOfDayUtc(nextDay(input.to), tz));
    }
    const rows = await q.execute();
    const roles = ctx.user?.roles ?? null;
    const page = rows.slice(0, input.limit).map((r) => toRow(r, roles));
    return {
      rows: page,
      nextBefore: rows.length > input.limit ? page[page.length - 1]!.seq : null,
    };
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
