/**
 * The small reads handlers make around a write: does the room the form names exist, is this name
 * taken by another shelter, which rows hang off these parents. Typed by table and column, so a
 * misspelt column fails the type check; one place instead of a hand-built query per handler.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { fieldError } from '../errors';
import type { DB } from './schema';

type Table = keyof DB & string;
type Row<T extends Table> = Selectable<DB[T]>;
/** Column values a row must have; `null` matches an empty column (`IS NULL`). */
export type Match<T extends Table> = Partial<Row<T>>;

// Kysely cannot follow a table name chosen by a type parameter through its builders; the
// exported signatures stay exact and the casts stay in this file (as in tracked.ts).
type LooseDb = Kysely<Record<string, Record<string, unknown>>>;
const loose = (db: Kysely<DB>) => db as unknown as LooseDb;

function matching<T extends Table>(db: Kysely<DB>, table: T, match: Match<T>) {
  let q = loose(db).selectFrom(table).selectAll();
  for (const [column, value] of Object.entries(match))
    q = value === null ? q.where(column, 'is', null) : q.where(column, '=', value);
  return q;
}

/** The first row of `table` with these column values, or undefined. */
export async function findRow<T extends Table>(
  db: Kysely<DB>,
  table: T,
  match: Match<T>,
): Promise<Row<T> | undefined> {
  return (await matching(db, table, match).executeTakeFirst()) as Row<T> | undefined;
}

/**
 * The row with this id, which a form referred to in `field`; gone (or never there) is that
 * field's error, so the form marks it.
 */
export async function requireRow<T extends Table>(
  db: Kysely<DB>,
  table: T,
  id: string,
  field: string,
): Promise<Row<T>> {
  const row = await findRow(db, table, { id } as Match<T>);
  if (!row) throw fieldError([field], 'error.not_found');
  return row;
}

/**
 * Another row holding values that must be unique (a name, a label, a username): the row being
 * edited (`exceptId`) does not count against itself.
 */
export async function takenBy<T extends Table>(
  db: Kysely<DB>,
  table: T,
  match: Match<T>,
  exceptId?: string | null,
): Promise<Row<T> | undefined> {
  let q = matching(db, table, match);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) as Row<T> | undefined;
}

/** Every row whose `column` is one of `values` (children of these parents), in `orderBy` order. */
export async function rowsIn<T extends Table, C extends keyof Row<T> & string>(
  db: Kysely<DB>,
  table: T,
  column: C,
  values: readonly Row<T>[C][],
  orderBy: keyof Row<T> & string,
): Promise<Row<T>[]> {
  if (values.length === 0) return [];
  return (await loose(db)
    .selectFrom(table)
    .selectAll()
    .where(column as string, 'in', values as unknown[])
    .orderBy(orderBy)
    .execute()) as Row<T>[];
}

/**
 * A record's timeline rows from its `*_events` table with the author's name, in the order they
 * were written (events of one call share a time; the row order keeps them in sequence).
 */
export async function eventsOf<T extends Table, C extends keyof Row<T> & string>(
  db: Kysely<DB>,
  table: T,
  column: C,
  id: string,
): Promise<(Row<T> & { user_name: string | null })[]> {
  const { rows } = await sql<Row<T> & { user_name: string | null }>`
    SELECT e.*, u.full_name AS user_name
    FROM ${sql.table(table)} AS e LEFT JOIN users AS u ON u.id = e.user_id
    WHERE ${sql.ref(`e.${column}`)} = ${id}
    ORDER BY e.at, e.rowid`.execute(db);
  return rows;
}
