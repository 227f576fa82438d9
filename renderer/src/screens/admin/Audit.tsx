import {
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconRefresh } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { METHOD_NAMES, type Input } from '../../../../shared/contract';
import { AUDIT_SORTS, type AuditRow } from '../../../../shared/contract/audit';
import { call } from '../../api/rpc';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../components/PageStates';
import { useT } from '../../i18n/I18nProvider';
import { type Column, DataList } from '../../components/DataList';
import { FilterBar } from '../../components/FilterBar';
import { DateRangeFilter } from '../../components/DateRangeFilter';
import { useFormat } from '../../lib/format';
import {
  filterSelect,
  keysetRequest,
  useListState,
  useSearchText,
  type ListState,
} from '../../lib/list';
import { useQuery } from '../../lib/useQuery';
import { CheckpointsPanel, VerifyPanel } from './AuditEvidence';
import {
  AUDIT_RECORD_TYPES,
  ChangesTable,
  MethodLabel,
  methodLabelKey,
  noteText,
  OutcomeBadge,
  recordTypeLabel,
} from './auditParts';

const FILTERS = { user: '', method: '', recordType: '', recordId: '', from: '', to: '' };
type Filters = typeof FILTERS;

function toInput(list: ListState<Filters>): Input<'audit.list'> {
  const f = list.filters;
  const input: Input<'audit.list'> = keysetRequest(list, AUDIT_SORTS);
  if (f.user) input.userId = f.user;
  if (f.method) input.method = f.method;
  if (f.recordType) input.recordType = f.recordType;
  if (f.recordId) input.recordId = f.recordId;
  if (f.from) input.from = f.from;
  if (f.to) input.to = f.to;
  return input;
}

