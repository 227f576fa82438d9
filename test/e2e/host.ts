/**
 * Starts the built browser host for one spec file, on a free port with a fresh data folder,
 * and gives helpers to drive the backend directly where the UI is not what is being tested.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';

export interface Host {
  url: string;
  dataDir: string;
  /** The office host's SPKI pin (base64), for Chromium's --ignore-certificate-errors-spki-list. */
  spki?: string;
}

/** `office`: the host name clients use; the host then runs as the office host (TLS). */
export interface HostOptions {
  office?: string;
}

export const ADMIN = {
  username: 'admin.dinsos',
  fullName: 'Rahmat Hidayat',
  password: 'Banjarbaru2026!',
};

function startHost(opts: HostOptions = {}): Promise<{ host: Host; child: ChildProcess }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pelita-e2e-'));
  const office = opts.office
    ? ['--office', '--host', '127.0.0.1', '--allow-host', opts.office]
    : [];
  const args = ['out/main/host.js', '--port', '0', '--data', dataDir, ...office];
  const child = spawn(process.execPath, args, {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error('host did not start:\n' + output)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Open: (https?:\/\/\S+?)\/?\s/.exec(output);
      if (m) {
        clearTimeout(timer);
        const spki = /SPKI pin: (\S+)/.exec(output)?.[1];
        resolve({ host: { url: m[1]!, dataDir, ...(spki ? { spki } : {}) }, child });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${output}`));
    });
  });
}

/** Registers beforeAll/afterAll hooks: one fresh host for the spec file that calls it. */
export function freshHost(opts: HostOptions = {}): Host {
  const host: Host = { url: '', dataDir: '' };
  let child: ChildProcess | null = null;
  test.beforeAll(async () => {
    const started = await startHost(opts);
    child = started.child;
    Object.assign(host, started.host);
  });
  test.afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    rmSync(host.dataDir, { recursive: true, force: true });
  });
  return host;
}

/** Calls a backend method directly (same origin rules as the browser). */
export async function rpc<T = unknown>(
  request: APIRequestContext,
  host: Host,
  method: string,
  input: unknown = {},
): Promise<T> {
  const res = await request.post(`${host.url}/rpc/${method}`, {
    data: input,
    headers: { origin: host.url, 'content-type': 'application/json' },
  });
  const body = (await res.json()) as { ok: boolean; data?: T; error?: unknown };
  if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body.error)}`);
  return body.data as T;
}

/** The office profile first-run setup gives. */
export const OFFICE = {
  name: 'Dinas Sosial Kota Banjarbaru',
  regionCode: '63.72',
  address: 'Jl. Pangeran Suriansyah No. 5, Banjarbaru',
  timeZone: 'Asia/Makassar',
  maxStayDays: 7,
};

/** First-run setup through the backend (for specs that are not about the wizard). */
export async function setupViaApi(request: APIRequestContext, host: Host): Promise<void> {
  await rpc(request, host, 'auth.setup', { office: OFFICE, admin: ADMIN });
}

export async function shot(page: Page, name: string): Promise<void> {
  // Let transitions and notifications settle so the picture shows the finished screen.
  await page.waitForTimeout(350);
  // A full-page picture of a scrolled page would draw the fixed header mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/**
 * The first screen at the two sizes every screen must work at: 1366×768 (the common office
 * laptop) and 1920×1080; saved as `<name>-1366.png` and `<name>-1920.png`.
 */
export async function shotSizes(page: Page, name: string, target?: Locator): Promise<void> {
  const before = page.viewportSize();
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(350);
    // The top of the page, or `target` in the middle of the window (a warning under a form).
    if (target) await target.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    else await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png` });
  }
  if (before) await page.setViewportSize(before);
}

export async function login(page: Page, host: Host, username: string, password: string) {
  await page.goto(host.url + '/');
  await page.getByLabel(/^(Nama pengguna|Username)/).fill(username);
  await page
    .getByLabel(/^(Kata sandi|Password)/, { exact: false })
    .first()
    .fill(password);
  await page.getByRole('button', { name: /^(Masuk|Sign in)$/ }).click();
}

export async function signOut(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: /^(Keluar|Sign out)$/ }).click();
  await expect(
    page.getByRole('heading', { name: /Masuk ke Pelita|Sign in to Pelita/ }),
  ).toBeVisible();
}

/** Follows a link in the side navigation. */
export async function openNav(page: Page, name: string | RegExp) {
  await page
    .getByRole('navigation')
    .getByRole('link', { name, exact: typeof name === 'string' })
    .click();
}
