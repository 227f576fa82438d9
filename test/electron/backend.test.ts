/**
 * The backend in a utility process, with Electron mocked: main's client relays calls by id,
 * answers in-flight calls with a clear error when the process dies and starts a new one; the
 * process side answers dispatch, upload and download; the relay carries file bytes over the one
 * IPC channel with the same sender check; the save dialog writes where the user chose.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RpcResponse } from '../../shared/errors';

vi.mock('electron', () => ({ BrowserWindow: vi.fn() }));

import type { Backend } from '../../electron/backend/app';
import {
  createBackendClient,
  MAX_RESTARTS,
  QUIT_WAIT_MS,
  type BackendChild,
} from '../../electron/main/backendClient';
import type { BackendReply, BackendRequest } from '../../electron/main/backendProtocol';
import { serveBackend } from '../../electron/main/backendServer';
import type { OfficeServe, OfficeServeOptions } from '../../electron/backend/host/officeServe';
import {
  IPC_CHANNEL,
  registerIpc,
  type RelayBackend,
  type RelayEvent,
  type RelayIpcMain,
} from '../../electron/main/ipc';
import { createSaveFile, type SaveDialog } from '../../electron/main/saveDialog';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  vi.useRealTimers();
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'pelita-electron-'));
  dirs.push(d);
  return d;
}

/** A utility process stand-in: records what main sends, lets the test answer or crash it. */
class FakeChild implements BackendChild {
  sent: BackendRequest[] = [];
  killed = false;
  private listeners: { message: ((m: unknown) => void)[]; exit: ((c: number) => void)[] } = {
    message: [],
    exit: [],
  };
  postMessage(message: BackendRequest) {
    this.sent.push(message);
  }
  on(event: 'message' | 'exit', listener: (value: never) => void) {
    this.listeners[event].push(listener as never);
    return this;
  }
  kill() {
    this.killed = true;
    return true;
  }
  reply(message: BackendReply) {
    for (const l of this.listeners.message) l(message);
  }
  exit(code: number) {
    for (const l of this.listeners.exit) l(code);
  }
  /** The id of the last request of this kind. */
  idOf(kind: 'dispatch' | 'upload' | 'download'): number {
    const r = this.sent.filter((m) => m.kind === kind).at(-1) as { id: number };
    return r.id;
  }
}

function startClient(now = () => 0) {
  const children: FakeChild[] = [];
  const onCrash = vi.fn();
  const client = createBackendClient({
    fork: () => {
      const c = new FakeChild();
      children.push(c);
      return c;
    },
    start: { dataDir: '/data', nativeBinding: '/native.node' },
    onCrash,
    now,
  });
  return { client, children, onCrash, latest: () => children.at(-1)! };
}

/** An ok answer of any kind (typed loosely: the relay and client only pass it on). */
const ok = (data: unknown) => ({ response: { ok: true as const, data } }) as never;

