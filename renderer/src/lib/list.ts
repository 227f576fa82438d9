/**
 * List state kept in the address: filters, sort, page and page size (or a keyset cursor), so a
 * list reopened by Back, Forward or reload shows the same rows. Used with `components/DataList`.
 */
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useQueryState } from './router';

/** The page sizes every list offers. */
export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** Address keys the list itself uses; filters must not reuse them. */
type PagingKeys = 'sort' | 'page' | 'size' | 'cursor' | 'pos';

export interface ListState<F extends Record<string, string>> {
  filters: F;
  sort: string;
  /** Offset paging: the 1-based page. */
  page: number;
  pageSize: PageSize;
  /** Keyset paging: `>` + cursor for the rows after it, `<` + cursor for the rows before it. */
  cursor: string;
  /** Keyset paging: the number of the first row shown, for "51–100". */
  pos: number;
  /** Any filter differs from its default. */
  filtered: boolean;
  setFilters: (patch: Partial<F>) => void;
  setSort: (sort: string) => void;
  setPage: (page: number) => void;
  setPageSize: (size: PageSize) => void;
  /** Keyset paging: moves to another cursor position (empty cursor: the first page). */
  setCursor: (cursor: string, pos: number) => void;
  resetFilters: () => void;
}

function pageSizeOf(value: string, fallback: PageSize): PageSize {
  const n = Number(value);
  return (PAGE_SIZES as readonly number[]).includes(n) ? (n as PageSize) : fallback;
}

/**
 * `filters` and `sort` are the defaults (module constants): values equal to them stay out of
 * the address. Changing a filter, the sort or the page size goes back to the first page.
 */
export function useListState<F extends Record<string, string> & { [K in PagingKeys]?: never }>(
  filters: F,
  sort: string,
  pageSize: PageSize = 25,
): ListState<F> {
  const [q, set] = useQueryState<Record<string, string>>({
    ...filters,
    sort,
    page: '1',
    size: String(pageSize),
    cursor: '',
    pos: '1',
  });
  const firstPage = { page: '1', cursor: '', pos: '1' };
  const current = Object.fromEntries(Object.keys(filters).map((k) => [k, q[k]!])) as F;
  return {
    filters: current,
    sort: q.sort!,
    page: Math.max(1, Math.floor(Number(q.page)) || 1),
    pageSize: pageSizeOf(q.size!, pageSize),
    cursor: q.cursor!,
    pos: Math.max(1, Math.floor(Number(q.pos)) || 1),
    filtered: Object.keys(filters).some((k) => current[k] !== filters[k]),
    setFilters: (patch) => set({ ...(patch as Record<string, string>), ...firstPage }),
    setSort: (s) => set({ sort: s, ...firstPage }),
    setPage: (page) => set({ page: String(page) }),
    setPageSize: (size) => set({ size: String(size), ...firstPage }),
    setCursor: (cursor, pos) => set({ cursor, pos: String(pos), page: '1' }),
    resetFilters: () => set({ ...filters, ...firstPage }),
  };
}

/** Props for a clearable Select that sets one filter (cleared: back to '', no filter). */
export function filterSelect<F extends Record<string, string>>(
  list: Pick<ListState<F>, 'filters' | 'setFilters'>,
  key: keyof F & string,
) {
  return {
    value: list.filters[key] || null,
    onChange: (v: string | null) => list.setFilters({ [key]: v ?? '' } as Partial<F>),
    clearable: true,
  };
}

/** How a DataList pages: by page number with a total, or by keyset cursors without one. */
export type Paging =
  | {
      kind: 'offset';
      page: number;
      pageSize: PageSize;
      total: number;
      onPage: (page: number) => void;
      onPageSize: (size: PageSize) => void;
    }
  | {
      /** Keyset paging for long tables (no total): previous, next and back to the start. */
      kind: 'keyset';
      /** Number of the first row shown. */
      first: number;
      pageSize: PageSize;
      hasPrev: boolean;
      hasNext: boolean;
      /** Not on the first page (also when a cursor in the address leads nowhere). */
      hasFirst: boolean;
      onPrev: () => void;
      onNext: () => void;
      onFirst: () => void;
      onPageSize: (size: PageSize) => void;
    };

/** Offset paging of a list state and a loaded page (`rows`, `total`, `page`). */
export function offsetPaging(
  list: Pick<ListState<Record<string, string>>, 'pageSize' | 'setPage' | 'setPageSize'>,
  data: { total: number; page: number } | undefined,
): Paging | null {
  if (!data) return null;
  return {
    kind: 'offset',
    page: data.page,
    pageSize: list.pageSize,
    total: data.total,
    onPage: list.setPage,
    onPageSize: list.setPageSize,
  };
}

/** Keyset paging of a list state and a loaded page (`rows`, `next`, `prev` cursors). */
export function keysetPaging(
  list: Pick<
    ListState<Record<string, string>>,
    'pageSize' | 'pos' | 'cursor' | 'setCursor' | 'setPageSize'
  >,
  data: { rows: unknown[]; next: string | null; prev: string | null } | undefined,
): Paging | null {
  if (!data) return null;
  const first = data.prev === null ? 1 : list.pos;
  return {
    kind: 'keyset',
    first,
    pageSize: list.pageSize,
    hasPrev: data.prev !== null,
    hasNext: data.next !== null,
    hasFirst: data.prev !== null || list.cursor !== '',
    onPrev: () => list.setCursor('<' + data.prev, Math.max(1, first - list.pageSize)),
    onNext: () => list.setCursor('>' + data.next, first + data.rows.length),
    onFirst: () => list.setCursor('', 1),
    onPageSize: list.setPageSize,
  };
}

/** The list's sort if the method knows it, else its default (an address edited by hand). */
export function sortOf<S extends string>(list: { sort: string }, sorts: readonly S[]): S {
  return (sorts as readonly string[]).includes(list.sort) ? (list.sort as S) : sorts[0]!;
}

/** A keyset list's page request: size, sort and the cursor as the contract's after/before. */
export function keysetRequest<F extends Record<string, string>, S extends string>(
  list: ListState<F>,
  sorts: readonly S[],
): { limit: number; sort: S; after?: string; before?: string } {
  const request = { limit: list.pageSize, sort: sortOf(list, sorts) };
  if (list.cursor.startsWith('>')) return { ...request, after: list.cursor.slice(1) };
  if (list.cursor.startsWith('<')) return { ...request, before: list.cursor.slice(1) };
  return request;
}

/**
 * A search box's text for a list: typed freely, written to the address 300 ms after the last
 * key (one query, not one per key), and following the address when Back or Forward changes it.
 */
export function useSearchText(committed: string, commit: (q: string) => void) {
  const [text, setText] = useState(committed);
  const [debounced] = useDebouncedValue(text, 300);
  useEffect(() => {
    if (debounced.trim() !== committed) commit(debounced.trim());
    // Only a settled new text is written; `committed` following it must not write again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  // Follow the address when it changes from outside (Back, Forward, a reset).
  const [seen, setSeen] = useState(committed);
  if (committed !== seen) {
    setSeen(committed);
    if (committed !== text.trim()) setText(committed);
  }
  return [text, setText] as const;
}
