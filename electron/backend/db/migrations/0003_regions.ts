import type { Migration } from './types';

/**
 * Kemendagri regions (loaded from idn-area-data by regions/load.ts) and a trigram index over
 * normalised names for the region picker. Short terms use the name_norm index instead.
 */
export const m0003: Migration = {
  version: 3,
  name: 'regions',
  sql: `
CREATE TABLE regions (
  code TEXT NOT NULL UNIQUE,
  parent_code TEXT REFERENCES regions(code),
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
  name TEXT NOT NULL,
  name_norm TEXT NOT NULL
) STRICT;
CREATE INDEX regions_parent ON regions(parent_code);
CREATE INDEX regions_name_norm ON regions(name_norm);

CREATE VIRTUAL TABLE regions_fts USING fts5(name_norm, content='regions', content_rowid='rowid', tokenize='trigram');
`,
};
