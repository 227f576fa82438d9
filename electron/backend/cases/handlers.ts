/**
 * PPKS case files: opening, corrections, assessment, plan, steps, services, notes, consent,
 * referrals, attachments, lists and settings. Each write answers with the case file as the
 * caller may see it.
 */
import type { Selectable } from 'kysely';
import type { ParsedInput } from '../../../shared/contract';
import type { casesContract } from '../../../shared/contract/cases';
import type { FieldIssue } from '../../../shared/errors';
import { patternProblems } from '../../../shared/registers/pattern';
import { dayInZone } from '../../../shared/time';
import { addWorkingDays } from '../../../shared/workdays';
import { referralFlow } from '../../../shared/workflow/cases';
import { parseCodes } from '../complaints/config';
import { loadCalendar } from '../calendar/workdays';
import { findRow, takenBy } from '../db/lookup';
import {
  deleteVersioned,
  insertEntry,
  insertTracked,
  loadForChange,
  loadForSave,
  saveTracked,
  updateVersioned,
} from '../db/tracked';
import type { CasesTable } from '../db/tables/cases';
import type { Ctx, HandlersOf } from '../dispatch/context';
import { requireUser } from '../dispatch/context';
import { AppError, fieldError, fieldErrors, notFound } from '../errors';
import { attachableFile, releaseFile } from '../files/references';
import { officeTimeZone } from '../office/store';
import { applyTransition, bindWorkflow } from '../workflow/applyTransition';
import { requireCaseEditor, SENSITIVE_NOTE } from './access';
import {
  CASEWORKER_ROLES,
  SUPERVISOR_ROLES,
  issueCaseNumber,
  loadCaseSettings,
  previewCaseNumber,
  toServiceType,
  usersWithRoles,
} from './config';
import {
  changedOpeningFields,
  checkSupervisorChange,
  openingOf,
  requireOpeningEditable,
} from './editOpening';
import { writeCaseEvent } from './events';
import { caseFigures } from './figures';
import { listCases, loadCaseFile } from './queries';
import { checkCaseworker, checkDetails } from './rules';
import { caseAuditView, caseDerived, reassignCase, transitionCase } from './steps';

type Row = Selectable<CasesTable>;
const AS_CASE = { recordType: 'case', view: caseAuditView };
/** Times a user types may run this far ahead of the server's clock. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** The case file as the caller may see it; showing sensitive notes is a recorded read. */
async function result(ctx: Ctx, id: string) {
  const loaded = await loadCaseFile(ctx.db, id, await loadCalendar(ctx.db, ctx.now), ctx.user);
  if (!loaded) throw notFound();
  if (loaded.sensitiveShown)
    ctx.audit({ recordType: 'case', recordId: id, note: 'sensitive_read' });
  return loaded.file;
}

/** The case a change is about: it exists, the caller may edit it, and it is not closed. */
async function editableCase(ctx: Ctx, id: string, version?: number): Promise<Row> {
  const row = await loadForChange(ctx.db, 'cases', id, version, (r) =>
    requireCaseEditor(r, ctx.user),
  );
  if (row.state === 'closed') throw new AppError('CONFLICT', 'case.closed');
  return row;
}

function notInFuture(ctx: Ctx, at: string, path: string[], issues: FieldIssue[]) {
  if (new Date(at).getTime() > ctx.now.getTime() + CLOCK_SKEW_MS)
    issues.push({ path, key: 'case.date_future' });
}

function throwIfAny(issues: FieldIssue[]) {
  if (issues.length > 0) throw fieldErrors(issues);
}

type DetailForm = ParsedInput<'cases.create'> | ParsedInput<'cases.update'>;

function detailColumns(input: DetailForm) {
  return {
    main_ppks: input.ppks[0]!,
    origin: input.origin,
    origin_detail: input.originDetail,
    complaint_id: input.complaintId,
    stay_id: input.stayId,
    origin_region_code: input.originRegionCode,
    location_region_code: input.locationRegionCode,
    location_address: input.locationAddress,
    supervisor_id: input.supervisorId,
  };
}

