/**
 * The one IPC channel between the renderer and the backend: `pelita:call(method, input)`.
 *
 * The relay checks who is calling (only frames on app://pelita), that the call is well formed and
 * not too large, and keeps the session token on this side: the renderer never sees it. Tokens are
 * kept per webContents and forgotten when that webContents is destroyed. Calls go on to the
 * backend process (backendClient.ts).
 *
 * The file port rides the same channel. Why not a second bridge function or a MessagePort per
 * upload: the preload stays one `call` (DESIGN.md), and every file call passes the same sender
 * check and uses the same per-window token. So `files.upload` carries its bytes as an ArrayBuffer
 * inside the input (structured clone, no JSON), size-checked here before it reaches the backend;
 * `files.download` answers with the bytes; `files.save` fetches the file and writes it where the
 * user picks in the save dialog (saveDialog.ts), so the page never sees a path.
 */
import type { ErrorCode, MessageParams, RpcResponse } from '../../shared/errors';
import {
  FILE_METHODS,
  formatBytes,
  isUploadPurpose,
  MAX_UPLOAD_BYTES,
  uploadLimit,
  type StoredFile,
} from '../../shared/files';
import { translate } from '../../shared/i18n';
import type { MessageKey } from '../../shared/i18n';
import type { DispatchResult } from '../backend/app';
import type { BackendClient } from './backendClient';
import type { FileReply } from './backendProtocol';
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

export type RelayBackend = Pick<BackendClient, 'dispatch' | 'upload' | 'download'>;

/** A file on its way to the save dialog. */
export interface FileToSave {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export interface RelayOptions {
  /** Decides whether an event may reach the backend; defaults to {@link isTrustedSender}. */
  isTrustedSender?: (event: RelayEvent) => boolean;
  /** Asks where to save and writes the file; false when the user cancelled (saveDialog.ts). */
  saveFile?: (event: RelayEvent, file: FileToSave) => Promise<boolean>;
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

function isFileMethod(method: string): boolean {
  return (Object.values(FILE_METHODS) as string[]).includes(method);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const shortText = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length <= max;

/** The upload a renderer sent, or the error to answer: bytes at most the largest upload limit. */
export function uploadInput(
  input: unknown,
):
  | { purpose: string; name: string; type: string; bytes: Uint8Array }
  | { error: RpcResponse<never> } {
  const bad = { error: errorResponse('VALIDATION', 'error.bad_request') };
  if (!isRecord(input)) return bad;
  const { purpose, name, type, bytes } = input;
  if (!shortText(purpose, 64) || !shortText(name, 1000) || !shortText(type, 200)) return bad;
  const view =
    bytes instanceof ArrayBuffer
      ? new Uint8Array(bytes)
      : bytes instanceof Uint8Array
        ? bytes
        : null;
  if (!view) return bad;
  // The purpose's own limit when the purpose is known (the backend checks it again), so an
  // oversized photo is refused here, not after crossing into the backend process.
  const limit = isUploadPurpose(purpose) ? uploadLimit(purpose) : MAX_UPLOAD_BYTES;
  if (view.byteLength > limit) {
    const params = { name: name.slice(0, 200), max: formatBytes(limit) };
    return { error: errorResponse('VALIDATION', 'file.too_large', params) };
  }
  return { purpose, name, type, bytes: view };
}

function fileIdInput(input: unknown): string | null {
  return isRecord(input) && shortText(input.fileId, 64) ? input.fileId : null;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** What files.download answers in Electron: the stored file's description and its bytes. */
export type DownloadedFile = StoredFile & { bytes: ArrayBuffer };

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

  /** Runs one backend request for `sender` with its token, applying the session it returns. */
  async function relay<R extends DispatchResult | FileReply>(
    sender: RelayEvent['sender'],
    run: (token: string | null) => Promise<R>,
  ): Promise<R | null> {
    let result: R;
    try {
      result = await run(tokens.get(sender.id) ?? null);
    } catch (error) {
      console.error('[pelita] dispatch failed', error);
      return null;
    }
    // A webContents destroyed while its call ran must not leave a token behind.
    if (!sender.isDestroyed()) applySession(tokens, sender.id, result.session);
    return result;
  }

  async function handleFile(
    event: RelayEvent,
    method: string,
    input: unknown,
  ): Promise<RpcResponse> {
    const sender = event.sender;
    if (method === FILE_METHODS.upload) {
      const file = uploadInput(input);
      if ('error' in file) return file.error;
      const result = await relay(sender, (token) => backend.upload(token, file));
      return result ? result.response : errorResponse('INTERNAL', 'error.internal');
    }
    const fileId = fileIdInput(input);
    if (fileId === null) return errorResponse('VALIDATION', 'error.bad_request');
    const result = await relay(sender, (token) => backend.download(token, fileId));
    if (!result) return errorResponse('INTERNAL', 'error.internal');
    if (!result.response.ok || !result.bytes) return result.response;
    const meta = result.response.data;
    if (method === FILE_METHODS.download) {
      return { ok: true, data: { ...meta, bytes: toArrayBuffer(result.bytes) } };
    }
    if (!options.saveFile) return errorResponse('INTERNAL', 'error.internal');
    try {
      const saved = await options.saveFile(event, { ...meta, bytes: result.bytes });
      return { ok: true, data: { saved } };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return errorResponse('VALIDATION', 'file.save_failed', { reason });
    }
  }

  async function handle(event: RelayEvent, method: unknown, input: unknown): Promise<RpcResponse> {
    if (!trusted(event)) return errorResponse('FORBIDDEN', 'error.forbidden');
    if (typeof method !== 'string') return errorResponse('VALIDATION', 'error.bad_request');
    const file = isFileMethod(method);
    // A file call's size is its bytes' (checked in handleFile), not its JSON.
    const invalid = file ? null : validateCall(method, input);
    if (invalid) return invalid;

    const sender = event.sender;
    if (sender.isDestroyed()) return errorResponse('FORBIDDEN', 'error.forbidden');
    watch(sender);
    if (file) return handleFile(event, method, input);

    const result = await relay(sender, (token) =>
      backend.dispatch(token, method, input, `window:${sender.id}`),
    );
    return result ? result.response : errorResponse('INTERNAL', 'error.internal');
  }

  ipcMain.handle(IPC_CHANNEL, (event, ...args) => handle(event, args[0], args[1]));

  return {
    dispose() {
      ipcMain.removeHandler(IPC_CHANNEL);
      tokens.clear();
    },
  };
}
