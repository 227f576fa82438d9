/**
 * Office time-zone arithmetic, the same in the backend and the renderer: the office's calendar
 * day of an instant, wall-clock times typed in the office zone (whatever zone the PC is set to),
 * where an office day begins in UTC, and calendar days between instants. Times are ISO UTC in
 * the contract and the database; days are `YYYY-MM-DD`.
 */
import { addCalendarDays, isCalendarDate } from './workdays';

/** Creating an Intl formatter costs far more than using one, so keep one per zone. */
const partFormats = new Map<string, Intl.DateTimeFormat>();

function zoneParts(timeZone: string, at: Date): Record<string, number> {
  let f = partFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormats.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(at))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  return p;
}

/** Offset of `timeZone` from UTC at an instant, in minutes (WITA: +480). */
export function zoneOffsetMinutes(timeZone: string, at: Date | number): number {
  const ms = typeof at === 'number' ? at : at.getTime();
  const p = zoneParts(timeZone, new Date(ms));
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as `YYYY-MM-DDTHH:mm` wall-clock time in the zone ('' for an invalid instant). */
export function isoToZonedTime(instant: string | Date, timeZone: string): string {
  const d = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(d.getTime())) return '';
  const p = zoneParts(timeZone, d);
  return `${p.year}-${pad(p.month!)}-${pad(p.day!)}T${pad(p.hour!)}:${pad(p.minute!)}`;
}

/** The calendar day of an instant in the zone (2026-11-27T17:00Z → 2026-11-28 in WITA). */
export function dayInZone(instant: string | Date, timeZone: string): string {
  return isoToZonedTime(instant, timeZone).slice(0, 10);
}

/** The calendar year of an instant in the zone. */
export function yearInZone(instant: string | Date, timeZone: string): number {
  return Number(dayInZone(instant, timeZone).slice(0, 4));
}

/**
 * The instant at which a wall-clock time `YYYY-MM-DDTHH:mm` in `timeZone` happens, as ISO UTC.
 * For form fields that take the office's local time whatever the computer's own zone is.
 * Returns null for text that is not such a time.
 */
export function zonedTimeToIso(local: string, timeZone: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
  if (!m || !isCalendarDate(m[1]!)) return null;
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  if (hour > 23 || minute > 59) return null;
  const naive = Date.parse(`${m[1]}T00:00:00Z`) + (hour * 60 + minute) * 60_000;
  // Two passes settle the offset also next to a daylight-saving change (none in Indonesia).
  let guess = naive - zoneOffsetMinutes(timeZone, naive) * 60_000;
  guess = naive - zoneOffsetMinutes(timeZone, guess) * 60_000;
  return new Date(guess).toISOString();
}

/** The UTC instant at which calendar day `date` begins in `timeZone`. */
export function startOfDayUtc(date: string, timeZone: string): string {
  return zonedTimeToIso(`${date}T00:00`, timeZone)!;
}

/** The UTC instant at which calendar day `date` ends (the next day begins): exclusive bounds. */
export function endOfDayUtc(date: string, timeZone: string): string {
  return startOfDayUtc(addCalendarDays(date, 1), timeZone);
}

/** Whole calendar days from `from` to `to`, counted in the zone (the first day is day 0). */
export function calendarDaysBetween(
  from: string | Date,
  to: string | Date,
  timeZone: string,
): number {
  const a = Date.parse(`${dayInZone(from, timeZone)}T00:00:00Z`);
  const b = Date.parse(`${dayInZone(to, timeZone)}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

/** First and last day of the month of `day` (YYYY-MM-DD). */
export function monthRange(day: string): { from: string; to: string } {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(last)}` };
}
