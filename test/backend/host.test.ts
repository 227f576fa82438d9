import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HostStartError, parseHostArgs } from '../../electron/backend/host/args';
import { startHost as startCliHost } from '../../electron/backend/host/start';
import {
  CONTENT_SECURITY_POLICY,
  createHostServer,
  MAX_BODY_BYTES,
  SESSION_COOKIE,
} from '../../electron/backend/host/server';
import { listBlobs } from '../../electron/backend/files/store';
import { ADMIN_PASSWORD, countRows, OFFICE_INPUT, setUpOffice, makeBackend } from './harness';
import { png, uploaded } from './images';
import { auditOf } from './registry';

const INDEX_HTML = '<!doctype html><title>Pelita</title><div id="root"></div>';
const SECRET = 'SECRET-OUTSIDE-THE-STATIC-DIR';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Host {
  port: number;
  host: string;
  origin: string;
  server: Server;
  t: Awaited<ReturnType<typeof makeBackend>>;
  send(opts: {
    method?: string;
    path: string;
    headers?: Record<string, string | number | undefined>;
    body?: string | Buffer;
    chunked?: boolean;
  }): Promise<Reply>;
  rpc(method: string, input: unknown, cookie?: string | null): Promise<Reply>;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function startHost(t: Awaited<ReturnType<typeof makeBackend>>): Promise<Host> {
  const base = mkdtempSync(join(tmpdir(), 'pelita-host-'));
  const staticDir = join(base, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("pelita");');
  writeFileSync(join(base, 'secret.txt'), SECRET);
  mkdirSync(join(base, 'static-private'));
  writeFileSync(join(base, 'static-private', 'secret.txt'), SECRET);

  const opts = { staticDir, allowedHosts: [] as string[] };
  const server = createHostServer(t.backend, opts);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  const host = `127.0.0.1:${port}`;
  opts.allowedHosts.push(host, `localhost:${port}`);
  cleanups.push(
    () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
    () => rmSync(base, { recursive: true, force: true }),
  );

  const send: Host['send'] = ({ method = 'GET', path, headers = {}, body, chunked }) =>
    new Promise((ok, fail) => {
      const h: Record<string, string | number> = { host };
      for (const [k, v] of Object.entries(headers)) {
        if (v === undefined) delete h[k];
        else h[k] = v;
      }
      if (body !== undefined && !chunked) h['content-length'] = Buffer.byteLength(body);
      const req = request(
        { host: '127.0.0.1', port, method, path, headers: h, setHost: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            ok({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      req.on('error', fail);
      if (body !== undefined && chunked) {
        // Several writes without a content-length: node sends it chunked.
        const buf = Buffer.from(body);
        for (let i = 0; i < buf.length; i += 64 * 1024) req.write(buf.subarray(i, i + 64 * 1024));
        req.end();
      } else req.end(body);
    });

  const rpc: Host['rpc'] = (method, input, cookie) =>
    send({
      method: 'POST',
      path: `/rpc/${method}`,
      headers: {
        origin: `http://${host}`,
        'content-type': 'application/json',
        cookie: cookie ? `${SESSION_COOKIE}=${cookie}` : undefined,
      },
      body: JSON.stringify(input),
    });

  return { port, host, origin: `http://${host}`, server, t, send, rpc };
}

function sessionCookie(reply: Reply): string | null {
  const set = reply.headers['set-cookie'] ?? [];
  for (const c of set) {
    const m = new RegExp(`^${SESSION_COOKIE}=([^;]*)`).exec(c);
    if (m) return decodeURIComponent(m[1]!);
  }
  return null;
}

describe('POST /rpc', () => {
  it('signs in with an HttpOnly SameSite=Strict cookie that later calls use', async () => {
    const h = await startHost(await makeBackend());
    const setup = await h.rpc('auth.setup', {
      office: OFFICE_INPUT,
      admin: { username: 'admin', fullName: 'Admin', password: ADMIN_PASSWORD },
    });
    expect(setup.status).toBe(200);
    expect(JSON.parse(setup.body)).toMatchObject({ ok: true, data: { username: 'admin' } });

    const login = await h.rpc('auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.headers['content-type']).toMatch(/^application\/json/);
    expect(login.headers['cache-control']).toBe('no-store');
    const cookieLine = (login.headers['set-cookie'] ?? [])[0]!;
    expect(cookieLine).toMatch(/;\s*HttpOnly/i);
    expect(cookieLine).toMatch(/;\s*SameSite=Strict/i);
    expect(cookieLine).toMatch(/;\s*Path=\//i);
    const token = sessionCookie(login)!;
    expect(token.length).toBeGreaterThan(20);
    // The token travels only in the cookie, never in a body the page can read.
    expect(login.body).not.toContain(token);

    const me = await h.rpc('auth.me', {}, encodeURIComponent(token));
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body).data.username).toBe('admin');

    const anonymous = await h.rpc('auth.me', {});
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.body).error.code).toBe('UNAUTHENTICATED');

    const out = await h.rpc('auth.logout', {}, encodeURIComponent(token));
    expect(out.status).toBe(200);
    expect((out.headers['set-cookie'] ?? [])[0]).toMatch(/Max-Age=0/);
    const after = await h.rpc('auth.me', {}, encodeURIComponent(token));
    expect(after.status).toBe(401);
    // A dead cookie is cleared.
    expect((after.headers['set-cookie'] ?? [])[0]).toMatch(/Max-Age=0/);
  });

  it('maps error codes to HTTP statuses', async () => {
    const t = await setUpOffice();
    const h = await startHost(t);
    const signedOut = await h.rpc('users.list', {});
    expect(signedOut.status).toBe(401);
    const stale = await h.rpc('office.update', { ...OFFICE_INPUT, version: 99 }, t.admin.token);
    expect(stale.status).toBe(409);
    expect(JSON.parse(stale.body).error.code).toBe('CONFLICT');
    const invalid = await h.rpc('auth.login', { username: 'a' });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body).error.code).toBe('VALIDATION');
    const unknown = await h.rpc('users.drop', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error.key).toBe('error.unknown_method');
    const wrong = await h.rpc('auth.login', { username: 'admin', password: 'Salah-Sandi-2026' });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body).error.message.id).toBe('Nama pengguna atau kata sandi salah.');
  });

  it('refuses a foreign Host header (DNS rebinding) with 421', async () => {
    const t = await setUpOffice();
    const h = await startHost(t);
    for (const host of [`evil.example:${h.port}`, 'evil.example', `127.0.0.1:${h.port + 1}`]) {
      const r = await h.send({
        method: 'POST',
        path: '/rpc/auth.status',
        headers: { host, origin: `http://${host}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(r.status).toBe(421);
      const page = await h.send({ path: '/', headers: { host } });
      expect(page.status).toBe(421);
      expect(page.body).not.toContain('Pelita</title>');
    }
  });

  it('refuses a missing or foreign Origin with 403 and runs nothing', async () => {
    const t = await setUpOffice();
    const h = await startHost(t);
    const audits = await countRows(t.backend, 'audit_log');
    for (const origin of [
      undefined,
      'http://evil.example',
      'null',
      `http://127.0.0.1:${h.port + 1}`,
      `https://${h.host}`,
    ]) {
      const r = await h.send({
        method: 'POST',
        path: '/rpc/auth.login',
        headers: { origin, 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'Salah-Sandi-2026' }),
      });
      expect(r.status).toBe(403);
      expect(JSON.parse(r.body).error.code).toBe('FORBIDDEN');
    }
    expect(await countRows(t.backend, 'audit_log')).toBe(audits);
  });

  it('refuses a body that is not JSON with 415, so a plain HTML form cannot post', async () => {
    const t = await setUpOffice();
    const h = await startHost(t);
    for (const type of [undefined, 'text/plain', 'application/x-www-form-urlencoded']) {
      const r = await h.send({
        method: 'POST',
        path: '/rpc/auth.status',
        headers: { origin: h.origin, 'content-type': type },
        body: '{}',
      });
      expect(r.status).toBe(415);
    }
    const broken = await h.send({
      method: 'POST',
      path: '/rpc/auth.status',
      headers: { origin: h.origin, 'content-type': 'application/json' },
      body: '{"not json',
    });
    expect(broken.status).toBe(400);
    const get = await h.send({ path: '/rpc/auth.status', headers: { origin: h.origin } });
    expect(get.status).toBe(405);
  });

  it.each([false, true])(
    'refuses a body over 1 MiB with 413 before any handler runs (chunked: %s)',
    async (chunked) => {
      const t = await setUpOffice();
      const h = await startHost(t);
      const audits = await countRows(t.backend, 'audit_log');
      // Valid JSON for a failed sign-in, padded with whitespace past the limit: had it been
      // dispatched, the failure would be counted and audited.
      const body =
        JSON.stringify({ username: 'admin', password: 'Salah-Sandi-2026' }) +
        ' '.repeat(MAX_BODY_BYTES);
      const r = await h.send({
        method: 'POST',
        path: '/rpc/auth.login',
        headers: { origin: h.origin, 'content-type': 'application/json' },
        body,
        chunked,
      });
      expect(r.status).toBe(413);
      expect(JSON.parse(r.body).error.key).toBe('error.body_too_large');
      expect(await countRows(t.backend, 'audit_log')).toBe(audits);
      const row = await t.backend.db
        .selectFrom('users')
        .select('failed_attempts')
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow();
      expect(row.failed_attempts).toBe(0);

      // Just under the limit is dispatched.
      const fits =
        JSON.stringify({ username: 'admin', password: 'Salah-Sandi-2026' }) +
        ' '.repeat(MAX_BODY_BYTES - 100);
      const ok = await h.send({
        method: 'POST',
        path: '/rpc/auth.login',
        headers: { origin: h.origin, 'content-type': 'application/json' },
        body: fits,
        chunked,
      });
      expect(ok.status).toBe(401);
    },
  );

  it('treats a malformed session cookie as signed out rather than failing', async () => {
    const t = await setUpOffice();
    const h = await startHost(t);
    const r = await h.rpc('auth.status', {}, '%E0%A4%A');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).data.setupDone).toBe(true);
    const login = await h.rpc(
      'auth.login',
      { username: 'admin', password: ADMIN_PASSWORD },
      '%E0%A4%A',
    );
    expect(login.status).toBe(200);
    expect(sessionCookie(login)).toBeTruthy();
  });
});

