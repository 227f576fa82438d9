/**
 * The admin merge tool: two records of one person become one. Every stay moves to the surviving
 * record, the merged record stays as a pointer, nothing is decided automatically, all audited.
 */
import { describe, expect, it } from 'vitest';
import type { Input } from '../../shared/contract';
import { phoneComplaint } from './complaintsFixtures';
import { setUpOffice, userWithRoles, type Client } from './harness';
import {
  auditOf,
  checkInInput,
  createPerson,
  DAY,
  issuesOf,
  makeNik,
  makeShelter,
  snapshot,
  type Person,
} from './registry';

const NIK = makeNik('63.72.04', '1985-03-12', 'M', 1);

function mergeInput(keep: Person, gone: Person, reason = 'Orang yang sama (dicek dengan foto)') {
  return {
    keepId: keep.id,
    keepVersion: keep.version,
    mergeId: gone.id,
    mergeVersion: gone.version,
    reason,
  } satisfies Input<'persons.merge'>;
}

/** A stay that began `fromDaysAgo` and ended `toDaysAgo` (null: still in). */
async function pastStay(
  c: Client,
  now: Date,
  personId: string,
  bedId: string,
  fromDaysAgo: number,
  toDaysAgo: number | null,
) {
  const stay = await c.call(
    'stays.checkIn',
    checkInInput(personId, bedId, {
      checkinAt: new Date(now.getTime() - fromDaysAgo * DAY).toISOString(),
    }),
  );
  if (toDaysAgo === null) return stay;
  return c.call('stays.checkOut', {
    id: stay.id,
    version: stay.version,
    checkoutAt: new Date(now.getTime() - toDaysAgo * DAY).toISOString(),
    exitType: 'left',
  });
}

async function fresh(c: Client, p: Person): Promise<Person> {
  return (await c.call('persons.get', { id: p.id })).person;
}

