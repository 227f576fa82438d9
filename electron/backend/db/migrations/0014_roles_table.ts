import type { Migration } from './types';

/**
 * Roles become a reference table, so a later domain adds a role with one INSERT instead of
 * rebuilding user_roles (a CHECK cannot be altered in SQLite). Adds the supervisor
 * (Kepala Seksi / Kepala Bidang), who approves case work and issues letters.
 */
export const m0014: Migration = {
  version: 14,
  name: 'roles_table',
  sql: `
CREATE TABLE roles (id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
INSERT INTO roles (id) VALUES ('admin'), ('caseworker'), ('shelter_staff'),
  ('complaint_officer'), ('viewer'), ('supervisor');

CREATE TABLE user_roles_new (
  user_id TEXT NOT NULL REFERENCES users(id),
  role TEXT NOT NULL REFERENCES roles(id),
  PRIMARY KEY (user_id, role)
) STRICT, WITHOUT ROWID;
INSERT INTO user_roles_new (user_id, role) SELECT user_id, role FROM user_roles;
DROP TABLE user_roles;
ALTER TABLE user_roles_new RENAME TO user_roles;
`,
};
