import {
  Alert,
  Button,
  Collapse,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import {
  IconChevronDown,
  IconChevronRight,
  IconFilter,
  IconRefresh,
  IconShieldCheck,
  IconShieldX,
  IconX,
} from '@tabler/icons-react';
import { Fragment, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { METHOD_NAMES, type Input, type Output } from '../../../../shared/contract';
import type { AuditRow } from '../../../../shared/contract/audit';
import { call } from '../../api/rpc';
import { LoadError, PageHeader, PageLoader } from '../../components/Panels';
import { useT } from '../../i18n/I18nProvider';
import { DateField } from '../../components/DateField';
import { useFailureHandler } from '../../lib/failures';
import { useFormat } from '../../lib/format';
import { useQuery } from '../../lib/useQuery';
import {
  ChangesTable,
  MethodLabel,
  methodLabelKey,
  noteText,
  OutcomeBadge,
  recordTypeLabel,
} from './auditParts';

const PAGE = 50;

interface Filters {
  userId: string | null;
  method: string | null;
  recordType: string;
  recordId: string;
  from: string;
  to: string;
}

const NO_FILTERS: Filters = {
  userId: null,
  method: null,
  recordType: '',
  recordId: '',
  from: '',
  to: '',
};

function toInput(f: Filters): Input<'audit.list'> {
  const input: Input<'audit.list'> = { limit: PAGE };
  if (f.userId) input.userId = f.userId;
  if (f.method) input.method = f.method;
  if (f.recordType.trim()) input.recordType = f.recordType.trim();
  if (f.recordId.trim()) input.recordId = f.recordId.trim();
  if (f.from) input.from = f.from;
  if (f.to) input.to = f.to;
  return input;
}

function VerifyPanel() {
  const t = useT();
  const handle = useFailureHandler();
  const [result, setResult] = useState<Output<'audit.verify'> | null>(null);
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    setBusy(true);
    try {
      setResult(await call('audit.verify', {}));
    } catch (e) {
      handle(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder radius="md" p="lg" mb="lg">
      <Group justify="space-between" align="center" wrap="wrap" gap="md">
        <Group gap="sm" wrap="nowrap">
          <IconShieldCheck size={22} color="var(--mantine-color-pelita-6)" />
          <Title order={2} fz="lg" fw={600}>
            {t('audit.verify.title')}
          </Title>
        </Group>
        <Button
          variant="light"
          loading={busy}
          onClick={() => void verify()}
          leftSection={<IconShieldCheck size={18} />}
        >
          {t('audit.verify')}
        </Button>
      </Group>
      {result && (
        <Alert
          mt="md"
          variant="light"
          color={result.intact ? 'teal' : 'red'}
          icon={result.intact ? <IconShieldCheck size={20} /> : <IconShieldX size={20} />}
          data-testid="audit-verify-result"
          role="status"
        >
          {result.intact
            ? t('audit.intact', { checked: result.checked })
            : t('audit.broken', { seq: result.brokenAtSeq ?? '?' })}
          {result.intact && result.headHash && (
            <Text size="xs" c="dimmed" mt={4} data-testid="audit-head">
              {t('audit.head', { seq: result.headSeq ?? 0, hash: result.headHash.slice(0, 16) })}
            </Text>
          )}
        </Alert>
      )}
    </Paper>
  );
}

function AuditRowView({
  row,
  onRecord,
}: {
  row: AuditRow;
  onRecord: (recordType: string, recordId: string) => void;
}) {
  const t = useT();
  const fmt = useFormat();
  const [open, setOpen] = useState(false);
  const changes = row.changes ? Object.keys(row.changes).length : 0;
  const note = noteText(row.note, t);
  return (
    <Fragment>
      <Table.Tr data-testid="audit-row" data-method={row.method}>
        <Table.Td>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {fmt.dateTime(row.at)}
          </Text>
          <Text size="xs" c="dimmed">
            #{row.seq}
          </Text>
        </Table.Td>
        <Table.Td>
          {row.username ? (
            <Text size="sm" ff="monospace">
              {row.username}
            </Text>
          ) : (
            <Text size="sm" c="dimmed" fs="italic">
              {t('audit.system')}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <MethodLabel method={row.method} withCode />
        </Table.Td>
        <Table.Td>
          {row.recordType || row.recordId ? (
            <div>
              <Text size="sm">{row.recordType ? recordTypeLabel(row.recordType, t) : '—'}</Text>
              {row.recordId && (
                <Tooltip label={t('audit.filterRecord')} openDelay={300}>
                  <UnstyledButton
                    onClick={() => onRecord(row.recordType ?? '', row.recordId!)}
                    className="pelita-link-button"
                    aria-label={`${t('audit.filterRecord')}: ${row.recordId}`}
                    maw={220}
                    display="block"
                  >
                    <Text size="xs" ff="monospace" truncate>
                      {row.recordId}
                    </Text>
                  </UnstyledButton>
                </Tooltip>
              )}
            </div>
          ) : (
            <Text size="sm" c="dimmed">
              —
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <Stack gap={2} align="flex-start">
            <OutcomeBadge outcome={row.outcome} />
            {note && (
              <Text size="xs" c="dimmed">
                {note}
              </Text>
            )}
          </Stack>
        </Table.Td>
        <Table.Td>
          {changes > 0 && (
            <UnstyledButton
              onClick={() => setOpen((o) => !o)}
              aria-expanded={open}
              className="pelita-link-button"
            >
              <Group gap={4} wrap="nowrap">
                {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                <Text size="sm">{t('audit.showChanges', { count: changes })}</Text>
              </Group>
            </UnstyledButton>
          )}
        </Table.Td>
      </Table.Tr>
      {changes > 0 && (
        <Table.Tr style={{ display: open ? undefined : 'none' }}>
          <Table.Td colSpan={6} bg="var(--pelita-table-head)">
            <Collapse expanded={open}>
              <ChangesTable changes={row.changes!} />
            </Collapse>
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

export function AuditPage() {
  const t = useT();
  const handle = useFailureHandler();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const [refreshNo, setRefreshNo] = useState(0);
  const key = JSON.stringify(applied) + '#' + refreshNo;
  const first = useQuery(key, () => call('audit.list', toInput(applied)));
  const [more, setMore] = useState<{
    key: string;
    rows: AuditRow[];
    nextBefore: number | null;
  } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const users = useQuery('audit-users', () => call('users.list', { includeInactive: true }));

  const extra = more?.key === key ? more : null;
  const rows = [...(first.data?.rows ?? []), ...(extra?.rows ?? [])];
  const nextBefore = extra ? extra.nextBefore : (first.data?.nextBefore ?? null);

  const methodOptions = useMemo(
    () =>
      METHOD_NAMES.map((m) => {
        const k = methodLabelKey(m);
        return { value: m, label: k ? `${t(k)} · ${m}` : m };
      }),
    [t],
  );
  const userOptions = useMemo(
    () =>
      (users.data?.users ?? []).map((u) => ({
        value: u.id,
        label: `${u.fullName} (${u.username})`,
      })),
    [users.data],
  );

  const loadMore = async () => {
    if (nextBefore === null) return;
    setLoadingMore(true);
    try {
      const res = await call('audit.list', { ...toInput(applied), before: nextBefore });
      setMore({ key, rows: [...(extra?.rows ?? []), ...res.rows], nextBefore: res.nextBefore });
    } catch (e) {
      handle(e);
    } finally {
      setLoadingMore(false);
    }
  };

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setApplied(draft);
    setRefreshNo((n) => n + 1);
  };

  const filterRecord = (recordType: string, recordId: string) => {
    const next = { ...NO_FILTERS, recordType, recordId };
    setDraft(next);
    setApplied(next);
    setRefreshNo((n) => n + 1);
  };

  const reset = () => {
    setDraft(NO_FILTERS);
    setApplied(NO_FILTERS);
    setRefreshNo((n) => n + 1);
  };

  const set = <K extends keyof Filters>(name: K, value: Filters[K]) =>
    setDraft((d) => ({ ...d, [name]: value }));
  const forbidden = first.error && !first.data;

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      {forbidden ? (
        <LoadError error={first.error} onRetry={first.reload} />
      ) : (
        <>
          <VerifyPanel />
          <Paper
            withBorder
            radius="md"
            p="lg"
            mb="lg"
            component="form"
            onSubmit={apply}
            aria-label={t('audit.filters')}
          >
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="sm">
              <Select
                label={t('audit.user')}
                placeholder={t('audit.anyUser')}
                data={userOptions}
                value={draft.userId}
                onChange={(v) => set('userId', v)}
                searchable
                clearable
                disabled={!!users.error}
                nothingFoundMessage={t('common.noResults')}
                data-testid="audit-filter-user"
              />
              <Select
                label={t('audit.method')}
                placeholder={t('audit.anyMethod')}
                data={methodOptions}
                value={draft.method}
                onChange={(v) => set('method', v)}
                searchable
                clearable
                nothingFoundMessage={t('common.noResults')}
                data-testid="audit-filter-method"
              />
              <TextInput
                label={t('audit.recordType')}
                placeholder="user, office…"
                value={draft.recordType}
                onChange={(e) => set('recordType', e.currentTarget.value)}
              />
              <TextInput
                label={t('audit.recordId')}
                value={draft.recordId}
                onChange={(e) => set('recordId', e.currentTarget.value)}
                classNames={{ input: 'pelita-mono' }}
              />
              <DateField
                label={t('audit.from')}
                value={draft.from}
                onChange={(d) => set('from', d)}
                invalid="ignore"
              />
              <DateField
                label={t('audit.to')}
                value={draft.to}
                onChange={(d) => set('to', d)}
                invalid="ignore"
              />
            </SimpleGrid>
            <Group justify="flex-end" mt="md" gap="sm">
              <Button variant="default" leftSection={<IconX size={16} />} onClick={reset}>
                {t('common.reset')}
              </Button>
              <Button type="submit" leftSection={<IconFilter size={16} />}>
                {t('common.filter')}
              </Button>
            </Group>
          </Paper>

          <Paper withBorder radius="md">
            <Group justify="space-between" px="md" py="sm">
              <Text size="sm" c="dimmed" data-testid="audit-count">
                {t('audit.shown', { count: rows.length })}
              </Text>
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconRefresh size={14} />}
                onClick={() => setRefreshNo((n) => n + 1)}
              >
                {t('common.refresh')}
              </Button>
            </Group>
            {first.error ? <LoadError error={first.error} onRetry={first.reload} /> : null}
            {first.loading && !first.data ? (
              <PageLoader />
            ) : (
              <Table.ScrollContainer minWidth={900}>
                <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="audit-table">
                  <Table.Thead bg="var(--pelita-table-head)">
                    <Table.Tr>
                      <Table.Th w={190}>{t('audit.at')}</Table.Th>
                      <Table.Th>{t('audit.user')}</Table.Th>
                      <Table.Th>{t('audit.method')}</Table.Th>
                      <Table.Th>{t('audit.record')}</Table.Th>
                      <Table.Th>{t('audit.outcome')}</Table.Th>
                      <Table.Th>{t('audit.changes')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody style={{ opacity: first.loading ? 0.6 : 1 }}>
                    {rows.length === 0 && (
                      <Table.Tr>
                        <Table.Td colSpan={6}>
                          <Text c="dimmed" ta="center" py="lg">
                            {t('audit.empty')}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    )}
                    {rows.map((r) => (
                      <AuditRowView key={r.seq} row={r} onRecord={filterRecord} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {rows.length > 0 && (
              <Group justify="center" p="md">
                {nextBefore !== null ? (
                  <Button variant="default" loading={loadingMore} onClick={() => void loadMore()}>
                    {t('common.more')}
                  </Button>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('audit.end')}
                  </Text>
                )}
              </Group>
            )}
          </Paper>
        </>
      )}
    </>
  );
}