describe('backend client (main side)', () => {
  it('opens the process, then relays each call by id and resolves it with its own answer', async () => {
    const { client, latest } = startClient();
    const child = latest();
    expect(child.sent[0]).toEqual({
      kind: 'open',
      dataDir: '/data',
      nativeBinding: '/native.node',
    });
    child.reply({ kind: 'ready' });
    await client.ready;

    const first = client.dispatch('tok', 'auth.me', {});
    const second = client.download('tok', 'file-1');
    const firstId = child.idOf('dispatch');
    const secondId = child.idOf('download');
    expect(firstId).not.toBe(secondId);
    // Answers may come back in any order.
    child.reply({ kind: 'reply', id: secondId, result: ok('second') });
    child.reply({ kind: 'reply', id: firstId, result: ok('first') });
    await expect(first).resolves.toEqual(ok('first'));
    await expect(second).resolves.toEqual(ok('second'));

    const bytes = new Uint8Array([1, 2, 3]);
    const up = client.upload(null, { purpose: 'personPhoto', name: 'a.png', type: '', bytes });
    expect(child.sent.at(-1)).toMatchObject({ kind: 'upload', token: null, bytes });
    child.reply({ kind: 'reply', id: child.idOf('upload'), result: ok('up') });
    await expect(up).resolves.toEqual(ok('up'));
  });

  it('answers in-flight calls with a clear error on a crash, restarts and carries on', async () => {
    const { client, children, onCrash, latest } = startClient();
    latest().reply({ kind: 'ready' });
    await client.ready;
    const waiting = [client.dispatch('tok', 'persons.create', {}), client.download('tok', 'f')];
    children[0]!.exit(134);

    for (const result of await Promise.all(waiting)) {
      const response = result.response as RpcResponse;
      expect(response.ok).toBe(false);
      if (response.ok) continue;
      expect(response.error).toMatchObject({ code: 'INTERNAL', key: 'error.backend_restarted' });
      expect(response.error.message.id).toMatch(/dijalankan ulang/);
      expect(response.error.message.en).toMatch(/restarted/);
    }
    expect(onCrash).toHaveBeenCalledWith({ code: 134, restarted: true });
    expect(children).toHaveLength(2);
    const fresh = children[1]!;
    expect(fresh.sent[0]).toMatchObject({ kind: 'open', dataDir: '/data' });

    // New calls go to the new process (which waits for its open before answering).
    const after = client.dispatch('tok', 'auth.me', {});
    expect(children[0]!.sent.filter((m) => m.kind === 'dispatch')).toHaveLength(1);
    fresh.reply({ kind: 'reply', id: fresh.idOf('dispatch'), result: ok('again') });
    await expect(after).resolves.toEqual(ok('again'));
  });

  it('gives up after repeated crashes within a minute', async () => {
    let t = 0;
    const { client, children, onCrash, latest } = startClient(() => t);
    latest().reply({ kind: 'ready' });
    await client.ready;
    for (let i = 0; i <= MAX_RESTARTS; i++) {
      t += 1000;
      latest().exit(1);
    }
    expect(children).toHaveLength(MAX_RESTARTS + 1);
    expect(onCrash).toHaveBeenLastCalledWith({ code: 1, restarted: false });
    const refused = await client.dispatch('tok', 'auth.me', {});
    expect(refused.response).toMatchObject({ ok: false, error: { key: 'error.network' } });
  });

  it('restarts again after a quiet minute', async () => {
    let t = 0;
    const { client, children, latest } = startClient(() => t);
    latest().reply({ kind: 'ready' });
    await client.ready;
    for (let i = 0; i < MAX_RESTARTS * 3; i++) {
      t += 61_000;
      latest().exit(1);
    }
    expect(children).toHaveLength(MAX_RESTARTS * 3 + 1);
  });

  it('gives up, telling main, when a restarted process cannot open the database', async () => {
    const { client, children, onCrash, latest } = startClient();
    latest().reply({ kind: 'ready' });
    await client.ready;
    children[0]!.exit(139);
    const waiting = client.dispatch('tok', 'auth.me', {});
    latest().reply({ kind: 'failed', message: 'database disk image is malformed' });
    expect((await waiting).response).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(onCrash).toHaveBeenLastCalledWith({ code: 1, restarted: false });
    latest().exit(1);
    expect(children).toHaveLength(2);
  });

  it('fails startup through ready, not as a crash, when the process dies before opening', async () => {
    const { client, onCrash, latest, children } = startClient();
    latest().exit(1);
    await expect(client.ready).rejects.toThrow('exited with code 1');
    expect(onCrash).not.toHaveBeenCalled();
    expect(children).toHaveLength(1);
  });

  it('rejects ready when the database cannot be opened', async () => {
    const { client, latest, children } = startClient();
    latest().reply({ kind: 'failed', message: 'SQLite 3.40 is too old' });
    await expect(client.ready).rejects.toThrow('SQLite 3.40 is too old');
    expect(latest().killed).toBe(true);
    latest().exit(0);
    expect(children).toHaveLength(1);
  });

  it('closes the database on quit, and kills a process that does not answer', async () => {
    vi.useFakeTimers();
    const a = startClient();
    a.latest().reply({ kind: 'ready' });
    const closing = a.client.close();
    expect(a.latest().sent.at(-1)).toEqual({ kind: 'close' });
    a.latest().reply({ kind: 'closed' });
    await closing;
    expect(a.latest().killed).toBe(false);
    // Exiting after a requested close is not a crash.
    a.latest().exit(0);
    expect(a.onCrash).not.toHaveBeenCalled();

    const b = startClient();
    b.latest().reply({ kind: 'ready' });
    const hanging = b.client.close();
    await vi.advanceTimersByTimeAsync(5_000);
    await hanging;
    expect(b.latest().killed).toBe(true);
  });
});

