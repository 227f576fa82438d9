/**
 * The office network screen's backend: the office host turned on and off from the setting
 * (office-serve.json) over real sockets, its certificate's fingerprint as a client sees it,
 * refusals that change nothing (another PC, a busy port, a stale edit, no names), the setting
 * started again at the next start, and client mode pinning only the fingerprint the admin
 * confirmed, checked again against the host at that moment.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { connect } from 'node:tls';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Input, MethodName, Output } from '../../shared/contract';
import type { RpcError } from '../../shared/errors';
import { createDispatcher } from '../../electron/backend/dispatch/dispatch';
import { handlers } from '../../electron/backend/handlers';
import { createOfficeServe, type OfficeServe } from '../../electron/backend/host/officeServe';
import { CLIENT_FILE, readOfficeClient } from '../../electron/backend/network/clientFile';
import { fromThisPc } from '../../electron/backend/network/handlers';
import { SERVE_FILE } from '../../electron/backend/network/settings';
import { auditRows, Client, makeBackend, setUpOffice } from './harness';

const NAME = 'pelita-kantor.test';
const OTHER_PC = 'host:192.168.1.30';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((ok) => s.close(() => ok()));
  return port;
}

function occupy(server: Server, port = 0): Promise<number> {
  return new Promise((ok) =>
    server.listen(port, '127.0.0.1', () => ok((server.address() as AddressInfo).port)),
  );
}

/** The certificate a client is shown on `port` (trusting nothing), or the connection error. */
function presented(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect({ host: '127.0.0.1', port, rejectUnauthorized: false, servername: NAME });
    s.once('secureConnect', () => {
      resolve(s.getPeerCertificate().fingerprint256);
      s.end();
    });
    s.once('error', reject);
  });
}

/** A set-up office whose dispatcher drives a real office host on the loopback. */
async function officePc() {
  const t = await setUpOffice();
  const serve: OfficeServe = createOfficeServe({
    dataDir: t.dir,
    staticDir: '/opt/pelita/renderer',
    backend: () => t.backend,
    bindHost: '127.0.0.1',
  });
  cleanups.push(() => serve.close());
  const dispatch = createDispatcher({
    db: t.backend.db,
    handlers,
    now: () => t.clock.now,
    dataDir: t.dir,
    network: serve,
  });
  const token = t.admin.token;
  async function raw(method: MethodName, input: unknown, source = 'host:127.0.0.1') {
    return (await dispatch(token, method, input, source)).response;
  }
  return {
    ...t,
    serve,
    async call<M extends MethodName>(method: M, input: Input<M>, source?: string) {
      const r = await raw(method, input, source);
      if (!r.ok) throw new Error(`${method}: ${r.error.key} ${JSON.stringify(r.error)}`);
      return r.data as Output<M>;
    },
    async fail(method: MethodName, input: unknown, source?: string): Promise<RpcError> {
      const r = await raw(method, input, source);
      if (r.ok) throw new Error(`${method} unexpectedly succeeded`);
      return r.error;
    },
  };
}