describe('static files', () => {
  it('serves the renderer with the content security policy', async () => {
    const h = await startHost(await makeBackend());
    const index = await h.send({ path: '/' });
    expect(index.status).toBe(200);
    expect(index.body).toBe(INDEX_HTML);
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    // The PDF viewer's frame may show blob: URLs, and nothing else.
    expect(index.headers['content-security-policy']).toMatch(/(^|; )frame-src blob:;/);
    expect(index.headers['x-frame-options']).toBe('DENY');
    expect(index.headers['x-content-type-options']).toBe('nosniff');

    const js = await h.send({ path: '/assets/app.js' });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);

    // Client-side routes fall back to index.html.
    const route = await h.send({ path: '/users/123' });
    expect(route.status).toBe(200);
    expect(route.body).toBe(INDEX_HTML);
  });

  it.each([
    '/../secret.txt',
    '/../../etc/passwd',
    '/../../../../../../etc/passwd',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/..%2fstatic-private%2fsecret.txt',
    '/..%5csecret.txt',
    '/%252e%252e/secret.txt',
    '//etc/passwd',
    '/assets/%00../../secret.txt',
  ])('never serves anything outside the static folder for %s', async (path) => {
    const h = await startHost(await makeBackend());
    const r = await h.send({ path });
    expect(r.body).not.toContain(SECRET);
    expect(r.body).not.toMatch(/root:.*:0:0:/);
    expect([200, 400, 404]).toContain(r.status);
    if (r.status === 200) expect(r.body).toBe(INDEX_HTML);
  });
});

