import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/** A stand-in for WebContents that records listeners and the window open handler. */
class FakeContents {
  listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  windowOpenHandler: ((details: unknown) => unknown) | null = null;
  on(event: string, listener: (...args: unknown[]) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  setWindowOpenHandler(handler: (details: unknown) => unknown): void {
    this.windowOpenHandler = handler;
  }
  /** Emit like Electron: returns whether some listener called preventDefault. */
  emit(event: string, url?: string, extra: Record<string, unknown> = {}): boolean {
    let prevented = false;
    const details = { url, ...extra, preventDefault: () => (prevented = true) };
    for (const listener of this.listeners.get(event) ?? []) listener(details, url);
    return prevented;
  }
}

const electron = vi.hoisted(() => {
  const constructed: Record<string, unknown>[] = [];
  // Replaced below, once FakeContents exists (vi.hoisted runs before the class is defined).
  const state = { makeContents: (): unknown => ({}) };
  class BrowserWindow {
    webContents: unknown;
    constructor(options: Record<string, unknown>) {
      constructed.push(options);
      this.webContents = state.makeContents();
    }
  }
  return { constructed, BrowserWindow, state };
});

vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow }));

import type { Session, WebContents } from 'electron';
import { nativeBindingPath, preloadPath, rendererDir } from '../../electron/main/paths';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  createAppProtocolHandler,
  createSecureWindow,
  hardenContents,
  hardenSession,
  isAllowedRequestUrl,
  PDF_VIEWER_ORIGIN,
  isAppUrl,
  isPelitaUrl,
  resolveAppPath,
  trustOfficeOrigin,
} from '../../electron/main/security';

electron.state.makeContents = () => new FakeContents();

const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-src blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function hardened(): FakeContents {
  const contents = new FakeContents();
  hardenContents(contents as unknown as WebContents);
  return contents;
}

describe('createSecureWindow', () => {
  const window = createSecureWindow({
    preload: '/app/out/preload/index.cjs',
    title: 'Pelita',
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
  });
  const options = electron.constructed.at(-1) ?? {};
  const prefs = options.webPreferences as Record<string, unknown>;

  it('keeps the sandbox, isolation and web security on and Node off', () => {
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      preload: '/app/out/preload/index.cjs',
    });
  });

  it('sets nothing else that loosens security', () => {
    for (const key of ['enableBlinkFeatures', 'additionalArguments', 'partition']) {
      expect(prefs).not.toHaveProperty(key);
    }
  });

  it('has DevTools off unless asked for (development only)', () => {
    expect(prefs.devTools).toBe(false);
    createSecureWindow({
      title: 'P',
      width: 1,
      height: 1,
      minWidth: 1,
      minHeight: 1,
      devTools: true,
    });
    const dev = electron.constructed.at(-1)!.webPreferences as Record<string, unknown>;
    expect(dev.devTools).toBe(true);
    expect(dev.preload).toBeUndefined();
  });

  it('starts hidden with the requested title and size', () => {
    expect(options).toMatchObject({
      title: 'Pelita',
      width: 1280,
      height: 800,
      minWidth: 1024,
      minHeight: 640,
      show: false,
      // The packaged app's only menu (Help → open the log folder) shows on Alt.
      autoHideMenuBar: true,
    });
  });

  it('hardens the window contents before anything loads', () => {
    const contents = window.webContents as unknown as FakeContents;
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({
      action: 'deny',
    });
    expect(contents.emit('will-navigate', 'https://evil.example/')).toBe(true);
  });
});

