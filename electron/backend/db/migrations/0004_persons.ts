import { TRACKED_COLUMNS } from './columns';
import type { Migration } from './types';

/**
 * The person registry. Stays, cases and complaints link here. `search_names` holds the folded
 * names and aliases (see persons/fold.ts) and feeds a trigram index kept in step by triggers;
 * `name_key` (folded full name) serves exact and prefix matches and short terms.
 */
export const m0004: Migration = {
  version: 4,
  name: 'persons',
  sql: `
CREATE TABLE persons (
  id TEXT PRIMARY KEY,
  nik TEXT CHECK (nik IS NULL OR (length(nik) = 16 AND nik NOT GLOB '*[^0-9]*')),
  kk TEXT CHECK (kk IS NULL OR (length(kk) = 16 AND kk NOT GLOB '*[^0-9]*')),
  full_name TEXT NOT NULL CHECK (length(full_name) > 0),
  aliases TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases)),
  sex TEXT CHECK (sex IN ('M', 'F')),
  birth_place TEXT,
  birth_date TEXT CHECK (birth_date IS NULL OR birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  birth_year INTEGER,
  birth_date_estimated INTEGER NOT NULL DEFAULT 0 CHECK (birth_date_estimated IN (0, 1)),
  mother_name TEXT,
  marital_status TEXT CHECK (marital_status IN ('single', 'married', 'divorced', 'widowed')),
  religion TEXT CHECK (religion IN ('islam', 'protestant', 'catholic', 'hindu', 'buddhist', 'confucian', 'belief')),
  phone TEXT,
  address TEXT,
  rt TEXT,
  rw TEXT,
  village_code TEXT REFERENCES regions(code),
  origin_code TEXT REFERENCES regions(code),
  identity_status TEXT NOT NULL CHECK (identity_status IN ('document', 'disdukcapil', 'stated', 'unknown')),
  identity_evidence TEXT,
  disabilities TEXT,
  notes TEXT,
  photo_file TEXT,
  quality TEXT NOT NULL CHECK (json_valid(quality)),
  merged_into TEXT REFERENCES persons(id),
  search_names TEXT NOT NULL,
  search_origin TEXT NOT NULL DEFAULT '',
  name_key TEXT NOT NULL,
  ${TRACKED_COLUMNS}
) STRICT;
-- One living record per NIK; a merged record keeps its NIK for the audit but steps aside.
CREATE UNIQUE INDEX persons_nik ON persons(nik) WHERE nik IS NOT NULL AND merged_into IS NULL;
CREATE INDEX persons_nik_all ON persons(nik);
CREATE INDEX persons_name_key ON persons(name_key);
CREATE INDEX persons_birth_year ON persons(birth_year);
CREATE INDEX persons_origin ON persons(origin_code);
CREATE INDEX persons_merged_into ON persons(merged_into);

CREATE VIRTUAL TABLE persons_fts USING fts5(
  names, origin, content='persons', content_rowid='rowid', tokenize='trigram'
);
CREATE TRIGGER persons_fts_insert AFTER INSERT ON persons BEGIN
  INSERT INTO persons_fts(rowid, names, origin) VALUES (new.rowid, new.search_names, new.search_origin);
END;
CREATE TRIGGER persons_fts_update AFTER UPDATE OF search_names, search_origin ON persons BEGIN
  INSERT INTO persons_fts(persons_fts, rowid, names, origin)
    VALUES ('delete', old.rowid, old.search_names, old.search_origin);
  INSERT INTO persons_fts(rowid, names, origin) VALUES (new.rowid, new.search_names, new.search_origin);
END;
CREATE TRIGGER persons_fts_delete AFTER DELETE ON persons BEGIN
  INSERT INTO persons_fts(persons_fts, rowid, names, origin)
    VALUES ('delete', old.rowid, old.search_names, old.search_origin);
END;
`,
};