describe('parseHostArgs', () => {
  const STATIC = '/opt/pelita/renderer';

  it('defaults to 127.0.0.1:5870 and the data folder from PELITA_DATA or ~/Pelita', () => {
    expect(parseHostArgs([], STATIC, {})).toEqual({
      port: 5870,
      host: '127.0.0.1',
      dataDir: join(homedir(), 'Pelita'),
      allowHosts: [],
      office: false,
      demo: false,
      staticDir: STATIC,
      otherPort: 'node out/main/host.js --port 5871',
    });
    expect(parseHostArgs([], STATIC, { PELITA_DATA: '/srv/pelita-data' }).dataDir).toBe(
      '/srv/pelita-data',
    );
    expect(parseHostArgs([], STATIC, { PELITA_DATA: 'relatif' }).dataDir).toBe(resolve('relatif'));
    expect(
      parseHostArgs(['--data', '/data/x'], STATIC, { PELITA_DATA: '/srv/pelita-data' }).dataDir,
    ).toBe('/data/x');
  });

  it('refuses non-loopback addresses without --allow-remote', () => {
    for (const host of ['0.0.0.0', '192.168.1.10', '::', 'pelita.local']) {
      expect(() => parseHostArgs(['--host', host], STATIC, {})).toThrow(/Refusing to listen/);
    }
    for (const host of ['127.0.0.1', '::1', 'localhost']) {
      expect(parseHostArgs(['--host', host], STATIC, {}).host).toBe(host);
    }
    const remote = parseHostArgs(
      ['--host', '0.0.0.0', '--allow-remote', '--allow-host', 'pc-kasi:5870'],
      STATIC,
      {},
    );
    expect(remote).toMatchObject({ host: '0.0.0.0', allowHosts: ['pc-kasi:5870'] });
  });

  it('refuses a bad port and unknown options', () => {
    for (const port of ['abc', '-1', '70000', '1.5']) {
      expect(() => parseHostArgs(['--port', port], STATIC, {})).toThrow();
    }
    expect(parseHostArgs(['--port', '0'], STATIC, {}).port).toBe(0);
    expect(() => parseHostArgs(['--hots', '0.0.0.0'], STATIC, {})).toThrow();
  });
});

