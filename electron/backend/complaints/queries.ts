/** Reading complaints: one with its timeline, or a filtered, sorted page of summaries. */
import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import { eventsOf } from '../db/lookup';
import type { Complaint, ComplaintSummary } from '../../../shared/contract/complaints';
import type { ParsedInput } from '../../../shared/contract';
import { DEADLINE_STAGES } from '../../../shared/reference/complaints';
import { CLOSED_STATUSES, OPEN_STATUSES } from '../../../shared/workflow/complaints';
import type { SessionUser } from '../auth/sessions';
import type { DB } from '../db/schema';
import type { ComplaintsTable } from '../db/tables/complaints';
import { contains } from '../lib/like';
import { regionRefs, type RegionRef } from '../regions/refs';
import type { Calendar } from '../calendar/workdays';
import { rolesSql } from '../users/queries';
import { roleOfAssignee } from './assignees';
import { parseCodes } from './config';
import { mayReadReporter } from './confidential';
import { deadlineView } from './deadlines';
import { complaintTimelineEvent } from './events';

type Row = Selectable<ComplaintsTable> & {
  category_name: string;
  category_name_en: string | null;
  person_name: string | null;
  assignee_name: string | null;
  assignee_roles: string | null;
};

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('complaints as c')
    .innerJoin('complaint_categories as cat', 'cat.id', 'c.category_id')
    .leftJoin('persons as p', 'p.id', 'c.person_id')
    .leftJoin('users as a', 'a.id', 'c.assigned_to');
}

function selectRow(q: ReturnType<typeof baseQuery>) {
  return q
    .selectAll('c')
    .select([
      'cat.name as category_name',
      'cat.name_en as category_name_en',
      'p.full_name as person_name',
      'a.full_name as assignee_name',
      rolesSql('c.assigned_to').as('assignee_roles'),
    ]);
}

/**
 * `detail`: one complaint opened (its read of confidential details is recorded by the handler).
 * Lists never show a confidential reporter, to anyone: a page of rows would be an unrecorded read.
 */
function toSummary(
  r: Row,
  regions: Map<string, RegionRef>,
  cal: Calendar,
  user: SessionUser | null,
  detail: boolean,
): ComplaintSummary {
  const visible = detail ? mayReadReporter(r, user) : r.reporter_confidential === 0;
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    serviceType: r.service_type,
    category: { id: r.category_id, name: r.category_name, nameEn: r.category_name_en },
    channel: r.channel,
    receivedAt: r.received_at,
    urgency: r.urgency,
    status: r.status,
    subject: r.subject,
    personId: r.person_id,
    personName: r.person_name,
    region: r.region_code ? (regions.get(r.region_code) ?? null) : null,
    reporterName: visible ? r.reporter_name : null,
    reporterAnonymous: r.reporter_anonymous === 1,
    reporterHidden: !visible,
    assignee: r.assigned_to
      ? {
          id: r.assigned_to,
          fullName: r.assignee_name ?? '',
          role: roleOfAssignee(r.assignee_roles),
        }
      : null,
    next: r.next_stage
      ? deadlineView(r, r.next_stage, cal.today, cal.timeZone, cal.holidays)
      : null,
    closedAt: r.closed_at,
    version: r.version,
  };
}

export async function loadComplaintRow(db: Kysely<DB>, id: string): Promise<Row | undefined> {
  return (await selectRow(baseQuery(db)).where('c.id', '=', id).executeTakeFirst()) as
    Row | undefined;
}

export async function loadComplaint(
  db: Kysely<DB>,
  id: string,
  cal: Calendar,
  user: SessionUser | null,
): Promise<Complaint | undefined> {
  const r = await loadComplaintRow(db, id);
  if (!r) return undefined;
  const regions = await regionRefs(db, [r.region_code]);
  const summary = toSummary(r, regions, cal, user, true);
  const visible = !summary.reporterHidden;
  const [person, events, stays, creator] = await Promise.all([
    r.person_id
      ? db
          .selectFrom('persons')
          .select(['id', 'full_name', 'nik'])
          .where('id', '=', r.person_id)
          .executeTakeFirst()
      : undefined,
    eventsOf(db, 'complaint_events', 'complaint_id', id),
    db
      .selectFrom('stays')
      .innerJoin('shelters', 'shelters.id', 'stays.shelter_id')
      .select(['stays.id', 'shelters.name', 'stays.checkin_at', 'stays.checkout_at'])
      .where('stays.complaint_id', '=', id)
      .orderBy('stays.checkin_at')
      .execute(),
    r.created_by
      ? db
          .selectFrom('users')
          .select(['id', 'full_name'])
          .where('id', '=', r.created_by)
          .executeTakeFirst()
      : undefined,
  ]);
  return {
    ...summary,
    channelRef: r.channel_ref,
    backdateReason: r.backdate_reason,
    reporterPhone: visible ? r.reporter_phone : null,
    reporterAddress: visible ? r.reporter_address : null,
    reporterRelation: visible ? r.reporter_relation : null,
    reporterConfidential: r.reporter_confidential === 1,
    person: person ? { id: person.id, fullName: person.full_name, nik: person.nik } : null,
    locationAddress: r.location_address,
    description: r.description,
    ppks: parseCodes(r.ppks),
    deadlines: DEADLINE_STAGES.map((s) =>
      deadlineView(r, s, cal.today, cal.timeZone, cal.holidays),
    ),
    verifiedAt: r.verified_at,
    followUpAt: r.follow_up_at,
    firstAnswerAt: r.first_answer_at,
    finalAnswer: r.final_answer,
    answerChannel: r.answer_channel,
    rejectionReason: r.rejection_reason,
    forwardedTo: r.forwarded_to,
    createdAt: r.created_at,
    createdBy: creator ? { id: creator.id, fullName: creator.full_name } : null,
    receiptPrints: r.receipt_prints,
    events: events.map(complaintTimelineEvent),
    stays: stays.map((s) => ({
      id: s.id,
      shelterName: s.name,
      checkinAt: s.checkin_at,
      checkoutAt: s.checkout_at,
    })),
  };
}

