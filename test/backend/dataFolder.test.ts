/**
 * The data folder holds personal data: on POSIX only its owner may read it (700 folders, 600
 * files), from a new install on, and an install from before is tightened when it opens.
 */
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openBackend, type Backend } from '../../electron/backend/app';
import { blobPath, storeBytes } from '../../electron/backend/files/store';

const posix = process.platform !== 'win32';
const modeOf = (path: string) => statSync(path).mode & 0o777;

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function tempRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'pelita-private-'));
  cleanup.push(() => rmSync(root, { recursive: true, force: true }));
  return root;
}

async function open(dataDir: string): Promise<Backend> {
  const b = await openBackend({ dataDir });
  cleanup.push(() => b.close());
  return b;
}

describe.runIf(posix)('the data folder', () => {
  it('is created owner-only, with the database, WAL, SHM and stored files 600', async () => {
    const previous = process.umask(0o022);
    try {
      const dataDir = join(tempRoot(), 'PelitaData');
      const b = await open(dataDir);
      const sha = storeBytes(dataDir, new TextEncoder().encode('isi berkas'));
      expect(modeOf(dataDir)).toBe(0o700);
      for (const f of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`]) {
        expect([f, modeOf(join(dataDir, f))]).toEqual([f, 0o600]);
      }
      expect(modeOf(join(dataDir, 'files'))).toBe(0o700);
      expect(modeOf(join(blobPath(dataDir, sha), '..'))).toBe(0o700);
      expect(modeOf(blobPath(dataDir, sha))).toBe(0o600);
      b.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      process.umask(previous);
    }
  });

  it('of an older install is tightened when it opens, leaving what is not Pelita’s alone', async () => {
    const root = tempRoot();
    const dataDir = join(root, 'PelitaData');
    const first = await openBackend({ dataDir });
    const sha = storeBytes(dataDir, new TextEncoder().encode('foto lama'));
    // A row keeps the blob through the sweep at the next open.
    first.sqlite
      .prepare(
        `INSERT INTO files (id, sha256, type, size, original_name, purpose, created_at, created_by)
         VALUES ('f1', ?, 'image/png', 9, 'lama.png', 'personPhoto', ?, NULL)`,
      )
      .run(sha, new Date().toISOString());
    await first.close();
    // As an install from before this change left it: world-readable.
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, DATABASE_FILE), 0o644);
    chmodSync(join(dataDir, 'files'), 0o755);
    chmodSync(blobPath(dataDir, sha), 0o644);
    mkdirSync(join(dataDir, 'photos'), { mode: 0o755 });
    writeFileSync(join(dataDir, 'photos', 'lama.jpg'), 'x', { mode: 0o644 });
    // Something of the office's own in the same folder, and a link out of it.
    writeFileSync(join(dataDir, 'catatan.txt'), 'x', { mode: 0o644 });
    writeFileSync(join(root, 'luar.txt'), 'x', { mode: 0o644 });
    symlinkSync(join(root, 'luar.txt'), join(dataDir, 'files', 'tautan'));

    await open(dataDir);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(join(dataDir, DATABASE_FILE))).toBe(0o600);
    expect(modeOf(join(dataDir, 'files'))).toBe(0o700);
    expect(modeOf(blobPath(dataDir, sha))).toBe(0o600);
    expect(modeOf(join(dataDir, 'photos'))).toBe(0o700);
    expect(modeOf(join(dataDir, 'photos', 'lama.jpg'))).toBe(0o600);
    expect(modeOf(join(dataDir, 'catatan.txt'))).toBe(0o644);
    expect(modeOf(join(root, 'luar.txt'))).toBe(0o644);
  });
});
