/**
 * The data folder holds personal data (UU PDP): on Linux and macOS only its owner may read it,
 * the folder and every folder in it 700, every file 600 (database, WAL and SHM, stored files,
 * keys). New files are created that way; an install from before is tightened when it opens.
 * On Windows the folder inherits the user profile's access rules, which already keep other
 * users out; modes mean nothing there.
 */
import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const posix = process.platform !== 'win32';

/** Creates `dir` (and missing parents) readable by its owner only. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (posix) chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Creates an empty file readable by its owner only, when it does not exist yet. */
export function touchPrivateFile(path: string): void {
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
}

/**
 * Sets 700 on `dataDir` itself and, for each of `entries` in it that exists, 700 on folders and
 * 600 on files all the way down; links are left alone (never followed). Only Pelita's own
 * entries: the folder may be one the office chose that holds other things too. Returns how many
 * had wider modes, for the start-up log.
 */
export function tightenDataDir(dataDir: string, entries: readonly string[]): number {
  if (!posix) return 0;
  let changed = 0;
  const set = (path: string, mode: number) => {
    const st = lstatSync(path, { throwIfNoEntry: false });
    if (!st || st.isSymbolicLink()) return null;
    if ((st.mode & 0o777) !== mode) {
      chmodSync(path, mode);
      changed++;
    }
    return st;
  };
  const visit = (path: string) => {
    const st = lstatSync(path, { throwIfNoEntry: false });
    if (!st) return;
    if (set(path, st.isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE)?.isDirectory())
      for (const name of readdirSync(path)) visit(join(path, name));
  };
  set(dataDir, PRIVATE_DIR_MODE);
  for (const entry of entries) visit(join(dataDir, entry));
  return changed;
}
