/**
 * Dates as office staff type them: DD/MM/YYYY (also with - or . between, or 8 digits in a row),
 * optionally followed by HH:mm. Values stay in the contract's formats: `YYYY-MM-DD` for calendar
 * dates and `YYYY-MM-DDTHH:mm` for office-zone wall-clock times (turned into instants elsewhere).
 */

import { isCalendarDate } from './workdays';

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` → `DD/MM/YYYY`; anything else is returned unchanged. */
export function formatDateText(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/** `YYYY-MM-DDTHH:mm` → `DD/MM/YYYY HH:mm`; anything else is returned unchanged. */
export function formatDateTimeText(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(value);
  return m ? `${formatDateText(m[1]!)} ${m[2]}` : value;
}

/**
 * A typed date as `YYYY-MM-DD`, or null when it is not a whole, real date. Accepts DD/MM/YYYY,
 * D/M/YYYY, DD-MM-YYYY, DD.MM.YYYY, DDMMYYYY and the stored YYYY-MM-DD form. The year needs four
 * digits so a half-typed "12/03/20" is never taken for the year 20.
 */
export function parseDateText(text: string): string | null {
  const s = text.trim();
  let y: number, mo: number, d: number;
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (m) {
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    return null;
  }
  const iso = `${y}-${pad(mo)}-${pad(d)}`;
  return isCalendarDate(iso) ? iso : null;
}

/** A typed date and time (`DD/MM/YYYY HH:mm`, or `HH.mm`) as `YYYY-MM-DDTHH:mm`; null otherwise. */
export function parseDateTimeText(text: string): string | null {
  const m = /^(.+?)(?:\s+|T)(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!m) return null;
  const date = parseDateText(m[1]!);
  const [h, min] = [Number(m[2]), Number(m[3])];
  if (!date || h > 23 || min > 59) return null;
  return `${date}T${pad(h)}:${pad(min)}`;
}

/** Is `date` (YYYY-MM-DD) within the optional bounds (inclusive)? ISO dates compare as text. */
export function inDateRange(date: string, min?: string | null, max?: string | null): boolean {
  return (!min || date >= min) && (!max || date <= max);
}