describe('npm run without --', () => {
  const STATIC = '/opt/pelita/renderer';
  const npm = (script: string, config: Record<string, string>) => ({
    npm_lifecycle_event: script,
    ...Object.fromEntries(Object.entries(config).map(([k, v]) => [`npm_config_${k}`, v])),
  });

  it('says to add -- when npm took --data for itself (the folder arrives alone)', () => {
    // `npm run demo --data /tmp/x`: npm keeps --data, the script gets `--demo /tmp/x`.
    const run = () => parseHostArgs(['--demo', '/tmp/x'], STATIC, npm('demo', { data: 'true' }));
    expect(run).toThrow(HostStartError);
    expect(run).toThrow(
      "npm took --data for itself: put -- before Pelita's options, e.g. npm run demo -- --data /tmp/x",
    );
  });

  it('also for --data=X, --port N and flags, in one line', () => {
    expect(() => parseHostArgs([], STATIC, npm('serve', { data: '/srv/p' }))).toThrow(
      /^npm took --data for itself: .* npm run serve -- --data \/srv\/p$/,
    );
    expect(() =>
      parseHostArgs(['5871'], STATIC, npm('serve', { port: 'true', allow_remote: 'true' })),
    ).toThrow(
      /npm took --port, --allow-remote for itself: .*npm run serve -- --port 5871 --allow-remote$/,
    );
  });

  it('accepts the options after -- and ignores npm config outside npm run', () => {
    expect(
      parseHostArgs(['--demo', '--data', '/tmp/x'], STATIC, { npm_lifecycle_event: 'demo' })
        .dataDir,
    ).toBe('/tmp/x');
    // Without npm_lifecycle_event this is not npm run: the stray argument is reported as such.
    expect(() => parseHostArgs(['/tmp/x'], STATIC, { npm_config_data: 'true' })).toThrow(
      /Unexpected argument '\/tmp\/x'/,
    );
  });
});

describe('a busy port', () => {
  const STATIC = '/opt/pelita/renderer';

  async function occupy(): Promise<{ port: number; close(): Promise<void> }> {
    const base = mkdtempSync(join(tmpdir(), 'pelita-first-'));
    const first = await startCliHost(
      parseHostArgs(['--port', '0', '--data', join(base, 'data')], STATIC, {}),
      () => {},
    );
    const port = (first.server.address() as AddressInfo).port;
    return {
      port,
      async close() {
        await first.close();
        rmSync(base, { recursive: true, force: true });
      },
    };
  }

  it('is refused before the data folder is created, migrated or seeded', async () => {
    const first = await occupy();
    cleanups.push(() => first.close());
    const dir = join(mkdtempSync(join(tmpdir(), 'pelita-second-')), 'data');
    cleanups.push(() => rmSync(dirname(dir), { recursive: true, force: true }));
    const argv = ['--demo', '--port', String(first.port), '--data', dir];
    const env = { npm_lifecycle_event: 'demo' };
    const lines: string[] = [];
    const error = await startCliHost(parseHostArgs(argv, STATIC, env), (l) => lines.push(l)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HostStartError);
    expect((error as Error).message).toBe(
      `Port ${first.port} on 127.0.0.1 is already in use (another Pelita or another program). ` +
        `Close it, or choose another port: npm run demo -- --port ${first.port + 1} --data ${dir}`,
    );
    expect(existsSync(dir)).toBe(false);
    expect(lines).toEqual([]);
  });

  it('makes the host exit with one line and a non-zero code, no stack trace', async () => {
    const first = await occupy();
    cleanups.push(() => first.close());
    const dir = join(mkdtempSync(join(tmpdir(), 'pelita-second-')), 'data');
    cleanups.push(() => rmSync(dirname(dir), { recursive: true, force: true }));
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'electron/backend/host/cli.ts',
        '--port',
        String(first.port),
        '--data',
        dir,
      ],
      { cwd: process.cwd(), env: { ...process.env, npm_lifecycle_event: 'serve' } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((ok) => child.on('exit', ok));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      `Port ${first.port} on 127.0.0.1 is already in use (another Pelita or another program). ` +
        `Close it, or choose another port: npm run serve -- --port ${first.port + 1} --data ${dir}`,
    ]);
    expect(existsSync(dir)).toBe(false);
  }, 60_000);
});

