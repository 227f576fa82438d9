/**
 * Whom to propose for DTSEN registration (usulan, through SIKS-NG): people of the city in the
 * registry who stayed in the shelter or were found as PPKS in the last twelve months and are not
 * registered in the latest list. Only the city's own residents: another regency proposes its own.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { officeCity } from '../kelurahan/scope';
import { latestList, registeredSql } from './status';

const WINDOW_DAYS = 365;

function proposalQuery(db: Kysely<DB>, since: string, city: string, listId: string | null) {
  const recent = db
    .selectFrom('stays')
    .select(['person_id', sql<string>`'stay'`.as('reason')])
    .where((eb) => eb.or([eb('checkin_at', '>=', since), eb('checkout_at', 'is', null)]))
    .union(
      db
        .selectFrom('findings')
        .select([sql<string>`person_id`.as('person_id'), sql<string>`'finding'`.as('reason')])
        .where('person_id', 'is not', null)
        .where('found_at', '>=', since),
    );
  let q = db
    .selectFrom(recent.as('x'))
    .innerJoin('persons as p', 'p.id', 'x.person_id')
    .leftJoin('regions as v', 'v.code', 'p.village_code')
    .where('p.merged_into', 'is', null)
    .where('p.village_code', 'like', `${city}.%`);
  if (listId) q = q.where(sql<boolean>`NOT ${registeredSql(listId, 'p.id')}`);
  return q;
}

export async function proposalPage(
  db: Kysely<DB>,
  now: Date,
  page: { page: number; pageSize: number },
) {
  const list = await latestList(db);
  const since = new Date(now.getTime() - WINDOW_DAYS * 86_400_000).toISOString();
  const q = proposalQuery(db, since, await officeCity(db), list?.id ?? null);
  const total = Number(
    (
      await q
        .select((eb) => eb.fn.count<number>('p.id').distinct().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const rows = await q
    .select([
      'p.id',
      'p.full_name as fullName',
      'p.nik',
      'p.birth_date as birthDate',
      'p.address',
      'v.name as village',
      sql<'stay' | 'finding'>`min(x.reason)`.as('reason'),
    ])
    .groupBy('p.id')
    .orderBy('p.full_name')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { listDate: list?.list_date ?? null, people: rows, total, ...page };
}
