/**
 * PPKS case files (issue 10), end to end: from a complaint about a neglected elderly man the
 * caseworker opens a case in one click; submits an assessment; the supervisor returns it with a
 * comment; it is resubmitted and approved; a plan with two services is approved; a referral to a
 * panti sosial is accepted and done; a sensitive note stays invisible to another caseworker;
 * closure is requested and approved; the figures count the person served and the case closed.
 */
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, freshHost, login, rpc, setupViaApi, shot as hostShot, signOut } from './host';

const host = freshHost();
test.describe.configure({ mode: 'serial' });

const WORKER = { username: 'siti.peksos', fullName: 'Siti Aminah', password: 'PeksosKasus2026' };
const OTHER = { username: 'budi.peksos', fullName: 'Budi Santoso', password: 'PeksosLain2026' };
const BOSS = { username: 'kasi.rehsos', fullName: 'Hj. Mariani', password: 'KasiSetuju2026' };
let complaintId = '';
let caseUrl = '';

async function user(request: Parameters<typeof rpc>[0], u: typeof WORKER, roles: string[]) {
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

/** A screenshot at both sizes, without notifications of earlier steps covering the screen. */
async function shotBoth(page: Page, name: string) {
  const toasts = page.locator('.mantine-Notification-root');
  for (let i = 0; i < 30 && (await toasts.count()) > 0; i++) {
    await toasts
      .first()
      .locator('button')
      .click()
      .catch(() => undefined);
    await page.waitForTimeout(120);
  }
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await hostShot(page, `cases-${name}-${width}`);
  }
}

