/**
 * The real installed Pelita.exe: the setup screen appears on a fresh PC, first-run setup goes
 * through the app's own IPC bridge, and a sign-in reaches the home screen.
 *
 * Playwright's `_electron.launch` drives the main process through `--inspect`, which the
 * shipped binary refuses (electronFuses.enableNodeCliInspectArguments: false); testing a build
 * with that fuse open would test something users never get. So the app is started as users
 * start it, plus Chromium's --remote-debugging-port, and Playwright attaches over CDP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test, chromium, type Browser, type Page } from '@playwright/test';
import { ADMIN, OFFICE } from '../e2e/host';

const EXE = process.env.PELITA_EXE ?? '';
const PORT = 9333;

/** The preload's bridge, as the renderer sees it. */
type Bridge = { pelita: { call(method: string, input: unknown): Promise<{ ok: boolean }> } };

let app: ChildProcess | null = null;
let browser: Browser | null = null;

test.afterAll(async () => {
  await browser?.close().catch(() => undefined);
  app?.kill();
});

async function appPage(): Promise<Page> {
  for (let i = 0; i < 120; i++) {
    try {
      browser ??= await chromium.connectOverCDP(`http://127.0.0.1:${PORT}`);
      const page = browser
        .contexts()
        .flatMap((c) => c.pages())
        .find((p) => p.url().startsWith('app://pelita/'));
      if (page) return page;
    } catch {
      // Not listening yet: the first start migrates and loads the villages.
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('Pelita showed no window within two minutes');
}

test('the installed app: setup screen on a fresh PC, then setup and a sign-in', async () => {
  expect(EXE, 'set PELITA_EXE to the installed Pelita.exe').not.toBe('');
  app = spawn(EXE, [`--remote-debugging-port=${PORT}`], { stdio: 'inherit' });
  const page = await appPage();
  await expect(page.getByRole('heading', { name: 'Pengaturan awal Pelita' })).toBeVisible();
  await page.screenshot({ path: 'test-results/desktop/setup.png' });

  const setup = await page.evaluate(
    (input) => (window as unknown as Bridge).pelita.call('auth.setup', input),
    { office: OFFICE, admin: ADMIN },
  );
  expect(setup.ok).toBe(true);
  await page.evaluate(() => (window as unknown as Bridge).pelita.call('auth.logout', {}));
  await page.reload();
  await page.getByLabel(/^(Nama pengguna|Username)/).fill(ADMIN.username);
  await page
    .getByLabel(/^(Kata sandi|Password)/)
    .first()
    .fill(ADMIN.password);
  await page.getByRole('button', { name: /^(Masuk|Sign in)$/ }).click();
  await expect(
    page.getByRole('heading', { name: `Selamat datang, ${ADMIN.fullName}` }),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/desktop/home.png' });
});
