/**
 * Working days (hari kerja): Monday to Friday, except the office's holidays (national holidays,
 * cuti bersama and local days off, kept in an editable calendar). Pure and shared, so the
 * backend (deadlines, figures) and the renderer (intake preview, "time left") count the same way.
 *
 * Days are calendar dates `YYYY-MM-DD` in the office time zone; they are never shifted by a zone.
 *
 * How deadlines are counted (SP4N-LAPOR practice: "paling lambat N hari kerja sejak diterima"):
 * the day of receipt is day 0, whatever the hour; the deadline is the END of the Nth working day
 * after it. A complaint received on Friday evening, Saturday or Monday morning with a 3-day limit
 * is due at the end of Wednesday (Mon, Tue, Wed) — except Monday's, which is due on Thursday.
 */

export type HolidaySet = ReadonlySet<string>;

const DAY_MS = 86_400_000;
/** No real calendar has a year of holidays; this bound turns a broken calendar into an error. */
const MAX_SCAN_DAYS = 3 * 366;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtcMs(date: string): number {
  const m = CALENDAR_DATE.exec(date);
  if (!m) throw new RangeError(`Not a calendar date: ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`Not a calendar date: ${date}`);
  }
  return ms;
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** True for a real `YYYY-MM-DD` date (2026-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  try {
    toUtcMs(value);
    return true;
  } catch {
    return false;
  }
}

/** `date` moved by `days` calendar days (negative goes back). */
export function addCalendarDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** 0 Sunday … 6 Saturday. */
export function weekday(date: string): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}

export function isWorkingDay(date: string, holidays: HolidaySet): boolean {
  return !isWeekend(date) && !holidays.has(date);
}

/**
 * The `n`th working day after `date` (n ≥ 1), not counting `date` itself. With n = 0, `date`
 * itself. Throws when the calendar leaves no working day for years (a broken calendar).
 */
export function addWorkingDays(date: string, n: number, holidays: HolidaySet): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be ≥ 0: ${n}`);
  let ms = toUtcMs(date);
  let left = n;
  let scanned = 0;
  while (left > 0) {
    ms += DAY_MS;
    if (++scanned > MAX_SCAN_DAYS) throw new RangeError('No working days in the calendar');
    if (isWorkingDay(fromUtcMs(ms), holidays)) left -= 1;
  }
  return fromUtcMs(ms);
}

/** The due date of a limit of `days` working days for something received on `receivedDay`. */
export function dueDate(receivedDay: string, days: number, holidays: HolidaySet): string {
  return addWorkingDays(receivedDay, days, holidays);
}

/**
 * Working days after `from` up to and including `to`; negative when `to` is before `from`
 * (then: the working days after `to` up to and including `from`, negated). Same day: 0.
 * Used for elapsed time (received Friday, verified Monday: 1) and for time left.
 */
export function workingDaysBetween(from: string, to: string, holidays: HolidaySet): number {
  const a = toUtcMs(from);
  const b = toUtcMs(to);
  if (a === b) return 0;
  const [lo, hi, sign] = a < b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let ms = lo + DAY_MS; ms <= hi; ms += DAY_MS) {
    if (isWorkingDay(fromUtcMs(ms), holidays)) count += 1;
  }
  return sign * count;
}

export interface TimeLeft {
  /** The due day has passed (calendar days; a deadline ends with its day). */
  overdue: boolean;
  /** Today is the due day. */
  dueToday: boolean;
  /**
   * Not overdue: working days still to come after today up to the due day (0 when due today).
   * Overdue: working days since the due day up to today (0 when only a weekend or holiday has
   * passed since — still late, but no working day was lost yet).
   */
  workingDays: number;
}

/** Where `today` stands against a due day. */
export function timeLeft(today: string, due: string, holidays: HolidaySet): TimeLeft {
  if (today === due) return { overdue: false, dueToday: true, workingDays: 0 };
  if (today < due) {
    return {
      overdue: false,
      dueToday: false,
      workingDays: workingDaysBetween(today, due, holidays),
    };
  }
  return { overdue: true, dueToday: false, workingDays: workingDaysBetween(due, today, holidays) };
}

/** The median of a list of numbers, or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
