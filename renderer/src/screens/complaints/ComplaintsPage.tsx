/**
 * `#/complaints`: the list, filtered, sorted and paged by the server. Filters live in the
 * address, so Back from a complaint returns to the same page. The main filters sit in one row;
 * the rest open under "Filter lain". Keys: `/` search, `n` new.
 */
import { Anchor, Box, Group, Select, Text } from '@mantine/core';
import { useHotkeys, type HotkeyItem } from '@mantine/hooks';
import { IconChartBar } from '@tabler/icons-react';
import { useMemo, useRef } from 'react';
import {
  COMPLAINT_SORTS,
  type ComplaintListInput,
  type ComplaintSummary,
} from '../../../../shared/contract/complaints';
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_KINDS,
  COMPLAINT_STATUSES,
} from '../../../../shared/reference/complaints';
import { call } from '../../api/rpc';
import { DataList, type Column } from '../../components/DataList';
import { DateRangeFilter } from '../../components/DateRangeFilter';
import { FilterBar, filtersSet, SearchFilter } from '../../components/FilterBar';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../components/PageStates';
import { RegionPicker } from '../../components/RegionPicker';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { filterSelect, sortOf, useListState } from '../../lib/list';
import { href, navigate } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { useCan } from '../../session/can';
import { NextDeadline } from './Deadlines';
import { ReporterText } from './ReporterText';
import { StatusBadge, UrgencyBadge } from './StatusBadges';
import './complaints.css';
import { AssigneeName, assigneeGroups } from './Assignee';
import { categoryName } from './labels';
import { AddButton } from '../../components/AddButton';

const FILTERS = {
  q: '',
  status: 'open',
  due: '',
  assignee: '',
  kind: '',
  channel: '',
  category: '',
  region: '',
  from: '',
  to: '',
};
type Filters = typeof FILTERS;

/** Filters behind "Filter lain"; the toggle shows how many of them are set. */
const MORE: (keyof Filters)[] = ['kind', 'channel', 'category', 'region', 'from', 'to'];

function toInput(f: Filters, sort: string, page: number, pageSize: number): ComplaintListInput {
  const input: ComplaintListInput = {
    sort: sortOf({ sort }, COMPLAINT_SORTS),
    page,
    pageSize,
  };
  if (f.status && f.status !== 'all') input.status = f.status as ComplaintListInput['status'];
  if (f.due) input.due = f.due as ComplaintListInput['due'];
  if (f.kind) input.kind = f.kind as ComplaintListInput['kind'];
  if (f.channel) input.channel = f.channel as ComplaintListInput['channel'];
  if (f.category) input.categoryId = f.category;
  if (f.assignee) input.assignee = f.assignee;
  if (f.region) input.regionCode = f.region;
  if (f.from) input.from = f.from;
  if (f.to) input.to = f.to;
  if (f.q) input.q = f.q;
  return input;
}

