/**
 * Main's handle on the backend process: starts it with utilityProcess.fork (injected, so tests
 * use a fake), sends each call with an id and resolves it with the answer. When the process
 * dies, every call still waiting is answered with `error.backend_restarted`, a fresh process is
 * started (at most MAX_RESTARTS within RESTART_WINDOW_MS, then main gives up), and `onCrash`
 * lets main tell the window. Quitting waits for the calls already sent (a write finishing its
 * transaction) up to QUIT_WAIT_MS, refusing new ones, before it asks the process to close.
 */
import type { RpcResponse } from '../../shared/errors';
import type { Dispatch, DispatchResult } from '../backend/app';
import type {
  BackendReply,
  BackendRequest,
  BackendStart,
  FileReply,
  UploadBytes,
} from './backendProtocol';
import { errorResponse } from './ipc';

/** The parts of Electron's UtilityProcess used here. */
export interface BackendChild {
  postMessage(message: BackendRequest): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface BackendClientOptions {
  fork: () => BackendChild;
  start: BackendStart;
  /** The process died; `restarted` false when main gives up after too many crashes. */
  onCrash?: (info: { code: number; restarted: boolean }) => void;
  now?: () => number;
}

export const MAX_RESTARTS = 3;
export const RESTART_WINDOW_MS = 60_000;
/** How long quitting waits for calls already sent to be answered before closing the database. */
export const QUIT_WAIT_MS = 10_000;
/** How long quitting waits for the database to close before killing the process. */
export const CLOSE_TIMEOUT_MS = 5_000;

export interface BackendClient {
  /** `source` names the window, for limits on failed sign-ins. */
  dispatch: Dispatch;
  upload(token: string | null, file: UploadBytes): Promise<FileReply>;
  download(token: string | null, fileId: unknown): Promise<FileReply>;
  /** Resolves when the first process has opened the database; rejects when it could not. */
  ready: Promise<void>;
  close(): Promise<void>;
}

type Pending = (result: DispatchResult | FileReply) => void;

export function createBackendClient(opts: BackendClientOptions): BackendClient {
  const now = opts.now ?? Date.now;
  const pending = new Map<number, Pending>();
  const crashes: number[] = [];
  let nextId = 1;
  let child: BackendChild;
  let closing = false;
  let stopped = false;
  let onClosed: (() => void) | null = null;
  /** Set while quitting waits for the calls in flight; called once none is left. */
  let onDrained: (() => void) | null = null;
  let closed: Promise<void> | null = null;
  let readyOutcome: { resolve: () => void; reject: (e: Error) => void } | null = null;

  const ready = new Promise<void>((resolve, reject) => {
    readyOutcome = { resolve, reject };
  });

  function drained() {
    const next = onDrained;
    onDrained = null;
    next?.();
  }

  function failAll(response: RpcResponse<never>) {
    const waiting = [...pending.values()];
    pending.clear();
    for (const settle of waiting) settle({ response });
    drained();
  }

  function spawn() {
    const current = opts.fork();
    child = current;
    current.on('message', (raw) => {
      const message = raw as BackendReply;
      if (message.kind === 'reply') {
        const settle = pending.get(message.id);
        pending.delete(message.id);
        settle?.(message.result);
        if (pending.size === 0) drained();
      } else if (message.kind === 'ready') {
        readyOutcome?.resolve();
        readyOutcome = null;
      } else if (message.kind === 'failed') {
        stopped = true;
        failAll(errorResponse('INTERNAL', 'error.internal'));
        current.kill();
        if (readyOutcome) {
          readyOutcome.reject(new Error(message.message));
          readyOutcome = null;
        } else {
          // A restarted process could not open the database: nothing left to relay to.
          console.error('[pelita] the restarted backend could not open:', message.message);
          opts.onCrash?.({ code: 1, restarted: false });
        }
      } else if (message.kind === 'closed') {
        onClosed?.();
      }
    });
    current.on('exit', (code) => {
      if (current !== child) return;
      if (closing || stopped) {
        failAll(errorResponse('INTERNAL', 'error.backend_restarted'));
        onClosed?.();
        return;
      }
      failAll(errorResponse('INTERNAL', 'error.backend_restarted'));
      if (readyOutcome) {
        // Died before it ever opened: startup fails through `ready`, nothing to restart into.
        stopped = true;
        readyOutcome.reject(new Error(`The backend process exited with code ${code}.`));
        readyOutcome = null;
        return;
      }
      const t = now();
      crashes.push(t);
      while (crashes.length > 0 && crashes[0]! < t - RESTART_WINDOW_MS) crashes.shift();
      const restarted = crashes.length <= MAX_RESTARTS;
      if (restarted) spawn();
      else stopped = true;
      opts.onCrash?.({ code, restarted });
    });
    current.postMessage({ kind: 'open', ...opts.start });
  }

  function request<T extends DispatchResult | FileReply>(
    build: (id: number) => BackendRequest,
  ): Promise<T> {
    if (closing || stopped) {
      return Promise.resolve({ response: errorResponse('INTERNAL', 'error.network') } as T);
    }
    const id = nextId++;
    return new Promise<T>((resolve) => {
      pending.set(id, resolve as Pending);
      child.postMessage(build(id));
    });
  }

  spawn();

  return {
    ready,
    dispatch: (token, method, input, source = null) =>
      request((id) => ({ kind: 'dispatch', id, token, method, input, source })),
    upload: (token, file) => request((id) => ({ kind: 'upload', id, token, ...file })),
    download: (token, fileId) => request((id) => ({ kind: 'download', id, token, fileId })),
    close() {
      if (closed) return closed;
      closing = true;
      closed = new Promise<void>((resolve) => {
        const shutDown = () => {
          failAll(errorResponse('INTERNAL', 'error.network'));
          if (stopped) {
            resolve();
            return;
          }
          const current = child;
          const timer = setTimeout(() => {
            current.kill();
            resolve();
          }, CLOSE_TIMEOUT_MS);
          onClosed = () => {
            clearTimeout(timer);
            resolve();
          };
          current.postMessage({ kind: 'close' });
        };
        if (pending.size === 0) {
          shutDown();
          return;
        }
        // A write in flight finishes (or rolls back) in the backend first, never half-closed.
        const timer = setTimeout(() => {
          onDrained = null;
          shutDown();
        }, QUIT_WAIT_MS);
        onDrained = () => {
          clearTimeout(timer);
          shutDown();
        };
      });
      return closed;
    },
  };
}
