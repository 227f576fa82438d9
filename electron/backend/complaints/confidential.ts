/**
 * Confidential reporters ("rahasiakan identitas saya"): who may see reporter details, and the
 * redaction of complaint diffs in the audit trail for everyone else.
 */
import { canAccess, type Role } from '../../../shared/roles';
import type { RedactionRule } from '../audit/redaction';
import type { SessionUser } from '../auth/sessions';

/** The reporter columns a confidential complaint hides. */
export const REPORTER_DETAIL_FIELDS = [
  'reporter_name',
  'reporter_phone',
  'reporter_address',
  'reporter_relation',
] as const;

export function canSeeConfidential(roles: readonly Role[] | null | undefined): boolean {
  return !!roles && canAccess('complaints.confidential', roles);
}

export function mayReadReporter(
  row: { reporter_confidential: number },
  user: Pick<SessionUser, 'roles'> | null,
): boolean {
  return row.reporter_confidential === 0 || canSeeConfidential(user?.roles);
}

/**
 * The audit rule for record type `complaint`: reporter details in a diff show as `[hidden]` to
 * callers without `complaints.confidential`. An audit row does not say whether the complaint was
 * confidential at the time, so the details are hidden from such callers in every complaint diff.
 */
export const complaintRedaction: RedactionRule = {
  recordType: 'complaint',
  sensitive: { fields: REPORTER_DETAIL_FIELDS, permission: 'complaints.confidential' },
};
