/**
 * Protection of the exchange keys' private parts (a port): sealed with a passphrase the admin
 * chooses (scrypt + AES-256-GCM) and kept open in memory once unlocked. Both shells use the
 * passphrase today: the backend runs in Electron's utility process, where safeStorage is not
 * available, and this port is synchronous; `osProtector` is the shape a main-process relay of
 * safeStorage will take (`setKeyProtector` at open). A wrong passphrase is a clear error.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import type { KeyProtection } from '../../../shared/reference/packets';
import { AppError, fieldError } from '../errors';

export interface KeyProtector {
  readonly kind: KeyProtection;
  seal(secret: Uint8Array, passphrase: string | null): string;
  open(sealed: string, passphrase: string | null): Uint8Array;
}

const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
export const MIN_PASSPHRASE = 10;

function need(passphrase: string | null): string {
  if (!passphrase) throw fieldError(['passphrase'], 'packets.passphrase_needed');
  return passphrase;
}

export const passphraseProtector: KeyProtector = {
  kind: 'passphrase',
  seal(secret, passphrase) {
    const pass = need(passphrase);
    if (pass.length < MIN_PASSPHRASE)
      throw fieldError(['passphrase'], 'packets.passphrase_short', { min: MIN_PASSPHRASE });
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const key = scryptSync(pass, salt, 32, SCRYPT);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const data = Buffer.concat([cipher.update(secret), cipher.final()]);
    return JSON.stringify({
      v: 1,
      salt: salt.toString('base64'),
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    });
  },
  open(sealed, passphrase) {
    const pass = need(passphrase);
    const s = JSON.parse(sealed) as Record<string, string>;
    const key = scryptSync(pass, Buffer.from(s.salt!, 'base64'), 32, SCRYPT);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(s.iv!, 'base64'));
    decipher.setAuthTag(Buffer.from(s.tag!, 'base64'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(s.data!, 'base64')), decipher.final()]);
    } catch {
      throw fieldError(['passphrase'], 'packets.passphrase_wrong');
    }
  },
};

/** OS-level protection (Electron's safeStorage), given by the shell as two functions. */
export function osProtector(os: {
  encrypt(plain: Uint8Array): Uint8Array;
  decrypt(sealed: Uint8Array): Uint8Array;
}): KeyProtector {
  return {
    kind: 'os',
    seal: (secret) => Buffer.from(os.encrypt(secret)).toString('base64'),
    open: (sealed) => {
      try {
        return os.decrypt(Buffer.from(sealed, 'base64'));
      } catch {
        throw new AppError('CONFLICT', 'packets.key_os_locked');
      }
    },
  };
}

const protectors = new Map<string, KeyProtector>();

/** The shell chooses the protection for a data folder when it opens the backend. */
export function setKeyProtector(dataDir: string, protector: KeyProtector): void {
  protectors.set(dataDir, protector);
}

export function keyProtector(dataDir: string): KeyProtector {
  return protectors.get(dataDir) ?? passphraseProtector;
}
