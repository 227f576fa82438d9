/** Offset of `timeZone` from UTC at `at`, in minutes (WITA: +480). */
const partFormats = new Map<string, Intl.DateTimeFormat>();

export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The UTC instant at which calendar day `date` (YYYY-MM-DD) begins in `timeZone`. */
export function startOfDayUtc(date: string, timeZone: string): string {
  const naive = new Date(`${date}T00:00:00Z`);
  const offset = zoneOffsetMinutes(timeZone, naive);
  return new Date(naive.getTime() - offset * 60_000).toISOString();
}

/** The day after `date`, for exclusive upper bounds. */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
