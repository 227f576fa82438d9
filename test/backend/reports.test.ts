/**
 * Reports: figures of hand-made fixtures checked against counts done by hand, the PDF (page size,
 * letterhead and figures through poppler), the XLSX read back (headers, number formats, NIK as
 * text, title row), register exports behind their own permission, and the audit of each.
 */
import { readFileSync } from 'node:fs';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../electron/backend/app';
import { blobPath } from '../../electron/backend/files/store';
import type { Report } from '../../shared/contract/reports';
import { auditRows, Client, setUpOffice, userWithRoles } from './harness';
import { closeAsDone, dataRequest, phoneComplaint } from './complaintsFixtures';
import { checkInInput, createPerson, makeNik, makeShelter } from './registry';
import { pageSizes, pdfFonts, pdfText } from './pdf/pdfTools';

const NOW = new Date('2026-12-01T02:00:00Z'); // 10.00 WITA
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
/** 10.00 WITA on a day. */
const at = (day: string) => `${day}T02:00:00.000Z`;

async function checkIn(
  c: Client,
  personId: string,
  bedId: string,
  day: string,
  ppks = ['PPKS-11'],
) {
  return c.call('stays.checkIn', {
    ...checkInInput(personId, bedId),
    checkinAt: at(day),
    ppks: ppks as ['PPKS-11'],
  });
}

async function checkOut(
  c: Client,
  id: string,
  day: string,
  exitType: 'reunited' | 'repatriated',
  destinationCode: string,
) {
  const { version } = await c.call('stays.get', { id });
  return c.call('stays.checkOut', { id, version, checkoutAt: at(day), exitType, destinationCode });
}

/**
 * Four people: Budi (man, 36, Banjarbaru, NIK) in 28 Oct – 5 Nov; Siti (girl of 6, Kab. Banjar,
 * no NIK) 10 – 12 Nov; Ahmad (born 1950, Surabaya, identity unknown) from 20 Nov, still in;
 * Rudi 1 – 3 Oct, outside November.
 */
async function shelterFixture() {
  const t = await setUpOffice(NOW);
  const s = await makeShelter(t.admin, 'Rumah Singgah Banjarbaru', {
    'Ruang Keluarga': ['K1', 'K2', 'K3', 'K4'],
  });
  const budi = await createPerson(t.admin, {
    fullName: 'Budi Santoso',
    sex: 'M',
    birthDate: '1990-05-01',
    nik: makeNik('63.72.01', '1990-05-01', 'M'),
    identityStatus: 'document',
    originCode: '63.72',
  });
  const siti = await createPerson(t.admin, {
    fullName: 'Siti Aminah',
    sex: 'F',
    birthDate: '2020-03-01',
    identityStatus: 'stated',
    originCode: '63.03.02',
  });
  const ahmad = await createPerson(t.admin, {
    fullName: 'Ahmad',
    sex: 'M',
    estimatedAge: 76,
    identityStatus: 'unknown',
    originCode: '35.78',
  });
  const rudi = await createPerson(t.admin, {
    fullName: 'Rudi',
    sex: 'M',
    identityStatus: 'stated',
  });
  const r = await checkIn(t.admin, rudi.id, s.beds.K4!, '2026-10-01');
  await checkOut(t.admin, r.id, '2026-10-03', 'reunited', '63.72');
  const b = await checkIn(t.admin, budi.id, s.beds.K1!, '2026-10-28');
  await checkOut(t.admin, b.id, '2026-11-05', 'reunited', '63.72');
  const si = await checkIn(t.admin, siti.id, s.beds.K2!, '2026-11-10');
  await checkOut(t.admin, si.id, '2026-11-12', 'repatriated', '63.03');
  await checkIn(t.admin, ahmad.id, s.beds.K3!, '2026-11-20', ['PPKS-08', 'PPKS-11']);
  return { ...t, ...s, budi };
}

const figure = (r: Report, label: string) => r.figures.find((f) => f.label[1] === label)?.value;
const rows = (r: Report, key: string) =>
  Object.fromEntries(r.tables.find((t) => t.key === key)!.rows.map((x) => [x.label[1], x.values]));

