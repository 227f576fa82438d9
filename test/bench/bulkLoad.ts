/**
 * Bulk loading for the bench generator. Millions of rows inserted one by one into a table with
 * a dozen indexes and a trigram index cost scattered page writes per row (over 20 minutes at a
 * million persons); here a table's secondary indexes are dropped while its rows go in and built
 * again after (one sort each), and the work of its insert triggers is done once for all rows,
 * giving the same database the row-by-row path would. Constraints still hold: unique indexes
 * are checked when built again, foreign keys by foreign_key_check.
 */
import type BetterSqlite3 from 'better-sqlite3';

/**
 * Insert triggers whose work is done for all rows at once, each as its trigger would have done
 * it per row (migrations 0004 and 0013). A new insert trigger must be added here: the load
 * refuses a table with one it does not know, rather than build a database the app would not.
 */
const BULK_TRIGGERS: Record<string, string> = {
  // The trigram index over persons' folded names and origin (its columns are named apart from
  // the content table's, so FTS5's own 'rebuild' cannot read them).
  persons_fts_insert: `INSERT INTO persons_fts(rowid, names, origin)
    SELECT rowid, search_names, search_origin FROM persons ORDER BY rowid`,
  // Match keys of living persons with the birth year (0 when unknown), in key order.
  persons_match_keys_insert: `INSERT OR IGNORE INTO person_match_keys (key, birth_year, person_rowid)
    SELECT j.value, ifnull(p.birth_year, 0), p.rowid FROM persons p, json_each(p.match_keys) j
    WHERE p.merged_into IS NULL ORDER BY 1, 2, 3`,
};

interface SchemaItem {
  type: 'index' | 'trigger';
  name: string;
  tbl_name: string;
  sql: string;
}

export interface BulkLoadOptions {
  log?: (line: string) => void;
}

/**
 * Runs `load` (which inserts rows into `tables` in transactions of its own) with those tables'
 * secondary indexes and insert triggers set aside, then builds them again and checks the rows.
 * Only for a database no one else uses meanwhile: its indexes are missing while `load` runs.
 */
export function bulkLoad<T>(
  sqlite: BetterSqlite3.Database,
  tables: readonly string[],
  load: () => T,
  opts: BulkLoadOptions = {},
): T {
  const log = opts.log ?? (() => {});
  const items = sqlite
    .prepare(
      `SELECT type, name, tbl_name, sql FROM sqlite_master
        WHERE type IN ('index', 'trigger') AND sql IS NOT NULL
          AND tbl_name IN (${tables.map(() => '?').join(',')})
        ORDER BY rowid`,
    )
    .all(...tables) as SchemaItem[];
  const deferred = items.filter(
    (i) => i.type === 'index' || /\bAFTER\s+INSERT\s+ON\b/i.test(i.sql),
  );
  const unknown = deferred.filter((i) => i.type === 'trigger' && !(i.name in BULK_TRIGGERS));
  if (unknown.length > 0)
    throw new Error(
      `bulkLoad: no bulk form for insert trigger(s) ${unknown.map((i) => i.name).join(', ')}`,
    );

  const pragmas = {
    foreign_keys: sqlite.pragma('foreign_keys', { simple: true }),
    synchronous: sqlite.pragma('synchronous', { simple: true }),
    cache_size: sqlite.pragma('cache_size', { simple: true }),
  };
  // Foreign keys are checked once at the end; a crash midway leaves a build run.ts never uses.
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -524288');
  sqlite.transaction(() => {
    for (const i of deferred) sqlite.exec(`DROP ${i.type.toUpperCase()} "${i.name}"`);
  })();
  try {
    let t = performance.now();
    const lap = (what: string) => {
      const now = performance.now();
      log(`${what}: ${((now - t) / 1000).toFixed(1)} s`);
      t = now;
    };
    const result = load();
    lap(`rows of ${tables.join(', ')}`);
    sqlite.transaction(() => {
      for (const i of deferred) if (i.type === 'index') sqlite.exec(i.sql);
    })();
    lap('indexes built');
    sqlite.transaction(() => {
      for (const i of deferred)
        if (i.type === 'trigger') {
          sqlite.exec(BULK_TRIGGERS[i.name]!);
          sqlite.exec(i.sql);
        }
    })();
    if (deferred.some((i) => i.type === 'trigger')) lap('trigger work done');
    for (const table of tables) {
      const bad = sqlite.pragma(`foreign_key_check("${table}")`) as unknown[];
      if (bad.length > 0)
        throw new Error(`bulkLoad: ${bad.length} broken foreign key(s) in ${table}`);
    }
    lap('foreign keys checked');
    return result;
  } finally {
    sqlite.pragma(`foreign_keys = ${Number(pragmas.foreign_keys)}`);
    sqlite.pragma(`synchronous = ${Number(pragmas.synchronous)}`);
    sqlite.pragma(`cache_size = ${Number(pragmas.cache_size)}`);
  }
}