describe('quitting during a write', () => {
  it('waits for the calls in flight, refusing new ones, then closes the database', async () => {
    const { client, latest } = startClient();
    latest().reply({ kind: 'ready' });
    await client.ready;
    const write = client.dispatch('tok', 'persons.create', { fullName: 'Siti' });
    const closing = client.close();
    // Nothing is closed while the write is still in its transaction.
    expect(latest().sent.at(-1)).toMatchObject({ kind: 'dispatch', method: 'persons.create' });
    const late = await client.dispatch('tok', 'persons.create', {});
    expect(late.response).toMatchObject({ ok: false, error: { key: 'error.network' } });

    latest().reply({ kind: 'reply', id: latest().idOf('dispatch'), result: ok('saved') });
    await expect(write).resolves.toEqual(ok('saved'));
    expect(latest().sent.at(-1)).toEqual({ kind: 'close' });
    latest().reply({ kind: 'closed' });
    await closing;
  });

  it('gives up waiting after QUIT_WAIT_MS and closes anyway', async () => {
    vi.useFakeTimers();
    const { client, latest } = startClient();
    latest().reply({ kind: 'ready' });
    const stuck = client.dispatch('tok', 'audit.verify', {});
    const closing = client.close();
    await vi.advanceTimersByTimeAsync(QUIT_WAIT_MS - 1);
    expect(latest().sent.at(-1)).toMatchObject({ kind: 'dispatch' });
    await vi.advanceTimersByTimeAsync(1);
    expect(latest().sent.at(-1)).toEqual({ kind: 'close' });
    expect((await stuck).response).toMatchObject({ ok: false, error: { key: 'error.network' } });
    latest().reply({ kind: 'closed' });
    await closing;
  });

  it('closes once when asked twice, and stops waiting if the process dies', async () => {
    const { client, latest, onCrash } = startClient();
    latest().reply({ kind: 'ready' });
    await client.ready;
    const write = client.dispatch('tok', 'persons.create', {});
    const first = client.close();
    expect(client.close()).toBe(first);
    latest().exit(139);
    await first;
    expect((await write).response).toMatchObject({ ok: false });
    expect(onCrash).not.toHaveBeenCalled();
  });

  it('the process closes the database only after the requests it is answering', async () => {
    const order: string[] = [];
    let finishWrite: () => void = () => undefined;
    const backend = {
      dispatch: vi.fn(
        () =>
          new Promise((resolve) => {
            finishWrite = () => {
              order.push('write committed');
              resolve(ok('saved'));
            };
          }),
      ),
      close: vi.fn(async () => {
        order.push('database closed');
      }),
    } as unknown as Backend;
    const p = fakePort();
    serveBackend(p.port, async () => backend, vi.fn());
    p.send({ kind: 'open', dataDir: '/d', nativeBinding: '/n' });
    await p.until(1);
    p.send({ kind: 'dispatch', id: 1, token: 't', method: 'persons.create', input: {} });
    await vi.waitFor(() => expect(backend.dispatch).toHaveBeenCalled());
    p.send({ kind: 'close' });
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]);
    finishWrite();
    await p.until(3);
    expect(order).toEqual(['write committed', 'database closed']);
    expect(p.replies.at(-1)).toEqual({ kind: 'closed' });
  });
});

/** A parentPort stand-in for the process side. */
function fakePort() {
  let listener: ((e: { data: unknown }) => void) | null = null;
  const replies: BackendReply[] = [];
  let waiters: (() => void)[] = [];
  return {
    port: {
      on: (_event: 'message', l: (e: { data: unknown }) => void) => (listener = l),
      postMessage: (m: BackendReply) => {
        replies.push(m);
        for (const w of waiters.splice(0)) w();
      },
    },
    replies,
    send: (data: BackendRequest) => listener!({ data }),
    /** Resolves once `n` replies have been posted. */
    async until(n: number) {
      while (replies.length < n) await new Promise<void>((ok) => waiters.push(ok));
      waiters = [];
    },
  };
}

