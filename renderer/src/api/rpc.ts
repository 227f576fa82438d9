/**
 * The one way the renderer talks to the backend: `call(method, input)`, typed by the contract.
 * Desktop: the preload's `window.pelita.call`. Browser host: `POST /rpc/<method>`.
 * Either way the answer is an `RpcResponse`; failures become a thrown `RpcFailure`.
 */
import {
  contract,
  type Input,
  isMethodName,
  type MethodName,
  type Output,
} from '../../../shared/contract';
import { type FieldIssue, type RpcError, type RpcResponse } from '../../../shared/errors';
import { type FILE_METHODS } from '../../../shared/files';
import { translate } from '../../../shared/i18n';
import { checkInput } from '../../../shared/validation';

declare global {
  interface Window {
    /** Exposed by the Electron preload (contextBridge); absent in a plain browser. */
    pelita?: { call(method: string, input: unknown): Promise<unknown> };
  }
}

/** A contract method, or one of the file port's transport methods (api/files.ts). */
export type CallName = MethodName | (typeof FILE_METHODS)[keyof typeof FILE_METHODS];

export class RpcFailure extends Error {
  readonly error: RpcError;
  readonly method: CallName;
  constructor(method: CallName, error: RpcError) {
    super(error.message?.en ?? error.key);
    this.name = 'RpcFailure';
    this.error = error;
    this.method = method;
  }
  get code() {
    return this.error.code;
  }
}

export function isRpcFailure(e: unknown): e is RpcFailure {
  return e instanceof RpcFailure;
}

export const networkError: RpcError = {
  code: 'INTERNAL',
  key: 'error.network',
  message: {
    id: 'Tidak dapat menghubungi layanan Pelita. Periksa apakah aplikasi masih berjalan.',
    en: 'Cannot reach the Pelita service. Check that the application is still running.',
  },
};

export const internalError: RpcError = {
  code: 'INTERNAL',
  key: 'error.internal',
  message: {
    id: 'Terjadi kesalahan pada aplikasi. Data Anda tidak diubah.',
    en: 'Something went wrong in the application. Your data was not changed.',
  },
};

type UnauthenticatedListener = (failure: RpcFailure) => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/**
 * Called when a method that needs a session answers UNAUTHENTICATED (the session expired or was
 * ended elsewhere). The session provider uses it to return to the login screen.
 */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export function isRpcResponse(value: unknown): value is RpcResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    'ok' in value &&
    typeof (value as { ok: unknown }).ok === 'boolean'
  );
}

async function transport(method: MethodName, input: unknown): Promise<RpcResponse> {
  const bridge = typeof window !== 'undefined' ? window.pelita : undefined;
  if (bridge && typeof bridge.call === 'function') {
    try {
      const answer: unknown = await bridge.call(method, input ?? {});
      return isRpcResponse(answer) ? answer : { ok: false, error: internalError };
    } catch {
      return { ok: false, error: networkError };
    }
  }
  let res: Response;
  try {
    res = await fetch('/rpc/' + method, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, error: networkError };
  }
  try {
    const body: unknown = await res.json();
    if (isRpcResponse(body)) return body;
  } catch {
    // fall through: a body that is not JSON
  }
  return { ok: false, error: res.status >= 500 ? internalError : networkError };
}

/** The data of an ok response; otherwise throws its RpcFailure (an ended session is announced). */
export function settle<T>(method: CallName, response: RpcResponse): T {
  if (response.ok) return response.data as T;
  const failure = new RpcFailure(method, response.error);
  const needsSession = !isMethodName(method) || contract[method].access !== 'public';
  if (failure.code === 'UNAUTHENTICATED' && needsSession) {
    for (const listener of unauthenticatedListeners) listener(failure);
  }
  throw failure;
}

export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  return settle<Output<M>>(method, await transport(method, input));
}

/**
 * `call`, after checking the input against the method's contract schema here first: a form learns
 * of a missing or malformed field without a round trip, as the same VALIDATION failure (same
 * field paths, same messages) the backend would answer.
 */
export async function callChecked<M extends MethodName>(
  method: M,
  input: Input<M>,
): Promise<Output<M>> {
  const issues = checkInput(contract[method].input, input);
  if (issues.length > 0) throw validationFailure(method, issues);
  return call(method, input);
}

/** A VALIDATION error found here, worded as the backend words it. */
export function validationError(issues: FieldIssue[]): RpcError {
  return {
    code: 'VALIDATION',
    key: 'error.validation',
    issues,
    message: { id: translate('id', 'error.validation'), en: translate('en', 'error.validation') },
  };
}

export function validationFailure(method: MethodName, issues: FieldIssue[]): RpcFailure {
  return new RpcFailure(method, validationError(issues));
}