describe('office network: serving this PC', () => {
  it('tells this PC from the others', () => {
    expect(fromThisPc('host:127.0.0.1')).toBe(true);
    expect(fromThisPc('host:::1')).toBe(true);
    expect(fromThisPc('host:::ffff:127.0.0.1')).toBe(true);
    expect(fromThisPc('window:3')).toBe(true);
    expect(fromThisPc(OTHER_PC)).toBe(false);
    expect(fromThisPc('host:unknown')).toBe(false);
  });

  it('is off until the admin turns it on; then serves TLS and shows the fingerprint a client sees', async () => {
    const pc = await officePc();
    const before = await pc.call('network.status', {});
    expect(before.serve).toMatchObject({ enabled: false, state: 'off', fingerprint256: null });
    expect(before.local).toBe(true);
    expect(before.client).toBeNull();

    const port = await freePort();
    const on = await pc.call('network.saveServe', {
      enabled: true,
      port,
      names: [NAME.toUpperCase(), NAME],
      version: before.serve.version,
    });
    expect(on.serve).toMatchObject({
      enabled: true,
      port,
      names: [NAME],
      state: 'running',
      urls: [`https://${NAME}:${port}/`],
    });
    expect(on.serve.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(await presented(port)).toBe(on.serve.fingerprint256);
    expect(JSON.parse(readFileSync(join(pc.dir, SERVE_FILE), 'utf8'))).toEqual({
      enabled: true,
      port,
      names: [NAME],
      version: before.serve.version + 1,
    });
    const audit = (await auditRows(pc.backend)).filter((r) => r.method === 'network.saveServe');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.changes).toContain('enabled');

    const off = await pc.call('network.saveServe', {
      enabled: false,
      port,
      names: [NAME],
      version: on.serve.version,
    });
    expect(off.serve.state).toBe('off');
    await expect(presented(port)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('refuses a change from another PC, without names, or from a stale page, changing nothing', async () => {
    const pc = await officePc();
    const port = await freePort();
    const remote = await pc.fail(
      'network.saveServe',
      { enabled: true, port, names: [NAME], version: 1 },
      OTHER_PC,
    );
    expect(remote).toMatchObject({ code: 'FORBIDDEN', key: 'network.local_only' });
    expect((await pc.call('network.status', {}, OTHER_PC)).local).toBe(false);
    const noNames = await pc.fail('network.saveServe', {
      enabled: true,
      port,
      names: [],
      version: 1,
    });
    expect(noNames.issues?.[0]).toMatchObject({ path: ['names'], key: 'network.names_required' });
    const badName = await pc.fail('network.saveServe', {
      enabled: true,
      port,
      names: ['https://x'],
      version: 1,
    });
    expect(badName.code).toBe('VALIDATION');
    const stale = await pc.fail('network.saveServe', {
      enabled: true,
      port,
      names: [NAME],
      version: 7,
    });
    expect(stale.key).toBe('error.conflict_stale');
    expect(existsSync(join(pc.dir, SERVE_FILE))).toBe(false);
    expect(pc.serve.runtime().state).toBe('off');
    await expect(presented(port)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('keeps the running host and the saved setting when the new port is busy', async () => {
    const pc = await officePc();
    const port = await freePort();
    const on = await pc.call('network.saveServe', {
      enabled: true,
      port,
      names: [NAME],
      version: 1,
    });
    const busy = createServer();
    cleanups.push(() => new Promise<void>((ok) => busy.close(() => ok())));
    const busyPort = await occupy(busy);
    const refused = await pc.fail('network.saveServe', {
      enabled: true,
      port: busyPort,
      names: [NAME],
      version: on.serve.version,
    });
    expect(refused).toMatchObject({ code: 'CONFLICT', key: 'network.port_busy' });
    expect(refused.message?.en).toContain(String(busyPort));
    const now = await pc.call('network.status', {});
    expect(now.serve).toMatchObject({ port, state: 'running', version: on.serve.version });
    expect(await presented(port)).toBe(on.serve.fingerprint256);
  });

  it('starts the saved setting at the next start, and says so when its port is taken', async () => {
    const pc = await officePc();
    const port = await freePort();
    const on = await pc.call('network.saveServe', {
      enabled: true,
      port,
      names: [NAME],
      version: 1,
    });
    await pc.serve.close();
    const again = createOfficeServe({
      dataDir: pc.dir,
      staticDir: '/opt/pelita/renderer',
      backend: () => pc.backend,
      bindHost: '127.0.0.1',
    });
    cleanups.push(() => again.close());
    expect((await again.startSaved()).state).toBe('running');
    // Same key and names: the fingerprint the clients pinned still holds.
    expect(await presented(port)).toBe(on.serve.fingerprint256);
    await again.close();

    const busy = createServer();
    cleanups.push(() => new Promise<void>((ok) => busy.close(() => ok())));
    await occupy(busy, port);
    const third = createOfficeServe({
      dataDir: pc.dir,
      staticDir: '/opt/pelita/renderer',
      backend: () => pc.backend,
      bindHost: '127.0.0.1',
    });
    cleanups.push(() => third.close());
    const failed = await third.startSaved();
    expect(failed).toMatchObject({ state: 'failed', error: { key: 'network.port_busy' } });
  });
});

describe('office network: this PC as a client', () => {
  it('shows the host certificate, pins it only once confirmed and unchanged, and forgets it', async () => {
    const host = await officePc();
    const port = await freePort();
    const served = await host.call('network.saveServe', {
      enabled: true,
      port,
      names: [NAME, '127.0.0.1'],
      version: 1,
    });
    const client = await officePc();
    const url = `https://127.0.0.1:${port}/`;
    const seen = await client.call('network.probe', { url });
    expect(seen.fingerprint256).toBe(served.serve.fingerprint256);
    expect(seen.subject).toContain('Pelita office host');

    const unconfirmed = await client.fail('network.saveClient', {
      url,
      fingerprint256: seen.fingerprint256,
      confirm: false,
    });
    expect(unconfirmed.code).toBe('VALIDATION');
    const other = seen.fingerprint256.replace(
      /^../,
      seen.fingerprint256.startsWith('00') ? '11' : '00',
    );
    const wrong = await client.fail('network.saveClient', {
      url,
      fingerprint256: other,
      confirm: true,
    });
    expect(wrong).toMatchObject({ code: 'CONFLICT', key: 'network.fingerprint_changed' });
    const remote = await client.fail(
      'network.saveClient',
      { url, fingerprint256: seen.fingerprint256, confirm: true },
      OTHER_PC,
    );
    expect(remote.key).toBe('network.local_only');
    expect(existsSync(join(client.dir, CLIENT_FILE))).toBe(false);

    const saved = await client.call('network.saveClient', {
      url,
      fingerprint256: seen.fingerprint256.toLowerCase(),
      confirm: true,
    });
    expect(saved.client).toEqual({ url, fingerprint256: seen.fingerprint256 });
    // The desktop app reads the same file at its next start.
    expect(readOfficeClient(client.dir)).toMatchObject({ url, fingerprint: seen.fingerprint256 });
    // A client does not serve, and the host is not a client.
    const serveToo = await client.fail('network.saveServe', {
      enabled: true,
      port: await freePort(),
      names: [NAME],
      version: 1,
    });
    expect(serveToo.key).toBe('network.serve_while_client');
    const hostAsClient = await host.fail('network.saveClient', {
      url,
      fingerprint256: seen.fingerprint256,
      confirm: true,
    });
    expect(hostAsClient.key).toBe('network.client_while_serving');

    const cleared = await client.call('network.clearClient', {});
    expect(cleared.client).toBeNull();
    expect(existsSync(join(client.dir, CLIENT_FILE))).toBe(false);
    const methods = (await auditRows(client.backend)).map((r) => r.method);
    expect(methods).toEqual(expect.arrayContaining(['network.saveClient', 'network.clearClient']));
  });

  it('says plainly when the address is not an office host', async () => {
    const pc = await officePc();
    const closed = await pc.fail('network.probe', {
      url: `https://127.0.0.1:${await freePort()}/`,
    });
    expect(closed.issues?.[0]).toMatchObject({ path: ['url'], key: 'network.unreachable' });
    const plain = createHttpServer((_q, r) => r.end('hello'));
    cleanups.push(() => new Promise<void>((ok) => plain.close(() => ok())));
    const plainPort = await occupy(plain);
    const notTls = await pc.fail('network.probe', { url: `https://127.0.0.1:${plainPort}/` });
    expect(notTls.issues?.[0]).toMatchObject({ path: ['url'], key: 'network.not_tls' });
    const http = await pc.fail('network.probe', { url: `http://127.0.0.1:${plainPort}/` });
    expect(http.issues?.[0]).toMatchObject({ path: ['url'], key: 'network.url_invalid' });
  });
});

describe('office network: a new PC that only connects', () => {
  it('pins the office host before first-run setup, without an office of its own; refused once set up', async () => {
    const host = await officePc();
    const port = await freePort();
    const served = await host.call('network.saveServe', {
      enabled: true,
      port,
      names: ['127.0.0.1'],
      version: 1,
    });
    const fresh = await makeBackend();
    const anon = new Client(fresh.backend);
    const url = `https://127.0.0.1:${port}/`;
    const seen = await anon.call('network.setupProbe', { url });
    expect(seen.fingerprint256).toBe(served.serve.fingerprint256);
    const pinned = await anon.call('network.setupClient', {
      url,
      fingerprint256: seen.fingerprint256,
      confirm: true,
    });
    expect(pinned).toEqual({ url, fingerprint256: seen.fingerprint256 });
    expect(readOfficeClient(fresh.dir)).toMatchObject({ url, fingerprint: seen.fingerprint256 });
    expect((await auditRows(fresh.backend)).map((r) => r.method)).toContain('network.setupClient');

    // On a PC that is set up, the same calls are refused: the admin's screen decides there.
    const later = await new Client(host.backend).fail('network.setupProbe', { url });
    expect(later).toMatchObject({ code: 'CONFLICT', key: 'auth.error.setupDone' });
    const laterPin = await new Client(host.backend).fail('network.setupClient', {
      url,
      fingerprint256: seen.fingerprint256,
      confirm: true,
    });
    expect(laterPin.key).toBe('auth.error.setupDone');
    expect(existsSync(join(host.dir, CLIENT_FILE))).toBe(false);
  });
});