describe('shelter report', () => {
  it('counts November as worked out by hand', async () => {
    const t = await shelterFixture();
    const r = await t.admin.call('reports.run', { report: 'shelter', period: NOVEMBER });
    expect(r.title).toEqual(['Laporan Rumah Singgah', 'Shelter report']);
    expect(figure(r, 'People served')).toBe(3);
    expect(figure(r, 'Stays')).toBe(3);
    expect(figure(r, 'New admissions')).toBe(2);
    expect(figure(r, 'Exits')).toBe(2);
    // Budi 8 days (28 Oct → 5 Nov), Siti 2 days.
    expect(figure(r, 'Average length of stay')).toBe(5);
    expect(figure(r, 'Median length of stay')).toBe(5);
    // Budi (8 > 7) and Ahmad (20 → 30 Nov: 10 days, still in).
    expect(figure(r, 'Stays past the SOP maximum')).toBe(2);
    // Nights occupied: Budi 1–4 Nov (4), Siti 10–11 (2), Ahmad 20–30 (11) = 17 of 30 × 4 beds.
    expect(figure(r, 'Average bed occupancy')).toBe(14.2);
    const nights = r.tables.find((t) => t.key === 'occupancy')!;
    expect(nights.rows).toHaveLength(30);
    expect(nights.rows.map((n) => n.values[0]).join('')).toBe('111100000110000000011111111111');
    expect(rows(r, 'sexAge')).toEqual({
      'Under 5 (0–4 yrs)': [0, 0, 0, 0],
      'Children (5–17 yrs)': [0, 1, 0, 1],
      'Adults (18–59 yrs)': [1, 0, 0, 1],
      'Elderly (60+ yrs)': [1, 0, 0, 1],
      Unknown: [0, 0, 0, 0],
    });
    expect(rows(r, 'ppks')).toEqual({
      'PPKS-11 Homeless person': [3],
      'PPKS-08 Neglected elderly person': [1],
    });
    expect(rows(r, 'origin')).toEqual({
      'From this city': [1],
      'Other regencies in the province': [1],
      'Other provinces': [1],
      'Origin unknown': [0],
    });
    expect(Object.keys(rows(r, 'topOrigins'))).toHaveLength(3);
    expect(rows(r, 'exits')).toEqual({
      'Reunited with family': [1],
      'Repatriated to region of origin': [1],
    });
    expect(rows(r, 'identity')).toMatchObject({ 'With NIK': [1], 'Without NIK': [2] });
  });

  it('refuses an end before the start, and a report of a domain the caller cannot read', async () => {
    const t = await shelterFixture();
    const err = await t.admin.fail('reports.run', {
      report: 'shelter',
      period: { from: '2026-11-30', to: '2026-11-01' },
    });
    expect(err.code).toBe('VALIDATION');
    expect(err.issues?.[0]).toMatchObject({ path: ['period', 'to'], key: 'reports.range_order' });
    const staff = await userWithRoles(t, 'petugas', ['shelter_staff']);
    expect((await staff.fail('reports.run', { report: 'complaints', period: NOVEMBER })).code).toBe(
      'FORBIDDEN',
    );
    expect((await staff.call('reports.run', { report: 'shelter', period: NOVEMBER })).id).toBe(
      'shelter',
    );
  });

  it('prints an A4 or F4 PDF with the letterhead, figures and tables, and audits it', async () => {
    const warn = vi.spyOn(console, 'warn');
    const t = await shelterFixture();
    const { fileId, rows: count } = await t.admin.call('reports.pdf', {
      report: 'shelter',
      period: NOVEMBER,
      paper: 'F4',
    });
    const bytes = await fetchFile(t, fileId);
    const [page] = pageSizes(bytes);
    expect(page!.width).toBeCloseTo(609.4, 0);
    expect(page!.height).toBeCloseTo(935.4, 0);
    const text = pdfText(bytes).replace(/\s+/g, ' ');
    expect(text).toContain('PEMERINTAH KOTA BANJARBARU');
    expect(text).toContain('LAPORAN RUMAH SINGGAH');
    expect(text).toContain('Periode: November 2026');
    expect(text).toMatch(/Orang dilayani 3/);
    expect(text).toMatch(/Rata-rata tingkat hunian 14,2%/);
    expect(text).toContain('Menurut jenis kelamin dan kelompok umur');
    expect(text).toMatch(/Lanjut usia \(60\+ th\) 1 0 0 1/);
    // The charts' labels find the shipped font they name (pdfkit would look for it on the disk).
    expect(pdfFonts(bytes).every((f) => f.startsWith('LiberationSans'))).toBe(true);
    expect(warn.mock.calls.flat().join(' ')).not.toMatch(/failed to open font/);
    warn.mockRestore();
    const a4 = await t.admin.call('reports.pdf', { report: 'shelter', period: NOVEMBER });
    expect(pageSizes(await fetchFile(t, a4.fileId))[0]!.width).toBeCloseTo(595.3, 0);
    const audit = (await auditRows(t.backend)).filter((a) => a.method === 'reports.pdf');
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ record_type: 'report', note: 'print' });
    expect(JSON.parse(audit[0]!.changes!)).toEqual({
      report: [null, 'shelter'],
      period: [null, '2026-11-01/2026-11-30'],
      rows: [null, count],
    });
  });

  it('exports XLSX with a title row, headers and numbers as numbers', async () => {
    const t = await shelterFixture();
    const { fileId } = await t.admin.call('reports.xlsx', { report: 'shelter', period: NOVEMBER });
    const bytes = await fetchFile(t, fileId);
    const sheets = await readXlsxFile(Buffer.from(bytes));
    const summary = sheets[0]!;
    expect(summary.sheet).toBe('Ringkasan');
    expect(summary.data[0]![0]).toBe('Dinas Sosial Kota Banjarbaru');
    expect(summary.data[1]![0]).toBe('Laporan Rumah Singgah – November 2026');
    expect(summary.data[4]).toEqual(['Uraian', 'Jumlah', 'Satuan']);
    expect(summary.data[5]).toEqual(['Orang dilayani', 3, 'orang/kali']);
    const sexAge = sheets.find((s) => s.sheet.startsWith('Menurut jenis kelamin'))!;
    expect(sexAge.data[4]).toEqual([
      'Kelompok umur',
      'Laki-laki',
      'Perempuan',
      'Tidak diketahui',
      'Jumlah',
    ]);
    expect(sexAge.data[6]).toEqual(['Anak (5–17 th)', 0, 1, 0, 1]);
    const nights = sheets.find((s) => s.sheet.startsWith('Tempat tidur terisi'))!;
    // Percentages are stored as fractions with a percent format.
    expect(nights.data[5]).toEqual(['01/11', 1, 0.25]);
  });
});

