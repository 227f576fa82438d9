/**
 * `#/dtsen`: DTSEN lists from SIKS-NG. Upload a CSV or XLSX, map its columns once (remembered
 * for the next list with the same header), check the preview, give the list's date and source,
 * import. Then review the rows the matcher was unsure of, see the rows that matched nobody or
 * were refused with their reason, and the proposal (usulan) list with its XLSX export.
 */
import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import type { DtsenMapping } from '../../../../shared/contract/dtsen';
import { DTSEN_COLUMNS, DTSEN_REQUIRED_COLUMNS } from '../../../../shared/reference/dtsen';
import { dayInZone } from '../../../../shared/time';
import { saveFile, uploadFile } from '../../api/files';
import { call, callChecked } from '../../api/rpc';
import { DateField } from '../../components/DateField';
import { FormActions, FormFrame } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { Loaded } from '../../components/PageStates';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { useForm } from '../../lib/form';
import { useQueryState } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';

type Preview = Output<'dtsen.preview'>;
type List = Output<'dtsen.lists'>['lists'][number];

export function DtsenPage() {
  const t = useT();
  const [ui, setUi] = useQueryState({ tab: 'import', list: '' });
  const lists = useQuery('dtsen-lists', () => call('dtsen.lists', {}));
  return (
    <>
      <PageHeader title={t('dtsen.title')} subtitle={t('dtsen.subtitle')} />
      <Tabs value={ui.tab} onChange={(v) => setUi({ tab: v ?? 'import' })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="import">{t('dtsen.tab.import')}</Tabs.Tab>
          <Tabs.Tab value="lists">{t('dtsen.tab.lists')}</Tabs.Tab>
          <Tabs.Tab value="proposal" data-testid="dtsen-tab-proposal">
            {t('dtsen.tab.proposal')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="import">
          <ImportPanel
            onImported={(l) => {
              lists.reload();
              setUi({ tab: 'lists', list: l.id });
            }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="lists">
          <Loaded query={lists}>
            {(d) => (
              <ListsPanel
                lists={d.lists}
                selected={ui.list || d.lists[0]?.id || ''}
                onSelect={(id) => setUi({ list: id })}
              />
            )}
          </Loaded>
        </Tabs.Panel>
        <Tabs.Panel value="proposal">
          <ProposalPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function ImportPanel({ onImported }: { onImported: (l: List) => void }) {
  const t = useT();
  const fmt = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<(Preview & { fileId: string }) | null>(null);
  const read = async (f: File | null) => {
    setFile(f);
    setPreview(null);
    setError(null);
    if (!f) return;
    setBusy(true);
    try {
      const stored = await uploadFile(f, 'dtsenList');
      setPreview({
        ...(await call('dtsen.preview', { fileId: stored.fileId })),
        fileId: stored.fileId,
      });
    } catch (e) {
      setError(fmt.error((e as { error: Parameters<typeof fmt.error>[0] }).error ?? e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <FileInput
          label={t('dtsen.file')}
          description={t('dtsen.file.help')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          leftSection={<IconFileSpreadsheet size={16} />}
          value={file}
          onChange={(f) => void read(f)}
          disabled={busy}
          error={error}
          data-testid="dtsen-file"
        />
      </Paper>
      {preview && (
        <MappingForm
          preview={preview}
          today={dayInZone(new Date(), fmt.timeZone)}
          onImported={onImported}
        />
      )}
    </Stack>
  );
}

function MappingForm({
  preview,
  today,
  onImported,
}: {
  preview: Preview & { fileId: string };
  today: string;
  onImported: (l: List) => void;
}) {
  const t = useT();
  const form = useForm(
    { mapping: preview.mapping, listDate: today, source: 'SIKS-NG' },
    {
      submit: (v) =>
        callChecked('dtsen.import', {
          fileId: preview.fileId,
          mapping: v.mapping,
          listDate: v.listDate,
          source: v.source,
        }),
      success: 'dtsen.imported',
      onSaved: onImported,
    },
  );
  const headers = preview.headers.map((h) => ({ value: h, label: h }));
  const setColumn = (c: keyof DtsenMapping, h: string | null) => {
    const next: DtsenMapping = { ...form.values.mapping };
    if (h) next[c] = h;
    else delete next[c];
    form.set('mapping', next);
  };
  return (
    <FormFrame form={form} testId="dtsen-mapping">
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h5">
            {t('dtsen.mapping')}
          </Title>
          {preview.remembered && <Badge color="teal">{t('dtsen.mapping.remembered')}</Badge>}
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
          {DTSEN_COLUMNS.map((c) => (
            <Select
              key={c}
              label={t(`dtsen.column.${c}`)}
              required={DTSEN_REQUIRED_COLUMNS.includes(c)}
              data={headers}
              clearable
              value={form.values.mapping[c] ?? null}
              onChange={(h) => setColumn(c, h)}
              error={form.errorText(`mapping.${c}`)}
              data-testid={`dtsen-map-${c}`}
            />
          ))}
        </SimpleGrid>
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Title order={2} size="h5" mb="xs">
          {t('dtsen.preview', { shown: preview.rows.length, total: preview.totalRows })}
        </Title>
        <ScrollArea>
          <Table striped miw={600} data-testid="dtsen-preview">
            <Table.Thead>
              <Table.Tr>
                {preview.headers.map((h) => (
                  <Table.Th key={h}>{h}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.map((r, i) => (
                <Table.Tr key={i}>
                  {preview.headers.map((h, j) => (
                    <Table.Td key={h}>{r[j] ?? ''}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Paper>
      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField
            label={t('dtsen.listDate')}
            description={t('dtsen.listDate.help')}
            required
            {...form.field('listDate')}
          />
          <TextInput
            label={t('dtsen.source')}
            description={t('dtsen.source.help')}
            required
            {...form.text('source')}
          />
        </SimpleGrid>
      </Paper>
      <FormActions
        busy={form.busy}
        submitLabel={t('dtsen.import')}
        submitProps={{ 'data-testid': 'dtsen-import' }}
      />
    </FormFrame>
  );
}

function ListsPanel({
  lists,
  selected,
  onSelect,
}: {
  lists: List[];
  selected: string;
  onSelect: (id: string) => void;
}) {
  const t = useT();
  const fmt = useFormat();
  const [show, setShow] = useState<'review' | 'unmatched' | 'refused' | 'matched'>('review');
  if (lists.length === 0) return <Text c="dimmed">{t('dtsen.lists.empty')}</Text>;
  return (
    <Stack gap="md">
      <Paper withBorder radius="md">
        <Table highlightOnHover data-testid="dtsen-lists">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dtsen.listDate')}</Table.Th>
              <Table.Th>{t('dtsen.source')}</Table.Th>
              <Table.Th>{t('dtsen.rows')}</Table.Th>
              <Table.Th>{t('dtsen.matches')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lists.map((l) => (
              <Table.Tr
                key={l.id}
                onClick={() => onSelect(l.id)}
                style={{ cursor: 'pointer' }}
                bg={l.id === selected ? 'var(--mantine-color-blue-light)' : undefined}
                data-testid="dtsen-list-row"
              >
                <Table.Td>{fmt.calendarDate(l.listDate)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{l.source}</Text>
                  <Text size="xs" c="dimmed">
                    {l.fileName} · {fmt.dateTime(l.importedAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {l.rows}{' '}
                  {l.refused > 0 && (
                    <Text span c="red.8" size="sm">
                      ({t('dtsen.refusedCount', { count: l.refused })})
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {Object.entries(l.matches).map(([m, n]) => (
                      <Badge
                        key={m}
                        variant="light"
                        color={m === 'review' ? 'orange' : m === 'unmatched' ? 'gray' : 'teal'}
                      >
                        {t(`dtsen.match.${m as 'nik'}`)} {n}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {selected && (
        <Paper withBorder radius="md" p="md">
          <Tabs value={show} onChange={(v) => setShow((v as typeof show) ?? 'review')}>
            <Tabs.List mb="sm">
              {(['review', 'unmatched', 'refused', 'matched'] as const).map((s) => (
                <Tabs.Tab key={s} value={s} data-testid={`dtsen-rows-${s}`}>
                  {t(`dtsen.show.${s}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
          </Tabs>
          <Rows listId={selected} show={show} />
        </Paper>
      )}
    </Stack>
  );
}

function Rows({
  listId,
  show,
}: {
  listId: string;
  show: 'review' | 'unmatched' | 'refused' | 'matched';
}) {
  const t = useT();
  const fmt = useFormat();
  const q = useQuery(`dtsen-rows:${listId}:${show}`, () =>
    call('dtsen.rows', { listId, show, pageSize: 100 }),
  );
  const decide = async (rowId: string, personId: string | null) => {
    await call('dtsen.decide', { rowId, personId });
    q.reload();
  };
  return (
    <Loaded query={q}>
      {(d) =>
        d.rows.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('dtsen.rows.none')}
          </Text>
        ) : (
          <ScrollArea>
            <Table miw={700} data-testid="dtsen-rows">
              <Table.Tbody>
                {d.rows.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td w={60}>{r.line}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {r.name ?? '—'}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {r.nik ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {r.refused ? (
                        <Text size="sm" c="red.8">
                          {fmt.message(r.refused)}
                        </Text>
                      ) : (
                        <Text size="sm">
                          {r.desil !== null ? t('dtsen.desil', { desil: r.desil }) : ''}{' '}
                          {r.kelurahan ?? ''}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {r.person && <Text size="sm">→ {r.person.fullName}</Text>}
                      {r.match === 'review' && (
                        <Stack gap={4}>
                          {r.candidates.map((c) => (
                            <Group key={c.id} gap="xs" wrap="nowrap">
                              <Text size="sm">
                                {c.fullName}{' '}
                                <Text span size="xs" c="dimmed">
                                  {c.nik ?? ''}
                                </Text>
                              </Text>
                              <Button size="compact-xs" onClick={() => void decide(r.id, c.id)}>
                                {t('dtsen.decide.same')}
                              </Button>
                            </Group>
                          ))}
                          <Button
                            size="compact-xs"
                            variant="default"
                            onClick={() => void decide(r.id, null)}
                          >
                            {t('dtsen.decide.nobody')}
                          </Button>
                        </Stack>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )
      }
    </Loaded>
  );
}

function ProposalPanel() {
  const t = useT();
  const fmt = useFormat();
  const q = useQuery('dtsen-proposal', () => call('dtsen.proposal', { pageSize: 100 }));
  const [busy, setBusy] = useState(false);
  const exportIt = async () => {
    setBusy(true);
    try {
      const { fileId } = await call('dtsen.exportProposal', {});
      await saveFile(fileId);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Loaded query={q}>
      {(d) => (
        <Stack gap="sm">
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {d.listDate
                ? t('dtsen.proposal.help', { date: fmt.calendarDate(d.listDate), total: d.total })
                : t('dtsen.proposal.noList', { total: d.total })}
            </Text>
            <Button
              onClick={() => void exportIt()}
              loading={busy}
              disabled={d.total === 0}
              data-testid="dtsen-export"
            >
              {t('dtsen.proposal.export')}
            </Button>
          </Group>
          {d.total === 0 ? (
            <Alert color="teal">{t('dtsen.proposal.none')}</Alert>
          ) : (
            <Paper withBorder radius="md">
              <Table data-testid="dtsen-proposal">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('dtsen.column.name')}</Table.Th>
                    <Table.Th>{t('dtsen.column.nik')}</Table.Th>
                    <Table.Th>{t('dtsen.column.kelurahan')}</Table.Th>
                    <Table.Th>{t('dtsen.proposal.reason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.people.map((p) => (
                    <Table.Tr key={p.id} data-testid="dtsen-proposal-row">
                      <Table.Td>{p.fullName}</Table.Td>
                      <Table.Td ff="monospace">{p.nik ?? '—'}</Table.Td>
                      <Table.Td>{p.village ?? '—'}</Table.Td>
                      <Table.Td>{t(`dtsen.proposal.reason.${p.reason}`)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )}
        </Stack>
      )}
    </Loaded>
  );
}
