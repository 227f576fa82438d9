/**
 * Security policy of the desktop shell, in one place: the Content Security Policy, the only way
 * to create a window (with locked webPreferences), the hardening of every webContents and of the
 * session, and the `app://pelita` file handler that serves the built renderer.
 *
 * Keep the syntax plain (no `satisfies`, no decorators): `npm run security:scan` parses this file
 * with Electronegativity, and the webPreferences below must stay a literal object inside
 * `new BrowserWindow(...)` so the scanner can see them.
 */
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { BrowserWindow } from 'electron';
import type { Session, WebContents } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'pelita';
export const APP_ORIGIN = 'app://pelita';
export const APP_ENTRY_URL = 'app://pelita/index.html';

/**
 * Sent with every renderer response (protocol handler) and every response header (webRequest).
 * `frame-src blob:`: the PDF viewer (renderer/src/components/PdfViewer.tsx) shows a generated
 * PDF from a blob: URL of bytes the app already holds; no other frame may load.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-src blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** URL schemes a page may request at all; everything else is cancelled before it leaves. */
const ALLOWED_REQUEST_PROTOCOLS = ['app:', 'data:', 'blob:', 'devtools:'];

/** True only for URLs on the app origin: scheme `app:`, host `pelita`, no port, no credentials. */
export function isAppUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string' || url === '') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === APP_SCHEME + ':' &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * The office host's origin (https://name:port) in client mode (officeClient.ts), else null. Set
 * once at start, before any window exists; the app origin is then trusted no more than it.
 */
let officeOrigin: string | null = null;

export function trustOfficeOrigin(origin: string | null): void {
  officeOrigin = origin;
}

/** True for URLs on the office host's origin, when client mode set one. */
export function isOfficeUrl(url: string | null | undefined): boolean {
  if (officeOrigin === null || typeof url !== 'string') return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.origin === officeOrigin && parsed.username === '';
  } catch {
    return false;
  }
}

/** Where the window's own pages may live: the app origin, or the office host in client mode. */
export function isPelitaUrl(url: string | null | undefined): boolean {
  return isAppUrl(url) || isOfficeUrl(url);
}

/**
 * A blob: URL the app made itself (`blob:app://pelita/<uuid>`, or the office host's in client
 * mode): the PDF viewer's frame. Blob URLs of any other origin are not ours.
 */
export function isPelitaBlobUrl(url: string | null | undefined): boolean {
  return typeof url === 'string' && url.startsWith('blob:') && isPelitaUrl(url.slice(5));
}

/**
 * Chromium's built-in PDF viewer, which draws the blob: PDF in the viewer's frame: an extension
 * compiled into Electron with this fixed id, and the shared chrome://resources it loads. Both are
 * bundled with Electron, never fetched from a network.
 */
export const PDF_VIEWER_ORIGIN = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai';
const PDF_VIEWER_ID = 'mhjfbmdgcfjbbpaeojofohoefgiehjai';

/** True for the built-in PDF viewer's own pages and the browser resources they load. */
export function isPdfViewerUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string') return false;
  try {
    const parsed = new URL(url);
    if (parsed.username !== '' || parsed.password !== '') return false;
    return (
      // Compared by scheme and host: URL gives non-web schemes no origin.
      (parsed.protocol === 'chrome-extension:' &&
        parsed.host === PDF_VIEWER_ID &&
        parsed.port === '') ||
      (parsed.protocol === 'chrome:' && parsed.host === 'resources')
    );
  } catch {
    return false;
  }
}

/** Whether the session lets a request for `url` go out at all (defence behind the CSP). */
export function isAllowedRequestUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (isPdfViewerUrl(url)) return true;
  if (parsed.protocol === APP_SCHEME + ':') return isAppUrl(url);
  if (parsed.protocol === 'https:') return isOfficeUrl(url);
  return ALLOWED_REQUEST_PROTOCOLS.includes(parsed.protocol);
}

export interface SecureWindowOptions {
  /**
   * Absolute path of the built preload (out/preload/index.cjs). None for pages that must not
   * reach the backend relay: the splash, and the office host's pages in client mode (they talk
   * to the host over https, as in a browser).
   */
  preload?: string;
  /** DevTools only in development: never in a packaged build (`!app.isPackaged`). */
  devTools?: boolean;
  title: string;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  backgroundColor?: string;
}

