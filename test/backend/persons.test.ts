/** The person registry: what is saved, what is refused and why, and that refusals change nothing. */
import { describe, expect, it } from 'vitest';
import { setUpOffice, userWithRoles } from './harness';
import {
  auditOf,
  createPerson,
  HOUR,
  issuesOf,
  makeNik,
  personInput,
  signInAgain,
  snapshot,
} from './registry';

const NIK_AHMAD = makeNik('63.72.04', '1985-03-12', 'M', 1); // 6372041203850001

describe('persons.create', () => {
  it('saves every field and returns it as persons.get shows it', async () => {
    const t = await setUpOffice();
    const created = await t.admin.call('persons.create', {
      nik: '6372 0412.0385 0001',
      kk: '6372040101100003',
      fullName: '  Ahmad Fauzi ',
      aliases: ['Ojie', 'Pak Ojie'],
      sex: 'M',
      birthPlace: 'Martapura',
      birthDate: '1985-03-12',
      motherName: 'Siti Rahmah',
      maritalStatus: 'married',
      religion: 'islam',
      phone: '0812-5123-4567',
      address: 'Jl. Mistar Cokrokusumo No. 12',
      rt: '003',
      rw: '001',
      villageCode: '63.72.04.1002',
      originCode: '63.03',
      identityStatus: 'document',
      identityEvidence: 'KTP asli diperlihatkan',
      disabilities: 'Tuna rungu ringan',
      notes: 'Dibawa Satpol PP dari Pasar Bauntung',
    });
    expect(created).toMatchObject({
      nik: NIK_AHMAD,
      kk: '6372040101100003',
      fullName: 'Ahmad Fauzi',
      aliases: ['Ojie', 'Pak Ojie'],
      sex: 'M',
      birthPlace: 'Martapura',
      birthDate: '1985-03-12',
      birthYear: 1985,
      birthDateEstimated: false,
      motherName: 'Siti Rahmah',
      maritalStatus: 'married',
      religion: 'islam',
      phone: '0812-5123-4567',
      address: 'Jl. Mistar Cokrokusumo No. 12',
      rt: '003',
      rw: '001',
      village: {
        code: '63.72.04.1002',
        name: 'Mentaos',
        path: 'Mentaos, Banjarbaru Utara, Kota Banjarbaru, Kalimantan Selatan',
      },
      origin: {
        code: '63.03',
        name: 'Kabupaten Banjar',
        path: 'Kabupaten Banjar, Kalimantan Selatan',
      },
      identityStatus: 'document',
      identityEvidence: 'KTP asli diperlihatkan',
      disabilities: 'Tuna rungu ringan',
      notes: 'Dibawa Satpol PP dari Pasar Bauntung',
      hasPhoto: false,
      mergedInto: null,
      lastStay: null,
      quality: {
        name: 'complete',
        nik: 'complete',
        birthDate: 'complete',
        origin: 'complete',
        address: 'complete',
      },
      nikWarnings: [],
      createdAt: t.clock.now.toISOString(),
      updatedAt: t.clock.now.toISOString(),
      version: 1,
    });
    const viewer = await userWithRoles(t, 'pimpinan', ['viewer']);
    const got = await viewer.call('persons.get', { id: created.id });
    expect(got).toEqual({
      person: created,
      links: {
        shelter: { stays: [] },
        complaints: { open: 0, total: 0 },
        cases: { open: [], total: 0 },
        letters: { issued: 0, total: 0 },
        packets: { consent: null, consentVersion: null, from: [], sentTo: [], remoteStays: [] },
        findings: { findings: [] },
        // No DTSEN list imported yet: no status to show.
        dtsen: { latest: null, history: [] },
      },
      timeline: [],
    });

    const [audit] = auditOf(t.backend, 'persons.create');
    expect(audit).toMatchObject({ record_type: 'person', record_id: created.id, outcome: 'ok' });
    expect(audit!.changes).toMatchObject({
      nik: [null, NIK_AHMAD],
      full_name: [null, 'Ahmad Fauzi'],
      origin_code: [null, '63.03'],
    });
    // Search helpers are derived data, not part of what a user changed.
    expect(Object.keys(audit!.changes!)).not.toContain('search_names');
    expect(Object.keys(audit!.changes!)).not.toContain('name_key');
  });

  it('treats blank optional fields as missing and does not keep the name as its own alias', async () => {
    const t = await setUpOffice();
    const p = await createPerson(t.admin, {
      fullName: 'Udin',
      aliases: ['Udin', 'Si Udin'],
      nik: '',
      kk: ' ',
      phone: '',
      birthPlace: '   ',
      rt: '',
    });
    expect(p).toMatchObject({
      nik: null,
      kk: null,
      phone: null,
      birthPlace: null,
      rt: null,
      aliases: ['Si Udin'],
    });
  });
});

