/**
 * The form layer and the date fields (issue 7): dates are typed as DD/MM/YYYY or picked from an
 * Indonesian calendar that starts on Monday; a refused save marks the fields, moves the focus to
 * the first one and says how many to check; one short notification confirms a save.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ADMIN, freshHost, login, openNav, rpc, setupViaApi, shot } from './host';

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

/** The window as the user sees it, with the calendar of `field` open. */
async function pickerShots(page: Page, name: string, field: Locator) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await field.scrollIntoViewIfNeeded();
    await field.click();
    await expect(page.getByTestId('date-picker')).toBeVisible();
    await page.waitForTimeout(350);
    await page.screenshot({ path: `test-results/screens/forms-${name}-${size.width}.png` });
    await field.press('Escape');
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
  // One short confirmation under the header, clear of the page's buttons; gone after ~3 s.
  const toast = page.locator('.mantine-Notification-root');
  await expect(toast).toHaveCount(1);
  await expect(toast).toContainText('Tersimpan');
  // Measured once it has slid in.
  await expect.poll(async () => (await toast.boundingBox())?.y ?? 0).toBeGreaterThanOrEqual(64);
  const box = (await toast.boundingBox())!;
  const add = (await page.getByRole('button', { name: 'Tambah hari libur' }).boundingBox())!;
  expect(
    box.x + box.width <= add.x || box.y >= add.y + add.height || box.y + box.height <= add.y,
  ).toBe(true);
  await page.screenshot({ path: 'test-results/screens/forms-holiday-saved.png' });
  await expect(toast).toHaveCount(0, { timeout: 6000 });
  await page
    .locator('label')
    .filter({ hasText: /^2027 \(/ })
    .click();
  await expect(page.getByTestId('holidays-table')).toContainText('Hari Kemerdekaan (uji)');
});

type Api = Parameters<typeof rpc>[0];

