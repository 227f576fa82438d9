/**
 * Report periods: a month, a quarter, a year or any range of days, always as inclusive
 * `YYYY-MM-DD` bounds, and the words a report's title uses for them.
 */
import type { Locale } from '../i18n';
import { formatDateFull } from '../format';
import { monthRange } from '../time';
import type { PeriodKind } from '../reference/reports';

const pad = (n: number) => String(n).padStart(2, '0');

/** The period of `kind` that holds `day`; a custom period is the caller's own bounds. */
export function periodOf(kind: Exclude<PeriodKind, 'custom'>, day: string) {
  const [y, m] = day.split('-').map(Number) as [number, number];
  if (kind === 'month') return monthRange(day);
  if (kind === 'year') return { from: `${y}-01-01`, to: `${y}-12-31` };
  const first = Math.floor((m - 1) / 3) * 3 + 1;
  return {
    from: `${y}-${pad(first)}-01`,
    to: monthRange(`${y}-${pad(first + 2)}-01`).to,
  };
}

/** The period of the same kind just before the one that holds `day` (last month, …). */
export function previousPeriod(kind: Exclude<PeriodKind, 'custom'>, day: string) {
  const { from } = periodOf(kind, day);
  const [y, m] = from.split('-').map(Number) as [number, number];
  const back = kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12;
  const month = m - back;
  const year = y + Math.floor((month - 1) / 12);
  const within = ((((month - 1) % 12) + 12) % 12) + 1;
  return periodOf(kind, `${year}-${pad(within)}-01`);
}

const MONTHS: Record<Locale, readonly string[]> = {
  id: [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};
const ROMAN = ['I', 'II', 'III', 'IV'];

/** "November 2026", "Triwulan IV 2026", "Tahun 2026", or "1 November 2026 – 15 Desember 2026". */
export function periodLabel(from: string, to: string, locale: Locale): string {
  const [y, m] = from.split('-').map(Number) as [number, number];
  const monthName = (n: number) => MONTHS[locale][n - 1]!;
  if (periodOf('month', from).to === to && from.endsWith('-01')) return `${monthName(m)} ${y}`;
  const quarter = periodOf('quarter', from);
  if (quarter.from === from && quarter.to === to)
    return `${locale === 'en' ? 'Quarter' : 'Triwulan'} ${ROMAN[(m - 1) / 3]} ${y}`;
  if (from === `${y}-01-01` && to === `${y}-12-31`)
    return `${locale === 'en' ? 'Year' : 'Tahun'} ${y}`;
  return `${formatDateFull(from, { locale })} – ${formatDateFull(to, { locale })}`;
}

/** The calendar days from `from` to `to`, both included. */
export function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); ; t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (day > to) break;
    out.push(day);
  }
  return out;
}
