/**
 * Who may be given a complaint: active complaint officers, caseworkers (follow-up visits are
 * their work) and admins, each named by the role they hold it by (shared/workflow/complaints.ts).
 */
import { type Kysely } from 'kysely';
import type { AssigneeRef } from '../../../shared/contract/complaints';
import type { Role } from '../../../shared/roles';
import { complaintFlow } from '../../../shared/workflow/complaints';
import { assigneeRole } from '../../../shared/workflow/engine';
import { findRow } from '../db/lookup';
import type { DB } from '../db/schema';
import { activeUsersWithRoles } from '../users/queries';

const ASSIGNEE_ROLES: Role[] = [...(complaintFlow.assignees ?? [])];

/** The role a user is named by as an assignee, from their roles as `group_concat` gives them. */
export function roleOfAssignee(roles: string | null): Role | null {
  return assigneeRole(complaintFlow, (roles ?? '').split(',') as Role[]);
}

export async function listAssignees(db: Kysely<DB>): Promise<AssigneeRef[]> {
  const rows = await activeUsersWithRoles(db, ASSIGNEE_ROLES);
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
