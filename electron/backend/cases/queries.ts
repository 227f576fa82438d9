/** Reading cases: one case file with everything its page shows, or a filtered page of summaries. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { ParsedInput } from '../../../shared/contract';
import type { CaseFile, CaseSummary } from '../../../shared/contract/cases';
import { BLANK_EVENT, type TimelineEvent } from '../../../shared/contract/timeline';
import { ASSESSMENT_SECTIONS } from '../../../shared/reference/cases';
import { endOfDayUtc, startOfDayUtc } from '../../../shared/time';
import { addCalendarDays } from '../../../shared/workdays';
import type { SessionUser } from '../auth/sessions';
import type { Calendar } from '../calendar/workdays';
import { eventsOf, rowsIn } from '../db/lookup';
import type { DB } from '../db/schema';
import type { CasesTable } from '../db/tables/cases';
import { contains } from '../lib/like';
import { regionRefs, type RegionRef } from '../regions/refs';
import { mayEditCase, maySeeSensitive } from './access';
import { caseTimelineEvent } from './events';
import { casesForTerm } from './search';

type Row = Selectable<CasesTable> & {
  person_name: string;
  person_nik: string | null;
  caseworker_name: string;
  supervisor_name: string | null;
};

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('cases as c')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .innerJoin('users as w', 'w.id', 'c.caseworker_id')
    .leftJoin('users as s', 's.id', 'c.supervisor_id');
}

function selectRow(q: ReturnType<typeof baseQuery>) {
  return q
    .selectAll('c')
    .select([
      'p.full_name as person_name',
      'p.nik as person_nik',
      'w.full_name as caseworker_name',
      's.full_name as supervisor_name',
    ]);
}

/**
 * A region code and everything inside it, as one range of its index: codes are digits and
 * dots, and '/' sorts right after '.', so [code, code + '/') holds the code and its children.
 */
function inRegion(column: string, code: string) {
  return sql<boolean>`(${sql.ref(column)} >= ${code} AND ${sql.ref(column)} < ${code + '/'})`;
}

function toSummary(
  r: Row,
  ppks: CaseSummary['ppks'],
  regions: Map<string, RegionRef>,
  today: string,
): CaseSummary {
  return {
    id: r.id,
    number: r.number,
    person: { id: r.person_id, fullName: r.person_name, nik: r.person_nik },
    ppks,
    state: r.state,
    origin: r.origin,
    caseworker: { id: r.caseworker_id, fullName: r.caseworker_name },
    supervisor: r.supervisor_id ? { id: r.supervisor_id, fullName: r.supervisor_name ?? '' } : null,
    openedAt: r.opened_at,
    riskLevel: r.risk_level,
    immediateDanger: r.immediate_danger === 1,
    awaiting: r.awaiting,
    due:
      r.due_kind && r.due_on ? { kind: r.due_kind, on: r.due_on, overdue: r.due_on < today } : null,
    location: r.location_region_code ? (regions.get(r.location_region_code) ?? null) : null,
    closedAt: r.closed_at,
    closureReason: r.closure_reason,
    version: r.version,
  };
}

async function summaries(db: Kysely<DB>, rows: Row[], today: string): Promise<CaseSummary[]> {
  const ids = rows.map((r) => r.id);
  const [codes, regions] = await Promise.all([
    rowsIn(db, 'case_ppks', 'case_id', ids, 'position'),
    regionRefs(
      db,
      rows.map((r) => r.location_region_code),
    ),
  ]);
  const byCase = new Map<string, CaseSummary['ppks']>();
  for (const c of codes) byCase.set(c.case_id, [...(byCase.get(c.case_id) ?? []), c.ppks]);
  return rows.map((r) => toSummary(r, byCase.get(r.id) ?? [r.main_ppks], regions, today));
}

/**
 * Filters, order and paging run on `cases` alone (its indexes, no joins: a count or a page of a
 * 200,000-case table must not walk persons); the page's rows are then read with their names.
 */
