/**
 * The one list: a Mantine table with server-side sorting (clickable headers) and paging (page
 * size, "1–50 dari 1.234", pager), an empty state that says what to do, a loading state that
 * keeps its height, and keyboard use (Tab reaches the rows, arrow keys move, Enter opens).
 * Its state lives in the address through `lib/list.ts`.
 */
import {
  Button,
  type ButtonProps,
  Group,
  Pagination,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  ThemeIcon,
  UnstyledButton,
} from '@mantine/core';
import {
  IconArrowDown,
  IconArrowUp,
  IconArrowsSort,
  IconChevronLeft,
  IconChevronRight,
  IconChevronsLeft,
  IconListSearch,
  IconX,
} from '@tabler/icons-react';
import { Fragment, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n, useT } from '../i18n/I18nProvider';
import {
  keysetPaging,
  offsetPaging,
  PAGE_SIZES,
  type ListState,
  type PageSize,
  type Paging,
} from '../lib/list';
import type { QueryState } from '../lib/useQuery';
import { LoadError } from './PageStates';

export interface Column<R> {
  key: string;
  header: string;
  render: (row: R) => ReactNode;
  /**
   * The contract's sort values this column stands for, and which the first click picks
   * (ascending unless said otherwise; dates read newest first).
   */
  sort?: { asc?: string; desc?: string; first?: 'asc' | 'desc' };
  /** The header is read out but not shown (an actions column). */
  hideHeader?: boolean;
  w?: number | string;
  miw?: number;
  maw?: number;
}

/** The list state a DataList reads (lib/list.ts): sort, paging and whether filters are set. */
export type ListControls = Pick<
  ListState<Record<string, string>>,
  | 'sort'
  | 'setSort'
  | 'page'
  | 'pageSize'
  | 'setPage'
  | 'setPageSize'
  | 'cursor'
  | 'pos'
  | 'setCursor'
  | 'filtered'
  | 'resetFilters'
>;

/** A loaded page of a list method: a total (offset paging) or cursors (keyset paging). */
type LoadedPage = { total: number; page: number } | { next: string | null; prev: string | null };

export type DataListProps<R, D extends LoadedPage> = {
  columns: Column<R>[];
  /**
   * The list method's answer (`useQuery`): while a newer page is on its way the rows stay,
   * dimmed, so the page does not jump; a failure shows with a retry.
   */
  query: QueryState<D>;
  /** The list's address state: sort by clicking headers, paging, the filters' reset. */
  list: ListControls;
  /** What the empty list says, and what to do about it. */
  empty: { title: string; body: string; action?: ReactNode };
  /** Shown with a reset button when filters are set and nothing matches. */
  emptyFiltered?: { title: string; body: string };
  /** Opens a row (Enter or a click outside its links and buttons). */
  onOpen?: (row: R) => void;
  /** Extra props per row (data-testid, class names). */
  rowProps?: (row: R) => Record<string, string | boolean | undefined>;
  /** A full-width row under a row (the audit trail's changes), or null. */
  expanded?: (row: R) => ReactNode | null;
  /** Text over the table's top right (keys, a refresh button). */
  toolbar?: ReactNode;
  minWidth?: number;
  label: string;
  testId?: string;
} & (R extends { id: string }
  ? { /** Default: the row's id. */ rowKey?: (row: R) => string }
  : { rowKey: (row: R) => string }) &
  (D extends { rows: R[] }
    ? { rowsOf?: (data: D) => R[] }
    : { /** Where the page's rows are, when not in `rows`. */ rowsOf: (data: D) => R[] });

function pagingOf(list: ListControls, data: LoadedPage | undefined): Paging | null {
  if (!data) return null;
  if ('total' in data) return offsetPaging(list, data);
  const rows = (data as { rows?: unknown[] }).rows ?? [];
  return keysetPaging(list, { ...data, rows });
}