/** A shelter with one room and two beds, a person and a complaint, made through the backend. */
async function seed(request: Api) {
  await rpc(request, host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const shelter = await rpc<{ id: string }>(request, host, 'shelters.save', {
    name: 'Rumah Singgah Uji',
    capacity: 4,
  });
  const withRoom = await rpc<{ rooms: { id: string }[] }>(request, host, 'shelters.saveRoom', {
    shelterId: shelter.id,
    name: 'Kamar 1',
    kind: 'men',
  });
  const roomId = withRoom.rooms[0]!.id;
  for (const label of ['A1', 'A2']) {
    await rpc(request, host, 'shelters.saveBed', { roomId, label });
  }
  const person = await rpc<{ id: string }>(request, host, 'persons.create', {
    fullName: 'Slamet Riyadi',
    sex: 'M',
    estimatedAge: 55,
    identityStatus: 'unknown',
  });
  const { categories } = await rpc<{ categories: { id: string; kind: string }[] }>(
    request,
    host,
    'complaints.categories',
    {},
  );
  const complaint = await rpc<{ id: string }>(request, host, 'complaints.create', {
    kind: 'complaint',
    categoryId: categories.find((c) => c.kind !== 'data_service')!.id,
    channel: 'phone',
    subject: 'Lansia tidur di emperan toko',
    description: 'Seorang kakek tidur di emperan toko Jl. A. Yani km 33.',
    reporterName: 'Hj. Rusmini',
  });
  return { person, complaint };
}

test('every form: an error state and the date pickers at 1366x768 and 1920x1080', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const { person, complaint } = await seed(request);
  await login(page, host, ADMIN.username, ADMIN.password);
  await expect(page.getByTestId('user-menu')).toBeVisible();
  const go = async (path: string) => {
    await page.goto(`${host.url}/#${path}`);
  };
  const dialog = page.getByRole('dialog');
  const save = (name = 'Simpan') => page.getByRole('button', { name, exact: true }).click();
  const saveDialog = (name = 'Simpan') => dialog.getByRole('button', { name, exact: true }).click();

  // Admin dialogs: submitted empty, every problem at its field, the banner counts them.
  await go('/admin/users');
  await page.getByRole('button', { name: 'Tambah pengguna' }).click();
  await saveDialog('Tambah pengguna');
  await expect(dialog.getByRole('alert')).toContainText(/Periksa \d isian yang ditandai/);
  await expect(dialog.getByRole('textbox', { name: 'Nama pengguna' })).toBeFocused();
  await shots(page, 'user-create-errors');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await go('/admin/shelters');
  await page.getByRole('button', { name: 'Tambah rumah singgah' }).click();
  await saveDialog();
  await expect(dialog.getByText('Wajib diisi.').first()).toBeVisible();
  await shots(page, 'shelter-errors');
  await page.keyboard.press('Escape');

  await go('/admin/complaint-categories');
  await page.getByRole('button', { name: 'Tambah kategori' }).click();
  await saveDialog();
  await expect(dialog.getByText('Wajib diisi.')).toBeVisible();
  await shots(page, 'category-errors');
  await page.keyboard.press('Escape');

  await go('/admin/holidays');
  await page.getByRole('button', { name: 'Tambah hari libur' }).click();
  await saveDialog();
  await expect(dialog.getByRole('alert')).toContainText('Periksa 2 isian yang ditandai');
  await expect(dialog.getByRole('textbox', { name: 'Tanggal' })).toBeFocused();
  await shots(page, 'holiday-errors');
  await page.keyboard.press('Escape');

  await go('/admin/office');
  await page.getByRole('textbox', { name: 'Nama kantor' }).fill('');
  await save();
  await expect(page.getByRole('alert')).toContainText('Periksa 1 isian yang ditandai');
  await shots(page, 'office-errors');

  await go('/admin/complaint-numbering');
  await page.getByRole('textbox', { name: /untuk pengaduan/ }).fill('');
  await save();
  await expect(page.getByRole('alert')).toContainText(/Periksa \d isian yang ditandai/);
  await shots(page, 'numbering-errors');

  // The user menu's password change.
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Ganti kata sandi' }).click();
  await dialog.getByRole('button', { name: 'Ganti kata sandi' }).click();
  await expect(dialog.getByRole('alert')).toContainText(/Periksa \d isian yang ditandai/);
  await shots(page, 'password-errors');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // A new person: the birth date is typed or picked, never after today.
  await go('/persons/new');
  await page.getByTestId('person-save').click();
  await expect(page.getByTestId('person-form').getByRole('alert')).toContainText(
    /Periksa \d isian yang ditandai/,
  );
  await expect(page.getByRole('textbox', { name: 'Nama lengkap' })).toBeFocused();
  await shots(page, 'person-errors');
  const birth = page.getByRole('textbox', { name: 'Tanggal lahir' });
  await pickerShots(page, 'person-birthdate-picker', birth);
  // Typed as office staff type it; a day after today is refused at the field.
  await birth.fill('31/12/2999');
  await birth.press('Tab');
  await expect(page.getByText(/Tanggal paling lambat/)).toBeVisible();
  await birth.fill('15/05/1980');
  await expect(page.getByText(/Tanggal paling lambat/)).toBeHidden();
  await page.keyboard.press('Escape');

  // Check-in: date and time typed in the office zone, or the day picked keeps the time.
  await go('/shelter/checkin');
  const at = page.getByRole('textbox', { name: 'Waktu masuk' });
  await at.fill('');
  await page.getByTestId('checkin-submit').click();
  await expect(page.getByTestId('person-error')).toBeVisible();
  await shots(page, 'checkin-errors');
  await at.click();
  await expect(page.getByTestId('date-picker')).toBeVisible();
  await page.getByTestId('date-picker').locator('button[data-today]').click();
  await expect(at).toHaveValue(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  await at.fill('05/03/2026 14:30');
  await expect(at).toHaveValue('05/03/2026 14:30');
  await pickerShots(page, 'checkin-time-picker', at);
  await page.keyboard.press('Escape');

  // A complaint: intake errors, and a follow-up action logged with its time.
  await go('/complaints/new');
  await page.getByTestId('complaint-save').click();
  await expect(page.getByRole('alert')).toContainText('Periksa 4 isian yang ditandai');
  await shots(page, 'complaint-intake-errors');
  await go(`/complaints/${complaint.id}`);
  await page.getByRole('button', { name: 'Catat tindak lanjut' }).click();
  await dialog.getByTestId('action-confirm').click();
  await expect(dialog.getByRole('alert')).toContainText('Periksa 1 isian yang ditandai');
  await shots(page, 'complaint-action-errors');
  await page.keyboard.press('Escape');

  // Filters: dates typed as DD/MM/YYYY in the lists (the dates sit under "Filter lain").
  await go('/complaints?more=1');
  await pickerShots(
    page,
    'complaints-filter-picker',
    page.getByRole('textbox', { name: 'Diterima dari' }),
  );
  await page.keyboard.press('Escape');
  await go('/complaints/figures');
  await shots(page, 'complaint-figures');
  await go('/shelter/history');
  await shots(page, 'stay-history');

  // Person merge: the reason is checked before the confirmation is asked.
  await go('/admin/merge');
  await shots(page, 'merge');
  expect(person.id).toBeTruthy();
});
