/**
 * Making one backup: SQLite's online backup API on the backend's own connection (online.ts: a
 * backup stepped while another connection writes never finishes; on the same connection, writes
 * made meanwhile are carried into the copy), then the copy is made a standalone file, checked, and
 * only then given its final name. Stored files are copied into the folder's shared store.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  rmSync,
  statSync,
  writeFileSync,
  renameSync,
} from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { DATABASE_FILE } from '../db/open';
import { blobPath } from '../files/store';
import { KEY_FOLDER, type OfficeKey } from '../keys/officeKey';
import { backupName, copyBlobs, removeUnfinished, sha256File, syncDir, syncFile } from './folder';
import { inspectCopy, openCopy } from './inspect';
import { onlineBackup } from './online';
import {
  APP_VERSION,
  BACKUP_FORMAT,
  MANIFEST_FILE,
  type BackupKind,
  type Manifest,
} from './manifest';

/** A copy that failed its checks; the message says which, for the admin. */
export class BackupCheckFailed extends Error {}

export interface MakeBackupOptions {
  sqlite: BetterSqlite3.Database;
  dataDir: string;
  folder: string;
  kind: BackupKind;
  at: Date;
  key: OfficeKey;
  nativeBinding?: string;
  /** Safety copies before a restore are kept even when the current database fails its checks. */
  checked?: boolean;
}

export async function makeBackup(opts: MakeBackupOptions): Promise<Manifest> {
  const { folder } = opts;
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  removeUnfinished(folder);
  // Two backups in the same millisecond (a restore's safety copy right after one) get the next.
  let at = opts.at;
  while (existsSync(join(folder, backupName(at, opts.kind)))) at = new Date(at.getTime() + 1);
  const name = backupName(at, opts.kind);
  const part = join(folder, `.${name}.part`);
  const final = join(folder, name);
  mkdirSync(part, { mode: 0o700 });
  try {
    const file = join(part, DATABASE_FILE);
    await onlineBackup(opts.sqlite, file);
    // One file that opens anywhere: no WAL beside it.
    const copy = openCopy(file, opts.nativeBinding, false);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    syncFile(file);
    const facts = await inspectCopy(file, opts.key, opts.nativeBinding);
    if (opts.checked !== false) {
      if (facts.integrity.join() !== 'ok')
        throw new BackupCheckFailed(`integrity_check: ${facts.integrity.slice(0, 3).join('; ')}`);
      if (!facts.auditIntact)
        throw new BackupCheckFailed(`audit trail: ${facts.auditProblems} problem(s)`);
    }
    const { missing } = copyBlobs(folder, facts.fileHashes, (sha) => blobPath(opts.dataDir, sha));
    const keys = join(opts.dataDir, KEY_FOLDER);
    if (existsSync(keys)) cpSync(keys, join(part, KEY_FOLDER), { recursive: true });
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      name,
      kind: opts.kind,
      createdAt: at.toISOString(),
      appVersion: APP_VERSION,
      schemaVersion: facts.schemaVersion,
      sizeBytes: statSync(file).size,
      sha256: await sha256File(file),
      counts: facts.counts,
      files: facts.fileHashes,
      missingFiles: missing,
      auditHeadSeq: facts.auditHeadSeq,
    };
    writeFileSync(join(part, MANIFEST_FILE), JSON.stringify(manifest, null, 2), { mode: 0o600 });
    syncFile(join(part, MANIFEST_FILE));
    renameSync(part, final);
    syncDir(folder);
    return manifest;
  } catch (e) {
    rmSync(part, { recursive: true, force: true });
    throw e;
  }
}
