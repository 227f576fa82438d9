/**
 * The seal of an issued letter: a hash of its content and the office key's Ed25519 signature
 * over the number, date, office and that hash. The QR code carries all of it, so a scanned QR is
 * checked against the key even before the letter is looked up; the short code printed under it
 * is derived from the signature and typed when no scanner is at hand. This is Pelita's own
 * check that a letter came from this office unchanged — not a certified electronic signature (TTE).
 */
import { createHash } from 'node:crypto';
import type { LetterWords } from './document';

/** The printed facts the seal covers. */
export interface SealedContent extends LetterWords {
  number: string;
  letterDate: string;
  /** The issuing office's region code (63.72) and name. */
  officeCode: string;
  officeName: string;
  signatory: unknown;
}

const QR_PREFIX = 'PELITA-SURAT-1';

export function contentHash(c: SealedContent): string {
  // An array keeps the order fixed whatever order the object was built in.
  const canonical = JSON.stringify([
    c.number,
    c.letterDate,
    c.officeCode,
    c.officeName,
    c.title,
    c.subject,
    c.addressee,
    c.addresseePlace,
    c.sifat,
    c.lampiran,
    c.body,
    c.closing,
    c.tembusan,
    c.signatory,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** What the key signs: everything the QR carries before the signature. */
export function signedMessage(p: {
  number: string;
  letterDate: string;
  officeCode: string;
  hash: string;
}): string {
  return [QR_PREFIX, p.number, p.letterDate, p.officeCode, p.hash].join('|');
}

/** The QR's text: the signed message and the signature (base64url). */
export function qrPayload(message: string, signature: string): string {
  return `${message}|${Buffer.from(signature, 'base64').toString('base64url')}`;
}

export interface ParsedQr {
  number: string;
  letterDate: string;
  officeCode: string;
  hash: string;
  message: string;
  signature: string;
}

/** Reads a QR's text; undefined when it is not a Pelita letter QR. */
export function parseQr(text: string): ParsedQr | undefined {
  const parts = text.trim().split('|');
  if (parts.length !== 6 || parts[0] !== QR_PREFIX) return undefined;
  const [, number, letterDate, officeCode, hash, sig] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (!/^[0-9a-f]{64}$/.test(hash) || !/^[A-Za-z0-9_-]{80,90}$/.test(sig)) return undefined;
  return {
    number,
    letterDate,
    officeCode,
    hash,
    message: signedMessage({ number, letterDate, officeCode, hash }),
    signature: Buffer.from(sig, 'base64url').toString('base64'),
  };
}

/** Crockford's base32 alphabet: no I, L, O or U to misread when typing. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The short code printed under the QR, e.g. "7KQ2M-X9D4R": 50 bits of the signature's hash. */
export function verificationCode(signature: string): string {
  const digest = createHash('sha256').update(signature, 'utf8').digest();
  let bits = 0n;
  for (const byte of digest.subarray(0, 7)) bits = (bits << 8n) | BigInt(byte);
  let out = '';
  for (let i = 0; i < 10; i += 1) {
    out += ALPHABET[Number((bits >> BigInt(56 - 5 * (i + 1))) & 31n)];
  }
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** A typed code as stored: upper case, O→0, I/L→1, separators put back. */
export function normalizeCode(typed: string): string | undefined {
  const plain = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-Z]{10}$/.test(plain) || /U/.test(plain)) return undefined;
  return `${plain.slice(0, 5)}-${plain.slice(5)}`;
}