describe('NIK checks', () => {
  const cases: [string, string, string, Record<string, unknown> | undefined][] = [
    // The NIK parser names exactly what is wrong, also for length and letters.
    ['wrong length', '637204120385001', 'nik.length', { length: 15 }],
    ['letters', '63720412038500O1', 'nik.digits', undefined],
    ['impossible day', '6372043203850001', 'nik.day', { day: '32' }],
    ['impossible month', '6372041213850001', 'nik.month', { month: '13' }],
    ['date not in the calendar', '6372043002850001', 'nik.date', { date: '1985-02-30' }],
    ['unknown province', '2072041203850001', 'nik.province', { code: '20' }],
    ['regency 00', '6300041203850001', 'nik.regency', undefined],
    ['district 00', '6372001203850001', 'nik.district', undefined],
    ['serial 0000', '6372041203850000', 'nik.serial', undefined],
  ];
  it.each(cases)('refuses a NIK with %s on the nik field', async (_label, nik, key, params) => {
    const t = await setUpOffice();
    const before = snapshot(t.backend);
    const err = await t.admin.fail('persons.create', personInput({ nik }));
    expect(err.code).toBe('VALIDATION');
    expect(err.issues).toEqual([{ path: ['nik'], key, ...(params ? { params } : {}) }]);
    expect(snapshot(t.backend)).toEqual(before);
  });

  it('accepts a woman’s NIK (day + 40) and a NIK typed with spaces and dots', async () => {
    const t = await setUpOffice();
    const nik = makeNik('63.72.04', '1990-07-05', 'F', 2);
    expect(nik).toBe('6372044507900002');
    const p = await createPerson(t.admin, {
      fullName: 'Siti Aminah',
      nik: '637204.450790.0002',
      sex: 'F',
      birthDate: '1990-07-05',
    });
    expect(p.nik).toBe(nik);
    expect(p.nikWarnings).toEqual([]);
  });

  it('keeps one living person per NIK and links the refusal to the existing record', async () => {
    const t = await setUpOffice();
    const ahmad = await createPerson(t.admin, { fullName: 'Ahmad Fauzi', nik: NIK_AHMAD });
    const other = await createPerson(t.admin, { fullName: 'Akhmad Fauzi' });
    const before = snapshot(t.backend);

    const created = await t.admin.fail('persons.create', personInput({ nik: `${NIK_AHMAD} ` }));
    expect(created.issues).toEqual([
      {
        path: ['nik'],
        key: 'person.nik_taken',
        params: { name: 'Ahmad Fauzi', personId: ahmad.id },
      },
    ]);
    const updated = await t.admin.fail('persons.update', {
      ...personInput({ fullName: 'Akhmad Fauzi', nik: NIK_AHMAD }),
      id: other.id,
      version: other.version,
    });
    expect(issuesOf(updated)).toEqual([['nik', 'person.nik_taken']]);
    expect(updated.issues![0]!.params).toMatchObject({ personId: ahmad.id });
    expect(snapshot(t.backend)).toEqual(before);

    // Saving the holder itself with its own NIK is of course fine.
    const again = await t.admin.call('persons.update', {
      ...personInput({ fullName: 'Ahmad Fauzi', nik: NIK_AHMAD, phone: '081251234567' }),
      id: ahmad.id,
      version: ahmad.version,
    });
    expect(again).toMatchObject({ nik: NIK_AHMAD, phone: '081251234567', version: 2 });
  });

  it('lets the database itself refuse a second living record with the same NIK', async () => {
    const t = await setUpOffice();
    const ahmad = await createPerson(t.admin, { fullName: 'Ahmad Fauzi', nik: NIK_AHMAD });
    const insert = t.backend.sqlite.prepare(`INSERT INTO persons (id, nik, full_name,
      identity_status, quality, search_names, name_key, created_at, updated_at, merged_into)
      VALUES (?, ?, 'Copy', 'stated', '{}', 'copy', 'copy', 'x', 'x', ?)`);
    expect(() => insert.run('00000000-0000-7000-8000-000000000001', NIK_AHMAD, null)).toThrow(
      /UNIQUE constraint failed: persons\.nik/,
    );
    // A merged record steps aside: it may keep the NIK for the record.
    expect(() =>
      insert.run('00000000-0000-7000-8000-000000000002', NIK_AHMAD, ahmad.id),
    ).not.toThrow();
  });

  it('hands the NIK on only through a merge: afterwards it belongs to the surviving record', async () => {
    const t = await setUpOffice();
    const gone = await createPerson(t.admin, { fullName: 'Ahmad Fauzi', nik: NIK_AHMAD });
    const keep = await createPerson(t.admin, { fullName: 'Achmad Fauzie' });
    await t.admin.call('persons.merge', {
      keepId: keep.id,
      keepVersion: keep.version,
      mergeId: gone.id,
      mergeVersion: gone.version,
      reason: 'Orang yang sama',
    });
    const err = await t.admin.fail('persons.create', personInput({ nik: NIK_AHMAD }));
    expect(err.issues).toEqual([
      {
        path: ['nik'],
        key: 'person.nik_taken',
        params: { name: 'Achmad Fauzie', personId: keep.id },
      },
    ]);
  });

  it('reports a NIK that disagrees with the birth date, sex or region as warnings and saves', async () => {
    const t = await setUpOffice();
    const p = await createPerson(t.admin, {
      nik: NIK_AHMAD,
      birthDate: '1985-03-21',
      sex: 'F',
    });
    expect(p.nik).toBe(NIK_AHMAD);
    expect(p.nikWarnings).toEqual([
      { key: 'nik.warn.birth_mismatch', params: { nikDate: '1985-03-12', entered: '1985-03-21' } },
      { key: 'nik.warn.sex_mismatch', params: { nikSex: 'laki-laki' } },
    ]);
    // Kecamatan 63.72.01 is not in the region table (Banjarbaru's start at 02): only a warning.
    const q = await createPerson(t.admin, { nik: makeNik('63.72.01', '1970-01-01', 'M', 9) });
    expect(q.nikWarnings).toEqual([
      { key: 'nik.warn.region_unknown', params: { code: '63.72.01' } },
    ]);
    expect((await t.admin.call('persons.get', { id: p.id })).person.nikWarnings).toEqual(
      p.nikWarnings,
    );
  });
});

