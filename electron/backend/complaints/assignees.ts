/**
 * Who may be given a complaint: active complaint officers, caseworkers (follow-up visits are
 * their work) and admins, each named by the role they hold it by (shared/workflow/complaints.ts).
 */
import { sql, type Kysely } from 'kysely';
import type { AssigneeRef } from '../../../shared/contract/complaints';
import type { Role } from '../../../shared/roles';
import { complaintFlow } from '../../../shared/workflow/complaints';
import { assigneeRole } from '../../../shared/workflow/engine';
import { findRow } from '../db/lookup';
import type { DB } from '../db/schema';

const ASSIGNEE_ROLES: Role[] = [...(complaintFlow.assignees ?? [])];

/** The role a user is named by as an assignee, from their roles as `group_concat` gives them. */
export function roleOfAssignee(roles: string | null): Role | null {
  return assigneeRole(complaintFlow, (roles ?? '').split(',') as Role[]);
}

/** `group_concat` of a user's roles, for a query that has the user's id in `column`. */
export function rolesOf(column: string) {
  return sql<
    string | null
  >`(SELECT group_concat(r.role) FROM user_roles r WHERE r.user_id = ${sql.ref(column)})`;
}

export async function listAssignees(db: Kysely<DB>): Promise<AssigneeRef[]> {
  const rows = await db
    .selectFrom('users')
    .select(['users.id', 'users.full_name', rolesOf('users.id').as('roles')])
    .where('users.active', '=', 1)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_roles')
          .select('user_roles.user_id')
          .whereRef('user_roles.user_id', '=', 'users.id')
          .where('user_roles.role', 'in', ASSIGNEE_ROLES),
      ),
    )
    .orderBy('users.full_name')
    .execute();
  return rows.map((r) => ({ id: r.id, fullName: r.full_name, role: roleOfAssignee(r.roles) }));
}

export async function isAssignable(db: Kysely<DB>, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.id')
    .where('users.id', '=', userId)
    .where('users.active', '=', 1)
    .where('user_roles.role', 'in', ASSIGNEE_ROLES)
    .executeTakeFirst();
  return !!row;
}

/** The name an assignment event keeps, as the assignee was called then. */
export async function assigneeName(db: Kysely<DB>, userId: string): Promise<string | null> {
  return (await findRow(db, 'users', { id: userId }))?.full_name ?? null;
}
