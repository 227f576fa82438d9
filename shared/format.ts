/**
 * Pure date/time formatting in the office time zone, shared by the renderer (screens) and the
 * backend (messages such as "locked until", letters). Built on Intl, with the layout fixed here
 * so every runtime prints the same text:
 *
 *   id: "27 Nov 2026 14.30 WITA"      en: "27 Nov 2026 14:30 WITA"
 *
 * Times are ISO 8601 strings (UTC in the database); calendar dates are `YYYY-MM-DD` and are never
 * shifted by a time zone.
 */
import type { Locale } from './i18n';
import { dayInZone } from './time';

export const DEFAULT_TIME_ZONE = 'Asia/Makassar';

/** Indonesian zone abbreviations; other zones fall back to what Intl calls them. */
const ZONE_ABBREVIATIONS: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Ujung_Pandang': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export interface FormatOptions {
  locale: Locale;
  /** IANA zone name; defaults to the office default (Asia/Makassar). */
  timeZone?: string;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for an ISO 8601 date-time with a zone (what the backend sends for instants). */
export function isIsoDateTime(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE_TIME.test(value);
}

function intlLocale(locale: Locale): string {
  return locale === 'en' ? 'en-GB' : 'id-ID';
}

function toDate(value: string | Date | number): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

const formatterCache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let f = formatterCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatterCache.set(key, f);
  }
  return f;
}

function safeZone(timeZone: string | undefined): string {
  const tz = timeZone || DEFAULT_TIME_ZONE;
  try {
    formatter('en', { timeZone: tz });
    return tz;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

function partsOf(
  date: Date,
  locale: Locale,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatter(intlLocale(locale), { ...options, timeZone }).formatToParts(date)) {
    if (p.type !== 'literal') out[p.type] = p.value;
  }
  return out;
}

/** "WITA", "WIB", "WIT", or Intl's short name (e.g. "GMT+9") for other zones. */
export function zoneAbbreviation(timeZone: string | undefined, locale: Locale = 'id'): string {
  const tz = safeZone(timeZone);
  const known = ZONE_ABBREVIATIONS[tz];
  if (known) return known;
  return partsOf(new Date(), locale, tz, { timeZoneName: 'short' }).timeZoneName ?? tz;
}

const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** The parts of an instant in the office zone (and the zone used); null for an invalid value. */
function zoned(
  value: string | Date | number,
  opts: FormatOptions,
  options: Intl.DateTimeFormatOptions,
): { p: Record<string, string>; tz: string } | null {
  const date = toDate(value);
  if (!date) return null;
  const tz = safeZone(opts.timeZone);
  return { p: partsOf(date, opts.locale, tz, options), tz };
}

const dayText = (p: Record<string, string>) => `${p.day} ${p.month} ${p.year}`;

/** "14.30 WITA" (id) or "14:30 WITA" (en), from parts with the hour and minute. */
function clockText(p: Record<string, string>, tz: string, locale: Locale): string {
  const sep = locale === 'en' ? ':' : '.';
  return `${p.hour}${sep}${p.minute} ${zoneAbbreviation(tz, locale)}`;
}

/** "27 Nov 2026 14.30 WITA" (id) or "27 Nov 2026 14:30 WITA" (en). '' for an invalid value. */
export function formatDateTime(value: string | Date | number, opts: FormatOptions): string {
  const z = zoned(value, opts, { ...DAY, ...CLOCK });
  return z ? `${dayText(z.p)} ${clockText(z.p, z.tz, opts.locale)}` : '';
}

/** "14.30 WITA" (id) or "14:30 WITA" (en). */
export function formatTime(value: string | Date | number, opts: FormatOptions): string {
  const z = zoned(value, opts, CLOCK);
  return z ? clockText(z.p, z.tz, opts.locale) : '';
}

/** The day of an instant in the office zone: "27 Nov 2026". */
export function formatDate(value: string | Date | number, opts: FormatOptions): string {
  const z = zoned(value, opts, DAY);
  return z ? dayText(z.p) : '';
}

/** The day of an instant in the office zone, in full: "Jumat, 27 November 2026". */
export function formatDateLong(value: string | Date | number, opts: FormatOptions): string {
  const z = zoned(value, opts, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return z ? `${z.p.weekday}, ${dayText(z.p)}` : '';
}

/**
 * A date with the month written out, as letters and reports date themselves: "30 November 2026"
 * (no weekday). An instant is taken in the office zone; a calendar date `YYYY-MM-DD` as it is.
 */
export function formatDateFull(value: string | Date | number, opts: FormatOptions): string {
  const full: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
  const calendar = typeof value === 'string' && CALENDAR_DATE.test(value);
  if (calendar && formatCalendarDate(value, opts.locale) === '') return '';
  const z = calendar
    ? zoned(`${value}T12:00:00Z`, { ...opts, timeZone: 'UTC' }, full)
    : zoned(value, opts, full);
  return z ? dayText(z.p) : '';
}

/** A calendar date `YYYY-MM-DD` as "27 Nov 2026" (no time zone shift). '' when invalid. */
export function formatCalendarDate(value: string, locale: Locale): string {
  const m = CALENDAR_DATE.exec(value);
  if (!m) return '';
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (date.toISOString().slice(0, 10) !== value) return '';
  return dayText(partsOf(date, locale, 'UTC', DAY));
}

/** Today's calendar date (`YYYY-MM-DD`) in the office zone. */
export function todayInZone(timeZone: string | undefined, now: Date = new Date()): string {
  return dayInZone(now, safeZone(timeZone));
}

/**
 * Message params as a reader should see them: ISO date-times become office-zone text, so a
 * backend that sends `{ until: '2026-11-27T06:45:00Z' }` reads "27 Nov 2026 14.45 WITA", and
 * calendar dates read as dates ("17 Agu 2027"). A pair `{ until: '14.45 WITA', untilIso: '…' }` (a clock time the backend already formatted,
 * plus the instant) is re-rendered as a clock time in the reader's language: "14:45 WITA".
 */
export function formatParams(
  params: Record<string, string | number> | undefined,
  opts: FormatOptions,
): Record<string, string | number> | undefined {
  if (!params) return params;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) {
    out[k] = isIsoDateTime(v)
      ? formatDateTime(v, opts)
      : typeof v === 'string' && CALENDAR_DATE.test(v)
        ? formatCalendarDate(v, opts.locale) || v
        : v;
  }
  for (const [k, v] of Object.entries(params)) {
    const base = k.endsWith('Iso') ? k.slice(0, -3) : '';
    if (base && base in params && !isIsoDateTime(params[base]) && isIsoDateTime(v)) {
      out[base] = formatTime(v, opts);
    }
  }
  return out;
}
