/** Kysely types of migration 0009 (files). Rows are written once and never edited. */
export interface FilesTable {
  id: string;
  sha256: string;
  /** The MIME type checked from the content (uploads) or set by the generator. */
  type: string;
  size: number;
  original_name: string;
  /** An upload purpose of shared/files.ts, or 'generated'. */
  purpose: string;
  created_at: string;
  created_by: string | null;
}

export interface FileTables {
  files: FilesTable;
}
