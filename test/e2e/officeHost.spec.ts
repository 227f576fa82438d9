/**
 * Several PCs, one database: the office host (`npm run serve -- --office`) over TLS with its
 * self-signed certificate. Chromium trusts it only through the host's SPKI pin
 * (--ignore-certificate-errors-spki-list), reaching it by name as a client PC would
 * (--host-resolver-rules maps the name to this machine). Two browser contexts (two PCs) sign in
 * as two people and work at once; numbers stay gapless and each keeps its own session. Plain
 * http and a foreign Host header are refused.
 */
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { expect, request as apiRequest, test, type Browser, type Page } from '@playwright/test';
import { phoneComplaint } from '../backend/complaintsFixtures';
import { ADMIN, freshHost, login, openNav, rpc, setupViaApi, shotSizes, type Host } from './host';

const NAME = 'pelita-kantor.test';
const host = freshHost({ office: NAME });
/** Two more PCs with plain local hosts: one turns the office host on from the screen, one connects. */
const hostPc = freshHost();
const clientPc = freshHost();
/** A new PC that never sets up an office of its own. */
const newPc = freshHost();
test.describe.configure({ mode: 'serial' });

const OFFICER = { username: 'nur.aini', fullName: 'Nur Aini', password: 'Pengaduan2026!' };

/** The host as seen on the host PC itself (127.0.0.1 is always allowed there). */
function onHostPc(): Host {
  return { url: `https://127.0.0.1:${new URL(host.url).port}`, dataDir: host.dataDir };
}

test.beforeAll(async () => {
  // The admin on the host PC, who knows the certificate is the host's own.
  const api = await apiRequest.newContext({ ignoreHTTPSErrors: true });
  const local = onHostPc();
  await setupViaApi(api, local);
  await rpc(api, local, 'users.create', { ...OFFICER, roles: ['complaint_officer'] });
  await rpc(api, local, 'auth.login', { username: OFFICER.username, password: OFFICER.password });
  const next = `${OFFICER.password}x`;
  await rpc(api, local, 'auth.changePassword', {
    currentPassword: OFFICER.password,
    newPassword: next,
  });
  OFFICER.password = next;
  await api.dispose();
});

async function clientBrowser(
  chromium: { launch: (o: object) => Promise<Browser> },
  pinned: boolean,
) {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      `--host-resolver-rules=MAP ${NAME} 127.0.0.1`,
      ...(pinned ? [`--ignore-certificate-errors-spki-list=${host.spki}`] : []),
    ],
  });
}

const COMPLAINT = phoneComplaint();

