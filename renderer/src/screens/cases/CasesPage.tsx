/**
 * `#/cases`: the case list, filtered, sorted and paged by the server, filters in the address.
 * "Kasus saya" and "Menunggu persetujuan" are the same list with a filter set.
 */
import { Anchor, SegmentedControl, Select, Text } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useMemo } from 'react';
import {
  CASE_SORTS,
  type CaseListInput,
  type CaseSummary,
} from '../../../../shared/contract/cases';
import { CASE_STATES, RISK_LEVELS } from '../../../../shared/reference/cases';
import { call } from '../../api/rpc';
import { AddButton } from '../../components/AddButton';
import { DataList, type Column } from '../../components/DataList';
import { DateRangeFilter } from '../../components/DateRangeFilter';
import { FilterBar, filtersSet, SearchFilter } from '../../components/FilterBar';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../components/PageStates';
import { PpksBadges } from '../../components/PpksBadges';
import { RegionPicker } from '../../components/RegionPicker';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { ppksOptions } from '../../lib/ppks';
import { filterSelect, sortOf, useListState } from '../../lib/list';
import { href, navigate } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { useCan } from '../../session/can';
import { CaseStateBadge, DueText, RiskBadge } from './CaseBadges';
// The red overdue row is the complaints list's; one look for overdue rows everywhere.
import '../complaints/complaints.css';

const FILTERS = {
  view: 'all',
  q: '',
  state: 'open',
  ppks: '',
  caseworker: '',
  supervisor: '',
  risk: '',
  due: '',
  location: '',
  origin: '',
  from: '',
  to: '',
};
type Filters = typeof FILTERS;
const MORE: (keyof Filters)[] = ['supervisor', 'risk', 'location', 'origin', 'from', 'to'];

function toInput(f: Filters, sort: string, page: number, pageSize: number): CaseListInput {
  const input: CaseListInput = { sort: sortOf({ sort }, CASE_SORTS), page, pageSize };
  if (f.view === 'mine') input.caseworker = 'me';
  if (f.view === 'approvals') input.awaiting = 'any';
  if (f.state && f.state !== 'all') input.state = f.state as CaseListInput['state'];
  if (f.ppks) input.ppks = f.ppks as CaseListInput['ppks'];
  if (f.caseworker && f.view !== 'mine') input.caseworker = f.caseworker;
  if (f.supervisor) input.supervisor = f.supervisor;
  if (f.risk) input.risk = f.risk as CaseListInput['risk'];
  if (f.due) input.due = f.due as CaseListInput['due'];
  if (f.location) input.location = f.location;
  if (f.origin) input.originRegion = f.origin;
  if (f.from) input.from = f.from;
  if (f.to) input.to = f.to;
  if (f.q) input.q = f.q;
  return input;
}

