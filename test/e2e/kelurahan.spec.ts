/**
 * Data from the kelurahan to the city (issue 15), end to end: a kelurahan operator of Komet
 * reports an abandoned elderly woman found at the market; the city's complaint officer finds her
 * in the registry through the matcher, triages the finding and records her shelter check-in; the
 * operator sees the outcome and the kelurahan's rekap counts her; a DTSEN list is imported, her
 * page says "Terdaftar DTSEN", and a resident not in the list appears on the proposal list.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import readXlsxFile from 'read-excel-file/node';
import { ADMIN, freshHost, login, openNav, rpc, setupViaApi, shotSizes, signOut } from './host';

const host = freshHost();
test.describe.configure({ mode: 'serial' });

const KOMET = '63.72.04.1003';
const OPERATOR = { username: 'op.komet', fullName: 'Nurul Hidayah', password: 'KelurahanKomet26' };
const OFFICER = { username: 'rina.aduan', fullName: 'Rina Marlina', password: 'AduanCepat2026' };
const NIK_HADIJAH = '6372045205530001';
const NIK_RUSDI = '6372040101800002';
const state = { personId: '', w1: '' };

async function user(
  request: Parameters<typeof rpc>[0],
  u: typeof OFFICER,
  roles: string[],
  kelurahanCode: string | null = null,
) {
  await rpc(request, host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await rpc(request, host, 'users.create', { ...u, roles, kelurahanCode });
  await rpc(request, host, 'auth.login', { username: u.username, password: u.password });
  const next = `${u.password}x`;
  await rpc(request, host, 'auth.changePassword', {
    currentPassword: u.password,
    newPassword: next,
  });
  u.password = next;
}

async function dismissToasts(page: Page) {
  const toasts = page.locator('.mantine-Notification-root');
  for (let i = 0; i < 30 && (await toasts.count()) > 0; i++) {
    await toasts
      .first()
      .locator('button')
      .click()
      .catch(() => undefined);
    await page.waitForTimeout(120);
  }
}

async function shot(page: Page, name: string) {
  await dismissToasts(page);
  await shotSizes(page, `kelurahan-${name}`);
}

test.beforeAll(async ({ request }) => {
  await setupViaApi(request, host);
  await user(request, OPERATOR, ['kelurahan_operator'], KOMET);
  await user(request, OFFICER, ['complaint_officer']);
  // The shelter, and two residents of Komet already in the registry.
  await rpc(request, host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const shelter = await rpc<{ id: string }>(request, host, 'shelters.save', {
    name: 'Rumah Singgah Banjarbaru',
    address: 'Jl. Trikora',
    capacity: 10,
  });
  const withRoom = await rpc<{ rooms: { id: string; name: string }[] }>(
    request,
    host,
    'shelters.saveRoom',
    {
      shelterId: shelter.id,
      name: 'Ruang Wanita',
      kind: 'women',
    },
  );
  const women = await rpc<{ rooms: { beds: { id: string }[] }[] }>(
    request,
    host,
    'shelters.saveBed',
    {
      roomId: withRoom.rooms[0]!.id,
      label: 'W1',
    },
  );
  state.w1 = women.rooms[0]!.beds[0]!.id;
  const withRoom2 = await rpc<{ rooms: { id: string; name: string; beds: { id: string }[] }[] }>(
    request,
    host,
    'shelters.saveRoom',
    { shelterId: shelter.id, name: 'Ruang Pria', kind: 'men' },
  );
  const men = withRoom2.rooms.find((r) => r.name === 'Ruang Pria')!;
  const bed = await rpc<{ rooms: { name: string; beds: { id: string; label: string }[] }[] }>(
    request,
    host,
    'shelters.saveBed',
    {
      roomId: men.id,
      label: 'P1',
    },
  );
  const hadijah = await rpc<{ id: string }>(request, host, 'persons.create', {
    fullName: 'Hadijah Mardiana',
    nik: NIK_HADIJAH,
    sex: 'F',
    birthDate: '1953-05-12',
    villageCode: KOMET,
    identityStatus: 'document',
  });
  state.personId = hadijah.id;
  const rusdi = await rpc<{ id: string }>(request, host, 'persons.create', {
    fullName: 'Rusdi Maulana',
    nik: NIK_RUSDI,
    sex: 'M',
    birthDate: '1980-01-01',
    villageCode: KOMET,
    identityStatus: 'document',
  });
  // Rusdi stays in the shelter: a resident to propose for DTSEN if the list lacks him.
  const p1 = bed.rooms.find((r) => r.name === 'Ruang Pria')!.beds[0]!.id;
  await rpc(request, host, 'stays.checkIn', {
    personId: rusdi.id,
    bedId: p1,
    referralSource: 'community',
    ppks: ['PPKS-11'],
  });
});

test('a kelurahan operator reports an abandoned elderly woman; the rekap is empty before', async ({
  page,
  request,
}) => {
  await rpc(request, host, 'auth.login', {
    username: OPERATOR.username,
    password: OPERATOR.password,
  });
  const before = await rpc<{
    kelurahans: { code: string; total: number; counts: Record<string, number> }[];
  }>(request, host, 'rekap.get', {
    from: '2020-01',
    to: '2030-12',
  });
  // Only Rusdi's stay so far (PPKS-11); nobody under PPKS-08.
  expect(before.kelurahans).toEqual([
    expect.objectContaining({ code: KOMET, total: 1, counts: { 'PPKS-11': 1 } }),
  ]);

  await login(page, host, OPERATOR.username, OPERATOR.password);
  // The operator's navigation: findings and the rekap, never the registry or the shelter.
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Temuan PPKS' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Rekap PPKS' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Data Orang' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Rumah Singgah' })).toHaveCount(0);
  await openNav(page, 'Temuan PPKS');
  await expect(page.getByTestId('list-empty')).toBeVisible();
  await page.getByRole('link', { name: 'Laporkan temuan' }).first().click();
  await expect(page.getByRole('heading', { name: 'Laporkan temuan' })).toBeVisible();

  await page.getByTestId('finding-name').fill('Hadijah Mardiana');
  await page.getByRole('combobox', { name: 'Jenis kelamin' }).click();
  await page.getByRole('option', { name: 'Perempuan' }).click();
  await page.getByRole('textbox', { name: 'Tanggal lahir' }).fill('12/05/1953');
  await page
    .getByRole('textbox', { name: 'Ciri-ciri' })
    .fill('Berkerudung cokelat, membawa tas kain.');
  await page.getByTestId('finding-place').fill('Pasar Bauntung, depan los ikan');
  const ppks = page.getByRole('combobox', { name: 'Kategori PPKS' });
  await ppks.click();
  await ppks.fill('terlantar');
  await page.getByRole('option', { name: '08 · Lanjut Usia Terlantar' }).click();
  await page.keyboard.press('Escape');
  await page
    .getByTestId('finding-condition')
    .fill('Lemah, belum makan sejak kemarin, tidak ingat alamat keluarga.');
  await page.getByTestId('finding-urgency').getByText('Darurat').click();
  await page
    .getByRole('textbox', { name: 'Tindakan di tempat' })
    .fill('Diberi makan dan minum oleh warga.');
  await page.getByRole('textbox', { name: 'Kontak pelapor' }).fill('0812 5000 1234');
  await shot(page, 'form');
  await page.getByTestId('finding-submit').click();

  await expect(page.getByRole('heading', { name: /^Temuan TMN\/0001\// })).toBeVisible();
  await expect(page.getByTestId('finding-status')).toHaveText('Diterima');
  await expect(page.getByTestId('finding-outcome')).toContainText('Menunggu telaah');
  // No registry candidates for an operator.
  await expect(page.getByTestId('finding-candidates')).toHaveCount(0);
  await shot(page, 'reported');
});

test('the city finds her in the registry, triages and records the shelter check-in', async ({
  page,
  request,
}) => {
  await login(page, host, OFFICER.username, OFFICER.password);
  await openNav(page, 'Temuan PPKS');
  const row = page.getByTestId('finding-row').first();
  await expect(row).toContainText('Hadijah Mardiana');
  await expect(row).toContainText('Komet');
  await expect(row.getByTestId('finding-clock')).toContainText('Hari ini');
  await shot(page, 'queue');
  await row.click();

  const candidates = page.getByTestId('finding-candidates');
  await expect(candidates.getByTestId('finding-candidate')).toContainText('Hadijah Mardiana');
  await shot(page, 'triage');
  await candidates.getByTestId('finding-link-person').first().click();
  await expect(page.getByText('Di registri:')).toBeVisible();

  await page.getByTestId('finding-step-triage').click();
  await page
    .getByRole('textbox', { name: 'Hasil telaah' })
    .fill('Dijemput petugas, dibawa ke rumah singgah.');
  await page.getByTestId('finding-step-confirm').click();
  await expect(page.getByTestId('finding-status')).toHaveText('Ditelaah');

  // The shelter staff's check-in (their own screen, covered by the shelter spec).
  await rpc(request, host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await rpc(request, host, 'stays.checkIn', {
    personId: state.personId,
    bedId: state.w1,
    referralSource: 'community',
    ppks: ['PPKS-08'],
  });

  await page.reload();
  await page.getByTestId('finding-step-check_in').click();
  await page.getByTestId('finding-stay-select').click();
  await page.getByRole('option', { name: /Rumah Singgah Banjarbaru/ }).click();
  await page.getByTestId('finding-step-confirm').click();
  await expect(page.getByTestId('finding-status')).toHaveText('Masuk rumah singgah');
  await expect(page.getByTestId('finding-outcome')).toContainText('Rumah Singgah Banjarbaru');
  await shot(page, 'acted');
  await signOut(page);
});

test('the operator sees the outcome and the kelurahan rekap counts her', async ({ page }) => {
  await login(page, host, OPERATOR.username, OPERATOR.password);
  await openNav(page, 'Temuan PPKS');
  await expect(page.getByTestId('finding-row').first().getByTestId('finding-status')).toHaveText(
    'Masuk rumah singgah',
  );
  await page.getByTestId('finding-row').first().click();
  await expect(page.getByTestId('finding-outcome')).toContainText(
    'Masuk rumah singgah — Rumah Singgah Banjarbaru',
  );
  await shot(page, 'operator-outcome');

  await openNav(page, 'Rekap PPKS');
  const komet = page.getByTestId('rekap-kelurahan').locator(`[data-code="${KOMET}"]`);
  await expect(komet.getByTestId('rekap-count-PPKS-08')).toHaveText('1');
  // The city's sums are not the operator's to see.
  await expect(page.getByTestId('rekap-kecamatan')).toHaveCount(0);
  await komet.getByTestId('rekap-count-PPKS-08').click();
  const drill = page.getByTestId('rekap-drill');
  await expect(drill).toContainText('TMN/0001/');
  await expect(drill).toContainText('(tidak ditampilkan)');
  await page.keyboard.press('Escape');
  await shot(page, 'operator-rekap');
  await signOut(page);
});

test('a DTSEN list is imported: she is registered, and a resident missing from it is proposed', async ({
  page,
}) => {
  await login(page, host, OFFICER.username, OFFICER.password);
  await openNav(page, 'Daftar DTSEN');
  const csv = [
    'NIK;NAMA;TGL_LAHIR;ALAMAT;KELURAHAN;DESIL;PKH;BPNT;PBI',
    `${NIK_HADIJAH};Hadijah Mardiana;12/05/1953;Jl. Komet Raya 4;Komet;2;Ya;Ya;Tidak`,
    `6372051007900003;Budi Hartono;10/07/1990;Jl. Kemuning 1;Kemuning;1;;;`,
    `63720412;NIK Terpotong;;;;3;;;`,
  ].join('\n');
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'dtsen-oktober.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByTestId('dtsen-preview')).toContainText('Hadijah Mardiana');
  await expect(page.getByTestId('dtsen-map-nik')).toHaveValue('NIK');
  await expect(page.getByTestId('dtsen-map-desil')).toHaveValue('DESIL');
  await shot(page, 'dtsen-preview');
  await page.getByTestId('dtsen-import').click();
  const list = page.getByTestId('dtsen-list-row').first();
  await expect(list).toContainText('(1 ditolak)');
  await expect(list).toContainText('NIK 1');
  await page.getByTestId('dtsen-rows-refused').click();
  await expect(page.getByTestId('dtsen-rows')).toContainText('NIK tidak sah');
  await shot(page, 'dtsen-lists');

  await page.goto(`${host.url}/#/persons/${state.personId}`);
  await expect(page.getByTestId('person-dtsen-line')).toHaveText(
    /^Terdaftar DTSEN, desil 2, per \d{1,2} \S+ \d{4}$/,
  );
  await shot(page, 'person-dtsen');

  await page.goto(`${host.url}/#/dtsen?tab=proposal`);
  const proposal = page.getByTestId('dtsen-proposal');
  await expect(proposal.getByTestId('dtsen-proposal-row')).toHaveCount(1);
  await expect(proposal).toContainText('Rusdi Maulana');
  await expect(proposal).not.toContainText('Hadijah');
  await shot(page, 'dtsen-proposal');
});

test('the city rekap shows charts and exports XLSX with the kelurahan count', async ({ page }) => {
  await login(page, host, OFFICER.username, OFFICER.password);
  await openNav(page, 'Rekap PPKS');
  const komet = page.getByTestId('rekap-kelurahan').locator(`[data-code="${KOMET}"]`);
  await expect(komet.getByTestId('rekap-count-PPKS-08')).toHaveText('1');
  await expect(page.getByTestId('rekap-chart-ppks')).toContainText('Lanjut Usia');
  await expect(page.getByTestId('rekap-chart-kecamatan')).toBeVisible();
  await shot(page, 'city-rekap');
  const download = page.waitForEvent('download');
  await page.getByTestId('rekap-xlsx').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Rekap PPKS per kelurahan.*\.xlsx$/);
  const path = join(mkdtempSync(join(tmpdir(), 'rekap-')), 'rekap.xlsx');
  await file.saveAs(path);
  const [sheet] = await readXlsxFile(readFileSync(path));
  const head = sheet!.data[4]!;
  const row = sheet!.data.find((r) => r[1] === KOMET)!;
  expect(row[head.indexOf('PPKS-08 Lanjut Usia Terlantar')]).toBe(1);
});