function SortHeader<R>({
  column,
  sort,
  onSort,
}: {
  column: Column<R>;
  sort: string;
  onSort: (s: string) => void;
}) {
  const t = useT();
  const s = column.sort!;
  const dir = sort === s.asc ? 'asc' : sort === s.desc ? 'desc' : null;
  const first = s.first === 'desc' ? (s.desc ?? s.asc!) : (s.asc ?? s.desc!);
  const next = dir === 'desc' ? (s.asc ?? s.desc!) : dir === 'asc' ? (s.desc ?? s.asc!) : first;
  const Icon = dir === 'asc' ? IconArrowUp : dir === 'desc' ? IconArrowDown : IconArrowsSort;
  return (
    <UnstyledButton
      onClick={() => onSort(next)}
      className="pelita-sort-button"
      aria-label={t('list.sortBy', { column: column.header })}
      data-testid={`sort-${column.key}`}
      data-active={dir ?? undefined}
    >
      <Group gap={4} wrap="nowrap">
        <span>{column.header}</span>
        <Icon size={14} opacity={dir ? 1 : 0.45} />
      </Group>
    </UnstyledButton>
  );
}

function Footer({ paging, shown }: { paging: Paging; shown: number }) {
  const t = useT();
  const { locale } = useI18n();
  const n = (v: number) => v.toLocaleString(locale === 'en' ? 'en-US' : 'id-ID');
  const first = paging.kind === 'offset' ? (paging.page - 1) * paging.pageSize + 1 : paging.first;
  const last = first + shown - 1;
  const range =
    shown === 0
      ? t('list.none')
      : paging.kind === 'offset'
        ? t('list.range', { first: n(first), last: n(last), total: n(paging.total) })
        : t('list.rangeOpen', { first: n(first), last: n(last) });
  const pages =
    paging.kind === 'offset' ? Math.max(1, Math.ceil(paging.total / paging.pageSize)) : 0;
  return (
    <Group justify="space-between" px="md" py="sm" gap="sm" wrap="wrap">
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" c="dimmed" component="label" htmlFor="list-page-size">
          {t('list.pageSize')}
        </Text>
        <Select
          id="list-page-size"
          size="xs"
          w={76}
          data={PAGE_SIZES.map(String)}
          value={String(paging.pageSize)}
          onChange={(v) => v && paging.onPageSize(Number(v) as PageSize)}
          allowDeselect={false}
          data-testid="list-page-size"
        />
        <Text size="sm" c="dimmed" data-testid="list-range" aria-live="polite">
          {range}
        </Text>
      </Group>
      {paging.kind === 'offset' ? (
        pages > 1 && (
          <Pagination
            size="sm"
            total={pages}
            value={paging.page}
            onChange={paging.onPage}
            withEdges
            getControlProps={(control) => ({ 'aria-label': t(`list.page.${control}`) })}
            getItemProps={(page) => ({ 'aria-label': t('list.page.number', { page }) })}
            data-testid="list-pages"
          />
        )
      ) : (
        <Group gap={6}>
          <PageButton
            onClick={paging.onFirst}
            enabled={paging.hasFirst}
            aria-label={t('list.page.first')}
          >
            <IconChevronsLeft size={16} />
          </PageButton>
          <PageButton
            onClick={paging.onPrev}
            enabled={paging.hasPrev}
            leftSection={<IconChevronLeft size={16} />}
            data-testid="list-prev"
          >
            {t('list.page.previous')}
          </PageButton>
          <PageButton
            onClick={paging.onNext}
            enabled={paging.hasNext}
            rightSection={<IconChevronRight size={16} />}
            data-testid="list-next"
          >
            {t('list.page.next')}
          </PageButton>
        </Group>
      )}
    </Group>
  );
}

/** A step of the keyset pager (first, previous, next). */
function PageButton({
  enabled,
  ...props
}: { enabled: boolean; onClick: () => void } & ButtonProps) {
  return <Button size="xs" variant="default" disabled={!enabled} {...props} />;
}

/** Rows move focus with the arrow keys; only one row is a Tab stop, the one last focused. */
function focusRow(body: HTMLElement | null, index: number) {
  const rows = body?.querySelectorAll<HTMLElement>('tr[data-list-row]');
  if (!rows || rows.length === 0) return;
  rows[Math.max(0, Math.min(rows.length - 1, index))]!.focus();
}

