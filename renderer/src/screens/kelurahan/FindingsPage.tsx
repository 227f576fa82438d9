/**
 * `#/findings`: the city's triage queue of findings from the kelurahans (the clock that runs out
 * first on top), or, for a kelurahan operator, its own kelurahan's findings and their outcome.
 */
import { Anchor, Group, Select, Text } from '@mantine/core';
import { FINDING_SORTS, type FindingSummary } from '../../../../shared/contract/findings';
import { FINDING_STATUSES } from '../../../../shared/reference/findings';
import type { Input } from '../../../../shared/contract';
import { call } from '../../api/rpc';
import { AddButton } from '../../components/AddButton';
import { DataList, type Column } from '../../components/DataList';
import { FilterBar, SearchFilter } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { PpksBadges } from '../../components/PpksBadges';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { sortOf, useListState } from '../../lib/list';
import { href, navigate } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { useCan } from '../../session/can';
import { useMe } from '../../session/SessionProvider';
import { FindingClock, FindingStatusBadge } from './FindingBadges';

const FILTERS = { q: '', status: 'open' };
/** An operator follows its reports to their outcome: every status by default. */
const OPERATOR_FILTERS = { q: '', status: 'all' };

function useColumns(): Column<FindingSummary>[] {
  const t = useT();
  const fmt = useFormat();
  return [
    {
      key: 'number',
      header: t('finding.number'),
      w: 150,
      render: (r) => (
        <>
          <Anchor href={href(`/findings/${r.id}`)} ff="monospace" size="sm" fw={600} tabIndex={-1}>
            {r.number}
          </Anchor>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {fmt.dateTime(r.foundAt)}
          </Text>
        </>
      ),
    },
    {
      key: 'who',
      header: t('finding.who'),
      render: (r) => (
        <>
          <Text size="sm" fw={600}>
            {r.subjectName ?? t('finding.unknownName')}
          </Text>
          <PpksBadges codes={r.ppks} />
        </>
      ),
    },
    {
      key: 'where',
      header: t('finding.where'),
      render: (r) => (
        <>
          <Text size="sm">{r.kelurahan.name}</Text>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {r.place}
          </Text>
        </>
      ),
    },
    {
      key: 'reporter',
      header: t('finding.reporter'),
      w: 170,
      render: (r) => (
        <>
          <Text size="sm">{r.reporterName}</Text>
          <Text size="xs" c="dimmed">
            {t(`finding.reporterRole.${r.reporterRole}`)}
          </Text>
        </>
      ),
    },
    {
      key: 'status',
      header: t('finding.status'),
      w: 150,
      render: (r) => (
        <Group gap={4}>
          <FindingStatusBadge f={r} />
          {r.urgency !== 'normal' && (
            <Text size="xs" c="red.8" fw={600}>
              {t(`complaint.urgency.${r.urgency}`)}
            </Text>
          )}
        </Group>
      ),
    },
    {
      key: 'clock',
      header: t('finding.clock'),
      w: 170,
      render: (r) => <FindingClock next={r.next} />,
    },
  ];
}

export function FindingsPage() {
  const t = useT();
  const canReport = useCan()('findings.create');
  const operator = useMe().roles.includes('kelurahan_operator');
  const list = useListState(operator ? OPERATOR_FILTERS : FILTERS, 'due');
  const f = list.filters;
  const input: Input<'findings.list'> = {
    sort: sortOf(list, FINDING_SORTS),
    page: list.page,
    pageSize: list.pageSize,
    ...(f.status && f.status !== 'all'
      ? { status: f.status as Input<'findings.list'>['status'] }
      : {}),
    ...(f.q ? { q: f.q } : {}),
  };
  const rows = useQuery(JSON.stringify(input), () => call('findings.list', input));
  const columns = useColumns();
  return (
    <>
      <PageHeader
        title={t('finding.list.title')}
        subtitle={t('finding.list.subtitle')}
        actions={
          canReport && (
            <AddButton to="/findings/new" title={t('finding.new')}>
              {t('finding.new')}
            </AddButton>
          )
        }
      />
      <FilterBar
        row={
          <>
            <SearchFilter list={list} placeholder={t('finding.searchPlaceholder')} />
            <Select
              aria-label={t('finding.status')}
              data={[
                { value: 'open', label: t('finding.status.open') },
                { value: 'all', label: t('complaint.filter.anyStatus') },
                ...FINDING_STATUSES.map((s) => ({ value: s, label: t(`finding.status.${s}`) })),
              ]}
              value={f.status}
              onChange={(v) => v && list.setFilters({ status: v })}
              allowDeselect={false}
              w={190}
              data-testid="finding-filter-status"
            />
          </>
        }
      />
      <DataList
        label={t('finding.list.title')}
        testId="findings-table"
        columns={columns}
        query={rows}
        list={list}
        rowsOf={(d) => d.findings}
        minWidth={900}
        onOpen={(r) => navigate(`/findings/${r.id}`)}
        rowProps={(r) => ({
          'data-testid': 'finding-row',
          'data-number': r.number,
          className: r.next?.overdue ? 'pelita-list-row pelita-row-overdue' : 'pelita-list-row',
        })}
        empty={{
          title: t('finding.list.empty'),
          body: t('finding.list.emptyHelp'),
          action: canReport ? (
            <AddButton to="/findings/new">{t('finding.new')}</AddButton>
          ) : undefined,
        }}
        emptyFiltered={{
          title: t('finding.list.emptyFiltered'),
          body: t('finding.list.emptyFilteredHelp'),
        }}
      />
    </>
  );
}
