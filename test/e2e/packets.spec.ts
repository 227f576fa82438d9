/**
 * Exchange packets between two offices (issue 12), each its own browser host: Kota Banjarbaru
 * and Kab. Banjar exchange key cards with the fingerprint confirmed, Banjarbaru sends its
 * residents from Kab. Banjar, Banjar imports them (one matched by NIK and linked, one new),
 * acknowledges back, and re-importing the packet changes nothing.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  expect,
  request as requests,
  test,
  type APIRequestContext,
  type Browser,
  type Page,
} from '@playwright/test';
import { ADMIN, freshHost, login, rpc, shot, shotSizes, type Host } from './host';

const banjarbaru = freshHost();
const banjar = freshHost();
test.describe.configure({ mode: 'serial' });

const PASSPHRASE = 'kunci-rahasia-kantor';
const files = mkdtempSync(join(tmpdir(), 'pelita-e2e-packets-'));
const SITI_NIK = '6303015204850001';

async function api(host: Host, regionCode: string, name: string): Promise<APIRequestContext> {
  const ctx = await requests.newContext();
  await rpc(ctx, host, 'auth.setup', {
    office: {
      name,
      regionCode,
      address: 'Jl. Ahmad Yani',
      timeZone: 'Asia/Makassar',
      maxStayDays: 7,
    },
    admin: ADMIN,
  });
  return ctx;
}

async function office(browser: Browser, host: Host): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await login(page, host, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('navigation')).toBeVisible();
  return page;
}

/** Clicks `button` and keeps the file the browser downloads; returns its path. */
async function download(page: Page, click: () => Promise<void>, name: string): Promise<string> {
  const waiting = page.waitForEvent('download');
  await click();
  const d = await waiting;
  const path = join(files, name);
  await d.saveAs(path);
  return path;
}

let pageA: Page;
let pageB: Page;

test.beforeAll(async ({ browser }) => {
  const a = await api(banjarbaru, '63.72', 'Dinas Sosial Kota Banjarbaru');
  const b = await api(banjar, '63.03', 'Dinas Sosial Kabupaten Banjar');
  // Banjarbaru's shelter holds two people from Kab. Banjar who agreed to sharing.
  const shelter = await rpc<{ id: string }>(a, banjarbaru, 'shelters.save', {
    name: 'Rumah Singgah Banjarbaru',
    address: 'Jl. Trikora',
    capacity: 10,
  });
  const room = await rpc<{ rooms: { id: string }[] }>(a, banjarbaru, 'shelters.saveRoom', {
    shelterId: shelter.id,
    name: 'Ruang Keluarga',
    kind: 'family',
  });
  let beds: { id: string }[] = [];
  for (const label of ['K1', 'K2'])
    beds = (
      await rpc<{ rooms: { beds: { id: string }[] }[] }>(a, banjarbaru, 'shelters.saveBed', {
        roomId: room.rooms[0]!.id,
        label,
      })
    ).rooms[0]!.beds;
  const people = [
    { fullName: 'Siti Aminah', sex: 'F', birthDate: '1985-04-12', nik: SITI_NIK },
    { fullName: 'Rahmat Hidayat', sex: 'M', estimatedAge: 40 },
  ];
  for (const [i, p] of people.entries()) {
    const person = await rpc<{ id: string }>(a, banjarbaru, 'persons.create', {
      ...p,
      originCode: '63.03',
      identityStatus: 'stated',
    });
    await rpc(a, banjarbaru, 'packets.setConsent', {
      personId: person.id,
      consent: 'given',
      note: null,
    });
    await rpc(a, banjarbaru, 'stays.checkIn', {
      personId: person.id,
      bedId: beds[i]!.id,
      referralSource: 'satpol_pp',
      ppks: ['PPKS-11'],
    });
  }
  // Kab. Banjar already knows Siti, under a longer name.
  await rpc(b, banjar, 'persons.create', {
    fullName: 'Siti Aminah binti Rahman',
    sex: 'F',
    birthDate: '1985-04-12',
    nik: SITI_NIK,
    originCode: '63.03',
    identityStatus: 'document',
  });
  pageA = await office(browser, banjarbaru);
  pageB = await office(browser, banjar);
});

