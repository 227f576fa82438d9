/**
 * What a backup holds, written beside its database copy as manifest.json: enough to show the
 * admin what a restore would bring back, and to refuse one that does not fit.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import packageJson from '../../../package.json';

export const MANIFEST_FILE = 'manifest.json';
export const BACKUP_FORMAT = 1;
export const APP_VERSION: string = packageJson.version;

export type BackupKind = 'auto' | 'manual' | 'safety';

export interface BackupCounts {
  persons: number;
  stays: number;
  complaints: number;
  users: number;
  files: number;
  auditEntries: number;
}

export interface Manifest {
  format: number;
  name: string;
  kind: BackupKind;
  createdAt: string;
  appVersion: string;
  /** The highest migration applied in the copy. */
  schemaVersion: number;
  sizeBytes: number;
  /** SHA-256 of the database file: a restore refuses a copy that changed since. */
  sha256: string;
  counts: BackupCounts;
  /** The stored files (photos, attachments) the copy refers to, in the folder's `files/`. */
  files: string[];
  /** Files the copy refers to that were missing from the data folder when it was made. */
  missingFiles: number;
  auditHeadSeq: number | null;
}

/** A backup folder's manifest, or null when it has none or it cannot be read. */
export function readManifest(dir: string): Manifest | null {
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file)) return null;
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    return typeof m.name === 'string' && typeof m.schemaVersion === 'number' ? m : null;
  } catch {
    return null;
  }
}