/** A call from inside the page: the page's own origin and its own session cookie. */
function call(page: Page, method: string, input: unknown = {}) {
  return page.evaluate(
    async ([m, i]) => {
      const r = await fetch(`/rpc/${m}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(i),
      });
      return (await r.json()) as { ok: boolean; data?: Record<string, unknown> };
    },
    [method, input] as const,
  );
}

test('two PCs work on the office host at once over TLS: own sessions, gapless numbers', async ({
  playwright,
}) => {
  expect(host.url).toMatch(new RegExp(`^https://${NAME.replace(/\./g, '\\.')}:\\d+$`));
  expect(host.spki).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  const browser = await clientBrowser(playwright.chromium, true);
  try {
    const pcA = await (await browser.newContext({ locale: 'id-ID' })).newPage();
    const pcB = await (await browser.newContext({ locale: 'id-ID' })).newPage();
    await login(pcA, host, ADMIN.username, ADMIN.password);
    await login(pcB, host, OFFICER.username, OFFICER.password);
    await expect(
      pcA.getByRole('heading', { name: `Selamat datang, ${ADMIN.fullName}` }),
    ).toBeVisible();
    await expect(
      pcB.getByRole('heading', { name: `Selamat datang, ${OFFICER.fullName}` }),
    ).toBeVisible();
    expect(await pcA.evaluate(() => window.isSecureContext)).toBe(true);
    await shotSizes(pcB, '80-office-host-client');

    // Each PC keeps its own session.
    expect((await call(pcA, 'auth.me')).data).toMatchObject({ username: ADMIN.username });
    expect((await call(pcB, 'auth.me')).data).toMatchObject({ username: OFFICER.username });

    // Both register complaints at the same moment: numbering stays on the host, gapless.
    const made = await Promise.all(
      [pcA, pcB, pcA, pcB, pcA, pcB].map((p) => call(p, 'complaints.create', COMPLAINT)),
    );
    expect(made.every((r) => r.ok)).toBe(true);
    const numbers = made.map((r) => String(r.data!.number));
    // The default pattern is ADU/0001/DINSOS-BJB/2026: the serial is the first run of digits.
    const serials = numbers.map((n) => Number(/\d+/.exec(n)![0])).sort((x, y) => x - y);
    expect(new Set(numbers).size).toBe(6);
    expect(serials).toEqual(serials.map((_, i) => serials[0]! + i));
  } finally {
    await browser.close();
  }
});

test('a browser that has not trusted the certificate gets no page', async ({ playwright }) => {
  const browser = await clientBrowser(playwright.chromium, false);
  try {
    const page = await browser.newPage();
    const failed = await page.goto(host.url + '/').then(
      () => null,
      (e: Error) => e.message,
    );
    expect(failed).toMatch(/ERR_CERT_AUTHORITY_INVALID|ERR_CERT/);
  } finally {
    await browser.close();
  }
});

/** A raw request to the office port on this machine. */
function raw(
  tls: boolean,
  headers: Record<string, string>,
  path = '/',
): Promise<{ status: number; body: string }> {
  const port = Number(new URL(host.url).port);
  const make = tls ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = make(
      { host: '127.0.0.1', port, path, headers, ...(tls ? { rejectUnauthorized: false } : {}) },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

test('plain http is refused on the office port, and so is a foreign Host header', async () => {
  const port = new URL(host.url).port;
  const plain = await raw(false, { host: `${NAME}:${port}` });
  expect(plain.status).toBe(400);
  expect(plain.body).toMatch(/only accepts https/);
  expect(plain.body).not.toMatch(/<html|<script/i);

  const foreign = await raw(true, { host: `evil.example:${port}` });
  expect(foreign.status).toBe(421);
  const allowed = await raw(true, { host: `${NAME}:${port}` });
  expect(allowed.status).toBe(200);
  expect(allowed.body).toMatch(/<div id="root">/);
});

// ── The office network screen ───────────────────────────────────────────────────────────────

/** A port nobody listens on right now, for the office host the admin turns on. */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((ok) => s.close(() => ok()));
  return port;
}

/** The certificate fingerprint a client is shown on `port` (trusting nothing). */
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

/** First-run setup on a PC through its own API context (the page then signs in as a user would). */
async function setUp(pc: Host) {
  const api = await apiRequest.newContext();
  await setupViaApi(api, pc);
  await api.dispose();
}

async function openNetworkScreen(page: Page, pc: Host) {
  await login(page, pc, ADMIN.username, ADMIN.password);
  await expect(
    page.getByRole('heading', { name: `Selamat datang, ${ADMIN.fullName}` }),
  ).toBeVisible();
  await openNav(page, 'Jaringan Kantor');
  await expect(page.getByRole('heading', { name: 'Jaringan Kantor' })).toBeVisible();
}

let officePort = 0;
let officeFingerprint = '';

test('the admin turns this PC into the office host from the screen and reads its fingerprint', async ({
  page,
  playwright,
}) => {
  await setUp(hostPc);
  await openNetworkScreen(page, hostPc);
  const serve = page.getByTestId('network-serve');
  await expect(page.getByTestId('network-serve-state')).toHaveText('Mati');
  await shotSizes(page, '81-network-off');

  officePort = await freePort();
  await serve
    .getByRole('switch', { name: 'Layani Pelita di PC ini kepada PC lain di kantor' })
    .check();
  await serve.getByLabel('Port').fill(String(officePort));
  const names = serve.getByLabel('Nama PC ini di jaringan');
  await names.fill(NAME);
  await names.press('Enter');
  await names.press('Escape');
  await serve.getByRole('button', { name: 'Simpan' }).click();

  await expect(page.getByTestId('network-serve-state')).toHaveText('Berjalan');
  await expect(page.getByTestId('network-urls')).toContainText(`https://${NAME}:${officePort}/`);
  const shown = page.getByTestId('network-fingerprint');
  officeFingerprint = (await shown.getAttribute('data-fingerprint'))!;
  // What the screen shows is what a client PC is presented on the network.
  expect(officeFingerprint).toBe(await presented(officePort));
  await shotSizes(page, '82-network-running');

  // A browser on another PC that pins the key shown on screen gets Pelita over TLS.
  const spki = (await page.getByTestId('network-spki').textContent())!.trim();
  const browser = await playwright.chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      `--host-resolver-rules=MAP ${NAME} 127.0.0.1`,
      `--ignore-certificate-errors-spki-list=${spki}`,
    ],
  });
  try {
    const other = await browser.newPage();
    await other.goto(`https://${NAME}:${officePort}/`);
    await expect(
      other.getByRole('heading', { name: /Masuk ke Pelita|Sign in to Pelita/ }),
    ).toBeVisible();
    expect(await other.evaluate(() => window.isSecureContext)).toBe(true);
  } finally {
    await browser.close();
  }
  // Plain http on the port the screen opened is refused too.
  const plain = await new Promise<number>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: officePort,
        path: '/',
        headers: { host: `${NAME}:${officePort}` },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode!);
      },
    );
    req.on('error', reject);
    req.end();
  });
  expect(plain).toBe(400);
});

