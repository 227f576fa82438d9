/** Reading findings: a page of the queue, or one finding with its timeline and what it points at. */
import { sql, type Kysely, type Selectable } from 'kysely';
import { eventsOf } from '../db/lookup';
import type { ParsedInput } from '../../../shared/contract';
import type { Finding, FindingSummary } from '../../../shared/contract/findings';
import type { Calendar } from '../calendar/workdays';
import { parseCodes } from '../complaints/config';
import type { DB } from '../db/schema';
import type { FindingsTable } from '../db/tables/kelurahan';
import { contains } from '../lib/like';
import { clocksOf, nextClock } from './clocks';
import { findingTimelineEvent } from './events';

type Row = Selectable<FindingsTable> & {
  kelurahan_name: string;
  kecamatan_name: string;
  person_name: string | null;
  person_nik: string | null;
};

function selectRows(db: Kysely<DB>) {
  return db
    .selectFrom('findings as f')
    .innerJoin('regions as v', 'v.code', 'f.kelurahan_code')
    .innerJoin('regions as d', 'd.code', 'v.parent_code')
    .leftJoin('persons as p', 'p.id', 'f.person_id')
    .selectAll('f')
    .select([
      'v.name as kelurahan_name',
      'd.name as kecamatan_name',
      'p.full_name as person_name',
      'p.nik as person_nik',
    ]);
}

function toSummary(r: Row, cal: Calendar): FindingSummary {
  return {
    id: r.id,
    number: r.number,
    source: r.source,
    kelurahan: { code: r.kelurahan_code, name: r.kelurahan_name, kecamatan: r.kecamatan_name },
    place: r.place,
    foundAt: r.found_at,
    receivedAt: r.received_at,
    urgency: r.urgency,
    ppks: parseCodes(r.ppks),
    status: r.status,
    outcome: r.outcome,
    subjectName: r.person_name ?? r.subject_name,
    personId: r.person_id,
    reporterRole: r.reporter_role,
    reporterName: r.reporter_name,
    next: nextClock(r, cal),
    version: r.version,
  };
}

const SORTS = {
  due: [
    sql`f.acted_at IS NOT NULL`,
    sql`CASE WHEN f.triaged_at IS NULL THEN f.triage_due ELSE f.act_due END`,
    sql`f.received_at`,
  ],
  received_desc: [sql`f.received_at DESC`],
  found_desc: [sql`f.found_at DESC`],
} as const;

/** A page of findings; `scope` limits it to one kelurahan (an operator's). */
export async function listFindings(
  db: Kysely<DB>,
  input: ParsedInput<'findings.list'>,
  scope: string | null,
  cal: Calendar,
) {
  let q = selectRows(db);
  const kelurahan = scope ?? input.kelurahanCode;
  if (kelurahan) q = q.where('f.kelurahan_code', '=', kelurahan);
  if (input.status === 'open') q = q.where('f.status', 'in', ['received', 'triaged']);
  else if (input.status) q = q.where('f.status', '=', input.status);
  if (input.q) {
    const term = input.q;
    q = q.where((eb) =>
      eb.or([
        contains('f.number', term),
        contains('f.subject_name', term),
        contains('f.place', term),
        contains('p.full_name', term),
      ]),
    );
  }
  const total = Number(
    (
      await q
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  let page = q;
  for (const order of SORTS[input.sort]) page = page.orderBy(order);
  const rows = await page
    .orderBy('f.id')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return {
    findings: rows.map((r) => toSummary(r, cal)),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}

export async function loadFindingRow(db: Kysely<DB>, id: string): Promise<Row | undefined> {
  return selectRows(db).where('f.id', '=', id).executeTakeFirst();
}

/** One finding as a caller sees it; `candidates` are filled in by the handler for triagers. */
export async function loadFinding(
  db: Kysely<DB>,
  r: Row,
  cal: Calendar,
  opts: { cityView: boolean },
): Promise<Omit<Finding, 'candidates'>> {
  const events = await eventsOf(db, 'finding_events', 'finding_id', r.id);
  const stay = r.stay_id
    ? await db
        .selectFrom('stays as s')
        .innerJoin('shelters as h', 'h.id', 's.shelter_id')
        .select(['s.id', 'h.name as shelterName', 's.checkin_at as checkinAt'])
        .where('s.id', '=', r.stay_id)
        .executeTakeFirst()
    : undefined;
  const complaint =
    r.complaint_id && opts.cityView
      ? await db
          .selectFrom('complaints')
          .select(['id', 'number', 'subject'])
          .where('id', '=', r.complaint_id)
          .executeTakeFirst()
      : undefined;
  const openStays =
    r.person_id && opts.cityView && r.status === 'triaged'
      ? await db
          .selectFrom('stays as s')
          .innerJoin('shelters as h', 'h.id', 's.shelter_id')
          .select(['s.id', 'h.name as shelterName', 's.checkin_at as checkinAt'])
          .where('s.person_id', '=', r.person_id)
          .where('s.checkout_at', 'is', null)
          .execute()
      : [];
  const clocks = clocksOf(r, cal);
  return {
    ...toSummary(r, cal),
    condition: r.condition,
    actionTaken: r.action_taken,
    reporterContact: r.reporter_contact,
    subject: {
      name: r.subject_name,
      nik: r.subject_nik,
      sex: r.subject_sex,
      birthDate: r.subject_birth_date,
      age: r.subject_age,
      description: r.subject_description,
    },
    person: r.person_id
      ? { id: r.person_id, fullName: r.person_name ?? '', nik: r.person_nik }
      : null,
    triage: clocks.triage,
    act: clocks.act,
    triageNote: r.triage_note,
    stay: stay ?? null,
    complaint: complaint ?? null,
    referredTo: r.referred_to,
    closeReason: r.close_reason,
    openStays,
    events: events.map(findingTimelineEvent),
  };
}