describe('backend process (utility side)', () => {
  it('opens the backend, answers dispatch, upload and download, and closes', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'blob'), 'photo bytes');
    const seen: Uint8Array[] = [];
    const backend = {
      dispatch: vi.fn(async (token: string | null, method: string) => ok({ token, method })),
      upload: vi.fn(async (_token: string | null, req: { body: AsyncIterable<Uint8Array> }) => {
        for await (const c of req.body) seen.push(c);
        return ok({ fileId: 'f1' });
      }),
      download: vi.fn(async () => ({
        response: { ok: true, data: { fileId: 'f1', name: 'a.png', type: 'image/png', size: 11 } },
        path: join(dir, 'blob'),
      })),
      close: vi.fn(async () => undefined),
    } as unknown as Backend;
    const open = vi.fn(async () => backend);
    const exit = vi.fn();
    const p = fakePort();
    serveBackend(p.port, open, exit);

    p.send({ kind: 'open', dataDir: dir, nativeBinding: '/n.node' });
    // Requests sent right after open wait for it.
    p.send({ kind: 'dispatch', id: 1, token: 't', method: 'auth.me', input: {} });
    await p.until(2);
    expect(open).toHaveBeenCalledWith({
      dataDir: dir,
      nativeBinding: '/n.node',
      log: expect.any(Function),
    });
    expect(p.replies).toEqual([
      { kind: 'ready' },
      { kind: 'reply', id: 1, result: ok({ token: 't', method: 'auth.me' }) },
    ]);

    const bytes = new Uint8Array([0x89, 0x50]);
    p.send({
      kind: 'upload',
      id: 2,
      token: 't',
      purpose: 'personPhoto',
      name: 'a',
      type: '',
      bytes,
    });
    await p.until(3);
    expect(seen).toEqual([bytes]);
    expect(backend.upload).toHaveBeenCalledWith('t', expect.objectContaining({ declaredSize: 2 }));

    p.send({ kind: 'download', id: 3, token: 't', fileId: 'f1' });
    await p.until(4);
    const reply = p.replies[3] as { result: { bytes: Uint8Array; path?: string } };
    expect(Buffer.from(reply.result.bytes).toString()).toBe('photo bytes');
    expect(reply.result).not.toHaveProperty('path');

    p.send({ kind: 'close' });
    await p.until(5);
    expect(p.replies[4]).toEqual({ kind: 'closed' });
    expect(exit).toHaveBeenCalledWith(0);
  });

  it('runs the office host the network screen saved, beside the backend, and stops it before closing', async () => {
    const order: string[] = [];
    const backend = {
      close: vi.fn(async () => void order.push('backend closed')),
    } as unknown as Backend;
    const open = vi.fn(async () => {
      order.push('opened');
      return backend;
    });
    let given: OfficeServeOptions | null = null;
    const serve = {
      runtime: () => ({ state: 'running' }),
      apply: vi.fn(),
      startSaved: vi.fn(async () => {
        order.push('office host started');
        // It serves the backend that was opened.
        expect(given!.backend()).toBe(backend);
        return { state: 'running' };
      }),
      close: vi.fn(async () => void order.push('office host closed')),
    } as unknown as OfficeServe;
    const makeServe = vi.fn((opts: OfficeServeOptions) => {
      given = opts;
      return serve;
    });
    const p = fakePort();
    serveBackend(p.port, open, vi.fn(), makeServe);
    p.send({ kind: 'open', dataDir: '/d', nativeBinding: '/n.node', rendererDir: '/r' });
    await p.until(1);
    expect(p.replies).toEqual([{ kind: 'ready' }]);
    expect(given).toMatchObject({ dataDir: '/d', staticDir: '/r' });
    expect(open).toHaveBeenCalledWith(expect.objectContaining({ network: serve }));
    p.send({ kind: 'close' });
    await p.until(2);
    expect(order).toEqual([
      'opened',
      'office host started',
      'office host closed',
      'backend closed',
    ]);
  });

  it('reports a database that cannot be opened', async () => {
    const p = fakePort();
    serveBackend(p.port, async () => {
      throw new Error('Pelita refuses SQLite 3.40');
    });
    p.send({ kind: 'open', dataDir: '/x', nativeBinding: '/n' });
    await p.until(1);
    expect(p.replies).toEqual([{ kind: 'failed', message: 'Pelita refuses SQLite 3.40' }]);
  });
});

