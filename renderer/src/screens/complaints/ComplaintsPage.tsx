/**
 * `#/complaints`: the list, filtered, sorted and paged by the server. Filters live in the
 * address, so Back from a complaint returns to the same page. Keys: `/` search, `n` new.
 */
import {
  Anchor,
  Button,
  Group,
  Pagination,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconChartBar, IconPlus, IconSearch, IconX } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ComplaintListInput } from '../../../../shared/contract/complaints';
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_KINDS,
  COMPLAINT_STATUSES,
} from '../../../../shared/reference/complaints';
import { call } from '../../api/rpc';
import { LoadError, PageHeader, PageLoader } from '../../components/Panels';
import { RegionPicker } from '../../components/RegionPicker';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { href, navigate } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { useMe } from '../../session/SessionProvider';
import './complaints.css';
import { replaceHash, useHashQuery, withQuery } from './hashQuery';
import { categoryName } from './labels';
import { NextDeadline, ReporterText, StatusBadge, UrgencyBadge } from './parts';
import { DateField } from '../../components/DateField';

interface Filters {
  q: string;
  status: string;
  due: string;
  kind: string;
  channel: string;
  category: string;
  assignee: string;
  region: string;
  from: string;
  to: string;
  sort: string;
  page: string;
}

const DEFAULTS: Filters = {
  q: '',
  status: 'open',
  due: '',
  kind: '',
  channel: '',
  category: '',
  assignee: '',
  region: '',
  from: '',
  to: '',
  sort: 'deadline',
  page: '1',
};

const PAGE_SIZE = 25;

function fromQuery(q: Record<string, string>): Filters {
  const f = { ...DEFAULTS };
  for (const k of Object.keys(DEFAULTS) as (keyof Filters)[]) if (q[k] !== undefined) f[k] = q[k]!;
  return f;
}

