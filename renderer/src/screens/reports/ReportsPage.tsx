/**
 * `#/reports` (loaded on first visit, with the chart library): pick a report and a period (a
 * month, quarter, year or any range), see its figures, tables and charts, print it as a PDF with
 * the letterhead or export it as XLSX; below, register listings with personal data for those who
 * may export them. Files are made by the backend and saved through the file port.
 */
import {
  Button,
  Card,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconFileSpreadsheet, IconPrinter, IconTableExport } from '@tabler/icons-react';
import { useState } from 'react';
import type { Report } from '../../../../shared/contract/reports';
import { todayInZone } from '../../../../shared/format';
import type { MessageKey } from '../../../../shared/i18n';
import {
  PERIOD_KINDS,
  REGISTER_IDS,
  REPORT_ACCESS,
  REPORT_IDS,
  type PeriodKind,
  type RegisterId,
  type ReportId,
} from '../../../../shared/reference/reports';
import { formatFigure } from '../../../../shared/reports/figures';
import { periodLabel, previousPeriod } from '../../../../shared/reports/period';
import { canAccess } from '../../../../shared/roles';
import { saveFile } from '../../api/files';
import { call } from '../../api/rpc';
import { DateField } from '../../components/DateField';
import { PageHeader } from '../../components/PageHeader';
import { Loaded } from '../../components/PageStates';
import { SectionCard } from '../../components/SectionCard';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { useFailureHandler } from '../../lib/failures';
import { notify } from '../../lib/notify';
import { useQueryState } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { useCan } from '../../session/can';
import { useMe } from '../../session/SessionProvider';
import { periodChoices } from './periods';
import { ReportChart } from './ReportChart';

const LAST_MONTH = previousPeriod('month', todayInZone(undefined));
const DEFAULTS = {
  report: 'shelter',
  kind: 'month',
  period: `${LAST_MONTH.from}_${LAST_MONTH.to}`,
  from: LAST_MONTH.from,
  to: LAST_MONTH.to,
};

