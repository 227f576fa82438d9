/**
 * The office host (`npm run serve -- --office`): TLS only with a self-signed certificate kept in
 * the data folder, plain http refused on the same port, Host and Origin checked against the
 * names the admin allowed, the session cookie Secure. Requests go over real sockets; the client
 * trusts the host's certificate as a pinned CA, as a browser would after the admin trusts it.
 */
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HostStartError, parseHostArgs } from '../../electron/backend/host/args';
import { hostName, startHost, withPort, type RunningHost } from '../../electron/backend/host/start';
import { officeCertificate, spkiHash, TLS_DIR } from '../../electron/backend/host/tls';
import { SOURCE_LIMIT } from '../../electron/backend/auth/throttle';
import { ADMIN_PASSWORD, OFFICE_INPUT } from './harness';

const STATIC = '/opt/pelita/renderer';
const NAME = 'pelita-kantor.test';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function dataDir(): string {
  const base = mkdtempSync(join(tmpdir(), 'pelita-office-'));
  cleanups.push(() => rmSync(base, { recursive: true, force: true }));
  return join(base, 'data');
}

async function office(
  dir = dataDir(),
  names = [NAME],
  bind = '127.0.0.1',
): Promise<RunningHost & { port: number }> {
  const lines: string[] = [];
  const argv = ['--office', '--host', bind, '--port', '0', '--data', dir];
  for (const n of names) argv.push('--allow-host', n);
  const host = await startHost(parseHostArgs(argv, STATIC, {}), (l) => lines.push(l));
  cleanups.push(() => host.close());
  const port = (host.server.address() as AddressInfo).port;
  return Object.assign(host, { port, lines });
}

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function send(
  h: RunningHost & { port: number },
  opts: {
    tls?: boolean;
    path: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    /** The address the client connects from (and to): one client PC each. */
    from?: string;
  },
): Promise<Reply> {
  const make = opts.tls === false ? httpRequest : httpsRequest;
  return new Promise((resolve, reject) => {
    const req = make(
      {
        host: opts.from ?? '127.0.0.1',
        port: h.port,
        path: opts.path,
        method: opts.method ?? 'GET',
        headers: { host: `${NAME}:${h.port}`, ...opts.headers },
        ...(opts.tls === false ? {} : { ca: h.certificate!.cert, servername: NAME }),
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (opts.method === 'POST') req.end(opts.body ?? '{}');
    else req.end();
  });
}

const rpcHeaders = (origin: string) => ({ origin, 'content-type': 'application/json' });

describe('office host', () => {
  it('answers over TLS for an allowed name, and prints the fingerprint the clients check', async () => {
    const h = await office();
    const origin = `https://${NAME}:${h.port}`;
    const reply = await send(h, {
      path: '/rpc/auth.status',
      method: 'POST',
      headers: rpcHeaders(origin),
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true });
    const cert = new X509Certificate(h.certificate!.cert);
    expect(h.certificate!.fingerprint256).toBe(cert.fingerprint256);
    expect(cert.checkHost(NAME)).toBe(NAME);
    const lines = (h as unknown as { lines: string[] }).lines.join('\n');
    expect(lines).toContain(`Certificate fingerprint (SHA-256): ${cert.fingerprint256}`);
    expect(lines).toContain(`Open: https://${NAME}:${h.port}/`);
  });

  it('refuses plain http on the same port with a 400 that says to use https', async () => {
    const h = await office();
    const reply = await send(h, {
      tls: false,
      path: '/rpc/auth.status',
      method: 'POST',
      headers: rpcHeaders(`http://${NAME}:${h.port}`),
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatch(/hanya menerima https/);
    expect(reply.body).toMatch(/only accepts https/);
    expect(reply.body).not.toMatch(/ok/);
    expect(reply.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a foreign Host header (DNS rebinding) and a plain-http Origin', async () => {
    const h = await office();
    const foreign = await send(h, {
      path: '/',
      headers: { host: `evil.example:${h.port}` },
    });
    expect(foreign.status).toBe(421);
    const wrongScheme = await send(h, {
      path: '/rpc/auth.status',
      method: 'POST',
      headers: rpcHeaders(`http://${NAME}:${h.port}`),
    });
    expect(wrongScheme.status).toBe(403);
  });

  it('signs in over TLS with a Secure session cookie', async () => {
    const h = await office();
    const origin = `https://${NAME}:${h.port}`;
    const setup = await send(h, {
      path: '/rpc/auth.setup',
      method: 'POST',
      headers: rpcHeaders(origin),
      body: JSON.stringify({
        office: OFFICE_INPUT,
        admin: { username: 'admin', fullName: 'Admin Pelita', password: ADMIN_PASSWORD },
      }),
    });
    expect(setup.status).toBe(200);
    expect(String(setup.headers['set-cookie'])).toMatch(
      /^pelita_session=[^;]+; HttpOnly; SameSite=Strict; Path=\/; Secure$/,
    );
  });

  it('limits failed sign-ins per client PC: a busy client is blocked, another still signs in', async () => {
    // Listening on :: takes IPv6 (::1) and IPv4 (::ffff:127.0.0.1): two client addresses.
    const h = await office(dataDir(), [NAME], '::');
    const origin = `https://${NAME}:${h.port}`;
    const post = (method: string, input: unknown, from: string) =>
      send(h, {
        path: `/rpc/${method}`,
        method: 'POST',
        headers: rpcHeaders(origin),
        body: JSON.stringify(input),
        from,
      }).then((r) => JSON.parse(r.body) as { ok: boolean; error?: { key: string } });
    const admin = { username: 'admin', fullName: 'Admin Pelita', password: ADMIN_PASSWORD };
    expect((await post('auth.setup', { office: OFFICE_INPUT, admin }, '127.0.0.1')).ok).toBe(true);
    for (let i = 0; i < SOURCE_LIMIT; i++)
      await post('auth.login', { username: `nama${i}`, password: 'Salah-Sandi-1x' }, '::1');
    const right = { username: 'admin', password: ADMIN_PASSWORD };
    expect(await post('auth.login', right, '::1')).toMatchObject({
      ok: false,
      error: { key: 'auth.error.tooMany' },
    });
    expect(await post('auth.login', right, '127.0.0.1')).toMatchObject({ ok: true });
  });

  it('keeps its certificate, owner-only, and re-issues it with the same key for a new name', async () => {
    const dir = dataDir();
    const first = await officeCertificate(dir, [NAME]);
    expect(first.issued).toBe(true);
    if (process.platform !== 'win32') {
      expect(statSync(join(dir, TLS_DIR)).mode & 0o777).toBe(0o700);
      expect(statSync(join(dir, TLS_DIR, 'key.pem')).mode & 0o777).toBe(0o600);
    }
    const again = await officeCertificate(dir, [NAME]);
    expect(again).toMatchObject({ issued: false, fingerprint256: first.fingerprint256 });
    const more = await officeCertificate(dir, [NAME, '192.168.1.20']);
    expect(more.issued).toBe(true);
    expect(more.fingerprint256).not.toBe(first.fingerprint256);
    expect(more.spki).toBe(first.spki);
    expect(spkiHash(more.cert)).toBe(first.spki);
    expect(new X509Certificate(more.cert).checkIP('192.168.1.20')).toBe('192.168.1.20');
  });

  it('needs the names clients use, listens on the LAN by default, and never offers plain http there', () => {
    expect(() => parseHostArgs(['--office'], STATIC, {})).toThrow(HostStartError);
    expect(() => parseHostArgs(['--office'], STATIC, {})).toThrow(/--allow-host NAME/);
    const args = parseHostArgs(['--office', '--allow-host', 'pelita-kantor'], STATIC, {});
    expect(args).toMatchObject({ office: true, host: '0.0.0.0', allowHosts: ['pelita-kantor'] });
    expect(() => parseHostArgs(['--host', '0.0.0.0'], STATIC, {})).toThrow(/--office/);
    expect(withPort('pelita-kantor', 5871)).toBe('pelita-kantor:5871');
    expect(withPort('pelita-kantor:443', 5871)).toBe('pelita-kantor:443');
    expect(withPort('[fe80::1]', 5871)).toBe('[fe80::1]:5871');
    expect(hostName('[fe80::1]:5871')).toBe('fe80::1');
    expect(hostName('192.168.1.20:5871')).toBe('192.168.1.20');
  });
});