export async function listCases(
  db: Kysely<DB>,
  input: ParsedInput<'cases.list'>,
  user: SessionUser,
  cal: Pick<Calendar, 'today' | 'timeZone'>,
): Promise<{ rows: CaseSummary[]; total: number }> {
  const today = cal.today;
  const me = (v: string) => (v === 'me' ? user.id : v);
  const termRows = input.q ? await casesForTerm(db, input.q) : null;
  // A category is asked of case_ppks in one of two forms (results are the same): `in` walks the
  // category's cases (few, or a deep page: they are sorted), `exists` walks the list's order and
  // looks each case up (many: the page fills after a few hundred).
  const filtered = (ppksForm: 'in' | 'exists' | 'none' = 'in') => {
    let q = db.selectFrom('cases as c');
    // Every state but closed, written so that the open cases' partial index applies.
    if (input.state === 'open') q = q.where('c.state', '<>', 'closed');
    else if (input.state === 'closed') q = q.where('c.state', '=', 'closed');
    else if (input.state) q = q.where('c.state', '=', input.state);
    if (input.ppks && ppksForm !== 'none') {
      const code = input.ppks;
      q =
        ppksForm === 'in'
          ? q.where('c.id', 'in', (eb) =>
              eb.selectFrom('case_ppks as cp').select('cp.case_id').where('cp.ppks', '=', code),
            )
          : q.where(({ exists, selectFrom }) =>
              exists(
                selectFrom('case_ppks as cp')
                  .select('cp.case_id')
                  .whereRef('cp.case_id', '=', 'c.id')
                  .where('cp.ppks', '=', code),
              ),
            );
    }
    if (input.caseworker) q = q.where('c.caseworker_id', '=', me(input.caseworker));
    if (input.supervisor) q = q.where('c.supervisor_id', '=', me(input.supervisor));
    if (input.originRegion) q = q.where(inRegion('c.origin_region_code', input.originRegion));
    if (input.location) q = q.where(inRegion('c.location_region_code', input.location));
    if (input.risk) q = q.where('c.risk_level', '=', input.risk);
    if (input.due === 'overdue') q = q.where('c.due_on', '<', today);
    else if (input.due === 'overdue_assessment')
      q = q.where('c.due_on', '<', today).where('c.due_kind', '=', 'assessment');
    else if (input.due === 'overdue_review')
      q = q.where('c.due_on', '<', today).where('c.due_kind', '=', 'review');
    else if (input.due === 'soon') q = q.where('c.due_on', '<=', addCalendarDays(today, 7));
    if (input.awaiting === 'any') q = q.where('c.awaiting', 'is not', null);
    else if (input.awaiting) q = q.where('c.awaiting', '=', input.awaiting);
    // Office-zone days as instants, so the opened_at index answers.
    if (input.from) q = q.where('c.opened_at', '>=', startOfDayUtc(input.from, cal.timeZone));
    if (input.to) q = q.where('c.opened_at', '<', endOfDayUtc(input.to, cal.timeZone));
    if (input.q && termRows !== null) {
      // The cases the search found (search.ts), as a list of row ids the planner walks.
      q = q.where(
        sql<boolean>`c.rowid IN (SELECT value FROM json_each(${JSON.stringify(termRows)}))`,
      );
    } else if (input.q) {
      const term = input.q;
      q = q.where((eb) =>
        eb.or([
          contains('c.number', term),
          eb(
            'c.person_id',
            'in',
            eb.selectFrom('persons as p').select('p.id').where(contains('p.full_name', term)),
          ),
        ]),
      );
    }
    return q;
  };
  const count = async (q: ReturnType<typeof filtered>) =>
    Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  // Cases in the category (case_ppks has one row per case and category).
  const inCategory = input.ppks
    ? Number(
        (
          await db
            .selectFrom('case_ppks')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('ppks', '=', input.ppks)
            .executeTakeFirstOrThrow()
        ).n,
      )
    : 0;
  const onlyPpks =
    input.ppks !== undefined &&
    Object.entries(input).every(
      ([k, v]) => v === undefined || ['ppks', 'sort', 'page', 'pageSize'].includes(k),
    );
  const total = onlyPpks ? inCategory : await count(filtered());
  const offset = (input.page - 1) * input.pageSize;
  let ppksForm: 'in' | 'exists' = 'in';
  if (input.ppks && total > 0) {
    // The in-order walk looks at about (offset + pageSize) × base / total cases, where base is
    // the same list without the category; `in` looks up each of the category's cases.
    const base = await count(filtered('none'));
    if (((offset + input.pageSize) * base) / total < inCategory) ppksForm = 'exists';
  }
  let q = filtered(ppksForm).select('c.id');
  switch (input.sort) {
    case 'oldest':
      q = q.orderBy('c.opened_at', 'asc').orderBy('c.id', 'asc');
      break;
    case 'due':
      q = q
        .orderBy(sql`c.due_on IS NULL`)
        .orderBy('c.due_on')
        .orderBy('c.opened_at')
        // Same due day and opening instant: by id, so that pages never overlap.
        .orderBy('c.id');
      break;
    case 'number':
      q = q.orderBy('c.seq_year', 'desc').orderBy('c.seq', 'desc');
      break;
    default:
      q = q.orderBy('c.opened_at', 'desc').orderBy('c.id', 'desc');
  }
  const ids = (await q.limit(input.pageSize).offset(offset).execute()).map((r) => r.id);
  const found =
    ids.length === 0
      ? []
      : ((await selectRow(baseQuery(db)).where('c.id', 'in', ids).execute()) as Row[]);
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = ids.map((id) => byId.get(id)).filter((r): r is Row => !!r);
  return { rows: await summaries(db, rows, today), total };
}

