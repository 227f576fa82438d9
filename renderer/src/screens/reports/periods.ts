/** The choices of the period picker: recent months, quarters and years, newest first. */
import type { Locale } from '../../../../shared/i18n';
import type { PeriodKind } from '../../../../shared/reference/reports';
import { periodLabel, periodOf, previousPeriod } from '../../../../shared/reports/period';

const COUNTS = { month: 24, quarter: 8, year: 6 } as const;

export function periodChoices(kind: Exclude<PeriodKind, 'custom'>, today: string, locale: Locale) {
  const out = [periodOf(kind, today)];
  while (out.length < COUNTS[kind]) out.push(previousPeriod(kind, out[out.length - 1]!.from));
  return out.map((p) => ({ value: `${p.from}_${p.to}`, label: periodLabel(p.from, p.to, locale) }));
}