async function writePpks(ctx: Ctx, caseId: string, codes: readonly string[]) {
  await ctx.db.deleteFrom('case_ppks').where('case_id', '=', caseId).execute();
  await ctx.db
    .insertInto('case_ppks')
    .values(codes.map((ppks, position) => ({ case_id: caseId, ppks: ppks as never, position })))
    .execute();
}

async function casePpks(ctx: Ctx, caseId: string): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('case_ppks')
    .select('ppks')
    .where('case_id', '=', caseId)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.ppks);
}

/** Binds the referral flow to its table, writing its events on the case's timeline. */
function referralWorkflow(caseId: string, agency: string) {
  return bindWorkflow({
    flow: referralFlow,
    table: 'case_referrals',
    stateColumn: 'state',
    writeEvent: (ctx, _id, e) =>
      writeCaseEvent(ctx, caseId, { ...e, action: `referral_${e.action ?? ''}`, party: agency }),
  });
}

export const caseHandlers: HandlersOf<typeof casesContract> = {
  async 'cases.list'(input, ctx) {
    const user = requireUser(ctx);
    const cal = await loadCalendar(ctx.db, ctx.now);
    const { rows, total } = await listCases(ctx.db, input, user, cal);
    return { rows, total, page: input.page, pageSize: input.pageSize, today: cal.today };
  },

  async 'cases.get'(input, ctx) {
    return result(ctx, input.id);
  },

  async 'cases.prefill'(input, ctx) {
    const base = {
      personId: null as string | null,
      personName: null as string | null,
      ppks: [] as ReturnType<typeof parseCodes>,
      complaintId: null as string | null,
      stayId: null as string | null,
      originRegionCode: null as string | null,
      locationRegionCode: null as string | null,
      locationAddress: null as string | null,
      originDetail: null as string | null,
    };
    const personName = async (id: string | null) =>
      id ? ((await findRow(ctx.db, 'persons', { id }))?.full_name ?? null) : null;
    const existing = ctx.db.selectFrom('cases').select(['id', 'number', 'state']);
    if (input.complaintId) {
      const c = await findRow(ctx.db, 'complaints', { id: input.complaintId });
      if (!c) throw fieldError(['complaintId'], 'error.not_found');
      return {
        ...base,
        personId: c.person_id,
        personName: await personName(c.person_id),
        ppks: parseCodes(c.ppks),
        origin: c.channel === 'call_112' ? 'call_112' : 'complaint',
        originDetail: `${c.number} · ${c.subject}`,
        complaintId: c.id,
        locationRegionCode: c.region_code,
        locationAddress: c.location_address,
        existing: await existing.where('complaint_id', '=', c.id).execute(),
      };
    }
    if (input.stayId) {
      const s = await findRow(ctx.db, 'stays', { id: input.stayId });
      if (!s) throw fieldError(['stayId'], 'error.not_found');
      const codes = await ctx.db
        .selectFrom('stay_ppks')
        .select('ppks')
        .where('stay_id', '=', s.id)
        .execute();
      const person = await findRow(ctx.db, 'persons', { id: s.person_id });
      return {
        ...base,
        personId: s.person_id,
        personName: person?.full_name ?? null,
        ppks: codes.map((c) => c.ppks),
        origin: 'shelter_stay',
        originDetail: s.condition,
        stayId: s.id,
        complaintId: s.complaint_id,
        originRegionCode: person?.origin_code ?? s.origin_regency,
        existing: await existing.where('stay_id', '=', s.id).execute(),
      };
    }
    return { ...base, origin: 'walk_in', existing: [] };
  },

  async 'cases.create'(input, ctx) {
    const user = requireUser(ctx);
    const caseworkerId = input.caseworkerId ?? user.id;
    const issues = await checkDetails(ctx.db, input.personId, input, null);
    await checkCaseworker(ctx.db, caseworkerId, issues);
    throwIfAny(issues);
    const cal = await loadCalendar(ctx.db, ctx.now);
    const settings = await loadCaseSettings(ctx.db);
    const issued = await issueCaseNumber(ctx.db, ctx.now, cal.timeZone);
    const row = {
      number: issued.number,
      seq: issued.seq,
      seq_year: issued.year,
      person_id: input.personId,
      ...detailColumns(input),
      caseworker_id: caseworkerId,
      state: 'opened' as const,
      opened_at: ctx.nowIso,
      opened_day: cal.today,
      assessment_due: addWorkingDays(cal.today, settings.assessment_days, cal.holidays),
      immediate_danger: 0,
    };
    const derived = caseDerived({ ...row, plan_submitted_at: null, review_due: null } as Row);
    const id = await insertTracked(
      ctx,
      'cases',
      { ...row, ...derived },
      {
        ...AS_CASE,
        extra: { ppks: [null, input.ppks] },
      },
    );
    await writePpks(ctx, id, input.ppks);
    await writeCaseEvent(ctx, id, { kind: 'created', toState: 'opened', party: issued.number });
    return result(ctx, id);
  },

  async 'cases.update'(input, ctx) {
    const before = await editableCase(ctx, input.id, input.version);
    requireOpeningEditable(before);
    const oldPpks = await casePpks(ctx, before.id);
    const changed = changedOpeningFields(openingOf(before, oldPpks), input);
    // Nothing to correct: no write, no version, no timeline entry.
    if (changed.length === 0) return result(ctx, before.id);
    checkSupervisorChange(changed, requireUser(ctx));
    throwIfAny(await checkDetails(ctx.db, before.person_id, input, before.id));
    const changedPpks = changed.includes('ppks');
    await updateVersioned(ctx, 'cases', before, detailColumns(input), {
      ...AS_CASE,
      ...(changedPpks ? { extra: { ppks: [oldPpks, input.ppks] } } : {}),
    });
    if (changedPpks) await writePpks(ctx, before.id, input.ppks);
    // The timeline names the corrected fields (the renderer translates them) and the reason.
    await writeCaseEvent(ctx, before.id, {
      kind: 'edit',
      action: 'opening',
      party: changed.join(','),
      note: input.reason,
    });
    return result(ctx, before.id);
  },

  async 'cases.saveAssessment'(input, ctx) {
    const before = await editableCase(ctx, input.id, input.version);
    if (before.state !== 'opened')
      throw new AppError('CONFLICT', 'case.not_editable_state', {
        stateKey: `case.state.${before.state}`,
      });
    const { riskLevel, immediateDanger, ...texts } = input.assessment;
    await updateVersioned(
      ctx,
      'cases',
      before,
      {
        assessment: JSON.stringify(texts),
        risk_level: riskLevel,
        immediate_danger: immediateDanger ? 1 : 0,
      },
      AS_CASE,
    );
    return result(ctx, before.id);
  },

  async 'cases.savePlan'(input, ctx) {
    const before = await editableCase(ctx, input.id, input.version);
    if (before.state !== 'plan')
      throw new AppError('CONFLICT', 'case.not_editable_state', {
        stateKey: `case.state.${before.state}`,
      });
    if (before.plan_submitted_at) throw new AppError('CONFLICT', 'case.plan_submitted');
    const issues: FieldIssue[] = [];
    const types = await ctx.db.selectFrom('case_service_types').selectAll().execute();
    input.services.forEach((s, i) => {
      const t = types.find((x) => x.id === s.serviceTypeId);
      if (!t || t.active === 0)
        issues.push({ path: ['services', i, 'serviceTypeId'], key: 'case.service_type_invalid' });
    });
    throwIfAny(issues);
    await updateVersioned(ctx, 'cases', before, { plan_goals: input.goals }, AS_CASE);
    // The planned services are replaced by the form's list; one already delivered stays.
    const old = await ctx.db
      .selectFrom('case_plan_services')
      .selectAll()
      .where('case_id', '=', before.id)
      .execute();
    const used = new Set(
      (
        await ctx.db
          .selectFrom('case_services')
          .select('plan_service_id')
          .where('case_id', '=', before.id)
          .execute()
      ).map((s) => s.plan_service_id),
    );
    for (const o of old)
      if (!used.has(o.id))
        await deleteVersioned(ctx, 'case_plan_services', o.id, o.version, {
          recordType: 'case_plan_service',
        });
    for (const s of input.services)
      await insertTracked(
        ctx,
        'case_plan_services',
        {
          case_id: before.id,
          service_type_id: s.serviceTypeId,
          responsible: s.responsible,
          due_on: s.dueOn,
          note: s.note,
        },
        { recordType: 'case_plan_service' },
      );
    return result(ctx, before.id);
  },

  async 'cases.transition'(input, ctx) {
    await transitionCase(ctx, input);
    return result(ctx, input.id);
  },

  async 'cases.reassign'(input, ctx) {
    await reassignCase(ctx, input);
    return result(ctx, input.id);
  },

  async 'cases.logService'(input, ctx) {
    const row = await editableCase(ctx, input.caseId);
    const issues: FieldIssue[] = [];
    const timeZone = await officeTimeZone(ctx.db);
    if (input.deliveredOn > dayInZone(ctx.now, timeZone))
      issues.push({ path: ['deliveredOn'], key: 'case.date_future' });
    else if (input.deliveredOn < row.opened_day)
      issues.push({ path: ['deliveredOn'], key: 'case.date_before_open' });
    const type = await findRow(ctx.db, 'case_service_types', { id: input.serviceTypeId });
    if (!type || type.active === 0)
      issues.push({ path: ['serviceTypeId'], key: 'case.service_type_invalid' });
    if (input.planServiceId) {
      const planned = await findRow(ctx.db, 'case_plan_services', { id: input.planServiceId });
      if (!planned || planned.case_id !== row.id)
        issues.push({ path: ['planServiceId'], key: 'case.plan_service_invalid' });
    }
    throwIfAny(issues);
    await insertEntry(
      ctx,
      'case_services',
      {
        case_id: row.id,
        plan_service_id: input.planServiceId,
        service_type_id: input.serviceTypeId,
        delivered_on: input.deliveredOn,
        delivered_by: input.deliveredBy,
        outcome: input.outcome,
      },
      { recordType: 'case_service' },
    );
    await writeCaseEvent(ctx, row.id, {
      kind: 'action',
      action: 'service',
      party: `${type!.name} · ${input.deliveredBy}`,
      note: input.outcome,
    });
    return result(ctx, row.id);
  },

  async 'cases.addNote'(input, ctx) {
    const row = await editableCase(ctx, input.caseId);
    const at = input.at ? new Date(input.at).toISOString() : ctx.nowIso;
    const issues: FieldIssue[] = [];
    notInFuture(ctx, at, ['at'], issues);
    if (at < row.opened_at) issues.push({ path: ['at'], key: 'case.date_before_open' });
    throwIfAny(issues);
    await insertEntry(
      ctx,
      'case_notes',
      {
        case_id: row.id,
        kind: input.kind,
        at,
        text: input.text,
        sensitive: input.sensitive ? 1 : 0,
      },
      // A sensitive note's text shows in audit lists only to cases.sensitive holders.
      { recordType: input.sensitive ? SENSITIVE_NOTE : 'case_note' },
    );
    return result(ctx, row.id);
  },

  async 'cases.setConsent'(input, ctx) {
    const before = await editableCase(ctx, input.id, input.version);
    const at = input.at ? new Date(input.at).toISOString() : ctx.nowIso;
    const issues: FieldIssue[] = [];
    notInFuture(ctx, at, ['at'], issues);
    if (input.by === 'guardian' && !input.guardian)
      issues.push({ path: ['guardian'], key: 'case.consent_guardian_required' });
    if (input.method === 'verbal_witness' && !input.witness)
      issues.push({ path: ['witness'], key: 'case.consent_witness_required' });
    throwIfAny(issues);
    await updateVersioned(
      ctx,
      'cases',
      before,
      {
        consent_processing: input.processing ? 1 : 0,
        consent_sharing: input.sharing ? 1 : 0,
        consent_by: input.by,
        consent_guardian: input.by === 'guardian' ? input.guardian : null,
        consent_method: input.method,
        consent_witness: input.witness,
        consent_at: at,
        consent_withdrawn_at: null,
      },
      AS_CASE,
    );
    await writeCaseEvent(ctx, before.id, { kind: 'action', action: 'consent', at });
    return result(ctx, before.id);
  },

  async 'cases.withdrawConsent'(input, ctx) {
    const before = await editableCase(ctx, input.id, input.version);
    await updateVersioned(
      ctx,
      'cases',
      before,
      { consent_processing: 0, consent_sharing: 0, consent_withdrawn_at: ctx.nowIso },
      { ...AS_CASE, note: input.note },
    );
    await writeCaseEvent(ctx, before.id, {
      kind: 'action',
      action: 'consent_withdrawn',
      note: input.note,
    });
    return result(ctx, before.id);
  },

  async 'cases.refer'(input, ctx) {
    const row = await editableCase(ctx, input.caseId);
    const sentAt = input.sentAt ? new Date(input.sentAt).toISOString() : ctx.nowIso;
    const issues: FieldIssue[] = [];
    notInFuture(ctx, sentAt, ['sentAt'], issues);
    if (sentAt < row.opened_at) issues.push({ path: ['sentAt'], key: 'case.date_before_open' });
    if (input.agencyKind === 'dinsos_region') {
      // Another regency's Dinas Sosial: the region travels with the exchange packet, and the
      // person's data leaves the office, so consent to sharing is required (UU PDP).
      if (!input.regionCode) issues.push({ path: ['regionCode'], key: 'referral.region_required' });
      else if (!/^\d{2}(\.\d{2})?$/.test(input.regionCode))
        issues.push({ path: ['regionCode'], key: 'referral.region_not_regency' });
      if (row.consent_sharing !== 1)
        issues.push({ path: ['agencyKind'], key: 'referral.consent_required' });
    }
    if (input.regionCode && !(await findRow(ctx.db, 'regions', { code: input.regionCode })))
      issues.push({
        path: ['regionCode'],
        key: 'region.unknown',
        params: { code: input.regionCode },
      });
    throwIfAny(issues);
    await insertTracked(
      ctx,
      'case_referrals',
      {
        case_id: row.id,
        agency_kind: input.agencyKind,
        agency_name: input.agencyName,
        region_code: input.regionCode,
        reason: input.reason,
        state: 'sent',
        sent_at: sentAt,
      },
      { recordType: 'case_referral' },
    );
    await writeCaseEvent(ctx, row.id, {
      kind: 'action',
      action: 'referral_sent',
      at: sentAt,
      party: input.agencyName,
      note: input.reason,
    });
    return result(ctx, row.id);
  },

  async 'cases.referralStep'(input, ctx) {
    const referral = await findRow(ctx.db, 'case_referrals', { id: input.id });
    if (!referral) throw notFound();
    const row = await editableCase(ctx, referral.case_id);
    const step = (
      { accepted: 'accept', rejected: 'reject', done: 'complete', withdrawn: 'withdraw' } as const
    )[input.to];
    await applyTransition(ctx, referralWorkflow(row.id, referral.agency_name), {
      id: input.id,
      version: input.version,
      step,
      values: { outcome: input.outcome, responseNote: input.responseNote },
      note: input.responseNote,
      check: () =>
        step === 'complete' && input.outcome === 'unsuccessful' && !input.failureReason
          ? [{ path: ['failureReason'], key: 'referral.failure_reason_required' }]
          : [],
      columns: () =>
        step === 'complete'
          ? {
              failure_reason: input.outcome === 'unsuccessful' ? input.failureReason : null,
              ...(input.responseNote ? { response_note: input.responseNote } : {}),
            }
          : {},
    });
    return result(ctx, row.id);
  },

  async 'cases.attach'(input, ctx) {
    const row = await editableCase(ctx, input.caseId);
    await attachableFile(ctx, input.fileId, 'caseAttachment', ['fileId']);
    const file = await findRow(ctx.db, 'files', { id: input.fileId });
    if (!file) throw fieldError(['fileId'], 'file.missing');
    await insertTracked(
      ctx,
      'case_attachments',
      {
        case_id: row.id,
        file_id: file.id,
        doc_type: input.docType,
        name: file.original_name,
        mime: file.type,
        size: file.size,
        note: input.note,
      },
      { recordType: 'case_attachment' },
    );
    await writeCaseEvent(ctx, row.id, {
      kind: 'action',
      action: 'attachment',
      party: file.original_name,
    });
    return result(ctx, row.id);
  },

  async 'cases.removeAttachment'(input, ctx) {
    const before = await loadForChange(ctx.db, 'case_attachments', input.id, input.version);
    await editableCase(ctx, before.case_id);
    if (before.removed_at) throw new AppError('CONFLICT', 'case.attachment_removed');
    await updateVersioned(
      ctx,
      'case_attachments',
      before,
      { file_id: null, removed_at: ctx.nowIso, removed_reason: input.reason },
      { recordType: 'case_attachment', note: input.reason },
    );
    await releaseFile(ctx, before.file_id);
    await writeCaseEvent(ctx, before.case_id, {
      kind: 'action',
      action: 'attachment_removed',
      party: before.name,
      note: input.reason,
    });
    return result(ctx, before.case_id);
  },

  async 'cases.figures'(input, ctx) {
    return caseFigures(ctx.db, input, await officeTimeZone(ctx.db));
  },

  async 'cases.staff'(_input, ctx) {
    return {
      caseworkers: await usersWithRoles(ctx.db, CASEWORKER_ROLES),
      supervisors: await usersWithRoles(ctx.db, SUPERVISOR_ROLES),
    };
  },

  async 'cases.forRecord'(input, ctx) {
    if (!input.complaintId && !input.stayId) return { cases: [] };
    let q = ctx.db.selectFrom('cases').select(['id', 'number', 'state']);
    q = input.complaintId
      ? q.where('complaint_id', '=', input.complaintId)
      : q.where('stay_id', '=', input.stayId!);
    return { cases: await q.orderBy('opened_at').execute() };
  },

  async 'cases.settings'(_input, ctx) {
    const s = await loadCaseSettings(ctx.db);
    return {
      numberPattern: s.number_pattern,
      assessmentDays: s.assessment_days,
      reviewDays: s.review_days,
      preview: await previewCaseNumber(ctx.db, ctx.now, await officeTimeZone(ctx.db)),
      version: s.version,
    };
  },

  async 'cases.saveSettings'(input, ctx) {
    const before = await loadForChange(ctx.db, 'case_settings', 1, input.version);
    const problems = patternProblems(input.numberPattern);
    if (problems.length > 0)
      throw fieldErrors(problems.map((key) => ({ path: ['numberPattern'], key })));
    await updateVersioned(ctx, 'case_settings', before, {
      number_pattern: input.numberPattern,
      assessment_days: input.assessmentDays,
      review_days: input.reviewDays,
    });
    return caseHandlers['cases.settings']({}, ctx);
  },

  async 'cases.serviceTypes'(_input, ctx) {
    const rows = await ctx.db
      .selectFrom('case_service_types')
      .selectAll()
      .orderBy('sort_order')
      .orderBy('name')
      .execute();
    return { types: rows.map(toServiceType) };
  },

  async 'cases.saveServiceType'(input, ctx) {
    const before = await loadForSave(ctx.db, 'case_service_types', input);
    if (await takenBy(ctx.db, 'case_service_types', { name: input.name }, before?.id))
      throw fieldError(['name'], 'case.service_type_name_taken');
    const id = await saveTracked(
      ctx,
      'case_service_types',
      before,
      {
        name: input.name,
        name_en: input.nameEn,
        active: input.active ? 1 : 0,
        sort_order: input.sortOrder,
      },
      { recordType: 'case_service_type' },
    );
    const row = await findRow(ctx.db, 'case_service_types', { id });
    return toServiceType(row!);
  },
};
