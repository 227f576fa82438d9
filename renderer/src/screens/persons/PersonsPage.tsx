/**
 * `#/persons`: everyone the office serves, one search box over them, paged and sorted by the
 * server (persons.search). The search and sort live in the address. Enter in the box opens the
 * best match; arrow down moves into the list.
 */
import { Anchor, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { KeyboardEvent } from 'react';
import {
  PERSON_SEARCH_CAP,
  PERSON_SORTS,
  type PersonSummary,
} from '../../../../shared/contract/persons';
import { call } from '../../api/rpc';
import { AddButton } from '../../components/AddButton';
import { DataList, type Column } from '../../components/DataList';
import { FilterBar } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/I18nProvider';
import { useFailureHandler } from '../../lib/failures';
import { sortOf, useListState, useSearchText } from '../../lib/list';
import { href, navigate } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { useMe } from '../../session/SessionProvider';
import { AgeText, IdentityBadge, LastStayText, NikText, OriginText, SexText } from './PersonFacts';

const FILTERS = { q: '' };

function useColumns(): Column<PersonSummary>[] {
  const t = useT();
  return [
    {
      key: 'name',
      header: t('person.fullName'),
      sort: { asc: 'name', desc: 'name_desc' },
      miw: 200,
      render: (p) => (
        <>
          <Anchor href={href(`/persons/${p.id}`)} fw={700} size="sm" tabIndex={-1}>
            {p.fullName}
          </Anchor>
          {p.aliases.length > 0 && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {t('person.aliasList', { names: p.aliases.join(', ') })}
            </Text>
          )}
        </>
      ),
    },
    { key: 'nik', header: t('person.nik'), w: 175, render: (p) => <NikText nik={p.nik} /> },
    {
      key: 'age',
      header: t('person.list.sexAge'),
      miw: 180,
      render: (p) => (
        <Stack gap={0}>
          {p.sex && (
            <Text size="sm">
              <SexText sex={p.sex} />
            </Text>
          )}
          <AgeText person={p} size="xs" />
        </Stack>
      ),
    },
    {
      key: 'origin',
      header: t('person.origin'),
      maw: 260,
      render: (p) => <OriginText origin={p.origin} size="xs" />,
    },
    {
      key: 'status',
      header: t('person.list.status'),
      w: 270,
      render: (p) => (
        <Stack gap={4} align="flex-start">
          <IdentityBadge status={p.identityStatus} size="xs" />
          <LastStayText lastStay={p.lastStay} />
        </Stack>
      ),
    },
  ];
}

export function PersonsPage() {
  const t = useT();
  const me = useMe();
  const canWrite = me.permissions.includes('persons.write');
  const list = useListState(FILTERS, 'relevance');
  const [text, setText] = useSearchText(list.filters.q, (q) => list.setFilters({ q }));
  const columns = useColumns();
  const handle = useFailureHandler();
  const sort = sortOf(list, PERSON_SORTS);
  const input = { q: list.filters.q, sort, page: list.page, limit: list.pageSize };
  const people = useQuery(JSON.stringify(input), () => call('persons.search', input));

  const onKey = async (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      document
        .querySelector<HTMLElement>('[data-testid="persons-table"] tr[data-list-row]')
        ?.focus();
    } else if (e.key === 'Enter' && text.trim()) {
      // The best match of what is typed now, even before the list has caught up.
      e.preventDefault();
      const best = await call('persons.search', { q: text.trim(), sort, limit: 1 }).catch(
        (error: unknown) => void handle(error),
      );
      if (best?.results[0]) navigate(`/persons/${best.results[0].id}`);
      else list.setFilters({ q: text.trim() });
    }
  };

  const capped = (people.data?.total ?? 0) >= PERSON_SEARCH_CAP;
  return (
    <>
      <PageHeader
        title={t('person.title')}
        subtitle={t('person.subtitle')}
        actions={canWrite && <AddButton to="/persons/new">{t('person.new')}</AddButton>}
      />
      <FilterBar
        align="flex-start"
        row={
          <>
            <TextInput
              size="md"
              aria-label={t('person.search.label')}
              placeholder={t('person.search.placeholder')}
              description={t('person.search.hint')}
              leftSection={<IconSearch size={18} />}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              onKeyDown={(e) => void onKey(e)}
              autoFocus
              data-autofocus
              autoComplete="off"
              spellCheck={false}
              style={{ flex: '1 1 420px' }}
              data-testid="person-search"
            />
            <Select
              size="md"
              w={220}
              aria-label={t('person.list.sort')}
              data={PERSON_SORTS.map((s) => ({
                value: s,
                label: t(
                  s === 'relevance' && !list.filters.q ? 'person.sort.newest' : `person.sort.${s}`,
                ),
              }))}
              value={sort}
              onChange={(v) => v && list.setSort(v)}
              allowDeselect={false}
              data-testid="person-sort"
            />
          </>
        }
      />
      <DataList
        label={t('person.title')}
        testId="persons-table"
        columns={columns}
        query={people}
        list={list}
        rowsOf={(d) => d.results}
        minWidth={960}
        onOpen={(p) => navigate(`/persons/${p.id}`)}
        rowProps={() => ({ 'data-testid': 'person-result' })}
        toolbar={
          <Text size="xs" c={capped ? 'orange' : 'dimmed'}>
            {capped ? t('person.list.capped', { count: PERSON_SEARCH_CAP }) : t('list.keys')}
          </Text>
        }
        emptyFiltered={{
          title: t('person.search.empty', { q: list.filters.q }),
          body: t('person.list.emptyFilteredHelp'),
        }}
        empty={{
          title: t('person.list.empty'),
          body: t('person.list.emptyHelp'),
          action: canWrite ? <AddButton to="/persons/new">{t('person.new')}</AddButton> : undefined,
        }}
      />
    </>
  );
}