test('a client PC checks the office host, confirms the fingerprint and pins it', async ({
  page,
}) => {
  expect(officePort).toBeGreaterThan(0);
  await setUp(clientPc);
  await openNetworkScreen(page, clientPc);
  const client = page.getByTestId('network-client');
  const url = `https://127.0.0.1:${officePort}/`;
  await client.getByLabel('Alamat host kantor').fill(url);
  await client.getByRole('button', { name: 'Periksa host' }).click();
  const seen = page.getByTestId('network-probe-fingerprint');
  await expect(seen).toBeVisible();
  expect(await seen.getAttribute('data-fingerprint')).toBe(officeFingerprint);
  const save = client.getByRole('button', { name: 'Hubungkan ke host ini' });
  await expect(save).toBeDisabled();
  await client
    .getByText('Sidik jari ini sama persis dengan yang tampil di layar host kantor')
    .click();
  await shotSizes(page, '83-network-client-confirm', seen);
  await save.click();

  await expect(page.getByTestId('network-client-current')).toContainText(`Terhubung ke ${url}`);
  const saved = JSON.parse(readFileSync(join(clientPc.dataDir, 'office-host.json'), 'utf8')) as {
    url: string;
    fingerprint: string;
  };
  expect(saved).toEqual({ url, fingerprint: officeFingerprint });
  await shotSizes(page, '84-network-client-pinned');

  // An address that is no office host is named as such, and nothing changes.
  await client.getByRole('button', { name: 'Berhenti memakai host kantor' }).click();
  await expect(page.getByTestId('network-client-current')).toHaveCount(0);
  await client.getByLabel('Alamat host kantor').fill(clientPc.url.replace('http:', 'https:'));
  await client.getByRole('button', { name: 'Periksa host' }).click();
  await expect(client.getByText(/tidak menjawab dengan TLS/).first()).toBeVisible();
  await expect(page.getByTestId('network-probe-result')).toHaveCount(0);
});

test('the office host started by command shows its fingerprint and options, read-only', async ({
  playwright,
}) => {
  const browser = await clientBrowser(playwright.chromium, true);
  try {
    const page = await (await browser.newContext({ locale: 'id-ID' })).newPage();
    await openNetworkScreen(page, onHostPc());
    await expect(page.getByTestId('network-serve-state')).toHaveText('Dijalankan dari perintah');
    const port = Number(new URL(host.url).port);
    expect(await page.getByTestId('network-fingerprint').getAttribute('data-fingerprint')).toBe(
      await presented(port),
    );
    await expect(page.getByTestId('network-spki')).toHaveText(host.spki!);
    await expect(page.getByTestId('network-serve-form')).toHaveCount(0);
  } finally {
    await browser.close();
  }
});

test('a new PC connects to the office host from the first-run screen, without an office of its own', async ({
  page,
}) => {
  expect(officePort).toBeGreaterThan(0);
  await page.goto(newPc.url + '/');
  const box = page.getByTestId('setup-connect');
  await box.getByRole('button', { name: 'Hubungkan PC ini ke host kantor' }).click();
  const url = `https://127.0.0.1:${officePort}/`;
  await box.getByLabel('Alamat host kantor').fill(url);
  await box.getByRole('button', { name: 'Periksa host' }).click();
  const seen = box.getByTestId('network-probe-fingerprint');
  await expect(seen).toBeVisible();
  expect(await seen.getAttribute('data-fingerprint')).toBe(officeFingerprint);
  await box.getByTestId('network-confirm').check();
  await shotSizes(page, '85-setup-connect', seen);
  await box.getByRole('button', { name: 'Hubungkan ke host ini' }).click();
  await expect(page.getByTestId('setup-connected')).toContainText(url);
  const saved = JSON.parse(readFileSync(join(newPc.dataDir, 'office-host.json'), 'utf8')) as {
    fingerprint: string;
  };
  expect(saved.fingerprint).toBe(officeFingerprint);
});
