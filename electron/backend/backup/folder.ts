/**
 * The backup folder's layout:
 *   <folder>/pelita-20261201T034700Z-auto/   one backup: pelita.sqlite, manifest.json, keys/
 *   <folder>/files/ab/<sha256>              stored files, shared by every backup (copied once)
 * A backup being written is `.<name>.part` until it is checked, so a crash never leaves a
 * half-made copy that looks finished.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  createReadStream,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';
import { syncDir } from '../files/store';
import { readManifest, type BackupKind, type Manifest } from './manifest';

export { syncDir };

const SHA256 = /^[0-9a-f]{64}$/;
const BACKUP_DIR = /^pelita-\d{8}T\d{6}\d{3}Z-(auto|manual|safety)$/;

export function backupName(at: Date, kind: BackupKind): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('.', '');
  return `pelita-${stamp}-${kind}`;
}

export function isBackupName(name: string): boolean {
  return BACKUP_DIR.test(name);
}

export function sharedBlobPath(folder: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error('not a sha256: ' + sha256);
  return join(folder, 'files', sha256.slice(0, 2), sha256);
}

/** Every finished backup in the folder with a readable manifest, newest first. */
export function listBackups(folder: string): Manifest[] {
  if (!existsSync(folder)) return [];
  const out: Manifest[] = [];
  for (const name of readdirSync(folder)) {
    if (!isBackupName(name)) continue;
    const m = readManifest(join(folder, name));
    if (m && m.name === name) out.push(m);
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Leftovers of a backup interrupted by a crash. */
export function removeUnfinished(folder: string): void {
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder))
    if (name.startsWith('.pelita-') && name.endsWith('.part'))
      rmSync(join(folder, name), { recursive: true, force: true });
}

/** Copies a file durably: to a temporary name, flushed, then renamed into place. */
export function copyDurably(from: string, to: string): void {
  const tmp = `${to}.part`;
  copyFileSync(from, tmp);
  syncFile(tmp);
  renameSync(tmp, to);
}

export function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Copies the stored files the backup needs that the folder does not have yet. */
export function copyBlobs(
  folder: string,
  hashes: readonly string[],
  source: (sha: string) => string,
): { missing: number } {
  let missing = 0;
  for (const sha of hashes) {
    const to = sharedBlobPath(folder, sha);
    if (existsSync(to)) continue;
    const from = source(sha);
    if (!existsSync(from)) {
      missing++;
      continue;
    }
    mkdirSync(join(folder, 'files', sha.slice(0, 2)), { recursive: true, mode: 0o700 });
    copyDurably(from, to);
  }
  return { missing };
}

/** Removes the folder's stored files that no remaining backup refers to. */
export function pruneBlobs(folder: string, kept: readonly Manifest[]): number {
  const root = join(folder, 'files');
  if (!existsSync(root)) return 0;
  const used = new Set(kept.flatMap((m) => m.files));
  let removed = 0;
  for (const dir of readdirSync(root)) {
    if (!/^[0-9a-f]{2}$/.test(dir)) continue;
    for (const name of readdirSync(join(root, dir))) {
      if (!SHA256.test(name) || used.has(name)) continue;
      rmSync(join(root, dir, name), { force: true });
      removed++;
    }
  }
  return removed;
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }))
    hash.update(chunk as Buffer);
  return hash.digest('hex');
}
