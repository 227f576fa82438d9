/**
 * Encrypted copies for leaving the office: one backup and the stored files it needs, as a tar
 * archive, encrypted with age for a passphrase (scrypt). It opens anywhere with the standard
 * tools too: `age -d copy.pelita-backup.age | tar -x`. Streams both ways, so a large database
 * never sits in memory.
 */
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { DATABASE_FILE } from '../db/open';
import { once } from 'node:events';
import { dirname, join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { Decrypter, Encrypter } from 'age-encryption';
import { isBackupName, sha256File, sharedBlobPath, syncDir } from './folder';
import { readManifest, type Manifest } from './manifest';

export const SEALED_SUFFIX = '.pelita-backup.age';

/** Every file of the backup folder `dir`, relative paths with `/`. */
function walk(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const rel = dir ? `${dir}/${name}` : name;
    if (statSync(join(root, rel)).isDirectory()) out.push(...walk(root, rel));
    else out.push(rel);
  }
  return out;
}

function tarHeader(name: string, size: number): Uint8Array {
  const h = Buffer.alloc(512);
  const put = (s: string, at: number, len: number) => h.write(s, at, len, 'ascii');
  const octal = (n: number, len: number) => n.toString(8).padStart(len - 1, '0') + '\0';
  put(name, 0, 100);
  put(octal(0o600, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(Math.floor(Date.now() / 1000), 12), 136, 12);
  put('        ', 148, 8);
  put('0', 156, 1);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  let sum = 0;
  for (const b of h) sum += b;
  put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
  return h;
}

async function* tarEntries(entries: { name: string; path: string }[]): AsyncGenerator<Uint8Array> {
  for (const e of entries) {
    if (Buffer.byteLength(e.name) > 99) throw new Error(`name too long for tar: ${e.name}`);
    const size = statSync(e.path).size;
    yield tarHeader(e.name, size);
    for await (const chunk of createReadStream(e.path, { highWaterMark: 1 << 20 }))
      yield new Uint8Array(chunk as Buffer);
    if (size % 512) yield new Uint8Array(512 - (size % 512));
  }
  yield new Uint8Array(1024);
}

/** Writes `<target>/<name>.pelita-backup.age`; returns its path and size. */
export async function sealBackup(
  folder: string,
  manifest: Manifest,
  passphrase: string,
  target: string,
  workFactor?: number,
): Promise<{ path: string; sizeBytes: number }> {
  const dir = join(folder, manifest.name);
  const entries = [
    ...walk(dir, '').map((rel) => ({ name: `${manifest.name}/${rel}`, path: join(dir, rel) })),
    ...manifest.files.map((sha) => ({
      name: `files/${sha.slice(0, 2)}/${sha}`,
      path: sharedBlobPath(folder, sha),
    })),
  ];
  const e = new Encrypter();
  e.setPassphrase(passphrase);
  if (workFactor) e.setScryptWorkFactor(workFactor);
  const plain = Readable.toWeb(Readable.from(tarEntries(entries))) as ReadableStream<Uint8Array>;
  const sealed = await e.encrypt(plain);
  mkdirSync(target, { recursive: true });
  const path = join(target, manifest.name + SEALED_SUFFIX);
  const part = path + '.part';
  const out = createWriteStream(part, { mode: 0o600 });
  for await (const chunk of sealed as unknown as AsyncIterable<Uint8Array>) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  renameSync(part, path);
  syncDir(target);
  return { path, sizeBytes: statSync(path).size };
}

export class SealedError extends Error {
  constructor(readonly reason: 'passphrase' | 'format') {
    super(reason);
  }
}

/**
 * Decrypts a sealed copy into the backup folder: its backup folder and any stored files the
 * folder lacks. A wrong passphrase or a damaged file leaves the folder as it was.
 */
export async function unsealBackup(
  file: string,
  passphrase: string,
  folder: string,
): Promise<Manifest> {
  const d = new Decrypter();
  d.addPassphrase(passphrase);
  const input = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  let plain: ReadableStream<Uint8Array>;
  try {
    plain = await d.decrypt(input);
  } catch {
    throw new SealedError('passphrase');
  }
  const staging = join(folder, `.unseal-${process.pid}-${Date.now()}.part`);
  mkdirSync(staging, { recursive: true, mode: 0o700 });
  try {
    await untar(plain as unknown as AsyncIterable<Uint8Array>, staging);
    const names = readdirSync(staging).filter(isBackupName);
    const manifest = names.length === 1 ? readManifest(join(staging, names[0]!)) : null;
    if (!manifest) throw new SealedError('format');
    const db = join(staging, manifest.name, DATABASE_FILE);
    if (!existsSync(db) || (await sha256File(db)) !== manifest.sha256)
      throw new SealedError('format');
    if (existsSync(join(folder, manifest.name))) return readManifest(join(folder, manifest.name))!;
    for (const sha of manifest.files) {
      const from = join(staging, 'files', sha.slice(0, 2), sha);
      const to = sharedBlobPath(folder, sha);
      if (existsSync(to) || !existsSync(from)) continue;
      mkdirSync(dirname(to), { recursive: true, mode: 0o700 });
      renameSync(from, to);
    }
    renameSync(join(staging, manifest.name), join(folder, manifest.name));
    syncDir(folder);
    return manifest;
  } catch (e) {
    if (e instanceof SealedError) throw e;
    throw new SealedError('format');
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Reads a tar stream (as sealBackup writes it) into `dir`, refusing paths that leave it. */
async function untar(stream: AsyncIterable<Uint8Array>, dir: string): Promise<void> {
  let buf = Buffer.alloc(0);
  let file: { out: ReturnType<typeof createWriteStream>; left: number; pad: number } | null = null;
  let skip = 0;
  for await (const chunk of stream) {
    buf = buf.length ? Buffer.concat([buf, Buffer.from(chunk)]) : Buffer.from(chunk);
    for (;;) {
      if (skip > 0) {
        const n = Math.min(skip, buf.length);
        buf = buf.subarray(n);
        skip -= n;
        if (skip > 0) break;
      }
      if (file) {
        const n = Math.min(file.left, buf.length);
        if (n > 0 && !file.out.write(buf.subarray(0, n))) await once(file.out, 'drain');
        buf = buf.subarray(n);
        file.left -= n;
        if (file.left > 0) break;
        file.out.end();
        await once(file.out, 'finish');
        skip = file.pad;
        file = null;
        continue;
      }
      if (buf.length < 512) break;
      const header = buf.subarray(0, 512);
      buf = buf.subarray(512);
      if (header.every((b) => b === 0)) return;
      const name = header.subarray(0, 100).toString('ascii').replace(/\0.*$/s, '');
      const size = parseInt(header.subarray(124, 136).toString('ascii').replace(/\0.*$/s, ''), 8);
      const path = join(dir, name);
      if (!Number.isFinite(size) || relative(dir, path).startsWith('..') || name.includes('\\'))
        throw new SealedError('format');
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      file = {
        out: createWriteStream(path, { mode: 0o600 }),
        left: size,
        pad: size % 512 ? 512 - (size % 512) : 0,
      };
      if (size === 0) {
        file.out.end();
        await once(file.out, 'finish');
        skip = 0;
        file = null;
      }
    }
  }
}
