/**
 * Home: the last two weeks at a glance, for who may read each domain — beds taken per night in
 * the shelter, complaints received per day with how many are open and overdue — and a way to
 * the reports. Loaded lazily with the chart library.
 */
import { AreaChart, BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Anchor, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { call } from '../../api/rpc';
import { Loaded } from '../../components/PageStates';
import { SectionCard } from '../../components/SectionCard';
import { useT } from '../../i18n/I18nProvider';
import { href } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { useCan } from '../../session/can';

const dayLabel = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;

export function HomeCharts() {
  const t = useT();
  const can = useCan();
  const q = useQuery('home-dashboard', () => call('reports.dashboard', {}));
  return (
    <SectionCard
      title={t('nav.reports')}
      icon={<IconChartBar size={20} />}
      testId="home-charts"
      action={
        can('reports.run') ? (
          <Anchor href={href('/reports')} size="sm">
            {t('home.reports.open')}
          </Anchor>
        ) : undefined
      }
    >
      <Loaded query={q} loading={<Skeleton h={160} />}>
        {(d) => (
          <SimpleGrid cols={{ base: 1, sm: d.shelter && d.complaints ? 2 : 1 }} spacing="lg">
            {d.shelter && (
              <Stack gap={4} data-testid="home-chart-shelter">
                <Text size="sm" c="dimmed">
                  {t('home.reports.shelterNights')}
                </Text>
                <AreaChart
                  h={140}
                  data={d.shelter.nights.map((n) => ({
                    day: dayLabel(n.day),
                    occupied: n.occupied,
                  }))}
                  dataKey="day"
                  series={[{ name: 'occupied', label: t('reports.col.occupied'), color: 'blue.6' }]}
                  yAxisProps={{ domain: [0, Math.max(1, d.shelter.beds)], allowDecimals: false }}
                  withDots={false}
                  curveType="step"
                />
              </Stack>
            )}
            {d.complaints && (
              <Stack gap={4} data-testid="home-chart-complaints">
                <Text size="sm" c="dimmed">
                  {t('home.reports.complaintsDays')}
                </Text>
                <BarChart
                  h={140}
                  data={d.complaints.received.map((r) => ({
                    day: dayLabel(r.day),
                    count: r.count,
                  }))}
                  dataKey="day"
                  series={[{ name: 'count', label: t('reports.col.received'), color: 'orange.6' }]}
                  yAxisProps={{ allowDecimals: false }}
                />
                <Text size="xs" c={d.complaints.overdue > 0 ? 'red' : 'dimmed'}>
                  {t('home.reports.openOverdue', {
                    open: d.complaints.open,
                    overdue: d.complaints.overdue,
                  })}
                </Text>
              </Stack>
            )}
          </SimpleGrid>
        )}
      </Loaded>
    </SectionCard>
  );
}