class FakeSender {
  destroyed = false;
  constructor(readonly id: number) {}
  isDestroyed() {
    return this.destroyed;
  }
  once() {
    return this;
  }
}

function relayWith(backend: Partial<RelayBackend>, saveFile = vi.fn(async () => true)) {
  const handlers = new Map<string, (event: RelayEvent, ...args: unknown[]) => unknown>();
  const ipcMain: RelayIpcMain = {
    handle: (channel, listener) => handlers.set(channel, listener),
    removeHandler: (channel) => handlers.delete(channel),
  };
  const full: RelayBackend = {
    dispatch: vi.fn(async () => ({ response: { ok: true as const, data: null } })),
    upload: vi.fn(async () => ok({ fileId: 'f1' })),
    download: vi.fn(async () => ok(null)),
    ...backend,
  } as RelayBackend;
  registerIpc(ipcMain, full, { saveFile });
  const call = async (method: string, input: unknown, url = 'app://pelita/index.html') =>
    (await handlers.get(IPC_CHANNEL)!(
      { sender: new FakeSender(1), senderFrame: { url } },
      method,
      input,
    )) as RpcResponse;
  return { call, backend: full, saveFile };
}

describe('file calls over the IPC relay', () => {
  it('carries upload bytes to the backend with the window token, past the JSON limit', async () => {
    const upload = vi.fn(async (_token: string | null, _file: { bytes: Uint8Array }) =>
      ok({ fileId: 'f1', name: 'a.png', type: 'image/png', size: 3 }),
    );
    const { call } = relayWith({ upload });
    const bytes = new Uint8Array(2 * 1024 * 1024).buffer;
    const response = await call('files.upload', {
      purpose: 'caseAttachment',
      name: 'a.png',
      type: 'image/png',
      bytes,
    });
    expect(response).toMatchObject({ ok: true, data: { fileId: 'f1' } });
    const [token, sent] = upload.mock.calls[0]!;
    expect(token).toBeNull();
    expect(sent).toMatchObject({ purpose: 'caseAttachment', name: 'a.png', type: 'image/png' });
    // The same bytes, not a copy through JSON.
    expect(sent.bytes.buffer).toBe(bytes);
  });

  it("refuses bytes over the purpose's limit and malformed uploads before the backend", async () => {
    const { call, backend } = relayWith({});
    const photo = await call('files.upload', {
      purpose: 'personPhoto',
      name: 'foto.png',
      type: 'image/png',
      bytes: new ArrayBuffer(600 * 1024 + 1),
    });
    expect(photo).toMatchObject({
      ok: false,
      error: { key: 'file.too_large', params: { name: 'foto.png', max: '600 kB' } },
    });
    const big = await call('files.upload', {
      purpose: 'caseAttachment',
      name: 'scan.pdf',
      type: 'application/pdf',
      bytes: new ArrayBuffer(25 * 1024 * 1024 + 1),
    });
    expect(big).toMatchObject({
      ok: false,
      error: { key: 'file.too_large', params: { name: 'scan.pdf', max: '25 MB' } },
    });
    for (const input of [
      null,
      { purpose: 'personPhoto', name: 'a', type: '', bytes: 'AAAA' },
      { purpose: 'personPhoto', name: 'a', type: '', bytes: [1, 2, 3] },
      { purpose: 7, name: 'a', type: '', bytes: new ArrayBuffer(1) },
    ]) {
      expect(await call('files.upload', input)).toMatchObject({
        ok: false,
        error: { key: 'error.bad_request' },
      });
    }
    expect(backend.upload).not.toHaveBeenCalled();
  });

  it('refuses file calls from a frame off the app origin', async () => {
    const { call, backend, saveFile } = relayWith({});
    for (const method of ['files.upload', 'files.download', 'files.save']) {
      const r = await call(
        method,
        { fileId: 'f1', purpose: 'personPhoto', name: 'a', type: '', bytes: new ArrayBuffer(1) },
        'https://evil.example/',
      );
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(backend.upload).not.toHaveBeenCalled();
    expect(backend.download).not.toHaveBeenCalled();
    expect(saveFile).not.toHaveBeenCalled();
  });

  it('hands a download back as bytes and a save to the save dialog', async () => {
    const meta = { fileId: 'f1', name: 'foto.jpg', type: 'image/jpeg', size: 3 };
    const download = vi.fn(
      async () =>
        ({ response: { ok: true, data: meta }, bytes: new Uint8Array([1, 2, 3]) }) as never,
    );
    const { call, saveFile } = relayWith({ download });
    const got = await call('files.download', { fileId: 'f1' });
    expect(got.ok).toBe(true);
    const data = (got as { data: { bytes: ArrayBuffer } }).data;
    expect(data).toMatchObject(meta);
    expect([...new Uint8Array(data.bytes)]).toEqual([1, 2, 3]);

    expect(await call('files.save', { fileId: 'f1' })).toEqual({ ok: true, data: { saved: true } });
    expect(saveFile).toHaveBeenCalledWith(expect.anything(), {
      ...meta,
      bytes: new Uint8Array([1, 2, 3]),
    });
    saveFile.mockRejectedValueOnce(new Error('EACCES: permission denied'));
    expect(await call('files.save', { fileId: 'f1' })).toMatchObject({
      ok: false,
      error: { key: 'file.save_failed', params: { reason: 'EACCES: permission denied' } },
    });
  });

  it('passes a refused download through without opening the dialog', async () => {
    const refused = {
      ok: false as const,
      error: {
        code: 'FORBIDDEN' as const,
        key: 'error.forbidden' as const,
        message: { id: 'x', en: 'x' },
      },
    };
    const { call, saveFile } = relayWith({ download: vi.fn(async () => ({ response: refused })) });
    expect(await call('files.save', { fileId: 'f1' })).toEqual(refused);
    expect(await call('files.download', { fileId: 'f1' })).toEqual(refused);
    expect(saveFile).not.toHaveBeenCalled();
  });
});

describe('save dialog', () => {
  function dialogChoosing(filePath: string | undefined) {
    const showSaveDialog = vi.fn(async () => ({
      canceled: filePath === undefined,
      filePath: filePath ?? '',
    }));
    return { dialog: { showSaveDialog } as unknown as SaveDialog, showSaveDialog };
  }
  const event = { sender: new FakeSender(1), senderFrame: { url: 'app://pelita/' } };
  const file = { name: 'Surat 01.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.7') };

  it('offers the file name in Downloads, attached to the window, and writes the bytes', async () => {
    const dir = tempDir();
    const { dialog, showSaveDialog } = dialogChoosing(join(dir, 'surat.pdf'));
    const window = { id: 1 };
    const save = createSaveFile({
      dialog,
      windowOf: () => window as never,
      downloadsDir: () => '/home/siti/Downloads',
    });
    expect(await save(event, file)).toBe(true);
    expect(showSaveDialog).toHaveBeenCalledWith(window, {
      defaultPath: join('/home/siti/Downloads', 'Surat 01.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    expect(readFileSync(join(dir, 'surat.pdf'), 'latin1')).toBe('%PDF-1.7');
    expect(readdirSync(dir)).toEqual(['surat.pdf']);
  });

  it('writes nothing when the user cancels', async () => {
    const dir = tempDir();
    const { dialog } = dialogChoosing(undefined);
    const save = createSaveFile({ dialog, windowOf: () => null, downloadsDir: () => dir });
    expect(await save(event, file)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves no half-written file when writing fails', async () => {
    const dir = tempDir();
    const { dialog } = dialogChoosing(join(dir, 'missing-folder', 'surat.pdf'));
    const save = createSaveFile({ dialog, windowOf: () => null, downloadsDir: () => dir });
    await expect(save(event, file)).rejects.toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
