import { createReadStream, existsSync, statSync } from 'node:fs';
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Backend } from '../app';
import { handleDownload, handleUpload } from './files';
import { errorBody, readCookie, SESSION_COOKIE, sendJson, sessionHeaders, statusOf } from './http';
import type { HostOrigin } from './http';

export { SESSION_COOKIE } from './http';
export const MAX_BODY_BYTES = 1024 * 1024;

/** The same policy the Electron window uses (see electron/main/security.ts). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // The PDF viewer's frame: a blob: URL of a PDF the page already fetched (PdfViewer.tsx).
  'frame-src blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export interface HostOptions {
  /** Built renderer (out/renderer). */
  staticDir: string;
  /** Host header values accepted, e.g. ['127.0.0.1:5870', 'localhost:5870']. */
  allowedHosts: string[];
  /** Served over TLS (the office host): origins are https://, the cookie is Secure. */
  secure?: boolean;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      resolveBody('too_large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(over ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The browser host on a server of its own (tests); see createRequestHandler. */
export function createHostServer(backend: Backend, opts: HostOptions): Server {
  return createServer(createRequestHandler(backend, opts));
}

/**
 * The browser host: the built renderer plus POST /rpc/<method> and the file port
 * (POST /files/upload, GET /files/<id>: see files.ts), on one origin. Requests whose Host (DNS
 * rebinding) or Origin (cross-site) is not this host itself are refused. A handler rather than a
 * server, so the start-up can bind the port before it opens the database.
 */
export function createRequestHandler(backend: Backend, opts: HostOptions): RequestListener {
  const root = resolve(opts.staticDir);

  async function handleRpc(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    self: HostOrigin,
  ) {
    if (req.method !== 'POST') {
      sendJson(res, 405, errorBody('VALIDATION', 'error.bad_request'), { allow: 'POST' });
      return;
    }
    if (req.headers.origin !== self.origin) {
      sendJson(res, 403, errorBody('FORBIDDEN', 'error.forbidden'));
      return;
    }
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      sendJson(res, 415, errorBody('VALIDATION', 'error.bad_request'));
      return;
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === 'too_large') {
      sendJson(res, 413, errorBody('VALIDATION', 'error.body_too_large'), { connection: 'close' });
      return;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      sendJson(res, 400, errorBody('VALIDATION', 'error.bad_request'));
      return;
    }
    const result = await backend.dispatch(
      readCookie(req, SESSION_COOKIE),
      method,
      input,
      `host:${req.socket.remoteAddress ?? 'unknown'}`,
    );
    sendJson(
      res,
      statusOf(result.response),
      result.response,
      sessionHeaders(result.session, self.secure),
    );
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = normalize(join(root, rel));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(404).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The renderer is not built. Run: npm run build');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cache-control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=3600',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  }

  return (req, res) => {
    const host = (req.headers.host ?? '').toLowerCase();
    // Read per request: the port is known only once the server listens.
    if (!opts.allowedHosts.some((h) => h.toLowerCase() === host)) {
      sendJson(res, 421, errorBody('FORBIDDEN', 'error.forbidden'));
      return;
    }
    const self: HostOrigin = {
      origin: `${opts.secure ? 'https' : 'http'}://${host}`,
      secure: opts.secure === true,
    };
    const url = new URL(req.url ?? '/', self.origin);
    const file = /^\/files\/(upload|[0-9a-f-]{36})$/.exec(url.pathname);
    if (file) {
      const handle = file[1] === 'upload' ? handleUpload : handleDownload;
      handle(backend, req, res, url, self).catch((e: unknown) => {
        console.error('[pelita] file transport error:', e);
        if (!res.headersSent) sendJson(res, 500, errorBody('INTERNAL', 'error.internal'));
        else res.destroy();
      });
      return;
    }
    const rpc = /^\/rpc\/([A-Za-z0-9_.]+)$/.exec(url.pathname);
    if (rpc) {
      handleRpc(req, res, rpc[1]!, self).catch((e: unknown) => {
        console.error('[pelita] rpc transport error:', e);
        if (!res.headersSent) sendJson(res, 500, errorBody('INTERNAL', 'error.internal'));
      });
      return;
    }
    if (url.pathname.startsWith('/rpc/') || url.pathname.startsWith('/files/')) {
      sendJson(res, 404, errorBody('NOT_FOUND', 'error.not_found'));
      return;
    }
    handleStatic(req, res, url.pathname);
  };
}
