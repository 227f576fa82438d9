/**
 * The one IPC channel between the renderer and the backend: `pelita:call(method, input)`.
 *
 * The relay checks who is calling (only frames on app://pelita), that the call is well formed and
 * not too large, and keeps the session token on this side: the renderer never sees it. Tokens are
 * kept per webContents and forgotten when that webContents is destroyed.
 */
import type { ErrorCode, MessageParams, RpcResponse } from '../../shared/errors';
import { translate } from '../../shared/i18n';
import type { MessageKey } from '../../shared/i18n';
import type { Backend, DispatchResult } from '../backend/app';
import { isAppUrl } from './security';

export const IPC_CHANNEL = 'pelita:call';
/** Largest accepted input, measured as UTF-8 JSON. */
export const MAX_INPUT_BYTES = 1024 * 1024;
const MAX_METHOD_LENGTH = 128;

/** The parts of an IpcMainInvokeEvent the relay uses (Electron's type satisfies it). */
export interface RelayEvent {
  sender: {
    id: number;
    isDestroyed(): boolean;
    once(event: 'destroyed', listener: () => void): unknown;
  };
  senderFrame: { url: string } | null;
}

/** The parts of ipcMain the relay uses (Electron's ipcMain satisfies it). */
export interface RelayIpcMain {
  handle(
    channel: string,
    listener: (event: RelayEvent, ...args: unknown[]) => Promise<unknown> | unknown,
  ): void;
  removeHandler(channel: string): void;
}

export type RelayBackend = Pick<Backend, 'dispatch'>;

export interface RelayOptions {
  /** Decides whether an event may reach the backend; defaults to {@link isTrustedSender}. */
  isTrustedSender?: (event: RelayEvent) => boolean;
}

/** A typed error response, with the message resolved in both languages. */
export function errorResponse(
  code: ErrorCode,
  key: MessageKey,
  params?: MessageParams,
): RpcResponse<never> {
  return {
    ok: false,
    error: {
      code,
      key,
      ...(params ? { params } : {}),
      message: { id: translate('id', key, params), en: translate('en', key, params) },
    },
  };
}

/** True when the calling frame exists and is on the app origin (app://pelita). */
export function isTrustedSender(event: RelayEvent): boolean {
  try {
    const frame = event.senderFrame;
    if (!frame) return false;
    return isAppUrl(frame.url);
  } catch {
    // A frame that navigated away or was destroyed can throw on access.
    return false;
  }
}

/** Size of `input` as UTF-8 JSON, or null when it cannot be serialised (cycles, BigInt). */
export function jsonSize(input: unknown): number | null {
  try {
    const json = JSON.stringify(input);
    return json === undefined ? 0 : Buffer.byteLength(json, 'utf8');
  } catch {
    return null;
  }
}

/** The error for a malformed call, or null when method and input may go to the backend. */
export function validateCall(method: unknown, input: unknown): RpcResponse<never> | null {
  if (typeof method !== 'string' || method === '' || method.length > MAX_METHOD_LENGTH) {
    return errorResponse('VALIDATION', 'error.bad_request');
  }
  const size = jsonSize(input);
  if (size === null) return errorResponse('VALIDATION', 'error.bad_request');
  if (size > MAX_INPUT_BYTES) return errorResponse('VALIDATION', 'error.body_too_large');
  return null;
}

/** Apply the session change a dispatch asked for to the token store. */
export function applySession(
  tokens: Map<number, string>,
  senderId: number,
  session: DispatchResult['session'],
): void {
  if (!session) return;
  if ('set' in session) tokens.set(senderId, session.set);
  else if (session.clear) tokens.delete(senderId);
}

export interface IpcRelay {
  /** Remove the handler and forget every token. */
  dispose(): void;
}

/** Register the single `pelita:call` handler. */
export function registerIpc(
  ipcMain: RelayIpcMain,
  backend: RelayBackend,
  options: RelayOptions = {},
): IpcRelay {
  const trusted = options.isTrustedSender ?? isTrustedSender;
  const tokens = new Map<number, string>();
  const watched = new Set<number>();

  function watch(sender: RelayEvent['sender']): void {
    if (watched.has(sender.id)) return;
    const id = sender.id;
    watched.add(id);
    sender.once('destroyed', () => {
      tokens.delete(id);
      watched.delete(id);
    });
  }

  async function handle(event: RelayEvent, method: unknown, input: unknown): Promise<RpcResponse> {
    if (!trusted(event)) return errorResponse('FORBIDDEN', 'error.forbidden');
    if (typeof method !== 'string') return errorResponse('VALIDATION', 'error.bad_request');
    const invalid = validateCall(method, input);
    if (invalid) return invalid;

    const sender = event.sender;
    if (sender.isDestroyed()) return errorResponse('FORBIDDEN', 'error.forbidden');
    watch(sender);

    let result: DispatchResult;
    try {
      result = await backend.dispatch(tokens.get(sender.id) ?? null, method, input);
    } catch (error) {
      console.error('[pelita] dispatch failed', error);
      return errorResponse('INTERNAL', 'error.internal');
    }
    // A webContents destroyed while its call ran must not leave a token behind.
    if (!sender.isDestroyed()) applySession(tokens, sender.id, result.session);
    return result.response;
  }

  ipcMain.handle(IPC_CHANNEL, (event, ...args) => handle(event, args[0], args[1]));

  return {
    dispose() {
      ipcMain.removeHandler(IPC_CHANNEL);
      tokens.clear();
    },
  };
}
