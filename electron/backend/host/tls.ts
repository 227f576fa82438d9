/**
 * The office host's TLS certificate: self-signed, made on the first office start and kept in
 * the data folder (office-tls/key.pem, cert.pem, owner-only). It names every host name the
 * admin allowed; when a new name is allowed the certificate is issued again for the same key
 * (its fingerprint changes, the key and the SPKI pin do not). The admin reads the SHA-256
 * fingerprint on screen and checks it on each client (browser certificate view or
 * office-host.json in the desktop app).
 */
import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { makePrivateDir } from '../lib/privateFiles';

export const TLS_DIR = 'office-tls';

export interface OfficeCertificate {
  key: string;
  cert: string;
  /** SHA-256 of the certificate, "AB:CD:…": what browsers and office-host.json show. */
  fingerprint256: string;
  /** base64 SHA-256 of the public key (SPKI), for Chromium's --ignore-certificate-errors-spki-list. */
  spki: string;
  /** Whether this start made or re-issued it (clients must check the new fingerprint). */
  issued: boolean;
}

/** Self-signed, so no CA limits it; re-issued 30 days before it ends. */
const VALID_YEARS = 10;

/** The names a certificate must cover: the allowed ones and this PC's own loopback. */
function wantedNames(names: string[]): string[] {
  return [...new Set([...names.map((n) => n.toLowerCase()), 'localhost', '127.0.0.1'])];
}

/** A new self-signed certificate for `names`, with a new P-256 key unless one is given. */
export async function createOfficeCertificate(
  names: string[],
  keyPair?: { privateKey: string; publicKey: string },
): Promise<{ key: string; cert: string }> {
  const all = wantedNames(names);
  const now = new Date();
  const until = new Date(now);
  until.setFullYear(until.getFullYear() + VALID_YEARS);
  const made = await generate([{ name: 'commonName', value: `Pelita office host ${all[0]}` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate: until,
    ...(keyPair ? { keyPair } : {}),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: all.map((n) =>
          isIP(n) ? { type: 7 as const, ip: n } : { type: 2 as const, value: n },
        ),
      },
    ],
  });
  return { key: made.private, cert: made.cert };
}

/** base64 SHA-256 of the certificate's public key (SubjectPublicKeyInfo, DER). */
export function spkiHash(cert: string): string {
  const der = new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64');
}

/** Whether the certificate names every wanted host name. */
function covers(cert: X509Certificate, names: string[]): boolean {
  return names.every((n) => (isIP(n) ? cert.checkIP(n) : cert.checkHost(n)) !== undefined);
}

/** The office certificate from the data folder, made or re-issued when needed. */
export async function officeCertificate(
  dataDir: string,
  names: string[],
): Promise<OfficeCertificate> {
  const dir = join(dataDir, TLS_DIR);
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  let key: string | null = existsSync(keyFile) ? readFileSync(keyFile, 'utf8') : null;
  let cert: string | null = existsSync(certFile) ? readFileSync(certFile, 'utf8') : null;
  let issued = false;
  const current = cert ? new X509Certificate(cert) : null;
  const wanted = wantedNames(names);
  const expiresSoon = current ? Date.parse(current.validTo) < Date.now() + 30 * 86_400_000 : true;
  if (!key || !current || !covers(current, wanted) || expiresSoon) {
    const keyPair = key
      ? {
          privateKey: key,
          publicKey: createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString(),
        }
      : undefined;
    ({ key, cert } = await createOfficeCertificate(names, keyPair));
    makePrivateDir(dir);
    writeFileSync(keyFile, key, { mode: 0o600 });
    writeFileSync(certFile, cert, { mode: 0o600 });
    issued = true;
  }
  return {
    key,
    cert: cert!,
    fingerprint256: new X509Certificate(cert!).fingerprint256,
    spki: spkiHash(cert!),
    issued,
  };
}
