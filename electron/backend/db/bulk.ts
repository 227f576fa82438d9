/**
 * Many rows into one table with few statements: an applied packet or the audit entries of a
 * large call. Kysely's builder compiles every value it is given, which costs more than SQLite
 * spends writing the row; here the SQL is written once per chunk and the values bound as they are.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import type { DB } from './schema';

/** SQLite binds at most 32,766 values per statement; chunks stay well below. */
const MAX_PARAMS = 8000;
const MAX_ROWS = 500;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Inserts `rows` into `table` in order. Rows with the same columns share statements; a column
 * left undefined is left out (its default applies), as in Kysely's insert.
 */
export async function insertRows(
  db: Kysely<DB>,
  table: string,
  list: readonly object[],
  /** SQL after the values, e.g. an ON CONFLICT clause (written by the caller, never input). */
  tail = '',
): Promise<void> {
  const rows = list as readonly Record<string, unknown>[];
  let i = 0;
  while (i < rows.length) {
    const columns = Object.keys(rows[i]!).filter((k) => rows[i]![k] !== undefined);
    const signature = columns.join('\u0000');
    const limit = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / columns.length)));
    const params: unknown[] = [];
    let n = 0;
    for (; i < rows.length && n < limit; i++, n++) {
      const row = rows[i]!;
      const own = Object.keys(row).filter((k) => row[k] !== undefined);
      if (n > 0 && own.join('\u0000') !== signature) break;
      for (const c of columns) params.push(row[c]);
    }
    const one = `(${columns.map(() => '?').join(', ')})`;
    const text = `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${Array(n)
      .fill(one)
      .join(', ')}${tail ? ` ${tail}` : ''}`;
    await db.executeQuery(CompiledQuery.raw(text, params));
  }
}
