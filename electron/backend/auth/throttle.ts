/**
 * Failed sign-ins per source (a host client's address, an Electron window) and per typed name,
 * whether or not an account has that name: a blocked name answers the same for a real account
 * and an unknown one, so the answer never tells which names exist. Kept in memory only, so the
 * typed text (sometimes a password typed into the name box) never reaches the disk. The account
 * row mirrors a block for admins (users.locked_until), see auth/handlers.ts.
 */

/** Wrong passwords per name, and failures per source, within WINDOW_MS before a block. */
export const NAME_LIMIT = 5;
export const SOURCE_LIMIT = 20;
export const WINDOW_MS = 15 * 60_000;
export const BLOCK_MS = 15 * 60_000;
/** Past this many remembered keys, idle ones are forgotten (many names typed by a script). */
const MAX_KEYS = 10_000;

interface Bucket {
  failures: number[];
  blockedUntil: number;
  /** Attempts refused while blocked; reported to the trail at 1, 10, 100, … (bounded rows). */
  refused: number;
}

export type ThrottleKey = `name:${string}` | `source:${string}`;

export function signInKeys(username: string, source: string | null): ThrottleKey[] {
  const keys: ThrottleKey[] = [`name:${username}`];
  if (source) keys.push(`source:${source}`);
  return keys;
}

const limitOf = (key: ThrottleKey) => (key.startsWith('name:') ? NAME_LIMIT : SOURCE_LIMIT);

export class SignInThrottle {
  private readonly buckets = new Map<ThrottleKey, Bucket>();

  private bucket(key: ThrottleKey, now: number): Bucket {
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= MAX_KEYS) this.prune(now);
      b = { failures: [], blockedUntil: 0, refused: 0 };
      this.buckets.set(key, b);
    }
    return b;
  }

  private prune(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.blockedUntil <= now && b.failures.every((t) => t <= now - WINDOW_MS))
        this.buckets.delete(key);
    }
  }

  /** The latest end of a block on any of `keys`, or null when none is blocked at `now`. */
  blockedUntil(keys: readonly ThrottleKey[], now: number): number | null {
    let until: number | null = null;
    for (const key of keys) {
      const b = this.buckets.get(key);
      if (b && b.blockedUntil > now) until = Math.max(until ?? 0, b.blockedUntil);
    }
    return until;
  }

  /**
   * Counts an attempt refused by a block (no password was checked). Returns the number of
   * refused attempts so far when the trail should hear of it (the 1st, 10th, 100th …), else null.
   */
  refused(keys: readonly ThrottleKey[], now: number): number | null {
    let report: number | null = null;
    for (const key of keys) {
      const b = this.buckets.get(key);
      if (!b || b.blockedUntil <= now) continue;
      b.refused += 1;
      if (/^10*$/.test(String(b.refused))) report = Math.max(report ?? 0, b.refused);
    }
    return report;
  }

  /**
   * Counts a failed sign-in on every key; a key reaching its limit within the window is blocked
   * for BLOCK_MS. Returns the end of the blocks this failure started, on the name and on the
   * source (null where none started).
   */
  failed(
    keys: readonly ThrottleKey[],
    now: number,
  ): { name: number | null; source: number | null } {
    const started = { name: null as number | null, source: null as number | null };
    for (const key of keys) {
      const b = this.bucket(key, now);
      if (b.blockedUntil <= now && b.blockedUntil !== 0) {
        // An expired block starts a fresh count.
        b.blockedUntil = 0;
        b.refused = 0;
      }
      b.failures = b.failures.filter((t) => t > now - WINDOW_MS);
      b.failures.push(now);
      if (b.failures.length >= limitOf(key)) {
        b.failures = [];
        b.blockedUntil = now + BLOCK_MS;
        started[key.startsWith('name:') ? 'name' : 'source'] = b.blockedUntil;
      }
    }
    return started;
  }

  /** A block kept on the account row across a restart (the memory starts empty). */
  restore(username: string, until: number, now: number): void {
    const b = this.bucket(`name:${username}`, now);
    if (b.blockedUntil < until) b.blockedUntil = until;
  }

  /** A right password (or an admin's reset) clears the name's count and block. */
  clear(username: string): void {
    this.buckets.delete(`name:${username}`);
  }
}
