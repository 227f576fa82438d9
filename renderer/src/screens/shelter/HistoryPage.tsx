/** `#/shelter/history`: every stay, newest first, filtered and keyset-paged on the server. */
import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Table,
  Text,
} from '@mantine/core';
import { IconFilter, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Input, Output } from '../../../../shared/contract';
import { EXIT_TYPES } from '../../../../shared/reference/shelter';
import type { PpksCode } from '../../../../shared/reference/ppks';
import { call } from '../../api/rpc';
import { LoadError, PageHeader, PageLoader } from '../../components/Panels';
import { RegionPicker } from '../../components/RegionPicker';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { useFailureHandler } from '../../lib/failures';
import { useFormat } from '../../lib/format';
import { href } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { NikText } from '../persons/PersonBits';
import { ppksName, ppksOptions, tn } from './labels';
import { daysLabel } from './RosterBoard';
import { DateField } from '../../components/DateField';

const PAGE = 50;

interface Filters {
  from: string;
  to: string;
  originRegency: string | null;
  exitType: string | null;
  ppks: string | null;
  shelterId: string | null;
}

const NONE: Filters = {
  from: '',
  to: '',
  originRegency: null,
  exitType: null,
  ppks: null,
  shelterId: null,
};

function toInput(f: Filters, after?: string): Input<'stays.history'> {
  const input: Input<'stays.history'> = { limit: PAGE };
  if (f.from) input.from = f.from;
  if (f.to) input.to = f.to;
  if (f.originRegency) input.originRegency = f.originRegency;
  if (f.exitType) input.exitType = f.exitType as NonNullable<Input<'stays.history'>['exitType']>;
  if (f.ppks) input.ppks = f.ppks as PpksCode;
  if (f.shelterId) input.shelterId = f.shelterId;
  if (after) input.after = after;
  return input;
}

type Row = Output<'stays.history'>['rows'][number];

