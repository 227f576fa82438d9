/** The query part of the hash (`#/complaints?status=open`), read reactively and kept in step. */
import { useMemo, useSyncExternalStore } from 'react';

function currentQuery(): string {
  const raw = window.location.hash;
  const i = raw.indexOf('?');
  return i >= 0 ? raw.slice(i + 1) : '';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHashQuery(): Record<string, string> {
  const q = useSyncExternalStore(subscribe, currentQuery, () => '');
  return useMemo(() => Object.fromEntries(new URLSearchParams(q)), [q]);
}

/** `path?key=value&…`, skipping empty values. */
export function withQuery(path: string, params: Record<string, string | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/**
 * Rewrites the address without a new history entry or a hashchange: the list keeps its filters
 * in the address, so Back from a complaint returns to the same page of the same list.
 */
export function replaceHash(path: string): void {
  const target = '#' + path;
  if (window.location.hash !== target) window.history.replaceState(null, '', target);
}
