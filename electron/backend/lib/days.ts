/** Calendar date (YYYY-MM-DD) of an instant in `timeZone`. */
export function dateIn(at: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(
    typeof at === 'string' ? new Date(at) : at,
  );
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
