import type { MessageKey } from './i18n';

/** Typed errors every backend method may return. */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'UNAUTHENTICATED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type MessageParams = Record<string, string | number>;

/** A problem with one input field; `path` follows the input object (e.g. ['admin', 'password']). */
export interface FieldIssue {
  path: (string | number)[];
  key: MessageKey;
  params?: MessageParams;
}

export interface RpcError {
  code: ErrorCode;
  key: MessageKey;
  params?: MessageParams;
  issues?: FieldIssue[];
  /** The same message resolved in both languages, for clients that do not translate. */
  message: { id: string; en: string };
}

export type RpcResponse<T = unknown> = { ok: true; data: T } | { ok: false; error: RpcError };

export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL: 500,
};
