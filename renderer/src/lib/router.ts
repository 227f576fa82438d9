/**
 * The one router: hash based, so it works from app:// and http:// alike and survives a reload.
 * `#/complaints/<id>?tab=log` is a path (matched against a route table with typed params) and a
 * query (read and written through `useQueryParams`/`useQueryState`, so list filters live in the
 * address and Back, Forward and reload keep them).
 */
import { useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { MethodName } from '../../../shared/contract';

// ---- The address ---------------------------------------------------------------------------

const listeners = new Set<() => void>();

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
  };
}

const currentHash = () => window.location.hash;

function splitHash(hash: string): { path: string; query: string } {
  const raw = hash.replace(/^#/, '');
  const i = raw.indexOf('?');
  const path = i >= 0 ? raw.slice(0, i) : raw;
  return { path: normalisePath(path), query: i >= 0 ? raw.slice(i + 1) : '' };
}

function normalisePath(path: string): string {
  if (!path || path === '/') return '/';
  return (path.startsWith('/') ? path : '/' + path).replace(/\/+$/, '');
}

/** The current path, without the query: `/complaints/…`. */
export function useRoute(): string {
  const hash = useSyncExternalStore(subscribe, currentHash, () => '');
  return splitHash(hash).path;
}

/** The query of the current address as a plain record; a new object only when it changes. */
export function useQueryParams(): Readonly<Record<string, string>> {
  const hash = useSyncExternalStore(subscribe, currentHash, () => '');
  const query = splitHash(hash).query;
  return useMemo(() => Object.fromEntries(new URLSearchParams(query)), [query]);
}

/** `path?key=value&…`, skipping empty values. */
export function withQuery(path: string, params: Record<string, string | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** An `href` for links: `#/path?query`. */
export function href(path: string, params?: Record<string, string | null | undefined>): string {
  return '#' + (params ? withQuery(path, params) : path);
}

/**
 * Goes to `path` (which may carry a query). `replace` rewrites the current history entry, for
 * address changes that are not a new place to go back to (a list's filters, a closed notice).
 */
export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  const target = '#' + path;
  if (window.location.hash === target) return;
  if (opts.replace) {
    window.history.replaceState(window.history.state, '', target);
    for (const l of listeners) l();
  } else {
    window.location.hash = target;
  }
}

/**
 * Query values with defaults: absent keys read as their default and values equal to the default
 * are left out of the address, so a list opened from the menu has a clean address. `set`
 * replaces the current history entry (no entry per keystroke or filter).
 */
export function useQueryState<T extends Record<string, string>>(
  defaults: T,
): [T, (patch: Partial<T>) => void] {
  const params = useQueryParams();
  const route = useRoute();
  const values = useMemo(() => {
    const out = { ...defaults };
    for (const k of Object.keys(defaults) as (keyof T & string)[]) {
      const v = params[k];
      if (v !== undefined) out[k] = v as T[typeof k];
    }
    return out;
    // `defaults` is a module constant at every call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params]);
  const set = (patch: Partial<T>) => {
    // Read the address afresh: several updates may happen before the next render.
    const { path, query } = splitHash(window.location.hash);
    if (path !== route) return;
    const next = Object.fromEntries(new URLSearchParams(query));
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) continue;
      if (v === '' || v === defaults[k]) delete next[k];
      else next[k] = v;
    }
    navigate(withQuery(path, next), { replace: true });
  };
  return [values, set];
}

// ---- Route tables --------------------------------------------------------------------------

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** `'/complaints/:id/edit'` → `{ id: string }`. */
export type RouteParams<P extends string> = { [K in ParamNames<P>]: string };

export interface Route {
  pattern: string;
  /** The backend method the page exists for; a user who may not call it gets no page. */
  needs?: MethodName;
  match: (path: string) => Record<string, string> | null;
  render: (params: Record<string, string>) => ReactNode;
}

/** A parameter named `id` or ending in `Id` is a record id (UUID); any other is one segment. */
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * One entry of a route table: `route('/persons/:id', ({ id }) => <PersonPage id={id} />,
 * 'persons.get')`, the last argument naming the method whose access the page requires.
 */
export function route<P extends string>(
  pattern: P,
  render: (params: RouteParams<P>) => ReactNode,
  needs?: MethodName,
): Route {
  const names: string[] = [];
  const source = pattern
    .split('/')
    .map((part) => {
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const name = part.slice(1);
      names.push(name);
      return name === 'id' || name.endsWith('Id') ? `(${UUID})` : '([^/]+)';
    })
    .join('/');
  const re = new RegExp(`^${source}$`, 'i');
  return {
    pattern,
    needs,
    match(path) {
      const m = re.exec(path);
      if (!m) return null;
      return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
    },
    render: render as (params: Record<string, string>) => ReactNode,
  };
}

export type RouteOutcome =
  { kind: 'page'; page: ReactNode } | { kind: 'denied'; route: Route } | { kind: 'notFound' };

/**
 * What `path` shows: the page of the first route that matches, or `denied` when that route needs
 * a method `can` refuses (the page is not rendered at all, so no form to fill in and be refused
 * on save), or `notFound`.
 */
export function resolveRoute(
  routes: readonly Route[],
  path: string,
  can: (method: MethodName) => boolean,
): RouteOutcome {
  for (const r of routes) {
    const params = r.match(path);
    if (!params) continue;
    if (r.needs && !can(r.needs)) return { kind: 'denied', route: r };
    return { kind: 'page', page: r.render(params) };
  }
  return { kind: 'notFound' };
}
