import { expect, test } from '@playwright/test';
import { ADMIN, freshHost, shot, signOut } from './host';

const host = freshHost();
test.describe.configure({ mode: 'serial' });

test('first run: the setup wizard creates the office and the first admin', async ({ page }) => {
  await page.goto(host.url + '/');
  await expect(page.getByRole('heading', { name: 'Pengaturan awal Pelita' })).toBeVisible();

  // Step 1: office profile with defaults filled in.
  const name = page.getByLabel('Nama kantor');
  await expect(name).toHaveValue('Dinas Sosial Kota Banjarbaru');
  await expect(name).toBeFocused();
  await expect(page.getByRole('combobox', { name: 'Zona waktu' })).toHaveValue(
    'WITA (Asia/Makassar)',
  );
  await expect(page.getByLabel(/Lama tinggal maksimal/)).toHaveValue('7');
  await expect(page.getByTestId('region-path')).toContainText('63.72');
  // Regions are public reference data: the picker searches them before anyone has an account,
  // by code or by name.
  const region = page.getByRole('textbox', { name: 'Kabupaten/kota' });
  await region.fill('63.71');
  await expect(
    page.getByRole('option').filter({ hasText: 'Kota Banjarmasin' }).first(),
  ).toBeVisible();
  await region.fill('banjarbaru');
  const city = page.getByRole('option').filter({ hasText: 'Kota Banjarbaru' }).first();
  await expect(city).toBeVisible();
  await shot(page, '00-setup-region-search');
  await city.click();
  await expect(page.getByTestId('region-path')).toContainText('Kota Banjarbaru');
  await page.getByLabel('Nama kepala dinas').fill('Dra. Siti Aminah, M.Si');
  await page.getByLabel('Jabatan kepala').fill('Kepala Dinas Sosial');
  await page.getByLabel('NIP kepala dinas').fill('197001011990032001');
  // An email the office schema refuses: checked before step 2, marked at the field, focused.
  await page.getByLabel('Email').fill('dinsos@');
  await shot(page, '01-setup-office');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByText('Alamat email tidak valid.')).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Periksa 1 isian yang ditandai');
  await expect(page.getByLabel('Email')).toBeFocused();
  await shot(page, '03-setup-office-error');
  await page.getByLabel('Email').fill('dinsos@banjarbarukota.go.id');
  await page.getByRole('button', { name: 'Lanjut' }).click();

  // Step 2: first admin. A weak password is refused at its field before anything is sent.
  await expect(page.getByText('Akun pertama dengan hak admin')).toBeVisible();
  await page.getByLabel('Nama pengguna').fill(ADMIN.username);
  await page.getByLabel('Nama lengkap').fill(ADMIN.fullName);
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill('pendek');
  await page.getByLabel('Ulangi kata sandi baru').fill('pendek');
  await page.getByLabel('Ulangi kata sandi baru').press('Enter');
  await expect(
    page.getByText(/Kata sandi minimal \d+ karakter|terlalu umum|huruf dan angka/).first(),
  ).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Kata sandi', exact: true })).toBeFocused();
  await shot(page, '02-setup-admin-weak');

  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(ADMIN.password);
  await page.getByLabel('Ulangi kata sandi baru').fill(ADMIN.password);
  await shot(page, '04-setup-admin');
  await page.getByRole('button', { name: 'Selesai dan masuk' }).click();

  // Signed in: the home screen with the admin's name and the office.
  await expect(
    page.getByRole('heading', { name: `Selamat datang, ${ADMIN.fullName}` }),
  ).toBeVisible();
  await expect(page.getByTestId('home-roles')).toContainText('Admin');
  await expect(page.getByText('Dra. Siti Aminah, M.Si')).toBeVisible();
  await expect(page.getByTestId('home-audit-status')).toContainText('Utuh');
  await expect(page.getByTestId('home-active-users')).toHaveText('1');
  await expect(page.getByTestId('recent-activity')).toContainText('Pengaturan awal');
  await shot(page, '05-home-admin');
});

test('a reload keeps the session and the page; sign out returns to the login screen', async ({
  page,
}) => {
  await page.goto(host.url + '/');
  // Same browser context? No: each test has its own context, so sign in first.
  await page.getByLabel('Nama pengguna').fill(ADMIN.username);
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.goto(host.url + '/#/admin/office');
  await expect(page.getByRole('heading', { name: 'Profil kantor' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Profil kantor' })).toBeVisible();
  await expect(page.getByLabel('Nama kantor')).toHaveValue('Dinas Sosial Kota Banjarbaru');
  await signOut(page);
  // A finished setup is not offered again.
  await page.goto(host.url + '/');
  await expect(page.getByRole('heading', { name: 'Masuk ke Pelita' })).toBeVisible();
});
