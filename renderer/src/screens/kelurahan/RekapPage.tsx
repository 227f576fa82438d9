/**
 * `#/rekap`: the PPKS count per kelurahan for a period of months — by category, with where the
 * counts came from, kecamatan sums and the city; a count opens the records behind it (as far
 * as the viewer may see them). A kelurahan operator sees its own kelurahan and adds people known
 * but not in the registry as counts only.
 */
import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { PPKS_CODES, type PpksCode } from '../../../../shared/reference/ppks';
import { saveFile } from '../../api/files';
import { call, callChecked } from '../../api/rpc';
import { FormActions, FormFrame } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { Loaded } from '../../components/PageStates';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { useFailureHandler } from '../../lib/failures';
import { useForm } from '../../lib/form';
import { notify } from '../../lib/notify';
import { ppksName, ppksOptions } from '../../lib/ppks';
import { href, useQueryState } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { useCan } from '../../session/can';
import { dayInZone } from '../../../../shared/time';
import { RekapCharts } from './RekapCharts';

type Rekap = Output<'rekap.get'>;
type Row = Rekap['kecamatans'][number] & { kecamatan?: string };

export function RekapPage() {
  const t = useT();
  const fmt = useFormat();
  const can = useCan();
  const { locale } = useI18n();
  const year = dayInZone(new Date(), fmt.timeZone).slice(0, 4);
  const [p, setP] = useQueryState({ from: `${year}-01`, to: `${year}-12` });
  const [drill, setDrill] = useState<{ code: string; name: string; ppks: PpksCode } | null>(null);
  const [adding, setAdding] = useState(false);
  const q = useQuery(`rekap:${p.from}:${p.to}`, () =>
    call('rekap.get', { from: p.from, to: p.to }),
  );
  const months = monthOptions(Number(year));
  const handle = useFailureHandler();
  const [exporting, setExporting] = useState(false);
  const exportXlsx = async () => {
    setExporting(true);
    try {
      const { fileId, rows } = await call('rekap.xlsx', { from: p.from, to: p.to });
      if (await saveFile(fileId)) notify({ color: 'teal', message: t('rekap.exported', { rows }) });
    } catch (e) {
      handle(e);
    } finally {
      setExporting(false);
    }
  };
  return (
    <>
      <PageHeader
        title={t('rekap.title')}
        subtitle={t('rekap.subtitle')}
        actions={
          can('rekap.saveAddition') && (
            <Button variant="default" onClick={() => setAdding(true)} data-testid="rekap-add">
              {t('rekap.addition.new')}
            </Button>
          )
        }
      />
      <Paper withBorder radius="md" p="sm" mb="md">
        <Group gap="sm" align="flex-end">
          <Select
            label={t('rekap.from')}
            data={months}
            value={p.from}
            onChange={(v) => v && setP({ from: v })}
            allowDeselect={false}
            w={180}
          />
          <Select
            label={t('rekap.to')}
            data={months}
            value={p.to}
            onChange={(v) => v && setP({ to: v })}
            allowDeselect={false}
            w={180}
          />
          <Button
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} />}
            loading={exporting}
            onClick={() => void exportXlsx()}
            data-testid="rekap-xlsx"
          >
            {t('rekap.exportXlsx')}
          </Button>
        </Group>
      </Paper>
      <Loaded query={q}>
        {(r) => (
          <Stack gap="md">
            {r.dtsen && (
              <Text size="sm" data-testid="rekap-dtsen">
                {t('rekap.dtsen', {
                  registered: r.dtsen.registered,
                  people: r.dtsen.people,
                  date: fmt.calendarDate(r.dtsen.listDate),
                })}
              </Text>
            )}
            <RekapCharts rekap={r} />
            <RekapTable
              rows={r.kelurahans}
              label={t('rekap.kelurahan')}
              onDrill={(row, ppks) => setDrill({ code: row.code, name: row.name, ppks })}
              testId="rekap-kelurahan"
            />
            {r.city && (
              <RekapTable
                rows={[...r.kecamatans, { ...r.city, name: t('rekap.city') }]}
                label={t('rekap.kecamatan')}
                testId="rekap-kecamatan"
              />
            )}
          </Stack>
        )}
      </Loaded>
      <Modal
        opened={drill !== null}
        onClose={() => setDrill(null)}
        size="xl"
        title={drill ? `${drill.name} · ${ppksName(drill.ppks, locale)}` : ''}
      >
        {drill && <Drill from={p.from} to={p.to} kelurahanCode={drill.code} ppks={drill.ppks} />}
      </Modal>
      <Modal
        opened={adding}
        onClose={() => setAdding(false)}
        title={t('rekap.addition.new')}
        size="lg"
      >
        {adding && (
          <AdditionForm
            months={months}
            onDone={() => {
              setAdding(false);
              q.reload();
            }}
            onCancel={() => setAdding(false)}
          />
        )}
      </Modal>
    </>
  );
}

function monthOptions(year: number) {
  const out: { value: string; label: string }[] = [];
  for (let y = year - 2; y <= year; y++)
    for (let m = 1; m <= 12; m++) {
      const value = `${y}-${String(m).padStart(2, '0')}`;
      out.push({ value, label: value });
    }
  return out;
}