export function HistoryPage() {
  const t = useT();
  const fmt = useFormat();
  const { locale } = useI18n();
  const handle = useFailureHandler();
  const shelters = useQuery('shelters-all', () => call('shelters.list', { includeInactive: true }));
  const [draft, setDraft] = useState<Filters>(NONE);
  const [applied, setApplied] = useState<Filters>(NONE);
  const first = useQuery(`history:${JSON.stringify(applied)}`, () =>
    call('stays.history', toInput(applied)),
  );
  const [more, setMore] = useState<{ key: string; rows: Row[]; next: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  // The region picker keeps what was typed; a reset starts it afresh.
  const [resets, setResets] = useState(0);

  const key = JSON.stringify(applied);
  const extra = more && more.key === key ? more : null;
  const rows = [...(first.data?.rows ?? []), ...(extra?.rows ?? [])];
  const next = extra ? extra.next : (first.data?.nextAfter ?? null);

  const apply = (e?: FormEvent) => {
    e?.preventDefault();
    setApplied(draft);
  };
  const reset = () => {
    setResets((n) => n + 1);
    setDraft(NONE);
    setApplied(NONE);
  };
  const loadMore = async () => {
    if (!next) return;
    setLoadingMore(true);
    try {
      const page = await call('stays.history', toInput(applied, next));
      setMore({ key, rows: [...(extra?.rows ?? []), ...page.rows], next: page.nextAfter });
    } catch (e) {
      handle(e);
    } finally {
      setLoadingMore(false);
    }
  };

  const exitOptions = [
    { value: 'active', label: t('history.exit.active') },
    ...EXIT_TYPES.map((x) => ({ value: x, label: t(`exit.${x}`) })),
  ];

  return (
    <>
      <PageHeader title={t('history.title')} subtitle={t('history.subtitle')} />
      <Paper withBorder radius="md" p="md" mb="lg">
        <form onSubmit={apply} noValidate data-testid="history-filters">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            <DateField
              label={t('history.from')}
              value={draft.from}
              onChange={(from) => setDraft((d) => ({ ...d, from }))}
              invalid="ignore"
            />
            <DateField
              label={t('history.to')}
              value={draft.to}
              onChange={(to) => setDraft((d) => ({ ...d, to }))}
              invalid="ignore"
            />
            <RegionPicker
              key={resets}
              label={t('history.origin')}
              levels={[2]}
              value={draft.originRegency}
              onChange={(code) => setDraft((d) => ({ ...d, originRegency: code }))}
              placeholder={t('person.form.origin.placeholder')}
            />
            <Select
              label={t('history.exit')}
              placeholder={t('common.all')}
              value={draft.exitType}
              onChange={(v) => setDraft({ ...draft, exitType: v })}
              data={exitOptions}
              clearable
              data-testid="history-exit"
            />
            <Select
              label={t('history.ppks')}
              placeholder={t('common.all')}
              value={draft.ppks}
              onChange={(v) => setDraft({ ...draft, ppks: v })}
              data={ppksOptions(locale)}
              searchable
              clearable
              nothingFoundMessage={t('common.noResults')}
            />
            <Select
              label={t('history.shelter')}
              placeholder={t('common.all')}
              value={draft.shelterId}
              onChange={(v) => setDraft({ ...draft, shelterId: v })}
              data={(shelters.data?.shelters ?? []).map((s) => ({ value: s.id, label: s.name }))}
              clearable
            />
          </SimpleGrid>
          <Group justify="flex-end" mt="sm" gap="sm">
            <Button variant="subtle" color="gray" leftSection={<IconX size={16} />} onClick={reset}>
              {t('common.reset')}
            </Button>
            <Button
              type="submit"
              leftSection={<IconFilter size={16} />}
              data-testid="history-apply"
            >
              {t('history.apply')}
            </Button>
          </Group>
        </form>
      </Paper>

      {first.error && !first.data ? (
        <LoadError error={first.error} onRetry={first.reload} />
      ) : !first.data ? (
        <PageLoader />
      ) : (
        <Paper withBorder radius="md" style={{ opacity: first.loading ? 0.6 : 1 }}>
          <Table.ScrollContainer minWidth={1040}>
            <Table
              verticalSpacing="sm"
              horizontalSpacing="md"
              highlightOnHover
              data-testid="history-table"
            >
              <Table.Thead bg="var(--pelita-table-head)">
                <Table.Tr>
                  <Table.Th>{t('history.col.person')}</Table.Th>
                  <Table.Th>{t('history.col.origin')}</Table.Th>
                  <Table.Th>{t('history.col.stay')}</Table.Th>
                  <Table.Th>{t('history.col.days')}</Table.Th>
                  <Table.Th>{t('history.col.exit')}</Table.Th>
                  <Table.Th>{t('stay.ppks')}</Table.Th>
                  <Table.Th>{t('history.col.place')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={7}>
                      <Text c="dimmed" ta="center" py="lg">
                        {t('history.empty')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {rows.map((r) => (
                  <Table.Tr key={r.id} data-testid="history-row">
                    <Table.Td miw={180}>
                      <Anchor href={href(`/persons/${r.personId}`)} fw={600} size="sm">
                        {r.personName}
                      </Anchor>
                      <div>
                        <NikText nik={r.nik} size="xs" />
                      </div>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.origin?.name ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Anchor
                        href={href(`/shelter/stays/${r.id}`)}
                        size="sm"
                        style={{ whiteSpace: 'nowrap' }}
                      >
                        {r.checkoutAt
                          ? `${fmt.date(r.checkinAt)} – ${fmt.date(r.checkoutAt)}`
                          : t('shelter.since', { date: fmt.date(r.checkinAt) })}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {r.checkoutAt
                          ? tn(t, 'shelter.daysCount', r.days, { days: r.days })
                          : daysLabel(r.days, t)}
                      </Text>
                    </Table.Td>
                    <Table.Td miw={170}>
                      {r.exitType ? (
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
                      )}
                    </Table.Td>
                    <Table.Td maw={240}>
                      <Text size="sm">{r.ppks.map((c) => ppksName(c, locale)).join(', ')}</Text>
                    </Table.Td>
                    <Table.Td miw={190}>
                      <Text size="sm">{r.shelterName}</Text>
                      <Text size="xs" c="dimmed">
                        {t('shelter.bed')} {r.bedLabel}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between" p="md">
            <Text size="sm" c="dimmed" data-testid="history-count">
              {t('history.shown', { count: rows.length })}
              {rows.length > 0 && !next ? ` · ${t('history.end')}` : ''}
            </Text>
            {next && (
              <Button
                variant="light"
                onClick={() => void loadMore()}
                loading={loadingMore}
                data-testid="history-more"
              >
                {t('common.more')}
              </Button>
            )}
          </Group>
        </Paper>
      )}
    </>
  );
}
