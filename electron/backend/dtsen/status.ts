/**
 * A person's DTSEN status: registered in a list when one of its rows matched them (by NIK, by
 * the matcher, or confirmed by a person), with that row's desil and programmes; otherwise not
 * found in it. Every imported list stays, so the statuses of older lists are the history.
 */
import { sql, type Kysely } from 'kysely';
import type { PersonLinks } from '../../../shared/contract/persons';
import { DTSEN_MATCHED, DTSEN_PROGRAMS, type DtsenProgram } from '../../../shared/reference/dtsen';
import type { DB } from '../db/schema';

type Status = NonNullable<NonNullable<PersonLinks['dtsen']>['latest']>;

const isProgram = (v: unknown): v is DtsenProgram =>
  (DTSEN_PROGRAMS as readonly unknown[]).includes(v);

export function parsePrograms(json: string): DtsenProgram[] {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter(isProgram) : [];
}

/** The newest list (by its date, then by when it was imported), or undefined. */
export async function latestList(db: Kysely<DB>) {
  return db
    .selectFrom('dtsen_lists')
    .select(['id', 'list_date'])
    .orderBy('list_date', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The person's status in every list, newest first. */
export async function statusHistory(db: Kysely<DB>, personId: string): Promise<Status[]> {
  const lists = await db
    .selectFrom('dtsen_lists as l')
    .leftJoin('dtsen_rows as r', (j) =>
      j
        .onRef('r.list_id', '=', 'l.id')
        .on('r.person_id', '=', personId)
        .on('r.match', 'in', DTSEN_MATCHED),
    )
    .select(['l.id', 'l.list_date', 'r.id as row_id', 'r.desil', 'r.programs'])
    .orderBy('l.list_date', 'desc')
    .orderBy('l.created_at', 'desc')
    .execute();
  return lists.map((l) => ({
    listId: l.id,
    listDate: l.list_date,
    registered: l.row_id !== null,
    desil: l.desil ?? null,
    programs: l.programs ? parsePrograms(l.programs) : [],
  }));
}

/** Of `personIds`, those registered in list `listId`. */
export async function registeredIn(
  db: Kysely<DB>,
  listId: string,
  personIds: readonly string[],
): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < personIds.length; i += 500) {
    const rows = await db
      .selectFrom('dtsen_rows')
      .select('person_id')
      .where('list_id', '=', listId)
      .where('match', 'in', DTSEN_MATCHED)
      .where('person_id', 'in', personIds.slice(i, i + 500))
      .execute();
    for (const r of rows) if (r.person_id) out.add(r.person_id);
  }
  return out;
}

/** SQL: the person `column` is registered in list `listId`. */
export function registeredSql(listId: string, column: string) {
  return sql<boolean>`EXISTS (SELECT 1 FROM dtsen_rows r WHERE r.list_id = ${listId}
    AND r.person_id = ${sql.ref(column)} AND r.match IN ('nik', 'matcher', 'confirmed'))`;
}
