import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { makePrivateDir, touchPrivateFile } from '../lib/privateFiles';
import type { DB } from './schema';

/** The database's file name in the data folder. */
export const DATABASE_FILE = 'pelita.sqlite';

/** 3.51.3 fixed a WAL corruption bug (DESIGN.md): refuse anything older. */
export const MIN_SQLITE = '3.51.3';

export class DatabaseOpenError extends Error {}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export interface OpenedDatabase {
  sqlite: Database.Database;
  db: Kysely<DB>;
}

export function openDatabase(file: string, opts: { nativeBinding?: string } = {}): OpenedDatabase {
  // Owner-only from the first byte: SQLite gives the WAL and SHM files the database's mode.
  makePrivateDir(dirname(file));
  touchPrivateFile(file);
  const sqlite = new Database(
    file,
    opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {},
  );
  try {
    const { v } = sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string };
    if (compareVersions(v, MIN_SQLITE) < 0) {
      throw new DatabaseOpenError(
        `SQLite ${v} is too old: Pelita needs ${MIN_SQLITE} or newer (older versions can corrupt WAL databases). Reinstall Pelita or rebuild better-sqlite3.`,
      );
    }
    // Set every pragma explicitly; a WAL database survives power loss with synchronous=FULL.
    const mode = sqlite.pragma('journal_mode = WAL', { simple: true });
    if (String(mode).toLowerCase() !== 'wal') {
      throw new DatabaseOpenError(`Could not switch ${file} to WAL mode (got ${String(mode)}).`);
    }
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // 64 MB page cache: years of records stay fast without holding the whole file in memory.
    sqlite.pragma('cache_size = -65536');
    sqlite.pragma('trusted_schema = OFF');
  } catch (e) {
    sqlite.close();
    throw e;
  }
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { sqlite, db };
}
