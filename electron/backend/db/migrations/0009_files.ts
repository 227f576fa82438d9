import type { Migration } from './types';

/**
 * The file store's index (electron/backend/files/). The bytes live under <data>/files/ab/<sha256>;
 * a row is one upload or generated file: its checked type, size, original name and who made it.
 * Several rows may share one blob (the same photo uploaded twice is stored once).
 *
 * Person photos now point at a row (`photo_file_id`). Photos saved before this migration are in
 * <data>/photos/ and named by `photo_file`; files/legacy.ts moves them into the store when the
 * backend opens (a migration here runs SQL only) and clears `photo_file`.
 */
export const m0009: Migration = {
  version: 9,
  name: 'files',
  sql: `
CREATE TABLE files (
  id TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  type TEXT NOT NULL CHECK (length(type) > 0),
  size INTEGER NOT NULL CHECK (size >= 0),
  original_name TEXT NOT NULL CHECK (length(original_name) BETWEEN 1 AND 200),
  purpose TEXT NOT NULL CHECK (length(purpose) > 0),
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id)
) STRICT;
CREATE INDEX files_sha256 ON files(sha256);
CREATE INDEX files_purpose_created ON files(purpose, created_at);

ALTER TABLE persons ADD COLUMN photo_file_id TEXT REFERENCES files(id);
CREATE INDEX persons_photo_file ON persons(photo_file_id) WHERE photo_file_id IS NOT NULL;
`,
};