export async function loadCaseRow(db: Kysely<DB>, id: string): Promise<Row | undefined> {
  return (await selectRow(baseQuery(db)).where('c.id', '=', id).executeTakeFirst()) as
    Row | undefined;
}

function parseAssessment(json: string | null, r: Row): CaseFile['assessment'] {
  if (!json) return null;
  const a = JSON.parse(json) as Record<string, string | null>;
  const out = Object.fromEntries(ASSESSMENT_SECTIONS.map((s) => [s, a[s] ?? null])) as Record<
    (typeof ASSESSMENT_SECTIONS)[number],
    string | null
  >;
  return {
    ...out,
    summary: a.summary ?? null,
    riskLevel: r.risk_level ?? 'low',
    immediateDanger: r.immediate_danger === 1,
  };
}

/**
 * The case file as `user` may see it: sensitive notes only for the assigned caseworker and
 * `cases.sensitive` holders. `sensitiveShown` says whether any were included (the read is audited).
 */
export async function loadCaseFile(
  db: Kysely<DB>,
  id: string,
  cal: Calendar,
  user: SessionUser | null,
): Promise<{ file: CaseFile; sensitiveShown: boolean } | undefined> {
  const r = await loadCaseRow(db, id);
  if (!r) return undefined;
  const seeSensitive = maySeeSensitive(r, user);
  const [
    [summary],
    events,
    planServices,
    services,
    referrals,
    notes,
    attachments,
    complaint,
    stay,
    stays,
  ] = await Promise.all([
    summaries(db, [r], cal.today),
    eventsOf(db, 'case_events', 'case_id', id),
    db
      .selectFrom('case_plan_services as ps')
      .innerJoin('case_service_types as t', 't.id', 'ps.service_type_id')
      .selectAll('ps')
      .select('t.name as type_name')
      .where('ps.case_id', '=', id)
      .orderBy('ps.created_at')
      .orderBy(sql`ps.rowid`)
      .execute(),
    db
      .selectFrom('case_services as sv')
      .innerJoin('case_service_types as t', 't.id', 'sv.service_type_id')
      .leftJoin('users as u', 'u.id', 'sv.created_by')
      .selectAll('sv')
      .select(['t.name as type_name', 'u.full_name as user_name'])
      .where('sv.case_id', '=', id)
      .orderBy('sv.delivered_on')
      .execute(),
    db
      .selectFrom('case_referrals')
      .selectAll()
      .where('case_id', '=', id)
      .orderBy('sent_at')
      .execute(),
    (() => {
      let q = db
        .selectFrom('case_notes as n')
        .leftJoin('users as u', 'u.id', 'n.created_by')
        .selectAll('n')
        .select('u.full_name as user_name')
        .where('n.case_id', '=', id);
      if (!seeSensitive) q = q.where('n.sensitive', '=', 0);
      return q.orderBy('n.at').execute();
    })(),
    db
      .selectFrom('case_attachments as a')
      .leftJoin('users as u', 'u.id', 'a.created_by')
      .selectAll('a')
      .select('u.full_name as user_name')
      .where('a.case_id', '=', id)
      .orderBy('a.created_at')
      .execute(),
    r.complaint_id
      ? db
          .selectFrom('complaints')
          .select(['id', 'number'])
          .where('id', '=', r.complaint_id)
          .executeTakeFirst()
      : undefined,
    r.stay_id
      ? db
          .selectFrom('stays')
          .innerJoin('shelters', 'shelters.id', 'stays.shelter_id')
          .select(['stays.id', 'shelters.name', 'stays.checkin_at'])
          .where('stays.id', '=', r.stay_id)
          .executeTakeFirst()
      : undefined,
    // The person's shelter stays while the case was open appear on its timeline by themselves.
    db
      .selectFrom('stays')
      .innerJoin('shelters', 'shelters.id', 'stays.shelter_id')
      .select(['stays.id', 'shelters.name', 'stays.checkin_at', 'stays.checkout_at'])
      .where('stays.person_id', '=', r.person_id)
      .where('stays.checkin_at', '<=', r.closed_at ?? '9999')
      .where((eb) =>
        eb.or([eb('stays.checkout_at', 'is', null), eb('stays.checkout_at', '>=', r.opened_at)]),
      )
      .execute(),
  ]);
  const regions = await regionRefs(db, [
    r.origin_region_code,
    ...referrals.map((x) => x.region_code),
  ]);
  const region = (code: string | null) => (code ? (regions.get(code) ?? null) : null);

  const timeline: TimelineEvent[] = events.map(caseTimelineEvent);
  for (const n of notes)
    timeline.push({
      ...BLANK_EVENT,
      id: n.id,
      at: n.at,
      kind: 'action',
      action: `note_${n.kind}`,
      note: n.text,
      by: n.created_by ? { id: n.created_by, fullName: n.user_name ?? '' } : null,
      details: { sensitive: n.sensitive === 1 },
    });
  for (const s of stays) {
    const stayEvent = { ...BLANK_EVENT, party: s.name, details: { stayId: s.id } };
    timeline.push({ ...stayEvent, id: s.id, at: s.checkin_at, kind: 'action', action: 'stay_in' });
    if (s.checkout_at)
      timeline.push({
        ...stayEvent,
        // The stay's own id on both ends, as person timelines do (openedAndClosed).
        id: s.id,
        at: s.checkout_at,
        kind: 'action',
        action: 'stay_out',
      });
  }
  timeline.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  const file: CaseFile = {
    ...summary!,
    originDetail: r.origin_detail,
    complaint: complaint ? { id: complaint.id, number: complaint.number } : null,
    stay: stay ? { id: stay.id, shelterName: stay.name, checkinAt: stay.checkin_at } : null,
    originRegion: region(r.origin_region_code),
    locationAddress: r.location_address,
    assessmentDue: r.assessment_due,
    assessment: parseAssessment(r.assessment, r),
    assessmentSubmittedAt: r.assessment_submitted_at,
    assessmentApprovedAt: r.assessment_approved_at,
    returnComment: r.return_comment,
    planGoals: r.plan_goals,
    planSubmittedAt: r.plan_submitted_at,
    planApprovedAt: r.plan_approved_at,
    planServices: planServices.map((p) => ({
      id: p.id,
      serviceTypeId: p.service_type_id,
      serviceType: p.type_name,
      responsible: p.responsible,
      dueOn: p.due_on,
      note: p.note,
    })),
    services: services.map((s) => ({
      id: s.id,
      planServiceId: s.plan_service_id,
      serviceType: s.type_name,
      deliveredOn: s.delivered_on,
      deliveredBy: s.delivered_by,
      outcome: s.outcome,
      loggedBy: s.created_by ? { id: s.created_by, fullName: s.user_name ?? '' } : null,
    })),
    referrals: referrals.map((x) => ({
      id: x.id,
      agencyKind: x.agency_kind,
      agencyName: x.agency_name,
      region: region(x.region_code),
      reason: x.reason,
      state: x.state,
      sentAt: x.sent_at,
      respondedAt: x.responded_at,
      endedAt: x.ended_at,
      outcome: x.outcome,
      failureReason: x.failure_reason,
      responseNote: x.response_note,
      version: x.version,
    })),
    notes: notes.map((n) => ({
      id: n.id,
      kind: n.kind,
      at: n.at,
      text: n.text,
      sensitive: n.sensitive === 1,
      by: n.created_by ? { id: n.created_by, fullName: n.user_name ?? '' } : null,
    })),
    attachments: attachments.map((a) => ({
      id: a.id,
      fileId: a.file_id,
      docType: a.doc_type,
      name: a.name,
      type: a.mime,
      size: a.size,
      note: a.note,
      addedAt: a.created_at,
      addedBy: a.created_by ? { id: a.created_by, fullName: a.user_name ?? '' } : null,
      removedAt: a.removed_at,
      removedReason: a.removed_reason,
      version: a.version,
    })),
    consent: {
      processing: r.consent_processing === null ? null : r.consent_processing === 1,
      sharing: r.consent_sharing === null ? null : r.consent_sharing === 1,
      by: r.consent_by,
      guardian: r.consent_guardian,
      method: r.consent_method,
      witness: r.consent_witness,
      at: r.consent_at,
      withdrawnAt: r.consent_withdrawn_at,
    },
    reviewDue: r.review_due,
    lastReviewAt: r.last_review_at,
    closureSummary: r.closure_summary,
    closureRequestedAt: r.closure_requested_at,
    reopenReason: r.reopen_reason,
    timeline,
    mayEdit: mayEditCase(r, user),
    createdAt: r.created_at,
    today: cal.today,
  };
  return { file, sensitiveShown: notes.some((n) => n.sensitive === 1) };
}
