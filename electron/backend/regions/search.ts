import { sql, type Kysely } from 'kysely';
import type { Region, RegionLevel } from '../../../shared/contract/regions';
import { findRow } from '../db/lookup';
import type { DB } from '../db/schema';
import { ancestorCodes, levelOf, normalizeRegionName } from './normalize';

interface Hit {
  code: string;
  name: string;
  level: number;
}

export interface RegionQuery {
  q: string;
  levels?: RegionLevel[];
  within?: string;
  limit: number;
  /** Province code whose regions rank first among equals (the office's own, e.g. 63). */
  prefer?: string;
}

/** Attaches each hit's ancestors (province first) with one query for all of them. */
export async function withParents(db: Kysely<DB>, hits: Hit[]): Promise<Region[]> {
  const codes = [...new Set(hits.flatMap((h) => ancestorCodes(h.code)))];
  const names = new Map<string, string>();
  if (codes.length > 0) {
    const rows = await db
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('code', 'in', codes)
      .execute();
    for (const r of rows) names.set(r.code, r.name);
  }
  return hits.map((h) => ({
    code: h.code,
    name: h.name,
    level: h.level as RegionLevel,
    parents: ancestorCodes(h.code)
      .filter((c) => names.has(c))
      .map((c) => ({ code: c, name: names.get(c)!, level: levelOf(c) })),
  }));
}

/**
 * Finds regions by part of a name or by code. Terms of 3+ letters go through the trigram
 * index; shorter input uses a prefix range on the name index, never a full scan.
 */
export async function searchRegions(db: Kysely<DB>, query: RegionQuery): Promise<Region[]> {
  const raw = query.q.trim();
  const filters = [];
  if (query.levels && query.levels.length > 0)
    filters.push(sql`r.level IN (${sql.join(query.levels)})`);
  if (query.within) {
    filters.push(
      sql`(r.code = ${query.within} OR (r.code > ${query.within + '.'} AND r.code < ${query.within + '/'}))`,
    );
  }
  const where = filters.length > 0 ? sql` AND ${sql.join(filters, sql` AND `)}` : sql``;

  let hits: Hit[];
  if (/^\d{1,2}(\.[\d.]*)?$/.test(raw)) {
    const rows = await sql<Hit>`SELECT r.code, r.name, r.level FROM regions r
      WHERE r.code >= ${raw} AND r.code < ${raw + '~'}${where}
      ORDER BY r.level, r.code LIMIT ${query.limit}`.execute(db);
    hits = rows.rows;
  } else {
    const norm = normalizeRegionName(raw);
    if (norm === '') return [];
    const terms = norm.split(' ').filter((t) => t.length >= 3);
    if (terms.length > 0) {
      const match = terms.map((t) => `"${t}"`).join(' AND ');
      const rows = await sql<Hit>`SELECT r.code, r.name, r.level FROM regions_fts f
        JOIN regions r ON r.rowid = f.rowid
        WHERE regions_fts MATCH ${match}${where}
        ORDER BY CASE
            WHEN r.name_norm IN (${norm}, ${'kota ' + norm}, ${'kabupaten ' + norm}) THEN 0
            WHEN r.name_norm LIKE ${norm + '%'} THEN 1
            WHEN ' ' || r.name_norm || ' ' LIKE ${'% ' + norm + ' %'} THEN 2
            ELSE 3 END,
          (substr(r.code, 1, 2) = ${query.prefer ?? ''}) DESC,
          r.level, length(r.name), r.name
        LIMIT ${query.limit}`.execute(db);
      hits = rows.rows;
    } else {
      const rows = await sql<Hit>`SELECT r.code, r.name, r.level FROM regions r
        WHERE r.name_norm >= ${norm} AND r.name_norm < ${norm + '\uffff'}${where}
        ORDER BY r.level, length(r.name), r.name LIMIT ${query.limit}`.execute(db);
      hits = rows.rows;
    }
  }
  return withParents(db, hits);
}

export async function getRegion(db: Kysely<DB>, code: string): Promise<Region | undefined> {
  const row = await db
    .selectFrom('regions')
    .select(['code', 'name', 'level'])
    .where('code', '=', code)
    .executeTakeFirst();
  return row ? (await withParents(db, [row]))[0] : undefined;
}

export async function regionName(db: Kysely<DB>, code: string): Promise<string | null> {
  return (await findRow(db, 'regions', { code }))?.name ?? null;
}
