import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { FieldIssue } from '../../../shared/errors';
import type { Ctx } from '../dispatch/context';
import { fieldErrors } from '../errors';

/** scrypt cost (N = 2^15, r = 8, p = 1): about 50–100 ms here, stored with each hash so it can rise. */
const LOG_N = 15;
const R = 8;
const P = 1;
const KEY_LEN = 32;
const MAX_MEM = 128 * 1024 * 1024;

export const MIN_PASSWORD_LENGTH = 10;

/**
 * At most this many hashes at once: each takes 32 MB and a thread of libuv's small pool, which
 * file reads and writes share. A flood of sign-ins waits here, not in the database.
 */
const MAX_PARALLEL = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((go) => waiting.push(go));
  else running++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

function derive(
  password: string,
  salt: Buffer,
  logN: number,
  r: number,
  p: number,
): Promise<Buffer> {
  return limited(
    () =>
      new Promise((resolve, reject) => {
        scrypt(
          password.normalize('NFKC'),
          salt,
          KEY_LEN,
          { N: 2 ** logN, r, p, maxmem: MAX_MEM },
          (err, key) => (err ? reject(err) : resolve(key)),
        );
      }),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, LOG_N, R, P);
  return `scrypt$${LOG_N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, logN, r, p, salt, key] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(
    password,
    Buffer.from(salt, 'base64'),
    Number(logN),
    Number(r),
    Number(p),
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * Compared against when the username does not exist: the same cost as a real hash, so the
 * answer takes as long as a wrong password's, from the first call on. No password matches it.
 */
export const DUMMY_PASSWORD_HASH = `scrypt$${LOG_N}$${R}$${P}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEY_LEN).toString('base64')}`;

const COMMON = new Set([
  'password123',
  'password1234',
  'qwerty12345',
  'qwertyuiop1',
  'admin12345',
  'administrator1',
  'bismillah123',
  'indonesia123',
  'indonesia45',
  'rahasia123',
  'rahasia1234',
  'banjarbaru123',
  'dinsos12345',
  'dinassosial1',
  'pelita12345',
  'abcdef12345',
  'abc1234567',
  'a1234567890',
  '1234567890a',
  'passw0rd123',
]);

/** Minimum strength: length, letters and digits, not the username, not a well-known password. */
export function passwordIssues(
  password: string,
  username: string,
  path: (string | number)[],
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) {
    issues.push({ path, key: 'password.too_short', params: { min: MIN_PASSWORD_LENGTH } });
  }
  if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password)) {
    issues.push({ path, key: 'password.needs_mix' });
  }
  const user = username.trim().toLowerCase();
  if (user.length >= 3 && password.toLowerCase().includes(user)) {
    issues.push({ path, key: 'password.contains_username' });
  }
  if (COMMON.has(password.toLowerCase()) || /^(.)\1+$/.test(password)) {
    issues.push({ path, key: 'password.too_common' });
  }
  return issues;
}

/**
 * A new password checked (its problems are field errors on `path`) and hashed. Handlers run it
 * in a staged method's `prepare`, before the transaction: scrypt holds no database connection.
 */
export async function checkedPasswordHash(
  password: string,
  username: string,
  path: (string | number)[],
): Promise<string> {
  const issues = passwordIssues(password, username, path);
  if (issues.length > 0) throw fieldErrors(issues);
  return hashPassword(password);
}

/** The columns every password set writes (first admin, new user, reset, own change). */
export function passwordColumns(
  ctx: Pick<Ctx, 'nowIso'>,
  passwordHash: string,
): { password_hash: string; password_changed_at: string } {
  return { password_hash: passwordHash, password_changed_at: ctx.nowIso };
}
