/**
 * The office's Ed25519 signing key: signs audit checkpoints (audit/checkpoints.ts), unattended.
 * Exchange packets sign with a separate, sealed key (exchangeKeys.ts). Kept in the data folder
 * as `keys/office-ed25519.pem` (folder 700, file 600), created on first use. Whoever can read that file can sign as the
 * office: the printed or exported checkpoints are what an outsider checks against.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { sign as edSign, verify as edVerify, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const KEY_FOLDER = 'keys';
export const SIGNING_KEY_FILE = 'office-ed25519.pem';

export interface OfficeKey {
  /** Fingerprint: the first 16 hex digits of SHA-256 over the raw public key. */
  readonly id: string;
  /** The raw 32-byte public key, base64: what a printed checkpoint or a partner office keeps. */
  readonly publicKey: string;
  /** Ed25519 signature of `message` (UTF-8 when text), base64. */
  sign(message: string | Uint8Array): string;
  /** Checks a signature made by this key. */
  verify(message: string | Uint8Array, signature: string): boolean;
}

const bytes = (m: string | Uint8Array) => (typeof m === 'string' ? Buffer.from(m, 'utf8') : m);

function rawPublicKey(key: KeyObject): Buffer {
  // The SPKI DER of an Ed25519 key is a fixed 12-byte header and the 32 key bytes.
  return key.export({ type: 'spki', format: 'der' }).subarray(-32);
}

const publicKeys = new Map<string, KeyObject>();

/** A public key given as the raw base64 bytes (a partner's key card, a printed checkpoint). */
export function publicKeyFrom(raw: string): KeyObject {
  const known = publicKeys.get(raw);
  if (known) return known;
  const der = Buffer.concat([
    Buffer.from('302a300506032b6570032100', 'hex'),
    Buffer.from(raw, 'base64'),
  ]);
  const key = createPublicKey({ key: der, format: 'der', type: 'spki' });
  if (publicKeys.size < 100) publicKeys.set(raw, key);
  return key;
}

/** Checks `signature` over `message` against a raw base64 public key. */
export function verifySignature(
  publicKey: string,
  message: string | Uint8Array,
  signature: string,
) {
  try {
    return edVerify(
      null,
      bytes(message),
      publicKeyFrom(publicKey),
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
}

export function keyFingerprint(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 16);
}

function loadOrCreate(dataDir: string): KeyObject {
  const dir = join(dataDir, KEY_FOLDER);
  const file = join(dir, SIGNING_KEY_FILE);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existsSync(file)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });
    try {
      // `wx`: two processes starting at once keep the first key written.
      writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  chmodSync(dir, 0o700);
  chmodSync(file, 0o600);
  return createPrivateKey(readFileSync(file));
}

const opened = new Map<string, OfficeKey>();

/** The data folder's signing key, created if missing; one object per folder and process. */
export function openOfficeKey(dataDir: string): OfficeKey {
  const known = opened.get(dataDir);
  if (known) return known;
  const privateKey = loadOrCreate(dataDir);
  const publicKey = rawPublicKey(createPublicKey(privateKey)).toString('base64');
  const key: OfficeKey = {
    id: keyFingerprint(publicKey),
    publicKey,
    sign: (message) => edSign(null, bytes(message), privateKey).toString('base64'),
    verify: (message, signature) => verifySignature(publicKey, message, signature),
  };
  opened.set(dataDir, key);
  return key;
}