describe('file port over HTTP', () => {
  /** What the store holds: rows, blobs and temporary files. */
  function stored(t: Awaited<ReturnType<typeof makeBackend>>) {
    const tmp = join(t.dir, 'files', 'tmp');
    return {
      rows: countRowsSync(t, 'files'),
      blobs: listBlobs(t.dir).length,
      temp: existsSync(tmp) ? readdirSync(tmp).length : 0,
    };
  }
  function countRowsSync(t: Awaited<ReturnType<typeof makeBackend>>, table: string): number {
    return (t.backend.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number })
      .n;
  }
  const uploadPath = (name = 'foto.png', purpose = 'personPhoto') =>
    `/files/upload?purpose=${purpose}&name=${encodeURIComponent(name)}`;

  it('takes an upload with the session cookie and hands it back as an attachment', async () => {
    const t = await setUpOffice();
    const h = await startHost(t);
    const up = await h.send({
      method: 'POST',
      path: uploadPath('Foto Pak Ahmad é.png'),
      headers: {
        origin: h.origin,
        'content-type': 'image/png',
        cookie: `${SESSION_COOKIE}=${t.admin.token}`,
      },
      body: png(),
    });
    expect(up.status).toBe(200);
    const file = JSON.parse(up.body).data as { fileId: string };
    expect(JSON.parse(up.body)).toEqual({
      ok: true,
      data: {
        fileId: file.fileId,
        name: 'Foto Pak Ahmad é.png',
        type: 'image/png',
        size: png().length,
      },
    });

    const down = await h.send({
      path: `/files/${file.fileId}`,
      headers: { cookie: `${SESSION_COOKIE}=${t.admin.token}`, 'sec-fetch-site': 'same-origin' },
    });
    expect(down.status).toBe(200);
    expect(down.headers['content-type']).toBe('image/png');
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(down.headers['content-disposition']).toBe(
      `attachment; filename="Foto Pak Ahmad _.png"; filename*=UTF-8''Foto%20Pak%20Ahmad%20%C3%A9.png`,
    );
    expect(down.headers['cache-control']).toBe('no-store');
    expect(down.headers['content-length']).toBe(String(png().length));
    expect(down.body).toContain('IHDR');
    expect(auditOf(t.backend, 'files.download')).toHaveLength(1);
  });

  it('refuses an upload without a session, from another origin or as a form, storing nothing', async () => {
    const t = await setUpOffice();
    const h = await startHost(t);
    const cookie = `${SESSION_COOKIE}=${t.admin.token}`;
    const cases: [Record<string, string | undefined>, number][] = [
      [{ origin: h.origin, 'content-type': 'image/png' }, 401],
      [{ origin: h.origin, 'content-type': 'image/png', cookie: `${SESSION_COOKIE}=expired` }, 401],
      [{ origin: undefined, 'content-type': 'image/png', cookie }, 403],
      [{ origin: 'http://evil.example', 'content-type': 'image/png', cookie }, 403],
      [{ origin: `http://127.0.0.1:${h.port + 1}`, 'content-type': 'image/png', cookie }, 403],
      [{ origin: h.origin, 'content-type': 'text/plain', cookie }, 415],
      [{ origin: h.origin, 'content-type': 'multipart/form-data; boundary=x', cookie }, 415],
      [{ origin: h.origin, 'content-type': undefined, cookie }, 415],
    ];
    for (const [headers, status] of cases) {
      const r = await h.send({ method: 'POST', path: uploadPath(), headers, body: png() });
      expect(r.status, JSON.stringify(headers)).toBe(status);
    }
    const get = await h.send({ path: uploadPath(), headers: { origin: h.origin, cookie } });
    expect(get.status).toBe(405);
    expect(stored(t)).toEqual({ rows: 0, blobs: 0, temp: 0 });
  });

  it('refuses a file lying about its type with a clear message', async () => {
    const t = await setUpOffice();
    const h = await startHost(t);
    const r = await h.send({
      method: 'POST',
      path: uploadPath('ktp.jpg'),
      headers: {
        origin: h.origin,
        'content-type': 'image/jpeg',
        cookie: `${SESSION_COOKIE}=${t.admin.token}`,
      },
      body: png(),
    });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error).toMatchObject({
      key: 'file.kind_mismatch',
      message: { id: expect.stringContaining('bukan JPEG') },
    });
    expect(stored(t)).toEqual({ rows: 0, blobs: 0, temp: 0 });
  });

  it.each([false, true])(
    'stops an oversized upload while streaming, leaving nothing (chunked: %s)',
    async (chunked) => {
      const t = await setUpOffice();
      const h = await startHost(t);
      const big = Buffer.concat([png(), Buffer.alloc(3 * 1024 * 1024)]);
      let status: number | 'reset';
      try {
        const r = await h.send({
          method: 'POST',
          path: uploadPath(),
          headers: {
            origin: h.origin,
            'content-type': 'image/png',
            cookie: `${SESSION_COOKIE}=${t.admin.token}`,
          },
          body: big,
          chunked,
        });
        status = r.status;
        expect(JSON.parse(r.body).error.key).toBe('file.too_large');
      } catch {
        // The server may close the connection while the client is still sending.
        status = 'reset';
      }
      expect([413, 'reset']).toContain(status);
      await new Promise((ok) => setTimeout(ok, 50));
      expect(stored(t)).toEqual({ rows: 0, blobs: 0, temp: 0 });
    },
  );

  it('leaves nothing behind when the client breaks off mid-upload', async () => {
    const t = await setUpOffice();
    const h = await startHost(t);
    await new Promise<void>((done) => {
      const req = request({
        host: '127.0.0.1',
        port: h.port,
        method: 'POST',
        path: uploadPath(),
        setHost: false,
        headers: {
          host: h.host,
          origin: h.origin,
          'content-type': 'image/png',
          'content-length': 500_000,
          cookie: `${SESSION_COOKIE}=${t.admin.token}`,
        },
      });
      req.on('error', () => done());
      req.write(png());
      req.write(Buffer.alloc(100_000));
      setTimeout(() => {
        req.destroy();
        done();
      }, 100);
    });
    // Give the server a moment to notice.
    for (let i = 0; i < 20 && stored(t).temp > 0; i++)
      await new Promise((ok) => setTimeout(ok, 25));
    expect(stored(t)).toEqual({ rows: 0, blobs: 0, temp: 0 });
  });

  it('refuses a download without a session or from another site', async () => {
    const t = await setUpOffice();
    const h = await startHost(t);
    const fileId = await uploaded(t.admin, png());
    const cookie = `${SESSION_COOKIE}=${t.admin.token}`;
    const cases: [Record<string, string | undefined>, number][] = [
      [{}, 401],
      [{ cookie: `${SESSION_COOKIE}=expired` }, 401],
      [{ cookie, 'sec-fetch-site': 'cross-site' }, 403],
      [{ cookie, 'sec-fetch-site': 'same-site' }, 403],
      [{ cookie, origin: 'http://evil.example' }, 403],
    ];
    for (const [headers, status] of cases) {
      const r = await h.send({ path: `/files/${fileId}`, headers });
      expect(r.status, JSON.stringify(headers)).toBe(status);
      expect(r.headers['content-type']).toMatch(/^application\/json/);
    }
    const unknown = await h.send({
      path: '/files/01900000-0000-7000-8000-000000000000',
      headers: { cookie },
    });
    expect(unknown.status).toBe(404);
    const post = await h.send({
      method: 'POST',
      path: `/files/${fileId}`,
      headers: { cookie, origin: h.origin },
    });
    expect(post.status).toBe(405);
    expect(auditOf(t.backend, 'files.download')).toEqual([]);
  });
});
