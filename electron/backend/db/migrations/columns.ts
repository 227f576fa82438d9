/**
 * Column blocks that migrations share. Text only, and frozen: an applied migration's SQL must
 * stay byte for byte what it was (migrate.ts refuses a changed one, and the migrations test pins
 * every applied migration's hash), so a block here is never edited; another shape gets its own.
 */

/** A tracked table's stamps and version (db/tables/tracked.ts), one column a line. */
export const TRACKED_COLUMNS = `created_at TEXT NOT NULL,
  created_by TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1`;
