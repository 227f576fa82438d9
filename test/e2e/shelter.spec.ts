/**
 * Person registry and rumah singgah (issue 3), end to end: an admin sets up a shelter; staff find
 * a person by a misspelled name, meet the duplicate warning, check a new person without NIK into
 * a bed, log services, check them out as repatriated to Kab. Banjar and see the figures change;
 * two PCs pick the same bed and the second gets a clear conflict.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { PersonExport } from '../../shared/contract/persons';
import type { Output } from '../../shared/contract';
import {
  ADMIN,
  freshHost,
  login,
  openNav,
  rpc,
  setupViaApi,
  shot as hostShot,
  shotSizes,
} from './host';

const host = freshHost();
test.describe.configure({ mode: 'serial' });

const STAFF = {
  username: 'sari.singgah',
  fullName: 'Sari Wulandari',
  password: 'SinggahAwal2026',
};

const SHELTER = 'Rumah Singgah Dinsos Banjarbaru';
/** Achmad Fauzie: NIK issued in Banjarbaru, born 15 May 1980, male. */
const ACHMAD_NIK = '6372041505800003';

/**
 * A screenshot without the notifications of earlier steps covering the screen. `dialog`: only
 * the window (a full-page picture cuts a modal's backdrop off at the window's height).
 */
async function shot(page: Page, name: string, opts: { dialog?: boolean } = {}) {
  // Closing one lets a queued one in, so close until none is left.
  const toasts = page.locator('.mantine-Notification-root');
  for (let i = 0; i < 30 && (await toasts.count()) > 0; i++) {
    await toasts
      .first()
      .locator('button')
      .click()
      .catch(() => undefined);
    await page.waitForTimeout(120);
  }
  await expect(toasts).toHaveCount(0);
  if (!opts.dialog) return hostShot(page, name);
  await page.waitForTimeout(350);
  await page.screenshot({ path: `test-results/screens/${name}.png` });
}

/** Type into a region picker and choose the region with this code. */
async function pickRegion(scope: Page | Locator, label: string, query: string, code: string) {
  const input = scope.getByRole('textbox', { name: label });
  await input.fill(query);
  const page = 'page' in scope ? scope.page() : scope;
  await page.getByRole('option').filter({ hasText: code }).first().click();
  await expect(input).not.toHaveValue(query.slice(0, 2) === '63' ? query : '');
}

/** Open a Mantine select by its label and choose an option. */
async function choose(scope: Page | Locator, label: string, option: string | RegExp) {
  await scope.getByRole('combobox', { name: label }).click();
  const page = 'page' in scope ? scope.page() : scope;
  await page.getByRole('option', { name: option }).click();
}

