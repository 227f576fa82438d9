/** What complaints are judged by: the office zone, the holiday calendar, settings and categories. */
import type { Kysely, Selectable } from 'kysely';
import type {
  ComplaintCategory,
  ComplaintSettings,
  Holiday,
} from '../../../shared/contract/complaints';
import type { HolidayKind } from '../../../shared/reference/complaints';
import { formatTicketNumber } from '../../../shared/ticketNumber';
import { dayInZone } from '../../../shared/time';
import type { HolidaySet } from '../../../shared/workdays';
import type { DB } from '../db/schema';
import type {
  ComplaintCategoriesTable,
  ComplaintSettingsTable,
  HolidaysTable,
} from '../db/tables/complaints';
import { officeTimeZone } from '../office/store';
import type { DeadlineDays } from './deadlines';

/** The whole calendar: a few dozen rows a year, so it is read whole. */
export async function loadHolidaySet(db: Kysely<DB>): Promise<HolidaySet> {
  const rows = await db.selectFrom('holidays').select('date').execute();
  return new Set(rows.map((r) => r.date));
}

export interface Calendar {
  timeZone: string;
  holidays: HolidaySet;
  /** Today in the office zone. */
  today: string;
}

export async function loadCalendar(db: Kysely<DB>, now: Date): Promise<Calendar> {
  const timeZone = await officeTimeZone(db);
  return { timeZone, holidays: await loadHolidaySet(db), today: dayInZone(now, timeZone) };
}

export function toHoliday(r: Selectable<HolidaysTable>): Holiday {
  return { id: r.id, date: r.date, name: r.name, kind: r.kind as HolidayKind, version: r.version };
}

export function parseCodes(json: string): string[] {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function toCategory(r: Selectable<ComplaintCategoriesTable>): ComplaintCategory {
  return {
    id: r.id,
    name: r.name,
    nameEn: r.name_en,
    kind: r.kind as ComplaintCategory['kind'],
    verifyDays: r.verify_days,
    answerDays: r.answer_days,
    completeDays: r.complete_days,
    ppks: parseCodes(r.ppks) as ComplaintCategory['ppks'],
    active: r.active === 1,
    sortOrder: r.sort_order,
    version: r.version,
  };
}

export async function loadSettingsRow(db: Kysely<DB>): Promise<Selectable<ComplaintSettingsTable>> {
  return db
    .selectFrom('complaint_settings')
    .selectAll()
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
}

/** The deadlines of a category: its own, or the office defaults. */
export function categoryDays(
  category: Pick<
    Selectable<ComplaintCategoriesTable>,
    'verify_days' | 'answer_days' | 'complete_days'
  >,
  settings: Pick<
    Selectable<ComplaintSettingsTable>,
    'verify_days' | 'answer_days' | 'complete_days'
  >,
): DeadlineDays {
  return {
    verify: category.verify_days ?? settings.verify_days,
    answer: category.answer_days ?? settings.answer_days,
    complete: category.complete_days ?? settings.complete_days,
  };
}

export function kindCode(
  s: Pick<Selectable<ComplaintSettingsTable>, 'kind_code_complaint' | 'kind_code_data_service'>,
  kind: string,
): string {
  return kind === 'data_service' ? s.kind_code_data_service : s.kind_code_complaint;
}

/** The year and month a number issued now carries (registration day in the office zone). */
export function numberDate(now: Date, timeZone: string): { year: number; month: number } {
  const day = dayInZone(now, timeZone);
  return { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) };
}

export async function toSettings(
  db: Kysely<DB>,
  s: Selectable<ComplaintSettingsTable>,
  now: Date,
): Promise<ComplaintSettings> {
  const { year, month } = numberDate(now, await officeTimeZone(db));
  const counters = await db
    .selectFrom('complaint_counters')
    .select(['kind', 'last'])
    .where('year', '=', year)
    .execute();
  const last = (kind: string) => counters.find((c) => c.kind === kind)?.last ?? 0;
  const preview = (kind: string) =>
    formatTicketNumber(s.number_pattern, {
      seq: last(kind) + 1,
      year,
      month,
      kindCode: kindCode(s, kind),
    });
  return {
    numberPattern: s.number_pattern,
    kindCodeComplaint: s.kind_code_complaint,
    kindCodeDataService: s.kind_code_data_service,
    verifyDays: s.verify_days,
    answerDays: s.answer_days,
    completeDays: s.complete_days,
    followUpText: s.follow_up_text,
    preview: { complaint: preview('complaint'), dataService: preview('data_service') },
    version: s.version,
  };
}
