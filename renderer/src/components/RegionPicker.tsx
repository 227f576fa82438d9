/**
 * Pick a Kemendagri region by typing its name (≥ 3 letters) or the digits of its code.
 * The value is the region code; the selected region's full path is shown under the field.
 */
import { Badge, Combobox, Group, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCheck, IconMapPin } from '@tabler/icons-react';
import { useEffect, useId, useRef, useState } from 'react';
import type { Region, RegionLevel } from '../../../shared/contract/regions';
import { call, isRpcFailure } from '../api/rpc';
import { useT } from '../i18n/I18nProvider';
import { useFormat } from '../lib/format';

export interface RegionPickerProps {
  value: string | null;
  onChange: (code: string | null, region: Region | null) => void;
  label: string;
  description?: string;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  /** Only these levels (1 provinsi … 4 kelurahan/desa). */
  levels?: RegionLevel[];
  /** Only regions inside this code. */
  within?: string;
  placeholder?: string;
  'data-autofocus'?: boolean;
}

/** "Banjarbaru Utara, Kota Banjarbaru, Kalimantan Selatan": the region, then its parents upward. */
export function regionPath(region: Region): string {
  return [region.name, ...[...region.parents].reverse().map((p) => p.name)].join(', ');
}

function isSearchable(q: string): boolean {
  const s = q.trim();
  if (/^[\d.]+$/.test(s)) return s.replace(/\./g, '').length >= 2;
  return s.length >= 3;
}

export function RegionPicker(props: RegionPickerProps) {
  const { value, onChange, label, description, error, required, disabled, levels, within } = props;
  const t = useT();
  const fmt = useFormat();
  const inputId = useId();
  const [fetched, setFetched] = useState<Region | null>(null);
  const selected = value && fetched?.code === value ? fetched : null;
  const [search, setSearch] = useState('');
  const [typing, setTyping] = useState(false);
  const [results, setResults] = useState<Region[]>([]);
  const [loading, setLoading] = useState(false);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(search, 250);
  const requestNo = useRef(0);
  const levelsKey = levels?.join(',') ?? '';

  const combobox = useCombobox({
    onDropdownClose: () => combobox.resetSelectedOption(),
  });

  // Show the region for a code given from outside (initial value, form reset).
  useEffect(() => {
    if (!value || fetched?.code === value) return;
    let live = true;
    call('regions.get', { code: value }).then(
      (r) => {
        if (!live) return;
        setFetched(r);
        setSearch(r.name);
      },
      () => {
        // Unknown or not reachable yet (e.g. before sign-in): show the code itself.
        if (live) setSearch(value);
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  // Search as the user types (debounced); stale answers are dropped.
  useEffect(() => {
    if (!typing || !isSearchable(debounced)) return;
    const no = ++requestNo.current;
    const lv = levelsKey ? (levelsKey.split(',').map(Number) as RegionLevel[]) : undefined;
    Promise.resolve()
      .then(() => {
        setLoading(true);
        return call('regions.search', {
          q: debounced.trim(),
          ...(lv ? { levels: lv } : {}),
          ...(within ? { within } : {}),
          limit: 20,
        });
      })
      .then(
        (res) => {
          if (no !== requestNo.current) return;
          setResults(res.results);
          setSearchError(null);
          setLoading(false);
        },
        (e: unknown) => {
          if (no !== requestNo.current) return;
          setResults([]);
          setSearchError(isRpcFailure(e) ? fmt.error(e.error) : t('error.internal'));
          setLoading(false);
        },
      );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced, typing, levelsKey, within]);

  // New results: the first one is ready for Enter.
  useEffect(() => {
    if (results.length > 0) combobox.selectFirstOption();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [results]);

  const pick = (code: string) => {
    const region = results.find((r) => r.code === code) ?? null;
    if (!region) return;
    setFetched(region);
    setSearch(region.name);
    setTyping(false);
    combobox.closeDropdown();
    onChange(region.code, region);
  };

  const restore = () => {
    setTyping(false);
    if (!search.trim() && !required) {
      onChange(null, null);
      return;
    }
    setSearch(selected ? selected.name : (value ?? ''));
  };

  const searchable = isSearchable(search);
  const waiting = typing && searchable && (loading || debounced !== search);
  let empty: string | null = null;
  if (!searchable) empty = t('region.picker.typeMore');
  else if (searchError) empty = searchError;
  else if (waiting && results.length === 0) empty = t('region.picker.searching');
  else if (results.length === 0) empty = t('region.picker.nothing');

  const options = searchable
    ? results.map((r) => (
        <Combobox.Option value={r.code} key={r.code} active={r.code === value}>
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} truncate>
                {r.name}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {r.parents.length
                  ? [...r.parents]
                      .reverse()
                      .map((p) => p.name)
                      .join(', ')
                  : ' '}
              </Text>
            </div>
            <Group gap={6} wrap="nowrap">
              <Text size="xs" c="dimmed" ff="monospace">
                {r.code}
              </Text>
              {r.code === value && <IconCheck size={14} aria-hidden />}
              <Badge size="sm" variant="light" color="gray" tt="none">
                {t(`region.level.${r.level}`)}
              </Badge>
            </Group>
          </Group>
        </Combobox.Option>
      ))
    : [];

  const pathText = selected
    ? `${regionPath(selected)} · ${t(`region.level.${selected.level}`)} · ${t('region.code', { code: selected.code })}`
    : value
      ? t('region.code', { code: value })
      : undefined;

  return (
    <Combobox store={combobox} onOptionSubmit={pick} withinPortal keepMounted={false}>
      <Combobox.Target>
        <TextInput
          id={inputId}
          label={label}
          required={required}
          disabled={disabled}
          error={error}
          data-autofocus={props['data-autofocus']}
          placeholder={props.placeholder ?? t('region.picker.placeholder')}
          leftSection={<IconMapPin size={16} />}
          rightSection={loading ? <Loader size={16} /> : <Combobox.Chevron />}
          rightSectionPointerEvents="none"
          autoComplete="off"
          value={search}
          description={
            <>
              {description && <span>{description} </span>}
              {pathText && <span data-testid="region-path">{pathText}</span>}
            </>
          }
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setTyping(true);
            combobox.openDropdown();
          }}
          onClick={() => combobox.openDropdown()}
          onFocus={(e) => {
            e.currentTarget.select();
            combobox.openDropdown();
          }}
          onBlur={() => {
            combobox.closeDropdown();
            restore();
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!typing && results.length === 0}>
        <Combobox.Options mah={320} style={{ overflowY: 'auto' }}>
          {options}
          {empty && <Combobox.Empty>{empty}</Combobox.Empty>}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
