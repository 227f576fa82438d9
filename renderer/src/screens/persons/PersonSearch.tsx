/**
 * The one search box for people (persons.search): debounced, Enter opens the first result,
 * arrow keys move through the results. Picks a person for check-in, a complaint and the merge
 * tool; the people list itself is a DataList over the same method (PersonsPage).
 */
import { Badge, Group, Loader, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import type { PersonSummary } from '../../../../shared/contract/persons';
import { call } from '../../api/rpc';
import { useT } from '../../i18n/I18nProvider';
import { useFailureHandler } from '../../lib/failures';
import { href } from '../../lib/router';
import { tn } from '../shelter/labels';
import './persons.css';
import { IdentityBadge, LastStayText, PersonLines } from './PersonFacts';

export interface PersonSearchProps {
  /** Enter on the box, or a click on a result. */
  onOpen: (person: PersonSummary) => void;
  /** 'link': results are links to the person page; 'pick': results are buttons. */
  mode?: 'link' | 'pick';
  autoFocus?: boolean;
  label?: string;
  /** Shown under the results (e.g. "add a new person"). */
  footer?: ReactNode;
  excludeIds?: string[];
  limit?: number;
  /** Told what is typed (e.g. to prefill a new person's name). */
  onQueryChange?: (q: string) => void;
}

export function PersonSearch({
  onOpen,
  mode = 'link',
  autoFocus,
  label,
  footer,
  excludeIds,
  limit = 20,
  onQueryChange,
}: PersonSearchProps) {
  const t = useT();
  const handle = useFailureHandler();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const [answer, setAnswer] = useState<{ q: string; results: PersonSummary[] } | null>(null);
  const [loading, setLoading] = useState(false);
  const requestNo = useRef(0);
  const rows = useRef<(HTMLElement | null)[]>([]);
  const input = useRef<HTMLInputElement>(null);

  const search = async (query: string): Promise<PersonSummary[] | null> => {
    const no = ++requestNo.current;
    setLoading(true);
    try {
      const res = await call('persons.search', { q: query, limit });
      if (no !== requestNo.current) return null;
      const results = res.results.filter((r) => !excludeIds?.includes(r.id));
      setAnswer({ q: query, results });
      return results;
    } catch (e) {
      if (no === requestNo.current) handle(e);
      return null;
    } finally {
      if (no === requestNo.current) setLoading(false);
    }
  };

  useEffect(() => {
    const query = debounced.trim();
    if (!query) {
      requestNo.current++;
      Promise.resolve().then(() => {
        setAnswer(null);
        setLoading(false);
      });
      return;
    }
    void Promise.resolve().then(() => search(query));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const results = answer && answer.q === q.trim() ? answer.results : (answer?.results ?? []);

  const onKey = async (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      const query = q.trim();
      if (!query) return;
      const list = answer && answer.q === query ? answer.results : await search(query);
      if (list && list[0]) onOpen(list[0]);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      rows.current[0]?.focus();
    }
  };

  const onRowKey = (e: KeyboardEvent<HTMLElement>, i: number) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      rows.current[i + 1]?.focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (i === 0) input.current?.focus();
      else rows.current[i - 1]?.focus();
    }
  };

  const showEmpty = answer !== null && answer.q === q.trim() && results.length === 0 && !loading;

  return (
    <Stack gap="sm">
      <TextInput
        ref={input}
        size="md"
        label={label}
        aria-label={label ? undefined : t('person.search.label')}
        placeholder={t('person.search.placeholder')}
        description={t('person.search.hint')}
        leftSection={<IconSearch size={18} />}
        rightSection={loading ? <Loader size={16} /> : null}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          onQueryChange?.(e.currentTarget.value);
        }}
        onKeyDown={(e) => void onKey(e)}
        autoFocus={autoFocus}
        data-autofocus={autoFocus || undefined}
        autoComplete="off"
        spellCheck={false}
        data-testid="person-search"
      />
      {results.length > 0 && (
        <Text size="xs" c="dimmed" aria-live="polite">
          {tn(t, 'person.search.count', results.length, { count: results.length })}
        </Text>
      )}
      {showEmpty && (
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="person-search-empty">
          {t('person.search.empty', { q: q.trim() })}
        </Text>
      )}
      <Stack gap={6} data-testid="person-results">
        {results.map((p, i) => (
          <ResultRow
            key={p.id}
            person={p}
            mode={mode}
            first={i === 0}
            innerRef={(el) => {
              rows.current[i] = el;
            }}
            onKeyDown={(e) => onRowKey(e, i)}
            onOpen={() => onOpen(p)}
          />
        ))}
      </Stack>
      {footer}
    </Stack>
  );
}

function ResultRow({
  person: p,
  mode,
  first,
  innerRef,
  onKeyDown,
  onOpen,
}: {
  person: PersonSummary;
  mode: 'link' | 'pick';
  first: boolean;
  innerRef: (el: HTMLElement | null) => void;
  onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
  onOpen: () => void;
}) {
  const t = useT();
  const common = {
    ref: innerRef,
    onKeyDown,
    className: 'pelita-result',
    'data-testid': 'person-result',
    'data-first': first || undefined,
  };
  const body = (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
      <PersonLines
        person={p}
        name={
          <Text fw={700} c="var(--mantine-color-anchor)">
            {p.fullName}
          </Text>
        }
      />
      <Stack gap={6} align="flex-end" style={{ flexShrink: 0 }} maw={320}>
        <IdentityBadge status={p.identityStatus} />
        <LastStayText lastStay={p.lastStay} />
        {mode === 'pick' && (
          <Badge variant="filled" size="md" tt="none">
            {t('person.search.pick')}
          </Badge>
        )}
      </Stack>
    </Group>
  );
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component={mode === 'link' ? 'a' : 'button'}
      {...(mode === 'link'
        ? {
            href: href(`/persons/${p.id}`),
            onClick: (e: MouseEvent) => {
              e.preventDefault();
              onOpen();
            },
          }
        : { type: 'button', onClick: onOpen })}
      {...common}
    >
      {body}
    </Paper>
  );
}
