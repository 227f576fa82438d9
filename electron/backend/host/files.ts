/**
 * The browser host's side of the file port.
 *
 * POST /files/upload?purpose=<purpose>&name=<file name>, the raw bytes as the body and the file's
 * type as Content-Type: streamed to the backend (never buffered whole, never through the 1 MiB
 * JSON limit), answered like an RPC call with { fileId, name, type, size }. The same session
 * cookie and Host/Origin checks as /rpc; a form-encodable Content-Type (what a cross-site form
 * can send without a preflight) is refused as /rpc refuses non-JSON.
 *
 * GET /files/<id>: the stored file as an attachment, with its checked type and nosniff, for the
 * signed-in user allowed to read it (audited in the backend).
 */
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Backend } from '../app';
import { errorBody, readCookie, SESSION_COOKIE, sendJson, sessionHeaders, statusOf } from './http';
import type { HostOrigin } from './http';

/** Content types a page on another site can send without asking first (CORS "simple"). */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** `attachment` with an ASCII fallback and the exact UTF-8 name (RFC 6266). */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function handleUpload(
  backend: Backend,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  self: HostOrigin,
) {
  // The body may be left unread: close the connection after any refusal.
  const refuse = (status: number, body: unknown) =>
    sendJson(res, status, body, { connection: 'close' });
  if (req.method !== 'POST') {
    refuse(405, errorBody('VALIDATION', 'error.bad_request'));
    return;
  }
  if (req.headers.origin !== self.origin) {
    refuse(403, errorBody('FORBIDDEN', 'error.forbidden'));
    return;
  }
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type === '' || FORM_TYPES.some((t) => type.startsWith(t))) {
    refuse(415, errorBody('VALIDATION', 'error.bad_request'));
    return;
  }
  const declared = Number(req.headers['content-length']);
  const result = await backend.upload(readCookie(req, SESSION_COOKIE), {
    purpose: url.searchParams.get('purpose') ?? '',
    name: url.searchParams.get('name') ?? '',
    declaredType: type,
    ...(Number.isFinite(declared) ? { declaredSize: declared } : {}),
    // Stopping early (size cap) must not destroy the socket before the 413 is sent.
    body: req.iterator({ destroyOnReturn: false }),
  });
  const headers = sessionHeaders(result.session, self.secure);
  if (result.response.ok) {
    sendJson(res, 200, result.response, headers);
    return;
  }
  const status = result.response.error.key === 'file.too_large' ? 413 : statusOf(result.response);
  sendJson(res, status, result.response, { ...headers, connection: 'close' });
}

export async function handleDownload(
  backend: Backend,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  self: HostOrigin,
) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendJson(res, 405, errorBody('VALIDATION', 'error.bad_request'), { allow: 'GET, HEAD' });
    return;
  }
  // A GET carries no Origin when same-origin; when it does, or the browser says where it came
  // from, it must be this host (the SameSite=Strict cookie already stays home).
  const site = req.headers['sec-fetch-site'];
  const origin = req.headers.origin;
  if (
    (origin !== undefined && origin !== self.origin) ||
    (site && site !== 'same-origin' && site !== 'none')
  ) {
    sendJson(res, 403, errorBody('FORBIDDEN', 'error.forbidden'));
    return;
  }
  const id = url.pathname.slice('/files/'.length);
  const result = await backend.download(readCookie(req, SESSION_COOKIE), id);
  const headers = sessionHeaders(result.session, self.secure);
  if (!result.response.ok || !result.path) {
    sendJson(res, statusOf(result.response), result.response, headers);
    return;
  }
  const file = result.response.data;
  res.writeHead(200, {
    ...headers,
    'content-type': file.type,
    'content-length': String(file.size),
    'content-disposition': contentDisposition(file.name),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'no-store',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(result.path);
  stream.on('error', (e) => {
    console.error('[pelita] reading a stored file failed:', e);
    res.destroy();
  });
  stream.pipe(res);
}
