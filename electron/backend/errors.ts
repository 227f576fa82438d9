import type { ErrorCode, FieldIssue, MessageParams } from '../../shared/errors';
import type { MessageKey } from '../../shared/i18n';

/**
 * A failure a handler reports on purpose. `commit` keeps the transaction's writes (a failed
 * sign-in still counts the attempt and is audited) while the caller still gets the error.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: MessageKey,
    readonly params?: MessageParams,
    readonly issues?: FieldIssue[],
    readonly commit = false,
  ) {
    super(key);
  }
}

export const notFound = () => new AppError('NOT_FOUND', 'error.not_found');
export const staleRecord = () => new AppError('CONFLICT', 'error.conflict_stale');
export const forbidden = () => new AppError('FORBIDDEN', 'error.forbidden');

/** A problem with one field, shown next to it. */
export function fieldError(
  path: (string | number)[],
  key: MessageKey,
  params?: MessageParams,
): AppError {
  return new AppError('VALIDATION', 'error.validation', undefined, [{ path, key, params }]);
}

/** Several field problems at once, so the user can fix them in one go. */
export function fieldErrors(issues: FieldIssue[]): AppError {
  return new AppError('VALIDATION', 'error.validation', undefined, issues);
}
