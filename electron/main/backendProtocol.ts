/**
 * Messages between Electron main and the backend's utility process (backendProcess.ts). Main
 * sends requests with an id; the backend answers each id once. Bytes travel as Uint8Array
 * (structured clone), never as JSON.
 */
import type { RpcResponse } from '../../shared/errors';
import type { StoredFile } from '../../shared/files';
import type { DispatchResult } from '../backend/app';
import type { SessionChange } from '../backend/dispatch/dispatch';

/** What the backend process needs to open the database. */
export interface BackendStart {
  dataDir: string;
  /** better-sqlite3 built for Electron's ABI. */
  nativeBinding: string;
  /** The built renderer, which the office host (set on the office network screen) serves. */
  rendererDir?: string;
}

/** An upload as the renderer sent it through the relay (bytes already size-checked by main). */
export interface UploadBytes {
  purpose: string;
  name: string;
  type: string;
  bytes: Uint8Array;
}

export type BackendRequest =
  | ({ kind: 'open' } & BackendStart)
  | {
      kind: 'dispatch';
      id: number;
      token: string | null;
      method: string;
      input: unknown;
      source?: string | null;
    }
  | ({ kind: 'upload'; id: number; token: string | null } & UploadBytes)
  | { kind: 'download'; id: number; token: string | null; fileId: unknown }
  | { kind: 'close' };

/** An upload's or download's answer; a download that succeeded carries the bytes. */
export interface FileReply {
  response: RpcResponse<StoredFile>;
  session?: SessionChange;
  bytes?: Uint8Array;
}

export type BackendReply =
  | { kind: 'ready' }
  | { kind: 'failed'; message: string }
  | { kind: 'closed' }
  | { kind: 'reply'; id: number; result: DispatchResult | FileReply };
