/** Figures for a chosen period (stays.stats), default this month. */
import {
  Button,
  Grid,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
} from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { Shelter } from '../../../../shared/contract/shelter';
import { todayInZone } from '../../../../shared/format';
import { monthRange } from '../../../../shared/time';
import { call } from '../../api/rpc';
import { SectionCard } from '../../components/SectionCard';
import { LoadError } from '../../components/PageStates';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { useQuery } from '../../lib/useQuery';
import { tn } from './labels';
import './shelter.css';
import { DateField } from '../../components/DateField';

function Stat({
  label,
  value,
  detail,
  color,
  testId,
}: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  color?: string;
  testId?: string;
}) {
  return (
    <Paper withBorder radius="md" p="md" className="pelita-stat" data-testid={testId}>
      {/* Two lines reserved, so the figures line up across the row. */}
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3} mih="2.6em">
        {label}
      </Text>
      <Text fz={30} fw={800} lh={1.2} c={color} data-testid={testId && `${testId}-value`}>
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed" mt={2}>
          {detail}
        </Text>
      )}
    </Paper>
  );
}

/** A titled half-width column of horizontal bars (origins, exits). */
function Bars({
  title,
  rows,
  empty,
  testId,
}: {
  title: string;
  rows: { key: string; label: string; value: number; detail: string }[];
  empty: string;
  testId: string;
}) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <Grid.Col span={{ base: 12, md: 6 }}>
      <Text fw={600} size="sm" mb="sm">
        {title}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack gap={10} data-testid={testId}>
          {rows.map((r) => (
            <div key={r.key} data-testid={`${testId}-row`}>
              <Group justify="space-between" gap="xs" wrap="nowrap" mb={3}>
                <Text size="sm" truncate>
                  {r.label}
                </Text>
                <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {r.detail}
                </Text>
              </Group>
              <div
                className="pelita-bar"
                style={{ width: `${Math.max(2, (r.value / max) * 100)}%` }}
              />
            </div>
          ))}
        </Stack>
      )}
    </Grid.Col>
  );
}

function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

