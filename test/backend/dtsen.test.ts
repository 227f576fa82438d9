/**
 * DTSEN lists: column mapping (remembered by header, unknown headers refused), reading CSV and
 * XLSX, matching by NIK then the matcher with review for uncertain rows, broken rows listed with
 * their reason, unmatched rows kept, statuses and their history on the person page, and the
 * proposal (usulan) list and its export.
 */
import { readFileSync } from 'node:fs';
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import type { Client } from './harness';
import { upload } from './images';
import { countOf, KOMET, kelurahanOffice } from './kelurahanFixtures';
import { checkInInput, createPerson, makeNik, makeShelter, staffUser } from './registry';

const HEADER = 'NIK;NAMA;TGL_LAHIR;ALAMAT;KELURAHAN;DESIL;PKH;BPNT;PBI';
const NIK_P1 = makeNik('63.72.04', '1953-05-12', 'F');
const NIK_P3 = makeNik('63.72.04', '1980-02-03', 'F', 7);
const NIK_NEW = makeNik('63.72.05', '1990-07-09', 'M', 3);

async function uploadList(c: Client, text: string | Buffer, name = 'dtsen-oktober.csv') {
  const r = await upload(c, typeof text === 'string' ? Buffer.from(text) : text, {
    purpose: 'dtsenList',
    name,
  });
  if (!r.ok) throw new Error(r.error.key);
  return r.file.fileId;
}

async function fixture() {
  const t = await kelurahanOffice();
  const p1 = await createPerson(t.officer, {
    fullName: 'Hadijah Mardiana',
    nik: NIK_P1,
    sex: 'F',
    birthDate: '1953-05-12',
    villageCode: KOMET,
  });
  // In the registry without a NIK: found by the matcher.
  const p3 = await createPerson(t.officer, {
    fullName: 'Rusdiana Fitriani',
    sex: 'F',
    birthDate: '1980-02-03',
  });
  // Not in any list: one to propose.
  const p2 = await createPerson(t.officer, {
    fullName: 'Rusdi Maulana',
    sex: 'M',
    villageCode: KOMET,
  });
  return { ...t, p1, p2, p3 };
}

const OCTOBER = [
  HEADER,
  `${NIK_P1};Hadijah Mardiana;12/05/1953;Jl. Komet Raya 4;Komet;2;Ya;Ya;Tidak`,
  `${NIK_P3};Rusdiana Fitriani;03-02-1980;Jl. Mentaos 9;Mentaos;4;;Ya;Ya`,
  `${NIK_NEW};Budi Hartono;1990-07-09;Jl. Kemuning 1;Kemuning;1;;;`,
  `6372041205530;Nama Terpotong;;;;3;;;`,
  `${NIK_NEW};Budi Hartono;1990-07-09;Jl. Kemuning 1;Kemuning;1;;;`,
  `${makeNik('63.72.04', '1970-01-01', 'M', 9)};Desil Salah;;;;11;;;`,
].join('\r\n');