function useColumns(
  open: ReadonlySet<number>,
  toggle: (seq: number) => void,
  onRecord: (recordType: string, recordId: string) => void,
): Column<AuditRow>[] {
  const t = useT();
  const fmt = useFormat();
  return [
    {
      key: 'at',
      header: t('audit.at'),
      sort: { desc: 'newest', asc: 'oldest', first: 'desc' },
      w: 190,
      render: (row) => (
        <>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {fmt.dateTime(row.at)}
          </Text>
          <Text size="xs" c="dimmed">
            #{row.seq}
          </Text>
        </>
      ),
    },
    {
      key: 'user',
      header: t('audit.user'),
      render: (row) =>
        row.username ? (
          <Text size="sm" ff="monospace">
            {row.username}
          </Text>
        ) : (
          <Text size="sm" c="dimmed" fs="italic">
            {/* A sign-in with a name no account has: the name typed is never kept. */}
            {t(row.method === 'auth.login' ? 'audit.unknownName' : 'audit.system')}
          </Text>
        ),
    },
    {
      key: 'method',
      header: t('audit.method'),
      render: (row) => <MethodLabel method={row.method} withCode />,
    },
    {
      key: 'record',
      header: t('audit.record'),
      render: (row) =>
        row.recordType || row.recordId ? (
          <div>
            <Text size="sm">{row.recordType ? recordTypeLabel(row.recordType, t) : '—'}</Text>
            {row.recordId && (
              <Tooltip label={`${t('audit.filterRecord')} · ${row.recordId}`} openDelay={300}>
                <UnstyledButton
                  onClick={() => onRecord(row.recordType ?? '', row.recordId!)}
                  className="pelita-link-button"
                  aria-label={`${t('audit.filterRecord')}: ${row.recordLabel ?? row.recordId}`}
                  maw={240}
                  display="block"
                  data-testid="audit-record-link"
                >
                  {/* The record by name or number; its id only where it has none. */}
                  <Text size="xs" ff={row.recordLabel ? undefined : 'monospace'} truncate>
                    {row.recordLabel ?? row.recordId}
                  </Text>
                </UnstyledButton>
              </Tooltip>
            )}
          </div>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ),
    },
    {
      key: 'outcome',
      header: t('audit.outcome'),
      render: (row) => {
        const note = noteText(row.note, t);
        return (
          <Stack gap={2} align="flex-start">
            <OutcomeBadge outcome={row.outcome} />
            {note && (
              <Text size="xs" c="dimmed">
                {note}
              </Text>
            )}
          </Stack>
        );
      },
    },
    {
      key: 'changes',
      header: t('audit.changes'),
      render: (row) => {
        const changes = row.changes ? Object.keys(row.changes).length : 0;
        if (changes === 0) return null;
        const expanded = open.has(row.seq);
        return (
          <UnstyledButton
            onClick={() => toggle(row.seq)}
            aria-expanded={expanded}
            className="pelita-link-button"
          >
            <Group gap={4} wrap="nowrap">
              {expanded ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
              <Text size="sm">{t('audit.showChanges', { count: changes })}</Text>
            </Group>
          </UnstyledButton>
        );
      },
    },
  ];
}

export function AuditPage() {
  const t = useT();
  const list = useListState(FILTERS, 'newest', 50);
  const f = list.filters;
  const [refreshNo, setRefreshNo] = useState(0);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const [recordId, setRecordId] = useSearchText(f.recordId, (v) =>
    list.setFilters({ recordId: v }),
  );
  const input = toInput(list);
  const page = useQuery(`${JSON.stringify(input)}#${refreshNo}`, () => call('audit.list', input));
  const users = useQuery('audit-users', () => call('users.list', { includeInactive: true }));

  const toggle = (seq: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(seq)) next.add(seq);
      return next;
    });
  const columns = useColumns(open, toggle, (type, id) =>
    list.setFilters({ ...FILTERS, recordType: type, recordId: id }),
  );

  const methodOptions = useMemo(
    () =>
      METHOD_NAMES.map((m) => {
        const k = methodLabelKey(m);
        return { value: m, label: k ? `${t(k)} · ${m}` : m };
      }),
    [t],
  );
  const recordTypeOptions = useMemo(
    () => AUDIT_RECORD_TYPES.map((type) => ({ value: type, label: recordTypeLabel(type, t) })),
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

  // The filters that pick from a list: who, what was done, which kind of record.
  const filterChoices = [
    { name: 'user', label: t('audit.user'), placeholder: t('audit.anyUser'), data: userOptions },
    {
      name: 'method',
      label: t('audit.method'),
      placeholder: t('audit.anyMethod'),
      data: methodOptions,
    },
    {
      name: 'recordType',
      label: t('audit.recordType'),
      placeholder: t('audit.anyRecordType'),
      data: recordTypeOptions,
    },
  ].map((c) => ({
    ...c,
    name: c.name as 'user' | 'method' | 'recordType',
    testId: `audit-filter-${c.name}`,
  }));

  if (page.error && !page.data) {
    return (
      <>
        <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
        <LoadError error={page.error} onRetry={page.reload} />
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg" mb="lg">
        <VerifyPanel />
        <CheckpointsPanel />
      </SimpleGrid>
      <FilterBar
        grid={
          <>
            {filterChoices.map((c) => (
              <Select
                key={c.name}
                label={c.label}
                placeholder={c.placeholder}
                data={c.data}
                {...filterSelect(list, c.name)}
                searchable
                disabled={c.name === 'user' && !!users.error}
                nothingFoundMessage={t('common.noResults')}
                data-testid={c.testId}
              />
            ))}
            <TextInput
              label={t('audit.recordId')}
              value={recordId}
              onChange={(e) => setRecordId(e.currentTarget.value)}
              classNames={{ input: 'pelita-mono' }}
            />
            <DateRangeFilter
              labels={[t('audit.from'), t('audit.to')]}
              from={f.from}
              to={f.to}
              onChange={list.setFilters}
            />
          </>
        }
      />

      <DataList
        label={t('audit.title')}
        testId="audit-table"
        columns={columns}
        query={page}
        list={list}
        rowKey={(r) => String(r.seq)}
        minWidth={900}
        rowProps={(r) => ({ 'data-testid': 'audit-row', 'data-method': r.method })}
        expanded={(r) =>
          r.changes && open.has(r.seq) ? (
            <Table.Tr>
              <Table.Td colSpan={columns.length} bg="var(--pelita-table-head)">
                <ChangesTable changes={r.changes} recordType={r.recordType} />
              </Table.Td>
            </Table.Tr>
          ) : null
        }
        toolbar={
          <>
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconRefresh size={14} />}
              onClick={() => setRefreshNo((n) => n + 1)}
            >
              {t('common.refresh')}
            </Button>
          </>
        }
        empty={{ title: t('audit.emptyAll'), body: t('audit.emptyAllHelp') }}
        emptyFiltered={{ title: t('audit.empty'), body: t('audit.emptyHelp') }}
      />
    </>
  );
}
