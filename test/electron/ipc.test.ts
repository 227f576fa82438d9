import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RpcResponse } from '../../shared/errors';

const electron = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn(),
}));

vi.mock('electron', () => ({
  BrowserWindow: vi.fn(),
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: { invoke: electron.invoke },
}));

import {
  IPC_CHANNEL,
  MAX_INPUT_BYTES,
  isTrustedSender,
  jsonSize,
  registerIpc,
  validateCall,
} from '../../electron/main/ipc';
import type { RelayBackend, RelayEvent, RelayIpcMain } from '../../electron/main/ipc';

type Listener = (event: RelayEvent, ...args: unknown[]) => unknown;
type DispatchResult = Awaited<ReturnType<RelayBackend['dispatch']>>;

class FakeSender {
  destroyed = false;
  private listeners: (() => void)[] = [];
  constructor(readonly id: number) {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  once(_event: 'destroyed', listener: () => void): this {
    this.listeners.push(listener);
    return this;
  }
  destroy(): void {
    this.destroyed = true;
    const listeners = this.listeners;
    this.listeners = [];
    for (const listener of listeners) listener();
  }
}

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain: RelayIpcMain = {
    handle: vi.fn((channel: string, listener: Listener) => {
      if (handlers.has(channel)) throw new Error('Attempted to register a second handler');
      handlers.set(channel, listener);
    }),
    removeHandler: vi.fn((channel: string) => {
      handlers.delete(channel);
    }),
  };
  return { ipcMain, handlers };
}

/** File methods for tests about plain calls: never reached. */
const noFiles = {
  upload: vi.fn(async () => ({ response: { ok: true as const, data: null as never } })),
  download: vi.fn(async () => ({ response: { ok: true as const, data: null as never } })),
};

/** A backend that echoes the call; `next` lets a test attach a session change to one call. */
function fakeBackend() {
  const next: { session?: DispatchResult['session'] }[] = [];
  const dispatch = vi.fn(
    async (token: string | null, method: string, input: unknown): Promise<DispatchResult> => {
      const extra = next.shift() ?? {};
      return { response: { ok: true, data: { token, method, input } }, ...extra };
    },
  );
  const backend: RelayBackend = { dispatch, ...noFiles };
  return { backend, dispatch, next };
}

function eventFrom(sender: FakeSender, url: string | null = 'app://pelita/index.html'): RelayEvent {
  return { sender, senderFrame: url === null ? null : { url } };
}

function setup() {
  const { ipcMain, handlers } = fakeIpcMain();
  const { backend, dispatch, next } = fakeBackend();
  const relay = registerIpc(ipcMain, backend);
  const call = async (event: RelayEvent, method: unknown, input?: unknown) => {
    const handler = handlers.get(IPC_CHANNEL);
    if (!handler) throw new Error('no handler');
    return (await handler(event, method, input)) as RpcResponse;
  };
  return { ipcMain, handlers, dispatch, next, relay, call };
}

function tokenSeen(response: RpcResponse): unknown {
  if (!response.ok) throw new Error('expected ok response, got ' + response.error.code);
  return (response.data as { token: unknown }).token;
}

