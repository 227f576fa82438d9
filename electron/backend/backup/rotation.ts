/**
 * Which backups rotation keeps: every one of the last day, the newest of each of the last
 * `daily` days, `weekly` weeks (Monday first) and `monthly` months that have one, in the office's
 * time zone. Safety copies (made before a restore) are not rotated here: the newest few are kept.
 */
import { dayInZone } from '../../../shared/time';
import type { Manifest } from './manifest';

export interface RotationPolicy {
  daily: number;
  weekly: number;
  monthly: number;
  /** Everything this recent (before the newest) is kept too: a day's backups, and the one just restored from. */
  recentMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_POLICY: RotationPolicy = { daily: 7, weekly: 4, monthly: 12 };
export const SAFETY_COPIES_KEPT = 3;

/** The Monday of the week `date` (YYYY-MM-DD) falls in. */
function weekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/** Names of the backups to remove; `backups` in any order. */
export function toRemove(
  backups: readonly Manifest[],
  policy: RotationPolicy,
  timeZone: string,
): string[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const keep = new Set<string>();
  const regular = newestFirst.filter((m) => m.kind !== 'safety');
  const newest = regular[0] ? Date.parse(regular[0].createdAt) : 0;
  for (const m of regular)
    if (newest - Date.parse(m.createdAt) < (policy.recentMs ?? DAY_MS)) keep.add(m.name);
  const buckets: [number, (date: string) => string][] = [
    [policy.daily, (d) => d],
    [policy.weekly, weekOf],
    [policy.monthly, (d) => d.slice(0, 7)],
  ];
  for (const [count, bucketOf] of buckets) {
    const seen = new Set<string>();
    for (const m of regular) {
      const bucket = bucketOf(dayInZone(m.createdAt, timeZone));
      if (seen.has(bucket)) continue;
      if (seen.size >= count) break;
      seen.add(bucket);
      keep.add(m.name);
    }
  }
  newestFirst
    .filter((m) => m.kind === 'safety')
    .slice(0, SAFETY_COPIES_KEPT)
    .forEach((m) => keep.add(m.name));
  return newestFirst.filter((m) => !keep.has(m.name)).map((m) => m.name);
}