describe('hardenContents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    'denies %s to other origins and allows app://pelita',
    (event) => {
      const contents = hardened();
      for (const url of [
        'https://evil.example/',
        'http://localhost:5173/',
        'file:///etc/passwd',
        'app://evil/index.html',
        'app://pelita.evil.example/',
        'javascript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'not a url',
      ]) {
        expect(contents.emit(event, url), url).toBe(true);
      }
      expect(contents.emit(event, APP_ENTRY_URL)).toBe(false);
      expect(contents.emit(event, 'app://pelita/cases/1')).toBe(false);
    },
  );

  it('lets a subframe, and only a subframe, show a blob: URL the app made (the PDF viewer)', () => {
    const contents = hardened();
    const sub = { isMainFrame: false };
    expect(contents.emit('will-frame-navigate', 'blob:app://pelita/1234', sub)).toBe(false);
    expect(
      contents.emit('will-frame-navigate', 'blob:app://pelita/1234', { isMainFrame: true }),
    ).toBe(true);
    expect(contents.emit('will-frame-navigate', 'blob:app://pelita/1234')).toBe(true);
    expect(contents.emit('will-navigate', 'blob:app://pelita/1234')).toBe(true);
    for (const url of ['blob:https://evil.example/1234', 'blob:app://evil/1', 'blob:null/1'])
      expect(contents.emit('will-frame-navigate', url, sub), url).toBe(true);
  });

  it("lets the viewer's subframe become Chromium's PDF viewer, and nothing else of its kind", () => {
    const contents = hardened();
    const sub = { isMainFrame: false };
    const viewer = `${PDF_VIEWER_ORIGIN}/index.html`;
    expect(contents.emit('will-frame-navigate', viewer, sub)).toBe(false);
    expect(contents.emit('will-frame-navigate', viewer, { isMainFrame: true })).toBe(true);
    expect(contents.emit('will-navigate', viewer)).toBe(true);
    for (const url of [
      'chrome-extension://aaaabbbbccccddddeeeeffffgggghhhh/index.html',
      'chrome://settings/',
      'chrome://resources.evil/x.js',
    ])
      expect(contents.emit('will-frame-navigate', url, sub), url).toBe(true);
  });

  it('denies every new window', () => {
    const contents = hardened();
    for (const url of ['https://evil.example/', APP_ENTRY_URL, 'about:blank']) {
      expect(contents.windowOpenHandler?.({ url, disposition: 'new-window' })).toEqual({
        action: 'deny',
      });
    }
  });

  it('refuses to attach a <webview>', () => {
    expect(hardened().emit('will-attach-webview')).toBe(true);
  });

  it('is idempotent', () => {
    const contents = new FakeContents();
    hardenContents(contents as unknown as WebContents);
    hardenContents(contents as unknown as WebContents);
    expect(contents.listeners.get('will-navigate')).toHaveLength(1);
  });
});

