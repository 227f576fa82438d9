/**
 * The content-addressed store: <data>/files/ab/<sha256>, where `ab` is the hash's first two hex
 * digits. A blob is written to <data>/files/tmp first, fsynced, then renamed into place (and the
 * folder fsynced), so a blob either is complete or is not there. Equal content is one blob.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { makePrivateDir } from '../lib/privateFiles';
import { HEAD_BYTES } from './kinds';

const SHA256 = /^[0-9a-f]{64}$/;

export function filesDir(dataDir: string): string {
  return join(dataDir, 'files');
}

function tmpDir(dataDir: string): string {
  return join(filesDir(dataDir), 'tmp');
}

export function blobPath(dataDir: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error('not a sha256: ' + sha256);
  return join(filesDir(dataDir), sha256.slice(0, 2), sha256);
}

/** Makes a rename in `dir` durable (backup/ uses it too). */
export function syncDir(dir: string): void {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Bytes received into a temporary file, not yet in the store. */
export interface Received {
  tempPath: string;
  sha256: string;
  size: number;
  head: Uint8Array;
}

export class TooLarge extends Error {}

/**
 * Streams `source` into a temporary file, hashing as it goes. More than `maxBytes`: stops
 * reading, removes the temporary file and throws TooLarge. A source that fails (the client went
 * away) leaves nothing behind either.
 */
export async function receive(
  dataDir: string,
  source: AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<Received> {
  makePrivateDir(tmpDir(dataDir));
  const tempPath = join(tmpDir(dataDir), `${randomUUID()}.part`);
  const file = await open(tempPath, 'wx', 0o600);
  const hash = createHash('sha256');
  const head = new Uint8Array(HEAD_BYTES);
  let size = 0;
  try {
    for await (const chunk of source) {
      if (size + chunk.length > maxBytes) throw new TooLarge();
      if (size < HEAD_BYTES) head.set(chunk.subarray(0, HEAD_BYTES - size), size);
      hash.update(chunk);
      await file.write(chunk);
      size += chunk.length;
    }
    await file.sync();
  } catch (e) {
    await file.close();
    rmSync(tempPath, { force: true });
    throw e;
  }
  await file.close();
  return { tempPath, sha256: hash.digest('hex'), size, head: head.subarray(0, size) };
}

/** Moves a received file into the store; when that content is there already, drops the copy. */
export function keep(dataDir: string, received: Received): void {
  const target = blobPath(dataDir, received.sha256);
  if (existsSync(target)) {
    rmSync(received.tempPath, { force: true });
    return;
  }
  makePrivateDir(join(target, '..'));
  renameSync(received.tempPath, target);
  syncDir(join(target, '..'));
}

export function discard(received: Received): void {
  rmSync(received.tempPath, { force: true });
}

/** Stores bytes made by the backend itself (generated files); returns their hash. */
export function storeBytes(dataDir: string, bytes: Uint8Array): string {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (existsSync(blobPath(dataDir, sha256))) return sha256;
  makePrivateDir(tmpDir(dataDir));
  const tempPath = join(tmpDir(dataDir), `${randomUUID()}.part`);
  const fd = openSync(tempPath, 'wx', 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  keep(dataDir, { tempPath, sha256, size: bytes.length, head: bytes.subarray(0, HEAD_BYTES) });
  return sha256;
}

export function removeBlob(dataDir: string, sha256: string): void {
  try {
    unlinkSync(blobPath(dataDir, sha256));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

/** Every blob's hash in the store (for the sweep at open). */
export function listBlobs(dataDir: string): string[] {
  const root = filesDir(dataDir);
  if (!existsSync(root)) return [];
  const out: string[] = [];
  for (const dir of readdirSync(root)) {
    if (!/^[0-9a-f]{2}$/.test(dir)) continue;
    for (const name of readdirSync(join(root, dir))) {
      if (SHA256.test(name) && name.startsWith(dir)) out.push(name);
    }
  }
  return out;
}

/** Temporary files left by a crash or power cut; nothing can be using them while opening. */
export function clearTemp(dataDir: string): void {
  rmSync(tmpDir(dataDir), { recursive: true, force: true });
}
