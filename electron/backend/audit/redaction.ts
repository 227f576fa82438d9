/**
 * Audit redaction, registered by each domain per record type (DESIGN.md, "building blocks"):
 * - secret fields never enter the trail, only the fact that they changed (passwords);
 * - sensitive fields are stored, but audit lists show them hidden; one record's history shows
 *   them to callers holding a permission (confidential complaint reporters:
 *   `complaints.confidential`), and that read is itself recorded.
 * The trail applies the first when a row is written, the audit screens the second when shown.
 */
import { canAccess, type Permission, type Role } from '../../../shared/roles';

export const REDACTED = '[redacted]';
export const HIDDEN = '[hidden]';

export interface RedactionRule {
  recordType: string;
  secret?: readonly string[];
  sensitive?: { fields: readonly string[]; permission: Permission };
}

type Changes = Record<string, [unknown, unknown]>;

const rules = new Map<string, RedactionRule>();

/** Called once per record type where the backend assembles its handlers. */
export function registerRedaction(rule: RedactionRule): void {
  const known = rules.get(rule.recordType);
  if (known && known !== rule) throw new Error(`redaction for ${rule.recordType} registered twice`);
  rules.set(rule.recordType, rule);
}

/** Replaces each present value of `fields` by `marker`; a missing value stays null. */
function mask(changes: Changes, fields: readonly string[], marker: string): Changes {
  let out: Changes | null = null;
  for (const field of fields) {
    const pair = changes[field];
    if (!pair) continue;
    out ??= { ...changes };
    out[field] = [pair[0] === null ? null : marker, pair[1] === null ? null : marker];
  }
  return out ?? changes;
}

/** Before a row is stored: the record type's secret fields become `[redacted]`. */
export function redactSecrets(
  recordType: string | null | undefined,
  changes: Changes | null | undefined,
): Changes | null {
  if (!changes) return null;
  const secret = recordType ? rules.get(recordType)?.secret : undefined;
  return secret ? mask(changes, secret, REDACTED) : changes;
}

/**
 * When a row is shown: sensitive fields become `[hidden]`. They show only when `reveal` is asked
 * for (one record's history, audit.list) and the reader holds the permission; that read is then
 * recorded by the caller (see `revealsSensitive`), as every read of such details is (UU PDP).
 */
export function redactForReader(
  recordType: string | null,
  changes: Changes,
  roles: readonly Role[] | null,
  reveal = false,
): Changes {
  const sensitive = recordType ? rules.get(recordType)?.sensitive : undefined;
  if (!sensitive || (reveal && mayReveal(sensitive, roles))) return changes;
  return mask(changes, sensitive.fields, HIDDEN);
}

function mayReveal(
  sensitive: NonNullable<RedactionRule['sensitive']>,
  roles: readonly Role[] | null,
) {
  return !!roles && canAccess(sensitive.permission, roles);
}

/** Whether showing `changes` with `reveal` would show this reader a sensitive value. */
export function revealsSensitive(
  recordType: string | null,
  changes: Changes,
  roles: readonly Role[] | null,
): boolean {
  const sensitive = recordType ? rules.get(recordType)?.sensitive : undefined;
  if (!sensitive || !mayReveal(sensitive, roles)) return false;
  return sensitive.fields.some((f) => changes[f]?.some((v) => v !== null && v !== undefined));
}