async function as(page: Page, u: typeof WORKER) {
  await login(page, host, u.username, u.password);
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

/** Takes a step of the case flow: its button, or the "Langkah lain" menu, then the dialog. */
async function step(
  page: Page,
  name: string,
  fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  const button = page.getByTestId('case-actions').getByTestId(`step-${name}`);
  if (!(await button.isVisible())) await page.getByTestId('more-steps').click();
  await page.getByTestId(`step-${name}`).click();
  const dialog = page.getByRole('dialog');
  if (fill) await fill(dialog);
  await dialog.getByTestId('step-confirm').click();
  await expect(dialog).toBeHidden();
}

async function pick(
  page: Page,
  testIdOrLabel: { testId?: string; label?: string; nth?: number },
  option: string,
) {
  const box = testIdOrLabel.testId
    ? page.getByTestId(testIdOrLabel.testId)
    : page.getByRole('combobox', { name: testIdOrLabel.label! }).nth(testIdOrLabel.nth ?? 0);
  await box.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test.beforeAll(async ({ request }) => {
  await setupViaApi(request, host);
  await user(request, WORKER, ['caseworker']);
  await user(request, OTHER, ['caseworker']);
  await user(request, BOSS, ['supervisor']);
  await rpc(request, host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const person = await rpc<{ id: string }>(request, host, 'persons.create', {
    fullName: 'Kakek Sarman',
    sex: 'M',
    identityStatus: 'stated',
  });
  const categories = await rpc<{ categories: { id: string; name: string }[] }>(
    request,
    host,
    'complaints.categories',
    {},
  );
  const complaint = await rpc<{ id: string }>(request, host, 'complaints.create', {
    kind: 'complaint',
    categoryId: categories.categories.find((c) => c.name === 'Lansia atau anak terlantar')!.id,
    channel: 'phone',
    reporterName: 'Ketua RT 03',
    subject: 'Kakek ±70 tahun tinggal sendiri, tidak terurus',
    description: 'Seorang kakek tinggal sendiri di pondok, tidak makan teratur, anaknya pergi.',
    personId: person.id,
    regionCode: '63.72.04.1003',
    ppks: ['PPKS-08'],
  });
  complaintId = complaint.id;
});

test('a case from a complaint: assessment returned and approved, plan, referral, sensitive note, closure, figures', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await as(page, WORKER);
  await expect(page.getByTestId('home-cases-due')).toContainText('Tidak ada asesmen');
  await page.goto(`${host.url}/#/complaints/${complaintId}`);
  await page.getByTestId('open-case').click();
  // Prefilled from the complaint: person, category, origin, location.
  await expect(page.getByTestId('case-person')).toHaveText('Kakek Sarman');
  await expect(page.getByText('08 · Lanjut Usia Terlantar')).toBeVisible();
  await shotBoth(page, 'new');
  await page.getByTestId('case-open').click();
  await expect(page.getByTestId('case-number')).toHaveText(/^KS\/0001\/\d{4}$/);
  await expect(page.getByTestId('case-state').first()).toHaveText('Dibuka');
  caseUrl = page.url();

  // The assessment: submitting before saving it is refused at the step.
  const form = page.getByTestId('assessment-form');
  await form.getByRole('textbox', { name: 'Identitas dan dokumen' }).fill('Tidak punya KTP.');
  await form.getByRole('textbox', { name: 'Kebutuhan' }).fill('Makan, kesehatan, keluarga.');
  await pick(page, { testId: 'assessment-risk' }, 'Tinggi');
  await page.getByTestId('assessment-save').click();
  await expect(page.getByText('Asesmen disimpan.')).toBeVisible();
  await shotBoth(page, 'assessment');
  await step(page, 'submit_assessment');
  await expect(page.getByTestId('case-awaiting')).toContainText('Asesmen menunggu persetujuan');
  await signOut(page);

  // The supervisor finds it in the approvals queue and returns it with a comment.
  await as(page, BOSS);
  await page.goto(`${host.url}/#/cases?view=approvals`);
  await expect(page.getByTestId('case-row')).toHaveCount(1);
  await shotBoth(page, 'approvals');
  await page.getByTestId('case-row').getByRole('link').first().click();
  await step(page, 'return_assessment', async (d) => {
    await d
      .getByRole('textbox', { name: /Catatan pengembalian/ })
      .fill('Lengkapi penelusuran keluarga.');
  });
  await expect(page.getByTestId('case-state').first()).toHaveText('Dibuka');
  await signOut(page);

  await as(page, WORKER);
  await page.goto(caseUrl);
  await expect(page.getByTestId('case-returned')).toContainText('Lengkapi penelusuran keluarga.');
  await page
    .getByTestId('assessment-form')
    .getByRole('textbox', { name: /Keluarga, wali/ })
    .fill('Anak di Martapura dihubungi lewat kelurahan.');
  await page.getByTestId('assessment-save').click();
  await expect(page.getByText('Asesmen disimpan.')).toBeVisible();
  await step(page, 'submit_assessment');
  await signOut(page);

  await as(page, BOSS);
  await page.goto(caseUrl);
  await step(page, 'approve_assessment');
  await expect(page.getByTestId('case-state').first()).toHaveText('Rencana intervensi');
  await signOut(page);

  // The plan: goals and two services, submitted, approved.
  await as(page, WORKER);
  await page.goto(caseUrl);
  const plan = page.getByTestId('plan-form');
  await plan.getByRole('textbox', { name: /Tujuan/ }).fill('Kakek kembali diasuh anaknya.');
  await page.getByTestId('plan-add').click();
  await page.getByTestId('plan-add').click();
  await pick(page, { testId: 'plan-type-0' }, 'Layanan kesehatan');
  await plan.getByRole('textbox', { name: 'Penanggung jawab' }).nth(0).fill('Puskesmas Banjarbaru');
  await pick(page, { testId: 'plan-type-1' }, 'Reunifikasi keluarga');
  await plan.getByRole('textbox', { name: 'Penanggung jawab' }).nth(1).fill('Pekerja sosial');
  await page.getByTestId('plan-save').click();
  await expect(page.getByText('Rencana disimpan.')).toBeVisible();
  await step(page, 'submit_plan');
  await signOut(page);
  await as(page, BOSS);
  await page.goto(caseUrl);
  await step(page, 'approve_plan');
  await expect(page.getByTestId('case-state').first()).toHaveText('Dalam layanan');
  await expect(page.getByTestId('plan-service')).toHaveCount(2);
  await signOut(page);

  // A referral to a panti sosial, accepted and done; a sensitive note.
  await as(page, WORKER);
  await page.goto(caseUrl);
  await page.getByTestId('referral-add').click();
  let dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /Nama instansi tujuan/ }).fill('PSTW Budi Sejahtera');
  await dialog.getByRole('textbox', { name: /Alasan rujukan/ }).fill('Perawatan lanjut usia.');
  await dialog.getByTestId('referral-send').click();
  await expect(dialog).toBeHidden();
  await page.getByTestId('referral-accept').click();
  await page.getByRole('dialog').getByTestId('referral-step-confirm').click();
  await page.getByTestId('referral-complete').click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: /Hasil/ }).click();
  await page.getByRole('option', { name: 'Berhasil', exact: true }).click();
  await dialog.getByTestId('referral-step-confirm').click();
  await expect(page.getByTestId('referral-row')).toHaveAttribute('data-state', 'done');
  await page.getByTestId('note-add').click();
  dialog = page.getByRole('dialog');
  await dialog
    .getByRole('textbox', { name: /^Catatan/ })
    .fill('Riwayat penelantaran oleh menantu.');
  await dialog.getByTestId('note-sensitive').check();
  await dialog.getByTestId('note-save').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('note-row')).toContainText('Riwayat penelantaran');
  await shotBoth(page, 'page');
  await signOut(page);

  // Another caseworker reads the case but not the sensitive note, and cannot change anything.
  await as(page, OTHER);
  await page.goto(caseUrl);
  await expect(page.getByTestId('case-readonly')).toBeVisible();
  await expect(page.getByText('Riwayat penelantaran')).toHaveCount(0);
  await expect(page.getByTestId('case-actions')).toHaveCount(0);
  await shotBoth(page, 'other-caseworker');
  await signOut(page);

  // Closure requested by the caseworker, approved by the supervisor.
  await as(page, WORKER);
  await page.goto(caseUrl);
  await step(page, 'request_closure', async (d) => {
    await d.getByRole('combobox', { name: /Alasan penutupan/ }).click();
    await page.getByRole('option', { name: 'Kembali ke keluarga', exact: true }).click();
    await d.getByRole('textbox', { name: /Ringkasan penutupan/ }).fill('Dijemput anaknya.');
  });
  await expect(page.getByTestId('case-state').first()).toHaveText('Penutupan diajukan');
  await signOut(page);
  await as(page, BOSS);
  await page.goto(caseUrl);
  await step(page, 'approve_closure');
  await expect(page.getByTestId('case-state').first()).toHaveText('Ditutup');

  // The figures count him.
  await page.goto(`${host.url}/#/cases/figures`);
  await page.getByRole('button', { name: 'Tahun ini' }).click();
  const figures = page.getByTestId('case-figures');
  await expect(figures.getByTestId('figure-value').nth(0)).toHaveText('1');
  await expect(figures.getByTestId('figure-value').nth(2)).toHaveText('1');
  await expect(page.getByTestId('figures-ppks')).toContainText('Lanjut Usia Terlantar');
  await shotBoth(page, 'figures');
  await page.goto(`${host.url}/#/cases?state=all`);
  await expect(page.getByTestId('case-row')).toHaveCount(1);
  await shotBoth(page, 'list');
});

