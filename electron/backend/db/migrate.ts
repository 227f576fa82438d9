import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { Migration } from './migrations/types';

export function migrationHash(m: Migration): string {
  return createHash('sha256').update(`${m.version}\n${m.name}\n${m.sql}`).digest('hex');
}

export class MigrationError extends Error {}

/**
 * Applies pending migrations, each in its own transaction followed by a foreign key check.
 * Refuses to run when an applied migration's content changed or the database is newer than
 * this application.
 */
export function migrate(
  sqlite: BetterSqlite3.Database,
  migrations: readonly Migration[],
  now: () => Date = () => new Date(),
): { applied: number[] } {
  sqlite.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, hash TEXT NOT NULL, applied_at TEXT NOT NULL
  ) STRICT`);
  const done = sqlite
    .prepare('SELECT version, name, hash FROM schema_migrations ORDER BY version')
    .all() as { version: number; name: string; hash: string }[];
  const known = new Map(migrations.map((m) => [m.version, m]));
  for (const row of done) {
    const m = known.get(row.version);
    if (!m) {
      throw new MigrationError(
        `The database has migration ${row.version} (${row.name}) that this version of Pelita does not know. Use a newer Pelita.`,
      );
    }
    if (migrationHash(m) !== row.hash) {
      throw new MigrationError(
        `Migration ${row.version} (${row.name}) was changed after it was applied. Restore the original migration and add a new one instead.`,
      );
    }
  }
  const appliedVersions = new Set(done.map((r) => r.version));
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (appliedVersions.has(m.version)) continue;
    const run = sqlite.transaction(() => {
      sqlite.exec(m.sql);
      const problems = sqlite.prepare('PRAGMA foreign_key_check').all();
      if (problems.length > 0) {
        throw new MigrationError(
          `Migration ${m.version} (${m.name}) left ${problems.length} broken foreign keys.`,
        );
      }
      sqlite
        .prepare(
          'INSERT INTO schema_migrations (version, name, hash, applied_at) VALUES (?, ?, ?, ?)',
        )
        .run(m.version, m.name, migrationHash(m), now().toISOString());
    });
    run.immediate();
    applied.push(m.version);
  }
  return { applied };
}
