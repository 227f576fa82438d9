/**
 * The rekap's charts (@mantine/charts): people by PPKS category for the whole area shown (the
 * city, or an operator's kelurahan), and each kecamatan's count by where it came from.
 */
import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { Output } from '../../../../shared/contract';
import { REKAP_SOURCES } from '../../../../shared/contract/rekap';
import { PPKS_CODES } from '../../../../shared/reference/ppks';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { ppksName } from '../../lib/ppks';

type Rekap = Output<'rekap.get'>;

const SOURCE_COLORS = { finding: 'orange.6', stay: 'blue.6', case: 'grape.6', addition: 'teal.6' };

export function RekapCharts({ rekap }: { rekap: Rekap }) {
  const t = useT();
  const { locale } = useI18n();
  // The city's sum, or for an operator (no city) the sum of what it sees.
  const whole = rekap.city ?? rekap.kelurahans[0];
  if (!whole || whole.total === 0) return null;
  const byCategory = PPKS_CODES.filter((c) => (whole.counts[c] ?? 0) > 0)
    .map((c) => ({ name: `${c.replace('PPKS-', '')} ${ppksName(c, locale)}`, n: whole.counts[c]! }))
    .sort((a, b) => b.n - a.n)
    .slice(0, 12);
  const sources = REKAP_SOURCES.map((s) => ({
    name: s,
    label: t(`rekap.source.${s}`),
    color: SOURCE_COLORS[s],
  }));
  const byKecamatan = rekap.city
    ? rekap.kecamatans.map((k) => ({
        name: k.name,
        ...Object.fromEntries(REKAP_SOURCES.map((s) => [s, k.bySource[s] ?? 0])),
      }))
    : [];
  return (
    <SimpleGrid cols={{ base: 1, lg: rekap.city ? 2 : 1 }} spacing="md">
      <Paper withBorder radius="md" p="md" data-testid="rekap-chart-ppks">
        <Text fw={600} size="sm" mb="xs">
          {t('rekap.chart.byPpks')}
        </Text>
        <BarChart
          h={Math.max(140, byCategory.length * 28 + 40)}
          data={byCategory}
          dataKey="name"
          series={[{ name: 'n', label: t('rekap.total'), color: 'blue.6' }]}
          orientation="vertical"
          gridAxis="x"
          tickLine="x"
          xAxisProps={{ allowDecimals: false }}
          yAxisProps={{ width: 220 }}
        />
      </Paper>
      {rekap.city && (
        <Paper withBorder radius="md" p="md" data-testid="rekap-chart-kecamatan">
          <Text fw={600} size="sm" mb="xs">
            {t('rekap.chart.byKecamatan')}
          </Text>
          <BarChart
            h={Math.max(160, byKecamatan.length * 34 + 70)}
            data={byKecamatan}
            dataKey="name"
            type="stacked"
            series={sources}
            withLegend
            orientation="vertical"
            gridAxis="x"
            tickLine="x"
            xAxisProps={{ allowDecimals: false }}
            yAxisProps={{ width: 140, interval: 0 }}
          />
        </Paper>
      )}
    </SimpleGrid>
  );
}
