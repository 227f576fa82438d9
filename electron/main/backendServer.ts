/**
 * The backend's side of the utility process: opens the backend when main says so, answers
 * dispatch, upload and download requests, and closes the database on request, once the requests
 * it is still answering are done (main stops sending before it asks). Kept apart from
 * the entry (backendProcess.ts) so tests drive it with a fake port.
 */
import { readFile } from 'node:fs/promises';
import type { RpcResponse } from '../../shared/errors';
import { translate } from '../../shared/i18n';
import { openBackend, type Backend, type BackendOptions } from '../backend/app';
import {
  createOfficeServe,
  type OfficeServe,
  type OfficeServeOptions,
} from '../backend/host/officeServe';
import type { BackendReply, BackendRequest, FileReply } from './backendProtocol';

/** The parts of Electron's process.parentPort used here. */
export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: BackendReply): void;
}

const internal: RpcResponse<never> = {
  ok: false,
  error: {
    code: 'INTERNAL',
    key: 'error.internal',
    message: { id: translate('id', 'error.internal'), en: translate('en', 'error.internal') },
  },
};

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

export function serveBackend(
  port: ParentPortLike,
  open: (opts: BackendOptions) => Promise<Backend> = openBackend,
  exit: (code: number) => void = (code) => process.exit(code),
  makeServe: (opts: OfficeServeOptions) => OfficeServe = createOfficeServe,
): void {
  let backend: Promise<Backend> | null = null;
  /** The office host this PC serves when the office network screen turned it on. */
  let serve: OfficeServe | null = null;
  /** Requests being answered: closing waits for them, so no transaction meets a closed database. */
  const inFlight = new Set<Promise<void>>();

  async function answer(request: BackendRequest): Promise<void> {
    if (request.kind === 'open') {
      const log = (line: string) => console.log('[pelita] ' + line);
      let opened: Backend | null = null;
      serve = request.rendererDir
        ? makeServe({
            dataDir: request.dataDir,
            staticDir: request.rendererDir,
            backend: () => opened!,
            log,
          })
        : null;
      backend = open({
        dataDir: request.dataDir,
        nativeBinding: request.nativeBinding,
        log,
        ...(serve ? { network: serve } : {}),
      });
      try {
        opened = await backend;
        // A port that cannot be opened is shown on the office network screen, not fatal.
        await serve?.startSaved();
        port.postMessage({ kind: 'ready' });
      } catch (e) {
        port.postMessage({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
      }
      return;
    }
    if (!backend) throw new Error('request before open');
    const b = await backend;
    if (request.kind === 'close') {
      await Promise.allSettled([...inFlight]);
      await serve?.close();
      await b.close();
      port.postMessage({ kind: 'closed' });
      exit(0);
      return;
    }
    let result;
    try {
      if (request.kind === 'dispatch') {
        result = await b.dispatch(request.token, request.method, request.input, request.source);
      } else if (request.kind === 'upload') {
        result = await b.upload(request.token, {
          purpose: request.purpose,
          name: request.name,
          declaredType: request.type,
          declaredSize: request.bytes.byteLength,
          body: once(request.bytes),
        });
      } else {
        const found = await b.download(request.token, request.fileId);
        const reply: FileReply = {
          response: found.response,
          ...(found.session ? { session: found.session } : {}),
        };
        if (found.response.ok && found.path)
          reply.bytes = new Uint8Array(await readFile(found.path));
        result = reply;
      }
    } catch (e) {
      console.error('[pelita] backend request failed', e);
      result = { response: internal };
    }
    port.postMessage({ kind: 'reply', id: request.id, result });
  }

  port.on('message', (event) => {
    const request = event.data as BackendRequest;
    const answered = answer(request).catch((e: unknown) => {
      console.error('[pelita] backend process error', e);
    });
    if (request.kind === 'close' || request.kind === 'open') return;
    inFlight.add(answered);
    void answered.finally(() => inFlight.delete(answered));
  });
}
