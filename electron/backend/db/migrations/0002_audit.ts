import type { Migration } from './types';

/**
 * The audit trail: append-only (triggers refuse UPDATE and DELETE) and hash-chained, each row
 * storing the previous row's hash, so any edit made outside the application is detectable.
 */
export const m0002: Migration = {
  version: 2,
  name: 'audit',
  sql: `
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id TEXT,
  username TEXT,
  method TEXT NOT NULL,
  record_type TEXT,
  record_id TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'denied')),
  changes TEXT,
  note TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE INDEX audit_user ON audit_log(user_id, seq);
CREATE INDEX audit_record ON audit_log(record_type, record_id, seq);
CREATE INDEX audit_method ON audit_log(method, seq);
CREATE INDEX audit_at ON audit_log(at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`,
};
