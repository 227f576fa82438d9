/**
 * Checks a database copy on a connection of its own, read-only: SQLite's integrity check, the
 * audit trail's verification against the office key, and what it holds. A copy counts as a
 * backup only when both checks pass.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { verifyTrail } from '../audit/verify';
import type { DB } from '../db/schema';
import type { OfficeKey } from '../keys/officeKey';
import type { BackupCounts } from './manifest';

export interface CopyFacts {
  /** `integrity_check` lines; ['ok'] when the file is sound. */
  integrity: string[];
  auditIntact: boolean;
  auditProblems: number;
  auditHeadSeq: number | null;
  schemaVersion: number;
  counts: BackupCounts;
  fileHashes: string[];
}

const COUNTED: Record<keyof BackupCounts, string> = {
  persons: 'persons',
  stays: 'stays',
  complaints: 'complaints',
  users: 'users',
  files: 'files',
  auditEntries: 'audit_log',
};

export function openCopy(file: string, nativeBinding?: string, readonly = true) {
  return new Database(file, {
    readonly,
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
}

/** Throws only when the file is not a database at all (the caller reports it as corrupt). */
export async function inspectCopy(
  file: string,
  key: OfficeKey,
  nativeBinding?: string,
): Promise<CopyFacts> {
  const sqlite = openCopy(file, nativeBinding);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map(
      (r) => r.integrity_check,
    );
    const tables = new Set(
      sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all(),
    );
    const counts = Object.fromEntries(
      Object.entries(COUNTED).map(([k, table]) => [
        k,
        tables.has(table)
          ? (sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number)
          : 0,
      ]),
    ) as unknown as BackupCounts;
    const schemaVersion = tables.has('schema_migrations')
      ? ((sqlite.prepare('SELECT max(version) FROM schema_migrations').pluck().get() as
          number | null) ?? 0)
      : 0;
    const fileHashes = tables.has('files')
      ? (sqlite.prepare('SELECT DISTINCT sha256 FROM files').pluck().all() as string[])
      : [];
    const ok = integrity.length === 1 && integrity[0] === 'ok';
    const trail = ok && tables.has('audit_log') ? await verifyTrail(db, key) : null;
    return {
      integrity,
      auditIntact: trail?.intact ?? false,
      auditProblems: trail?.problemCount ?? 0,
      auditHeadSeq: trail?.headSeq ?? null,
      schemaVersion,
      counts,
      fileHashes,
    };
  } finally {
    await db.destroy();
  }
}
