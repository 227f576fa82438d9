import type { Migration } from './types';

/**
 * Finding the same person however the name is written (persons/matchNames.ts):
 * - `persons.match_keys`: the person's blocking keys (JSON array: phonetic word keys, sorted word
 *   pairs, the whole name), written by the backend like `search_names`; filled for existing rows
 *   by the background rebuild (persons/reindex.ts).
 * - `person_match_keys`: those keys with the birth year (0 when unknown), kept in step by
 *   triggers, so a duplicate check reads a bounded slice: one key within a few birth years.
 *   Merged records carry none.
 * - `person_match_pairs`: the review queue of likely duplicates already in the registry, found by
 *   the background scan; a decision ("merged", "not the same") is remembered and never asked again.
 */
export const m0013: Migration = {
  version: 13,
  name: 'person_matching',
  sql: `
ALTER TABLE persons ADD COLUMN match_keys TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(match_keys));

CREATE TABLE person_match_keys (
  key TEXT NOT NULL,
  birth_year INTEGER NOT NULL,
  person_rowid INTEGER NOT NULL,
  PRIMARY KEY (key, birth_year, person_rowid)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER persons_match_keys_insert AFTER INSERT ON persons WHEN new.merged_into IS NULL BEGIN
  INSERT OR IGNORE INTO person_match_keys (key, birth_year, person_rowid)
    SELECT value, ifnull(new.birth_year, 0), new.rowid FROM json_each(new.match_keys);
END;
CREATE TRIGGER persons_match_keys_update AFTER UPDATE OF match_keys, birth_year, merged_into ON persons BEGIN
  DELETE FROM person_match_keys
    WHERE key IN (SELECT value FROM json_each(old.match_keys))
      AND birth_year = ifnull(old.birth_year, 0) AND person_rowid = old.rowid;
  INSERT OR IGNORE INTO person_match_keys (key, birth_year, person_rowid)
    SELECT value, ifnull(new.birth_year, 0), new.rowid FROM json_each(new.match_keys)
    WHERE new.merged_into IS NULL;
END;
CREATE TRIGGER persons_match_keys_delete AFTER DELETE ON persons BEGIN
  DELETE FROM person_match_keys
    WHERE key IN (SELECT value FROM json_each(old.match_keys))
      AND birth_year = ifnull(old.birth_year, 0) AND person_rowid = old.rowid;
END;

CREATE TABLE person_match_pairs (
  -- The pair in id order, so each is kept once.
  a_id TEXT NOT NULL REFERENCES persons(id),
  b_id TEXT NOT NULL REFERENCES persons(id),
  level TEXT NOT NULL CHECK (level IN ('likely', 'possibly')),
  score INTEGER NOT NULL,
  evidence TEXT NOT NULL CHECK (json_valid(evidence)),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'merged', 'distinct')),
  found_at TEXT NOT NULL,
  decided_at TEXT,
  decided_by TEXT REFERENCES users(id),
  PRIMARY KEY (a_id, b_id),
  CHECK (a_id < b_id)
) STRICT;
CREATE INDEX person_match_pairs_open ON person_match_pairs(status, level, score);
CREATE INDEX person_match_pairs_b ON person_match_pairs(b_id);
`,
};
