/**
 * The parts of a figures page: a period picker (from/to with this month, last 30 days, this year),
 * a big figure card, and a list of counts as bars. Complaint and case figures use them alike.
 */
import { Button, Card, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconCalendarStats } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { todayInZone } from '../../../shared/format';
import { addCalendarDays } from '../../../shared/workdays';
import { useT } from '../i18n/I18nProvider';
import { useFormat } from '../lib/format';
import { useForm } from '../lib/form';
import { useQuery } from '../lib/useQuery';
import { DateField } from './DateField';
import { NotLoaded } from './PageStates';
import { FormFrame } from './FormModal';

export interface Period {
  from: string;
  to: string;
}

/** This month so far, in the office zone: where a figures page starts. */
export function useThisMonth(): Period {
  const fmt = useFormat();
  const today = todayInZone(fmt.timeZone);
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/**
 * From/to and the usual presets. `check` asks the page's figures method once, so a refused period
 * (a bad date, from after to) is marked at its field before the page shows it.
 */
export function PeriodPicker({
  period,
  onChange,
  check,
  labels,
}: {
  period: Period;
  onChange: (p: Period) => void;
  check: (p: Period) => Promise<unknown>;
  /** The two dates' labels; by default a complaint's "received from / to". */
  labels?: [string, string];
}) {
  const t = useT();
  const fmt = useFormat();
  const today = todayInZone(fmt.timeZone);
  const form = useForm(period, {
    submit: (v) => check(v).then(() => v),
    success: false,
    onSaved: onChange,
  });
  const preset = (next: Period) => {
    form.setValues(next);
    onChange(next);
  };
  return (
    <Paper withBorder radius="md" p="md" mb="lg">
      <FormFrame form={form} gap="sm">
        <Group align="flex-start" wrap="wrap" gap="sm">
          {(['from', 'to'] as const).map((k, i) => (
            <DateField
              key={k}
              label={labels?.[i] ?? t(`complaint.filter.${k}`)}
              required
              w={170}
              {...form.field(k)}
            />
          ))}
          <Button
            type="submit"
            loading={form.busy}
            leftSection={<IconCalendarStats size={18} />}
            mt={25}
          >
            {t('complaint.figures.show')}
          </Button>
          <Button
            variant="default"
            mt={25}
            onClick={() => preset({ from: `${today.slice(0, 8)}01`, to: today })}
          >
            {t('complaint.figures.thisMonth')}
          </Button>
          <Button
            variant="default"
            mt={25}
            onClick={() => preset({ from: addCalendarDays(today, -29), to: today })}
          >
            {t('complaint.figures.last30')}
          </Button>
          <Button
            variant="default"
            mt={25}
            onClick={() => preset({ from: `${today.slice(0, 4)}-01-01`, to: today })}
          >
            {t('complaint.figures.thisYear')}
          </Button>
        </Group>
      </FormFrame>
    </Paper>
  );
}

export function Figure({
  label,
  value,
  hint,
  color,
}: {
  label: string;
  value: ReactNode;
  hint?: string;
  color?: string;
}) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={32} fw={800} lh={1.2} c={color} data-testid="figure-value">
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

export function Bars({
  title,
  rows,
  total,
  testId,
}: {
  title: string;
  rows: { label: string; count: number }[];
  total: number;
  testId?: string;
}) {
  const t = useT();
  return (
    <Paper withBorder radius="md" p="lg" data-testid={testId}>
      <Title order={2} fz="md" fw={600} mb="md">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('complaint.figures.none')}
        </Text>
      ) : (
        <Stack gap="sm">
          {rows.map((r) => (
            <div key={r.label}>
              <Group justify="space-between" mb={2}>
                <Text size="sm">{r.label}</Text>
                <Text size="sm" fw={600}>
                  {r.count}
                </Text>
              </Group>
              <Progress
                value={total ? (r.count / total) * 100 : 0}
                size="sm"
                aria-label={r.label}
              />
            </div>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/**
 * A figures page's body: the period picker (this month to start), then the figures `load` gives
 * for the period under a line naming it, or the loading and failure states.
 */
export function FiguresFrame<D extends Period>({
  name,
  load,
  periodText,
  testId,
  children,
}: {
  /** Names the figures in the query cache. */
  name: string;
  load: (p: Period) => Promise<D>;
  /** The line over the figures, given the period's dates as written. */
  periodText: (dates: { from: string; to: string }) => string;
  testId: string;
  children: (figures: D) => ReactNode;
}) {
  const fmt = useFormat();
  const [period, setPeriod] = useState(useThisMonth());
  const figures = useQuery(`${name}:${period.from}:${period.to}`, () => load(period));
  const f = figures.data;
  return (
    <>
      <PeriodPicker period={period} onChange={setPeriod} check={load} />
      {!f ? (
        <NotLoaded query={figures} />
      ) : (
        <Stack gap="lg" data-testid={testId}>
          <Text size="sm" c="dimmed">
            {periodText({ from: fmt.calendarDate(f.from), to: fmt.calendarDate(f.to) })}
          </Text>
          {children(f)}
        </Stack>
      )}
    </>
  );
}
