/**
 * Restoring: the checks that decide whether a backup may replace the current database, and the
 * file swap itself, done while the database is closed (backup/service.ts closes and reopens it).
 */
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from '../db/open';
import { AppError } from '../errors';
import { blobPath } from '../files/store';
import { KEY_FOLDER, type OfficeKey } from '../keys/officeKey';
import { copyDurably, isBackupName, sha256File, sharedBlobPath, syncDir } from './folder';
import { inspectCopy } from './inspect';
import { readManifest, type Manifest } from './manifest';

/** The backup `name` in `folder`, checked: refuses a newer schema, a changed or corrupt file. */
export async function checkBackup(
  folder: string,
  name: string,
  key: OfficeKey,
  schemaVersion: number,
  nativeBinding?: string,
): Promise<Manifest> {
  const dir = join(folder, name);
  const manifest = isBackupName(name) ? readManifest(dir) : null;
  if (!manifest || !existsSync(join(dir, DATABASE_FILE)))
    throw new AppError('NOT_FOUND', 'backup.not_found', { name });
  if (manifest.schemaVersion > schemaVersion)
    throw new AppError('CONFLICT', 'backup.newer_schema', {
      name,
      theirs: manifest.schemaVersion,
      ours: schemaVersion,
      version: manifest.appVersion,
    });
  const file = join(dir, DATABASE_FILE);
  if ((await sha256File(file)) !== manifest.sha256)
    throw new AppError('CONFLICT', 'backup.corrupt', { name, reason: 'sha256' });
  let facts;
  try {
    facts = await inspectCopy(file, key, nativeBinding);
  } catch {
    throw new AppError('CONFLICT', 'backup.corrupt', { name, reason: 'not a database' });
  }
  if (facts.integrity.join() !== 'ok')
    throw new AppError('CONFLICT', 'backup.corrupt', { name, reason: 'integrity_check' });
  if (!facts.auditIntact)
    throw new AppError('CONFLICT', 'backup.corrupt', { name, reason: 'audit' });
  const missing = manifest.files.filter((sha) => !existsSync(sharedBlobPath(folder, sha)));
  if (missing.length > 0)
    throw new AppError('CONFLICT', 'backup.corrupt', {
      name,
      reason: `${missing.length} file(s) missing`,
    });
  return manifest;
}

/**
 * Puts the backup's database in place of the current one (closed by the caller): copied beside
 * it, flushed, its hash checked again, then renamed over it; the old WAL and SHM go. Stored
 * files the backup refers to come back into the files store; the office key only when the data
 * folder has none (a new disk).
 */
export async function swapIn(dataDir: string, folder: string, manifest: Manifest): Promise<void> {
  const dir = join(folder, manifest.name);
  const target = join(dataDir, DATABASE_FILE);
  const incoming = `${target}.restoring`;
  copyDurably(join(dir, DATABASE_FILE), incoming);
  if ((await sha256File(incoming)) !== manifest.sha256) {
    rmSync(incoming, { force: true });
    throw new Error('the copied database does not match its backup');
  }
  for (const sha of manifest.files) {
    const to = blobPath(dataDir, sha);
    if (existsSync(to)) continue;
    mkdirSync(join(dataDir, 'files', sha.slice(0, 2)), { recursive: true, mode: 0o700 });
    copyDurably(sharedBlobPath(folder, sha), to);
  }
  if (!existsSync(join(dataDir, KEY_FOLDER)) && existsSync(join(dir, KEY_FOLDER)))
    cpSync(join(dir, KEY_FOLDER), join(dataDir, KEY_FOLDER), { recursive: true });
  rmSync(`${target}-wal`, { force: true });
  rmSync(`${target}-shm`, { force: true });
  // rename replaces the file in one step on every platform Node supports.
  renameSync(incoming, target);
  syncDir(dataDir);
}
