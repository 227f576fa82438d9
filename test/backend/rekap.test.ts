/**
 * The PPKS rekap against a hand-counted fixture: findings and shelter stays of people living in
 * the kelurahan, each person once per category, closed findings and other periods left out,
 * counts-only additions on top; kecamatan and city sums; the drill-down to the records.
 */
import { readFileSync } from 'node:fs';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/app';
import { blobPath } from '../../electron/backend/files/store';
import type { Input } from '../../shared/contract';
import { auditRows } from './harness';
import { KOMET, kelurahanOffice, OTHER_KELURAHAN, reportedFinding } from './kelurahanFixtures';
import { checkInInput, createPerson, makeShelter, signInAgain, staffUser } from './registry';

async function fixture() {
  const t = await kelurahanOffice();
  const shelterStaff = await staffUser(t, 'petugas.rs', ['shelter_staff']);
  const shelter = await makeShelter(t.admin);
  const p1 = await createPerson(t.officer, {
    fullName: 'Hadijah Mardiana',
    sex: 'F',
    villageCode: KOMET,
  });
  const p2 = await createPerson(t.officer, {
    fullName: 'Rusdi Maulana',
    sex: 'M',
    villageCode: OTHER_KELURAHAN,
  });
  // Komet: f1 (PPKS-08, p1), f2 (PPKS-08 and PPKS-11, nobody linked), f3 closed (left out).
  const f1 = await t.operator.call('findings.create', reportedFinding());
  await t.officer.call('findings.linkPerson', { id: f1.id, version: 1, personId: p1.id });
  const f2 = await t.operator.call(
    'findings.create',
    reportedFinding({ ppks: ['PPKS-08', 'PPKS-11'] }),
  );
  const f3 = await t.operator.call('findings.create', reportedFinding({ ppks: ['PPKS-13'] }));
  await t.officer.call('findings.transition', {
    id: f3.id,
    version: 1,
    step: 'close',
    closeReason: 'Bukan PPKS',
  });
  // Last year's finding: another period.
  await t.operator.call(
    'findings.create',
    reportedFinding({ foundAt: '2025-11-20T01:00:00.000Z', ppks: ['PPKS-02'] }),
  );
  // p1 also stays in the shelter as PPKS-08: still one person under PPKS-08.
  const s1 = await shelterStaff.call(
    'stays.checkIn',
    checkInInput(p1.id, shelter.beds.W1!, { ppks: ['PPKS-08'] }),
  );
  // p2 lives in Mentaos: counted there, from the stay only.
  await shelterStaff.call(
    'stays.checkIn',
    checkInInput(p2.id, shelter.beds.P1!, { ppks: ['PPKS-11', 'PPKS-12'] }),
  );
  // The kelurahan knows five poor families not in the registry.
  await t.operator.call('rekap.saveAddition', {
    month: '2026-11',
    ppks: 'PPKS-24',
    count: 5,
    note: 'Data Puskesos',
  });
  return { ...t, p1, p2, f1, f2, s1 };
}

