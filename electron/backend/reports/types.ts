/**
 * What a report module is: a function from a period to its figures and tables. Texts are
 * [Bahasa Indonesia, English] pairs taken from the message catalogues (`msg`) or names that read
 * the same in both (`same`: a region, a category the office named).
 */
import type { Kysely } from 'kysely';
import type { Label, Report, ReportTable } from '../../../shared/contract/reports';
import { translate, type MessageKey } from '../../../shared/i18n';
import type { DB } from '../db/schema';

export interface ReportPeriod {
  from: string;
  to: string;
  now: Date;
}

export type ReportBody = Pick<Report, 'title' | 'figures' | 'tables'>;
export type ReportModule = (db: Kysely<DB>, period: ReportPeriod) => Promise<ReportBody>;

export function msg(key: MessageKey, params?: Record<string, string | number>): Label {
  return [translate('id', key, params), translate('en', key, params)];
}

export function same(text: string): Label {
  return [text, text];
}

/** Columns of counts. */
export function countColumns(...labels: Label[]): ReportTable['columns'] {
  return labels.map((label) => ({ label, format: 'int' }));
}

/** A table whose chart shows every column (the common case). */
export function table(
  t: Omit<ReportTable, 'chartColumns' | 'note' | 'chart'> &
    Partial<Pick<ReportTable, 'chartColumns' | 'note' | 'chart'>>,
): ReportTable {
  return {
    chart: 'bar',
    note: null,
    chartColumns: t.columns.map((_, i) => i),
    ...t,
  };
}

/** Counts rows by a key, most first (ties by label), as table rows of one value. */
export function countRows<K>(
  items: Iterable<K>,
  labelOf: (key: K) => Label,
): { label: Label; values: number[] }[] {
  return tallyRows(
    Array.from(items, (k) => [k, 1] as const),
    labelOf,
  );
}

/** As countRows, from counts already made (a key may come more than once: they add up). */
export function tallyRows<K>(
  tallies: Iterable<readonly [K, number]>,
  labelOf: (key: K) => Label,
): { label: Label; values: number[] }[] {
  const counts = new Map<K, number>();
  for (const [k, n] of tallies) counts.set(k, (counts.get(k) ?? 0) + n);
  return [...counts.entries()]
    .map(([k, n]) => ({ label: labelOf(k), values: [n] }))
    .sort((a, b) => b.values[0]! - a.values[0]! || a.label[0].localeCompare(b.label[0]));
}
