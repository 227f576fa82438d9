/**
 * Complaints and data-service requests (issue 4), end to end: a phone complaint about an elderly
 * woman found at the market is taken at the desk, its receipt printed, then verified, assigned,
 * visited, answered and closed within its deadlines. A letter registered late (received ten days
 * ago, backdated with a reason — a real feature of the intake, audited like everything else)
 * is past its verification deadline and shows in red in the list and on the officer's home.
 * A viewer (pimpinan) reads everything but cannot change anything, and never sees a
 * confidential reporter. The host's clock is the real one, so every date below is relative.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  ADMIN,
  freshHost,
  login,
  openNav,
  rpc,
  setupViaApi,
  shot as hostShot,
  shotSizes,
  signOut,
} from './host';

const host = freshHost();
test.describe.configure({ mode: 'serial' });

const OFFICER = { username: 'rina.aduan', fullName: 'Rina Marlina', password: 'AduanCepat2026' };
const CASEWORKER = {
  username: 'yusuf.peksos',
  fullName: 'Yusuf Rahman',
  password: 'PeksosKunjung26',
};
const VIEWER = {
  username: 'kabid.linjamsos',
  fullName: 'Hj. Noorhayati',
  password: 'PimpinanLihat26',
};

/** A screenshot without the notifications of earlier steps covering the screen. */
async function shot(page: Page, name: string) {
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
  await hostShot(page, `complaints-${name}`);
}

async function choose(scope: Page | Locator, label: string, option: string | RegExp) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  const page = 'page' in scope ? scope.page() : scope;
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

/** `DD/MM/YYYY HH:mm` in WITA, as an officer types it: `days` ago at `hour`:00. */
function witaLocal(daysAgo: number, hour: number): string {
  const now = new Date(Date.now() + 8 * 3600_000);
  const d = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysAgo, hour),
  );
  const [y, m, day] = d.toISOString().slice(0, 10).split('-');
  return `${day}/${m}/${y} ${d.toISOString().slice(11, 16)}`;
}

async function user(request: Parameters<typeof rpc>[0], u: typeof OFFICER, roles: string[]) {
  await rpc(request, host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await rpc(request, host, 'users.create', { ...u, roles });
  await rpc(request, host, 'auth.login', { username: u.username, password: u.password });
  const next = `${u.password}x`;
  await rpc(request, host, 'auth.changePassword', {
    currentPassword: u.password,
    newPassword: next,
  });
  u.password = next;
}

test.beforeAll(async ({ request }) => {
  await setupViaApi(request, host);
  await user(request, OFFICER, ['complaint_officer']);
  await user(request, VIEWER, ['viewer']);
  await user(request, CASEWORKER, ['caseworker']);
});

/** The same screen at the office laptop's size and at full HD. */
async function shotBoth(page: Page, name: string) {
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await shot(page, `${name}-${width}`);
  }
}

