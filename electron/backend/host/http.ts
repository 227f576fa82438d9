/** Small HTTP pieces the browser host's endpoints share (RPC, files, static). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTP_STATUS, type RpcResponse } from '../../../shared/errors';
import { translate, type MessageKey } from '../../../shared/i18n';
import type { SessionChange } from '../dispatch/dispatch';

export const SESSION_COOKIE = 'pelita_session';

/** The host's own origin as the browser sees it; `secure` on the office host (https). */
export interface HostOrigin {
  origin: string;
  secure: boolean;
}

export function errorBody(code: keyof typeof HTTP_STATUS, key: MessageKey): RpcResponse {
  return {
    ok: false,
    error: { code, key, message: { id: translate('id', key), en: translate('en', key) } },
  };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extra: Record<string, string | string[]> = {},
) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extra,
  });
  res.end(text);
}

export function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    // Cookies ignore ports: another local app can set a malformed one. Treat it as no session.
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      return null;
    }
  }
  return null;
}

/** The session cookie; `secure` (office host over https) keeps it off any plain-http request. */
export function cookieHeader(token: string | null, secure = false): string {
  const flags = `HttpOnly; SameSite=Strict; Path=/${secure ? '; Secure' : ''}`;
  return token
    ? `${SESSION_COOKIE}=${encodeURIComponent(token)}; ${flags}`
    : `${SESSION_COOKIE}=; ${flags}; Max-Age=0`;
}

/** The Set-Cookie header for a session change, if any. */
export function sessionHeaders(
  session: SessionChange | undefined,
  secure = false,
): Record<string, string> {
  return session
    ? { 'set-cookie': cookieHeader('set' in session ? session.set : null, secure) }
    : {};
}

/** The HTTP status for an RPC answer. */
export function statusOf(response: RpcResponse): number {
  return response.ok ? 200 : HTTP_STATUS[response.error.code];
}
