/**
 * The filter bar above a list: a wrapping row of the main filters and, under it, a grid of the
 * others — behind a "Filter lain" toggle (kept in the address as `more=1`) when `more` is given.
 * `SearchFilter` is the debounced search box that writes the list's `q` filter.
 */
import {
  Button,
  Collapse,
  Group,
  type GroupProps,
  Paper,
  SimpleGrid,
  TextInput,
  type TextInputProps,
} from '@mantine/core';
import { IconAdjustmentsHorizontal, IconSearch } from '@tabler/icons-react';
import type { ReactNode, Ref } from 'react';
import { useT } from '../i18n/I18nProvider';
import { useSearchText, type ListState } from '../lib/list';
import { useQueryState } from '../lib/router';

const MORE_STATE = { more: '' };

export function FilterBar({
  row,
  grid,
  more,
  align = 'flex-end',
  testId,
}: {
  /** The main filters, in one wrapping row. */
  row?: ReactNode;
  /** Further filters in a grid under the row. */
  grid?: ReactNode;
  /** The grid hides behind a toggle; `set` counts its filters that differ from the defaults. */
  more?: { set: number; id?: string };
  align?: GroupProps['align'];
  testId?: string;
}) {
  const t = useT();
  const [ui, setUi] = useQueryState(MORE_STATE);
  const open = ui.more === '1';
  const gridEl = grid && (
    <SimpleGrid cols={{ base: 1, sm: 3, xl: 6 }} spacing="sm" mt={row ? 'sm' : undefined}>
      {grid}
    </SimpleGrid>
  );
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      mb="md"
      component="section"
      aria-label={t('audit.filters')}
      data-testid={testId}
    >
      {row && (
        <Group gap="sm" align={align} wrap="wrap">
          {row}
          {more && (
            <Button
              variant={more.set > 0 ? 'light' : 'default'}
              leftSection={<IconAdjustmentsHorizontal size={16} />}
              onClick={() => setUi({ more: open ? '' : '1' })}
              aria-expanded={open}
              aria-controls={more.id}
              data-testid="more-filters"
            >
              {more.set > 0
                ? t('list.moreFiltersActive', { count: more.set })
                : t('list.moreFilters')}
            </Button>
          )}
        </Group>
      )}
      {more ? (
        <Collapse expanded={open} id={more.id}>
          {gridEl}
        </Collapse>
      ) : (
        gridEl
      )}
    </Paper>
  );
}

/** How many of `keys` differ from their defaults (the count on the "Filter lain" toggle). */
export function filtersSet<F extends Record<string, string>>(
  filters: F,
  defaults: F,
  keys: readonly (keyof F)[],
): number {
  return keys.filter((k) => filters[k] !== defaults[k]).length;
}

/** The list's search box: typed text is written to the `q` filter once it settles. */
export function SearchFilter({
  list,
  placeholder,
  label,
  testId,
  inputRef,
  flex = '1 1 240px',
  ...rest
}: {
  list: Pick<ListState<{ q: string }>, 'filters' | 'setFilters'>;
  placeholder: string;
  /** Read out; the placeholder's words are not a label. Default: "Cari". */
  label?: string;
  testId?: string;
  inputRef?: Ref<HTMLInputElement>;
  flex?: string;
} & Pick<TextInputProps, 'size' | 'description' | 'maw' | 'autoFocus'>) {
  const t = useT();
  const [q, setQ] = useSearchText(list.filters.q, (v) => list.setFilters({ q: v }));
  return (
    <TextInput
      ref={inputRef}
      aria-label={label ?? t('common.search')}
      placeholder={placeholder}
      leftSection={<IconSearch size={rest.size === 'md' ? 18 : 16} />}
      value={q}
      onChange={(e) => setQ(e.currentTarget.value)}
      style={{ flex }}
      data-testid={testId}
      {...rest}
    />
  );
}
