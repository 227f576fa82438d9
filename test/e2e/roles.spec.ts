import { expect, test } from '@playwright/test';
import {
  ADMIN,
  freshHost,
  login,
  openNav,
  rpc,
  setupViaApi,
  shot,
  shotSizes,
  signOut,
} from './host';

const host = freshHost();
const NO_ACCESS = 'Anda tidak punya akses ke halaman ini';
test.describe.configure({ mode: 'serial' });

const WORKER = {
  username: 'budi.peksos',
  fullName: 'Budi Santoso',
  nip: '198503152010011002',
  position: 'Pekerja Sosial Ahli Pertama',
  password: 'PeksosAwal2026',
  newPassword: 'PeksosBaru2026',
};

const VIEWER = {
  username: 'pimpinan',
  fullName: 'Rahmawati Kepala Dinas',
  nip: '197501012000032001',
  position: 'Kepala Dinas',
  password: 'KepalaAwal2026x',
  newPassword: 'KepalaBaru2026x',
};

test.beforeAll(async ({ request }) => {
  await setupViaApi(request, host);
});

test('the admin creates a caseworker account through the users screen', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await openNav(page, 'Pengguna');
  await expect(page.getByRole('heading', { name: 'Pengguna' })).toBeVisible();
  await page.getByRole('button', { name: 'Tambah pengguna' }).click();

  const dialog = page.getByRole('dialog', { name: 'Tambah pengguna' });
  await expect(dialog.getByRole('textbox', { name: 'Nama pengguna' })).toBeFocused();
  await dialog.getByRole('textbox', { name: 'Nama pengguna' }).fill(WORKER.username);
  await dialog.getByRole('textbox', { name: 'Nama lengkap' }).fill(WORKER.fullName);
  await dialog.getByRole('textbox', { name: 'NIP' }).fill('12345');
  await dialog.getByRole('textbox', { name: 'Jabatan' }).fill(WORKER.position);
  await dialog.getByRole('textbox', { name: 'Kata sandi awal' }).fill(WORKER.password);
  await dialog.getByRole('textbox', { name: 'Ulangi kata sandi baru' }).fill(WORKER.password);
  await dialog.getByRole('button', { name: 'Tambah pengguna' }).click();
  // The backend refuses a short NIP and a missing role, next to the fields.
  await expect(dialog.getByText('NIP harus 18 digit angka.')).toBeVisible();
  await expect(dialog.getByText(/Pilih minimal (satu peran|1)/)).toBeVisible();
  await shot(page, '20-user-create-errors');

  await dialog.getByRole('textbox', { name: 'NIP' }).fill(WORKER.nip);
  await dialog.getByTestId('role-caseworker').click();
  await expect(dialog.getByTestId('role-caseworker')).toHaveAttribute('data-checked', 'true');
  await shot(page, '21-user-create');
  await dialog.getByRole('textbox', { name: 'Jabatan' }).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Pengguna ${WORKER.username} dibuat.`)).toBeVisible();

  const row = page.getByTestId(`user-row-${WORKER.username}`);
  await expect(row).toContainText(WORKER.fullName);
  await expect(row).toContainText(WORKER.nip);
  await expect(row).toContainText('Pekerja Sosial');
  await expect(row).toContainText('Belum pernah');
  await shot(page, '22-users-list');
  await shotSizes(page, '22-users-list');

  // Search, role filter and sort run on the server and stay in the address.
  const userRows = page.locator('tr[data-testid^="user-row-"]');
  await expect(userRows).toHaveCount(2);
  await page.getByTestId('user-search').fill('santoso');
  await expect(userRows).toHaveCount(1);
  await expect(page).toHaveURL(/q=santoso/);
  await page.reload();
  await expect(userRows).toHaveCount(1);
  await expect(page.getByTestId('user-search')).toHaveValue('santoso');
  await page.getByRole('button', { name: 'Atur ulang' }).click();
  await expect(userRows).toHaveCount(2);
  await page.getByTestId('sort-name').click();
  await expect(page).toHaveURL(/sort=name(&|$)/);
  await expect(userRows.first()).toContainText(WORKER.fullName);
  await page.getByTestId('sort-name').click();
  await expect(page).toHaveURL(/sort=name_desc(&|$)/);
  await expect(userRows.first()).toContainText(ADMIN.fullName);
  // Enter on a row opens it for editing.
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Ubah pengguna' })).toBeVisible();
  await page
    .getByRole('dialog', { name: 'Ubah pengguna' })
    .getByRole('button', { name: 'Batal' })
    .click();

  // A taken username is refused at the field.
  await page.getByRole('button', { name: 'Tambah pengguna' }).click();
  await dialog.getByRole('textbox', { name: 'Nama pengguna' }).fill(WORKER.username);
  await dialog.getByRole('textbox', { name: 'Nama lengkap' }).fill('Orang Lain');
  await dialog.getByTestId('role-viewer').click();
  await dialog.getByRole('textbox', { name: 'Kata sandi awal' }).fill('LainLagi2026x');
  await dialog.getByRole('textbox', { name: 'Ulangi kata sandi baru' }).fill('LainLagi2026x');
  await dialog.getByRole('button', { name: 'Tambah pengguna' }).click();
  await expect(dialog.getByText(`Nama pengguna "${WORKER.username}" sudah dipakai.`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Batal' }).click();
  await signOut(page);
});

test('a stale edit is refused with CONFLICT and "Muat ulang" brings the fresh record', async ({
  page,
  request,
}) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await openNav(page, 'Pengguna');
  const row = page.getByTestId(`user-row-${WORKER.username}`);
  await row.getByRole('button', { name: `Tindakan untuk ${WORKER.username}` }).click();
  await page.getByRole('menuitem', { name: 'Ubah' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ubah pengguna' });
  await expect(dialog.getByRole('textbox', { name: 'Nama lengkap' })).toBeFocused();
  await expect(dialog.getByRole('textbox', { name: 'Nama pengguna' })).toBeDisabled();

  // Meanwhile someone else changes the same user.
  await rpc(request, host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const { users } = await rpc<{ users: { id: string; username: string; version: number }[] }>(
    request,
    host,
    'users.list',
    { includeInactive: true },
  );
  const u = users.find((x) => x.username === WORKER.username)!;
  await rpc(request, host, 'users.update', {
    id: u.id,
    version: u.version,
    fullName: WORKER.fullName,
    nip: WORKER.nip,
    position: 'Pekerja Sosial Ahli Muda',
    roles: ['caseworker'],
  });

  await dialog.getByRole('textbox', { name: 'Jabatan' }).fill('Koordinator Peksos');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog.getByText('Data ini sudah diubah orang lain')).toBeVisible();
  await shot(page, '23-user-edit-conflict');
  await dialog.getByRole('button', { name: 'Muat ulang' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Jabatan' })).toHaveValue(
    'Pekerja Sosial Ahli Muda',
  );
  await dialog.getByRole('textbox', { name: 'Jabatan' }).fill('Koordinator Peksos');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('Koordinator Peksos');
  await signOut(page);
});

test('the caseworker must change the password, then sees only their navigation', async ({
  page,
}) => {
  await login(page, host, WORKER.username, WORKER.password);
  // users.create marks the password as set by an admin: it must be replaced first.
  await expect(page.getByRole('heading', { name: 'Buat kata sandi baru' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Kata sandi saat ini' }).fill(WORKER.password);
  await page
    .getByRole('textbox', { name: 'Kata sandi baru', exact: true })
    .fill(WORKER.newPassword);
  await page.getByRole('textbox', { name: 'Ulangi kata sandi baru' }).fill(WORKER.newPassword);
  await page.getByRole('textbox', { name: 'Ulangi kata sandi baru' }).press('Enter');

  await expect(
    page.getByRole('heading', { name: `Selamat datang, ${WORKER.fullName}` }),
  ).toBeVisible();
  await expect(page.getByTestId('home-roles')).toContainText('Pekerja Sosial');
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Beranda' })).toBeVisible();
  await expect(nav.getByText('Admin')).toHaveCount(0);
  // A caseworker reads people, the shelter and complaints, works PPKS cases, writes letters, and
  // reads findings from the kelurahans and the PPKS rekap; nothing to administer, no DTSEN lists.
  await expect(nav.getByRole('link')).toHaveText([
    'Beranda',
    'Data Orang',
    'Rumah Singgah',
    'Pengaduan',
    'Kasus PPKS',
    'Surat',
    'Temuan PPKS',
    'Rekap PPKS',
  ]);
  await expect(page.getByText('Pengawasan sistem')).toHaveCount(0);
  await shot(page, '24-home-caseworker');
});

test('opening admin pages by address shows the no-access page, and the backend refuses too', async ({
  page,
}) => {
  await login(page, host, WORKER.username, WORKER.newPassword);
  await expect(
    page.getByRole('heading', { name: `Selamat datang, ${WORKER.fullName}` }),
  ).toBeVisible();

  // The route itself is refused: the page is not drawn, so it does not even ask the backend.
  const asked: string[] = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await page.goto(host.url + '/#/admin/users');
  await expect(page.getByTestId('access-denied')).toBeVisible();
  await expect(page.getByRole('heading', { name: NO_ACCESS })).toBeVisible();
  await expect(page.getByTestId('users-table')).toHaveCount(0);
  expect(asked).not.toContain('/rpc/users.list');
  await shot(page, '25-access-denied-users');
  await shotSizes(page, '25-access-denied-users');
  // The backend refuses the method on its own.
  const res = await page.request.post(`${host.url}/rpc/users.list`, {
    data: {},
    headers: { origin: host.url },
  });
  expect(res.status()).toBe(403);

  await page.goto(host.url + '/#/admin/audit');
  await expect(page.getByRole('heading', { name: NO_ACCESS })).toBeVisible();
  await page.goto(host.url + '/#/admin/office');
  await expect(page.getByRole('heading', { name: NO_ACCESS })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Simpan' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Kembali ke Beranda' }).click();
  await expect(
    page.getByRole('heading', { name: `Selamat datang, ${WORKER.fullName}` }),
  ).toBeVisible();

  // An unknown address gets a clear page too.
  await page.goto(host.url + '/#/tidak-ada');
  await expect(page.getByRole('heading', { name: 'Halaman tidak ditemukan' })).toBeVisible();
});

test('a viewer typing a form address gets the no-access page, and no "n for new"', async ({
  page,
  request,
}) => {
  await rpc(request, host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const { newPassword: _, ...account } = VIEWER;
  await rpc(request, host, 'users.create', { ...account, roles: ['viewer'] });
  await rpc(request, host, 'auth.login', { username: VIEWER.username, password: VIEWER.password });
  await rpc(request, host, 'auth.changePassword', {
    currentPassword: VIEWER.password,
    newPassword: VIEWER.newPassword,
  });
  await login(page, host, VIEWER.username, VIEWER.newPassword);
  await expect(
    page.getByRole('heading', { name: `Selamat datang, ${VIEWER.fullName}` }),
  ).toBeVisible();

  for (const form of ['complaints/new', 'shelter/checkin', 'persons/new']) {
    await page.goto(`${host.url}/#/${form}`);
    await expect(page.getByRole('heading', { name: NO_ACCESS })).toBeVisible();
    await expect(page.locator('#main form')).toHaveCount(0);
    await expect(page.locator('#main input')).toHaveCount(0);
    if (form === 'shelter/checkin') await shotSizes(page, '29-viewer-no-access');
  }
  await page.getByRole('link', { name: 'Kembali ke Beranda' }).click();
  await expect(
    page.getByRole('heading', { name: `Selamat datang, ${VIEWER.fullName}` }),
  ).toBeVisible();

  // The list offers neither the button nor the key: the hint leaves "n" out and "n" does nothing.
  await openNav(page, 'Pengaduan');
  await expect(page.getByRole('heading', { name: 'Pengaduan dan layanan data' })).toBeVisible();
  await expect(page.getByText(/Tombol: \/ cari/)).toBeVisible();
  await expect(page.getByText(/n pengaduan baru/)).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Catat pengaduan' })).toHaveCount(0);
  await page.locator('body').press('n');
  await expect(page).toHaveURL(/#\/complaints$/);
  await shotSizes(page, '30-viewer-complaints');
  await signOut(page);
});

