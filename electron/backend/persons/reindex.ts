import type BetterSqlite3 from 'better-sqlite3';
import { FOLD_VERSION, foldName, originSearchText, searchNames } from './fold';
import { parseAliases } from './store';

/**
 * Rebuilds the stored folded names (and so the trigram index, through its triggers) when the
 * folding rules changed since they were written. A bulk path: prepared statements, one
 * transaction per batch, only rows whose text actually changes are written.
 */
export function ensurePersonSearchIndex(sqlite: BetterSqlite3.Database): { rebuilt: number } {
  const meta = sqlite.prepare("SELECT value FROM app_meta WHERE key = 'persons.fold'").get() as
    { value: string } | undefined;
  if (meta?.value === FOLD_VERSION) return { rebuilt: 0 };

  const regionNames = new Map(
    (
      sqlite.prepare('SELECT code, name FROM regions WHERE level >= 2').all() as {
        code: string;
        name: string;
      }[]
    ).map((r) => [r.code, r.name]),
  );
  const read = sqlite.prepare(
    'SELECT rowid, full_name, aliases, origin_code, search_names, search_origin, name_key FROM persons WHERE rowid > ? ORDER BY rowid LIMIT 5000',
  );
  const write = sqlite.prepare(
    'UPDATE persons SET search_names = ?, search_origin = ?, name_key = ? WHERE rowid = ?',
  );
  let last = 0;
  let rebuilt = 0;
  const batch = sqlite.transaction(() => {
    const rows = read.all(last) as {
      rowid: number;
      full_name: string;
      aliases: string;
      origin_code: string | null;
      search_names: string;
      search_origin: string;
      name_key: string;
    }[];
    for (const r of rows) {
      const names = searchNames(r.full_name, parseAliases(r.aliases));
      const origin = originSearchText(r.origin_code, (c) => regionNames.get(c));
      const key = foldName(r.full_name);
      if (names !== r.search_names || origin !== r.search_origin || key !== r.name_key) {
        write.run(names, origin, key, r.rowid);
        rebuilt += 1;
      }
      last = r.rowid;
    }
    return rows.length;
  });
  while (batch.immediate() > 0);
  sqlite
    .prepare(
      "INSERT INTO app_meta (key, value) VALUES ('persons.fold', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    )
    .run(FOLD_VERSION);
  return { rebuilt };
}
