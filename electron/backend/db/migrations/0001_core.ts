import { TRACKED_COLUMNS } from './columns';
import type { Migration } from './types';

/** Office profile (one row), users with roles, sessions, and a small key/value table. */
export const m0001: Migration = {
  version: 1,
  name: 'core',
  sql: `
CREATE TABLE app_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE office (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL CHECK (length(name) > 0),
  region_code TEXT NOT NULL,
  address TEXT NOT NULL,
  phone TEXT,
  email TEXT,
  head_name TEXT,
  head_nip TEXT CHECK (head_nip IS NULL OR (length(head_nip) = 18 AND head_nip NOT GLOB '*[^0-9]*')),
  head_position TEXT,
  time_zone TEXT NOT NULL,
  max_stay_days INTEGER NOT NULL CHECK (max_stay_days BETWEEN 1 AND 90),
  ${TRACKED_COLUMNS}
) STRICT;

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL COLLATE NOCASE UNIQUE,
  full_name TEXT NOT NULL,
  nip TEXT CHECK (nip IS NULL OR (length(nip) = 18 AND nip NOT GLOB '*[^0-9]*')),
  position TEXT,
  password_hash TEXT NOT NULL,
  password_changed_at TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  last_login_at TEXT,
  ${TRACKED_COLUMNS}
) STRICT;

CREATE TABLE user_roles (
  user_id TEXT NOT NULL REFERENCES users(id),
  role TEXT NOT NULL CHECK (role IN ('admin', 'caseworker', 'shelter_staff', 'complaint_officer', 'viewer')),
  PRIMARY KEY (user_id, role)
) STRICT, WITHOUT ROWID;

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_user ON sessions(user_id);
`,
};