/** `%term%` for LIKE, with the term's own wildcards taken literally. */
export async function listComplaints(
  db: Kysely<DB>,
  input: ParsedInput<'complaints.list'>,
  cal: Calendar,
  user: SessionUser,
  canSeeConfidential: boolean,
): Promise<{ rows: ComplaintSummary[]; total: number; reporterMatches: string[] }> {
  const filters = (q: ReturnType<typeof baseQuery>): ReturnType<typeof baseQuery> => {
    if (input.status === 'open') q = q.where('c.status', 'in', [...OPEN_STATUSES]);
    else if (input.status === 'closed') q = q.where('c.status', 'in', [...CLOSED_STATUSES]);
    else if (input.status) q = q.where('c.status', '=', input.status);
    if (input.kind) q = q.where('c.kind', '=', input.kind);
    if (input.channel) q = q.where('c.channel', '=', input.channel);
    if (input.categoryId) q = q.where('c.category_id', '=', input.categoryId);
    if (input.assignee === 'me') q = q.where('c.assigned_to', '=', user.id);
    else if (input.assignee === 'none') q = q.where('c.assigned_to', 'is', null);
    else if (input.assignee) q = q.where('c.assigned_to', '=', input.assignee);
    if (input.regionCode) {
      const code = input.regionCode;
      q = q.where((eb) =>
        eb.or([
          eb('c.region_code', '=', code),
          eb.and([eb('c.region_code', '>', code + '.'), eb('c.region_code', '<', code + '/')]),
        ]),
      );
    }
    if (input.due === 'overdue') q = q.where('c.next_due', '<', cal.today);
    else if (input.due === 'today') q = q.where('c.next_due', '=', cal.today);
    else if (input.due === 'today_or_overdue') q = q.where('c.next_due', '<=', cal.today);
    if (input.from) q = q.where('c.received_day', '>=', input.from);
    if (input.to) q = q.where('c.received_day', '<=', input.to);
    const term = input.q?.trim();
    if (term) {
      const match = (col: string): Expression<SqlBool> => contains(col, term);
      q = q.where((eb) =>
        eb.or([
          match('c.number'),
          match('c.subject'),
          match('c.description'),
          match('c.location_address'),
          match('c.channel_ref'),
          match('p.full_name'),
          // Reporter details only where the caller may see them.
          canSeeConfidential
            ? match('c.reporter_name')
            : eb.and([eb('c.reporter_confidential', '=', 0), match('c.reporter_name')]),
        ]),
      );
    }
    return q;
  };

  const { n } = await filters(baseQuery(db))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  // A confidential complaint found by its reporter's name tells who reported it: the handler
  // records that as a read of the reporter (rows still show the reporter masked).
  const searched = input.q?.trim();
  const reporterMatch =
    searched && canSeeConfidential
      ? sql<number>`CASE WHEN c.reporter_confidential = 1 AND ${contains('c.reporter_name', searched)} THEN 1 ELSE 0 END`
      : sql<number>`0`;
  let page = selectRow(filters(baseQuery(db))).select(reporterMatch.as('reporter_match'));
  switch (input.sort) {
    case 'deadline':
      // Open first by their next deadline (emergencies first on a day), then closed, newest first.
      page = page
        .orderBy(sql`c.next_due IS NULL`)
        .orderBy('c.next_due')
        .orderBy(
          sql`CASE WHEN c.next_due IS NULL THEN NULL
            WHEN c.urgency = 'emergency' THEN 0 WHEN c.urgency = 'high' THEN 1 ELSE 2 END`,
        )
        .orderBy('c.closed_at', 'desc')
        .orderBy('c.received_at');
      break;
    case 'newest':
      page = page.orderBy('c.received_at', 'desc');
      break;
    case 'oldest':
      page = page.orderBy('c.received_at');
      break;
  }
  const rows = (await page
    .orderBy('c.id')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute()) as (Row & { reporter_match: number })[];
  const regions = await regionRefs(
    db,
    rows.map((r) => r.region_code),
  );
  return {
    rows: rows.map((r) => toSummary(r, regions, cal, user, false)),
    total: Number(n),
    reporterMatches: rows.filter((r) => r.reporter_match === 1).map((r) => r.id),
  };
}