export function DataList<R, D extends LoadedPage>(props: DataListProps<R, D>) {
  const { columns, onOpen, list, query } = props;
  const data = query.data;
  const rowsOf = props.rowsOf as ((d: D) => R[]) | undefined;
  const rowKey = props.rowKey as ((row: R) => string) | undefined;
  const keyOf = rowKey ?? ((r: R) => (r as { id: string }).id);
  const rows = data ? (rowsOf?.(data) ?? (data as { rows?: R[] }).rows) : undefined;
  const loading = query.loading;
  const paging = pagingOf(list, data);
  const body = useRef<HTMLTableSectionElement>(null);
  const [active, setActive] = useState(0);
  const t = useT();
  const skeletonRows = Math.min(paging?.pageSize ?? 10, 10);
  const filtered = list.filtered;
  const empty = (filtered && props.emptyFiltered) || props.empty;

  const onKey = (e: KeyboardEvent<HTMLTableRowElement>, index: number, row: R) => {
    if (e.target !== e.currentTarget) return;
    const move: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: Number.MAX_SAFE_INTEGER,
    };
    if (e.key in move) {
      e.preventDefault();
      focusRow(body.current, move[e.key]!);
    } else if (e.key === 'Enter' && onOpen) {
      e.preventDefault();
      onOpen(row);
    }
  };

  return (
    <Paper withBorder radius="md" data-testid={props.testId}>
      <Group justify="flex-end" px="md" pt="xs" gap="sm" mih={34}>
        {props.toolbar}
        {filtered && (
          <Button
            variant="subtle"
            color="gray"
            size="xs"
            leftSection={<IconX size={14} />}
            onClick={list.resetFilters}
            data-testid="list-reset"
          >
            {t('common.reset')}
          </Button>
        )}
      </Group>
      {query.error ? <LoadError error={query.error} onRetry={query.reload} /> : null}
      <Table.ScrollContainer minWidth={props.minWidth ?? 800}>
        <Table
          verticalSpacing="sm"
          horizontalSpacing="md"
          highlightOnHover
          aria-label={props.label}
        >
          <Table.Thead bg="var(--pelita-table-head)">
            <Table.Tr>
              {columns.map((c) => {
                const dir =
                  c.sort && list.sort === c.sort.asc
                    ? 'ascending'
                    : c.sort && list.sort === c.sort.desc
                      ? 'descending'
                      : undefined;
                return (
                  <Table.Th key={c.key} w={c.w} miw={c.miw} maw={c.maw} aria-sort={dir}>
                    {c.sort ? (
                      <SortHeader column={c} sort={list.sort} onSort={list.setSort} />
                    ) : c.hideHeader ? (
                      <span className="pelita-sr-only">{c.header}</span>
                    ) : (
                      c.header
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody
            ref={body}
            aria-busy={loading || undefined}
            style={{ opacity: loading && rows ? 0.55 : 1, transition: 'opacity 120ms' }}
          >
            {!rows &&
              Array.from({ length: skeletonRows }, (_, i) => (
                <Table.Tr key={i} data-testid="list-skeleton">
                  {columns.map((c) => (
                    <Table.Td key={c.key}>
                      <Skeleton
                        height={12}
                        my={8}
                        width={`${60 + ((i * 7 + c.key.length * 13) % 35)}%`}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            {rows && rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>
                  <Stack align="center" gap={6} py="xl" data-testid="list-empty">
                    <ThemeIcon size={44} radius="xl" variant="light" color="gray">
                      <IconListSearch size={24} />
                    </ThemeIcon>
                    <Text fw={600}>{empty.title}</Text>
                    <Text size="sm" c="dimmed" ta="center" maw={520}>
                      {empty.body}
                    </Text>
                    {filtered ? (
                      <Button variant="light" onClick={list.resetFilters}>
                        {t('list.resetFilters')}
                      </Button>
                    ) : (
                      props.empty.action
                    )}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            )}
            {rows?.map((r, i) => {
              const more = props.expanded?.(r);
              return (
                <Fragment key={keyOf(r)}>
                  <Table.Tr
                    data-list-row=""
                    tabIndex={i === Math.min(active, rows.length - 1) ? 0 : -1}
                    onFocus={() => setActive(i)}
                    onKeyDown={(e) => onKey(e, i, r)}
                    onClick={
                      onOpen
                        ? (e) => {
                            if ((e.target as HTMLElement).closest('a, button, input')) return;
                            onOpen(r);
                          }
                        : undefined
                    }
                    className="pelita-list-row"
                    style={onOpen ? { cursor: 'pointer' } : undefined}
                    {...props.rowProps?.(r)}
                  >
                    {columns.map((c) => (
                      <Table.Td key={c.key} maw={c.maw}>
                        {c.render(r)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                  {more}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {paging && <Footer paging={paging} shown={rows?.length ?? 0} />}
    </Paper>
  );
}
