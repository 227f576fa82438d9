import { expect, test } from '@playwright/test';
import { ADMIN, freshHost, login, openNav, rpc, setupViaApi, shot, signOut } from './host';
import { shotSizes } from './host';

const host = freshHost();
test.describe.configure({ mode: 'serial' });

const CLERK = { username: 'siti.rahma', fullName: 'Siti Rahmawati', password: 'RumahSinggah77' };

test.beforeAll(async ({ request }) => {
  await setupViaApi(request, host);
  await rpc(request, host, 'users.create', {
    username: CLERK.username,
    fullName: CLERK.fullName,
    password: CLERK.password,
    roles: ['shelter_staff'],
  });
});

test('sign in: a wrong password is refused with a clear message, the right one gets in', async ({
  page,
}) => {
  await page.goto(host.url + '/');
  await expect(page.getByRole('heading', { name: 'Masuk ke Pelita' })).toBeVisible();
  await expect(page.getByText('Dinas Sosial Kota Banjarbaru')).toBeVisible();
  await shot(page, '10-login');

  await login(page, host, ADMIN.username, 'salah-sekali-123');
  await expect(page.getByTestId('login-error')).toContainText(
    'Nama pengguna atau kata sandi salah.',
  );
  await expect(page.getByRole('textbox', { name: 'Kata sandi' })).toHaveValue('');
  await shot(page, '11-login-wrong-password');

  // Enter submits the form.
  await page.getByRole('textbox', { name: 'Kata sandi' }).fill(ADMIN.password);
  await page.getByRole('textbox', { name: 'Kata sandi' }).press('Enter');
  await expect(
    page.getByRole('heading', { name: `Selamat datang, ${ADMIN.fullName}` }),
  ).toBeVisible();
});

test('five wrong passwords hold the name; the sixth attempt is refused even with the right password', async ({
  page,
}) => {
  await page.goto(host.url + '/');
  const error = page.getByTestId('login-error');
  for (let i = 1; i <= 4; i++) {
    await login(page, host, CLERK.username, `keliru-${i}-xyz`);
    await expect(error).toContainText('Nama pengguna atau kata sandi salah.');
  }
  await login(page, host, CLERK.username, 'keliru-5-xyz');
  await expect(error).toContainText('Terlalu banyak percobaan masuk yang gagal');
  await login(page, host, CLERK.username, CLERK.password);
  await expect(error).toContainText('Terlalu banyak percobaan masuk yang gagal');
  await expect(error).toContainText(/Coba lagi dalam \d+ menit \(pukul \d{2}\.\d{2} WITA\)/);
  await expect(page.getByRole('heading', { name: 'Masuk ke Pelita' })).toBeVisible();
  await shot(page, '12-login-locked');
  await shotSizes(page, '12-login-locked');

  // The same message in English formats the time the English way.
  await page.getByTestId('language-switch').getByText('EN').click();
  await login(page, host, CLERK.username, CLERK.password);
  await expect(error).toContainText(/Try again in \d+ min \(at \d{2}:\d{2} WITA\)/);
  await page.getByTestId('language-switch').getByText('ID').click();
});

test('the admin sees the lock, resets the password, and the user must choose a new one', async ({
  page,
}) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await openNav(page, 'Pengguna');
  const row = page.getByTestId(`user-row-${CLERK.username}`);
  await expect(row).toContainText(/Terkunci sampai \d+ \w+ \d{4} \d{2}\.\d{2} WITA/);
  await shot(page, '13-users-locked');

  await row.getByRole('button', { name: `Tindakan untuk ${CLERK.username}` }).click();
  await page.getByRole('menuitem', { name: 'Atur ulang kata sandi' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('textbox', { name: 'Kata sandi baru', exact: true })).toBeFocused();
  await dialog
    .getByRole('textbox', { name: 'Kata sandi baru', exact: true })
    .fill('SementaraBaru2026');
  await dialog.getByRole('textbox', { name: 'Ulangi kata sandi baru' }).fill('SementaraBaru2026');
  await shot(page, '14-users-reset-password');
  await dialog.getByRole('button', { name: 'Atur ulang kata sandi' }).click();
  await expect(page.getByText(`Kata sandi ${CLERK.username} diatur ulang.`)).toBeVisible();
  await expect(row).not.toContainText('Terkunci');

  // Sign out and in as the user: forced change of password before anything else.
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Keluar', exact: true }).click();
  await login(page, host, CLERK.username, 'SementaraBaru2026');
  await expect(page.getByRole('heading', { name: 'Buat kata sandi baru' })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Kata sandi saat ini' }).fill('SementaraBaru2026');
  await page
    .getByRole('textbox', { name: 'Kata sandi baru', exact: true })
    .fill('SementaraBaru2026');
  await page.getByRole('textbox', { name: 'Ulangi kata sandi baru' }).fill('SementaraBaru2026');
  await page.getByRole('button', { name: 'Ganti kata sandi' }).click();
  await expect(page.getByText('Kata sandi baru harus berbeda dari yang lama.')).toBeVisible();
  await shot(page, '15-forced-password-change');
  await page.getByRole('textbox', { name: 'Kata sandi baru', exact: true }).fill('SinggahAman2026');
  await page.getByRole('textbox', { name: 'Ulangi kata sandi baru' }).fill('SinggahAman2026');
  await page.getByRole('button', { name: 'Ganti kata sandi' }).click();
  await expect(
    page.getByRole('heading', { name: `Selamat datang, ${CLERK.fullName}` }),
  ).toBeVisible();
  await expect(page.getByTestId('home-roles')).toContainText('Petugas Rumah Singgah');
});

test('the admin disables an account; it can no longer sign in', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await openNav(page, 'Pengguna');
  const row = page.getByTestId(`user-row-${CLERK.username}`);
  await row.getByRole('button', { name: `Tindakan untuk ${CLERK.username}` }).click();
  await page.getByRole('menuitem', { name: 'Nonaktifkan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nonaktifkan' });
  await expect(dialog).toContainText(`Nonaktifkan akun ${CLERK.username}?`);
  await shot(page, '16-user-disable-confirm');
  await dialog.getByRole('button', { name: 'Nonaktifkan' }).click();
  await expect(page.getByText(`Akun ${CLERK.username} dinonaktifkan.`)).toBeVisible();
  await expect(row).toContainText('Nonaktif');
  // The admin cannot disable their own account (the menu item is off; the backend refuses too).
  const self = page.getByTestId(`user-row-${ADMIN.username}`);
  await self.getByRole('button', { name: `Tindakan untuk ${ADMIN.username}` }).click();
  await expect(page.getByRole('menuitem', { name: 'Nonaktifkan' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await signOut(page);

  await login(page, host, CLERK.username, 'SinggahAman2026');
  await expect(page.getByTestId('login-error')).toContainText(
    'Akun ini dinonaktifkan. Hubungi admin.',
  );
  await shot(page, '17-login-disabled');
});
