import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { migrate, migrationHash, MigrationError } from '../../electron/backend/db/migrate';
import { MIGRATIONS } from '../../electron/backend/db/migrations';
import type { Migration } from '../../electron/backend/db/migrations/types';
import {
  compareVersions,
  DatabaseOpenError,
  MIN_SQLITE,
  openDatabase,
} from '../../electron/backend/db/open';

const dirs: string[] = [];
const handles: BetterSqlite3.Database[] = [];
afterEach(() => {
  for (const h of handles.splice(0)) if (h.open) h.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  vi.doUnmock('better-sqlite3');
  vi.resetModules();
});

function emptyDb(): BetterSqlite3.Database {
  const dir = mkdtempSync(join(tmpdir(), 'pelita-migrate-'));
  dirs.push(dir);
  const { sqlite } = openDatabase(join(dir, 'test.sqlite'));
  handles.push(sqlite);
  return sqlite;
}

interface SchemaObject {
  type: string;
  name: string;
}

function schemaObjects(sqlite: BetterSqlite3.Database): SchemaObject[] {
  return sqlite
    .prepare(
      `SELECT type, name FROM sqlite_master
       WHERE name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY type, name`,
    )
    .all() as SchemaObject[];
}

/**
 * What each migration adds. A new migration without an entry here fails the first test, so
 * every migration gets its own test (DESIGN.md).
 */
const ADDS: Record<number, { table: string[]; index: string[]; trigger: string[] }> = {
  1: {
    table: ['app_meta', 'office', 'sessions', 'user_roles', 'users'],
    index: ['sessions_user'],
    trigger: [],
  },
  2: {
    table: ['audit_log'],
    index: ['audit_at', 'audit_method', 'audit_record', 'audit_user'],
    trigger: ['audit_log_no_delete', 'audit_log_no_update'],
  },
  3: {
    // regions_fts is an FTS5 table; the others are its shadow tables.
    table: [
      'regions',
      'regions_fts',
      'regions_fts_config',
      'regions_fts_data',
      'regions_fts_docsize',
      'regions_fts_idx',
    ],
    index: ['regions_name_norm', 'regions_parent'],
    trigger: [],
  },
};