function toInput(f: Filters, q: string): ComplaintListInput {
  const input: ComplaintListInput = {
    sort: f.sort as ComplaintListInput['sort'],
    page: Math.max(1, Number(f.page) || 1),
    pageSize: PAGE_SIZE,
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
  if (q.trim()) input.q = q.trim();
  return input;
}

export function ComplaintsPage() {
  const t = useT();
  const { locale } = useI18n();
  const fmt = useFormat();
  const me = useMe();
  const canWrite = me.permissions.includes('complaints.write');
  const query = useHashQuery();
  const [f, setF] = useState<Filters>(() => fromQuery(query));
  const [debouncedQ] = useDebouncedValue(f.q, 300);
  const search = useRef<HTMLInputElement>(null);

  useHotkeys([
    ['/', () => search.current?.focus()],
    ['n', () => canWrite && navigate('/complaints/new')],
  ]);

  // Keep the address in step with the filters (no new history entry per keystroke).
  useEffect(() => {
    const params: Record<string, string> = {};
    for (const k of Object.keys(DEFAULTS) as (keyof Filters)[]) {
      const v = k === 'q' ? debouncedQ : f[k];
      if (v !== DEFAULTS[k]) params[k] = v;
    }
    replaceHash(withQuery('/complaints', params));
  }, [f, debouncedQ]);

  const input = toInput(f, debouncedQ);
  const key = JSON.stringify(input);
  const list = useQuery(key, () => call('complaints.list', input));
  const categories = useQuery('complaint-categories-all', () =>
    call('complaints.categories', { includeInactive: true }),
  );
  const officers = useQuery('complaint-officers', () => call('complaints.officers', {}));

  const set = (name: keyof Filters, value: string | null) =>
    setF((prev) => ({
      ...prev,
      [name]: value ?? '',
      page: name === 'page' ? (value ?? '1') : '1',
    }));

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
      ...(officers.data?.officers ?? []).map((o) => ({ value: o.id, label: o.fullName })),
    ],
    [officers.data, t],
  );

  if (list.error && !list.data) return <LoadError error={list.error} onRetry={list.reload} />;

  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const first = data && data.total > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const last = data ? Math.min(data.total, data.page * data.pageSize) : 0;
  const filtered = JSON.stringify({ ...f, q: debouncedQ }) !== JSON.stringify(DEFAULTS);

  return (
    <>
      <PageHeader
        title={t('complaint.list.title')}
        subtitle={t('complaint.list.subtitle')}
        actions={
          <>
            <Button
              component="a"
              href={href('/complaints/figures')}
              variant="default"
              leftSection={<IconChartBar size={18} />}
            >
              {t('nav.complaints.figures')}
            </Button>
            {canWrite && (
              <Button
                component="a"
                href={href('/complaints/new')}
                leftSection={<IconPlus size={18} />}
                title={t('complaint.list.newKey')}
              >
                {t('nav.complaints.new')}
              </Button>
            )}
          </>
        }
      />
      <Paper
        withBorder
        radius="md"
        p="md"
        mb="lg"
        component="section"
        aria-label={t('audit.filters')}
      >
        <Stack gap="sm">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              ref={search}
              label={t('common.search')}
              placeholder={t('complaint.filter.searchPlaceholder')}
              leftSection={<IconSearch size={16} />}
              value={f.q}
              onChange={(e) => set('q', e.currentTarget.value)}
              style={{ flex: '1 1 320px' }}
              data-testid="complaint-search"
            />
            <Select
              label={t('complaint.filter.status')}
              data={statusOptions}
              value={f.status}
              onChange={(v) => set('status', v ?? 'open')}
              allowDeselect={false}
              w={230}
              data-testid="filter-status"
            />
            <Select
              label={t('complaint.filter.due')}
              data={[
                { value: 'overdue', label: t('complaint.filter.overdue') },
                { value: 'today', label: t('complaint.filter.dueToday') },
                { value: 'today_or_overdue', label: t('complaint.filter.todayOrOverdue') },
              ]}
              placeholder={t('complaint.filter.anyDue')}
              value={f.due || null}
              onChange={(v) => set('due', v)}
              clearable
              w={220}
              data-testid="filter-due"
            />
            <Select
              label={t('complaint.filter.sort')}
              data={[
                { value: 'deadline', label: t('complaint.sort.deadline') },
                { value: 'newest', label: t('complaint.sort.newest') },
                { value: 'oldest', label: t('complaint.sort.oldest') },
              ]}
              value={f.sort}
              onChange={(v) => set('sort', v ?? 'deadline')}
              allowDeselect={false}
              w={200}
            />
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="sm">
            <Select
              label={t('complaint.kind')}
              placeholder={t('common.all')}
              data={COMPLAINT_KINDS.map((k) => ({ value: k, label: t(`complaint.kind.${k}`) }))}
              value={f.kind || null}
              onChange={(v) => set('kind', v)}
              clearable
            />
            <Select
              label={t('complaint.channel')}
              placeholder={t('common.all')}
              data={COMPLAINT_CHANNELS.map((c) => ({
                value: c,
                label: t(`complaint.channel.${c}`),
              }))}
              value={f.channel || null}
              onChange={(v) => set('channel', v)}
              clearable
            />
            <Select
              label={t('complaint.category')}
              placeholder={t('common.all')}
              data={(categories.data?.categories ?? []).map((c) => ({
                value: c.id,
                label: categoryName(c, locale),
              }))}
              value={f.category || null}
              onChange={(v) => set('category', v)}
              clearable
              searchable
            />
            <Select
              label={t('complaint.assignee')}
              placeholder={t('complaint.filter.anyOfficer')}
              data={officerOptions}
              value={f.assignee || null}
              onChange={(v) => set('assignee', v)}
              clearable
              searchable
              data-testid="filter-assignee"
            />
            <RegionPicker
              label={t('complaint.region')}
              value={f.region || null}
              onChange={(code) => set('region', code)}
              within="63"
              levels={[2, 3, 4]}
            />
            <DateField
              label={t('complaint.filter.from')}
              value={f.from}
              onChange={(d) => set('from', d)}
              invalid="ignore"
            />
            <DateField
              label={t('complaint.filter.to')}
              value={f.to}
              onChange={(d) => set('to', d)}
              invalid="ignore"
            />
            <Group align="flex-end">
              <Button
                variant="default"
                leftSection={<IconX size={16} />}
                disabled={!filtered}
                onClick={() => setF(DEFAULTS)}
              >
                {t('common.reset')}
              </Button>
            </Group>
          </SimpleGrid>
        </Stack>
      </Paper>

      <Paper withBorder radius="md">
        <Group justify="space-between" px="md" py="sm">
          <Text size="sm" c="dimmed" data-testid="complaint-count" aria-live="polite">
            {data
              ? data.total === 0
                ? t('complaint.list.none')
                : t('complaint.list.shown', { first, last, total: data.total })
              : t('common.loading')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('complaint.list.keys')}
          </Text>
        </Group>
        {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
        {!data ? (
          <PageLoader />
        ) : (
          <Table.ScrollContainer minWidth={1080}>
            <Table
              verticalSpacing="sm"
              horizontalSpacing="md"
              highlightOnHover
              data-testid="complaints-table"
            >
              <Table.Thead bg="var(--pelita-table-head)">
                <Table.Tr>
                  <Table.Th>{t('complaint.number')}</Table.Th>
                  <Table.Th>{t('complaint.subject')}</Table.Th>
                  <Table.Th>{t('complaint.reporter')}</Table.Th>
                  <Table.Th>{t('complaint.status')}</Table.Th>
                  <Table.Th>{t('complaint.assignee')}</Table.Th>
                  <Table.Th w={210}>{t('complaint.nextDeadline')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody style={{ opacity: list.loading ? 0.6 : 1 }}>
                {data.rows.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={6}>
                      <Text c="dimmed" ta="center" py="lg">
                        {filtered ? t('complaint.list.emptyFiltered') : t('complaint.list.empty')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {data.rows.map((r) => (
                  <Table.Tr
                    key={r.id}
                    data-testid="complaint-row"
                    data-number={r.number}
                    data-overdue={r.next?.overdue || undefined}
                    className={r.next?.overdue ? 'pelita-row-overdue' : undefined}
                    onClick={(e) => {
                      if ((e.target as HTMLElement).closest('a')) return;
                      navigate(`/complaints/${r.id}`);
                    }}
                    style={{ cursor: 'pointer' }}
                  >
                    <Table.Td>
                      <Anchor
                        href={href(`/complaints/${r.id}`)}
                        ff="monospace"
                        size="sm"
                        fw={600}
                        style={{ whiteSpace: 'nowrap' }}
                      >
                        {r.number}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {fmt.dateTime(r.receivedAt)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t(`complaint.channel.${r.channel}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td maw={420}>
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
                        <Text size="xs" c="dimmed">
                          {t('complaint.person')}: {r.personName}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <ReporterText c={r} />
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={r.status} size="sm" />
                    </Table.Td>
                    <Table.Td>
                      {r.assignee ? (
                        <Text size="sm">{r.assignee.fullName}</Text>
                      ) : (
                        <Text size="sm" c="dimmed" fs="italic">
                          {t('complaint.unassigned')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <NextDeadline next={r.next} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {data && pages > 1 && (
          <Group justify="center" p="md">
            <Pagination
              total={pages}
              value={data.page}
              onChange={(p) => set('page', String(p))}
              getControlProps={(control) => ({
                'aria-label': t(`complaint.page.${control}`),
              })}
              getItemProps={(page) => ({ 'aria-label': t('complaint.page.number', { page }) })}
              data-testid="complaint-pages"
            />
          </Group>
        )}
      </Paper>
    </>
  );
}
