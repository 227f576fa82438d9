import { expect, test } from '@playwright/test';
import { ADMIN, freshHost, login, openNav, rpc, setupViaApi, shot, shotSizes } from './host';

const host = freshHost();
test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  await setupViaApi(request, host);
});

test('office profile: region picker by name and keyboard, save with version', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await openNav(page, 'Profil Kantor');
  await expect(page.getByRole('heading', { name: 'Profil kantor', level: 1 })).toBeVisible();
  const region = page.getByRole('textbox', { name: 'Kabupaten/kota' });
  await expect(region).toHaveValue('Kota Banjarbaru');
  await expect(page.getByTestId('region-path')).toHaveText(
    'Kota Banjarbaru, Kalimantan Selatan · Kabupaten/Kota · Kode 63.72',
  );
  await shot(page, '40-office');

  // Type part of a name: results show the path and level, only regencies/cities.
  await region.click();
  await region.fill('banjar');
  const options = page.getByRole('option');
  await expect(options.filter({ hasText: 'Kota Banjarmasin' })).toBeVisible();
  await expect(options.filter({ hasText: 'Kabupaten Banjar' }).first()).toContainText(
    'Kalimantan Selatan',
  );
  await expect(options.filter({ hasText: 'Kecamatan' })).toHaveCount(0);
  await shot(page, '41-region-picker');
  // Keyboard: move down to Kota Banjarmasin and pick it with Enter.
  const texts = await options.allInnerTexts();
  const target = texts.findIndex((t) => t.startsWith('Kota Banjarmasin\n'));
  expect(target).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < target; i++) await region.press('ArrowDown');
  await region.press('Enter');
  await expect(region).toHaveValue('Kota Banjarmasin');
  await expect(page.getByTestId('region-path')).toContainText('Kode 63.71');

  // The digits of a code work too.
  await region.fill('63.72');
  await expect(options.filter({ hasText: 'Kota Banjarbaru' })).toBeVisible();
  await options.filter({ hasText: 'Kota Banjarbaru' }).click();
  await expect(page.getByTestId('region-path')).toContainText('Kode 63.72');

  const stay = page.getByRole('textbox', { name: /Lama tinggal maksimal/ });
  await stay.fill('10');
  await page.getByRole('textbox', { name: 'Telepon' }).fill('0511 4772034');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Profil kantor disimpan.')).toBeVisible();
  await page.goto(host.url + '/#/');
  await expect(page.getByText('Lama tinggal maksimal: 10 hari')).toBeVisible();
  await expect(page.getByText('0511 4772034')).toBeVisible();
});

test('office profile: field errors from the contract check, and a stale save gets "Muat ulang"', async ({
  page,
  request,
}) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.goto(host.url + '/#/admin/office');
  const nip = page.getByRole('textbox', { name: 'NIP kepala dinas' });
  await nip.fill('1970');
  await page.getByRole('textbox', { name: 'Email' }).fill('bukan email');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('NIP harus 18 digit angka.')).toBeVisible();
  await expect(page.getByText('Alamat email tidak valid.')).toBeVisible();
  // The banner counts what to check; the caret is in the first marked field.
  await expect(page.getByRole('alert')).toContainText('Periksa 2 isian yang ditandai');
  await expect(page.getByRole('textbox', { name: 'Email' })).toBeFocused();
  await shot(page, '42-office-errors');
  await nip.fill('197001011990032001');
  await page.getByRole('textbox', { name: 'Email' }).fill('');

  // Someone else saves the office meanwhile.
  await rpc(request, host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const office = await rpc<Record<string, unknown> & { version: number }>(
    request,
    host,
    'office.get',
  );
  await rpc(request, host, 'office.update', {
    name: office.name,
    regionCode: office.regionCode,
    address: office.address,
    phone: office.phone,
    email: office.email,
    headName: 'Drs. H. Muhammad Rizal',
    headNip: office.headNip,
    headPosition: office.headPosition,
    timeZone: office.timeZone,
    maxStayDays: 14,
    version: office.version,
  });

  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Data ini sudah diubah orang lain')).toBeVisible();
  await shot(page, '43-office-conflict');
  await page.getByRole('button', { name: 'Muat ulang' }).click();
  await expect(page.getByRole('textbox', { name: 'Nama kepala dinas' })).toHaveValue(
    'Drs. H. Muhammad Rizal',
  );
  await expect(page.getByRole('textbox', { name: /Lama tinggal maksimal/ })).toHaveValue('14');
  await page.getByRole('textbox', { name: 'NIP kepala dinas' }).fill('197001011990032001');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Profil kantor disimpan.')).toBeVisible();
});

test('office profile: kelurahan mode names a kelurahan of the city', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await openNav(page, 'Profil Kantor');
  const kelurahan = page.getByRole('textbox', { name: /Mode kelurahan/ });
  await expect(kelurahan).toHaveValue('');
  await kelurahan.click();
  await kelurahan.fill('komet');
  const option = page.getByRole('option').filter({ hasText: 'Komet' }).first();
  await expect(option).toBeVisible();
  await option.click();
  await expect(kelurahan).toHaveValue('Komet');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Profil kantor disimpan.')).toBeVisible();
  await shotSizes(page, '44-office-kelurahan-mode', kelurahan);
  await page.reload();
  await expect(page.getByRole('textbox', { name: /Mode kelurahan/ })).toHaveValue('Komet');
});
