/**
 * The office calendar as the backend counts with it: the holiday set and today in the office
 * zone. The counting itself is pure and shared with the renderer (shared/workdays.ts).
 */
import type { Kysely } from 'kysely';
import { dayInZone } from '../../../shared/time';
import type { HolidaySet } from '../../../shared/workdays';
import type { DB } from '../db/schema';
import { officeTimeZone } from '../office/store';

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
