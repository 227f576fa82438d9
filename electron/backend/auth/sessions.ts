import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role } from '../../../shared/roles';
import type { DB } from '../db/schema';

/** A session ends after this long without a call, and in any case after the absolute limit. */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is refreshed at most this often, to keep reads from writing on every call. */
const TOUCH_EVERY_MS = 60 * 1000;

export interface SessionUser {
  sessionId: string;
  id: string;
  username: string;
  fullName: string;
  roles: Role[];
  mustChangePassword: boolean;
}

export function newToken(): { token: string; id: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, id: tokenId(token) };
}

export function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function rolesOf(db: Kysely<DB>, userId: string): Promise<Role[]> {
  const rows = await db
    .selectFrom('user_roles')
    .select('role')
    .where('user_id', '=', userId)
    .orderBy('role')
    .execute();
  return rows.map((r) => r.role);
}

/** Resolves a token to its active user, ending the session if it has expired. */
export async function resolveSession(
  db: Kysely<DB>,
  token: string | null,
  now: Date,
): Promise<SessionUser | null> {
  if (!token || token.length > 200) return null;
  const id = tokenId(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as sessionId',
      'sessions.created_at',
      'sessions.last_seen_at',
      'users.id',
      'users.username',
      'users.full_name',
      'users.active',
      'users.must_change_password',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const t = now.getTime();
  const idle = t - Date.parse(row.last_seen_at);
  const age = t - Date.parse(row.created_at);
  if (row.active !== 1 || idle > SESSION_IDLE_MS || age > SESSION_MAX_MS) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  if (idle > TOUCH_EVERY_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
  }
  return {
    sessionId: id,
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    roles: await rolesOf(db, row.id),
    mustChangePassword: row.must_change_password === 1,
  };
}
