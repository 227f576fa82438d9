/**
 * Letters (issue 11), end to end: a shelter resident is repatriated to Kab. Banjar; the
 * repatriation letter to the Dinas Sosial there is written from the stay, submitted and issued
 * (number 400.9.2/0001/Dinsos/2026); the PDF, previewed as a draft and opened in the app's
 * viewer once issued, is saved from the viewer with that number and its pages are
 * rendered with pdftoppm to look at; the verification screen accepts the printed code and
 * refuses an altered one; the register shows the letter; voided, it keeps its number.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, freshHost, login, rpc, setupViaApi, shotSizes } from './host';

const host = freshHost();
test.describe.configure({ mode: 'serial' });

type Api = Parameters<typeof rpc>[0];

/**
 * Clicks the letter's PDF button and waits for the viewer: its frame shows a blob: URL, and the
 * bytes it shows came from the host as a PDF.
 */
async function openViewer(page: Page) {
  const fetched = page.waitForResponse(
    (r) => /\/files\/[^/?]+$/.test(new URL(r.url()).pathname) && r.request().method() === 'GET',
  );
  await page.getByTestId('letter-pdf').click();
  const response = await fetched;
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect(response.status()).toBe(200);
  // (Playwright keeps no body for a download the page read as a blob; the saved file's text is
  // checked below.)
  expect(Number(response.headers()['content-length'])).toBeGreaterThan(10_000);
  const viewer = page.getByTestId('pdf-viewer');
  const frame = viewer.getByTestId('pdf-frame');
  await expect(frame).toBeVisible();
  expect(await frame.getAttribute('src')).toMatch(/^blob:/);
  // The frame's document is Chromium's PDF viewer showing those bytes.
  await expect
    .poll(() => page.frames().some((f) => f.url().startsWith('blob:')), { timeout: 10_000 })
    .toBe(true);
  await page.waitForTimeout(5000); // the viewer draws its first page
  return viewer;
}

/** A resident checked in and repatriated to Kab. Banjar, and the head of office as signatory. */
async function seed(request: Api) {
  await rpc(request, host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const shelter = await rpc<{ id: string }>(request, host, 'shelters.save', {
    name: 'Rumah Singgah Banjarbaru',
    capacity: 10,
  });
  const withRoom = await rpc<{ rooms: { id: string }[] }>(request, host, 'shelters.saveRoom', {
    shelterId: shelter.id,
    name: 'Ruang Pria',
    kind: 'men',
  });
  const withBed = await rpc<{ rooms: { beds: { id: string }[] }[] }>(
    request,
    host,
    'shelters.saveBed',
    { roomId: withRoom.rooms[0]!.id, label: 'P1' },
  );
  const person = await rpc<{ id: string }>(request, host, 'persons.create', {
    fullName: 'Budi Santoso',
    nik: '6303011204850001',
    sex: 'M',
    birthPlace: 'Martapura',
    birthDate: '1985-04-12',
    address: 'Desa Sungai Tabuk, Kecamatan Sungai Tabuk',
    originCode: '63.03.01',
    identityStatus: 'document',
  });
  const now = Date.now();
  const stay = await rpc<{ id: string; version: number }>(request, host, 'stays.checkIn', {
    personId: person.id,
    bedId: withBed.rooms[0]!.beds[0]!.id,
    referralSource: 'satpol_pp',
    ppks: ['PPKS-11'],
    checkinAt: new Date(now - 5 * 86_400_000).toISOString(),
  });
  await rpc(request, host, 'stays.checkOut', {
    id: stay.id,
    version: stay.version,
    checkoutAt: new Date(now - 60_000).toISOString(),
    exitType: 'repatriated',
    destinationCode: '63.03',
    destinationDetail: 'Dinas Sosial Kabupaten Banjar',
    escort: 'Rahmat Hidayat, S.Tr.Sos.',
  });
  await rpc(request, host, 'letters.saveSignatory', {
    name: 'Drs. H. Abdul Karim, M.Si.',
    rank: 'Pembina Utama Muda (IV/c)',
    nip: '197006151995031002',
    position: 'Kepala Dinas Sosial',
  });
  return { stayId: stay.id };
}

let code = '';
let letterUrl = '';

test('the repatriation letter is written from the stay, issued and printed', async ({
  page,
  request,
}) => {
  await setupViaApi(request, host);
  const { stayId } = await seed(request);
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.goto(`${host.url}/#/shelter/stays/${stayId}`);
  await page.getByTestId('new-letter').click();
  await page.getByTestId('letter-template').click();
  await page.getByRole('option', { name: 'Surat pengantar pemulangan' }).click();
  await page.getByRole('button', { name: 'Buat draf' }).click();

  await expect(page.getByTestId('letter-title')).toHaveText('Surat Pengantar Pemulangan');
  await expect(page.getByTestId('letter-body')).toContainText('Rahmat Hidayat, S.Tr.Sos.');
  await expect(page.getByTestId('letter-missing')).toHaveCount(0);
  letterUrl = page.url();
  await page.getByTestId('letter-signatory').click();
  await page.getByRole('option', { name: /Abdul Karim/ }).click();
  await page.getByTestId('letter-save').click();
  await shotSizes(page, '60-letter-draft');
  // The draft's exact pages, marked DRAF, before it is submitted.
  const preview = await openViewer(page);
  await shotSizes(page, '60-letter-draft-preview');
  await preview.getByRole('button', { name: 'Tutup', exact: true }).click();
  await expect(preview).toBeHidden();

  await page.getByTestId('step-submit').click();
  await page.getByTestId('step-confirm').click();
  await expect(page.getByTestId('letter-status')).toHaveText('Diajukan');
  await page.getByTestId('step-issue').click();
  await page.getByTestId('step-confirm').click();
  const year = new Date().getFullYear();
  await expect(page.getByTestId('letter-number')).toHaveText(`400.9.2/0001/Dinsos/${year}`);
  await expect(page.getByTestId('letter-status')).toHaveText('Terbit');
  code = (await page.getByTestId('letter-code').textContent())!;
  expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  await shotSizes(page, '61-letter-issued');

  // The PDF opens in the app's viewer (a frame on a blob: URL of the fetched bytes), to be
  // printed or saved from there.
  const viewer = await openViewer(page);
  await shotSizes(page, '62-letter-viewer');
  const download = page.waitForEvent('download');
  await viewer.getByTestId('pdf-save').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(
    `Surat Pengantar Pemulangan 400.9.2-0001-Dinsos-${year}.pdf`,
  );
  const path = 'test-results/screens/62-letter.pdf';
  await file.saveAs(path);
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  expect(text).toContain(`400.9.2/0001/Dinsos/${year}`);
  expect(text).toContain(`Kode verifikasi: ${code}`);
  // The pages as printed, to look at.
  mkdirSync('test-results/screens', { recursive: true });
  execFileSync('pdftoppm', ['-r', '90', '-png', path, 'test-results/screens/62-letter-page']);
  await viewer.getByRole('button', { name: 'Tutup', exact: true }).click();
  await expect(viewer).toBeHidden();
  // A second print is a copy.
  await expect(page.getByTestId('letter-pdf')).toHaveText('Cetak ulang (SALINAN)');
});

test('the verification screen accepts the printed code and refuses an altered one', async ({
  page,
}) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.goto(`${host.url}/#/letters/verify`);
  await expect(page.getByTestId('not-tte')).toContainText('bukan tanda tangan elektronik');
  await page.getByTestId('verify-code').fill(code.toLowerCase());
  await page.getByTestId('verify-submit').click();
  const result = page.getByTestId('verify-result');
  await expect(result).toHaveAttribute('data-found', 'true');
  await expect(result).toContainText('400.9.2/0001/Dinsos/');
  await shotSizes(page, '63-letter-verify');
  const altered = code.slice(0, 10) + (code.endsWith('A') ? 'B' : 'A');
  await page.getByTestId('verify-code').fill(altered);
  await page.getByTestId('verify-submit').click();
  await expect(result).toHaveAttribute('data-found', 'false');
  await shotSizes(page, '64-letter-verify-refused');
});

