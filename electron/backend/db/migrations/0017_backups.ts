import type { Migration } from './types';

/**
 * Backups: the admin's settings (one row, edited like the office profile) and a log of every
 * backup run, good or failed, so the admin home can say when the last good one was made even
 * while the backup drive is unplugged.
 */
export const m0017: Migration = {
  version: 17,
  name: 'backups',
  sql: `
CREATE TABLE backup_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  folder TEXT,
  auto INTEGER NOT NULL DEFAULT 1 CHECK (auto IN (0, 1)),
  interval_hours INTEGER NOT NULL DEFAULT 4 CHECK (interval_hours BETWEEN 1 AND 168),
  keep_daily INTEGER NOT NULL DEFAULT 7 CHECK (keep_daily BETWEEN 1 AND 366),
  keep_weekly INTEGER NOT NULL DEFAULT 4 CHECK (keep_weekly BETWEEN 0 AND 520),
  keep_monthly INTEGER NOT NULL DEFAULT 12 CHECK (keep_monthly BETWEEN 0 AND 1200),
  created_at TEXT NOT NULL,
  created_by TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;
INSERT INTO backup_settings (id, created_at, updated_at)
  VALUES (1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

CREATE TABLE backup_runs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('auto', 'manual', 'safety')),
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
  name TEXT,
  folder TEXT NOT NULL,
  size_bytes INTEGER,
  audit_seq INTEGER,
  message TEXT,
  user_id TEXT REFERENCES users(id)
) STRICT;
CREATE INDEX backup_runs_started ON backup_runs(started_at);
`,
};
