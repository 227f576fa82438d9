/** The office's case settings (numbering, due days), the service types and who may hold cases. */
import type { Kysely, Selectable } from 'kysely';
import type { ServiceType } from '../../../shared/contract/cases';
import { CASE_REGISTER } from '../../../shared/reference/cases';
import type { Role } from '../../../shared/roles';
import type { DB } from '../db/schema';
import type { CaseServiceTypesTable, CaseSettingsTable } from '../db/tables/cases';
import { AppError } from '../errors';
import { issueNumber, nextNumber, type IssuedNumber, type IssueOptions } from '../registers/issue';
import { activeUsersWithRoles } from '../users/queries';

export async function loadCaseSettings(db: Kysely<DB>): Promise<Selectable<CaseSettingsTable>> {
  return db.selectFrom('case_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

function register(s: Selectable<CaseSettingsTable>, now: Date, timeZone: string): IssueOptions {
  return { pattern: s.number_pattern, code: '', now, timeZone };
}

/** Takes the case's number in the opening write (a failed save rolls it back). */
export async function issueCaseNumber(
  db: Kysely<DB>,
  now: Date,
  timeZone: string,
): Promise<IssuedNumber> {
  const issued = await issueNumber(
    db,
    CASE_REGISTER,
    register(await loadCaseSettings(db), now, timeZone),
  );
  const taken = await db
    .selectFrom('cases')
    .select('id')
    .where('number', '=', issued.number)
    .executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', 'case.number_taken', { number: issued.number });
  return issued;
}

export async function previewCaseNumber(db: Kysely<DB>, now: Date, timeZone: string) {
  const s = await loadCaseSettings(db);
  return nextNumber(db, CASE_REGISTER, register(s, now, timeZone));
}

export function toServiceType(r: Selectable<CaseServiceTypesTable>): ServiceType {
  return {
    id: r.id,
    name: r.name,
    nameEn: r.name_en,
    active: r.active === 1,
    sortOrder: r.sort_order,
    version: r.version,
  };
}

/** Who may hold a case, and who may supervise one. */
export const CASEWORKER_ROLES: readonly Role[] = ['caseworker', 'supervisor', 'admin'];
export const SUPERVISOR_ROLES: readonly Role[] = ['supervisor', 'admin'];

/** Active users holding one of `roles`, by name. */
export async function usersWithRoles(db: Kysely<DB>, roles: readonly Role[]) {
  const rows = await activeUsersWithRoles(db, roles);
  return rows.map((r) => ({ id: r.id, fullName: r.full_name }));
}

export async function holdsRole(
  db: Kysely<DB>,
  userId: string,
  roles: readonly Role[],
): Promise<boolean> {
  return (await usersWithRoles(db, roles)).some((u) => u.id === userId);
}