/** A 1200×1600 PNG drawn in the page: a plain portrait silhouette, larger than the 800 px limit. */
async function portrait(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 1200;
    c.height = 1600;
    const g = c.getContext('2d')!;
    const bg = g.createLinearGradient(0, 0, 0, 1600);
    bg.addColorStop(0, '#dfe8f3');
    bg.addColorStop(1, '#b8c9de');
    g.fillStyle = bg;
    g.fillRect(0, 0, 1200, 1600);
    g.fillStyle = '#5b6b80';
    g.beginPath();
    g.arc(600, 640, 260, 0, Math.PI * 2);
    g.fill();
    g.beginPath();
    g.ellipse(600, 1600, 520, 560, 0, Math.PI, 0);
    g.fill();
    return c.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

test.beforeAll(async ({ request }) => {
  await setupViaApi(request, host);
  await rpc(request, host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await rpc(request, host, 'users.create', {
    username: STAFF.username,
    fullName: STAFF.fullName,
    roles: ['shelter_staff'],
    password: STAFF.password,
  });
});

test('the admin sets up a shelter with rooms and beds', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await openNav(page, 'Rumah Singgah');
  await expect(page.getByText('Belum ada rumah singgah.')).toBeVisible();
  await shot(page, 'shelter-00-empty');

  await openNav(page, 'Atur Rumah Singgah');
  await expect(page.getByRole('heading', { name: 'Pengaturan rumah singgah' })).toBeVisible();
  await page.getByRole('button', { name: 'Tambah rumah singgah' }).click();
  let dialog = page.getByRole('dialog', { name: 'Tambah rumah singgah' });
  await expect(dialog.getByRole('textbox', { name: 'Nama rumah singgah' })).toBeFocused();
  // Capacity left empty is refused at the field.
  await dialog.getByRole('textbox', { name: 'Nama rumah singgah' }).fill(SHELTER);
  await dialog.getByRole('textbox', { name: 'Alamat' }).fill('Jl. Trikora No. 12, Banjarbaru');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog.getByText('Wajib diisi.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Kapasitas' }).fill('6');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();

  const card = page.getByTestId('admin-shelter').filter({ hasText: SHELTER });
  const rooms: [string, string[], string][] = [
    ['Ruang Laki-laki', ['A1', 'A2', 'A3'], 'Laki-laki'],
    ['Ruang Perempuan', ['B1', 'B2'], 'Perempuan'],
  ];
  for (const [room, beds, kind] of rooms) {
    await card.getByRole('button', { name: 'Tambah kamar' }).click();
    dialog = page.getByRole('dialog', { name: 'Tambah kamar' });
    // Who the room is for: the check-in warns when a person does not fit it.
    await dialog.getByTestId('room-kind').getByText(kind, { exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Nama kamar' }).fill(room);
    if (kind === 'Perempuan') {
      // An upside-down age range is refused next to the field.
      await dialog.getByRole('textbox', { name: 'Umur minimal' }).fill('60');
      await dialog.getByRole('textbox', { name: 'Umur maksimal' }).fill('18');
      await dialog.getByRole('button', { name: 'Simpan' }).click();
      await expect(
        dialog.getByText('Umur minimal tidak boleh lebih besar dari umur maksimal.'),
      ).toBeVisible();
      await shot(page, 'shelter-01-admin-room', { dialog: true });
      await shotSizes(page, 'shelter-01-admin-room');
      await dialog.getByRole('textbox', { name: 'Umur minimal' }).fill('');
      await dialog.getByRole('textbox', { name: 'Umur maksimal' }).fill('');
    }
    await dialog.getByRole('textbox', { name: 'Nama kamar' }).press('Enter');
    await expect(dialog).toBeHidden();
    const roomCard = card.getByTestId('admin-room').filter({ hasText: room });
    for (const bed of beds) {
      await roomCard.getByRole('button', { name: 'Tambah tempat tidur' }).click();
      dialog = page.getByRole('dialog', { name: 'Tambah tempat tidur' });
      await dialog.getByRole('textbox', { name: 'Label tempat tidur' }).fill(bed);
      await dialog.getByRole('button', { name: 'Simpan' }).click();
      await expect(dialog).toBeHidden();
    }
    await expect(roomCard.getByTestId('admin-bed')).toHaveCount(beds.length);
    await expect(roomCard.getByTestId('room-kind')).toHaveText(kind);
  }
  // A bed label used twice in one room is refused next to the field.
  await card
    .getByTestId('admin-room')
    .filter({ hasText: 'Ruang Perempuan' })
    .getByRole('button', { name: 'Tambah tempat tidur' })
    .click();
  dialog = page.getByRole('dialog', { name: 'Tambah tempat tidur' });
  await dialog.getByRole('textbox', { name: 'Label tempat tidur' }).fill('B1');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog.getByText('Label tempat tidur "B1" sudah ada di ruang ini.')).toBeVisible();
  await shot(page, 'shelter-01-admin-bed-taken', { dialog: true });
  await dialog.getByRole('button', { name: 'Batal' }).click();
  await expect(card).toContainText('5 tempat tidur');
  await shot(page, 'shelter-02-admin');
  await shotSizes(page, 'shelter-02-admin');

  await openNav(page, 'Rumah Singgah');
  await expect(page.getByTestId('roster-summary')).toHaveText(
    '0 dari 5 tempat tidur terisi · 0 lewat batas 7 hari',
  );
  await expect(page.getByTestId('bed-card')).toHaveCount(5);
  await expect(page.getByTestId('stat-served-value')).toHaveText('0');
  await shot(page, 'shelter-03-board-empty');
});

test('staff add a person with a NIK and find them again by a misspelled name', async ({ page }) => {
  await login(page, host, STAFF.username, STAFF.password);
  // An admin-created account changes its password first.
  await page.getByRole('textbox', { name: 'Kata sandi saat ini' }).fill(STAFF.password);
  await page
    .getByRole('textbox', { name: 'Kata sandi baru', exact: true })
    .fill(STAFF.password + 'x');
  await page.getByRole('textbox', { name: 'Ulangi kata sandi baru' }).fill(STAFF.password + 'x');
  await page.getByRole('textbox', { name: 'Ulangi kata sandi baru' }).press('Enter');
  STAFF.password += 'x';
  await expect(
    page.getByRole('heading', { name: `Selamat datang, ${STAFF.fullName}` }),
  ).toBeVisible();

  await openNav(page, 'Data Orang');
  await expect(page.getByTestId('person-search')).toBeFocused();
  // Nobody recorded yet: the empty list says so and offers to add the first person.
  await expect(page.getByTestId('list-empty')).toContainText('Belum ada data orang');
  await shotSizes(page, 'persons-00-list-empty');
  await page.getByTestId('list-empty').getByRole('link', { name: 'Tambah orang' }).click();
  await expect(page.getByRole('heading', { name: 'Orang baru' })).toBeVisible();

  const form = page.getByTestId('person-form');
  await form.getByRole('textbox', { name: 'Nama lengkap' }).fill('Achmad Fauzie');
  // The NIK is read as it is typed: too short, then birth date and sex from its digits.
  const nik = form.getByTestId('nik-input');
  await nik.fill('6372 0415');
  await expect(form.getByText('8/16 digit')).toBeVisible();
  await nik.fill('6372 0415 0580 0003');
  await expect(form.getByTestId('nik-derived')).toContainText('lahir 15 Mei 1980');
  await expect(form.getByTestId('nik-derived')).toContainText('Laki-laki');
  await expect(form.getByTestId('nik-derived')).toContainText('diterbitkan di Banjarbaru Utara');
  await form.getByRole('button', { name: 'Pakai tanggal lahir dan jenis kelamin ini' }).click();
  await expect(form.getByRole('textbox', { name: 'Tanggal lahir' })).toHaveValue('15/05/1980');
  await expect(form.getByRole('radio', { name: 'Laki-laki' })).toBeChecked();
  await choose(form, 'Status identitas', 'Terverifikasi dari KTP/KK');
  await form.getByRole('textbox', { name: 'Bukti identitas' }).fill('KTP asli dilihat petugas.');
  await form.getByRole('textbox', { name: 'Tempat lahir' }).fill('Martapura');
  await form.getByRole('textbox', { name: 'Nama ibu kandung' }).fill('Siti Aminah');
  await pickRegion(form, 'Daerah asal', 'Banjarbaru', '63.72');
  await form.getByRole('textbox', { name: 'Alamat' }).fill('Jl. Mistar Cokrokusumo Gg. Damai');
  await form.getByRole('textbox', { name: 'RT' }).fill('4');
  await form.getByRole('textbox', { name: 'RW' }).fill('2');
  await shot(page, 'persons-01-new-form');
  await form.getByTestId('person-save').click();

  await expect(page.getByRole('heading', { name: 'Achmad Fauzie' })).toBeVisible();
  await expect(page.getByTestId('field-nik')).toContainText('637204 150580 0003');
  await expect(page.getByTestId('field-origin')).toContainText('Kota Banjarbaru');
  // Address without a village is only partly complete: the page says what to fill in.
  await expect(page.getByTestId('quality-address')).toContainText('Alamat: sebagian/perkiraan');

  // A photo is shrunk in the browser, then uploaded through the file port (streamed, not JSON).
  const uploaded = page.waitForResponse((r) => r.url().includes('/files/upload'));
  await page.locator('input[type="file"]').setInputFiles({
    name: 'foto.png',
    mimeType: 'image/png',
    buffer: await portrait(page),
  });
  expect((await uploaded).status()).toBe(200);
  await expect(page.getByText('Foto disimpan.')).toBeVisible();
  // Shown from the audited download, as a blob the page made.
  await expect(page.getByTestId('person-photo')).toHaveAttribute('src', /^blob:/);
  await shot(page, 'persons-02-page');
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await shot(page, `persons-02-page-${width}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  // A copy can be saved: the browser downloads the resized JPEG under its name.
  const download = page.waitForEvent('download');
  await page.getByTestId('photo-save').click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('foto.jpg');
  const bytes = readFileSync((await saved.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);

  // Search with the modern spelling and without the final e: the old spelling is found.
  await openNav(page, 'Data Orang');
  const search = page.getByTestId('person-search');
  await search.fill('ahmad fauzi');
  const first = page.getByTestId('person-result').first();
  await expect(first).toContainText('Achmad Fauzie');
  await expect(first).toContainText('637204 150580 0003');
  await expect(first).toContainText('Kota Banjarbaru');
  await expect(first).toContainText('Belum pernah tinggal');
  await shot(page, 'persons-03-search-misspelled');
  await shotSizes(page, 'persons-03-list-search');
  await search.press('Enter');
  await expect(page.getByRole('heading', { name: 'Achmad Fauzie' })).toBeVisible();
});

test('a similar person warns before saving; the same NIK is refused with a link', async ({
  page,
}) => {
  await login(page, host, STAFF.username, STAFF.password);
  await page.goto(host.url + '/#/persons/new');
  const form = page.getByTestId('person-form');
  await form.getByRole('textbox', { name: 'Nama lengkap' }).fill('Ahmad Fauzi');
  await form.getByTestId('birth-mode').getByText('Perkiraan umur').click();
  await form.getByRole('textbox', { name: 'Perkiraan umur (tahun)' }).fill('46');
  await choose(form, 'Status identitas', 'Pengakuan yang bersangkutan');
  await pickRegion(form, 'Daerah asal', 'Banjarbaru', '63.72');
  await form.getByTestId('person-save').click();

  const warning = page.getByTestId('duplicates-alert');
  await expect(warning).toHaveAttribute('data-kind', 'similar');
  await expect(warning).toContainText('Achmad Fauzie');
  await expect(warning).toContainText('Ejaan lain: Ahmad ≈ Achmad');
  await expect(warning).toContainText('Daerah asal sama');
  await expect(form.getByTestId('person-save')).toBeDisabled();
  await shot(page, 'persons-04-duplicate-warning');

  // The same NIK: refused, with the way to the existing record.
  await form.getByTestId('nik-input').fill(ACHMAD_NIK);
  await form.getByTestId('person-save').click();
  await expect(warning).toHaveAttribute('data-kind', 'same-nik');
  await expect(warning).toContainText('NIK sama');
  await expect(warning.getByTestId('save-anyway')).toHaveCount(0);
  await shot(page, 'persons-05-duplicate-nik');

  // Without the NIK, the user decides it is someone else and saves anyway.
  await form.getByTestId('nik-input').fill('');
  await form.getByTestId('person-save').click();
  await warning.getByTestId('save-anyway').click();
  await expect(page.getByRole('heading', { name: 'Ahmad Fauzi', exact: true })).toBeVisible();
  await expect(page.getByTestId('field-birth')).toContainText('perkiraan');
  await expect(page.getByTestId('quality-nik')).toContainText('NIK: tidak diketahui');
});

test('a new person without NIK is checked in to a bed, served, and repatriated to Kab. Banjar', async ({
  page,
}) => {
  await login(page, host, STAFF.username, STAFF.password);
  await openNav(page, 'Rumah Singgah');
  await expect(page.getByTestId('stat-served-value')).toHaveText('0');
  await page.getByRole('link', { name: 'Check-in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Check-in rumah singgah' })).toBeVisible();

  // Nobody by that name yet: add the person from the check-in screen.
  const search = page.getByTestId('person-search');
  await expect(search).toBeFocused();
  await search.fill('Slamet Riyadi');
  await expect(page.getByTestId('person-search-empty')).toBeVisible();
  await page.getByTestId('checkin-new-person').click();
  const modal = page.getByRole('dialog', { name: 'Orang baru' });
  const form = modal.getByTestId('person-form');
  await expect(form.getByRole('textbox', { name: 'Nama lengkap' })).toHaveValue('Slamet Riyadi');
  await form.getByTestId('aliases-input').fill('Pak Met');
  await form.getByTestId('aliases-input').press('Enter');
  await form.getByRole('radio', { name: 'Laki-laki' }).check();
  await form.getByTestId('birth-mode').getByText('Perkiraan umur').click();
  await form.getByRole('textbox', { name: 'Perkiraan umur (tahun)' }).fill('55');
  await choose(form, 'Status identitas', 'Pengakuan yang bersangkutan');
  await form
    .getByRole('textbox', { name: 'Bukti identitas' })
    .fill('Mengaku dari Martapura; KTP hilang.');
  await pickRegion(form, 'Daerah asal', 'Kabupaten Banjar', '63.03');
  await expect(form.getByTestId('nik-missing')).toBeVisible();
  await shot(page, 'persons-06-new-inline-checkin', { dialog: true });
  await form.getByTestId('person-save').click();
  await expect(modal).toBeHidden();

  const chosen = page.getByTestId('checkin-person');
  await expect(chosen).toContainText('Slamet Riyadi');
  await expect(chosen).toContainText('tanpa NIK');
  await expect(chosen).toContainText('perkiraan');
  await expect(chosen).toContainText('Kabupaten Banjar');
  await expect(chosen).toContainText('Pengakuan yang bersangkutan');

  // Nothing chosen yet for PPKS or referral: refused next to the fields.
  await page.locator('[data-bed="A2"]').click();
  await page.getByTestId('checkin-submit').click();
  await expect(page.getByText('Pilih minimal satu kategori PPKS.')).toBeVisible();
  await expect(page.getByText('Wajib diisi.')).toBeVisible();
  await shot(page, 'shelter-04-checkin-errors');

  await choose(page, 'Dirujuk oleh', 'Satpol PP');
  await page
    .getByRole('textbox', { name: 'Rincian perujuk' })
    .fill('Razia malam, Pos Satpol PP Banjarbaru');
  const ppks = page.getByRole('combobox', { name: 'Kategori PPKS' });
  await ppks.click();
  await ppks.fill('gelandangan');
  await page.getByRole('option', { name: '11 · Gelandangan' }).click();
  await ppks.fill('pengemis');
  await page.getByRole('option', { name: '12 · Pengemis' }).click();
  await page.keyboard.press('Escape');
  await page
    .getByRole('textbox', { name: 'Kondisi saat diterima' })
    .fill('Lemah, belum makan sejak pagi.');
  await page.getByRole('textbox', { name: 'Catatan kesehatan' }).fill('Luka ringan di kaki kiri.');
  await page.getByRole('textbox', { name: 'Barang bawaan' }).fill('Tas ransel, 2 kaos, sandal.');
  await shot(page, 'shelter-05-checkin');
  await page.getByTestId('checkin-submit').click();

  await expect(page.getByRole('heading', { name: 'Slamet Riyadi' })).toBeVisible();
  await expect(page.getByTestId('stay-status')).toHaveText('Sedang tinggal');
  await expect(page.getByTestId('stay-days')).toHaveText('0 hari');
  const stayUrl = page.url();

  // During the stay: a meal and a health check.
  for (const [kind, note] of [
    ['Makan', 'Makan siang habis.'],
    ['Pemeriksaan kesehatan', 'Tensi 130/85; luka dibersihkan oleh perawat Puskesmas.'],
  ]) {
    await choose(page.getByTestId('event-form'), 'Jenis', kind!);
    await page.getByTestId('event-note').fill(note!);
    await page.getByTestId('event-submit').click();
    await expect(page.getByTestId('event-item').filter({ hasText: note! })).toBeVisible();
  }
  await expect(page.getByTestId('event-item')).toHaveCount(2);
  await expect(page.getByTestId('event-item').first()).toContainText('Pemeriksaan kesehatan');
  await expect(page.getByTestId('event-item').first()).toContainText(`oleh ${STAFF.fullName}`);
  await shot(page, 'shelter-06-stay');
  await shotSizes(page, 'shelter-06-stay');

  // The board shows him in bed A2; the figures count him.
  await openNav(page, 'Rumah Singgah');
  const bed = page.locator('[data-testid="bed-card"][data-bed="A2"]');
  await expect(bed).toContainText('Slamet Riyadi');
  await expect(bed).toContainText('masuk hari ini');
  await expect(bed).toContainText('Gelandangan');
  await expect(page.getByTestId('stat-served-value')).toHaveText('1');
  await expect(page.getByTestId('stat-still-value')).toHaveText('1');
  await expect(page.getByTestId('stat-unverified-value')).toHaveText('1');

  // Check-out. A referral needs a destination region; a repatriation suggests the origin.
  await page.goto(stayUrl);
  const out = page.getByTestId('checkout-form');
  await choose(out, 'Jenis keluar', 'Dirujuk ke panti/lembaga');
  await out.getByTestId('checkout-submit').click();
  await expect(out.getByText('Isi daerah tujuan untuk jenis keluar ini.')).toBeVisible();
  await choose(out, 'Jenis keluar', 'Dipulangkan ke daerah asal');
  await expect(out.getByRole('textbox', { name: 'Daerah tujuan' })).toHaveValue('Kabupaten Banjar');
  await expect(out.getByTestId('region-path')).toContainText('63.03');
  await out
    .getByRole('textbox', { name: 'Rincian tujuan' })
    .fill('Diserahkan ke Dinas Sosial Kab. Banjar, Martapura');
  await out.getByRole('textbox', { name: 'Pendamping' }).fill('Sari Wulandari, Budi (sopir)');
  await expect(out.getByTestId('checkout-preview')).toHaveText('Lama tinggal menjadi 0 hari.');
  await shot(page, 'shelter-07-checkout');
  await out.getByTestId('checkout-submit').click();
  await expect(
    page.getByText(/Slamet Riyadi keluar setelah 0 hari: Dipulangkan ke daerah asal/),
  ).toBeVisible();
  await expect(page.getByTestId('stay-status')).toHaveText('Sudah keluar');
  await expect(page.getByTestId('stay-exit')).toContainText('Kabupaten Banjar');
  await expect(page.getByTestId('checkout-form')).toHaveCount(0);
  await shot(page, 'shelter-08-stay-checked-out');
  await shotSizes(page, 'shelter-08-stay-checked-out');

  // The figures change: one served, from elsewhere (Kab. Banjar), one repatriation.
  await openNav(page, 'Rumah Singgah');
  await expect(page.locator('[data-testid="bed-card"][data-bed="A2"]')).toContainText('Kosong');
  await expect(page.getByTestId('stat-served-value')).toHaveText('1');
  await expect(page.getByTestId('stat-still-value')).toHaveText('0');
  await expect(page.getByTestId('stat-own-value')).toHaveText('0%');
  await expect(page.getByTestId('stat-elsewhere-value')).toHaveText('100%');
  await expect(page.getByTestId('stats-origin')).toContainText('Kabupaten Banjar');
  await expect(page.getByTestId('stats-exits')).toContainText('Dipulangkan ke daerah asal');
  await expect(page.getByTestId('stat-avg-value')).toHaveText('0 hari');
  await shot(page, 'shelter-09-board-stats');
  await shotSizes(page, 'shelter-09-board-stats');

  // The person's page lists the stay.
  await openNav(page, 'Data Orang');
  await page.getByTestId('person-search').fill('slamet');
  await page.getByTestId('person-search').press('Enter');
  await expect(page.getByTestId('person-stays')).toContainText('Dipulangkan ke daerah asal');
  await expect(page.getByTestId('quality-nik')).toContainText('NIK: tidak diketahui');
  await expect(page.getByTestId('person-checkin')).toBeVisible();
  // Exports are for admins only.
  await expect(page.getByTestId('person-export')).toHaveCount(0);
  await shot(page, 'persons-07-page-with-stay');
});

/** Fill the check-in form for a person found by `query`, with bed `bed`. */
async function fillCheckin(page: Page, query: string, name: string, bed: string) {
  await page.goto(host.url + '/#/shelter/checkin');
  await page.getByTestId('person-search').fill(query);
  await page.getByTestId('person-result').filter({ hasText: name }).first().click();
  await expect(page.getByTestId('checkin-person')).toContainText(name);
  await choose(page, 'Dirujuk oleh', 'Warga masyarakat');
  const ppks = page.getByRole('combobox', { name: 'Kategori PPKS' });
  await ppks.click();
  await ppks.fill('terlantar');
  await page.getByRole('option', { name: '08 · Lanjut Usia Terlantar' }).click();
  await page.keyboard.press('Escape');
  await page.locator(`[data-testid="bed-choice"][data-bed="${bed}"]`).click();
}

test('the people list shows everyone, sorts by name and keeps it in the address', async ({
  page,
}) => {
  await login(page, host, STAFF.username, STAFF.password);
  await openNav(page, 'Data Orang');
  const rows = page.getByTestId('person-result');
  // Without a search: newest record first.
  await expect(rows.first()).toContainText('Slamet Riyadi');
  await shotSizes(page, 'persons-01-list');
  await page.getByTestId('sort-name').click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(rows.first()).toContainText('Achmad Fauzie');
  await page.reload();
  await expect(page.getByTestId('person-sort')).toHaveValue('Nama A–Z');
  await expect(rows.first()).toContainText('Achmad Fauzie');
  await rows.first().press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await rows.nth(1).press('Enter');
  await expect(page).toHaveURL(/#\/persons\/[^/?]+$/);
  await expect(page.getByRole('link', { name: 'Ubah' })).toBeVisible();
});

test('two PCs pick the same bed: the second gets a clear conflict and picks again', async ({
  page,
  browser,
  request,
}) => {
  await rpc(request, host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await rpc(request, host, 'persons.create', {
    fullName: 'Rina Marlina',
    sex: 'F',
    estimatedAge: 34,
    identityStatus: 'unknown',
    originCode: '63.71',
  });

  await login(page, host, ADMIN.username, ADMIN.password);
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await login(page2, host, STAFF.username, STAFF.password);
  await expect(
    page2.getByRole('heading', { name: `Selamat datang, ${STAFF.fullName}` }),
  ).toBeVisible();

  await fillCheckin(page, 'ahmad fauzie', 'Achmad Fauzie', 'A1');
  await fillCheckin(page2, 'rina', 'Rina Marlina', 'A1');
  // A woman in the men's room: warned, and not sent without a reason.
  const warning = page2.getByTestId('placement-warning');
  await expect(warning).toContainText(
    'Rina Marlina tercatat perempuan, sedangkan Ruang Laki-laki adalah ruang laki-laki.',
  );
  await page2.getByTestId('checkin-submit').click();
  await expect(
    warning.getByText('Tulis alasan untuk menempatkan orang ini di ruang yang tidak sesuai.'),
  ).toBeVisible();
  await page2.getByTestId('override-reason').fill('Ruang perempuan dikira penuh.');

  await page.getByTestId('checkin-submit').click();
  await expect(page.getByRole('heading', { name: 'Achmad Fauzie' })).toBeVisible();

  await page2.getByTestId('checkin-submit').click();
  await expect(page2.getByTestId('bed-error')).toHaveText(
    'Tempat tidur A1 baru saja terisi oleh orang lain. Daftar tempat tidur sudah diperbarui; pilih yang lain.',
  );
  await expect(page2.locator('[data-testid="bed-choice"][data-bed="A1"]')).toHaveCount(0);
  await expect(page2.getByTestId('checkin-person')).toContainText('Rina Marlina');
  await shot(page2, 'shelter-10-checkin-bed-conflict');
  await page2.locator('[data-testid="bed-choice"][data-bed="B2"]').click();
  await expect(page2.getByTestId('bed-error')).toHaveCount(0);
  // The women's room fits her: no warning, and the reason typed earlier is not sent.
  await expect(warning).toHaveCount(0);
  await page2.getByTestId('checkin-submit').click();
  await expect(page2.getByRole('heading', { name: 'Rina Marlina' })).toBeVisible();

  // Checking in someone who is already in: refused with who and since when.
  await page2.goto(host.url + '/#/shelter/checkin');
  await page2.getByTestId('person-search').fill('achmad');
  await page2.getByTestId('person-result').filter({ hasText: 'Achmad Fauzie' }).click();
  await expect(page2.getByText('Orang ini sedang tinggal di rumah singgah')).toBeVisible();
  await other.close();
});

test('the board marks stays past the maximum in red; Home counts residents', async ({
  page,
  request,
}) => {
  await rpc(request, host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const siti = await rpc<{ id: string }>(request, host, 'persons.create', {
    fullName: 'Siti Rahmah',
    sex: 'F',
    estimatedAge: 67,
    identityStatus: 'stated',
    originCode: '63.01',
  });
  const { shelters } = await rpc<{
    shelters: { rooms: { beds: { id: string; label: string }[] }[] }[];
  }>(request, host, 'shelters.list', {});
  const b1 = shelters[0]!.rooms.flatMap((r) => r.beds).find((b) => b.label === 'B1')!;
  await rpc(request, host, 'stays.checkIn', {
    personId: siti.id,
    bedId: b1.id,
    checkinAt: new Date(Date.now() - 10 * 86_400_000).toISOString(),
    referralSource: 'call_112',
    ppks: ['PPKS-06', 'PPKS-08', 'PPKS-19'],
  });

  await login(page, host, STAFF.username, STAFF.password);
  const card = page.getByTestId('home-shelter');
  await expect(card.getByTestId('home-residents')).toHaveText('3');
  await expect(card.getByTestId('home-overdue')).toHaveText('1');
  await shot(page, 'shelter-11-home');

  await openNav(page, 'Rumah Singgah');
  const b1Card = page.locator('[data-testid="bed-card"][data-bed="B1"]');
  await expect(b1Card).toHaveAttribute('data-state', 'overdue');
  await expect(b1Card.getByTestId('overdue-badge')).toHaveText('Lewat 3 hari dari batas 7 hari');
  await expect(page.getByTestId('roster-summary')).toHaveText(
    '3 dari 5 tempat tidur terisi · 1 lewat batas 7 hari',
  );
  await shot(page, 'shelter-12-board-overdue');
  await shotSizes(page, 'shelter-12-board-overdue');
  await b1Card.click();
  await expect(page.getByTestId('stay-overdue')).toContainText('Lewat 3 hari dari batas 7 hari');
});

test('history filters by exit type and origin, and pages on the server', async ({
  page,
  request,
}) => {
  // Sixty earlier stays of one person, long ago, so there is more than one page.
  await rpc(request, host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const p = await rpc<{ id: string }>(request, host, 'persons.create', {
    fullName: 'Warga Uji Riwayat',
    identityStatus: 'unknown',
    originCode: '63.72',
  });
  const { shelters } = await rpc<{
    shelters: { rooms: { beds: { id: string; label: string }[] }[] }[];
  }>(request, host, 'shelters.list', {});
  const a3 = shelters[0]!.rooms.flatMap((r) => r.beds).find((b) => b.label === 'A3')!;
  const day = 86_400_000;
  for (let i = 0; i < 60; i++) {
    const at = Date.now() - (400 - i * 5) * day;
    const stay = await rpc<{ id: string; version: number }>(request, host, 'stays.checkIn', {
      personId: p.id,
      bedId: a3.id,
      checkinAt: new Date(at).toISOString(),
      referralSource: 'self',
      ppks: ['PPKS-24'],
    });
    await rpc(request, host, 'stays.checkOut', {
      id: stay.id,
      version: stay.version,
      checkoutAt: new Date(at + 2 * day).toISOString(),
      exitType: 'left',
    });
  }

  await login(page, host, STAFF.username, STAFF.password);
  await openNav(page, 'Rumah Singgah');
  await page.getByRole('link', { name: 'Riwayat' }).click();
  await expect(page.getByRole('heading', { name: 'Riwayat tinggal' })).toBeVisible();
  await expect(page.getByTestId('history-row')).toHaveCount(50);
  await expect(page.getByTestId('list-range')).toHaveText('1–50');
  await shotSizes(page, 'shelter-12-history');
  await page.getByTestId('list-next').click();
  await expect(page.getByTestId('history-row')).toHaveCount(14);
  await expect(page.getByTestId('list-range')).toHaveText('51–64');
  await expect(page.getByTestId('list-next')).toBeDisabled();
  await page.getByTestId('list-prev').click();
  await expect(page.getByTestId('history-row')).toHaveCount(50);
  await expect(page.getByTestId('list-prev')).toBeDisabled();

  const filters = page.getByTestId('history-filters');
  await choose(filters, 'Jenis keluar', 'Dipulangkan ke daerah asal');
  await pickRegion(filters, 'Asal (kabupaten/kota)', 'Kabupaten Banjar', '63.03');
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await expect(page.getByTestId('history-row')).toContainText('Slamet Riyadi');
  await expect(page.getByTestId('history-row')).toContainText('Kabupaten Banjar');
  await shot(page, 'shelter-13-history-filtered');

  // The filters are in the address: a reload keeps them.
  await page.reload();
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await page.getByRole('button', { name: 'Atur ulang' }).click();
  await expect(page.getByTestId('history-row')).toHaveCount(50);
  await choose(filters, 'Jenis keluar', 'Masih tinggal');
  await expect(page.getByTestId('history-row')).toHaveCount(3);
  await shot(page, 'shelter-14-history-active');
});

test('an admin corrects a checked-out stay with a reason', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.goto(host.url + '/#/shelter/history');
  await page
    .getByTestId('history-row')
    .filter({ hasText: 'Slamet Riyadi' })
    .getByRole('link')
    .nth(1)
    .click();
  await expect(page.getByRole('heading', { name: 'Slamet Riyadi' })).toBeVisible();
  await page.getByTestId('stay-correct').click();
  const dialog = page.getByRole('dialog', { name: 'Koreksi data keluar' });
  await dialog
    .getByRole('textbox', { name: 'Pendamping' })
    .fill('Sari Wulandari, Budi Hartono (sopir)');
  await dialog.getByRole('button', { name: 'Simpan koreksi' }).click();
  await expect(dialog.getByText('Wajib diisi.')).toBeVisible();
  await dialog
    .getByTestId('correction-reason')
    .fill('Nama lengkap sopir pendamping dilengkapi sesuai surat tugas.');
  await shot(page, 'shelter-15-correction', { dialog: true });
  await dialog.getByRole('button', { name: 'Simpan koreksi' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('stay-exit')).toContainText('Budi Hartono (sopir)');
});

test('an admin merges the duplicate into the surviving record', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await openNav(page, 'Gabung Data Orang');
  await expect(page.getByRole('heading', { name: 'Gabung data orang' })).toBeVisible();
  const searches = page.getByTestId('person-search');
  await searches.nth(0).fill('achmad fauzie');
  await page.getByTestId('person-result').filter({ hasText: 'Achmad Fauzie' }).first().click();
  await searches.first().fill('ahmad fauzi');
  await page.getByTestId('person-result').filter({ hasText: 'Ahmad Fauzi' }).first().click();
  const compare = page.getByTestId('merge-compare');
  await expect(compare).toContainText('637204 150580 0003');
  await expect(compare).toContainText('tanpa NIK');
  await page.getByTestId('merge-keep-a').check();
  await page
    .getByTestId('merge-reason')
    .fill('Orang yang sama: dicatat ulang tanpa NIK saat datang kedua kali.');
  await shot(page, 'persons-08-merge');
  await page.getByTestId('merge-submit').click();
  await page.getByTestId('merge-confirm').click();
  await expect(page.getByRole('heading', { name: 'Achmad Fauzie' })).toBeVisible();
  await expect(page.getByText('alias: Ahmad Fauzi')).toBeVisible();

  // A data-subject request (UU PDP): the backend makes the file, the browser host downloads it.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('person-export').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^pelita-data-orang-[0-9a-f-]+-\d{4}-\d\d-\d\d\.json$/,
  );
  const data = JSON.parse(readFileSync(await download.path(), 'utf8')) as PersonExport;
  expect(data.person.fullName).toBe('Achmad Fauzie');
  expect(data.mergedRecords.map((p) => p.fullName)).toEqual(['Ahmad Fauzi']);
  expect(Object.keys(data.domains).sort()).toEqual([
    'cases',
    'complaints',
    'dtsen',
    'findings',
    'letters',
    'packets',
    'shelter',
  ]);
  await expect(page.getByText('Ekspor data disimpan.', { exact: false })).toBeVisible();
  for (const [size, width, height] of [
    ['1366', 1366, 768],
    ['1920', 1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await shot(page, `persons-09-page-admin-${size}`);
  }
});

test('a check-in started from a complaint carries the person, PPKS and the link', async ({
  page,
  request,
}) => {
  await rpc(request, host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const yusuf = await rpc<{ id: string }>(request, host, 'persons.create', {
    fullName: 'Yusuf Habibi',
    sex: 'M',
    estimatedAge: 40,
    identityStatus: 'unknown',
    originCode: '63.04',
  });
  const complaint = await rpc<{ id: string; number: string }>(request, host, 'complaints.create', {
    kind: 'complaint',
    categoryId: '0190a000-0000-7000-8000-000000000002',
    channel: 'call_112',
    channelRef: '112-BJB-2026-0456',
    reporterName: 'Petugas 112',
    subject: 'Pria tidur di halte Jl. A. Yani km 33',
    description: 'Laporan warga melalui 112: pria tanpa identitas tidur di halte, tampak sakit.',
    personId: yusuf.id,
    ppks: ['PPKS-11'],
  });

  await login(page, host, ADMIN.username, ADMIN.password);
  await page.goto(`${host.url}/#/shelter/checkin?complaint=${complaint.id}`);
  await expect(page.getByTestId('checkin-complaint')).toContainText(complaint.number);
  await expect(page.getByTestId('checkin-person')).toContainText('Yusuf Habibi');
  await expect(page.getByRole('combobox', { name: 'Dirujuk oleh' })).toHaveValue('Call center 112');
  await expect(page.getByText('11 · Gelandangan')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Rincian perujuk' })).toHaveValue(
    `Pengaduan ${complaint.number} · 112: 112-BJB-2026-0456`,
  );
  // What the caller reported becomes the condition found at intake.
  await expect(page.getByLabel('Kondisi saat diterima')).toHaveValue(/pria tanpa identitas/);
  await page.locator('[data-testid="bed-choice"][data-bed="A3"]').click();
  await shot(page, 'shelter-17-checkin-from-complaint');
  await page.getByTestId('checkin-submit').click();
  await expect(page.getByRole('heading', { name: 'Yusuf Habibi' })).toBeVisible();
  await expect(page.getByTestId('stay-complaint')).toContainText(complaint.number);
});

test('a stale person edit is refused with CONFLICT; "Muat ulang" brings the fresh record', async ({
  page,
  request,
}) => {
  await login(page, host, STAFF.username, STAFF.password);
  await openNav(page, 'Data Orang');
  await page.getByTestId('person-search').fill('rina marlina');
  await page.getByTestId('person-search').press('Enter');
  await expect(page.getByRole('heading', { name: 'Rina Marlina' })).toBeVisible();
  const id = page.url().split('/persons/')[1]!;
  await page.getByRole('link', { name: 'Ubah' }).click();
  const form = page.getByTestId('person-form');
  await form.getByRole('textbox', { name: 'Telepon' }).fill('0812 5000 1234');

  // Meanwhile, at another desk, someone adds a note to the same person.
  await rpc(request, host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const { person } = await rpc<{ person: { version: number } }>(request, host, 'persons.get', {
    id,
  });
  await rpc(request, host, 'persons.update', {
    id,
    version: person.version,
    fullName: 'Rina Marlina',
    sex: 'F',
    estimatedAge: 34,
    identityStatus: 'unknown',
    originCode: '63.71',
    notes: 'Kakaknya di Banjarmasin sudah dihubungi.',
  });

  await form.getByTestId('person-save').click();
  await expect(form.getByText('Data ini sudah diubah orang lain')).toBeVisible();
  await shot(page, 'persons-10-edit-conflict');
  await form.getByRole('button', { name: 'Muat ulang' }).click();
  await expect(form.getByRole('textbox', { name: 'Catatan' })).toHaveValue(
    'Kakaknya di Banjarmasin sudah dihubungi.',
  );
  await form.getByRole('textbox', { name: 'Telepon' }).fill('0812 5000 1234');
  await form.getByTestId('person-save').click();
  await expect(page.getByRole('heading', { name: 'Rina Marlina' })).toBeVisible();
  await expect(page.getByText('0812 5000 1234')).toBeVisible();
});

test("room rules: a woman placed in the men's room needs a reason, kept in her log; a move to the women's room needs none", async ({
  page,
  request,
}) => {
  await rpc(request, host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await rpc(request, host, 'persons.create', {
    fullName: 'Nur Aini',
    sex: 'F',
    estimatedAge: 29,
    identityStatus: 'stated',
    originCode: '63.72',
  });
  // One more bed in each room, so there is somewhere to move to.
  const { shelters } = await rpc<Output<'shelters.list'>>(request, host, 'shelters.list', {});
  for (const room of shelters[0]!.rooms) {
    const label = room.kind === 'women' ? 'B3' : 'A4';
    await rpc(request, host, 'shelters.saveBed', { roomId: room.id, label });
  }

  await login(page, host, STAFF.username, STAFF.password);
  await fillCheckin(page, 'nur aini', 'Nur Aini', 'A2');
  const warning = page.getByTestId('placement-warning');
  await expect(warning).toContainText(
    'Nur Aini tercatat perempuan, sedangkan Ruang Laki-laki adalah ruang laki-laki.',
  );
  await page.getByTestId('checkin-submit').click();
  await expect(
    warning.getByText('Tulis alasan untuk menempatkan orang ini di ruang yang tidak sesuai.'),
  ).toBeVisible();
  // The warning sits below the fold: pictured where the user sees it, at both sizes.
  const size = page.viewportSize()!;
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await warning.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `test-results/screens/shelter-18-checkin-warning-${width}.png` });
  }
  await page.setViewportSize(size);
  const reason =
    'Datang tengah malam bersama suaminya; ruang perempuan sedang disemprot disinfektan.';
  await page.getByTestId('override-reason').fill(reason);
  await page.getByTestId('checkin-submit').click();
  await expect(page.getByRole('heading', { name: 'Nur Aini' })).toBeVisible();
  const override = page
    .getByTestId('event-item')
    .filter({ hasText: 'Penempatan di luar ketentuan ruang' });
  await expect(override).toContainText(reason);

  // The board says who each room is for.
  await openNav(page, 'Rumah Singgah');
  const men = page.getByTestId('roster-room').filter({ hasText: 'Ruang Laki-laki' });
  await expect(men.getByTestId('room-kind')).toHaveText('Laki-laki');
  await expect(men.locator('[data-testid="bed-card"][data-bed="A2"]')).toContainText('Nur Aini');
  await expect(
    men.locator('[data-testid="bed-card"][data-bed="A2"]').getByTestId('bed-mismatch'),
  ).toHaveText('Tidak sesuai ruang');
  await expect(page.getByTestId('bed-mismatch')).toHaveCount(1);
  await expect(
    page.getByTestId('roster-room').filter({ hasText: 'Ruang Perempuan' }).getByTestId('room-kind'),
  ).toHaveText('Perempuan');
  await shot(page, 'shelter-19-board-kinds');
  await shotSizes(page, 'shelter-19-board-kinds');

  // Moving her: the men's free bed warns again; the women's bed fits and needs no reason.
  await men.locator('[data-testid="bed-card"][data-bed="A2"]').click();
  await page.getByTestId('stay-move').click();
  const dialog = page.getByRole('dialog', { name: 'Pindah tempat tidur' });
  await dialog.locator('[data-testid="bed-choice"][data-bed="A4"]').click();
  await expect(dialog.getByTestId('placement-warning')).toContainText('ruang laki-laki');
  await shot(page, 'shelter-20-move-warning', { dialog: true });
  await dialog.locator('[data-testid="bed-choice"][data-bed="B3"]').click();
  await expect(dialog.getByTestId('placement-warning')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Penghuni dipindahkan ke B3.')).toBeVisible();
  await expect(page.getByText(/Ruang Perempuan · B3/)).toBeVisible();
  await expect(override).toContainText(reason);
});

test('the screens read in English too', async ({ page }) => {
  await login(page, host, STAFF.username, STAFF.password);
  await page.getByTestId('language-switch').getByText('EN').click();
  await openNav(page, 'Shelter');
  await expect(page.getByRole('heading', { name: 'Current residents' })).toBeVisible();
  await expect(page.locator('[data-testid="bed-card"][data-bed="B1"]')).toContainText(
    '3 days past the 7-day limit',
  );
  await shot(page, 'shelter-16-board-en');
  await openNav(page, 'People');
  await page.getByTestId('person-search').fill('slamet');
  await page.getByTestId('person-search').press('Enter');
  await expect(page.getByText('Data quality')).toBeVisible();
  await shot(page, 'persons-09-page-en');
});
