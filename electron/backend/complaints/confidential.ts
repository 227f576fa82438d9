/**
 * Confidential reporters ("rahasiakan identitas saya"): who may see reporter details, and the
 * redaction of complaint diffs in the audit trail for everyone else.
 */
import { canAccess, type Role } from '../../../shared/roles';
import type { SessionUser } from '../auth/sessions';

/** The reporter columns a confidential complaint hides. */
export const REPORTER_DETAIL_FIELDS = [
  'reporter_name',
  'reporter_phone',
  'reporter_address',
  'reporter_relation',
] as const;

export const HIDDEN = '[hidden]';

export function canSeeConfidential(roles: readonly Role[] | null | undefined): boolean {
  return !!roles && canAccess('complaints.confidential', roles);
}

export function mayReadReporter(
  row: { reporter_confidential: number },
  user: Pick<SessionUser, 'roles'> | null,
): boolean {
  return row.reporter_confidential === 0 || canSeeConfidential(user?.roles);
}

type Changes = Record<string, [unknown, unknown]>;

/**
 * The audit hook for record type `complaint`: reporter details in a diff become `[hidden]` for
 * callers without `complaints.confidential`. An audit row does not say whether the complaint was
 * confidential at the time, so the details are hidden from such callers in every complaint diff.
 */
export function redactComplaintChanges(changes: Changes, roles: readonly Role[] | null): Changes {
  if (canSeeConfidential(roles)) return changes;
  let out: Changes | null = null;
  for (const field of REPORTER_DETAIL_FIELDS) {
    const pair = changes[field];
    if (!pair) continue;
    out ??= { ...changes };
    out[field] = [pair[0] === null ? null : HIDDEN, pair[1] === null ? null : HIDDEN];
  }
  return out ?? changes;
}
