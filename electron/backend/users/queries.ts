import type { Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { ParsedInput } from '../../../shared/contract';
import type { UserRow } from '../../../shared/contract/users';
import type { Role } from '../../../shared/roles';
import { diffRecords } from '../audit/diff';
import type { DB, UsersTable } from '../db/schema';
import { contains } from '../lib/like';

const COLUMNS = [
  'id',
  'username',
  'full_name',
  'nip',
  'position',
  'kelurahan_code',
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
  return withRoles(db, await q.execute(), ids);
}

type UserColumns = Pick<Selectable<UsersTable>, (typeof COLUMNS)[number]>;

/**
 * One page of the users list. An office has a few dozen accounts, so every sort key is cheap;
 * username (unique index) breaks ties so pages never overlap.
 */
export async function listUsers(
  db: Kysely<DB>,
  input: ParsedInput<'users.list'>,
): Promise<{ users: UserRow[]; total: number }> {
  let q = db.selectFrom('users');
  if (!input.includeInactive) q = q.where('active', '=', 1);
  if (input.q) {
    const term = input.q;
    q = q.where((eb) =>
      eb.or(['username', 'full_name', 'nip', 'position'].map((c) => contains(c, term))),
    );
  }
  if (input.role) {
    const role = input.role;
    q = q.where('id', 'in', (eb) =>
      eb.selectFrom('user_roles').select('user_id').where('role', '=', role),
    );
  }
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let rows = q.select(COLUMNS);
  switch (input.sort) {
    case 'username_desc':
      rows = rows.orderBy('username', 'desc');
      break;
    case 'name':
      rows = rows.orderBy(sql`full_name COLLATE NOCASE`).orderBy('username');
      break;
    case 'name_desc':
      rows = rows.orderBy(sql`full_name COLLATE NOCASE DESC`).orderBy('username');
      break;
    case 'last_login':
      rows = rows.orderBy(sql`last_login_at IS NULL`).orderBy('last_login_at', 'desc');
      rows = rows.orderBy('username');
      break;
    default:
      rows = rows.orderBy('username');
  }
  if (input.pageSize) rows = rows.limit(input.pageSize).offset((input.page - 1) * input.pageSize);
  return { users: await withRoles(db, await rows.execute()), total: Number(n) };
}

async function withRoles(db: Kysely<DB>, users: UserColumns[], ids?: string[]): Promise<UserRow[]> {
  if (users.length === 0) return [];
  let rq = db.selectFrom('user_roles').select(['user_id', 'role']).orderBy('role');
  rq = rq.where('user_id', 'in', ids ?? users.map((u) => u.id));
  const roles = new Map<string, Role[]>();
  for (const r of await rq.execute()) {
    const list = roles.get(r.user_id) ?? [];
    list.push(r.role);
    roles.set(r.user_id, list);
  }
  const villages = await db
    .selectFrom('regions')
    .select(['code', 'name'])
    .where('code', 'in', [...new Set(users.map((u) => u.kelurahan_code ?? ''))])
    .execute();
  const villageName = new Map(villages.map((v) => [v.code, v.name]));
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    fullName: u.full_name,
    nip: u.nip,
    position: u.position,
    roles: roles.get(u.id) ?? [],
    kelurahan: u.kelurahan_code
      ? { code: u.kelurahan_code, name: villageName.get(u.kelurahan_code) ?? u.kelurahan_code }
      : null,
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
  for (const key of ['username', 'full_name', 'nip', 'position', 'kelurahan_code', 'locked_until'])
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

/** `group_concat` of a user's roles, for a query that has the user's id in `column`. */
export function rolesSql(column: string) {
  return sql<
    string | null
  >`(SELECT group_concat(r.role) FROM user_roles r WHERE r.user_id = ${sql.ref(column)})`;
}

/**
 * Active users holding any of `roles`, by name, each with all their roles (as `group_concat`
 * gives them): whom a case or a complaint may be given to.
 */
export async function activeUsersWithRoles(db: Kysely<DB>, roles: readonly Role[]) {
  return db
    .selectFrom('users')
    .select(['users.id', 'users.full_name', rolesSql('users.id').as('roles')])
    .where('users.active', '=', 1)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_roles')
          .select('user_roles.user_id')
          .whereRef('user_roles.user_id', '=', 'users.id')
          .where('user_roles.role', 'in', roles),
      ),
    )
    .orderBy('users.full_name')
    .execute();
}
