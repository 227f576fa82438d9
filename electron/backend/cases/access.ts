/**
 * Who may do what on one case: the assigned caseworker and supervisors/admins edit it; sensitive
 * notes are read by the assigned caseworker and holders of `cases.sensitive`; everyone with
 * `cases.read` reads the rest. The same rule the workflow's CASE_EDITORS states for steps.
 */
import { canAccess } from '../../../shared/roles';
import { mayTake } from '../../../shared/workflow/engine';
import { CASE_EDITORS } from '../../../shared/workflow/cases';
import type { RedactionRule } from '../audit/redaction';
import type { SessionUser } from '../auth/sessions';
import { AppError } from '../errors';

type Who = Pick<SessionUser, 'id' | 'roles'> | null;

export function mayEditCase(row: { caseworker_id: string }, user: Who): boolean {
  if (!user) return false;
  return mayTake(
    { allow: CASE_EDITORS },
    {
      roles: user.roles,
      isAssignee: row.caseworker_id === user.id,
    },
  );
}

/** Refuses a change to a case the caller may only read. */
export function requireCaseEditor(row: { caseworker_id: string }, user: Who): void {
  if (!mayEditCase(row, user)) throw new AppError('FORBIDDEN', 'case.not_assigned');
}

export function maySeeSensitive(row: { caseworker_id: string }, user: Who): boolean {
  if (!user) return false;
  return row.caseworker_id === user.id || canAccess('cases.sensitive', user.roles);
}

/** A sensitive note's audit record type: its text shows only to `cases.sensitive` holders. */
export const SENSITIVE_NOTE = 'case_note_sensitive';
export const sensitiveNoteRedaction: RedactionRule = {
  recordType: SENSITIVE_NOTE,
  sensitive: { fields: ['text'], permission: 'cases.sensitive' },
};