/** Only the categories with a count anywhere in the table get a column. */
function RekapTable({
  rows,
  label,
  onDrill,
  testId,
}: {
  rows: Row[];
  label: string;
  onDrill?: (row: Row, ppks: PpksCode) => void;
  testId: string;
}) {
  const t = useT();
  const { locale } = useI18n();
  const used = PPKS_CODES.filter((c) => rows.some((r) => (r.counts[c] ?? 0) > 0));
  return (
    <Paper withBorder radius="md" data-testid={testId}>
      <ScrollArea>
        <Table striped highlightOnHover miw={600}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{label}</Table.Th>
              {used.map((c) => (
                <Table.Th key={c} title={ppksName(c, locale)} style={{ textAlign: 'right' }}>
                  {c.replace('PPKS-', '')}
                </Table.Th>
              ))}
              <Table.Th style={{ textAlign: 'right' }}>{t('rekap.total')}</Table.Th>
              <Table.Th>{t('rekap.sources')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.code + r.name} data-testid="rekap-row" data-code={r.code}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {r.name}
                  </Text>
                  {r.kecamatan && (
                    <Text size="xs" c="dimmed">
                      {r.kecamatan}
                    </Text>
                  )}
                </Table.Td>
                {used.map((c) => (
                  <Table.Td key={c} style={{ textAlign: 'right' }}>
                    {r.counts[c] && onDrill ? (
                      <Anchor
                        component="button"
                        onClick={() => onDrill(r, c)}
                        data-testid={`rekap-count-${c}`}
                      >
                        {r.counts[c]}
                      </Anchor>
                    ) : (
                      (r.counts[c] ?? '')
                    )}
                  </Table.Td>
                ))}
                <Table.Td style={{ textAlign: 'right' }} fw={700} data-testid="rekap-total">
                  {r.total}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {Object.entries(r.bySource).map(([s, n]) => (
                      <Badge key={s} variant="light" size="sm" color="gray">
                        {t(`rekap.source.${s as 'finding' | 'stay' | 'case' | 'addition'}`)} {n}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {used.length > 0 && (
        <Text size="xs" c="dimmed" p="xs">
          {used.map((c) => `${c.replace('PPKS-', '')} ${ppksName(c, locale)}`).join(' · ')}
        </Text>
      )}
    </Paper>
  );
}

function Drill(props: { from: string; to: string; kelurahanCode: string; ppks: PpksCode }) {
  const t = useT();
  const fmt = useFormat();
  const q = useQuery(JSON.stringify(props), () => call('rekap.drill', props));
  return (
    <Loaded query={q}>
      {(d) => (
        <Table data-testid="rekap-drill">
          <Table.Tbody>
            {d.records.map((r) => (
              <Table.Tr key={r.source + r.recordId}>
                <Table.Td>{t(`rekap.source.${r.source}`)}</Table.Td>
                <Table.Td>
                  {r.source === 'finding' ? (
                    <Anchor href={href(`/findings/${r.recordId}`)}>{r.label}</Anchor>
                  ) : (
                    r.label
                  )}
                </Table.Td>
                <Table.Td>{r.source === 'addition' ? r.at : fmt.dateTime(r.at)}</Table.Td>
                <Table.Td>
                  {r.personId ? (
                    <Anchor href={href(`/persons/${r.personId}`)}>{r.personName}</Anchor>
                  ) : (
                    (r.personName ??
                    (r.source === 'addition'
                      ? t('rekap.addition.count', { count: r.count })
                      : t('rekap.hidden')))
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Loaded>
  );
}

function AdditionForm({
  months,
  onDone,
  onCancel,
}: {
  months: { value: string; label: string }[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { locale } = useI18n();
  const form = useForm(
    {
      month: months.at(-1)!.value,
      ppks: null as PpksCode | null,
      count: 0 as number | string,
      note: '',
    },
    {
      submit: (v) =>
        callChecked('rekap.saveAddition', {
          month: v.month,
          ppks: v.ppks as PpksCode,
          count: Number(v.count),
          note: v.note,
        }),
      success: 'rekap.addition.saved',
      onSaved: onDone,
    },
  );
  return (
    <FormFrame form={form}>
      <Text size="sm" c="dimmed">
        {t('rekap.addition.help')}
      </Text>
      <SimpleGrid cols={2}>
        <Select
          label={t('rekap.month')}
          data={months}
          {...form.field('month')}
          onChange={(m) => m && form.set('month', m)}
        />
        <NumberInput
          label={t('rekap.addition.countLabel')}
          min={0}
          value={form.values.count}
          onChange={(n) => form.set('count', n)}
          error={form.errorText('count')}
        />
      </SimpleGrid>
      <Select
        label={t('finding.ppks')}
        data={ppksOptions(locale)}
        searchable
        required
        {...form.field('ppks')}
        onChange={(p) => form.set('ppks', p as PpksCode | null)}
      />
      <TextInput label={t('rekap.addition.note')} {...form.text('note')} />
      <FormActions busy={form.busy} onCancel={onCancel} submitLabel={t('common.save')} />
    </FormFrame>
  );
}