describe('birth date and age', () => {
  it('refuses a birth date after today in the office zone', async () => {
    // 2026-11-27 10:00 WITA.
    const t = await setUpOffice(new Date('2026-11-27T02:00:00Z'));
    const before = snapshot(t.backend);
    const err = await t.admin.fail('persons.create', personInput({ birthDate: '2026-11-28' }));
    expect(err.issues).toEqual([{ path: ['birthDate'], key: 'person.birth_future' }]);
    expect(snapshot(t.backend)).toEqual(before);
    await createPerson(t.admin, { fullName: 'Bayi Hari Ini', birthDate: '2026-11-27' });

    // 2026-11-28 00:30 WITA is still 27 November in UTC: the office's day counts.
    t.clock.advance(14.5 * HOUR);
    await signInAgain(t.admin, 'admin');
    const born = await createPerson(t.admin, { fullName: 'Bayi Baru', birthDate: '2026-11-28' });
    expect(born.birthDate).toBe('2026-11-28');
  });

  it('refuses a birth date and an estimated age together', async () => {
    const t = await setUpOffice();
    const before = snapshot(t.backend);
    const err = await t.admin.fail(
      'persons.create',
      personInput({ birthDate: '1980-01-01', estimatedAge: 45 }),
    );
    expect(err.issues).toEqual([{ path: ['estimatedAge'], key: 'person.birth_and_age' }]);
    expect(snapshot(t.backend)).toEqual(before);
  });

  it('turns an estimated age into an estimated birth year', async () => {
    const t = await setUpOffice(new Date('2026-11-27T02:00:00Z'));
    const p = await createPerson(t.admin, { estimatedAge: 40 });
    expect(p).toMatchObject({
      birthDate: null,
      birthYear: 1986,
      birthDateEstimated: true,
      quality: { birthDate: 'partial' },
    });
    // An exact date later replaces the estimate.
    const exact = await t.admin.call('persons.update', {
      ...personInput({ birthDate: '1984-06-30' }),
      id: p.id,
      version: p.version,
    });
    expect(exact).toMatchObject({
      birthDate: '1984-06-30',
      birthYear: 1984,
      birthDateEstimated: false,
      quality: { birthDate: 'complete' },
    });
  });

  it('counts the estimated year in the office zone at the turn of the year', async () => {
    // 31 Dec 2026 17:00 UTC is already 1 Jan 2027 in WITA.
    const t = await setUpOffice(new Date('2026-12-31T17:00:00Z'));
    const p = await createPerson(t.admin, { estimatedAge: 30 });
    expect(p.birthYear).toBe(1997);
  });
});

