/**
 * The people list's page of persons.search: the ranked matches of search.ts cut into pages
 * (or sorted by name first), and without a query everyone, newest record first or by name.
 */
import { sql, type Kysely } from 'kysely';
import { PERSON_SEARCH_CAP, type PERSON_SORTS } from '../../../shared/contract/persons';
import type { DB } from '../db/schema';
import { searchPersonIds } from './search';

export interface ListPageQuery {
  q: string;
  limit: number;
  page: number;
  sort: (typeof PERSON_SORTS)[number];
  includeMerged: boolean;
  currentYear: number;
}

/** The ids of one page, in order, and how many there are in all. */
export async function personIdsPage(
  db: Kysely<DB>,
  query: ListPageQuery,
): Promise<{ ids: string[]; total: number }> {
  const offset = (query.page - 1) * query.limit;
  if (!query.q) return everyone(db, query, offset);
  // The whole ranked set, so that page 2 follows page 1 and a sort by name covers every match.
  const ranked = await searchPersonIds(db, { ...query, limit: PERSON_SEARCH_CAP });
  const ordered = query.sort === 'relevance' ? ranked : await byName(db, ranked, query.sort);
  return { ids: ordered.slice(offset, offset + query.limit), total: ranked.length };
}

async function everyone(db: Kysely<DB>, query: ListPageQuery, offset: number) {
  let base = db.selectFrom('persons');
  if (!query.includeMerged) base = base.where('merged_into', 'is', null);
  const { total } = await base
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const ordered =
    query.sort === 'relevance'
      ? base.orderBy(sql`rowid`, 'desc')
      : base.orderBy('name_key', query.sort === 'name' ? 'asc' : 'desc').orderBy('id');
  const rows = await ordered.select('id').limit(query.limit).offset(offset).execute();
  return { ids: rows.map((r) => r.id), total: Number(total) };
}

async function byName(db: Kysely<DB>, ids: string[], sort: 'name' | 'name_desc') {
  if (ids.length === 0) return ids;
  const rows = await db
    .selectFrom('persons')
    .select('id')
    .where('id', 'in', ids)
    .orderBy('name_key', sort === 'name' ? 'asc' : 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}
