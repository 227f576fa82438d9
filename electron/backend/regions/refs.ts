import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { ancestorCodes } from './normalize';

/** A region as records show it: code, name and the full path, finest first. */
export interface RegionRef {
  code: string;
  name: string;
  path: string;
}

/** Looks up many regions with their ancestors in one query. */
export async function regionRefs(
  db: Kysely<DB>,
  codes: Iterable<string | null | undefined>,
): Promise<Map<string, RegionRef>> {
  const wanted = new Set<string>();
  for (const c of codes) if (c) wanted.add(c);
  const all = new Set<string>();
  for (const c of wanted) {
    all.add(c);
    for (const a of ancestorCodes(c)) all.add(a);
  }
  const out = new Map<string, RegionRef>();
  if (all.size === 0) return out;
  const rows = await db
    .selectFrom('regions')
    .select(['code', 'name'])
    .where('code', 'in', [...all])
    .execute();
  const names = new Map(rows.map((r) => [r.code, r.name]));
  for (const c of wanted) {
    const name = names.get(c);
    if (!name) continue;
    const path = [c, ...ancestorCodes(c).reverse()]
      .map((x) => names.get(x))
      .filter(Boolean)
      .join(', ');
    out.set(c, { code: c, name, path });
  }
  return out;
}

/** The kabupaten/kota part of a region code (63.72.01.1001 → 63.72), or null for a province. */
export function regencyOf(code: string | null): string | null {
  if (!code) return null;
  const parts = code.split('.');
  return parts.length >= 2 ? `${parts[0]}.${parts[1]}` : null;
}
