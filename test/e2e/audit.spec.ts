import { expect, test } from '@playwright/test';
import { ADMIN, freshHost, login, openNav, rpc, setupViaApi, shot, shotSizes } from './host';

const host = freshHost();
test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  await setupViaApi(request, host);
});

test('the audit trail shows setup, failed and successful sign-in and the created user', async ({
  page,
}) => {
  // A failed sign-in, then a good one, then a user created through the UI.
  await login(page, host, ADMIN.username, 'bukan-sandinya-1');
  await expect(page.getByTestId('login-error')).toBeVisible();
  await page.getByRole('textbox', { name: 'Kata sandi' }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await openNav(page, 'Pengguna');
  await page.getByRole('button', { name: 'Tambah pengguna' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tambah pengguna' });
  await dialog.getByRole('textbox', { name: 'Nama pengguna' }).fill('nur.aduan');
  await dialog.getByRole('textbox', { name: 'Nama lengkap' }).fill('Nurhaliza');
  await dialog.getByTestId('role-complaint_officer').click();
  await dialog.getByRole('textbox', { name: 'Kata sandi awal' }).fill('PengaduanAwal26');
  await dialog.getByRole('textbox', { name: 'Ulangi kata sandi baru' }).fill('PengaduanAwal26');
  await dialog.getByRole('button', { name: 'Tambah pengguna' }).click();
  await expect(dialog).toBeHidden();

  await openNav(page, 'Jejak Audit');
  await expect(page.getByRole('heading', { name: 'Jejak audit', level: 1 })).toBeVisible();
  const rows = page.getByTestId('audit-row');
  // Newest first: the user creation is above the sign-ins, setup at the bottom.
  await expect(rows.first()).toContainText('Tambah pengguna');
  const table = page.getByTestId('audit-table');
  await expect(table).toContainText('Pengaturan awal');
  await expect(
    table.locator('[data-method="auth.login"]').filter({ hasText: 'Ditolak' }),
  ).toContainText('kata sandi salah');
  await expect(
    table.locator('[data-method="auth.login"]').filter({ hasText: 'Berhasil' }),
  ).toHaveCount(1);
  await expect(rows.last()).toContainText('Pengaturan awal');
  await expect(rows.first()).toContainText(/\d{1,2} \w{3} \d{4} \d{2}\.\d{2} WITA/);
  await shot(page, '30-audit');
  await shotSizes(page, '30-audit');

  // The changed fields of the creation, before → after; the password is not shown.
  await rows
    .first()
    .getByRole('button', { name: /Perubahan/ })
    .click();
  const changes = page.getByTestId('audit-changes').first();
  await expect(changes).toBeVisible();
  await expect(changes).toContainText('nur.aduan');
  await expect(changes).toContainText('Petugas Pengaduan');
  await expect(changes).not.toContainText('PengaduanAwal26');
  await shot(page, '31-audit-changes');
  await shotSizes(page, '31-audit-changes');

  // The created user is named, not shown by id.
  await expect(rows.first().getByTestId('audit-record-link')).toHaveText('Nurhaliza (nur.aduan)');

  // Integrity check: the full report says what it shows and what it cannot.
  await page.getByRole('button', { name: 'Periksa keutuhan' }).click();
  await expect(page.getByTestId('audit-verify-result')).toContainText('Rantai audit utuh');
  const statements = page.getByTestId('audit-statements');
  await expect(statements).toContainText('ditandatangani kunci kantor');
  await expect(statements).toContainText('Tidak dapat dibuktikan di komputer ini');

  // A checkpoint signed on demand is listed and can be exported.
  const checkpoints = page.getByTestId('audit-checkpoints');
  await checkpoints.getByRole('button', { name: 'Tandatangani sekarang' }).click();
  await expect(checkpoints.getByTestId('audit-checkpoint-rows')).toContainText('diminta admin');
  const download = page.waitForEvent('download');
  await checkpoints.getByRole('button', { name: 'Ekspor' }).click();
  expect((await download).suggestedFilename()).toMatch(/^pelita-checkpoint-\d+\.txt$/);
  await shot(page, '34-audit-evidence');
  await shotSizes(page, '34-audit-evidence');
});

test('filters: by action, by user, by record and by date', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.goto(host.url + '/#/admin/audit');
  const rows = page.getByTestId('audit-row');
  await expect(rows.first()).toBeVisible();

  // Action: only user creations.
  await page.getByRole('combobox', { name: 'Tindakan' }).click();
  await page.getByRole('combobox', { name: 'Tindakan' }).fill('users.create');
  await page.getByRole('option', { name: /users\.create/ }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Tambah pengguna');
  await shot(page, '32-audit-filter-method');

  // Reset, then the user filter: the admin's own actions. Failed sign-ins on the admin account
  // are not the admin's doing, so they are filed under the name typed, not under this user.
  await page.getByRole('button', { name: 'Atur ulang' }).click();
  await page.getByRole('combobox', { name: 'Pengguna' }).click();
  await page.getByRole('option', { name: /Nurhaliza/ }).click();
  await expect(page.getByText('Tidak ada entri yang cocok dengan saringan.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Pengguna' }).click();
  await page.getByRole('option', { name: new RegExp(ADMIN.fullName) }).click();
  await expect(rows.first()).toBeVisible();
  await expect(rows.filter({ hasText: 'Ditolak' })).toHaveCount(0);
  for (const text of await rows.allInnerTexts()) expect(text).toContain(ADMIN.username);

  // Record type 'office': only the office row from setup.
  await page.getByRole('button', { name: 'Atur ulang' }).click();
  await page.getByRole('combobox', { name: 'Jenis data' }).click();
  await page.getByRole('option', { name: 'Profil kantor' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Profil kantor');

  // Dates: nothing before 2020, everything from today on.
  await page.getByRole('button', { name: 'Atur ulang' }).click();
  await page.getByRole('textbox', { name: 'Sampai tanggal' }).fill('01/01/2020');
  await expect(page.getByText('Tidak ada entri yang cocok dengan saringan.')).toBeVisible();
});

test('paging: next and previous pages by the keyset cursor, kept in the address; sort by time', async ({
  page,
  request,
}) => {
  // 60 holidays entered make more than one page (50). (Failed sign-ins no longer would: from
  // one source they are limited, and repeats are counted rather than written a row each.)
  await rpc(request, host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  for (let i = 0; i < 60; i++) {
    const day = new Date(Date.UTC(2027, 0, 4 + i)).toISOString().slice(0, 10);
    await rpc(request, host, 'calendar.saveHoliday', {
      date: day,
      name: `Libur uji ${i + 1}`,
      kind: 'local',
    });
  }
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.goto(host.url + '/#/admin/audit');
  const rows = page.getByTestId('audit-row');
  const seqsOf = async () =>
    (await rows.locator('td:first-child p:nth-child(2)').allInnerTexts()).map((s) =>
      Number(s.replace('#', '')),
    );
  await expect(rows).toHaveCount(50);
  await expect(page.getByTestId('list-range')).toHaveText('1–50');
  await expect(page.getByTestId('list-prev')).toBeDisabled();
  const first = await seqsOf();
  await page.getByTestId('list-next').scrollIntoViewIfNeeded();
  await shot(page, '33-audit-paging');
  await page.getByTestId('list-next').click();
  await expect(page.getByTestId('list-range')).toHaveText(/^51–\d+$/);
  await expect(rows.last()).toContainText('Pengaturan awal');
  await expect(page.getByTestId('list-next')).toBeDisabled();
  const second = await seqsOf();
  // Entries are unique and newest first across both pages.
  const seqs = [...first, ...second];
  expect(seqs.length).toBeGreaterThan(60);
  expect(new Set(seqs).size).toBe(seqs.length);
  expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);

  // A reload keeps the page (it is in the address); Previous goes back to the first.
  await page.reload();
  await expect(page.getByTestId('list-range')).toHaveText(/^51–\d+$/);
  expect(await seqsOf()).toEqual(second);
  await page.getByTestId('list-prev').click();
  await expect(page.getByTestId('list-range')).toHaveText('1–50');
  expect(await seqsOf()).toEqual(first);

  // Oldest first from the column header.
  await page.getByTestId('sort-at').click();
  await expect(rows.first()).toContainText('Pengaturan awal');
  await expect(page).toHaveURL(/sort=oldest/);
  await page.getByTestId('sort-at').click();
  await expect(rows.last()).not.toContainText('Pengaturan awal');
  await rpc(request, host, 'auth.status');
});