/** Runs a file-making call, saves its file, tells how many rows it holds. */
function useFileAction() {
  const t = useT();
  const handle = useFailureHandler();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (key: string, make: () => Promise<{ fileId: string; rows: number }>) => {
    setBusy(key);
    try {
      const { fileId, rows } = await make();
      if (await saveFile(fileId)) notify({ color: 'teal', message: t('reports.saved', { rows }) });
    } catch (e) {
      handle(e);
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}

function Figures({ report }: { report: Report }) {
  const { locale } = useI18n();
  const lang = locale === 'en' ? 1 : 0;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
      {report.figures.map((f) => (
        <Card key={f.label[0]} withBorder radius="md" padding="md">
          <Text size="sm" c="dimmed" lh={1.3}>
            {f.label[lang]}
          </Text>
          <Text fz={26} fw={800} lh={1.3} data-testid="report-figure">
            {formatFigure(f.value, f.format, locale)}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function ReportTables({ report }: { report: Report }) {
  const t = useT();
  const { locale } = useI18n();
  const lang = locale === 'en' ? 1 : 0;
  return (
    <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
      {report.tables.map((table) => (
        <Paper
          key={table.key}
          withBorder
          radius="md"
          p="lg"
          data-testid={`report-table-${table.key}`}
          style={table.key === 'occupancy' ? { gridColumn: '1 / -1' } : undefined}
        >
          <Title order={3} fz="md" mb="sm">
            {table.title[lang]}
          </Title>
          {table.rows.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('reports.empty')}
            </Text>
          ) : (
            <Stack gap="sm">
              <ReportChart table={table} />
              <Table.ScrollContainer
                minWidth={320}
                maxHeight={table.rows.length > 12 ? 320 : undefined}
              >
                <Table striped highlightOnHover fz="sm" stickyHeader>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{table.head[lang]}</Table.Th>
                      {table.columns.map((c) => (
                        <Table.Th key={c.label[0]} ta="right">
                          {c.label[lang]}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {table.rows.map((r) => (
                      <Table.Tr key={r.label[0]}>
                        <Table.Td>{r.label[lang]}</Table.Td>
                        {r.values.map((v, i) => (
                          <Table.Td key={i} ta="right">
                            {formatFigure(v, table.columns[i]!.format, locale, false)}
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {table.note && (
                <Text size="xs" c="dimmed">
                  {table.note[lang]}
                </Text>
              )}
            </Stack>
          )}
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function Registers({ from, to }: { from: string; to: string }) {
  const t = useT();
  const [register, setRegister] = useState<RegisterId>('persons');
  const { busy, run } = useFileAction();
  return (
    <SectionCard title={t('reports.registers')} icon={<IconTableExport size={20} />}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('reports.registers.hint')}
      </Text>
      <Group align="flex-end">
        <Select
          label={t('reports.report')}
          data={REGISTER_IDS.map((r) => ({
            value: r,
            label: t(`reports.register.${r}` as MessageKey),
          }))}
          value={register}
          onChange={(v) => v && setRegister(v as RegisterId)}
          allowDeselect={false}
          w={320}
          data-testid="register-select"
        />
        <Button
          leftSection={<IconFileSpreadsheet size={16} />}
          loading={busy === 'register'}
          data-testid="register-export"
          onClick={() =>
            run('register', () => call('reports.register', { register, period: { from, to } }))
          }
        >
          {t('reports.register.export')}
        </Button>
      </Group>
    </SectionCard>
  );
}

export function ReportsPage() {
  const t = useT();
  const { locale } = useI18n();
  const can = useCan();
  const { roles } = useMe();
  const [q, setQ] = useQueryState(DEFAULTS);
  const [paper, setPaper] = useState<'A4' | 'F4'>('A4');
  const { busy, run } = useFileAction();
  const today = todayInZone(undefined);
  const reports = REPORT_IDS.filter((id) => canAccess(REPORT_ACCESS[id], roles));
  const report = (reports.includes(q.report as ReportId) ? q.report : reports[0]) as ReportId;
  const kind = q.kind as PeriodKind;
  const [from, to] = kind === 'custom' ? [q.from, q.to] : q.period.split('_');
  const valid = Boolean(from && to && from <= to);
  const period = { from: from!, to: to! };
  const data = useQuery(valid ? `${report}:${from}:${to}` : null, () =>
    call('reports.run', { report, period }),
  );

  const pickKind = (k: PeriodKind) => {
    if (k === 'custom') return setQ({ kind: k, from: from!, to: to! });
    const [first] = periodChoices(k, from ?? today, locale);
    setQ({ kind: k, period: first!.value });
  };
  return (
    <>
      <PageHeader title={t('reports.title')} subtitle={t('reports.subtitle')} />
      <Paper withBorder radius="md" p="lg" mb="lg">
        <Group align="flex-end" gap="md" wrap="wrap">
          <Select
            label={t('reports.report')}
            data={reports.map((id) => ({
              value: id,
              label: t(`reports.${id}.title` as MessageKey),
            }))}
            value={report}
            onChange={(v) => v && setQ({ report: v })}
            allowDeselect={false}
            w={300}
            data-testid="report-select"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('reports.periodKind')}
            </Text>
            <SegmentedControl
              data={PERIOD_KINDS.map((k) => ({ value: k, label: t(`reports.period.${k}`) }))}
              value={kind}
              onChange={(v) => pickKind(v as PeriodKind)}
              data-testid="period-kind"
            />
          </Stack>
          {kind === 'custom' ? (
            <>
              <DateField
                label={t('reports.from')}
                value={q.from}
                onChange={(v) => setQ({ from: v })}
                w={160}
              />
              <DateField
                label={t('reports.to')}
                value={q.to}
                onChange={(v) => setQ({ to: v })}
                minDate={q.from}
                w={160}
              />
            </>
          ) : (
            <Select
              label={t(`reports.${kind}` as MessageKey)}
              data={periodChoices(kind, today, locale)}
              value={q.period}
              onChange={(v) => v && setQ({ period: v })}
              allowDeselect={false}
              w={240}
              data-testid="period-select"
            />
          )}
        </Group>
        <Group mt="md" justify="space-between" wrap="wrap">
          <Text size="sm" c="dimmed" data-testid="period-shown">
            {valid ? t('reports.periodShown', { period: periodLabel(from!, to!, locale) }) : ''}
          </Text>
          <Group gap="sm">
            <SegmentedControl
              size="xs"
              data={['A4', 'F4']}
              value={paper}
              onChange={(v) => setPaper(v as 'A4' | 'F4')}
              aria-label={t('reports.paper')}
            />
            <Button
              variant="default"
              leftSection={<IconPrinter size={16} />}
              disabled={!valid}
              loading={busy === 'pdf'}
              data-testid="report-pdf"
              onClick={() => run('pdf', () => call('reports.pdf', { report, period, paper }))}
            >
              {t('reports.printPdf')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconFileSpreadsheet size={16} />}
              disabled={!valid}
              loading={busy === 'xlsx'}
              data-testid="report-xlsx"
              onClick={() => run('xlsx', () => call('reports.xlsx', { report, period }))}
            >
              {t('reports.exportXlsx')}
            </Button>
          </Group>
        </Group>
      </Paper>
      <Loaded query={data} loading={<Skeleton h={300} />}>
        {(r) => (
          <Stack gap="lg" data-testid="report">
            <Figures report={r} />
            <ReportTables report={r} />
          </Stack>
        )}
      </Loaded>
      {can('reports.register') && valid && (
        <Stack mt="lg">
          <Registers from={from!} to={to!} />
        </Stack>
      )}
    </>
  );
}