export function StatsPanel({ shelters }: { shelters: Shelter[] }) {
  const t = useT();
  const fmt = useFormat();
  const { locale } = useI18n();
  const today = todayInZone(fmt.timeZone);
  const [range, setRange] = useState(() => monthRange(today));
  const [shelterId, setShelterId] = useState<string | null>(null);
  const office = useQuery('office', () => call('office.get', {}));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(range.from) && /^\d{4}-\d{2}-\d{2}$/.test(range.to);
  const ordered = valid && range.from <= range.to;
  const stats = useQuery(
    ordered ? `stats:${range.from}:${range.to}:${shelterId ?? ''}` : null,
    () =>
      call('stays.stats', {
        from: range.from,
        to: range.to,
        ...(shelterId ? { shelterId } : {}),
      }),
  );
  const s = stats.data;
  const city = office.data?.regionName ?? t('stats.ownCityFallback');
  const lastMonth = (() => {
    const [y, m] = today.split('-').map(Number) as [number, number];
    const d = new Date(Date.UTC(y, m - 2, 1));
    return monthRange(d.toISOString().slice(0, 10));
  })();

  return (
    <SectionCard title={t('stats.title')} icon={<IconChartBar size={18} />} testId="stats">
      <Group justify="space-between" align="flex-end" mb="md" wrap="wrap" gap="md">
        <Group gap="xs" wrap="wrap" align="flex-end">
          <DateField
            label={t('stats.from')}
            required
            value={range.from}
            onChange={(from) => setRange({ ...range, from })}
            invalid="ignore"
            w={170}
            data-testid="stats-from"
          />
          <DateField
            label={t('stats.to')}
            required
            value={range.to}
            onChange={(to) => setRange({ ...range, to })}
            error={valid && !ordered ? t('stats.range') : undefined}
            invalid="ignore"
            w={170}
            data-testid="stats-to"
          />
          {shelters.length > 1 && (
            <Select
              label={t('history.shelter')}
              value={shelterId ?? ''}
              onChange={(v) => setShelterId(v || null)}
              data={[
                { value: '', label: t('stats.allShelters') },
                ...shelters.map((sh) => ({ value: sh.id, label: sh.name })),
              ]}
              allowDeselect={false}
              w={220}
            />
          )}
        </Group>
        <Button.Group>
          <Button variant="default" onClick={() => setRange(monthRange(today))}>
            {t('stats.thisMonth')}
          </Button>
          <Button variant="default" onClick={() => setRange(lastMonth)}>
            {t('stats.lastMonth')}
          </Button>
          <Button
            variant="default"
            onClick={() =>
              setRange({ from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` })
            }
          >
            {t('stats.thisYear')}
          </Button>
        </Button.Group>
      </Group>
      {stats.error && !s ? (
        <LoadError error={stats.error} onRetry={stats.reload} />
      ) : !s ? (
        <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }}>
          {[0, 1, 2, 3, 4, 5].map((i) => (
            <Skeleton key={i} h={96} radius="md" />
          ))}
        </SimpleGrid>
      ) : (
        <Stack gap="lg" style={{ opacity: stats.loading ? 0.6 : 1 }}>
          <Text size="sm" data-testid="stats-summary">
            {t('stats.summary', {
              served: s.peopleServed,
              percent: percent(s.fromOwnCity, s.peopleServed),
              city,
            })}{' '}
            <Text span c="dimmed" size="sm">
              ({fmt.calendarDate(range.from)} – {fmt.calendarDate(range.to)})
            </Text>
          </Text>
          <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }} spacing="sm">
            <Stat
              label={t('stats.peopleServed')}
              value={s.peopleServed}
              detail={tn(t, 'stats.stays', s.stays, { count: s.stays })}
              testId="stat-served"
            />
            <Stat
              label={t('stats.ownCity', { city })}
              value={`${percent(s.fromOwnCity, s.peopleServed)}%`}
              detail={tn(t, 'stats.people', s.fromOwnCity, { count: s.fromOwnCity })}
              testId="stat-own"
            />
            <Stat
              label={t('stats.elsewhere')}
              value={`${percent(s.fromElsewhere, s.peopleServed)}%`}
              detail={
                tn(t, 'stats.people', s.fromElsewhere, { count: s.fromElsewhere }) +
                (s.originUnknown > 0 ? ` · ${t('stats.originUnknown')}: ${s.originUnknown}` : '')
              }
              testId="stat-elsewhere"
            />
            <Stat
              label={t('stats.avgStay')}
              value={
                s.averageStayDays === null
                  ? t('stats.avgStay.none')
                  : tn(t, 'stats.avgStay.value', s.averageStayDays, {
                      days: s.averageStayDays.toLocaleString(locale === 'en' ? 'en-GB' : 'id-ID'),
                    })
              }
              detail={t('stats.avgStay.help')}
              testId="stat-avg"
            />
            <Stat
              label={t('stats.unverified')}
              value={s.withoutVerifiedIdentity}
              detail={tn(t, 'stats.share', s.peopleServed, {
                percent: percent(s.withoutVerifiedIdentity, s.peopleServed),
                total: s.peopleServed,
              })}
              color={s.withoutVerifiedIdentity > 0 ? 'orange' : undefined}
              testId="stat-unverified"
            />
            <Stat
              label={t('stats.stillIn')}
              value={s.stillInShelter}
              detail={t('stats.stillIn.help')}
              testId="stat-still"
            />
          </SimpleGrid>
          <Grid gap="lg">
            <Bars
              title={t('stats.byOrigin')}
              testId="stats-origin"
              empty={t('stats.byOrigin.empty')}
              rows={s.byOrigin.map((o) => ({
                key: o.code,
                label: o.name,
                value: o.people,
                detail: `${tn(t, 'stats.people', o.people, { count: o.people })} · ${percent(o.people, s.peopleServed)}%`,
              }))}
            />
            <Bars
              title={t('stats.exits')}
              testId="stats-exits"
              empty={t('stats.exits.empty')}
              rows={s.exits.map((e) => ({
                key: e.exitType,
                label: t(`exit.${e.exitType}`),
                value: e.stays,
                detail: String(e.stays),
              }))}
            />
          </Grid>
        </Stack>
      )}
    </SectionCard>
  );
}