describe('persons.merge', () => {
  it('moves every stay to the surviving record and keeps the merged one as a pointer', async () => {
    const t = await setUpOffice();
    const s = await makeShelter(t.admin);
    const keep = await createPerson(t.admin, { fullName: 'Ahmad Fauzi' });
    const gone = await createPerson(t.admin, { fullName: 'Udin Pasar' });
    const now = t.clock.now;
    const s1 = await pastStay(t.admin, now, gone.id, s.beds['P1']!, 30, 25);
    const s2 = await pastStay(t.admin, now, keep.id, s.beds['P1']!, 20, 15);
    const s3 = await pastStay(t.admin, now, gone.id, s.beds['P2']!, 10, null);

    const merged = await t.admin.call(
      'persons.merge',
      mergeInput(await fresh(t.admin, keep), await fresh(t.admin, gone)),
    );
    expect(merged).toMatchObject({ id: keep.id, mergedInto: null, version: 2 });
    expect(merged.lastStay).toMatchObject({ stayId: s3.id, checkoutAt: null });

    const kept = await t.admin.call('persons.get', { id: keep.id });
    expect(kept.links.shelter!.stays.map((x) => x.id)).toEqual([s3.id, s2.id, s1.id]);
    const pointer = await t.admin.call('persons.get', { id: gone.id });
    expect(pointer.person).toMatchObject({ fullName: 'Udin Pasar', mergedInto: keep.id });
    expect(pointer.links.shelter!.stays).toEqual([]);
    // The stay still in progress now belongs to the surviving record on the roster too.
    const roster = await t.admin.call('stays.roster', { shelterId: s.shelterId });
    expect(roster.beds.find((b) => b.bed.label === 'P2')!.stay!.person.id).toBe(keep.id);
    // The merged record cannot be edited or checked in any more.
    await t.admin.call('stays.checkOut', {
      id: s3.id,
      version: (await t.admin.call('stays.get', { id: s3.id })).version,
      checkoutAt: now.toISOString(),
      exitType: 'left',
    });
    const err = await t.admin.fail('stays.checkIn', checkInInput(gone.id, s.beds['P1']!));
    expect(issuesOf(err)).toEqual([['personId', 'stay.person_merged']]);
  });

  it('moves the rows of every registered domain: stays and complaints', async () => {
    const t = await setUpOffice();
    const s = await makeShelter(t.admin);
    const keep = await createPerson(t.admin, { fullName: 'Ahmad Fauzi' });
    const gone = await createPerson(t.admin, { fullName: 'Udin Pasar' });
    const stay = await pastStay(t.admin, t.clock.now, gone.id, s.beds['P1']!, 9, 8);
    const c1 = await t.admin.call('complaints.create', phoneComplaint({ personId: gone.id }));
    const c2 = await t.admin.call('complaints.create', phoneComplaint({ personId: gone.id }));
    const other = await t.admin.call('complaints.create', phoneComplaint({ personId: keep.id }));
    await t.admin.call('persons.merge', mergeInput(keep, await fresh(t.admin, gone)));

    for (const c of [c1, c2, other])
      expect((await t.admin.call('complaints.get', { id: c.id })).personId).toBe(keep.id);
    expect((await t.admin.call('stays.get', { id: stay.id })).person.id).toBe(keep.id);
    const page = await t.admin.call('persons.get', { id: keep.id });
    expect(page.links.complaints).toEqual({ open: 3, total: 3 });
    expect((await t.admin.call('persons.get', { id: gone.id })).links.complaints).toEqual({
      open: 0,
      total: 0,
    });
    const onKeep = auditOf(t.backend, 'persons.merge').find((r) => r.record_id === keep.id)!;
    expect(onKeep.changes).toMatchObject({ moved: [null, { stays: 1, complaints: 2 }] });
  });

  it('fills what the surviving record lacks, keeps its own values, and keeps the other name', async () => {
    const t = await setUpOffice();
    const keep = await createPerson(t.admin, {
      fullName: 'Ahmad Fauzi',
      aliases: ['Ojie'],
      phone: '081100000001',
      notes: 'Catatan pertama',
      identityStatus: 'stated',
    });
    const gone = await createPerson(t.admin, {
      fullName: 'Fauzi Bin Salman',
      aliases: ['Pak Uji'],
      nik: NIK,
      kk: '6372040101100003',
      sex: 'M',
      birthPlace: 'Martapura',
      birthDate: '1985-03-12',
      motherName: 'Siti Rahmah',
      phone: '082200000002',
      address: 'Jl. Karang Anyar',
      villageCode: '63.72.04.1003',
      originCode: '63.03',
      notes: 'Catatan kedua',
      identityStatus: 'document',
    });
    const merged = await t.admin.call('persons.merge', mergeInput(keep, gone));
    expect(merged).toMatchObject({
      fullName: 'Ahmad Fauzi',
      aliases: ['Ojie', 'Fauzi Bin Salman', 'Pak Uji'],
      phone: '081100000001', // its own
      notes: 'Catatan pertama\n\nCatatan kedua',
      identityStatus: 'stated', // its own
      nik: NIK, // only the merged record had one
      kk: '6372040101100003',
      sex: 'M',
      birthPlace: 'Martapura',
      birthDate: '1985-03-12',
      birthYear: 1985,
      birthDateEstimated: false,
      motherName: 'Siti Rahmah',
      address: 'Jl. Karang Anyar',
      village: { code: '63.72.04.1003' },
      origin: { code: '63.03' },
      quality: {
        name: 'complete',
        nik: 'complete',
        birthDate: 'complete',
        origin: 'complete',
        address: 'complete',
      },
    });
    // The NIK and the other names now find the surviving record.
    const byNik = await t.admin.call('persons.search', { q: NIK });
    expect(byNik.results.map((r) => r.id)).toEqual([keep.id]);
    const byName = await t.admin.call('persons.search', { q: 'fauzi bin salman' });
    expect(byName.results.map((r) => r.id)).toEqual([keep.id]);
    const byAlias = await t.admin.call('persons.search', { q: 'pak uji' });
    expect(byAlias.results.map((r) => r.id)).toEqual([keep.id]);
  });

  it('keeps the other spelling of the same name as an alias', async () => {
    const t = await setUpOffice();
    const keep = await createPerson(t.admin, { fullName: 'Ahmad Fauzi' });
    const gone = await createPerson(t.admin, { fullName: 'Achmad Fauzie' });
    const merged = await t.admin.call('persons.merge', mergeInput(keep, gone));
    expect(merged.aliases).toEqual(['Achmad Fauzie']);
  });

  it('keeps its own estimated birth year and takes an exact date over an estimate', async () => {
    const t = await setUpOffice(); // 2026
    const keep = await createPerson(t.admin, { fullName: 'Mama Ijah', estimatedAge: 60 });
    const gone = await createPerson(t.admin, { fullName: 'Ijah', estimatedAge: 65 });
    const merged = await t.admin.call('persons.merge', mergeInput(keep, gone));
    expect(merged).toMatchObject({ birthYear: 1966, birthDateEstimated: true, birthDate: null });

    const exact = await createPerson(t.admin, { fullName: 'Hj. Ijah', birthDate: '1967-01-01' });
    const again = await t.admin.call('persons.merge', mergeInput(merged, exact));
    expect(again).toMatchObject({
      birthDate: '1967-01-01',
      birthYear: 1967,
      birthDateEstimated: false,
      quality: { birthDate: 'complete' },
    });
  });

  it('takes an estimated birth year as estimated when the surviving record had none', async () => {
    const t = await setUpOffice();
    const keep = await createPerson(t.admin, { fullName: 'Mama Ijah' });
    const gone = await createPerson(t.admin, { fullName: 'Ijah', estimatedAge: 60 });
    const merged = await t.admin.call('persons.merge', mergeInput(keep, gone));
    expect(merged).toMatchObject({
      birthDate: null,
      birthYear: 1966,
      birthDateEstimated: true,
      quality: { birthDate: 'partial' },
    });
  });

  it('counts the moved stays under the surviving record’s origin', async () => {
    const t = await setUpOffice(); // 27 Nov 2026
    const s = await makeShelter(t.admin);
    const keep = await createPerson(t.admin, { fullName: 'Ahmad Fauzi', originCode: '63.72' });
    const gone = await createPerson(t.admin, { fullName: 'Udin Pasar' }); // origin unknown
    await pastStay(t.admin, t.clock.now, gone.id, s.beds['P1']!, 20, 15);
    await pastStay(t.admin, t.clock.now, keep.id, s.beds['P1']!, 10, 5);
    await t.admin.call('persons.merge', mergeInput(keep, gone));

    const stats = await t.admin.call('stays.stats', { from: '2026-11-01', to: '2026-11-30' });
    expect(stats).toMatchObject({
      peopleServed: 1,
      stays: 2,
      fromOwnCity: 1,
      fromElsewhere: 0,
      originUnknown: 0,
      byOrigin: [{ code: '63.72', name: 'Kota Banjarbaru', people: 1 }],
    });
    const own = await t.admin.call('stays.history', { originRegency: '63.72' });
    expect(own.rows).toHaveLength(2);
  });

  it('refuses two records with different NIKs, changing nothing', async () => {
    const t = await setUpOffice();
    const keep = await createPerson(t.admin, { fullName: 'Ahmad Fauzi', nik: NIK });
    const gone = await createPerson(t.admin, {
      fullName: 'Ahmad Fauzi',
      nik: makeNik('63.72.04', '1985-03-12', 'M', 2),
    });
    const before = snapshot(t.backend);
    const err = await t.admin.fail('persons.merge', mergeInput(keep, gone));
    expect(issuesOf(err)).toEqual([['mergeId', 'person.merge_nik_conflict']]);
    expect(snapshot(t.backend)).toEqual(before);
  });

  it('merges two records with the same NIK… which cannot exist, so one with and one without', async () => {
    const t = await setUpOffice();
    const keep = await createPerson(t.admin, { fullName: 'Ahmad Fauzi', nik: NIK });
    const gone = await createPerson(t.admin, { fullName: 'Ahmad Fauzi' });
    const merged = await t.admin.call('persons.merge', mergeInput(keep, gone));
    expect(merged.nik).toBe(NIK);
    // The same spelling is not repeated as an alias.
    expect(merged.aliases).toEqual([]);
  });

  it('refuses while both are staying in the shelter', async () => {
    const t = await setUpOffice();
    const s = await makeShelter(t.admin);
    const keep = await createPerson(t.admin, { fullName: 'Ahmad Fauzi' });
    const gone = await createPerson(t.admin, { fullName: 'Achmad Fauzie' });
    await t.admin.call('stays.checkIn', checkInInput(keep.id, s.beds['P1']!));
    await t.admin.call('stays.checkIn', checkInInput(gone.id, s.beds['P2']!));
    const before = snapshot(t.backend);
    const err = await t.admin.fail('persons.merge', mergeInput(keep, gone));
    expect(issuesOf(err)).toEqual([['mergeId', 'person.merge_both_active']]);
    expect(snapshot(t.backend)).toEqual(before);
  });

  it('refuses a record merged with itself or one already merged', async () => {
    const t = await setUpOffice();
    const a = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    const b = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    const c = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    const self = await t.admin.fail('persons.merge', mergeInput(a, a));
    expect(issuesOf(self)).toEqual([['mergeId', 'person.merge_same']]);

    await t.admin.call('persons.merge', mergeInput(a, b));
    const bNow = await fresh(t.admin, b);
    const aNow = await fresh(t.admin, a);
    const before = snapshot(t.backend);
    for (const [keep, gone] of [
      [c, bNow],
      [bNow, c],
      [aNow, bNow],
    ] as const) {
      const err = await t.admin.fail('persons.merge', mergeInput(keep, gone));
      expect(issuesOf(err)).toEqual([['mergeId', 'person.merge_already']]);
    }
    expect(snapshot(t.backend)).toEqual(before);
  });

  it('refuses stale versions of either record with CONFLICT', async () => {
    const t = await setUpOffice();
    const keep = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    const gone = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    const edited = await t.admin.call('persons.update', {
      fullName: 'Siti Aminah',
      identityStatus: 'stated',
      phone: '081255550000',
      id: gone.id,
      version: gone.version,
    });
    const before = snapshot(t.backend);
    const staleMerge = await t.admin.fail('persons.merge', mergeInput(keep, gone));
    expect(staleMerge).toMatchObject({ code: 'CONFLICT', key: 'error.conflict_stale' });
    const staleKeep = await t.admin.fail('persons.merge', {
      ...mergeInput(keep, edited),
      keepVersion: 7,
    });
    expect(staleKeep).toMatchObject({ code: 'CONFLICT', key: 'error.conflict_stale' });
    expect(snapshot(t.backend)).toEqual(before);
    await t.admin.call('persons.merge', mergeInput(keep, edited));
  });

  it('answers NOT_FOUND for an unknown record', async () => {
    const t = await setUpOffice();
    const keep = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    const err = await t.admin.fail('persons.merge', {
      ...mergeInput(keep, keep),
      mergeId: '01900000-0000-7000-8000-000000000000',
    });
    expect(err.code).toBe('NOT_FOUND');
  });

  it('records the merge on both records with the reason', async () => {
    const t = await setUpOffice();
    const s = await makeShelter(t.admin);
    const keep = await createPerson(t.admin, { fullName: 'Ahmad Fauzi' });
    const gone = await createPerson(t.admin, { fullName: 'Udin Pasar', originCode: '63.03' });
    await pastStay(t.admin, t.clock.now, gone.id, s.beds['P1']!, 9, 8);
    await pastStay(t.admin, t.clock.now, gone.id, s.beds['P1']!, 7, 6);
    await t.admin.call(
      'persons.merge',
      mergeInput(keep, await fresh(t.admin, gone), 'Sama: dicek sidik jari di Disdukcapil'),
    );
    const all = auditOf(t.backend, 'persons.merge');
    // Each stay moved to the kept record is recorded too (its row hash changes).
    expect(all.filter((r) => r.record_type === 'stay').map((r) => r.changes)).toEqual([
      { person_id: [gone.id, keep.id] },
      { person_id: [gone.id, keep.id] },
    ]);
    const rows = all.filter((r) => r.record_type === 'person');
    expect(rows).toHaveLength(2);
    const onKeep = rows.find((r) => r.record_id === keep.id)!;
    const onGone = rows.find((r) => r.record_id === gone.id)!;
    for (const r of [onKeep, onGone]) {
      expect(r).toMatchObject({
        record_type: 'person',
        outcome: 'ok',
        username: 'admin',
        note: 'Sama: dicek sidik jari di Disdukcapil',
      });
    }
    expect(onKeep.changes).toMatchObject({
      merged_from: [null, gone.id],
      moved: [null, { stays: 2 }],
      origin_code: [null, '63.03'],
    });
    expect(onGone.changes).toEqual({ merged_into: [null, keep.id] });
    expect((await t.admin.call('audit.verify', {})).intact).toBe(true);
  });

  it('is for admins only', async () => {
    const t = await setUpOffice();
    const keep = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    const gone = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    const people = () => snapshot(t.backend).persons;
    const before = people();
    for (const role of ['caseworker', 'shelter_staff', 'complaint_officer', 'viewer'] as const) {
      const c = await userWithRoles(t, `u_${role}`, [role]);
      const err = await c.fail('persons.merge', mergeInput(keep, gone));
      expect(err.code, role).toBe('FORBIDDEN');
    }
    expect(people()).toEqual(before);
    expect(auditOf(t.backend, 'persons.merge').map((r) => r.outcome)).toEqual([
      'denied',
      'denied',
      'denied',
      'denied',
    ]);
  });
});