test('the register shows the letter; voided, it keeps its number', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.goto(letterUrl);
  await page.getByTestId('step-void').click();
  await page.getByRole('dialog').getByRole('textbox').first().fill('Nama pendamping salah.');
  await page.getByTestId('step-confirm').click();
  await expect(page.getByTestId('letter-status')).toHaveText('Dibatalkan');
  await page.goto(`${host.url}/#/letters`);
  const row = page.getByTestId('letter-row').first();
  await expect(row).toContainText('400.9.2/0001/Dinsos/');
  await expect(row).toContainText('Dibatalkan');
  await shotSizes(page, '65-letter-register');
  await page.goto(`${host.url}/#/letters/verify`);
  await page.getByTestId('verify-code').fill(code);
  await page.getByTestId('verify-submit').click();
  await expect(page.getByTestId('verify-result')).toContainText('DIBATALKAN');
});

test('the admin keeps letter types, codes and signatories; an unknown placeholder is refused', async ({
  page,
}) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.goto(`${host.url}/#/admin/letter-templates`);
  const table = page.getByTestId('letter-templates-table');
  await expect(table).toContainText('Surat pengantar pemulangan');
  await shotSizes(page, '66-letter-templates');
  await table.getByRole('button', { name: 'Ubah: Surat keterangan', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Isi surat').fill('Gaji {{gaji_pokok}} untuk {{nama}}.');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toContainText('Isian tidak dikenal: {{gaji_pokok}}');
  await shotSizes(page, '67-letter-template-refused');
  await dialog.getByRole('button', { name: 'Batal' }).click();
  await page.goto(`${host.url}/#/admin/signatories`);
  await expect(page.getByTestId('signatories-table')).toContainText('19700615 199503 1 002');
  await shotSizes(page, '68-letter-signatories');
  await page.goto(`${host.url}/#/admin/office`);
  await expect(page.getByTestId('office-logo')).toBeVisible();
  await shotSizes(page, '69-office-logo');
});