describe('hardenSession', () => {
  type Callback = (...args: unknown[]) => void;
  const captured: Record<string, Callback> = {};
  const fakeSession = {
    setPermissionRequestHandler: (h: Callback) => (captured.request = h),
    setPermissionCheckHandler: (h: Callback) => (captured.check = h),
    setDevicePermissionHandler: (h: Callback) => (captured.device = h),
    webRequest: {
      onBeforeRequest: (h: Callback) => (captured.beforeRequest = h),
      onHeadersReceived: (h: Callback) => (captured.headers = h),
    },
  };
  hardenSession(fakeSession as unknown as Session);

  it.each(['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal', 'unknown'])(
    'denies the %s permission request',
    (permission) => {
      const callback = vi.fn();
      captured.request?.({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
    },
  );

  it('denies permission checks and device access', () => {
    const check = captured.check as unknown as (...args: unknown[]) => boolean;
    const device = captured.device as unknown as (...args: unknown[]) => boolean;
    expect(check({}, 'clipboard-sanitized-write', 'app://pelita', {})).toBe(false);
    expect(check(null, 'media', 'https://evil.example', {})).toBe(false);
    expect(device({ deviceType: 'usb', origin: 'app://pelita' })).toBe(false);
  });

  it('replaces any CSP header with ours on every response', () => {
    const callback = vi.fn();
    captured.headers?.(
      {
        url: 'app://pelita/index.html',
        responseHeaders: {
          'content-security-policy': ["default-src *; script-src 'unsafe-eval'"],
          'Content-Type': ['text/html'],
        },
      },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: {
        'Content-Type': ['text/html'],
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });

  it('cancels requests that leave the app origin', () => {
    const decide = (url: string) => {
      const callback = vi.fn();
      captured.beforeRequest?.({ url }, callback);
      return (callback.mock.calls[0]?.[0] as { cancel: boolean }).cancel;
    };
    expect(decide('https://evil.example/x.js')).toBe(true);
    expect(decide('http://127.0.0.1:8080/rpc/auth.login')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    expect(decide('app://evil/x.js')).toBe(true);
    expect(decide('app://pelita/assets/index.js')).toBe(false);
    expect(decide('data:image/png;base64,AAAA')).toBe(false);
    expect(decide('blob:app://pelita/1234')).toBe(false);
    // Chromium's PDF viewer (compiled into Electron) and its shared resources; no other extension.
    expect(decide(`${PDF_VIEWER_ORIGIN}/index.html`)).toBe(false);
    expect(decide('chrome://resources/js/load_time_data.js')).toBe(false);
    expect(decide('chrome-extension://aaaabbbbccccddddeeeeffffgggghhhh/x.js')).toBe(true);
    expect(decide('chrome://settings/')).toBe(true);
  });

  it("leaves the PDF viewer's own policy on its pages", () => {
    const callback = vi.fn();
    const headers = { 'Content-Security-Policy': ["script-src 'self'"] };
    captured.headers?.(
      { url: `${PDF_VIEWER_ORIGIN}/index.html`, responseHeaders: headers },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({ responseHeaders: headers });
  });
});

describe('CSP and origin helpers', () => {
  it('uses the agreed CSP', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED_CSP);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
    // Frames: only blob: (the PDF viewer), no other source, and no plugins (object-src).
    expect(CONTENT_SECURITY_POLICY).toMatch(/(^|; )frame-src blob:;/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/object-src 'none'/);
  });

  it('recognises only the app origin', () => {
    expect(isAppUrl('app://pelita/index.html')).toBe(true);
    expect(isAppUrl('app://pelita')).toBe(true);
    expect(isAppUrl('app://pelita:1/')).toBe(false);
    expect(isAppUrl('app://user@pelita/')).toBe(false);
    expect(isAppUrl('APP://evil/')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/inspector.html')).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:5173')).toBe(false);
  });
});

describe('client mode: the office host origin', () => {
  it('trusts only the configured https origin, and nothing before it is set', () => {
    expect(isPelitaUrl('https://pelita-kantor:5871/')).toBe(false);
    expect(isAllowedRequestUrl('https://pelita-kantor:5871/rpc/auth.me')).toBe(false);
    trustOfficeOrigin('https://pelita-kantor:5871');
    try {
      expect(isPelitaUrl('https://pelita-kantor:5871/#/persons')).toBe(true);
      expect(isAllowedRequestUrl('https://pelita-kantor:5871/rpc/auth.me')).toBe(true);
      for (const url of [
        'http://pelita-kantor:5871/',
        'https://pelita-kantor:5872/',
        'https://pelita-kantor/',
        'https://evil.example/',
        'https://user@pelita-kantor:5871/',
      ]) {
        expect(isPelitaUrl(url), url).toBe(false);
        expect(isAllowedRequestUrl(url), url).toBe(false);
      }
      const contents = hardened();
      expect(contents.emit('will-navigate', 'https://pelita-kantor:5871/index.html')).toBe(false);
      expect(contents.emit('will-navigate', 'https://evil.example/')).toBe(true);
      expect(contents.windowOpenHandler?.({ url: 'https://pelita-kantor:5871/' })).toEqual({
        action: 'deny',
      });
    } finally {
      trustOfficeOrigin(null);
    }
  });
});

describe('paths', () => {
  const mainDir = resolve('/opt/pelita/out/main');
  it('finds the renderer and the CommonJS preload next to the built main', () => {
    expect(rendererDir(mainDir)).toBe(resolve('/opt/pelita/out/renderer'));
    expect(preloadPath(mainDir)).toBe(resolve('/opt/pelita/out/preload/index.cjs'));
  });
  it('uses the Electron build of better-sqlite3', () => {
    expect(
      nativeBindingPath({ isPackaged: true, resourcesPath: '/opt/Pelita/resources', mainDir }),
    ).toBe(join('/opt/Pelita/resources', 'native', 'better_sqlite3.node'));
    expect(nativeBindingPath({ isPackaged: false, resourcesPath: '/x', mainDir })).toBe(
      resolve('/opt/pelita/build/native-electron/better_sqlite3.node'),
    );
  });
});

describe('app:// file handler', () => {
  let base: string;
  let root: string;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'pelita-protocol-'));
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Pelita</title>');
    writeFileSync(join(root, 'assets', 'index.js'), 'console.log(1)');
    writeFileSync(join(base, 'secret.txt'), 'TOP SECRET');
    mkdirSync(join(base, 'renderer-evil'));
    writeFileSync(join(base, 'renderer-evil', 'x.js'), 'TOP SECRET');
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  /** Electron hands the handler a Request; a plain object keeps the raw, unnormalised URL. */
  function get(url: string, method = 'GET') {
    return createAppProtocolHandler(root)({ url, method } as Request);
  }

  const TRAVERSALS = [
    'app://pelita/../../etc/passwd',
    'app://pelita/../secret.txt',
    'app://pelita/assets/../../secret.txt',
    'app://pelita/%2e%2e/secret.txt',
    'app://pelita/%2E%2E/%2e%2e/etc/passwd',
    'app://pelita/.%2e/secret.txt',
    'app://pelita/..%2fsecret.txt',
    'app://pelita/assets%2f..%2f..%2fsecret.txt',
    'app://pelita/%2e%2e%2fsecret.txt',
    'app://pelita/..%5csecret.txt',
    'app://pelita/..\\secret.txt',
    'app://pelita/%2e%2e%5c%2e%2e%5csecret.txt',
    'app://pelita/C:%5cWindows%5cwin.ini',
    'app://pelita/%00index.html',
    'app://pelita/../renderer-evil/x.js',
  ];

  it.each(TRAVERSALS)('refuses %s', async (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
    const response = await get(url);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('TOP SECRET');
  });

  it.each(TRAVERSALS)(
    'never leaves the folder when the URL arrives normalised: %s',
    async (url) => {
      let normalised: string;
      try {
        normalised = new URL(url).href;
      } catch {
        return;
      }
      const target = resolveAppPath(root, normalised);
      if (target !== null) expect(relative(root, target).startsWith('..')).toBe(false);
      const response = await get(normalised);
      const body = await response.text();
      expect(body).not.toContain('TOP SECRET');
      // An extension-less path inside the folder is a client-side route: index.html, nothing else.
      if (response.status === 200) expect(body).toContain('<title>Pelita</title>');
      else expect([403, 404]).toContain(response.status);
    },
  );

  it('refuses other origins', async () => {
    expect((await get('app://evil/index.html')).status).toBe(403);
    expect((await get('https://pelita/index.html')).status).toBe(403);
    expect((await get('file:///etc/passwd')).status).toBe(403);
  });

  it('serves the renderer with the CSP header', async () => {
    const response = await get('app://pelita/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Pelita</title>');

    const script = await get('app://pelita/assets/index.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('serves index.html for the root and for client-side routes', async () => {
    for (const url of ['app://pelita/', 'app://pelita', 'app://pelita/cases/123']) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(await response.text()).toContain('<title>Pelita</title>');
    }
  });

  it('answers 404 for missing files and 405 for other methods', async () => {
    expect((await get('app://pelita/assets/missing.js')).status).toBe(404);
    expect((await get('app://pelita/index.html', 'POST')).status).toBe(405);
  });

  it('works with a real Request object', async () => {
    const response = await createAppProtocolHandler(root)(new Request('app://pelita/index.html'));
    expect(response.status).toBe(200);
  });
});
