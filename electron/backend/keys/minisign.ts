/**
 * Signatures in minisign's format, so a partner (or an auditor) can check a packet's manifest
 * with the standard `minisign -V` tool: Ed25519 over the BLAKE2b-512 hash of the file
 * ("ED", prehashed), plus a global signature over the trusted comment.
 * Format: https://jedisct1.github.io/minisign/ (signature and public key formats).
 */
import { createHash, createPrivateKey, sign as edSign, type KeyObject } from 'node:crypto';
import { verifySignature } from './officeKey';

const ALG_PREHASHED = Buffer.from('ED', 'ascii');
const ALG_PUBLIC = Buffer.from('Ed', 'ascii');

/** minisign's 8-byte key id, taken from the key itself so it is stable. */
export function minisignKeyId(signPublic: string): Buffer {
  return createHash('sha256').update(Buffer.from(signPublic, 'base64')).digest().subarray(0, 8);
}

/** The public key line minisign takes with `-P`. */
export function minisignPublicKey(signPublic: string): string {
  return Buffer.concat([
    ALG_PUBLIC,
    minisignKeyId(signPublic),
    Buffer.from(signPublic, 'base64'),
  ]).toString('base64');
}

/** A `minisign.pub` file's text. */
export function minisignPublicKeyFile(signPublic: string, comment: string): string {
  return `untrusted comment: ${comment}\n${minisignPublicKey(signPublic)}\n`;
}

export function privateKeyFromPkcs8(der: Uint8Array): KeyObject {
  return createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
}

/** The `.minisig` text for `message`, signed by `privateKey` (whose raw public key is given). */
export function minisignSign(
  message: Uint8Array,
  privateKey: KeyObject,
  signPublic: string,
  trustedComment: string,
): string {
  const hash = createHash('blake2b512').update(message).digest();
  const sig = edSign(null, hash, privateKey);
  const global = edSign(
    null,
    Buffer.concat([sig, Buffer.from(trustedComment, 'utf8')]),
    privateKey,
  );
  const line = Buffer.concat([ALG_PREHASHED, minisignKeyId(signPublic), sig]).toString('base64');
  return (
    `untrusted comment: signature from Pelita office key\n${line}\n` +
    `trusted comment: ${trustedComment}\n${global.toString('base64')}\n`
  );
}

/** Checks a `.minisig` text over `message` against a raw base64 public key. */
export function minisignVerify(message: Uint8Array, minisig: string, signPublic: string): boolean {
  const lines = minisig.split('\n');
  if (lines.length < 4 || !lines[0]!.startsWith('untrusted comment:')) return false;
  const sigLine = Buffer.from(lines[1] ?? '', 'base64');
  const trusted = lines[2] ?? '';
  if (!trusted.startsWith('trusted comment: ')) return false;
  if (sigLine.length !== 74 || !sigLine.subarray(0, 2).equals(ALG_PREHASHED)) return false;
  if (!sigLine.subarray(2, 10).equals(minisignKeyId(signPublic))) return false;
  const sig = sigLine.subarray(10);
  const hash = createHash('blake2b512').update(message).digest();
  if (!verifySignature(signPublic, hash, sig.toString('base64'))) return false;
  const comment = Buffer.from(trusted.slice('trusted comment: '.length), 'utf8');
  return verifySignature(signPublic, Buffer.concat([sig, comment]), lines[3] ?? '');
}
