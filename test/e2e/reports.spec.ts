/**
 * Reports (issue 13), end to end: with last month's shelter stays in place, the admin opens the
 * reports screen, sees the shelter report for last month with its chart, prints it to PDF (A4,
 * letterhead, figures) and exports it to XLSX (title row, numbers), and the home screen shows the
 * last two weeks as charts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import readXlsxFile from 'read-excel-file/node';
import { previousPeriod } from '../../shared/reports/period';
import { ADMIN, freshHost, login, openNav, rpc, setupViaApi, shotSizes } from './host';

const host = freshHost();
test.describe.configure({ mode: 'serial' });

const today = new Date().toISOString().slice(0, 10);
const LAST_MONTH = previousPeriod('month', today);
/** 10.00 WITA on day `d` of last month. */
const lastMonth = (d: number) =>
  `${LAST_MONTH.from.slice(0, 8)}${String(d).padStart(2, '0')}T02:00:00.000Z`;

test.beforeAll(async ({ request }) => {
  await setupViaApi(request, host);
  await rpc(request, host, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const shelter = await rpc<{ id: string }>(request, host, 'shelters.save', {
    name: 'Rumah Singgah Dinsos Banjarbaru',
    address: 'Jl. Trikora No. 12, Banjarbaru',
    capacity: 6,
  });
  const withRoom = await rpc<{ rooms: { id: string }[] }>(request, host, 'shelters.saveRoom', {
    shelterId: shelter.id,
    name: 'Ruang Keluarga',
    kind: 'family',
  });
  const beds: string[] = [];
  for (const label of ['K1', 'K2', 'K3', 'K4']) {
    const s = await rpc<{ rooms: { beds: { id: string; label: string }[] }[] }>(
      request,
      host,
      'shelters.saveBed',
      { roomId: withRoom.rooms[0]!.id, label },
    );
    beds.push(s.rooms[0]!.beds.find((b) => b.label === label)!.id);
  }
  const people = [
    {
      fullName: 'Budi Santoso',
      sex: 'M',
      birthDate: '1985-02-11',
      originCode: '63.72',
      identityStatus: 'stated',
    },
    {
      fullName: 'Siti Aminah',
      sex: 'F',
      birthDate: '2017-06-01',
      originCode: '63.03',
      identityStatus: 'stated',
    },
    {
      fullName: 'Pak Darto',
      sex: 'M',
      estimatedAge: 70,
      originCode: '35.78',
      identityStatus: 'unknown',
    },
    {
      fullName: 'Wati',
      sex: 'F',
      birthDate: '1999-09-09',
      originCode: '63.71',
      identityStatus: 'stated',
    },
  ];
  const stays: [number, number | null][] = [
    [2, 9],
    [5, 8],
    [12, 26],
    [20, null],
  ];
  for (const [i, p] of people.entries()) {
    const person = await rpc<{ id: string }>(request, host, 'persons.create', p);
    const [inDay, outDay] = stays[i]!;
    const stay = await rpc<{ id: string; version: number }>(request, host, 'stays.checkIn', {
      personId: person.id,
      bedId: beds[i],
      referralSource: 'satpol_pp',
      ppks: i === 2 ? ['PPKS-08'] : ['PPKS-11'],
      checkinAt: lastMonth(inDay),
    });
    if (outDay !== null)
      await rpc(request, host, 'stays.checkOut', {
        id: stay.id,
        version: stay.version,
        checkoutAt: lastMonth(outDay),
        exitType: i === 1 ? 'repatriated' : 'reunited',
        destinationCode: i === 1 ? '63.03' : '63.72',
      });
  }
});

test('the shelter report for last month: on screen with its chart, as PDF and as XLSX', async ({
  page,
}) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await expect(page.getByTestId('home-chart-shelter')).toBeVisible();
  await expect(page.getByTestId('home-chart-shelter').locator('.recharts-area')).toBeVisible();
  await shotSizes(page, 'reports-00-home-charts', page.getByTestId('home-charts'));

  await openNav(page, 'Laporan');
  await expect(page.getByRole('heading', { name: 'Laporan', exact: true })).toBeVisible();
  await expect(page.getByTestId('period-shown')).toContainText('Periode:');
  const figures = page.getByTestId('report-figure');
  // Four people served, three exits last month.
  await expect(figures.first()).toHaveText('4');
  await expect(figures.nth(3)).toHaveText('3');
  const chart = page.getByTestId('chart-occupancy');
  await expect(chart.locator('.recharts-line').first()).toBeVisible();
  await expect(
    page.getByTestId('chart-sexAge').locator('.recharts-bar-rectangle path'),
  ).not.toHaveCount(0);
  await shotSizes(page, 'reports-01-shelter');
  await page.getByTestId('report-table-sexAge').scrollIntoViewIfNeeded();
  await shotSizes(page, 'reports-02-tables', page.getByTestId('report-table-sexAge'));

  const dir = mkdtempSync(join(tmpdir(), 'pelita-e2e-report-'));
  const pdfDownload = page.waitForEvent('download');
  await page.getByTestId('report-pdf').click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toMatch(/^Laporan Rumah Singgah – .+\.pdf$/);
  const pdfFile = join(dir, 'report.pdf');
  await pdf.saveAs(pdfFile);
  const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
  expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts/);
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  );
  expect(text).toContain('PEMERINTAH KOTA BANJARBARU');
  expect(text).toContain('LAPORAN RUMAH SINGGAH');
  expect(text).toMatch(/Orang dilayani 4/);
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', pdfFile, join(dir, 'page')]);
  writeFileSync(
    'test-results/screens/reports-03-pdf-page1.png',
    readFileSync(join(dir, 'page-1.png')),
  );

  const xlsxDownload = page.waitForEvent('download');
  await page.getByTestId('report-xlsx').click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const xlsxFile = join(dir, 'report.xlsx');
  await xlsx.saveAs(xlsxFile);
  const sheets = await readXlsxFile(readFileSync(xlsxFile));
  expect(sheets[0]!.data[0]![0]).toBe('Dinas Sosial Kota Banjarbaru');
  expect(sheets[0]!.data[5]).toEqual(['Orang dilayani', 4, 'orang/kali']);

  const registerDownload = page.waitForEvent('download');
  await page.getByTestId('register-export').click();
  expect((await registerDownload).suggestedFilename()).toMatch(/^Daftar orang terdaftar/);
});
