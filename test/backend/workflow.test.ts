/**
 * applyTransition: the one function that enforces a workflow description. Called here directly,
 * outside any transaction, so a refusal that wrote anything before failing would show.
 */
import { SignInThrottle } from '../../electron/backend/auth/throttle';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/roles';
import { complaintFlow } from '../../shared/workflow/complaints';
import { defineWorkflow } from '../../shared/workflow/types';
import type { AuditRecord, Ctx } from '../../electron/backend/dispatch/context';
import { AppError } from '../../electron/backend/errors';
import { writeComplaintEvent } from '../../electron/backend/complaints/events';
import { complaintWorkflow } from '../../electron/backend/complaints/steps';
import { applyTransition, bindWorkflow } from '../../electron/backend/workflow/applyTransition';
import { phoneComplaint } from './complaintsFixtures';
import { idOf, setUpOffice, userWithRoles } from './harness';

type Office = Awaited<ReturnType<typeof office>>;

async function office() {
  const t = await setUpOffice();
  const officer = await userWithRoles(t, 'petugas.aduan', ['complaint_officer']);
  const c = await officer.call('complaints.create', phoneComplaint());
  return { ...t, officer, complaint: c };
}

/** A handler's context for `roles`, collecting its audit entries. */
function ctxAs(t: Office, id: string, roles: Role[]) {
  const audits: AuditRecord[] = [];
  const ctx = {
    db: t.backend.db,
    user: { id, username: 'u', fullName: 'U', roles, sessionId: 's', mustChangePassword: false },
    now: t.clock.now,
    nowIso: t.clock.now.toISOString(),
    method: 'complaints.transition',
    dataDir: t.dir,
    source: null,
    signIns: new SignInThrottle(),
    backups: t.backend.backups,
    audit: (r: AuditRecord) => audits.push(r),
    startSession: async () => undefined,
    endSession: async () => undefined,
    afterCommit: () => undefined,
  } satisfies Ctx;
  return { ctx, audits };
}

/** Everything a step could touch: the row, and the complaint's timeline. */
async function snapshot(t: Office) {
  const id = t.complaint.id;
  const row = await t.backend.db
    .selectFrom('complaints')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const events = await t.backend.db
    .selectFrom('complaint_events')
    .selectAll()
    .where('complaint_id', '=', id)
    .execute();
  return { row, events };
}

async function refused(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('the step was taken');
}

