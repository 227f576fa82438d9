/**
 * Findings from a kelurahan PC without a connection (issue 15, option b): Kelurahan Komet runs
 * Pelita in kelurahan mode, exchanges key cards with the city, sends its finding as a packet;
 * the city opens and applies it, and the finding waits in its triage queue, from Komet.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, request as requests, test, type Browser, type Page } from '@playwright/test';
import { ADMIN, freshHost, login, rpc, shotSizes, type Host } from './host';

const city = freshHost();
const komet = freshHost();
test.describe.configure({ mode: 'serial' });

const PASSPHRASE = 'kunci-rahasia-kantor';
const KOMET = '63.72.04.1003';
const files = mkdtempSync(join(tmpdir(), 'pelita-e2e-findings-packets-'));

async function office(browser: Browser, host: Host): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await login(page, host, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('navigation')).toBeVisible();
  return page;
}

async function download(page: Page, click: () => Promise<void>, name: string): Promise<string> {
  const waiting = page.waitForEvent('download');
  await click();
  const path = join(files, name);
  await (await waiting).saveAs(path);
  return path;
}

async function makeKeys(page: Page, host: Host, name: string): Promise<string> {
  await page.goto(host.url + '/#/admin/exchange-keys');
  await page.getByTestId('keys-create').click();
  const dialog = page.getByRole('dialog', { name: 'Buat kunci' });
  await dialog.getByLabel('Frasa sandi kunci').fill(PASSPHRASE);
  await dialog.getByRole('button', { name: 'Buat kunci' }).click();
  await expect(page.getByTestId('own-fingerprint')).toHaveText(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
  return download(page, () => page.getByTestId('keys-card').click(), `${name}.pelitakey`);
}

async function importCard(page: Page, card: string) {
  await page.locator('input[type="file"]').setInputFiles(card);
  const dialog = page.getByRole('dialog', { name: 'Impor kartu mitra' });
  await dialog.getByTestId('card-confirm').click();
  await dialog.getByRole('button', { name: 'Impor kartu mitra' }).click();
}

let pageCity: Page;
let pageKomet: Page;

test.beforeAll(async ({ browser }) => {
  for (const [host, name, kelurahanCode] of [
    [city, 'Dinas Sosial Kota Banjarbaru', null],
    [komet, 'Kelurahan Komet', KOMET],
  ] as const) {
    const ctx = await requests.newContext();
    await rpc(ctx, host, 'auth.setup', {
      office: {
        name,
        regionCode: '63.72',
        address: 'Jl. Pangeran Suriansyah',
        timeZone: 'Asia/Makassar',
        maxStayDays: 7,
        kelurahanCode,
      },
      admin: ADMIN,
    });
    if (host === komet)
      await rpc(ctx, komet, 'findings.create', {
        kelurahanCode: KOMET,
        place: 'Pasar Bauntung, depan los ikan',
        foundAt: new Date(Date.now() - 3_600_000).toISOString(),
        ppks: ['PPKS-08'],
        condition: 'Lemah, belum makan sejak kemarin.',
        urgency: 'emergency',
        actionTaken: null,
        reporterRole: 'tksk',
        reporterName: 'Rahmat Hidayat',
        reporterContact: '0812 5000 1234',
        subject: { name: 'Hadijah Mardiana', sex: 'F' },
      });
  }
  pageCity = await office(browser, city);
  pageKomet = await office(browser, komet);
});

test('Komet sends its finding to the city, which applies it into its triage queue', async () => {
  const cardCity = await makeKeys(pageCity, city, 'kota');
  const cardKomet = await makeKeys(pageKomet, komet, 'komet');
  await importCard(pageCity, cardKomet);
  await expect(pageCity.getByTestId('partners-table')).toContainText('Kelurahan Komet');
  await importCard(pageKomet, cardCity);
  await expect(pageKomet.getByTestId('partners-table')).toContainText('Kota Banjarbaru');

  await pageKomet.goto(komet.url + '/#/packets/export');
  await pageKomet.getByTestId('export-partner').click();
  await pageKomet.getByRole('option', { name: /Kota Banjarbaru/ }).click();
  await pageKomet.getByTestId('export-preview').click();
  await expect(pageKomet.getByTestId('export-counts')).toContainText('1 temuan PPKS');
  await shotSizes(pageKomet, '130-findings-packet-export', pageKomet.getByTestId('export-counts'));
  await pageKomet.getByTestId('export-purpose').fill('Laporan temuan PPKS');
  const packet = await download(
    pageKomet,
    () => pageKomet.getByRole('button', { name: 'Buat paket' }).click(),
    'temuan-1.pelita',
  );

  await pageCity.goto(city.url + '/#/packets');
  await pageCity.locator('input[type="file"]').setInputFiles(packet);
  await expect(
    pageCity.getByRole('heading', { name: /Paket 1 dari Kelurahan Komet/ }),
  ).toBeVisible();
  await pageCity.getByTestId('staged-apply').click();
  await expect(pageCity.getByTestId('staged-counts')).toContainText('Sudah diterapkan');
  await shotSizes(pageCity, '131-findings-packet-applied');

  await pageCity.goto(city.url + '/#/findings');
  const row = pageCity.getByTestId('finding-row').first();
  await expect(row).toContainText('Komet');
  await expect(row).toContainText('Hadijah Mardiana');
  await shotSizes(pageCity, '132-findings-packet-queue');
});