/** Checks of what a user depends on in each migration's schema, run right after it. */
const BEHAVIOUR: Record<number, (db: BetterSqlite3.Database) => void> = {
  1: (db) => {
    const now = '2026-11-27T02:00:00.000Z';
    const office = db.prepare(`INSERT INTO office (id, name, region_code, address, time_zone,
      max_stay_days, created_at, updated_at) VALUES (?, 'Dinas', '63.72', 'Jl', 'Asia/Makassar', 7, ?, ?)`);
    office.run(1, now, now);
    expect(() => office.run(2, now, now)).toThrow(/CHECK/); // one office row only
    const user = db.prepare(`INSERT INTO users (id, username, full_name, nip, password_hash,
      password_changed_at, created_at, updated_at) VALUES (?, ?, 'N', ?, 'h', ?, ?, ?)`);
    user.run('u1', 'siti', null, now, now, now);
    expect(() => user.run('u2', 'SITI', null, now, now, now)).toThrow(/UNIQUE/);
    expect(() => user.run('u3', 'budi', '12345', now, now, now)).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO user_roles VALUES ('u1', 'root')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO user_roles VALUES ('nobody', 'admin')`).run()).toThrow(
      /FOREIGN KEY/,
    );
    expect(() =>
      db.prepare(`INSERT INTO sessions VALUES ('s', 'nobody', ?, ?)`).run(now, now),
    ).toThrow(/FOREIGN KEY/);
  },
  2: (db) => {
    db.prepare(
      `INSERT INTO audit_log (at, method, outcome, prev_hash, hash)
      VALUES ('t', 'm', 'ok', 'p', 'h')`,
    ).run();
    expect(() => db.exec(`UPDATE audit_log SET method = 'x'`)).toThrow(/append-only/);
    expect(() => db.exec(`DELETE FROM audit_log`)).toThrow(/append-only/);
    expect(() =>
      db.exec(`INSERT INTO audit_log (at, method, outcome, prev_hash, hash)
        VALUES ('t', 'm', 'maybe', 'p', 'h')`),
    ).toThrow(/CHECK/);
  },
  3: (db) => {
    const ins = db.prepare(
      `INSERT INTO regions (code, parent_code, level, name, name_norm) VALUES (?, ?, ?, ?, ?)`,
    );
    ins.run('63', null, 1, 'Kalimantan Selatan', 'kalimantan selatan');
    ins.run('63.72', '63', 2, 'Kota Banjarbaru', 'kota banjarbaru');
    expect(() => ins.run('99.01', '99', 2, 'X', 'x')).toThrow(/FOREIGN KEY/);
    expect(() => ins.run('63.72', '63', 2, 'Dup', 'dup')).toThrow(/UNIQUE/);
    db.exec(`INSERT INTO regions_fts(regions_fts) VALUES ('rebuild')`);
    const hit = db
      .prepare(
        `SELECT r.code FROM regions_fts f JOIN regions r ON r.rowid = f.rowid
         WHERE regions_fts MATCH '"jarbar"'`,
      )
      .all();
    expect(hit).toEqual([{ code: '63.72' }]);
  },
};

describe('migrations', () => {
  it('are numbered 1..n, uniquely, and each has a test entry', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
    for (const m of MIGRATIONS) {
      expect(ADDS[m.version], `expected schema for migration ${m.version}`).toBeDefined();
      expect(BEHAVIOUR[m.version], `behaviour test for migration ${m.version}`).toBeDefined();
    }
  });

  describe.each(MIGRATIONS.map((m) => [`${m.version} ${m.name}`, m] as const))(
    'migration %s',
    (_label, m) => {
      it('creates exactly its tables, indexes and triggers, with clean foreign keys', () => {
        const adds = ADDS[m.version];
        const behaviour = BEHAVIOUR[m.version];
        if (!adds || !behaviour) {
          throw new Error(
            `Migration ${m.version} (${m.name}) has no entry in ADDS/BEHAVIOUR in test/backend/migrations.test.ts`,
          );
        }
        const db = emptyDb();
        const earlier = MIGRATIONS.filter((x) => x.version < m.version);
        migrate(db, earlier);
        const before = new Set(schemaObjects(db).map((o) => `${o.type}:${o.name}`));

        const now = new Date('2026-11-27T02:00:00Z');
        expect(migrate(db, [...earlier, m], () => now)).toEqual({ applied: [m.version] });

        const added = schemaObjects(db).filter((o) => !before.has(`${o.type}:${o.name}`));
        const byType = (type: string) =>
          added
            .filter((o) => o.type === type)
            .map((o) => o.name)
            .sort();
        expect(byType('table')).toEqual(adds.table);
        expect(byType('index')).toEqual(adds.index);
        expect(byType('trigger')).toEqual(adds.trigger);
        expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
        expect(
          db.prepare('SELECT * FROM schema_migrations WHERE version = ?').get(m.version),
        ).toEqual({
          version: m.version,
          name: m.name,
          hash: migrationHash(m),
          applied_at: now.toISOString(),
        });
        behaviour(db);
      });
    },
  );

  it('does nothing when run again', () => {
    const db = emptyDb();
    expect(migrate(db, MIGRATIONS).applied).toEqual(MIGRATIONS.map((m) => m.version));
    const schema = schemaObjects(db);
    const rows = db.prepare('SELECT * FROM schema_migrations').all();
    expect(migrate(db, MIGRATIONS, () => new Date('2030-01-01T00:00:00Z'))).toEqual({
      applied: [],
    });
    expect(schemaObjects(db)).toEqual(schema);
    expect(db.prepare('SELECT * FROM schema_migrations').all()).toEqual(rows);
  });

  it('applies only the new migrations to an older database', () => {
    const db = emptyDb();
    migrate(db, MIGRATIONS.slice(0, 1));
    expect(migrate(db, MIGRATIONS).applied).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
  });

  it('refuses a database whose applied migration was edited', () => {
    const db = emptyDb();
    migrate(db, MIGRATIONS);
    const edited: Migration[] = MIGRATIONS.map((m) =>
      m.version === 2
        ? { ...m, sql: m.sql.replace('CREATE INDEX audit_at', 'CREATE INDEX audit_when') }
        : m,
    );
    expect(() => migrate(db, edited)).toThrow(MigrationError);
    expect(() => migrate(db, edited)).toThrow(
      /Migration 2 \(audit\) was changed after it was applied/,
    );
  });

  it('refuses a database with a migration this version does not know', () => {
    const db = emptyDb();
    migrate(db, MIGRATIONS);
    db.prepare(
      `INSERT INTO schema_migrations (version, name, hash, applied_at) VALUES (99, 'future', 'x', 'now')`,
    ).run();
    expect(() => migrate(db, MIGRATIONS)).toThrow(/migration 99 \(future\).*newer Pelita/);
  });

  it('rolls a failing migration back completely', () => {
    const db = emptyDb();
    migrate(db, MIGRATIONS);
    const schema = schemaObjects(db);
    const broken: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'broken',
      sql: `CREATE TABLE half_done (x TEXT);
        INSERT INTO app_meta (key, value) VALUES ('half', 'done');
        ALTER TABLE users ADD COLUMN nickname TEXT;
        CREATE TABLE users (id TEXT);`,
    };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow(/already exists/);
    expect(schemaObjects(db)).toEqual(schema);
    expect(db.prepare(`SELECT * FROM app_meta WHERE key = 'half'`).all()).toEqual([]);
    const columns = db.prepare(`PRAGMA table_info(users)`).all() as { name: string }[];
    expect(columns.map((c) => c.name)).not.toContain('nickname');
    expect(
      db.prepare('SELECT version FROM schema_migrations WHERE version = ?').get(broken.version),
    ).toBeUndefined();
  });

  it('rolls back a migration that leaves broken foreign keys', () => {
    const db = emptyDb();
    migrate(db, MIGRATIONS);
    const broken: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'orphans',
      sql: `CREATE TABLE notes (id TEXT PRIMARY KEY,
          user_id TEXT REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED);
        INSERT INTO notes VALUES ('n1', 'no-such-user');`,
    };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow(
      new RegExp(`Migration ${broken.version} \\(orphans\\) left 1 broken foreign keys`),
    );
    expect(schemaObjects(db).map((o) => o.name)).not.toContain('notes');
  });
});

describe('openDatabase', () => {
  it('sets every pragma explicitly', () => {
    const db = emptyDb();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    expect(db.pragma('trusted_schema', { simple: true })).toBe(0);
  });

  it('runs on a SQLite new enough', () => {
    const db = emptyDb();
    const { v } = db.prepare('SELECT sqlite_version() AS v').get() as { v: string };
    expect(MIN_SQLITE).toBe('3.51.3');
    expect(compareVersions(v, MIN_SQLITE)).toBeGreaterThanOrEqual(0);
  });

  it('compares versions numerically', () => {
    expect(compareVersions('3.51.2', '3.51.3')).toBeLessThan(0);
    expect(compareVersions('3.51.3', '3.51.3')).toBe(0);
    expect(compareVersions('3.51.3', '3.53.2')).toBeLessThan(0);
    expect(compareVersions('3.53.2', '3.51.3')).toBeGreaterThan(0);
    expect(compareVersions('3.9.0', '3.10.0')).toBeLessThan(0);
    expect(compareVersions('3.51', '3.51.0')).toBe(0);
    expect(compareVersions('4.0.0', '3.99.99')).toBeGreaterThan(0);
  });

  it('refuses an older SQLite and closes the file', async () => {
    let closed = false;
    vi.resetModules();
    vi.doMock('better-sqlite3', () => ({
      default: class {
        prepare() {
          return { get: () => ({ v: '3.51.2' }) };
        }
        pragma() {
          throw new Error('must not set pragmas on a refused database');
        }
        close() {
          closed = true;
        }
      },
    }));
    const open = await import('../../electron/backend/db/open');
    const dir = mkdtempSync(join(tmpdir(), 'pelita-old-'));
    dirs.push(dir);
    expect(() => open.openDatabase(join(dir, 'x.sqlite'))).toThrow(/SQLite 3\.51\.2 is too old/);
    expect(() => open.openDatabase(join(dir, 'x.sqlite'))).toThrow(open.DatabaseOpenError);
    expect(closed).toBe(true);
    expect(DatabaseOpenError).toBeDefined();
  });
});