/** A generated file's bytes, as the download would serve them. */
async function fetchFile(t: { backend: Backend; dir: string }, fileId: string) {
  const row = await t.backend.db
    .selectFrom('files')
    .select('sha256')
    .where('id', '=', fileId)
    .executeTakeFirstOrThrow();
  return new Uint8Array(readFileSync(blobPath(t.dir, row.sha256)));
}

describe('register listings', () => {
  it('exports persons with NIK as text, behind their own permission, audited with the row count', async () => {
    const t = await shelterFixture();
    const { fileId, rows: count } = await t.admin.call('reports.register', {
      register: 'persons',
      period: { from: '2026-12-01', to: '2026-12-01' },
    });
    expect(count).toBe(4);
    const [sheet] = await readXlsxFile(Buffer.from(await fetchFile(t, fileId)));
    expect(sheet!.data[1]![0]).toBe('Daftar orang terdaftar – 1 Desember 2026 – 1 Desember 2026');
    expect(sheet!.data[4]!.slice(0, 3)).toEqual(['Nama lengkap', 'NIK', 'No. KK']);
    const budi = sheet!.data.find((r) => r[0] === 'Budi Santoso')!;
    expect(budi[1]).toBe(makeNik('63.72.01', '1990-05-01', 'M'));
    expect(typeof budi[1]).toBe('string');
    expect(budi[5]).toEqual(new Date('1990-05-01T00:00:00Z'));

    const women = await t.admin.call('reports.register', {
      register: 'persons',
      period: { from: '2026-12-01', to: '2026-12-01' },
      sex: 'F',
    });
    expect(women.rows).toBe(1);
    const viewer = await userWithRoles(t, 'pimpinan', ['viewer']);
    expect(
      (await viewer.fail('reports.register', { register: 'persons', period: NOVEMBER })).code,
    ).toBe('FORBIDDEN');
    const audit = (await auditRows(t.backend)).filter((a) => a.method === 'reports.register');
    expect(JSON.parse(audit[1]!.changes!)).toMatchObject({
      report: [null, 'persons(F)'],
      rows: [null, 1],
    });
  });

  it('exports the stays overlapping a period', async () => {
    const t = await shelterFixture();
    const { fileId, rows: count } = await t.admin.call('reports.register', {
      register: 'stays',
      period: NOVEMBER,
    });
    expect(count).toBe(3);
    const [sheet] = await readXlsxFile(Buffer.from(await fetchFile(t, fileId)));
    expect(sheet!.data[5]!.slice(0, 4)).toEqual([
      'Budi Santoso',
      makeNik('63.72.01', '1990-05-01', 'M'),
      'Rumah Singgah Banjarbaru',
      'K1',
    ]);
    // Check-in 28 Oct 10.00 WITA, as office wall-clock time.
    expect(sheet!.data[5]![4]).toEqual(new Date('2026-10-28T10:00:00Z'));
  });
});