function useColumns(): Column<ComplaintSummary>[] {
  const t = useT();
  const fmt = useFormat();
  const { locale } = useI18n();
  return [
    {
      key: 'number',
      header: t('complaint.number'),
      sort: { desc: 'newest', asc: 'oldest', first: 'desc' },
      w: 150,
      render: (r) => (
        <>
          <Anchor
            href={href(`/complaints/${r.id}`)}
            ff="monospace"
            size="sm"
            fw={600}
            style={{ whiteSpace: 'nowrap' }}
            tabIndex={-1}
          >
            {r.number}
          </Anchor>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {fmt.dateTime(r.receivedAt)}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`complaint.channel.${r.channel}`)}
          </Text>
        </>
      ),
    },
    {
      key: 'subject',
      header: t('complaint.subject'),
      render: (r) => (
        <>
          <Group gap={6} wrap="nowrap" align="flex-start">
            <Text size="sm" fw={600} lineClamp={2}>
              {r.subject}
            </Text>
            <UrgencyBadge urgency={r.urgency} hideNormal />
          </Group>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {t(`complaint.kind.${r.kind}`)} · {categoryName(r.category, locale)}
            {r.region ? ` · ${r.region.name}` : ''}
          </Text>
          {r.personName && (
            <Text size="xs" c="dimmed" lineClamp={1}>
              {t('complaint.person')}: {r.personName}
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'reporter',
      header: t('complaint.reporter'),
      w: 150,
      render: (r) => <ReporterText c={r} />,
    },
    {
      key: 'status',
      header: t('complaint.status'),
      w: 150,
      render: (r) => (
        <>
          <StatusBadge status={r.status} size="sm" />
          <Box mt={4}>
            <AssigneeName assignee={r.assignee} size="xs" testId="complaint-row-assignee" />
          </Box>
        </>
      ),
    },
    {
      key: 'deadline',
      header: t('complaint.nextDeadline'),
      sort: { asc: 'deadline' },
      w: 190,
      render: (r) => <NextDeadline next={r.next} />,
    },
  ];
}

export function ComplaintsPage() {
  const t = useT();
  const { locale } = useI18n();
  const canCreate = useCan()('complaints.create');
  const list = useListState(FILTERS, 'deadline');
  const f = list.filters;
  const search = useRef<HTMLInputElement>(null);
  const columns = useColumns();

  useHotkeys([
    ['/', () => search.current?.focus()],
    ...(canCreate ? [['n', () => navigate('/complaints/new')] as HotkeyItem] : []),
  ]);

  const input = toInput(f, list.sort, list.page, list.pageSize);
  const rows = useQuery(JSON.stringify(input), () => call('complaints.list', input));
  const categories = useQuery('complaint-categories-all', () =>
    call('complaints.categories', { includeInactive: true }),
  );
  const officers = useQuery('complaint-officers', () => call('complaints.officers', {}));

  const statusOptions = useMemo(
    () => [
      { value: 'open', label: t('complaint.status.open') },
      { value: 'closed', label: t('complaint.status.closed') },
      { value: 'all', label: t('complaint.filter.anyStatus') },
      ...COMPLAINT_STATUSES.map((s) => ({ value: s, label: t(`complaint.status.${s}`) })),
    ],
    [t],
  );
  const officerOptions = useMemo(
    () => [
      { value: 'me', label: t('complaint.filter.mine') },
      { value: 'none', label: t('complaint.filter.unassigned') },
      ...assigneeGroups(officers.data?.officers ?? [], t),
    ],
    [officers.data, t],
  );

  if (rows.error && !rows.data) return <LoadError error={rows.error} onRetry={rows.reload} />;

  return (
    <>
      <PageHeader
        title={t('complaint.list.title')}
        subtitle={t('complaint.list.subtitle')}
        actions={
          <>
            <LinkButton to="/complaints/figures" variant="default" icon={IconChartBar}>
              {t('nav.complaints.figures')}
            </LinkButton>
            {canCreate && (
              <AddButton to="/complaints/new" title={t('complaint.list.newKey')}>
                {t('nav.complaints.new')}
              </AddButton>
            )}
          </>
        }
      />
      <FilterBar
        testId="complaint-filters"
        row={
          <>
            <SearchFilter
              list={list}
              inputRef={search}
              placeholder={t('complaint.filter.searchPlaceholder')}
              testId="complaint-search"
            />
            <Select
              aria-label={t('complaint.filter.status')}
              data={statusOptions}
              value={f.status}
              onChange={(v) => list.setFilters({ status: v ?? 'open' })}
              allowDeselect={false}
              w={170}
              data-testid="filter-status"
            />
            <Select
              aria-label={t('complaint.filter.due')}
              data={[
                { value: 'overdue', label: t('complaint.filter.overdue') },
                { value: 'today', label: t('complaint.filter.dueToday') },
                { value: 'today_or_overdue', label: t('complaint.filter.todayOrOverdue') },
              ]}
              placeholder={t('complaint.filter.due')}
              {...filterSelect(list, 'due')}
              w={180}
              data-testid="filter-due"
            />
            <Select
              aria-label={t('complaint.assignee')}
              placeholder={t('complaint.filter.anyOfficer')}
              data={officerOptions}
              {...filterSelect(list, 'assignee')}
              searchable
              w={180}
              data-testid="filter-assignee"
            />
          </>
        }
        more={{ set: filtersSet(f, FILTERS, MORE), id: 'complaint-more-filters' }}
        grid={
          <>
            <Select
              label={t('complaint.kind')}
              placeholder={t('common.all')}
              data={COMPLAINT_KINDS.map((k) => ({ value: k, label: t(`complaint.kind.${k}`) }))}
              {...filterSelect(list, 'kind')}
            />
            <Select
              label={t('complaint.channel')}
              placeholder={t('common.all')}
              data={COMPLAINT_CHANNELS.map((c) => ({
                value: c,
                label: t(`complaint.channel.${c}`),
              }))}
              {...filterSelect(list, 'channel')}
            />
            <Select
              label={t('complaint.category')}
              placeholder={t('common.all')}
              data={(categories.data?.categories ?? []).map((c) => ({
                value: c.id,
                label: categoryName(c, locale),
              }))}
              {...filterSelect(list, 'category')}
              searchable
            />
            <RegionPicker
              label={t('complaint.region')}
              value={f.region || null}
              onChange={(code) => list.setFilters({ region: code ?? '' })}
              within="63"
              levels={[2, 3, 4]}
            />
            <DateRangeFilter
              labels={[t('complaint.filter.from'), t('complaint.filter.to')]}
              from={f.from}
              to={f.to}
              onChange={list.setFilters}
            />
          </>
        }
      />

      <DataList
        label={t('complaint.list.title')}
        testId="complaints-table"
        columns={columns}
        query={rows}
        list={list}
        minWidth={900}
        onOpen={(r) => navigate(`/complaints/${r.id}`)}
        rowProps={(r) => ({
          'data-testid': 'complaint-row',
          'data-number': r.number,
          'data-overdue': r.next?.overdue || undefined,
          className: r.next?.overdue ? 'pelita-list-row pelita-row-overdue' : 'pelita-list-row',
        })}
        toolbar={
          <Text size="xs" c="dimmed">
            {[t('complaint.list.keys'), canCreate && t('complaint.list.newKeyHint'), t('list.keys')]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        }
        emptyFiltered={{
          title: t('complaint.list.emptyFiltered'),
          body: t('complaint.list.emptyFilteredHelp'),
        }}
        empty={{
          title: t('complaint.list.empty'),
          body: t(canCreate ? 'complaint.list.emptyHelp' : 'complaint.list.emptyHelpRead'),
          action: canCreate ? (
            <AddButton to="/complaints/new">{t('nav.complaints.new')}</AddButton>
          ) : undefined,
        }}
      />
    </>
  );
}