test('home and the admin settings pages at both screen sizes', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await expect(
    page.getByRole('heading', { name: `Selamat datang, ${ADMIN.fullName}` }),
  ).toBeVisible();
  await expect(page.getByTestId('home-audit-status')).toBeVisible();
  await expect(page.getByTestId('home-shelter')).toBeVisible();
  await shotSizes(page, '31-home-admin');
  for (const [path, heading, name] of [
    ['/admin/office', 'Profil kantor', '32-admin-office'],
    ['/admin/holidays', 'Hari libur', '33-admin-holidays'],
    ['/admin/complaint-numbering', 'Penomoran & tenggat', '34-admin-numbering'],
    ['/admin/complaint-categories', 'Kategori pengaduan', '35-admin-categories'],
  ] as const) {
    await page.goto(`${host.url}/#${path}`);
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await expect(page.getByTestId('access-denied')).toHaveCount(0);
    await shotSizes(page, name);
  }
  await signOut(page);
});

test('sign out everywhere ends the session on another device', async ({ page, browser }) => {
  await login(page, host, WORKER.username, WORKER.newPassword);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await login(otherPage, host, WORKER.username, WORKER.newPassword);
  await expect(
    otherPage.getByRole('heading', { name: `Selamat datang, ${WORKER.fullName}` }),
  ).toBeVisible();

  await page.getByTestId('user-menu').click();
  await shot(page, '26-user-menu');
  await page.getByRole('menuitem', { name: 'Keluar dari semua perangkat' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk ke Pelita' })).toBeVisible();

  // The other device learns at its next call (UNAUTHENTICATED) and returns to the login screen.
  await otherPage.getByTestId('user-menu').click();
  await otherPage.getByRole('menuitem', { name: 'Ganti kata sandi' }).click();
  const dialog = otherPage.getByRole('dialog', { name: 'Ganti kata sandi' });
  await expect(dialog.getByRole('textbox', { name: 'Kata sandi saat ini' })).toBeFocused();
  await dialog.getByRole('textbox', { name: 'Kata sandi saat ini' }).fill(WORKER.newPassword);
  await dialog
    .getByRole('textbox', { name: 'Kata sandi baru', exact: true })
    .fill('PeksosKetiga2026');
  await dialog.getByRole('textbox', { name: 'Ulangi kata sandi baru' }).fill('PeksosKetiga2026');
  await shot(otherPage, '27-change-password-modal');
  await dialog.getByRole('button', { name: 'Ganti kata sandi' }).click();
  await expect(otherPage.getByRole('heading', { name: 'Masuk ke Pelita' })).toBeVisible();
  await expect(
    otherPage.getByText('Sesi Anda telah berakhir. Silakan masuk kembali.'),
  ).toBeVisible();
  await shot(otherPage, '28-session-ended');
  await other.close();
});