describe('complaints report', () => {
  it('counts the period by channel, kind and deadline met', async () => {
    const t = await setUpOffice(NOW);
    const a = await t.admin.call('complaints.create', phoneComplaint());
    await t.admin.call('complaints.create', dataRequest());
    await closeAsDone(t.admin, a.id);
    const r = await t.admin.call('reports.run', {
      report: 'complaints',
      period: { from: '2026-12-01', to: '2026-12-31' },
    });
    expect(figure(r, 'Received')).toBe(2);
    expect(figure(r, 'Closed')).toBe(1);
    expect(figure(r, 'Median working days to verification')).toBe(0);
    expect(rows(r, 'deadlines')).toEqual({
      Verification: [1, 1, 100],
      'First answer': [1, 1, 100],
      Completion: [1, 1, 100],
    });
    expect(rows(r, 'kinds')).toEqual({ Complaint: [1], 'Data service': [1] });
    expect(Object.values(rows(r, 'channels'))).toEqual([[1], [1]]);
    const open = r.tables.find((x) => x.key === 'officers')!.rows;
    expect(open.reduce((n, x) => n + x.values[0]!, 0)).toBe(1);
    // November had none: an empty report, not an error.
    const before = await t.admin.call('reports.run', { report: 'complaints', period: NOVEMBER });
    expect(figure(before, 'Received')).toBe(0);
    expect(figure(before, 'Median working days to verification')).toBeNull();
  });
});

describe('home figures', () => {
  it('shows each role what it may read: nights in the shelter, complaints, locked accounts', async () => {
    const t = await shelterFixture();
    const d = await t.admin.call('reports.dashboard', {});
    expect(d.today).toBe('2026-12-01');
    expect(d.shelter!.beds).toBe(4);
    // 18 Nov – 1 Dec: Ahmad from the 20th.
    expect(d.shelter!.nights.map((n) => n.occupied).join('')).toBe('00111111111111');
    expect(d.shelter!.nights[0]!.day).toBe('2026-11-18');
    expect(d.complaints!.received).toHaveLength(14);
    expect(d.users).toEqual({ active: 1, locked: 0 });
    const staff = await userWithRoles(t, 'petugas', ['shelter_staff']);
    const mine = await staff.call('reports.dashboard', {});
    expect(mine.shelter).not.toBeNull();
    expect(mine.complaints).toBeNull();
    expect(mine.users).toBeNull();
  });
});
