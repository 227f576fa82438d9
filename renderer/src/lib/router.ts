/** Hash routing without a library: works from app:// and http:// alike, and survives a reload. */
import { useSyncExternalStore } from 'react';

function currentPath(): string {
  const raw = window.location.hash.replace(/^#/, '');
  const path = raw.split('?')[0] ?? '';
  if (!path || path === '/') return '/';
  return (path.startsWith('/') ? path : '/' + path).replace(/\/+$/, '');
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): string {
  return useSyncExternalStore(subscribe, currentPath, () => '/');
}

export function navigate(path: string): void {
  const target = '#' + path;
  if (window.location.hash !== target) window.location.hash = target;
}

export function href(path: string): string {
  return '#' + path;
}
