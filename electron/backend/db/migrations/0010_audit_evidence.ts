import { m0002 } from './0002_audit';
import type { Migration } from './types';

/** The trail's indexes and append-only triggers, exactly as 0002 made them. */
const AUDIT_INDEXES_AND_TRIGGERS = m0002.sql.slice(m0002.sql.indexOf('CREATE INDEX'));

function appendOnly(table: string): string {
  return ['UPDATE', 'DELETE']
    .map(
      (op) => `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`,
    )
    .join('\n');
}

/**
 * Tamper evidence beyond the hash chain (issue 8):
 * - audit rows may record a refused write (`refused`), and carry the audited row's table and
 *   content hash after the write, so verify lists rows changed outside Pelita;
 * - signed checkpoints of the chain's head (append-only like the trail) and the signed head
 *   itself, rewritten by every append, so rows added or removed outside Pelita show.
 * The trail is rebuilt to widen the outcome check; its triggers come back unchanged.
 */
export const m0010: Migration = {
  version: 10,
  name: 'audit_evidence',
  sql: `
CREATE TABLE audit_log_new (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id TEXT,
  username TEXT,
  method TEXT NOT NULL,
  record_type TEXT,
  record_id TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'denied', 'refused')),
  changes TEXT,
  note TEXT,
  row_table TEXT,
  row_hash TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
INSERT INTO audit_log_new
  (seq, at, user_id, username, method, record_type, record_id, outcome, changes, note, prev_hash, hash)
  SELECT seq, at, user_id, username, method, record_type, record_id, outcome, changes, note, prev_hash, hash
  FROM audit_log ORDER BY seq;
DROP TABLE audit_log;
ALTER TABLE audit_log_new RENAME TO audit_log;
${AUDIT_INDEXES_AND_TRIGGERS}
CREATE TABLE audit_checkpoints (
  id INTEGER PRIMARY KEY,
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL,
  at TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('interval', 'start', 'stop', 'admin')),
  user_id TEXT,
  key_id TEXT NOT NULL,
  public_key TEXT NOT NULL,
  signature TEXT NOT NULL
) STRICT;
CREATE INDEX audit_checkpoints_seq ON audit_checkpoints(seq);
${appendOnly('audit_checkpoints')}

CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL,
  at TEXT NOT NULL,
  key_id TEXT NOT NULL,
  signature TEXT NOT NULL
) STRICT;
`,
};
