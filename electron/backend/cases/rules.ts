/** Rules a case's opening details must keep, checked before anything is written. */
import type { Kysely } from 'kysely';
import type { FieldIssue } from '../../../shared/errors';
import type { PpksCode } from '../../../shared/reference/ppks';
import { OPEN_CASE_STATES } from '../../../shared/workflow/cases';
import { findRow } from '../db/lookup';
import type { DB } from '../db/schema';
import { holdsRole, CASEWORKER_ROLES, SUPERVISOR_ROLES } from './config';

/** Another open case of the person sharing one of `ppks` (one open case per category). */
export async function openCaseSharing(
  db: Kysely<DB>,
  personIds: readonly string[],
  ppks: readonly PpksCode[],
  exceptCaseId: string | null,
): Promise<{ number: string; ppks: PpksCode; person_id: string } | undefined> {
  if (ppks.length === 0 || personIds.length === 0) return undefined;
  let q = db
    .selectFrom('cases as c')
    .innerJoin('case_ppks as cp', 'cp.case_id', 'c.id')
    .select(['c.number', 'cp.ppks', 'c.person_id'])
    .where('c.person_id', 'in', personIds)
    .where('c.state', 'in', OPEN_CASE_STATES)
    .where('cp.ppks', 'in', ppks);
  if (exceptCaseId) q = q.where('c.id', '!=', exceptCaseId);
  return q.executeTakeFirst();
}

export interface DetailInput {
  ppks: PpksCode[];
  complaintId: string | null;
  stayId: string | null;
  originRegionCode: string | null;
  locationRegionCode: string | null;
  supervisorId: string | null;
}

/** Checks of the opening form shared by create and update; issues at their fields. */
export async function checkDetails(
  db: Kysely<DB>,
  personId: string,
  input: DetailInput,
  caseId: string | null,
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const person = await findRow(db, 'persons', { id: personId });
  if (!person) issues.push({ path: ['personId'], key: 'error.not_found' });
  else if (person.merged_into) issues.push({ path: ['personId'], key: 'case.person_merged' });
  const clash = await openCaseSharing(db, [personId], input.ppks, caseId);
  if (clash && person)
    issues.push({
      path: ['ppks'],
      key: 'case.open_same_ppks',
      params: { person: person.full_name, number: clash.number, ppks: clash.ppks },
    });
  if (input.complaintId) {
    const c = await findRow(db, 'complaints', { id: input.complaintId });
    if (!c) issues.push({ path: ['complaintId'], key: 'error.not_found' });
    else if (c.person_id && c.person_id !== personId)
      issues.push({ path: ['complaintId'], key: 'case.complaint_person' });
  }
  if (input.stayId) {
    const s = await findRow(db, 'stays', { id: input.stayId });
    if (!s) issues.push({ path: ['stayId'], key: 'error.not_found' });
    else if (s.person_id !== personId) issues.push({ path: ['stayId'], key: 'case.stay_person' });
  }
  for (const field of ['originRegionCode', 'locationRegionCode'] as const) {
    const code = input[field];
    if (code && !(await findRow(db, 'regions', { code })))
      issues.push({ path: [field], key: 'region.unknown', params: { code } });
  }
  if (input.supervisorId && !(await holdsRole(db, input.supervisorId, SUPERVISOR_ROLES)))
    issues.push({ path: ['supervisorId'], key: 'case.supervisor_invalid' });
  return issues;
}

export async function checkCaseworker(
  db: Kysely<DB>,
  userId: string,
  issues: FieldIssue[],
): Promise<void> {
  if (!(await holdsRole(db, userId, CASEWORKER_ROLES)))
    issues.push({ path: ['caseworkerId'], key: 'case.caseworker_invalid' });
}
