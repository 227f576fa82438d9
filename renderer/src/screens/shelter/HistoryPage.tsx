/**
 * `#/shelter/history`: every stay by check-in, filtered and keyset-paged on the server (there
 * may be millions, so no total). Filters live in the address.
 */
import { Anchor, Badge, Select, Text } from '@mantine/core';
import { Input, Output } from '../../../../shared/contract';
import { HISTORY_SORTS } from '../../../../shared/contract/shelter';
import { PpksCode } from '../../../../shared/reference/ppks';
import { EXIT_TYPES } from '../../../../shared/reference/shelter';
import { call } from '../../api/rpc';
import { DataList, type Column } from '../../components/DataList';
import { FilterBar } from '../../components/FilterBar';
import { DateRangeFilter } from '../../components/DateRangeFilter';
import { PageHeader } from '../../components/PageHeader';
import { PpksBadges } from '../../components/PpksBadges';
import { RegionPicker } from '../../components/RegionPicker';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { filterSelect, keysetRequest, useListState, type ListState } from '../../lib/list';
import { ppksOptions } from '../../lib/ppks';
import { href, navigate } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { NikText } from '../persons/PersonFacts';
import { tn } from './labels';
import { daysLabel } from './RosterBoard';

const FILTERS = { from: '', to: '', origin: '', exit: '', ppks: '', shelter: '' };
type Filters = typeof FILTERS;
type Row = Output<'stays.history'>['rows'][number];

function toInput(list: ListState<Filters>): Input<'stays.history'> {
  const f = list.filters;
  const input: Input<'stays.history'> = keysetRequest(list, HISTORY_SORTS);
  if (f.from) input.from = f.from;
  if (f.to) input.to = f.to;
  if (f.origin) input.originRegency = f.origin;
  if (f.exit) input.exitType = f.exit as NonNullable<Input<'stays.history'>['exitType']>;
  if (f.ppks) input.ppks = f.ppks as PpksCode;
  if (f.shelter) input.shelterId = f.shelter;
  return input;
}

function useColumns(): Column<Row>[] {
  const t = useT();
  const fmt = useFormat();
  return [
    {
      key: 'person',
      header: t('history.col.person'),
      miw: 150,
      render: (r) => (
        <>
          <Anchor href={href(`/persons/${r.personId}`)} fw={600} size="sm" tabIndex={-1}>
            {r.personName}
          </Anchor>
          <div>
            <NikText nik={r.nik} size="xs" />
          </div>
        </>
      ),
    },
    {
      key: 'origin',
      header: t('history.col.origin'),
      render: (r) => <Text size="sm">{r.origin?.name ?? '—'}</Text>,
    },
    {
      key: 'stay',
      header: t('history.col.stay'),
      sort: { desc: 'newest', asc: 'oldest', first: 'desc' },
      render: (r) => (
        <>
          <Anchor href={href(`/shelter/stays/${r.id}`)} size="sm" tabIndex={-1}>
            {r.checkoutAt
              ? `${fmt.date(r.checkinAt)} – ${fmt.date(r.checkoutAt)}`
              : t('shelter.since', { date: fmt.date(r.checkinAt) })}
          </Anchor>
          <Text size="xs" c="dimmed">
            {r.checkoutAt
              ? tn(t, 'shelter.daysCount', r.days, { days: r.days })
              : daysLabel(r.days, t)}
          </Text>
        </>
      ),
    },
    {
      key: 'exit',
      header: t('history.col.exit'),
      miw: 140,
      render: (r) =>
        r.exitType ? (
          <>
            <Text size="sm">{t(`exit.${r.exitType}`)}</Text>
            {r.destination && (
              <Text size="xs" c="dimmed">
                {r.destination.name}
              </Text>
            )}
          </>
        ) : (
          <Badge variant="light" tt="none">
            {t('history.exit.active')}
          </Badge>
        ),
    },
    {
      key: 'ppks',
      header: t('stay.ppks'),
      maw: 200,
      render: (r) => <PpksBadges codes={r.ppks} size="sm" />,
    },
    {
      key: 'place',
      header: t('history.col.place'),
      miw: 150,
      render: (r) => (
        <>
          <Text size="sm">{r.shelterName}</Text>
          <Text size="xs" c="dimmed">
            {t('shelter.bed')} {r.bedLabel}
          </Text>
        </>
      ),
    },
  ];
}

export function HistoryPage() {
  const t = useT();
  const { locale } = useI18n();
  const list = useListState(FILTERS, 'newest', 50);
  const f = list.filters;
  const shelters = useQuery('shelters-all', () => call('shelters.list', { includeInactive: true }));
  const input = toInput(list);
  const page = useQuery(`history:${JSON.stringify(input)}`, () => call('stays.history', input));
  const columns = useColumns();

  // The three list filters: "Semua" when empty, cleared back to the whole list.
  const filter = (key: 'exit' | 'ppks' | 'shelter') => ({
    placeholder: t('common.all'),
    ...filterSelect(list, key),
  });
  const exitOptions = [
    { value: 'active', label: t('history.exit.active') },
    ...EXIT_TYPES.map((x) => ({ value: x, label: t(`exit.${x}`) })),
  ];

  return (
    <>
      <PageHeader title={t('history.title')} subtitle={t('history.subtitle')} />
      <FilterBar
        testId="history-filters"
        grid={
          <>
            <DateRangeFilter
              labels={[t('history.from'), t('history.to')]}
              from={f.from}
              to={f.to}
              onChange={list.setFilters}
            />
            <RegionPicker
              key={f.origin ? 'set' : 'none'}
              label={t('history.origin')}
              levels={[2]}
              value={f.origin || null}
              onChange={(code) => list.setFilters({ origin: code ?? '' })}
              placeholder={t('person.form.origin.placeholder')}
            />
            <Select
              label={t('history.exit')}
              data={exitOptions}
              data-testid="history-exit"
              {...filter('exit')}
            />
            <Select
              label={t('history.ppks')}
              data={ppksOptions(locale)}
              searchable
              nothingFoundMessage={t('common.noResults')}
              {...filter('ppks')}
            />
            <Select
              label={t('history.shelter')}
              data={(shelters.data?.shelters ?? []).map((s) => ({ value: s.id, label: s.name }))}
              {...filter('shelter')}
            />
          </>
        }
      />

      <DataList
        label={t('history.title')}
        testId="history-table"
        columns={columns}
        query={page}
        list={list}
        minWidth={900}
        onOpen={(r) => navigate(`/shelter/stays/${r.id}`)}
        rowProps={() => ({ 'data-testid': 'history-row' })}
        toolbar={
          <>
            <Text size="xs" c="dimmed">
              {t('list.keys')}
            </Text>
          </>
        }
        empty={{ title: t('history.emptyAll'), body: t('history.emptyAllHelp') }}
        emptyFiltered={{ title: t('history.empty'), body: t('history.emptyFilteredHelp') }}
      />
    </>
  );
}
