import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, freshHost, login, openNav, rpc, setupViaApi, shot, shotSizes } from './host';

const host = freshHost();
test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  await setupViaApi(request, host);
});

const row = (page: Page, kind: string) =>
  page.getByTestId('backup-row').and(page.locator(`[data-kind="${kind}"]`));

test('a backup is made automatically shortly after start-up once there is data', async ({
  page,
}) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await openNav(page, 'Cadangan Data');
  // The start-up backup follows first-run setup by a few seconds; the list shows it on reload.
  await expect(async () => {
    await page.reload();
    await expect(row(page, 'auto')).toHaveCount(1, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await page.goto(host.url + '/#/');
  await expect(page.getByTestId('home-backup-last')).toContainText('Cadangan baik terakhir:');
});

test('back up now, add a person, restore: the person is gone and the safety copy exists', async ({
  page,
  request,
}) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await openNav(page, 'Cadangan Data');
  await expect(page.getByRole('heading', { name: 'Cadangan Data', level: 1 })).toBeVisible();

  await page.getByTestId('backup-now').click();
  await expect(page.getByText(/Cadangan pelita-\S+-manual dibuat dan diperiksa/)).toBeVisible();
  await expect(page.getByTestId('backup-last-good')).toContainText('Cadangan baik terakhir:');
  await expect(row(page, 'manual')).toHaveCount(1);
  await shotSizes(page, 'backup-02-after-backup');

  // Add a person after the backup.
  await page.goto(host.url + '/#/persons/new');
  const form = page.getByTestId('person-form');
  await form.getByRole('textbox', { name: 'Nama lengkap' }).fill('Rusdiansyah Anwar');
  await form.getByRole('combobox', { name: 'Status identitas' }).click();
  await page.getByRole('option', { name: 'Pengakuan yang bersangkutan' }).click();
  await form.getByTestId('person-save').click();
  await expect(page.getByRole('heading', { name: 'Rusdiansyah Anwar' })).toBeVisible();

  // Restore: the dialog checks the backup and shows what it holds, then asks to confirm.
  await page.goto(host.url + '/#/admin/backup');
  await row(page, 'manual')
    .getByRole('button', { name: /^Pulihkan:/ })
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('backup-verified')).toBeVisible();
  await expect(dialog.getByTestId('backup-facts')).toContainText('Orang');
  await expect(dialog.getByTestId('restore-submit')).toBeDisabled();
  await dialog.getByTestId('restore-confirm').check();
  await shotSizes(page, 'backup-03-restore-dialog', dialog);
  await dialog.getByTestId('restore-submit').click();
  await expect(page.getByTestId('restore-done')).toContainText('Data dipulihkan');
  await expect(
    page.getByTestId('backup-row').and(page.locator('[data-kind="safety"]')),
  ).toHaveCount(1);
  await shotSizes(page, 'backup-04-restored');

  // The person is gone; the safety copy is on disk and still holds them.
  await page.getByRole('button', { name: 'Muat ulang' }).click();
  await page.goto(host.url + '/#/persons?q=Rusdiansyah');
  await expect(page.getByTestId('list-empty')).toBeVisible();
  await shot(page, 'backup-05-person-gone');
  const folder = join(host.dataDir, 'backups');
  const safety = readdirSync(folder).find((n) => n.endsWith('-safety'));
  expect(safety).toBeDefined();
  expect(existsSync(join(folder, safety!, 'pelita.sqlite'))).toBe(true);
  await rpc(request, host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const list = await rpc<{ backups: { kind: string; counts: { persons: number } }[] }>(
    request,
    host,
    'backup.list',
  );
  expect(list.backups.find((b) => b.kind === 'safety')?.counts.persons).toBe(1);
  expect(list.backups.find((b) => b.kind === 'manual')?.counts.persons).toBe(0);

  // The home card now shows the good backup.
  await page.goto(host.url + '/#/');
  await expect(page.getByTestId('home-backup-last')).toContainText('Cadangan baik terakhir:');
  await shotSizes(page, 'backup-06-home-good', page.getByTestId('home-backup'));
});

test('a backup that fails is shown on the screen and on the admin home', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.goto(host.url + '/#/admin/backup');
  const settings = page.getByTestId('backup-settings');
  // A folder Pelita cannot create: inside a file.
  const folder = settings.getByRole('textbox', { name: 'Folder cadangan' });
  await folder.fill('relatif/folder');
  await settings.getByRole('button', { name: 'Simpan' }).click();
  await expect(settings.getByText('Tulis folder lengkap')).toBeVisible();
  await folder.fill(join(host.dataDir, 'pelita.sqlite', 'cadangan'));
  await settings.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Pengaturan cadangan disimpan.')).toBeVisible();
  await page.getByTestId('backup-now').click();
  await expect(page.getByText(/Pencadangan gagal/).first()).toBeVisible();
  await expect(page.getByTestId('backup-failed')).toBeVisible();
  await shotSizes(page, 'backup-07-failed');
  await page.goto(host.url + '/#/');
  await expect(page.getByTestId('home-backup')).toContainText('gagal');
  await shotSizes(page, 'backup-08-home-failed', page.getByTestId('home-backup'));
});
