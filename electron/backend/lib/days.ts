/** Creating an Intl formatter costs far more than using one, so keep one per zone. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let f = dateFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone });
    dateFormats.set(timeZone, f);
  }
  return f;
}

/** Calendar date (YYYY-MM-DD) of an instant in `timeZone`. */
export function dateIn(at: Date | string, timeZone: string): string {
  return dateFormat(timeZone).format(typeof at === 'string' ? new Date(at) : at);
}

/** Calendar year of an instant in `timeZone`. */
export function yearIn(at: Date, timeZone: string): number {
  return Number(dateIn(at, timeZone).slice(0, 4));
}

/** Whole calendar days from `from` to `to`, counted in `timeZone` (check-in day is day 0). */
export function calendarDaysBetween(
  from: Date | string,
  to: Date | string,
  timeZone: string,
): number {
  const a = Date.parse(`${dateIn(from, timeZone)}T00:00:00Z`);
  const b = Date.parse(`${dateIn(to, timeZone)}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}
