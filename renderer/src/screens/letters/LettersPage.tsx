/**
 * `#/letters`: the register of outgoing letters (agenda surat keluar), filtered by year, status
 * and classification, searched by number or subject, paged by the server.
 */
import { Anchor, Select, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { type Input } from '../../../../shared/contract';
import type { LetterSummary } from '../../../../shared/contract/letters';
import { LETTER_STATUSES } from '../../../../shared/reference/letters';
import { call } from '../../api/rpc';
import { DataList, type Column } from '../../components/DataList';
import { FilterBar, SearchFilter } from '../../components/FilterBar';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { filterSelect, useListState } from '../../lib/list';
import { href, navigate } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { LetterStatusBadge } from './StatusBadge';

const FILTERS = { q: '', year: '', status: '', code: '' };

function useColumns(): Column<LetterSummary>[] {
  const t = useT();
  const fmt = useFormat();
  return [
    {
      key: 'number',
      header: t('letter.number'),
      sort: { desc: 'number', first: 'desc' },
      w: 230,
      render: (r) => (
        <>
          <Anchor href={href(`/letters/${r.id}`)} ff="monospace" size="sm" fw={600} tabIndex={-1}>
            {r.number ?? t('letter.noNumber')}
          </Anchor>
          <Text size="xs" c="dimmed">
            {r.letterDate ? fmt.calendarDate(r.letterDate) : fmt.date(r.createdAt)}
          </Text>
        </>
      ),
    },
    {
      key: 'subject',
      header: t('letter.subject'),
      render: (r) => (
        <>
          <Text size="sm" fw={600} lineClamp={2}>
            {r.subject}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {r.templateName} · {r.classificationCode}
          </Text>
        </>
      ),
    },
    {
      key: 'record',
      header: t('letter.record'),
      w: 200,
      render: (r) =>
        r.personId ? (
          <Anchor href={href(`/persons/${r.personId}`)} size="sm">
            {r.sourceLabel}
          </Anchor>
        ) : (
          <Text size="sm">{r.sourceLabel}</Text>
        ),
    },
    {
      key: 'issuedBy',
      header: t('letter.issuedBy'),
      w: 170,
      render: (r) => <Text size="sm">{r.issuedBy?.fullName ?? '—'}</Text>,
    },
    {
      key: 'status',
      header: t('letter.status'),
      w: 120,
      render: (r) => <LetterStatusBadge status={r.status} />,
    },
  ];
}

export function LettersPage() {
  const t = useT();
  const list = useListState(FILTERS, 'newest');
  const f = list.filters;
  const input: Input<'letters.register'> = {
    sort: list.sort === 'number' ? 'number' : 'newest',
    page: list.page,
    pageSize: list.pageSize,
    q: f.q,
  };
  if (f.year) input.year = Number(f.year);
  if (f.status) input.status = f.status as Input<'letters.register'>['status'];
  if (f.code) input.classificationId = f.code;
  const rows = useQuery(JSON.stringify(input), () => call('letters.register', input));
  const codes = useQuery('letter-codes', () =>
    call('letters.classifications', { includeInactive: true }),
  );
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => String(thisYear - i));
  const columns = useColumns();

  return (
    <>
      <PageHeader
        title={t('letter.register.title')}
        subtitle={t('letter.register.subtitle')}
        actions={
          <LinkButton to="/letters/verify" variant="default" icon={IconShieldCheck}>
            {t('nav.letters.verify')}
          </LinkButton>
        }
      />
      <FilterBar
        row={
          <>
            <SearchFilter
              list={list}
              placeholder={t('letter.register.search')}
              testId="letter-search"
            />
            <Select
              aria-label={t('letter.year')}
              placeholder={t('letter.anyYear')}
              data={years}
              {...filterSelect(list, 'year')}
              w={150}
              data-testid="filter-year"
            />
            <Select
              aria-label={t('letter.status')}
              placeholder={t('letter.anyStatus')}
              data={LETTER_STATUSES.map((s) => ({ value: s, label: t(`letter.status.${s}`) }))}
              {...filterSelect(list, 'status')}
              w={160}
              data-testid="filter-letter-status"
            />
            <Select
              aria-label={t('letter.classification')}
              placeholder={t('letter.anyCode')}
              data={(codes.data?.classifications ?? []).map((c) => ({
                value: c.id,
                label: `${c.code} ${c.name}`,
              }))}
              {...filterSelect(list, 'code')}
              searchable
              w={260}
            />
          </>
        }
      />
      <DataList
        label={t('letter.register.title')}
        testId="letters-table"
        columns={columns}
        query={rows}
        list={list}
        minWidth={860}
        onOpen={(r) => navigate(`/letters/${r.id}`)}
        rowProps={(r) => ({
          'data-testid': 'letter-row',
          'data-number': r.number ?? undefined,
          className: 'pelita-list-row',
        })}
        emptyFiltered={{
          title: t('letter.register.emptyFiltered'),
          body: t('letter.register.emptyFilteredHelp'),
        }}
        empty={{ title: t('letter.register.empty'), body: t('letter.register.emptyHelp') }}
      />
    </>
  );
}