async function makeKeys(page: Page, host: Host, name: string): Promise<string> {
  await page.goto(host.url + '/#/admin/exchange-keys');
  await page.getByTestId('keys-create').click();
  const dialog = page.getByRole('dialog', { name: 'Buat kunci' });
  await dialog.getByLabel('Frasa sandi kunci').fill(PASSPHRASE);
  await dialog.getByRole('button', { name: 'Buat kunci' }).click();
  await expect(page.getByTestId('own-fingerprint')).toHaveText(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
  return download(page, () => page.getByTestId('keys-card').click(), `${name}.pelitakey`);
}

async function importCard(page: Page, card: string, expected: string) {
  await page.locator('input[type="file"]').setInputFiles(card);
  const dialog = page.getByRole('dialog', { name: 'Impor kartu mitra' });
  await expect(dialog.getByTestId('card-fingerprint')).toHaveText(expected);
  // Importing waits for the fingerprint to be confirmed over the phone.
  await expect(dialog.getByRole('button', { name: 'Impor kartu mitra' })).toBeDisabled();
  await dialog.getByTestId('card-confirm').click();
  return dialog;
}

let packet = '';

test('both offices make keys and import each other’s card after confirming the fingerprint', async () => {
  const cardA = await makeKeys(pageA, banjarbaru, 'banjarbaru');
  const fpA = await pageA.getByTestId('own-fingerprint').innerText();
  await shotSizes(pageA, '120-packets-keys');
  const cardB = await makeKeys(pageB, banjar, 'banjar');
  const fpB = await pageB.getByTestId('own-fingerprint').innerText();

  const dialog = await importCard(pageA, cardB, fpB);
  await shot(pageA, '121-packets-card-confirm');
  await dialog.getByRole('button', { name: 'Impor kartu mitra' }).click();
  await expect(pageA.getByTestId('partners-table')).toContainText('Dinas Sosial Kabupaten Banjar');
  await shotSizes(pageA, '122-packets-partners');
  const back = await importCard(pageB, cardA, fpA);
  await back.getByRole('button', { name: 'Impor kartu mitra' }).click();
  await expect(pageB.getByTestId('partners-table')).toContainText('Kota Banjarbaru');

  // The printable key exchange record carries the fingerprint in groups.
  await pageA.getByRole('link', { name: 'Berita acara pertukaran kunci' }).click();
  await expect(pageA.getByTestId('key-record')).toContainText(fpA);
  await shotSizes(pageA, '123-packets-key-record');
});

test('Banjarbaru previews and sends its residents from Kab. Banjar', async () => {
  await pageA.goto(banjarbaru.url + '/#/packets/export');
  await pageA.getByTestId('export-partner').click();
  await pageA.getByRole('option', { name: /Kabupaten Banjar/ }).click();
  await pageA.getByTestId('export-preview').click();
  await expect(pageA.getByTestId('export-counts')).toContainText('2 orang, 2 tinggal');
  await expect(pageA.getByTestId('export-preview-card')).toContainText('Siti Aminah');
  await shotSizes(pageA, '124-packets-export-preview');
  await pageA.getByTestId('export-purpose').fill('Pemulangan ke daerah asal');
  packet = await download(
    pageA,
    () => pageA.getByRole('button', { name: 'Buat paket' }).click(),
    'paket-1.pelita',
  );
  await expect(pageA.getByTestId('outbox-table')).toContainText('Dinas Sosial Kabupaten Banjar');
  await expect(pageA.getByTestId('outbox-table')).toContainText('Belum ada tanda terima');
});

test('Kab. Banjar opens the packet: one person matched and linked, one new, then applied', async () => {
  await pageB.goto(banjar.url + '/#/packets');
  await pageB.locator('input[type="file"]').setInputFiles(packet);
  await expect(
    pageB.getByRole('heading', { name: /Paket 1 dari Dinas Sosial Kota Banjarbaru/ }),
  ).toBeVisible();
  const rows = pageB.getByTestId('staged-person');
  await expect(rows).toHaveCount(2);
  const siti = rows.filter({ hasText: 'Siti Aminah' }).first();
  await expect(siti).toContainText('NIK sama');
  await expect(siti).toContainText('Siti Aminah binti Rahman');
  await shotSizes(pageB, '125-packets-import-preview');
  await siti.getByTestId('staged-link').click();
  await expect(siti.getByTestId('staged-decision')).toHaveText('Dihubungkan');
  const rahmat = rows.filter({ hasText: 'Rahmat Hidayat' });
  await expect(rahmat).toContainText('Tidak ada yang mirip');
  await rahmat.getByTestId('staged-accept').click();
  await expect(rahmat.getByTestId('staged-decision')).toHaveText('Diterima');
  await pageB.getByTestId('staged-apply').click();
  await expect(pageB.getByTestId('staged-counts')).toContainText('Sudah diterapkan');
  await shotSizes(pageB, '126-packets-applied');
});

test('the acknowledgement goes back and marks the outbox; re-importing changes nothing', async () => {
  const ack = await download(pageB, () => pageB.getByTestId('staged-ack').click(), 'ack.pelita');
  await pageA.goto(banjarbaru.url + '/#/packets');
  await pageA.locator('input[type="file"]').setInputFiles(ack);
  await expect(pageA.getByTestId('outbox-ack')).toHaveText('Diterima 2, ditolak 0');
  await shotSizes(pageA, '127-packets-outbox');

  await pageB.goto(banjar.url + '/#/packets');
  await pageB.locator('input[type="file"]').setInputFiles(packet);
  await expect(pageB.getByText(/sudah diimpor pada/)).toBeVisible();
  await shot(pageB, '128-packets-reimport');
  await expect(pageB.getByTestId('inbox-table').getByRole('row')).toHaveCount(2);

  // The new person is shown as from Banjarbaru, with the stay there.
  await pageB.goto(banjar.url + '/#/persons');
  await pageB.getByRole('link', { name: 'Rahmat Hidayat' }).first().click();
  await expect(pageB.getByTestId('person-exchange')).toContainText(
    'Dari Dinas Sosial Kota Banjarbaru',
  );
  await expect(pageB.getByTestId('person-exchange')).toContainText('Rumah Singgah Banjarbaru');
  await shotSizes(pageB, '129-packets-person', pageB.getByTestId('person-exchange'));
});
