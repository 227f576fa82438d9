/**
 * The form layer and the date fields (issue 7): dates are typed as DD/MM/YYYY or picked from an
 * Indonesian calendar that starts on Monday; a refused save marks the fields, moves the focus to
 * the first one and says how many to check; one short notification confirms a save.
 */
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, freshHost, login, openNav, setupViaApi, shot } from './host';

const host = freshHost();
test.describe.configure({ mode: 'serial' });

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

async function shots(page: Page, name: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await shot(page, `forms-${name}-${size.width}`);
  }
}

test.beforeAll(async ({ request }) => {
  await setupViaApi(request, host);
});

test('a holiday date is typed as DD/MM/YYYY or picked from an Indonesian calendar', async ({
  page,
}) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await openNav(page, 'Hari libur');
  await page.getByRole('button', { name: 'Tambah hari libur' }).click();
  const dialog = page.getByRole('dialog');
  const date = dialog.getByRole('textbox', { name: 'Tanggal' });
  await expect(date).toHaveAttribute('placeholder', 'HH/BB/TTTT');

  // The calendar speaks Indonesian and starts on Monday.
  await dialog.getByRole('button', { name: 'Buka kalender' }).click();
  const picker = page.getByTestId('date-picker');
  await expect(picker).toBeVisible();
  await expect(picker.locator('thead th').first()).toHaveText('Sn');
  await shots(page, 'holiday-picker');

  // A day that does not exist is marked at the field when the field is left.
  await date.fill('31/02/2027');
  await date.press('Tab');
  await expect(dialog.getByText('Tanggal tidak valid (ketik HH/BB/TTTT).')).toBeVisible();

  await date.fill('12/08/2027');
  await dialog.getByRole('textbox', { name: 'Keterangan' }).fill('Hari Kemerdekaan (uji)');
  await expect(date).toHaveValue('12/08/2027');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();
  await page
    .locator('label')
    .filter({ hasText: /^2027 \(/ })
    .click();
  await expect(page.getByTestId('holidays-table')).toContainText('Hari Kemerdekaan (uji)');
});
