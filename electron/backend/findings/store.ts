/**
 * Writing a new finding: its number from the year's register, the day it reached the city and
 * the working-day clocks counted from that day. Typed in over the office host or applied from a
 * kelurahan's packet, a finding enters the triage queue the same way.
 */
import type { Urgency } from '../../../shared/reference/complaints';
import type { FindingSource, ReporterRole } from '../../../shared/reference/findings';
import type { PpksCode } from '../../../shared/reference/ppks';
import { dayInZone } from '../../../shared/time';
import { loadCalendar } from '../calendar/workdays';
import { insertTracked } from '../db/tracked';
import type { Ctx } from '../dispatch/context';
import { issueNumber } from '../registers/issue';
import { findingDueDates } from './clocks';
import { writeFindingEvent } from './events';

export const AS_FINDING = { recordType: 'finding' };
/** Finding numbers: one gapless register a year. */
const FINDING_PATTERN = 'TMN/{seq:4}/{year}';

/** What the reporter tells: the same fields whichever way the finding comes in. */
export interface FindingFields {
  kelurahanCode: string;
  place: string;
  foundAt: string;
  ppks: readonly PpksCode[];
  condition: string;
  urgency: Urgency;
  actionTaken: string | null;
  reporterRole: ReporterRole;
  reporterName: string;
  reporterContact: string | null;
  personId: string | null;
  subject: {
    name: string | null;
    nik: string | null;
    sex: 'M' | 'F' | null;
    birthDate: string | null;
    age: number | null;
    description: string | null;
  };
}

/** The reported columns, for a new finding or a sender's newer version of one. */
export function reportedColumns(f: Omit<FindingFields, 'personId' | 'kelurahanCode'>) {
  return {
    place: f.place,
    found_at: new Date(f.foundAt).toISOString(),
    ppks: JSON.stringify([...new Set(f.ppks)]),
    condition: f.condition,
    urgency: f.urgency,
    action_taken: f.actionTaken,
    reporter_role: f.reporterRole,
    reporter_name: f.reporterName,
    reporter_contact: f.reporterContact,
    subject_name: f.subject.name,
    subject_nik: f.subject.nik,
    subject_sex: f.subject.sex,
    subject_birth_date: f.subject.birthDate,
    subject_age: f.subject.age,
    subject_description: f.subject.description,
  };
}

/** Creates a received finding; its clocks start on the day it reaches the city (today). */
export async function insertFinding(
  ctx: Ctx,
  f: FindingFields,
  source: FindingSource,
  note?: string,
): Promise<string> {
  const cal = await loadCalendar(ctx.db, ctx.now);
  const receivedDay = dayInZone(ctx.now, cal.timeZone);
  const { number } = await issueNumber(ctx.db, 'finding', {
    pattern: FINDING_PATTERN,
    code: '',
    now: ctx.now,
    timeZone: cal.timeZone,
  });
  const id = await insertTracked(
    ctx,
    'findings',
    {
      number,
      source,
      kelurahan_code: f.kelurahanCode,
      ...reportedColumns(f),
      received_at: ctx.nowIso,
      received_day: receivedDay,
      person_id: f.personId,
      status: 'received',
      ...findingDueDates(receivedDay, f.urgency, cal.holidays),
      triaged_at: null,
      acted_at: null,
      triage_note: null,
      outcome: null,
      stay_id: null,
      complaint_id: null,
      referred_to: null,
      close_reason: null,
    },
    note ? { ...AS_FINDING, note } : AS_FINDING,
  );
  await writeFindingEvent(ctx, id, { kind: 'created', toState: 'received', note: note ?? null });
  return id;
}