describe('registerIpc', () => {
  it('registers exactly one handler, on pelita:call', () => {
    const { ipcMain, handlers } = setup();
    expect(ipcMain.handle).toHaveBeenCalledTimes(1);
    expect([...handlers.keys()]).toEqual(['pelita:call']);
  });

  it.each([
    ['https://evil.example/', 'https://evil.example/'],
    ['file://', 'file:///opt/pelita/resources/app.asar/out/renderer/index.html'],
    ['http on the app host', 'http://pelita/index.html'],
    ['another app host', 'app://evil/index.html'],
    ['a look-alike host', 'app://pelita.evil.example/index.html'],
    ['credentials trick', 'app://pelita@evil.example/index.html'],
    ['a port', 'app://pelita:8080/index.html'],
    ['about:blank', 'about:blank'],
    ['an empty url', ''],
  ])('refuses a call from %s and never dispatches', async (_name, url) => {
    const { call, dispatch } = setup();
    const response = await call(eventFrom(new FakeSender(1), url), 'auth.status', {});
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error.code).toBe('FORBIDDEN');
    expect(response.error.key).toBe('error.forbidden');
    expect(response.error.message.en).toBe('You do not have permission for this action.');
    expect(response.error.message.id).toMatch(/hak akses/);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a call without a sender frame', async () => {
    const { call, dispatch } = setup();
    const response = await call(eventFrom(new FakeSender(1), null), 'auth.status', {});
    expect(response.ok).toBe(false);
    expect(!response.ok && response.error.code).toBe('FORBIDDEN');
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses when reading the frame throws (frame already gone)', async () => {
    const { call, dispatch } = setup();
    const event = {
      sender: new FakeSender(1),
      get senderFrame(): { url: string } {
        throw new Error('Render frame was disposed');
      },
    };
    const response = await call(event, 'auth.status', {});
    expect(!response.ok && response.error.code).toBe('FORBIDDEN');
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('relays method and input from app://pelita and returns only the response', async () => {
    const { call, dispatch, next } = setup();
    next.push({ session: { set: 'secret-token' } });
    const input = { username: 'admin', password: 'x' };
    const response = await call(eventFrom(new FakeSender(1)), 'auth.login', input);
    expect(dispatch).toHaveBeenCalledTimes(1);
    // The window is the source that failed sign-ins are counted against.
    expect(dispatch).toHaveBeenCalledWith(null, 'auth.login', input, 'window:1');
    expect(response).toEqual({ ok: true, data: { token: null, method: 'auth.login', input } });
    expect(JSON.stringify(response)).not.toContain('secret-token');
  });

  it('uses the stored token for the same sender only', async () => {
    const { call, next } = setup();
    const first = new FakeSender(1);
    const second = new FakeSender(2);
    next.push({ session: { set: 'token-1' } });
    await call(eventFrom(first), 'auth.login', {});

    expect(tokenSeen(await call(eventFrom(first), 'users.list', {}))).toBe('token-1');
    expect(tokenSeen(await call(eventFrom(second), 'users.list', {}))).toBeNull();
  });

  it('replaces the token on a new session.set', async () => {
    const { call, next } = setup();
    const sender = new FakeSender(1);
    next.push({ session: { set: 'token-1' } });
    await call(eventFrom(sender), 'auth.login', {});
    next.push({ session: { set: 'token-2' } });
    await call(eventFrom(sender), 'auth.changePassword', {});
    expect(tokenSeen(await call(eventFrom(sender), 'users.list', {}))).toBe('token-2');
  });

  it('forgets the token on session.clear', async () => {
    const { call, next } = setup();
    const sender = new FakeSender(1);
    next.push({ session: { set: 'token-1' } });
    await call(eventFrom(sender), 'auth.login', {});
    next.push({ session: { clear: true } });
    expect(tokenSeen(await call(eventFrom(sender), 'auth.logout', {}))).toBe('token-1');
    expect(tokenSeen(await call(eventFrom(sender), 'users.list', {}))).toBeNull();
  });

  it('forgets the token when the webContents is destroyed', async () => {
    const { call, next, dispatch } = setup();
    const sender = new FakeSender(7);
    next.push({ session: { set: 'token-7' } });
    await call(eventFrom(sender), 'auth.login', {});
    sender.destroy();

    // A destroyed sender is refused outright...
    dispatch.mockClear();
    const refused = await call(eventFrom(sender), 'users.list', {});
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
    expect(dispatch).not.toHaveBeenCalled();
    // ...and nothing is left under its id.
    expect(tokenSeen(await call(eventFrom(new FakeSender(7)), 'users.list', {}))).toBeNull();
  });

  it('does not store a token for a webContents destroyed during the call', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const sender = new FakeSender(3);
    const dispatch = vi.fn(async (token: string | null): Promise<DispatchResult> => {
      if (token === null) sender.destroy();
      return { response: { ok: true, data: { token } }, session: { set: 'late-token' } };
    });
    registerIpc(ipcMain, { dispatch, ...noFiles });
    const handler = handlers.get(IPC_CHANNEL);
    await handler?.(eventFrom(sender), 'auth.login', {});
    const response = (await handler?.(
      eventFrom(new FakeSender(3)),
      'users.list',
      {},
    )) as RpcResponse;
    expect(tokenSeen(response)).toBeNull();
  });

  it('refuses input over 1 MB with error.body_too_large and never dispatches', async () => {
    const { call, dispatch } = setup();
    const big = { text: 'x'.repeat(MAX_INPUT_BYTES) };
    const response = await call(eventFrom(new FakeSender(1)), 'letters.create', big);
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error.code).toBe('VALIDATION');
    expect(response.error.key).toBe('error.body_too_large');
    expect(response.error.message.en).toBe('The data sent is too large.');
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('counts bytes, not characters, against the limit', async () => {
    const { call, dispatch } = setup();
    // 400k three-byte characters: 1.2 MB of UTF-8 in 400k UTF-16 units.
    const response = await call(eventFrom(new FakeSender(1)), 'notes.add', '€'.repeat(400_000));
    expect(!response.ok && response.error.key).toBe('error.body_too_large');
    expect(dispatch).not.toHaveBeenCalled();
  });

  it.each([
    ['a number', 42],
    ['an object', { method: 'auth.login' }],
    ['an empty string', ''],
    ['a very long string', 'a'.repeat(500)],
    ['missing', undefined],
  ])('refuses a method that is %s', async (_name, method) => {
    const { call, dispatch } = setup();
    const response = await call(eventFrom(new FakeSender(1)), method, {});
    expect(!response.ok && response.error.code).toBe('VALIDATION');
    expect(!response.ok && response.error.key).toBe('error.bad_request');
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('answers INTERNAL, without details, when dispatch throws', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const dispatch = vi.fn(async (): Promise<DispatchResult> => {
      throw new Error('SQLITE_CORRUPT: /home/user/.config/pelita/pelita.db');
    });
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    registerIpc(ipcMain, { dispatch, ...noFiles });
    const response = (await handlers.get(IPC_CHANNEL)?.(
      eventFrom(new FakeSender(1)),
      'users.list',
      {},
    )) as RpcResponse;
    spy.mockRestore();
    expect(!response.ok && response.error.code).toBe('INTERNAL');
    expect(JSON.stringify(response)).not.toContain('SQLITE');
  });

  it('uses a custom isTrustedSender when given', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const { backend, dispatch } = fakeBackend();
    registerIpc(ipcMain, backend, { isTrustedSender: () => false });
    const response = (await handlers.get(IPC_CHANNEL)?.(
      eventFrom(new FakeSender(1)),
      'auth.status',
      {},
    )) as RpcResponse;
    expect(!response.ok && response.error.code).toBe('FORBIDDEN');
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('dispose removes the handler', () => {
    const { relay, handlers, ipcMain } = setup();
    relay.dispose();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith('pelita:call');
    expect(handlers.size).toBe(0);
  });
});

describe('pure helpers', () => {
  it('isTrustedSender accepts only app://pelita frames', () => {
    const sender = new FakeSender(1);
    expect(isTrustedSender(eventFrom(sender, 'app://pelita/'))).toBe(true);
    expect(isTrustedSender(eventFrom(sender, 'app://pelita/cases/1?tab=notes#top'))).toBe(true);
    expect(isTrustedSender(eventFrom(sender, 'https://evil.example/'))).toBe(false);
    expect(isTrustedSender(eventFrom(sender, null))).toBe(false);
  });

  it('jsonSize measures UTF-8 JSON and flags what cannot be serialised', () => {
    expect(jsonSize(undefined)).toBe(0);
    expect(jsonSize({ a: 'ā' })).toBe(Buffer.byteLength('{"a":"ā"}'));
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(jsonSize(cycle)).toBeNull();
    expect(jsonSize({ n: 10n })).toBeNull();
  });

  it('validateCall lets well-formed calls through', () => {
    expect(validateCall('auth.login', { username: 'a' })).toBeNull();
    expect(validateCall('auth.status', undefined)).toBeNull();
    const invalid = validateCall('x', { big: 1n });
    expect(invalid && !invalid.ok && invalid.error.key).toBe('error.bad_request');
  });
});

describe('preload', () => {
  beforeEach(() => {
    electron.exposeInMainWorld.mockClear();
    electron.invoke.mockReset();
  });

  it('exposes only window.pelita.call, relayed to the pelita:call channel', async () => {
    vi.resetModules();
    await import('../../electron/preload/index');
    expect(electron.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, api] = electron.exposeInMainWorld.mock.calls[0] as [
      string,
      Record<string, unknown>,
    ];
    expect(name).toBe('pelita');
    expect(Object.keys(api)).toEqual(['call']);

    electron.invoke.mockResolvedValue({ ok: true, data: 1 });
    const call = api.call as (method: string, input: unknown) => Promise<unknown>;
    await expect(call('auth.status', { a: 1 })).resolves.toEqual({ ok: true, data: 1 });
    expect(electron.invoke).toHaveBeenCalledWith(IPC_CHANNEL, 'auth.status', { a: 1 });
  });
});
