/**
 * Several PCs, one database: the office host (`npm run serve -- --office`) over TLS with its
 * self-signed certificate. Chromium trusts it only through the host's SPKI pin
 * (--ignore-certificate-errors-spki-list), reaching it by name as a client PC would
 * (--host-resolver-rules maps the name to this machine). Two browser contexts (two PCs) sign in
 * as two people and work at once; numbers stay gapless and each keeps its own session. Plain
 * http and a foreign Host header are refused.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { expect, request as apiRequest, test, type Browser, type Page } from '@playwright/test';
import { phoneComplaint } from '../backend/complaintsFixtures';
import { ADMIN, freshHost, login, rpc, setupViaApi, shotSizes, type Host } from './host';

const NAME = 'pelita-kantor.test';
const host = freshHost({ office: NAME });
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
