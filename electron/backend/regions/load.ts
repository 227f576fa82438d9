import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { normalizeRegionName } from './normalize';

const FILES = [
  { file: 'provinces.csv', level: 1 },
  { file: 'regencies.csv', level: 2 },
  { file: 'districts.csv', level: 3 },
  { file: 'villages.csv', level: 4 },
] as const;

/** Minimal CSV reader for the package's files (header row, optional double quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function packageInfo(): { dir: string; version: string } {
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve('idn-area-data/package.json');
  const version = (JSON.parse(readFileSync(pkgFile, 'utf8')) as { version: string }).version;
  return { dir: join(dirname(pkgFile), 'data'), version };
}

/**
 * Loads the Kemendagri regions from idn-area-data when the database lacks them or holds an
 * older release. Upserts (never deletes: records may point at a region) and rebuilds the index.
 * A bulk path, so it uses prepared statements in one transaction rather than Kysely.
 */
export function ensureRegions(sqlite: BetterSqlite3.Database): { loaded: boolean; source: string } {
  const { dir, version } = packageInfo();
  const source = `idn-area-data@${version}`;
  const current = sqlite
    .prepare("SELECT value FROM app_meta WHERE key = 'regions.source'")
    .get() as { value: string } | undefined;
  if (current?.value === source) return { loaded: false, source };

  const upsert = sqlite.prepare(`INSERT INTO regions (code, parent_code, level, name, name_norm)
    VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(code) DO UPDATE SET parent_code = excluded.parent_code, level = excluded.level,
      name = excluded.name, name_norm = excluded.name_norm`);
  const load = sqlite.transaction(() => {
    for (const { file, level } of FILES) {
      const rows = parseCsv(readFileSync(join(dir, file), 'utf8')).slice(1);
      for (const r of rows) {
        const code = r[0]!.trim();
        const name = (level === 1 ? r[1] : r[2])!.trim();
        const parent = level === 1 ? null : r[1]!.trim();
        upsert.run(code, parent, level, name, normalizeRegionName(name));
      }
    }
    sqlite.exec(`INSERT INTO regions_fts(regions_fts) VALUES ('rebuild')`);
    sqlite
      .prepare(
        "INSERT INTO app_meta (key, value) VALUES ('regions.source', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      )
      .run(source);
  });
  load.immediate();
  return { loaded: true, source };
}