describe('regions of a person', () => {
  it('refuses unknown codes and codes of the wrong level, all at once', async () => {
    const t = await setUpOffice();
    const before = snapshot(t.backend);
    const err = await t.admin.fail(
      'persons.create',
      personInput({ villageCode: '63.72.04.9999', originCode: '63.99', birthDate: '2099-01-01' }),
    );
    expect(err.issues).toEqual([
      { path: ['birthDate'], key: 'person.birth_future' },
      { path: ['villageCode'], key: 'region.unknown', params: { code: '63.72.04.9999' } },
      { path: ['originCode'], key: 'region.unknown', params: { code: '63.99' } },
    ]);
    expect(snapshot(t.backend)).toEqual(before);
  });

  it.each(['63', '63.72', '63.72.04'])(
    'refuses %s as the village of an address (must be a kelurahan/desa)',
    async (code) => {
      const t = await setUpOffice();
      const err = await t.admin.fail('persons.create', personInput({ villageCode: code }));
      expect(err.issues).toEqual([{ path: ['villageCode'], key: 'person.village_level' }]);
    },
  );

  it('refuses a province as origin but takes a kabupaten/kota or anything finer', async () => {
    const t = await setUpOffice();
    const err = await t.admin.fail('persons.create', personInput({ originCode: '63' }));
    expect(err.issues).toEqual([{ path: ['originCode'], key: 'person.origin_level' }]);
    for (const code of ['63.03', '63.72.04', '63.03.01.2001']) {
      const p = await createPerson(t.admin, { fullName: `Asal ${code}`, originCode: code });
      expect(p.origin?.code).toBe(code);
      expect(p.quality.origin).toBe('complete');
    }
  });

  it('refuses a malformed region code before looking it up', async () => {
    const t = await setUpOffice();
    const err = await t.admin.fail('persons.create', personInput({ originCode: 'Banjar' }));
    expect(err.issues).toEqual([{ path: ['originCode'], key: 'region.invalid_code' }]);
  });
});

describe('data-quality codes', () => {
  it('marks a missing field unknown unless a reason is given', async () => {
    const t = await setUpOffice();
    const bare = await createPerson(t.admin, { fullName: 'Tanpa Identitas' });
    expect(bare.quality).toEqual({
      name: 'complete',
      nik: 'unknown',
      birthDate: 'unknown',
      origin: 'unknown',
      address: 'unknown',
    });
    const refused = await createPerson(t.admin, {
      fullName: 'Mama Ijah',
      namePartial: true,
      missingReasons: {
        nik: 'refused',
        birthDate: 'unknown',
        origin: 'refused',
        address: 'refused',
      },
    });
    expect(refused.quality).toEqual({
      name: 'partial',
      nik: 'refused',
      birthDate: 'unknown',
      origin: 'refused',
      address: 'refused',
    });
  });

  it('marks half an address or an estimated age as partial', async () => {
    const t = await setUpOffice();
    const textOnly = await createPerson(t.admin, { address: 'Kolong jembatan Sungai Besar' });
    expect(textOnly.quality.address).toBe('partial');
    const villageOnly = await createPerson(t.admin, { villageCode: '63.72.04.1003' });
    expect(villageOnly.quality.address).toBe('partial');
    const estimated = await createPerson(t.admin, { estimatedAge: 70 });
    expect(estimated.quality.birthDate).toBe('partial');
  });

  it('lets a present value win over a stale reason, and follows later edits', async () => {
    const t = await setUpOffice();
    const p = await createPerson(t.admin, {
      nik: NIK_AHMAD,
      missingReasons: { nik: 'refused' },
    });
    expect(p.quality.nik).toBe('complete');
    const updated = await t.admin.call('persons.update', {
      ...personInput({ missingReasons: { nik: 'refused' }, originCode: '63.71' }),
      id: p.id,
      version: p.version,
    });
    expect(updated.quality).toMatchObject({ nik: 'refused', origin: 'complete' });
  });
});