describe('DTSEN import', () => {
  it('previews with a guessed mapping, imports, matches by NIK then the matcher, lists broken rows', async () => {
    const t = await fixture();
    const fileId = await uploadList(t.officer, '\ufeff' + OCTOBER);
    const preview = await t.officer.call('dtsen.preview', { fileId });
    expect(preview).toMatchObject({
      headers: HEADER.split(';'),
      totalRows: 6,
      remembered: false,
      mapping: {
        nik: 'NIK',
        name: 'NAMA',
        birthDate: 'TGL_LAHIR',
        address: 'ALAMAT',
        kelurahan: 'KELURAHAN',
        desil: 'DESIL',
        pkh: 'PKH',
        bpnt: 'BPNT',
        pbiJk: 'PBI',
      },
    });
    const list = await t.officer.call('dtsen.import', {
      fileId,
      mapping: preview.mapping,
      listDate: '2026-10-01',
      source: 'SIKS-NG, ekspor Oktober 2026',
    });
    expect(list).toMatchObject({
      listDate: '2026-10-01',
      fileName: 'dtsen-oktober.csv',
      rows: 6,
      refused: 3,
      matches: { nik: 1, matcher: 1, unmatched: 1 },
    });
    const refused = await t.officer.call('dtsen.rows', { listId: list.id, show: 'refused' });
    expect(refused.rows.map((r) => [r.line, r.refused])).toEqual([
      [5, 'dtsen.row_nik_invalid'],
      [6, 'dtsen.row_duplicate_nik'],
      [7, 'dtsen.row_desil_invalid'],
    ]);
    // Matching nobody: kept for review, never made into a person.
    const unmatched = await t.officer.call('dtsen.rows', { listId: list.id, show: 'unmatched' });
    expect(unmatched.rows).toMatchObject([{ name: 'Budi Hartono', nik: NIK_NEW, person: null }]);
    expect(await countOf(t, 'persons')).toBe(3);

    const p1 = await t.officer.call('persons.get', { id: t.p1.id });
    expect(p1.links.dtsen?.latest).toMatchObject({
      listDate: '2026-10-01',
      registered: true,
      desil: 2,
      programs: ['pkh', 'bpnt'],
    });
    const p3 = await t.officer.call('persons.get', { id: t.p3.id });
    expect(p3.links.dtsen?.latest).toMatchObject({
      registered: true,
      desil: 4,
      programs: ['bpnt', 'pbiJk'],
    });
    const p2 = await t.officer.call('persons.get', { id: t.p2.id });
    expect(p2.links.dtsen?.latest).toMatchObject({ registered: false, listDate: '2026-10-01' });
  });

  it('remembers the mapping by header in any column order, and refuses unknown or missing columns', async () => {
    const t = await fixture();
    const first = await uploadList(
      t.officer,
      'No KTP,Nama Lengkap,Desil Kesejahteraan\n' + `${NIK_P1},Hadijah,3\n`,
    );
    const guessed = await t.officer.call('dtsen.preview', { fileId: first });
    expect(guessed.mapping).toEqual({
      nik: 'No KTP',
      name: 'Nama Lengkap',
      desil: 'Desil Kesejahteraan',
    });
    const lists = await countOf(t, 'dtsen_lists');
    const unknown = await t.officer.fail('dtsen.import', {
      fileId: first,
      mapping: { nik: 'NIK KTP', name: 'Nama Lengkap' },
      listDate: '2026-10-01',
      source: 'SIKS-NG',
    });
    expect(unknown.issues).toEqual([
      expect.objectContaining({ path: ['mapping', 'nik'], key: 'dtsen.mapping_unknown_header' }),
    ]);
    expect(unknown.issues?.[0]?.params).toEqual({ header: 'NIK KTP' });
    const missing = await t.officer.fail('dtsen.import', {
      fileId: first,
      mapping: { nik: 'No KTP' },
      listDate: '2026-10-01',
      source: 'SIKS-NG',
    });
    expect(missing.issues?.[0]).toMatchObject({
      path: ['mapping', 'name'],
      key: 'dtsen.mapping_required',
    });
    expect(await countOf(t, 'dtsen_lists')).toBe(lists);
    expect(await countOf(t, 'dtsen_rows')).toBe(0);

    await t.officer.call('dtsen.import', {
      fileId: first,
      mapping: { nik: 'No KTP', name: 'Nama Lengkap' },
      listDate: '2026-10-01',
      source: 'SIKS-NG',
    });
    // The same columns in another order: the chosen mapping (without desil) comes back.
    const second = await uploadList(
      t.officer,
      'Desil Kesejahteraan;Nama Lengkap;No KTP\n3;Hadijah;' + NIK_P1,
    );
    const again = await t.officer.call('dtsen.preview', { fileId: second });
    expect(again).toMatchObject({
      remembered: true,
      mapping: { nik: 'No KTP', name: 'Nama Lengkap' },
    });
    expect(again.mapping.desil).toBeUndefined();
  });

  it('reads XLSX, keeps the history when a newer list drops someone, and reviews uncertain rows', async () => {
    const t = await fixture();
    const october = await uploadList(t.officer, OCTOBER);
    const m = (await t.officer.call('dtsen.preview', { fileId: october })).mapping;
    await t.officer.call('dtsen.import', {
      fileId: october,
      mapping: m,
      listDate: '2026-10-01',
      source: 'SIKS-NG',
    });
    // Someone in the registry with the row's name and birth date but a NIK one digit apart: a
    // typing slip or another person, a human decides.
    const maybe = await createPerson(t.officer, {
      fullName: 'Budi Hartono',
      sex: 'M',
      birthDate: '1990-07-09',
      nik: makeNik('63.72.05', '1990-07-09', 'M', 4),
    });
    const xlsx = await writeXlsxFile([
      ['NIK', 'NAMA', 'TGL_LAHIR', 'DESIL', 'PKH'].map((value) => ({ value })),
      [
        { value: NIK_P3, type: String },
        { value: 'Rusdiana Fitriani' },
        { value: '1980-02-03' },
        { value: 5 },
        { value: 'Ya' },
      ],
      [
        { value: NIK_NEW, type: String },
        { value: 'Budi Hartono' },
        { value: '' },
        { value: 1 },
        { value: '' },
      ],
    ]).toBuffer();
    const fileId = await uploadList(t.officer, xlsx, 'dtsen-desember.xlsx');
    const preview = await t.officer.call('dtsen.preview', { fileId });
    expect(preview.rows[0]).toEqual([NIK_P3, 'Rusdiana Fitriani', '1980-02-03', '5', 'Ya']);
    const december = await t.officer.call('dtsen.import', {
      fileId,
      mapping: preview.mapping,
      listDate: '2026-12-01',
      source: 'SIKS-NG, ekspor Desember 2026',
    });
    expect(december.matches).toEqual({ matcher: 1, review: 1 });

    const p1 = await t.officer.call('persons.get', { id: t.p1.id });
    expect(p1.links.dtsen?.latest).toMatchObject({ listDate: '2026-12-01', registered: false });
    expect(p1.links.dtsen?.history.map((h) => [h.listDate, h.registered, h.desil])).toEqual([
      ['2026-12-01', false, null],
      ['2026-10-01', true, 2],
    ]);

    const review = await t.officer.call('dtsen.rows', { listId: december.id, show: 'review' });
    expect(review.rows).toMatchObject([{ name: 'Budi Hartono', candidates: [{ id: maybe.id }] }]);
    const wrong = await t.officer.fail('dtsen.decide', {
      rowId: review.rows[0]!.id,
      personId: t.p1.id,
    });
    expect(wrong.issues?.[0]?.key).toBe('dtsen.not_a_candidate');
    const decided = await t.officer.call('dtsen.decide', {
      rowId: review.rows[0]!.id,
      personId: maybe.id,
    });
    expect(decided).toMatchObject({ match: 'confirmed', person: { id: maybe.id } });
    expect((await t.officer.fail('dtsen.decide', { rowId: decided.id, personId: null })).key).toBe(
      'dtsen.row_decided',
    );
    const page = await t.officer.call('persons.get', { id: maybe.id });
    expect(page.links.dtsen?.latest).toMatchObject({ registered: true, desil: 1 });
  });

  it('lists shelter residents and PPKS of the city not in the latest list for the proposal, and exports it', async () => {
    const t = await fixture();
    const shelterStaff = await staffUser(t, 'petugas.rs', ['shelter_staff']);
    const shelter = await makeShelter(t.admin);
    await shelterStaff.call('stays.checkIn', checkInInput(t.p2.id, shelter.beds.P1!));
    await shelterStaff.call('stays.checkIn', checkInInput(t.p1.id, shelter.beds.W1!));
    // p3 lives outside the city (no village): another regency proposes its own people.
    await shelterStaff.call('stays.checkIn', checkInInput(t.p3.id, shelter.beds.W2!));

    const none = await t.officer.call('dtsen.proposal', {});
    expect(none).toMatchObject({ listDate: null, total: 2 });
    const fileId = await uploadList(t.officer, OCTOBER);
    const m = (await t.officer.call('dtsen.preview', { fileId })).mapping;
    await t.officer.call('dtsen.import', {
      fileId,
      mapping: m,
      listDate: '2026-10-01',
      source: 'SIKS-NG',
    });
    const proposal = await t.officer.call('dtsen.proposal', {});
    expect(proposal).toMatchObject({
      listDate: '2026-10-01',
      total: 1,
      people: [{ id: t.p2.id, reason: 'stay' }],
    });

    const out = await t.officer.call('dtsen.exportProposal', {});
    const file = await t.backend.download(t.officer.token, out.fileId);
    const sheet = await readXlsxFile(readFileSync(file.path!));
    // Title lines (what the list is, its date) above the header row, then the people.
    const rows = sheet[0]!.data;
    expect(String(rows[0]![0])).toMatch(/^Usulan pendaftaran DTSEN \(1 orang\)/);
    const header = rows.findIndex((r) => r[0] === 'NIK');
    expect(rows.slice(header, header + 2)).toEqual([
      ['NIK', 'Nama', 'Tanggal lahir', 'Alamat', 'Kelurahan', 'Dasar usulan'],
      [null, 'Rusdi Maulana', null, null, 'Komet', 'Rumah singgah'],
    ]);
    // The operator and the viewer never reach the lists.
    expect((await t.operator.fail('dtsen.proposal', {})).code).toBe('FORBIDDEN');
    expect((await t.viewer.fail('dtsen.exportProposal', {})).code).toBe('FORBIDDEN');
  });
});