describe('applyTransition', () => {
  it('refuses by version, state, role, fields and the record type’s checks, and writes nothing', async () => {
    const t = await office();
    const officerId = await idOf(t.backend, 'petugas.aduan');
    const officer = ctxAs(t, officerId, ['complaint_officer']);
    const caseworker = ctxAs(t, officerId, ['caseworker']);
    const { id, version } = t.complaint;
    const before = await snapshot(t);

    const attempts: [string, () => Promise<unknown>, Partial<AppError>][] = [
      [
        'stale version',
        () =>
          applyTransition(officer.ctx, complaintWorkflow, {
            id,
            version: version + 1,
            step: 'verify',
          }),
        { code: 'CONFLICT', key: 'error.conflict_stale' },
      ],
      [
        'no step from received to done',
        () =>
          applyTransition(officer.ctx, complaintWorkflow, { id, version, step: { to: 'done' } }),
        {
          code: 'CONFLICT',
          key: 'complaint.transition_not_allowed',
          params: { stateKey: 'complaint.status.received' },
        },
      ],
      [
        'a named step from elsewhere',
        () => applyTransition(officer.ctx, complaintWorkflow, { id, version, step: 'follow_up' }),
        { code: 'CONFLICT', key: 'complaint.transition_not_allowed' },
      ],
      [
        'a caseworker verifying',
        () => applyTransition(caseworker.ctx, complaintWorkflow, { id, version, step: 'verify' }),
        { code: 'FORBIDDEN' },
      ],
      [
        'a caseworker logging on a complaint not given to them',
        () => applyTransition(caseworker.ctx, complaintWorkflow, { id, step: 'log_action' }),
        { code: 'FORBIDDEN' },
      ],
      [
        'missing fields and a failed check, together',
        () =>
          applyTransition(officer.ctx, complaintWorkflow, {
            id,
            version,
            step: 'reject',
            values: { reason: '  ', finalAnswer: 'Tidak benar.' },
            check: () => [{ path: ['note'], key: 'validation.required' }],
          }),
        {
          code: 'VALIDATION',
          issues: [
            { path: ['reason'], key: 'complaint.reason_required' },
            { path: ['answerChannel'], key: 'complaint.answer_channel_required' },
            { path: ['note'], key: 'validation.required' },
          ],
        },
      ],
      [
        'an unknown record',
        () =>
          applyTransition(officer.ctx, complaintWorkflow, {
            id: '0190a000-0000-7000-8000-0000000000ff',
            step: 'log_action',
          }),
        { code: 'NOT_FOUND' },
      ],
    ];
    for (const [what, attempt, expected] of attempts) {
      expect(await refused(attempt()), what).toMatchObject(expected);
      expect(await snapshot(t), what).toEqual(before);
    }
    expect(officer.audits).toEqual([]);
    expect(caseworker.audits).toEqual([]);
  });

  it('refuses every step on a closed record, naming its state', async () => {
    const t = await office();
    const officerId = await idOf(t.backend, 'petugas.aduan');
    const c = await t.officer.call('complaints.transition', {
      id: t.complaint.id,
      version: t.complaint.version,
      to: 'forwarded',
      forwardedTo: 'Dinas Kesehatan',
      finalAnswer: 'Diteruskan.',
      answerChannel: 'phone',
    });
    const { ctx, audits } = ctxAs(t, officerId, ['admin']);
    const before = await snapshot(t);
    for (const step of ['assign', 'log_action', 'complete'] as const) {
      const e = await refused(
        applyTransition(ctx, complaintWorkflow, { id: c.id, version: c.version, step }),
      );
      expect(e).toMatchObject({
        code: 'CONFLICT',
        key: 'complaint.closed_in_state',
        params: { stateKey: 'complaint.status.forwarded' },
      });
    }
    expect(await snapshot(t)).toEqual(before);
    expect(audits).toEqual([]);
  });

  it('sets the state, stamps, fields and derived columns, bumps the version, writes the event and audit', async () => {
    const t = await office();
    const officerId = await idOf(t.backend, 'petugas.aduan');
    const { ctx, audits } = ctxAs(t, officerId, ['complaint_officer']);
    const { id, version } = t.complaint;
    const result = await applyTransition(ctx, complaintWorkflow, {
      id,
      version,
      step: { to: 'rejected' },
      values: {
        reason: 'Lansia sudah dijemput keluarga sebelum dicek.',
        finalAnswer: 'Pelapor dikabari.',
        answerChannel: 'phone',
        // Not a field of this step: ignored.
        forwardedTo: 'Dinas Kesehatan',
      },
      note: 'Dicek ke pasar.',
    });
    expect(result.step).toBe('reject');
    expect(result.before.status).toBe('received');
    const { row, events } = await snapshot(t);
    expect(row).toMatchObject({
      status: 'rejected',
      closed_at: ctx.nowIso,
      rejection_reason: 'Lansia sudah dijemput keluarga sebelum dicek.',
      final_answer: 'Pelapor dikabari.',
      answer_channel: 'phone',
      forwarded_to: null,
      next_due: null,
      next_stage: null,
      version: version + 1,
      updated_by: officerId,
      updated_at: ctx.nowIso,
    });
    expect(events.at(-1)).toMatchObject({
      kind: 'status',
      from_status: 'received',
      to_status: 'rejected',
      note: 'Dicek ke pasar.',
      user_id: officerId,
    });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      recordType: 'complaint',
      recordId: id,
      note: 'Dicek ke pasar.',
    });
    expect(Object.keys(audits[0]!.changes!).sort()).toEqual(
      ['answer_channel', 'closed_at', 'final_answer', 'rejection_reason', 'status'].sort(),
    );
  });

  it('leaves the version alone for a step that changes no column, and still records it', async () => {
    const t = await office();
    const officerId = await idOf(t.backend, 'petugas.aduan');
    const { ctx, audits } = ctxAs(t, officerId, ['complaint_officer']);
    const before = await snapshot(t);
    await applyTransition(ctx, complaintWorkflow, {
      id: t.complaint.id,
      step: 'log_action',
      event: { action: 'call', note: 'Pelapor ditelepon.' },
      auditExtra: { action: [null, 'call'] },
    });
    const after = await snapshot(t);
    expect(after.row).toEqual(before.row);
    expect(after.events).toHaveLength(before.events.length + 1);
    expect(after.events.at(-1)).toMatchObject({
      kind: 'action',
      action_type: 'call',
      note: 'Pelapor ditelepon.',
      from_status: null,
      to_status: null,
    });
    expect(audits).toEqual([
      { recordType: 'complaint', recordId: t.complaint.id, changes: { action: [null, 'call'] } },
    ]);
  });

  it('runs any description bound to any tracked table and state column', async () => {
    // A made-up escalation flow over the complaint's urgency: the engine knows nothing of either.
    const escalation = bindWorkflow({
      flow: defineWorkflow({
        recordType: 'escalation',
        states: {
          normal: { label: 'complaint.urgency.normal' },
          high: { label: 'complaint.urgency.high' },
          emergency: { label: 'complaint.urgency.emergency', final: true },
        },
        initial: 'normal',
        fields: {},
        steps: {
          raise: {
            label: 'complaint.urgency.emergency',
            from: ['normal', 'high'],
            to: 'emergency',
            allow: [{ permission: 'complaints.write' }],
            stamps: ['follow_up_at'],
            event: 'transition',
          },
        },
        messages: {
          notAllowed: 'complaint.transition_not_allowed',
          final: 'complaint.closed_in_state',
        },
      }),
      table: 'complaints',
      stateColumn: 'urgency',
      writeEvent: writeComplaintEvent,
    });
    const t = await office();
    const officerId = await idOf(t.backend, 'petugas.aduan');
    const { ctx, audits } = ctxAs(t, officerId, ['complaint_officer']);
    await applyTransition(ctx, escalation, {
      id: t.complaint.id,
      version: t.complaint.version,
      step: 'raise',
    });
    const { row } = await snapshot(t);
    expect(row).toMatchObject({ urgency: 'emergency', follow_up_at: ctx.nowIso, version: 2 });
    expect(audits[0]).toMatchObject({
      recordType: 'escalation',
      changes: { urgency: ['high', 'emergency'], follow_up_at: [null, ctx.nowIso] },
    });
    const again = await refused(
      applyTransition(ctx, escalation, { id: t.complaint.id, version: 2, step: 'raise' }),
    );
    expect(again).toMatchObject({
      code: 'CONFLICT',
      params: { stateKey: 'complaint.urgency.emergency' },
    });
  });

  it('names only columns the complaints table has', async () => {
    const t = await setUpOffice();
    const columns = new Set(
      (t.backend.sqlite.pragma('table_info(complaints)') as { name: string }[]).map((c) => c.name),
    );
    const named = [
      ...Object.values(complaintFlow.fields).map((f) => f.column),
      ...Object.values(complaintFlow.steps).flatMap((s) => s.stamps ?? []),
      complaintWorkflow.stateColumn,
      complaintWorkflow.assigneeColumn!,
    ];
    expect(named.filter((c) => !columns.has(c))).toEqual([]);
  });
});