/**
 * The only way the app creates a window. The webPreferences are fixed here; callers choose the
 * title, size, preload path and (in development) DevTools, nothing else. The window starts hidden (show it on
 * 'ready-to-show') and its webContents is hardened before anything loads.
 */
export function createSecureWindow(options: SecureWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: options.title,
    width: options.width,
    height: options.height,
    minWidth: options.minWidth,
    minHeight: options.minHeight,
    backgroundColor: options.backgroundColor,
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
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
      safeDialogs: true,
      devTools: options.devTools === true,
      preload: options.preload,
    },
  });
  hardenContents(window.webContents);
  return window;
}

const hardened = new WeakSet<object>();

/**
 * Deny navigation away from Pelita's origin (including redirects and subframes), every new
 * window (`target="_blank"` links included: the renderer does not offer them on desktop), and
 * every <webview>. Idempotent: index.ts also calls it for each new webContents.
 */
export function hardenContents(contents: WebContents): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);

  contents.on('will-navigate', (event) => {
    if (!isPelitaUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    // A subframe may also show a PDF the app made (the viewer's blob: URL); the window itself not.
    if (isPelitaUrl(event.url)) return;
    if (event.isMainFrame === false && (isPelitaBlobUrl(event.url) || isPdfViewerUrl(event.url)))
      return;
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isPelitaUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** Header names compared case-insensitively, as HTTP does. */
function withoutHeader(
  headers: Record<string, string[]> | undefined,
  name: string,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  if (!headers) return result;
  for (const key of Object.keys(headers)) {
    const value = headers[key];
    if (key.toLowerCase() !== name.toLowerCase() && value !== undefined) result[key] = value;
  }
  return result;
}

/**
 * Deny every permission request and check (camera, notifications, clipboard read, HID, ...),
 * cancel requests to anything but the app origin, and put our CSP on every response.
 */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    // The PDF viewer's pages keep their own (Chromium's) policy: ours would refuse its scripts.
    if (isPdfViewerUrl(details.url)) {
      callback({ responseHeaders: details.responseHeaders });
      return;
    }
    callback({
      responseHeaders: {
        ...withoutHeader(details.responseHeaders, 'Content-Security-Policy'),
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// app://pelita file handler

/** A `.`/`..` path segment, literal or percent-encoded, in a raw URL path. */
const DOT_SEGMENT = /(?:^|\/|\\|%2f|%5c)(?:\.|%2e){1,2}(?=$|\/|\\|\?|#|%2f|%5c)/i;

/**
 * Map an `app://pelita/...` URL to a file inside `rootDir`, or null when the URL is not on the
 * app origin or tries to leave the folder (dot segments, encoded slashes or backslashes,
 * drive letters, NUL). Checked on the raw URL and again on the resolved path.
 */
export function resolveAppPath(rootDir: string, rawUrl: string): string | null {
  if (!isAppUrl(rawUrl)) return null;
  const afterHost = rawUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  if (DOT_SEGMENT.test(afterHost)) return null;

  const { pathname } = new URL(rawUrl);
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) return null;
    segments.push(segment);
  }
  if (segments.length === 0) segments.push('index.html');

  const root = resolve(rootDir);
  const target = resolve(root, ...segments);
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
    return null;
  }
  return target;
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

function plainResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

async function readOrNull(path: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(path));
  } catch {
    return null;
  }
}

/**
 * The `protocol.handle('app', ...)` handler: GET/HEAD of files under `rootDir` (out/renderer),
 * each with the CSP header. Unknown extension-less paths fall back to index.html (client-side
 * routes); anything outside the folder is refused with 403.
 */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plainResponse(405, 'Method not allowed');
    }
    const target = resolveAppPath(rootDir, request.url);
    if (target === null) return plainResponse(403, 'Forbidden');

    let file = target;
    let body = await readOrNull(file);
    if (body === null && extname(file) === '') {
      file = resolve(rootDir, 'index.html');
      body = await readOrNull(file);
    }
    if (body === null) return plainResponse(404, 'Not found');

    const type = MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: {
        'Content-Type': type,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  };
}