describe('persons.update', () => {
  it('saves a change, bumps the version and audits only what changed', async () => {
    const t = await setUpOffice();
    const p = await createPerson(t.admin, { fullName: 'Budi Santoso', phone: '081234567890' });
    t.clock.advance(60_000);
    const u = await t.admin.call('persons.update', {
      ...personInput({ fullName: 'Budi Santoso', phone: '081298765432', originCode: '63.71' }),
      id: p.id,
      version: 1,
    });
    expect(u).toMatchObject({
      phone: '081298765432',
      origin: { code: '63.71', name: 'Kota Banjarmasin' },
      version: 2,
      createdAt: p.createdAt,
      updatedAt: t.clock.now.toISOString(),
    });
    const [audit] = auditOf(t.backend, 'persons.update');
    expect(audit).toMatchObject({ record_id: p.id, outcome: 'ok' });
    expect(audit!.changes).toEqual({
      phone: ['081234567890', '081298765432'],
      origin_code: [null, '63.71'],
      quality: [
        JSON.stringify({ ...p.quality, origin: 'unknown' }),
        JSON.stringify({ ...p.quality, origin: 'complete' }),
      ],
    });
  });

  it('refuses a stale version with CONFLICT and keeps the other user’s save', async () => {
    const t = await setUpOffice();
    const staff = await userWithRoles(t, 'petugas', ['shelter_staff']);
    const p = await createPerson(t.admin, { fullName: 'Budi Santoso' });
    // Both open version 1; the staff member saves first.
    await staff.call('persons.update', {
      ...personInput({ fullName: 'Budi Santoso', phone: '081200000001' }),
      id: p.id,
      version: 1,
    });
    const before = snapshot(t.backend);
    const err = await t.admin.fail('persons.update', {
      ...personInput({ fullName: 'Budi Santosa', phone: '081200000002' }),
      id: p.id,
      version: 1,
    });
    expect(err).toMatchObject({ code: 'CONFLICT', key: 'error.conflict_stale' });
    expect(snapshot(t.backend)).toEqual(before);
    const { person } = await t.admin.call('persons.get', { id: p.id });
    expect(person).toMatchObject({ fullName: 'Budi Santoso', phone: '081200000001', version: 2 });
  });

  it('refuses to edit a merged record and points to the surviving one', async () => {
    const t = await setUpOffice();
    const keep = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    const gone = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    await t.admin.call('persons.merge', {
      keepId: keep.id,
      keepVersion: 1,
      mergeId: gone.id,
      mergeVersion: 1,
      reason: 'Ganda',
    });
    const merged = (await t.admin.call('persons.get', { id: gone.id })).person;
    expect(merged.mergedInto).toBe(keep.id);
    const before = snapshot(t.backend);
    const err = await t.admin.fail('persons.update', {
      ...personInput({ fullName: 'Siti Aminah Baru' }),
      id: gone.id,
      version: merged.version,
    });
    expect(err).toMatchObject({ code: 'CONFLICT', key: 'person.merged' });
    expect(snapshot(t.backend)).toEqual(before);
  });

  it('answers NOT_FOUND for a record that does not exist, changing nothing', async () => {
    const t = await setUpOffice();
    const before = snapshot(t.backend);
    const err = await t.admin.fail('persons.update', {
      ...personInput(),
      id: '01900000-0000-7000-8000-000000000000',
      version: 1,
    });
    expect(err.code).toBe('NOT_FOUND');
    expect(snapshot(t.backend)).toEqual(before);
  });

  it('checks the same rules as create, leaving the record as it was', async () => {
    const t = await setUpOffice();
    const p = await createPerson(t.admin, { fullName: 'Budi Santoso', originCode: '63.03' });
    const before = snapshot(t.backend);
    const err = await t.admin.fail('persons.update', {
      ...personInput({ nik: '6372043203850001', originCode: '63', estimatedAge: 200 }),
      id: p.id,
      version: 1,
    });
    expect(issuesOf(err)).toEqual([['estimatedAge', 'validation.too_big']]);
    const err2 = await t.admin.fail('persons.update', {
      ...personInput({ nik: '6372043203850001', originCode: '63' }),
      id: p.id,
      version: 1,
    });
    expect(issuesOf(err2)).toEqual([
      ['nik', 'nik.day'],
      ['originCode', 'person.origin_level'],
    ]);
    expect(snapshot(t.backend)).toEqual(before);
  });
});

describe('persons.get', () => {
  it('answers NOT_FOUND for an unknown id', async () => {
    const t = await setUpOffice();
    const err = await t.admin.fail('persons.get', { id: '01900000-0000-7000-8000-000000000000' });
    expect(err.code).toBe('NOT_FOUND');
  });
});