test('a phone complaint about an elderly woman at the market: intake, receipt, verify, assign, visit, close on time', async ({
  page,
}) => {
  // Printing is the browser's own dialog; record calls instead of opening it.
  await page.addInitScript(() => {
    (window as unknown as { __prints: number }).__prints = 0;
    window.print = () => {
      (window as unknown as { __prints: number }).__prints += 1;
    };
  });
  await login(page, host, OFFICER.username, OFFICER.password);
  await expect(page.getByTestId('home-complaints-due')).toContainText(
    'Tidak ada pengaduan Anda yang jatuh tempo hari ini atau terlambat.',
  );
  await openNav(page, 'Pengaduan');
  await expect(page.getByRole('heading', { name: 'Pengaduan dan layanan data' })).toBeVisible();
  await expect(page.getByTestId('list-empty')).toContainText(
    'Belum ada pengaduan yang masih berjalan.',
  );
  await expect(
    page.getByTestId('list-empty').getByRole('link', { name: 'Catat pengaduan' }),
  ).toBeVisible();

  // `n` opens a new intake from the list.
  await page.keyboard.press('n');
  await expect(page.getByRole('heading', { name: 'Catat pengaduan' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Saluran' })).toBeFocused();

  // Saving an empty form: every problem at its field, in Bahasa Indonesia, nothing saved.
  await page.getByTestId('complaint-save').click();
  await expect(page.getByRole('alert')).toContainText('Periksa 4 isian yang ditandai');
  // The caret goes to the first marked field, not to the banner.
  await expect(page.getByRole('combobox', { name: 'Saluran' })).toBeFocused();
  const form = page.getByRole('form', { name: 'Catat pengaduan' });
  // Channel, category, subject and description.
  await expect(form.getByText('Wajib diisi.')).toHaveCount(4);
  await shot(page, 'intake-errors');

  await choose(page, 'Saluran', 'Telepon');
  await choose(page, 'Kategori', 'Lansia atau anak terlantar');
  await page.getByTestId('complaint-urgency').getByText('Tinggi').click();
  await page
    .getByRole('textbox', { name: 'Perihal' })
    .fill('Lansia perempuan ±75 tahun tidur di los ikan Pasar Bauntung');
  await page.getByRole('textbox', { name: 'Uraian' }).fill('Seorang nenek tidur di los ikan.');
  // The next check: a reporter needs a name unless the report is anonymous.
  await page.getByTestId('complaint-save').click();
  await expect(form.getByText('Isi nama pelapor, atau tandai sebagai anonim.')).toBeVisible();
  await expect(form.getByText('Wajib diisi.')).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Nama pelapor' }).fill('Hj. Rusmini');
  await page.getByRole('textbox', { name: 'Nomor telepon/WhatsApp' }).fill('0812 5123 4567');
  await page
    .getByRole('textbox', { name: 'Hubungan dengan yang dilaporkan' })
    .fill('Pedagang ikan di pasar');
  // The woman is not in the registry: register her from the complaint.
  await page.getByTestId('person-link-create').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Nama lengkap' }).fill('Nenek di Pasar Bauntung');
  await dialog.getByText('Perempuan', { exact: true }).click();
  await dialog.getByRole('textbox', { name: 'Perkiraan umur (tahun)' }).fill('75');
  await shot(page, 'dialog-new-person');
  await dialog.getByRole('button', { name: 'Daftarkan & hubungkan' }).click();
  await expect(page.getByTestId('linked-person')).toContainText('Nenek di Pasar Bauntung');
  await expect(dialog).toBeHidden();
  const region = page.getByRole('textbox', { name: 'Kecamatan/kelurahan' });
  await region.fill('Komet');
  await page.getByRole('option').filter({ hasText: '63.72.04.1003' }).first().click();
  await page.getByRole('textbox', { name: 'Alamat atau tempat' }).fill('Pasar Bauntung, los ikan');
  await page
    .getByRole('textbox', { name: 'Uraian' })
    .fill(
      'Sejak tiga hari seorang nenek tidur di los ikan Pasar Bauntung. Tampak bingung, tidak tahu alamat dan nama keluarganya. Pedagang memberi makan seadanya.',
    );
  // The category suggested its PPKS categories.
  await expect(page.getByText('08 · Lanjut Usia Terlantar')).toBeVisible();
  await expect(page.getByTestId('deadline-preview')).toContainText('Verifikasi');
  await shot(page, 'intake');
  await page.getByTestId('complaint-save').click();

  // Numbered, with the receipt one click away.
  await expect(page.getByTestId('complaint-number')).toHaveText(/^ADU\/0001\/DINSOS-BJB\/\d{4}$/);
  await expect(page.getByTestId('complaint-created')).toContainText('Cetak tanda terima');
  await expect(page.getByTestId('status-badge').first()).toHaveText('Diterima');
  await expect(page.getByTestId('deadline-verify')).toContainText('hari kerja lagi');
  await shot(page, 'detail-new');
  const number = (await page.getByTestId('complaint-number').textContent())!;

  await page.getByTestId('open-receipt').click();
  const receipt = page.getByTestId('receipt');
  await expect(receipt).toContainText('PEMERINTAH KOTA BANJARBARU');
  await expect(receipt).toContainText('DINAS SOSIAL');
  await expect(receipt).toContainText('TANDA TERIMA PENGADUAN');
  await expect(receipt).toContainText(number);
  await expect(receipt).toContainText('Hj. Rusmini');
  await expect(receipt).toContainText('Verifikasi paling lambat');
  await expect(receipt).toContainText('Cara menanyakan perkembangan');
  await expect(page.getByTestId('receipt-prints')).toHaveText('Tanda terima belum dicetak');
  await shot(page, 'receipt');
  await page.getByTestId('print-receipt').click();
  await expect(page.getByTestId('receipt-prints')).toHaveText('Tanda terima dicetak 1×');
  expect(await page.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(1);
  // What goes to paper: the receipt alone.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation')).toBeHidden();
  await page.screenshot({
    path: 'test-results/screens/complaints-receipt-print.png',
    fullPage: true,
  });
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => document.body.classList.remove('pelita-printing-receipt'));

  // Verify.
  await page.getByRole('link', { name: `Kembali ke ${number}` }).click();
  await page.getByTestId('step-verified').click();
  await page
    .getByRole('dialog')
    .getByRole('textbox', { name: 'Catatan' })
    .fill('Dicek TKSK Kec. Banjarbaru Utara: benar ada lansia di los ikan.');
  await page.getByTestId('transition-confirm').click();
  await expect(page.getByTestId('status-badge').first()).toHaveText('Terverifikasi');
  await expect(page.getByTestId('deadline-verify')).toContainText('Tepat waktu');

  // Assign to herself.
  await page.getByTestId('assign').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Tugaskan ke saya' }).click();
  await page.getByTestId('assign-confirm').click();
  await expect(page.getByTestId('complaint-assignee')).toHaveText(OFFICER.fullName);
  await expect(page.getByTestId('complaint-timeline')).toContainText(
    `Ditugaskan kepada ${OFFICER.fullName}`,
  );

  // Follow up: a visit, then the first answer to the reporter.
  await page.getByTestId('step-in_follow_up').click();
  await page.getByTestId('transition-confirm').click();
  await expect(page.getByTestId('status-badge').first()).toHaveText('Ditindaklanjuti');
  await page.getByTestId('log-action').click();
  await page.getByTestId('action-type').getByText('Kunjungan').click();
  await page
    .getByRole('dialog')
    .getByRole('textbox', { name: 'Hasil' })
    .fill('Nenek ditemui di los ikan, lemah dan dehidrasi. Dibawa ke Puskesmas Banjarbaru Utara.');
  await page.getByTestId('action-confirm').click();
  await expect(page.getByTestId('complaint-timeline')).toContainText('Kunjungan lapangan');
  await page.getByTestId('log-action').click();
  await page.getByTestId('action-type').getByText('Jawab pelapor').click();
  await page
    .getByRole('dialog')
    .getByRole('textbox', { name: 'Hasil' })
    .fill('Bu Rusmini dikabari lewat telepon bahwa nenek sudah ditangani Dinas Sosial.');
  await page.getByTestId('action-confirm').click();
  await expect(page.getByTestId('deadline-answer')).toContainText('Tepat waktu');
  await shot(page, 'detail-follow-up');
  await shotSizes(page, 'complaints-detail-follow-up');

  // Close within the deadline.
  await page.getByTestId('step-done').click();
  const close = page.getByRole('dialog');
  await close
    .getByRole('textbox', { name: 'Jawaban kepada pelapor' })
    .fill('Lansia telah dirawat, keluarganya di Kec. Cempaka ditemukan dan ia sudah dijemput.');
  await choose(close, 'Cara jawaban disampaikan', 'Telepon');
  await shot(page, 'dialog-close');
  await close.getByTestId('transition-confirm').click();
  await expect(page.getByTestId('status-badge').first()).toHaveText('Selesai');
  await expect(page.getByTestId('deadline-complete')).toContainText('Tepat waktu');
  await expect(page.getByTestId('complaint-closure')).toContainText('Telepon');
  await expect(page.getByTestId('complaint-actions')).toHaveCount(0);
  await shot(page, 'detail-done');
  await shotSizes(page, 'complaints-detail-done');
});

test('a letter registered late is past its deadline and shows in red', async ({ page }) => {
  await login(page, host, OFFICER.username, OFFICER.password);
  await page.goto(`${host.url}/#/complaints/new`);
  await choose(page, 'Saluran', 'Surat');
  await page.getByRole('textbox', { name: 'Nomor surat' }).fill('460/215/Kel-LU/XI');
  await choose(page, 'Kategori', 'PPKS ditemukan di jalan');
  await page.getByRole('textbox', { name: 'Diterima pada' }).fill(witaLocal(10, 9));
  await page.getByRole('textbox', { name: 'Nama pelapor' }).fill('Lurah Loktabat Utara');
  await page
    .getByRole('textbox', { name: 'Perihal' })
    .fill('Dua anak mengemis di simpang empat Jl. A. Yani km 35');
  await page
    .getByRole('textbox', { name: 'Uraian' })
    .fill('Surat lurah: dua anak usia sekolah mengemis setiap sore.');
  await page.getByTestId('complaint-save').click();
  // An earlier day needs a reason: the officer is told at the field.
  await expect(
    page.getByText(
      'Pengaduan diterima pada hari sebelumnya: tuliskan alasan pencatatan terlambat.',
    ),
  ).toBeVisible();
  await page
    .getByRole('textbox', { name: 'Alasan dicatat terlambat' })
    .fill('Surat masuk lewat bagian umum, baru didisposisikan ke layanan pengaduan hari ini.');
  await choose(page, 'Petugas', new RegExp(OFFICER.fullName));
  await page.getByTestId('complaint-save').click();
  await expect(page.getByTestId('complaint-number')).toHaveText(/^ADU\/0002\//);
  await expect(page.getByTestId('deadline-verify')).toHaveAttribute('data-overdue', 'true');
  await expect(page.getByTestId('deadline-verify')).toContainText('Terlambat');

  // A correction: the location was missing. Number and receipt time stay as they were.
  await page.getByRole('link', { name: 'Perbaiki data' }).click();
  await expect(page.getByRole('heading', { name: 'Perbaiki data' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Diterima pada' })).toBeDisabled();
  await page
    .getByRole('textbox', { name: 'Alamat atau tempat' })
    .fill('Simpang empat Jl. A. Yani km 35');
  await shot(page, 'edit');
  await page.getByTestId('complaint-save').click();
  await expect(page.getByTestId('complaint-subject')).toContainText(
    'Simpang empat Jl. A. Yani km 35',
  );
  await expect(page.getByTestId('complaint-timeline')).toContainText('Data pengaduan diperbaiki');

  // A data-service request, on time, for the list.
  await rpc(page.request, host, 'complaints.create', {
    kind: 'data_service',
    serviceType: 'dtks_certificate',
    categoryId: '0190a000-0000-7000-8000-000000000004',
    channel: 'walk_in',
    reporterName: 'Ahmad Fauzi',
    subject: 'Surat keterangan terdaftar DTKS untuk beasiswa',
    description:
      'Pemohon meminta surat keterangan terdaftar DTKS untuk pendaftaran beasiswa anaknya.',
  });

  await openNav(page, 'Pengaduan');
  const rows = page.getByTestId('complaint-row');
  await expect(rows).toHaveCount(2);
  // Sorted by deadline: the late one first, marked red.
  await expect(rows.first()).toHaveAttribute('data-overdue', 'true');
  await expect(rows.first()).toContainText('Terlambat');
  await expect(rows.first()).toHaveCSS('background-color', /rgba?\(2\d\d, /);
  await expect(rows.nth(1)).not.toHaveAttribute('data-overdue', 'true');
  await expect(rows.nth(1)).toContainText('PLD/0001/');
  await shot(page, 'list');
  await shotSizes(page, 'complaints-list');
  // The other filters open under "Filter lain"; that too is kept in the address.
  await page.getByTestId('more-filters').click();
  await expect(page.getByRole('combobox', { name: 'Kategori' })).toBeVisible();
  await expect(page).toHaveURL(/more=1/);
  await shotSizes(page, 'complaints-list-more');
  await page.getByTestId('more-filters').click();
  await expect(page.getByRole('combobox', { name: 'Kategori' })).toBeHidden();

  // Sorting by a column header, kept in the address.
  await page.getByTestId('sort-number').click();
  await expect(page).toHaveURL(/sort=newest/);
  const newest = await rows.first().getAttribute('data-number');
  await page.getByTestId('sort-number').click();
  await expect(page).toHaveURL(/sort=oldest/);
  await expect(rows.last()).toHaveAttribute('data-number', newest!);
  await page.getByTestId('sort-deadline').click();
  await expect(page).not.toHaveURL(/sort=/);
  await expect(rows.first()).toHaveAttribute('data-overdue', 'true');

  // Rows by keyboard: Tab reaches the first row, arrows move, Enter opens.
  await page.getByTestId('complaint-search').focus();
  await rows.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('complaint-number')).toHaveText(/^PLD\/0001\//);
  await page.goBack();

  // The same list in English.
  await page.getByTestId('language-switch').getByText('EN').click();
  await expect(page.getByRole('heading', { name: 'Complaints and data services' })).toBeVisible();
  await expect(rows.first()).toContainText(/working days? late/);
  await shot(page, 'list-en');
  await page.getByTestId('language-switch').getByText('ID').click();

  await choose(page, 'Tenggat', 'Terlambat');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('ADU/0002/');
  // The filter lives in the address: Back from the complaint returns to it.
  await rows.first().getByRole('link').click();
  await expect(page.getByTestId('complaint-number')).toHaveText(/^ADU\/0002\//);
  await page.goBack();
  await expect(page.getByRole('combobox', { name: 'Tenggat' })).toHaveValue('Terlambat');
  await expect(rows).toHaveCount(1);

  // `/` jumps to the search box.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('/');
  await expect(page.getByTestId('complaint-search')).toBeFocused();

  // Home: what is due or late for this officer.
  await page.getByRole('navigation').getByRole('link', { name: 'Beranda' }).click();
  const due = page.getByTestId('home-due-row');
  await expect(due).toHaveCount(1);
  await expect(due.first()).toHaveAttribute('data-overdue', 'true');
  await expect(due.first()).toContainText('ADU/0002/');
  await shot(page, 'home-due');
});

test('figures for the month', async ({ page }) => {
  await login(page, host, OFFICER.username, OFFICER.password);
  await page.goto(`${host.url}/#/complaints/figures`);
  const figures = page.getByTestId('complaint-figures');
  await expect(figures).toBeVisible();
  await page.getByRole('button', { name: 'Tahun ini' }).click();
  await expect(figures.getByTestId('figure-value').first()).toHaveText('3');
  await expect(page.getByTestId('figures-officers')).toContainText(OFFICER.fullName);
  await shot(page, 'figures');
});

test('a viewer reads complaints but cannot change them, and never sees a confidential reporter', async ({
  page,
  request,
}) => {
  await rpc(request, host, 'auth.login', {
    username: OFFICER.username,
    password: OFFICER.password,
  });
  const secret = await rpc<{ id: string; number: string; version: number }>(
    request,
    host,
    'complaints.create',
    {
      kind: 'complaint',
      categoryId: '0190a000-0000-7000-8000-000000000002',
      channel: 'whatsapp',
      reporterName: 'Siti Nurhaliza',
      reporterPhone: '0813 4999 1234',
      reporterConfidential: true,
      subject: 'Anak usia 6 tahun sering ditinggal sendirian',
      description: 'Tetangga melaporkan anak ditinggal berhari-hari tanpa makanan.',
      urgency: 'emergency',
    },
  );

  await login(page, host, VIEWER.username, VIEWER.password);
  await expect(page.getByTestId('home-complaints-due')).toHaveCount(0);
  await openNav(page, 'Pengaduan');
  await expect(page.getByRole('link', { name: 'Catat pengaduan' })).toHaveCount(0);
  const row = page.locator(`[data-number="${secret.number}"]`);
  await expect(row).toContainText('Dirahasiakan');
  await expect(page.getByTestId('complaints-table')).not.toContainText('Nurhaliza');
  await row.getByRole('link').click();
  await expect(page.getByTestId('reporter-hidden')).toBeVisible();
  await expect(page.locator('#main')).not.toContainText('Nurhaliza');
  await expect(page.getByTestId('complaint-actions')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Perbaiki data' })).toHaveCount(0);
  await shot(page, 'viewer-detail');

  // The receipt can be read, not printed.
  await page.getByTestId('open-receipt').click();
  await expect(page.getByTestId('receipt')).toContainText('Dirahasiakan');
  await expect(page.getByTestId('print-receipt')).toHaveCount(0);

  // The intake page and the backend both refuse.
  await page.goto(`${host.url}/#/complaints/new`);
  await expect(page.getByTestId('access-denied')).toBeVisible();
  const res = await page.request.post(`${host.url}/rpc/complaints.transition`, {
    data: { id: secret.id, version: secret.version, to: 'verified' },
    headers: { origin: host.url },
  });
  expect(res.status()).toBe(403);
  const body = (await res.json()) as { error: { message: { id: string } } };
  expect(body.error.message.id).toBe('Anda tidak memiliki hak akses untuk tindakan ini.');
});

test('the admin keeps categories, the holiday calendar and the numbering', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  // From an open complaint, one click starts a shelter check-in that stays linked to it.
  await openNav(page, 'Pengaduan');
  await page
    .getByTestId('complaint-row')
    .filter({ hasText: 'ADU/0002/' })
    .getByRole('link')
    .click();
  const checkin = page.getByTestId('start-checkin');
  await expect(checkin).toHaveAttribute('href', /#\/shelter\/checkin\?complaint=[0-9a-f-]{36}$/);

  await openNav(page, 'Kategori pengaduan');
  await expect(page.getByTestId('categories-table')).toContainText('Lansia atau anak terlantar');
  await shot(page, 'admin-categories');

  await openNav(page, 'Hari libur');
  await page
    .locator('label')
    .filter({ hasText: /^2026 \(/ })
    .click();
  await expect(page.getByTestId('holidays-table')).toContainText('Hari Proklamasi Kemerdekaan RI');
  await expect(page.getByTestId('holidays-table')).toContainText('Cuti bersama');
  await shot(page, 'admin-holidays');

  await openNav(page, 'Penomoran & tenggat');
  const pattern = page.getByRole('textbox', { name: 'Pola nomor' });
  await pattern.fill('ADU/{seq:4}/{year}');
  await expect(
    page.getByText(
      'Pola harus memuat {code} (atau {kind}): setiap kode bernomor urut sendiri, tanpa kode nomornya bisa kembar.',
    ),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('alert')).toContainText('Periksa 1 isian yang ditandai');
  await pattern.fill('{kind}/{seq:4}/DINSOS-BJB/{romanMonth}/{year}');
  await expect(page.getByTestId('numbering-preview')).toContainText(
    /ADU\/0001\/DINSOS-BJB\/[IVX]+\/\d{4}/,
  );
  await shot(page, 'admin-numbering');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Tersimpan', { exact: true })).toBeVisible();
  await expect(page.getByTestId('numbering-preview')).toContainText(
    /ADU\/0004\/DINSOS-BJB\/[IVX]+\/\d{4}/,
  );
});

test('a complaint about a person in need goes to a caseworker, who logs the visit', async ({
  page,
  request,
}) => {
  await rpc(request, host, 'auth.login', {
    username: OFFICER.username,
    password: OFFICER.password,
  });
  const made = await rpc<{ id: string; number: string; version: number }>(
    request,
    host,
    'complaints.create',
    {
      kind: 'complaint',
      categoryId: '0190a000-0000-7000-8000-000000000001',
      channel: 'phone',
      reporterName: 'Pak Hamdani',
      subject: 'Bapak tua tidur di halte Jl. A. Yani km 33 tiap malam',
      description:
        'Sudah seminggu terlihat tidur di halte, tampak sakit dan tidak membawa apa-apa.',
      urgency: 'high',
    },
  );
  await rpc(request, host, 'complaints.transition', {
    id: made.id,
    version: made.version,
    to: 'verified',
  });

  // The officer gives it to the caseworker: the choice says who is a caseworker.
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, host, OFFICER.username, OFFICER.password);
  await page.goto(`${host.url}/#/complaints/${made.id}`);
  await expect(page.getByTestId('step-in_follow_up')).toBeVisible();
  await expect(page.getByTestId('step-verified')).toHaveCount(0);
  // Rejecting asks for exactly the reason, the answer and how it was given.
  await page.getByTestId('more-steps').click();
  await page.getByRole('menuitem', { name: 'Tolak' }).click();
  const reject = page.getByRole('dialog');
  await expect(reject.getByRole('textbox', { name: 'Alasan penolakan' })).toBeVisible();
  await expect(reject.getByRole('textbox', { name: 'Jawaban kepada pelapor' })).toBeVisible();
  await expect(reject.getByRole('combobox', { name: 'Cara jawaban disampaikan' })).toBeVisible();
  await expect(reject.getByRole('textbox')).toHaveCount(3);
  await shot(page, 'dialog-reject-1366');
  await reject.getByRole('button', { name: 'Batal' }).click();

  await page.getByTestId('assign').click();
  await page.getByTestId('assign-select').click();
  await expect(page.getByRole('listbox')).toContainText('Pekerja Sosial');
  await page.getByRole('option', { name: CASEWORKER.fullName }).click();
  await page.getByTestId('assign-confirm').click();
  await expect(page.getByTestId('complaint-assignee')).toHaveText(CASEWORKER.fullName);
  await expect(page.getByTestId('complaint-assignee-role')).toHaveText('Pekerja Sosial');
  await shotBoth(page, 'detail-officer');

  // The list says who has it, and in which role.
  await page.setViewportSize({ width: 1366, height: 768 });
  await openNav(page, 'Pengaduan');
  const row = page.locator(`[data-number="${made.number}"]`);
  await expect(row).toContainText(CASEWORKER.fullName);
  await expect(row).toContainText('Pekerja Sosial');
  await expect(page.locator('[data-number^="ADU/0002/"]')).toContainText('Petugas Pengaduan');
  await shot(page, 'list-assignees-1366');

  // The caseworker reads it and logs the visit; the status steps stay with the officers.
  await signOut(page);
  await login(page, host, CASEWORKER.username, CASEWORKER.password);
  await page.goto(`${host.url}/#/complaints/${made.id}`);
  const actions = page.getByTestId('complaint-actions');
  await expect(actions.getByTestId('log-action')).toBeVisible();
  await expect(actions.getByRole('button')).toHaveCount(1);
  await page.getByTestId('log-action').click();
  await page.getByTestId('action-type').getByText('Kunjungan').click();
  await page
    .getByRole('dialog')
    .getByRole('textbox', { name: 'Hasil' })
    .fill('Bapak ditemui di halte, demam. Diantar ke Puskesmas Banjarbaru lalu ke rumah singgah.');
  await page.getByTestId('action-confirm').click();
  await expect(page.getByTestId('complaint-timeline')).toContainText('Kunjungan lapangan');
  await expect(page.getByTestId('complaint-timeline')).toContainText(CASEWORKER.fullName);
  await shotBoth(page, 'detail-caseworker');

  // A complaint given to someone else offers the caseworker nothing to do.
  await page.setViewportSize({ width: 1366, height: 768 });
  await openNav(page, 'Pengaduan');
  await page.locator('[data-number^="ADU/0002/"]').getByRole('link').click();
  await expect(page.getByTestId('complaint-number')).toHaveText(/^ADU\/0002\//);
  await expect(page.getByTestId('complaint-actions')).toHaveCount(0);
});
