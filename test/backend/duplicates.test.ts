/**
 * Likely duplicates, shown before saving: the same NIK, or a similar name together with the same
 * or a close birth date or the same origin. A similar name alone is not enough. Never merges.
 */
import { describe, expect, it } from 'vitest';
import type { Input } from '../../shared/contract';
import { setUpOffice } from './harness';
import { createPerson, makeNik, snapshot } from './registry';

type Probe = Input<'persons.duplicates'>;
const NIK = makeNik('63.72.04', '1985-03-12', 'M', 1);

async function office() {
  const t = await setUpOffice();
  const probe = async (p: Partial<Probe>) => {
    const { candidates } = await t.admin.call('persons.duplicates', { fullName: '', ...p });
    return candidates.map((c) => ({ name: c.fullName, reasons: [...c.reasons].sort() }));
  };
  return { ...t, probe };
}

describe('persons.duplicates', () => {
  it('reports a record with the same NIK whatever the name, with what tells it apart', async () => {
    const t = await office();
    const ahmad = await createPerson(t.admin, {
      fullName: 'Ahmad Fauzi',
      nik: NIK,
      birthDate: '1985-03-12',
      originCode: '63.03',
    });
    const { candidates } = await t.admin.call('persons.duplicates', {
      nik: '6372 0412 0385 0001',
      fullName: 'Budi',
    });
    expect(candidates).toEqual([
      {
        id: ahmad.id,
        fullName: 'Ahmad Fauzi',
        aliases: [],
        nik: NIK,
        sex: null,
        birthDate: '1985-03-12',
        birthYear: 1985,
        birthDateEstimated: false,
        origin: ahmad.origin,
        identityStatus: 'stated',
        lastStay: null,
        mergedInto: null,
        reasons: ['same_nik'],
        level: 'likely',
        score: expect.any(Number),
        evidence: [{ code: 'nik_same' }, { code: 'birth_unknown' }],
      },
    ]);
  });

  it('reports a similar name with the same birth date', async () => {
    const t = await office();
    await createPerson(t.admin, { fullName: 'Ahmad Fauzi', birthDate: '1985-03-12' });
    expect(await t.probe({ fullName: 'Achmad Fauzie', birthDate: '1985-03-12' })).toEqual([
      { name: 'Ahmad Fauzi', reasons: ['same_birth_date', 'similar_name'] },
    ]);
    // A typo, and the words in another order, count as similar too.
    expect(await t.probe({ fullName: 'Ahmad Fauzy', birthDate: '1985-03-12' })).toHaveLength(1);
    expect(await t.probe({ fullName: 'Fauzi Ahmad', birthDate: '1985-03-12' })).toHaveLength(1);
  });

  it('reports a similar name with a birth date within a year, not further', async () => {
    const t = await office();
    // A distinctive name (two rare words): a common one needs more than a close date (below).
    await createPerson(t.admin, { fullName: 'Siti Aminah Rahmawati', birthDate: '1990-07-05' });
    expect(await t.probe({ fullName: 'Siti Aminah Rahmawati', birthDate: '1991-03-01' })).toEqual([
      { name: 'Siti Aminah Rahmawati', reasons: ['close_birth_date', 'similar_name'] },
    ]);
    expect(await t.probe({ fullName: 'Siti Aminah Rahmawati', birthDate: '1989-07-06' })).toEqual([
      { name: 'Siti Aminah Rahmawati', reasons: ['close_birth_date', 'similar_name'] },
    ]);
    expect(await t.probe({ fullName: 'Siti Aminah Rahmawati', birthDate: '1991-09-01' })).toEqual(
      [],
    );
  });

  it('reports estimated ages within two years of each other, or of a birth date', async () => {
    const t = await office(); // 2026
    await createPerson(t.admin, { fullName: 'Mama Ijah', estimatedAge: 60 }); // ~1966
    expect(await t.probe({ fullName: 'Mama Ijah', estimatedAge: 62 })).toEqual([
      { name: 'Mama Ijah', reasons: ['close_birth_date', 'similar_name'] },
    ]);
    expect(await t.probe({ fullName: 'Mama Ijah', birthDate: '1967-05-01' })).toEqual([
      { name: 'Mama Ijah', reasons: ['close_birth_date', 'similar_name'] },
    ]);
    expect(await t.probe({ fullName: 'Mama Ijah', estimatedAge: 63 })).toEqual([]);
    expect(await t.probe({ fullName: 'Mama Ijah', birthDate: '1970-01-01' })).toEqual([]);
  });

  it('reports a similar name from the same origin kabupaten/kota', async () => {
    const t = await office();
    // Recorded with a kecamatan of Kabupaten Banjar; the probe names the kabupaten.
    await createPerson(t.admin, { fullName: 'Djoko Santoso', originCode: '63.03.01' });
    expect(await t.probe({ fullName: 'Joko Santoso', originCode: '63.03' })).toEqual([
      { name: 'Djoko Santoso', reasons: ['same_origin', 'similar_name'] },
    ]);
    expect(await t.probe({ fullName: 'Joko Santoso', originCode: '63.03.02' })).toHaveLength(1);
    expect(await t.probe({ fullName: 'Joko Santoso', originCode: '63.71' })).toEqual([]);
  });

  it('gives every reason that applies', async () => {
    const t = await office();
    await createPerson(t.admin, {
      fullName: 'Ahmad Fauzi',
      nik: NIK,
      birthDate: '1985-03-12',
      originCode: '63.03',
    });
    expect(
      await t.probe({
        nik: NIK,
        fullName: 'Achmad Fauzi',
        birthDate: '1985-03-12',
        originCode: '63.03',
      }),
    ).toEqual([
      {
        name: 'Ahmad Fauzi',
        reasons: ['same_birth_date', 'same_nik', 'same_origin', 'similar_name'],
      },
    ]);
  });

  it('does not report a similar name alone', async () => {
    const t = await office();
    await createPerson(t.admin, { fullName: 'Budi Santoso', birthDate: '1980-01-01' });
    await createPerson(t.admin, { fullName: 'Budi Santosa', originCode: '63.71' });
    expect(await t.probe({ fullName: 'Budi Santoso' })).toEqual([]);
    expect(await t.probe({ fullName: 'Budi Santoso', birthDate: '1995-01-01' })).toEqual([]);
    expect(await t.probe({ fullName: 'Budi Santoso', originCode: '63.03' })).toEqual([]);
  });

  it('does not report a different name with the same birth date or origin', async () => {
    const t = await office();
    await createPerson(t.admin, {
      fullName: 'Siti Rahmah',
      birthDate: '1990-07-05',
      originCode: '63.03',
    });
    expect(
      await t.probe({ fullName: 'Siti Aminah', birthDate: '1990-07-05', originCode: '63.03' }),
    ).toEqual([]);
  });

  it('matches through aliases on either side', async () => {
    const t = await office();
    await createPerson(t.admin, {
      fullName: 'Muhammad Yusuf',
      aliases: ['Ucup Pasar'],
      birthDate: '1979-02-02',
    });
    expect(await t.probe({ fullName: 'Ucup Pasar', birthDate: '1979-02-02' })).toEqual([
      { name: 'Muhammad Yusuf', reasons: ['same_birth_date', 'similar_name'] },
    ]);
    expect(
      await t.probe({
        fullName: 'Orang Tak Dikenal',
        aliases: ['M. Yusuf'],
        birthDate: '1979-02-02',
      }),
    ).toEqual([{ name: 'Muhammad Yusuf', reasons: ['same_birth_date', 'similar_name'] }]);
  });

  it('leaves out the record being edited, but not its duplicates', async () => {
    const t = await office();
    const a = await createPerson(t.admin, { fullName: 'Siti Aminah', birthDate: '1990-07-05' });
    const b = await createPerson(t.admin, { fullName: 'Siti Aminah', birthDate: '1990-07-05' });
    const { candidates } = await t.admin.call('persons.duplicates', {
      excludeId: a.id,
      fullName: 'Siti Aminah',
      birthDate: '1990-07-05',
    });
    expect(candidates.map((c) => c.id)).toEqual([b.id]);
    const byNik = await createPerson(t.admin, { fullName: 'Budi', nik: NIK });
    const own = await t.admin.call('persons.duplicates', {
      excludeId: byNik.id,
      fullName: 'Budi',
      nik: NIK,
    });
    expect(own.candidates).toEqual([]);
  });

  it('leaves out merged records', async () => {
    const t = await office();
    const keep = await createPerson(t.admin, { fullName: 'Siti Aminah', birthDate: '1990-07-05' });
    const gone = await createPerson(t.admin, { fullName: 'Siti Aminah', birthDate: '1990-07-05' });
    await t.admin.call('persons.merge', {
      keepId: keep.id,
      keepVersion: 1,
      mergeId: gone.id,
      mergeVersion: 1,
      reason: 'Ganda',
    });
    const { candidates } = await t.admin.call('persons.duplicates', {
      fullName: 'Siti Aminah',
      birthDate: '1990-07-05',
    });
    expect(candidates.map((c) => c.id)).toEqual([keep.id]);
  });

  it('only reports: checking changes nothing and a similar record can still be saved', async () => {
    const t = await office();
    await createPerson(t.admin, { fullName: 'Siti Aminah', birthDate: '1990-07-05' });
    const before = snapshot(t.backend);
    expect(await t.probe({ fullName: 'Siti Aminah', birthDate: '1990-07-05' })).toHaveLength(1);
    expect(snapshot(t.backend)).toEqual(before);
    const second = await createPerson(t.admin, {
      fullName: 'Siti Aminah',
      birthDate: '1990-07-05',
    });
    expect(second.mergedInto).toBeNull();
    expect(await t.probe({ fullName: 'Siti Aminah', birthDate: '1990-07-05' })).toHaveLength(2);
  });
});