function useColumns(): Column<CaseSummary>[] {
  const t = useT();
  const fmt = useFormat();
  return [
    {
      key: 'number',
      header: t('case.ui.number'),
      sort: { desc: 'newest', asc: 'oldest', first: 'desc' },
      w: 150,
      render: (r) => (
        <>
          <Anchor
            href={href(`/cases/${r.id}`)}
            ff="monospace"
            size="sm"
            fw={600}
            tabIndex={-1}
            style={{ whiteSpace: 'nowrap' }}
          >
            {r.number}
          </Anchor>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {fmt.date(r.openedAt)}
          </Text>
        </>
      ),
    },
    {
      key: 'person',
      header: t('case.ui.person'),
      render: (r) => (
        <>
          <Text size="sm" fw={600} lineClamp={1}>
            {r.person.fullName}
          </Text>
          <PpksBadges codes={r.ppks} size="xs" />
          {r.location && (
            <Text size="xs" c="dimmed" lineClamp={1}>
              {r.location.name}
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'state',
      header: t('case.ui.state'),
      w: 190,
      render: (r) => (
        <>
          <CaseStateBadge state={r.state} size="sm" />
          {r.awaiting && (
            <Text size="xs" c="orange.8" mt={4}>
              {t(`case.ui.awaiting.${r.awaiting}`)}
            </Text>
          )}
          <RiskBadge risk={r.riskLevel} danger={r.immediateDanger} />
        </>
      ),
    },
    {
      key: 'caseworker',
      header: t('case.ui.caseworker'),
      w: 170,
      render: (r) => (
        <>
          <Text size="sm" lineClamp={1}>
            {r.caseworker.fullName}
          </Text>
          {r.supervisor && (
            <Text size="xs" c="dimmed" lineClamp={1}>
              {t('case.ui.supervisorShort', { name: r.supervisor.fullName })}
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'due',
      header: t('case.ui.dueColumn'),
      sort: { asc: 'due' },
      w: 200,
      render: (r) => <DueText due={r.due} />,
    },
  ];
}

export function CasesPage() {
  const t = useT();
  const { locale } = useI18n();
  const can = useCan();
  const canCreate = can('cases.create');
  const canApprove = can('cases.reassign');
  const list = useListState(FILTERS, 'newest');
  const f = list.filters;
  const columns = useColumns();
  const input = toInput(f, list.sort, list.page, list.pageSize);
  const rows = useQuery(JSON.stringify(input), () => call('cases.list', input));
  const staff = useQuery('case-staff', () => call('cases.staff', {}));

  const stateOptions = useMemo(
    () => [
      { value: 'open', label: t('case.ui.filter.open') },
      { value: 'closed', label: t('case.state.closed') },
      { value: 'all', label: t('case.ui.filter.anyState') },
      ...CASE_STATES.filter((s) => s !== 'closed').map((s) => ({
        value: s,
        label: t(`case.state.${s}`),
      })),
    ],
    [t],
  );
  if (rows.error && !rows.data) return <LoadError error={rows.error} onRetry={rows.reload} />;
  const views = [
    { value: 'all', label: t('case.ui.view.all') },
    ...(canCreate ? [{ value: 'mine', label: t('nav.cases.mine') }] : []),
    ...(canApprove ? [{ value: 'approvals', label: t('nav.cases.approvals') }] : []),
  ];

  return (
    <>
      <PageHeader
        title={t('case.ui.listTitle')}
        subtitle={t('case.ui.listSubtitle')}
        actions={
          <>
            <LinkButton to="/cases/figures" variant="default" icon={IconChartBar}>
              {t('nav.cases.figures')}
            </LinkButton>
            {canCreate && <AddButton to="/cases/new">{t('nav.cases.new')}</AddButton>}
          </>
        }
      />
      <FilterBar
        row={
          <>
            {views.length > 1 && (
              <SegmentedControl
                data={views}
                value={f.view}
                onChange={(v) =>
                  list.setFilters({ view: v, state: v === 'approvals' ? 'open' : f.state })
                }
                data-testid="case-view"
              />
            )}
            <SearchFilter
              list={list}
              placeholder={t('case.ui.searchPlaceholder')}
              flex="1 1 200px"
              testId="case-search"
            />
            <Select
              aria-label={t('case.ui.state')}
              data={stateOptions}
              value={f.state}
              onChange={(v) => list.setFilters({ state: v ?? 'open' })}
              allowDeselect={false}
              w={170}
              data-testid="filter-state"
            />
            <Select
              aria-label={t('case.ui.ppks')}
              placeholder={t('case.ui.ppks')}
              data={ppksOptions(locale)}
              {...filterSelect(list, 'ppks')}
              searchable
              w={200}
            />
            <Select
              aria-label={t('case.ui.dueColumn')}
              placeholder={t('case.ui.dueColumn')}
              data={[
                { value: 'overdue', label: t('case.ui.filter.overdue') },
                { value: 'overdue_assessment', label: t('case.ui.filter.overdueAssessment') },
                { value: 'overdue_review', label: t('case.ui.filter.overdueReview') },
                { value: 'soon', label: t('case.ui.filter.soon') },
              ]}
              {...filterSelect(list, 'due')}
              w={190}
              data-testid="filter-due"
            />
            {f.view !== 'mine' && (
              <Select
                aria-label={t('case.ui.caseworker')}
                placeholder={t('case.ui.filter.anyCaseworker')}
                data={(staff.data?.caseworkers ?? []).map((u) => ({
                  value: u.id,
                  label: u.fullName,
                }))}
                {...filterSelect(list, 'caseworker')}
                searchable
                w={190}
              />
            )}
          </>
        }
        more={{ set: filtersSet(f, FILTERS, MORE) }}
        grid={
          <>
            <Select
              label={t('case.ui.supervisor')}
              placeholder={t('common.all')}
              data={(staff.data?.supervisors ?? []).map((u) => ({
                value: u.id,
                label: u.fullName,
              }))}
              {...filterSelect(list, 'supervisor')}
            />
            <Select
              label={t('case.riskLevel')}
              placeholder={t('common.all')}
              data={RISK_LEVELS.map((r) => ({ value: r, label: t(`case.risk.${r}`) }))}
              {...filterSelect(list, 'risk')}
            />
            <RegionPicker
              label={t('case.ui.location')}
              value={f.location || null}
              onChange={(code) => list.setFilters({ location: code ?? '' })}
              within="63.72"
              levels={[3, 4]}
            />
            <RegionPicker
              label={t('case.ui.originRegion')}
              value={f.origin || null}
              onChange={(code) => list.setFilters({ origin: code ?? '' })}
              levels={[1, 2]}
            />
            <DateRangeFilter
              labels={[t('case.ui.openedFrom'), t('case.ui.openedTo')]}
              from={f.from}
              to={f.to}
              onChange={list.setFilters}
            />
          </>
        }
      />
      <DataList
        label={t('case.ui.listTitle')}
        testId="cases-table"
        columns={columns}
        query={rows}
        list={list}
        minWidth={900}
        onOpen={(r) => navigate(`/cases/${r.id}`)}
        rowProps={(r) => ({
          'data-testid': 'case-row',
          'data-number': r.number,
          'data-overdue': r.due?.overdue || undefined,
          className: r.due?.overdue ? 'pelita-list-row pelita-row-overdue' : 'pelita-list-row',
        })}
        toolbar={
          <Text size="xs" c="dimmed">
            {t('list.keys')}
          </Text>
        }
        emptyFiltered={{ title: t('case.ui.emptyFiltered'), body: t('case.ui.emptyFilteredHelp') }}
        empty={{
          title: t('case.ui.empty'),
          body: t('case.ui.emptyHelp'),
          action: canCreate ? (
            <AddButton to="/cases/new">{t('nav.cases.new')}</AddButton>
          ) : undefined,
        }}
      />
    </>
  );
}
