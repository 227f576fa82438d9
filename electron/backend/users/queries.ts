import type { Kysely } from 'kysely';
import type { UserRow } from '../../../shared/contract/users';
import type { Role } from '../../../shared/roles';
import { diffRecords } from '../audit/diff';
import type { DB } from '../db/schema';

const COLUMNS = [
  'id',
  'username',
  'full_name',
  'nip',
  'position',
  'active',
  'locked_until',
  'last_login_at',
  'created_at',
  'version',
] as const;

/** Users with their roles, in two queries whatever the count. */
export async function loadUsers(db: Kysely<DB>, ids?: string[]): Promise<UserRow[]> {
  let q = db.selectFrom('users').select(COLUMNS).orderBy('username');
  if (ids) q = q.where('id', 'in', ids);
  const users = await q.execute();
  if (users.length === 0) return [];
  let rq = db.selectFrom('user_roles').select(['user_id', 'role']).orderBy('role');
  if (ids) rq = rq.where('user_id', 'in', ids);
  const roles = new Map<string, Role[]>();
  for (const r of await rq.execute()) {
    const list = roles.get(r.user_id) ?? [];
    list.push(r.role);
    roles.set(r.user_id, list);
  }
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    fullName: u.full_name,
    nip: u.nip,
    position: u.position,
    roles: roles.get(u.id) ?? [],
    active: u.active === 1,
    lockedUntil: u.locked_until,
    lastLoginAt: u.last_login_at,
    createdAt: u.created_at,
    version: u.version,
  }));
}

export async function loadUser(db: Kysely<DB>, id: string): Promise<UserRow | undefined> {
  return (await loadUsers(db, [id]))[0];
}

/**
 * The audit view of a user row: profile, state and the fact that the password changed (the
 * `password` field is always redacted), never the hash. Only the fields given are kept.
 */
export function auditView(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['username', 'full_name', 'nip', 'position', 'locked_until'])
    if (key in row) out[key] = row[key];
  if ('active' in row) out.active = row.active === 1;
  if ('password_hash' in row) out.password = row.password_hash;
  return out;
}

/** The roles as an audit diff (empty when unchanged); they live in their own table. */
export function rolesDiff(
  before: readonly Role[] | null,
  after: readonly Role[],
): Record<string, [unknown, unknown]> {
  return diffRecords(before && { roles: [...before].sort() }, {
    roles: [...new Set(after)].sort(),
  });
}

export async function countActiveAdmins(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('users.active', '=', 1)
    .where('user_roles.role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setRoles(
  db: Kysely<DB>,
  userId: string,
  roles: readonly Role[],
): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  await db
    .insertInto('user_roles')
    .values([...new Set(roles)].map((role) => ({ user_id: userId, role })))
    .execute();
}