describe('rekap PPKS', () => {
  it('counts each person once per kelurahan and category, sums kecamatan and city', async () => {
    const t = await fixture();
    const r = await t.viewer.call('rekap.get', { from: '2026-01', to: '2026-12' });
    const komet = r.kelurahans.find((k) => k.code === KOMET)!;
    expect(komet).toMatchObject({
      name: 'Komet',
      kecamatan: 'Banjarbaru Utara',
      counts: { 'PPKS-08': 2, 'PPKS-11': 1, 'PPKS-24': 5 },
      total: 8,
      // p1 under PPKS-08 counts under both sources it was found by.
      bySource: { finding: 3, stay: 1, addition: 5 },
    });
    const mentaos = r.kelurahans.find((k) => k.code === OTHER_KELURAHAN)!;
    expect(mentaos).toMatchObject({ counts: { 'PPKS-11': 1, 'PPKS-12': 1 }, total: 2 });
    // Every kelurahan of the city has its row, with nothing for most.
    expect(r.kelurahans).toHaveLength(20);
    const utara = r.kecamatans.find((k) => k.name === 'Banjarbaru Utara')!;
    expect(utara).toMatchObject({
      counts: { 'PPKS-08': 2, 'PPKS-11': 2, 'PPKS-12': 1, 'PPKS-24': 5 },
      total: 10,
    });
    expect(r.city).toMatchObject({ total: 10, counts: utara.counts });
    expect(r.kecamatans.filter((k) => k.total > 0)).toHaveLength(1);

    // The year before holds only last year's finding.
    const before = await t.viewer.call('rekap.get', { from: '2025-01', to: '2025-12' });
    expect(before.city).toMatchObject({ total: 1, counts: { 'PPKS-02': 1 } });
    const reversed = await t.viewer.fail('rekap.get', { from: '2026-12', to: '2026-01' });
    expect(reversed.issues?.[0]?.key).toBe('rekap.period_reversed');
  });

  it('shows where a count came from, with people only to those who may see them', async () => {
    const t = await fixture();
    const q = { from: '2026-11', to: '2026-11', kelurahanCode: KOMET, ppks: 'PPKS-08' } as const;
    const city = await t.officer.call('rekap.drill', q);
    expect(city.records.map((r) => [r.source, r.recordId]).sort()).toEqual(
      [
        ['finding', t.f1.id],
        ['finding', t.f2.id],
        ['stay', t.s1.id],
      ].sort(),
    );
    expect(city.records.find((r) => r.source === 'stay')).toMatchObject({
      personName: 'Hadijah Mardiana',
      personId: t.p1.id,
      label: 'Rumah Singgah Banjarbaru',
    });
    // The operator sees its findings' people, never who stayed in the shelter.
    const op = await t.operator.call('rekap.drill', q);
    expect(op.records.find((r) => r.source === 'stay')).toMatchObject({
      personName: null,
      personId: null,
    });
    expect(op.records.find((r) => r.recordId === t.f2.id)?.personName).toBe('Hadijah Mardiana');
    const added = await t.operator.call('rekap.drill', { ...q, ppks: 'PPKS-24' });
    expect(added.records).toEqual([
      expect.objectContaining({
        source: 'addition',
        count: 5,
        label: 'Data Puskesos',
        at: '2026-11',
      }),
    ]);
  });

  it('counts PPKS cases open in the period, each person once per category', async () => {
    const t = await fixture();
    const worker = await staffUser(t, 'siti', ['caseworker']);
    const boss = await staffUser(t, 'kasi', ['supervisor']);
    const p3 = await createPerson(t.officer, { fullName: 'Junaidi', sex: 'M', villageCode: KOMET });
    const open = (personId: string, ppks: Input<'cases.create'>['ppks']) =>
      worker.call('cases.create', {
        personId,
        ppks,
        origin: 'walk_in',
        locationRegionCode: KOMET,
      });
    // p1 (already PPKS-08 in Komet from a finding and a stay) gets a case PPKS-08 + PPKS-13.
    const c1 = await open(t.p1.id, ['PPKS-08', 'PPKS-13']);
    // p3 in Komet: a PPKS-20 case closed within November.
    let c3 = await open(p3.id, ['PPKS-20']);
    c3 = await worker.call('cases.transition', {
      id: c3.id,
      version: c3.version,
      step: 'request_closure',
      closureReason: 'reunified',
      closureSummary: 'Kembali ke keluarga.',
    });
    await boss.call('cases.transition', {
      id: c3.id,
      version: c3.version,
      step: 'approve_closure',
    });

    // By hand, Komet in 2026: PPKS-08 p1 + f2's subject = 2 (p1 once however many sources),
    // PPKS-11 1, PPKS-13 1 (c1), PPKS-20 1 (c3), PPKS-24 5 additions: 10.
    const r = await t.viewer.call('rekap.get', { from: '2026-01', to: '2026-12' });
    expect(r.kelurahans.find((k) => k.code === KOMET)).toMatchObject({
      counts: { 'PPKS-08': 2, 'PPKS-11': 1, 'PPKS-13': 1, 'PPKS-20': 1, 'PPKS-24': 5 },
      total: 10,
      bySource: { finding: 3, stay: 1, case: 3, addition: 5 },
    });
    expect(r.city).toMatchObject({ total: 12 });

    // The drill-down names the case's person only to who reads case files.
    const q = { from: '2026-11', to: '2026-11', kelurahanCode: KOMET, ppks: 'PPKS-13' } as const;
    expect((await t.viewer.call('rekap.drill', q)).records).toEqual([
      expect.objectContaining({ source: 'case', recordId: c1.id, personName: 'Hadijah Mardiana' }),
    ]);
    expect((await t.operator.call('rekap.drill', q)).records).toEqual([
      expect.objectContaining({ source: 'case', recordId: c1.id, personName: null }),
    ]);

    // January 2027: only the case still open counts (c3 closed, findings and stays were 2026).
    t.clock.advance(40 * 86_400_000);
    await signInAgain(t.viewer, 'pimpinan');
    const jan = await t.viewer.call('rekap.get', { from: '2027-01', to: '2027-01' });
    const komet = jan.kelurahans.find((k) => k.code === KOMET)!;
    expect(komet.counts).toMatchObject({ 'PPKS-08': 1, 'PPKS-13': 1 });
    expect(komet.counts['PPKS-20']).toBeUndefined();
    expect(komet.bySource.case).toBe(2);
  });

  it('exports the rekap as XLSX: a row per kelurahan, kecamatan and the city, audited', async () => {
    const t = await fixture();
    const { fileId, rows } = await t.viewer.call('rekap.xlsx', { from: '2026-01', to: '2026-12' });
    // 20 kelurahans, 5 kecamatans, the city.
    expect(rows).toBe(26);
    const sheets = await readXlsxFile(Buffer.from(await fetchFile(t, fileId)));
    expect(sheets.map((s) => s.sheet)).toEqual(['Per kelurahan', 'Per kecamatan', 'Kota']);
    const [kel, kec, city] = sheets.map((s) => s.data);
    expect(kel![0]![0]).toBe('Dinas Sosial Kota Banjarbaru');
    expect(kel![1]![0]).toBe('Rekap PPKS per kelurahan – Tahun 2026');
    const head = kel![4]!;
    expect(head.slice(0, 4)).toEqual([
      'Kecamatan',
      'Kode',
      'Kelurahan',
      'PPKS-01 Anak Balita Terlantar',
    ]);
    const at = (name: string) => head.indexOf(name);
    const komet = kel!.find((r) => r[1] === KOMET)!;
    // The hand count of the first test: PPKS-08 2, PPKS-11 1, PPKS-24 5; 8 in all.
    expect(komet[at('Jumlah')]).toBe(8);
    expect(komet[3 + 7]).toBe(2);
    expect(komet[3 + 10]).toBe(1);
    expect(komet[3 + 23]).toBe(5);
    expect(komet[3]).toBe(0);
    expect(komet[at('Dari temuan')]).toBe(3);
    expect(komet[at('Dari rumah singgah')]).toBe(1);
    expect(komet[at('Dari tambahan')]).toBe(5);
    expect(kec!.find((r) => r[1] === 'Banjarbaru Utara')![kec![4]!.indexOf('Jumlah')]).toBe(10);
    expect(city![5]!.slice(0, 2)).toEqual(['63.72', 'Kota Banjarbaru']);
    expect(city![5]![city![4]!.indexOf('Jumlah')]).toBe(10);
    const audit = (await auditRows(t.backend)).filter((a) => a.method === 'rekap.xlsx');
    expect(audit).toMatchObject([{ record_type: 'rekap', note: 'export' }]);

    // An operator's workbook holds its own kelurahan only, and no city sheet.
    const own = await t.operator.call('rekap.xlsx', { from: '2026-01', to: '2026-12' });
    const opSheets = await readXlsxFile(Buffer.from(await fetchFile(t, own.fileId)));
    expect(opSheets.map((s) => s.sheet)).toEqual(['Per kelurahan', 'Per kecamatan']);
    expect(opSheets[0]!.data.slice(5).map((r) => r[1])).toEqual([KOMET]);
  });

  it('edits an addition by its version; a second one for the same month and category is refused', async () => {
    const t = await fixture();
    const [a] = (await t.operator.call('rekap.additions', { month: '2026-11' })).additions;
    const dup = await t.operator.fail('rekap.saveAddition', {
      month: '2026-11',
      ppks: 'PPKS-24',
      count: 2,
    });
    expect(dup).toMatchObject({ code: 'CONFLICT', key: 'rekap.addition_exists' });
    await t.operator.call('rekap.saveAddition', {
      id: a!.id,
      version: a!.version,
      month: '2026-11',
      ppks: 'PPKS-24',
      count: 7,
      note: null,
    });
    const stale = await t.operator.fail('rekap.saveAddition', {
      id: a!.id,
      version: a!.version,
      month: '2026-11',
      ppks: 'PPKS-24',
      count: 9,
    });
    expect(stale.code).toBe('CONFLICT');
    const r = await t.operator.call('rekap.get', { from: '2026-11', to: '2026-11' });
    expect(r.kelurahans[0]!.counts['PPKS-24']).toBe(7);
    // The admin may add for any kelurahan of the city; an operator of another never sees it.
    await t.admin.call('rekap.saveAddition', {
      kelurahanCode: OTHER_KELURAHAN,
      month: '2026-11',
      ppks: 'PPKS-24',
      count: 1,
    });
    expect((await t.operator.call('rekap.additions', { month: '2026-11' })).additions).toHaveLength(
      1,
    );
    expect(
      (await t.otherOperator.call('rekap.additions', { month: '2026-11' })).additions,
    ).toHaveLength(1);
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