test('case settings, a corrected opening, and a referral letter from the shipped letter types', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  // The admin screen: a pattern without the year is refused at its field; due days and a new
  // service type are saved.
  await as(page, ADMIN);
  await page.goto(`${host.url}/#/admin/case-settings`);
  await expect(page.getByRole('heading', { name: 'Pengaturan kasus' })).toBeVisible();
  const pattern = page.getByRole('textbox', { name: /Pola nomor kasus/ });
  await pattern.fill('KS/{seq:4}');
  await expect(page.getByText(/Pola harus memuat/).first()).toBeVisible();
  await page.getByTestId('case-settings-save').click();
  await expect(page.getByRole('alert').first()).toContainText(/Periksa \d isian/);
  await pattern.fill('KS/{seq:4}/{romanMonth}/{year}');
  await expect(page.getByTestId('case-pattern-sample')).toHaveText(/^KS\/0001\/[IVX]+\/\d{4}$/);
  await page.getByTestId('case-assessment-days').fill('5');
  await page.getByTestId('case-settings-save').click();
  await expect(page.getByTestId('case-next-number')).toHaveText(/^KS\/0002\/[IVX]+\/\d{4}$/);
  await page
    .getByTestId('case-service-types')
    .getByRole('button', { name: 'Tambah jenis layanan' })
    .click();
  let dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /Nama jenis layanan/ }).fill('Pendampingan NAPZA');
  await dialog.getByRole('textbox', { name: /bahasa Inggris/ }).fill('Drug rehabilitation support');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('service-type-row')).toHaveCount(13);
  await expect(page.getByTestId('case-service-types')).toContainText('Pendampingan NAPZA');
  await shotBoth(page, 'admin-settings');
  await signOut(page);

  // A new walk-in case, consent to sharing and a referral to the Dinas Sosial of Kab. Banjar.
  await rpc(request, host, 'auth.login', { username: WORKER.username, password: WORKER.password });
  const person = await rpc<{ id: string }>(request, host, 'persons.create', {
    fullName: 'Nenek Aminah',
    nik: '6303015203500001',
    sex: 'F',
    birthPlace: 'Martapura',
    birthDate: '1950-03-12',
    address: 'Desa Tungkaran, Martapura',
    originCode: '63.03',
    identityStatus: 'stated',
  });
  let k = await rpc<{ id: string; version: number; number: string; assessmentDue: string }>(
    request,
    host,
    'cases.create',
    { personId: person.id, ppks: ['PPKS-08'], origin: 'walk_in' },
  );
  expect(k.number).toMatch(/^KS\/0002\/[IVX]+\/\d{4}$/);
  k = await rpc(request, host, 'cases.setConsent', {
    id: k.id,
    version: k.version,
    processing: true,
    sharing: true,
    by: 'person',
    method: 'signed_form',
  });
  await rpc(request, host, 'cases.refer', {
    caseId: k.id,
    agencyKind: 'dinsos_region',
    agencyName: 'Dinas Sosial Kabupaten Banjar',
    regionCode: '63.03',
    reason: 'Pemulangan ke keluarga di Martapura.',
  });

  // The caseworker corrects the origin and address; the timeline names what changed.
  await as(page, WORKER);
  await page.goto(`${host.url}/#/cases/${k.id}`);
  await page.getByTestId('case-edit').click();
  dialog = page.getByRole('dialog');
  await pick(page, { testId: 'case-origin' }, 'Penjangkauan');
  await dialog.getByTestId('case-location-address').fill('Emperan Pasar Bauntung');
  await dialog
    .getByRole('textbox', { name: /Alasan perbaikan/ })
    .fill('Ditemukan saat penjangkauan.');
  await shotBoth(page, 'edit-opening');
  await dialog.getByTestId('case-edit-save').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('case-details')).toContainText('Penjangkauan');
  await expect(page.getByTestId('case-details')).toContainText('Emperan Pasar Bauntung');
  await expect(page.getByTestId('case-event').first()).toContainText(
    'Rincian diperbaiki: Asal kasus, Alamat',
  );
  await expect(page.getByTestId('case-event').first()).toContainText(
    'Ditemukan saat penjangkauan.',
  );

  // A referral letter from the letter types a fresh install ships.
  await page.getByTestId('new-letter-referral').click();
  await page.getByTestId('letter-template').click();
  await page
    .getByRole('option', { name: 'Surat pengantar rujukan ke Dinas Sosial daerah asal' })
    .click();
  await page.getByRole('button', { name: 'Buat draf' }).click();
  await expect(page.getByTestId('letter-title')).toHaveText('Surat Pengantar');
  await expect(page.getByTestId('letter-body')).toContainText(k.number);
  await expect(page.getByTestId('letter-body')).toContainText(
    'Pemulangan ke keluarga di Martapura.',
  );
  await expect(page.getByTestId('letter-missing')).toHaveCount(0);
  await shotBoth(page, 'referral-letter');
});
