/**
 * The content hash of a domain row as Pelita last wrote it. Each audited write of a tracked
 * row stores it (audit_log.row_table/row_hash), so verify can recompute it from the row as it
 * is now and list rows changed outside Pelita (a NIK or a confidential flag edited in the file).
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';

/**
 * Columns Pelita changes outside audited writes of the row (the name index after a spelling
 * rule changes, the copy of a person's origin on their stays, sign-in bookkeeping that the
 * sign-in's own entry records): left out of the hash.
 */
const DERIVED: Record<string, readonly string[]> = {
  persons: ['search_names', 'search_origin', 'name_key', 'match_keys'],
  stays: ['origin_regency'],
  users: ['failed_attempts', 'locked_until', 'last_login_at'],
};

/** The hash stored for a row that no longer exists (a real delete). */
export const ROW_GONE = 'gone';

/** SHA-256 over the row's columns in name order, values as SQLite returns them. */
export function rowHash(table: string, row: Record<string, unknown> | undefined): string {
  if (!row) return ROW_GONE;
  const fields = hashedKeys(table, row).map((k) => {
    const v = row[k];
    return [k, Buffer.isBuffer(v) ? v.toString('base64') : (v ?? null)];
  });
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

// The hashed column names of the last row seen per table: rows of one query share them, so a
// large audited write sorts them once.
const lastKeys = new Map<string, { all: string[]; hashed: string[] }>();

function hashedKeys(table: string, row: Record<string, unknown>): string[] {
  const all = Object.keys(row);
  const known = lastKeys.get(table);
  if (known && known.all.length === all.length && known.all.every((k, i) => k === all[i]))
    return known.hashed;
  const skip = DERIVED[table] ?? [];
  const hashed = all.filter((k) => !skip.includes(k)).sort();
  lastKeys.set(table, { all, hashed });
  return hashed;
}

/** The hash of `table`'s row `id` as it is now, in the caller's transaction. */
export async function currentRowHash(db: Kysely<DB>, table: string, id: unknown): Promise<string> {
  const { rows } = await sql<Record<string, unknown>>`
    SELECT * FROM ${sql.table(table)} WHERE id = ${id}`.execute(db);
  return rowHash(table, rows[0]);
}

/**
 * The hashes of many rows of `table` as they are now, keyed by String(id): one query per
 * thousand ids instead of one per row (an applied packet audits every record it writes).
 */
export async function currentRowHashes(
  db: Kysely<DB>,
  table: string,
  ids: readonly unknown[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const { rows } = await sql<Record<string, unknown>>`
      SELECT * FROM ${sql.table(table)}
      WHERE id IN (SELECT value FROM json_each(${JSON.stringify(chunk)}))`.execute(db);
    for (const row of rows) out.set(String(row.id), rowHash(table, row));
  }
  for (const id of ids) if (!out.has(String(id))) out.set(String(id), ROW_GONE);
  return out;
}
