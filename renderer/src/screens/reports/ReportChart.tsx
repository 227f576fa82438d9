/**
 * A report table's chart on screen (@mantine/charts), the same series the printed report draws:
 * bars for counts by group, a line for nights.
 */
import { BarChart, LineChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import type { ReportTable } from '../../../../shared/contract/reports';
import { useI18n } from '../../i18n/I18nProvider';

const COLORS = ['blue.6', 'orange.6', 'teal.6', 'grape.6', 'yellow.6'];

export function ReportChart({ table, h = 220 }: { table: ReportTable; h?: number }) {
  const { locale } = useI18n();
  const lang = locale === 'en' ? 1 : 0;
  if (!table.chart || table.chartColumns.length === 0 || table.rows.length === 0) return null;
  const series = table.chartColumns.map((c, i) => ({
    name: `c${c}`,
    label: table.columns[c]!.label[lang],
    color: COLORS[i % COLORS.length]!,
  }));
  const data = table.rows.map((r) => ({
    name: r.label[lang],
    ...Object.fromEntries(table.chartColumns.map((c) => [`c${c}`, r.values[c] ?? 0])),
  }));
  const common = {
    h,
    data,
    dataKey: 'name',
    series,
    withLegend: series.length > 1,
    tickLine: 'y' as const,
    gridAxis: 'y' as const,
    // Counts have no halves on their axis.
    valueFormatter: (v: number) => String(Number(v.toFixed(1))),
  };
  const counts = table.chartColumns.every((c) => table.columns[c]!.format === 'int');
  return (
    <div data-testid={`chart-${table.key}`}>
      {table.chart === 'line' ? (
        <LineChart
          {...common}
          curveType="linear"
          withDots={table.rows.length <= 31}
          yAxisProps={{ allowDecimals: !counts }}
        />
      ) : series.length === 1 ? (
        // One series by name (origins, categories): bars across, so every name can be read.
        <BarChart
          {...common}
          h={Math.max(120, data.length * 30 + 40)}
          orientation="vertical"
          gridAxis="x"
          tickLine="x"
          xAxisProps={{ allowDecimals: false }}
          yAxisProps={{ width: 170 }}
        />
      ) : (
        <BarChart {...common} yAxisProps={{ allowDecimals: !counts }} />
      )}
    </div>
  );
}
