/**
 * Client mode's setting: a PC that uses the office host's database instead of its own. The admin
 * sets it on the office network screen (or puts `office-host.json` in the PC's data folder,
 * %APPDATA%\Pelita):
 *
 *   { "url": "https://pelita-kantor:5871/", "fingerprint": "AB:CD:…" }
 *
 * The fingerprint is the SHA-256 of the host's certificate, as `npm run serve -- --office`
 * prints it. The window then loads the host's pages over https (no local backend, no preload:
 * the pages talk to the host as in a browser), and the session accepts that host's certificate
 * only when its fingerprint is the pinned one; every other certificate is refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writePrivateJson } from './settings';

export const CLIENT_FILE = 'office-host.json';

export interface OfficeClient {
  /** The page to open, e.g. https://pelita-kantor:5871/ */
  url: string;
  origin: string;
  hostname: string;
  /** Upper-case hex pairs joined by colons. */
  fingerprint: string;
}

/** A client file that exists but cannot be used: said in the message, never silently ignored. */
export class ClientConfigError extends Error {}

const HEX_PAIRS = /^([0-9a-f]{2}:?){31}[0-9a-f]{2}$/i;

/**
 * "AB:CD:…" (or without colons) and Electron's "sha256/<base64>" to one form; null when it is
 * neither a SHA-256 in hex nor in base64.
 */
export function normalizeFingerprint(text: string): string | null {
  const t = text.trim();
  let bytes: Buffer;
  if (HEX_PAIRS.test(t)) bytes = Buffer.from(t.replace(/:/g, ''), 'hex');
  else if (t.startsWith('sha256/')) bytes = Buffer.from(t.slice('sha256/'.length), 'base64');
  else return null;
  if (bytes.length !== 32) return null;
  return [...bytes].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
}

const FILE_SCHEMA = z.object({ url: z.string(), fingerprint: z.string() }).strict();

/** Client mode's settings from the data folder, or null when this PC keeps its own database. */
export function readOfficeClient(
  dataDir: string,
  read: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): OfficeClient | null {
  let text: string;
  try {
    text = read(join(dataDir, CLIENT_FILE));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ClientConfigError(`cannot be read (${(e as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ClientConfigError('is not JSON');
  }
  const parsed = FILE_SCHEMA.safeParse(raw);
  if (!parsed.success) throw new ClientConfigError('needs exactly "url" and "fingerprint"');
  let url: URL;
  try {
    url = new URL(parsed.data.url);
  } catch {
    throw new ClientConfigError(`"url" is not an address: ${parsed.data.url}`);
  }
  if (url.protocol !== 'https:' || url.username || url.password)
    throw new ClientConfigError('"url" must start with https:// (the office host only speaks TLS)');
  const fingerprint = normalizeFingerprint(parsed.data.fingerprint);
  if (!fingerprint)
    throw new ClientConfigError('"fingerprint" must be the SHA-256 fingerprint the host printed');
  return { url: url.href, origin: url.origin, hostname: url.hostname, fingerprint };
}

/** Saves client mode's setting (the desktop app reads it at its next start). */
export function writeOfficeClient(dataDir: string, url: string, fingerprint: string): void {
  writePrivateJson(join(dataDir, CLIENT_FILE), { url, fingerprint });
}
