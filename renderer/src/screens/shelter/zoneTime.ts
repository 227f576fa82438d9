/**
 * Times typed in forms are office-zone wall-clock times ("2026-11-27T14:30" in WITA), whatever
 * zone the PC is set to. These helpers convert between that and the ISO instants of the contract.
 */

function parts(at: Date, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return out;
}

/** Offset of `timeZone` from UTC at `at`, in minutes (WITA: +480). */
function offsetMinutes(timeZone: string, at: Date): number {
  const p = parts(at, timeZone);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a DateTimeField value (`YYYY-MM-DDTHH:mm`), in the office zone. */
export function toLocalInput(at: string | Date, timeZone: string): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return '';
  const p = parts(d, timeZone);
  return `${p.year}-${pad(p.month!)}-${pad(p.day!)}T${pad(p.hour!)}:${pad(p.minute!)}`;
}

/** Now, as a DateTimeField value in the office zone. */
export function nowLocalInput(timeZone: string): string {
  return toLocalInput(new Date(), timeZone);
}

/** A DateTimeField value (office zone) as an ISO instant; null when incomplete. */
export function fromLocalInput(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
  if (!m) return null;
  const naive = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  // Two passes settle the offset near a zone change.
  let at = naive - offsetMinutes(timeZone, new Date(naive)) * 60_000;
  at = naive - offsetMinutes(timeZone, new Date(at)) * 60_000;
  return new Date(at).toISOString();
}

/** The office-zone calendar date of an instant: YYYY-MM-DD. */
export function dateInZone(at: string | Date, timeZone: string): string {
  return toLocalInput(at, timeZone).slice(0, 10);
}

/** Whole calendar days from check-in to `to`, counted in the office zone (check-in day is 0). */
export function daysBetween(from: string | Date, to: string | Date, timeZone: string): number {
  const a = Date.parse(`${dateInZone(from, timeZone)}T00:00:00Z`);
  const b = Date.parse(`${dateInZone(to, timeZone)}T00:00:00Z`);
  return Math.max(0, Math.round((b - a) / 86_400_000));
}

/** First and last day of the month of `today` (YYYY-MM-DD). */
export function monthRange(today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(last)}` };
}
