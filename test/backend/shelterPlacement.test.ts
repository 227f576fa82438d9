/**
 * Room rules of the rumah singgah: a man in a women's room, a woman in a men's room, an adult in
 * the children's room or anyone outside a room's age range is refused unless staff give a
 * reason; the override is kept in the stay's log and the audit. Check-in and bed moves alike.
 */
import { describe, expect, it } from 'vitest';
import { setUpOffice } from './harness';
import {
  auditOf,
  checkInInput,
  createPerson,
  DAY,
  issuesOf,
  makeShelter,
  signInAgain,
  snapshot,
  staffUser,
} from './registry';

// The clock starts on 27 Nov 2026 (harness DEFAULT_START).
async function office() {
  const t = await setUpOffice();
  const s = await makeShelter(t.admin, 'Rumah Singgah Banjarbaru', {
    'Ruang Pria': ['P1', 'P2'],
    'Ruang Wanita': ['W1'],
    'Ruang Anak': ['A1'],
    'Ruang Lansia': ['L1'],
  });
  // The elderly room is a family room for 60 and over.
  await t.admin.call('shelters.saveRoom', {
    id: s.rooms['Ruang Lansia']!,
    version: 1,
    shelterId: s.shelterId,
    name: 'Ruang Lansia',
    kind: 'family',
    ageMin: 60,
  });
  const staff = await staffUser(t, 'petugas', ['shelter_staff']);
  const man = await createPerson(t.admin, {
    fullName: 'Budi Santoso',
    sex: 'M',
    birthDate: '1980-03-01',
  });
  const woman = await createPerson(t.admin, {
    fullName: 'Siti Aminah',
    sex: 'F',
    estimatedAge: 45,
  });
  // Turns 18 on 28 Nov 2026, the day after the test clock.
  const boy = await createPerson(t.admin, { fullName: 'Dimas', sex: 'M', birthDate: '2008-11-28' });
  return { ...t, ...s, staff, man, woman, boy };
}

describe('room rules at check-in', () => {
  it("refuses a man in a women's room, naming the mismatch, and saves nothing", async () => {
    const t = await office();
    const before = snapshot(t.backend);
    const err = await t.staff.fail('stays.checkIn', checkInInput(t.man.id, t.beds['W1']!));
    expect(err.code).toBe('VALIDATION');
    expect(err.issues).toEqual([
      {
        path: ['bedId'],
        key: 'stay.mismatch_women_room',
        params: { name: 'Budi Santoso', room: 'Ruang Wanita' },
      },
      { path: ['overrideReason'], key: 'stay.override_reason_required' },
    ]);
    expect(snapshot(t.backend)).toEqual(before);
  });

  it("refuses a woman in a men's room", async () => {
    const t = await office();
    const err = await t.staff.fail('stays.checkIn', checkInInput(t.woman.id, t.beds['P1']!));
    expect(issuesOf(err)).toEqual([
      ['bedId', 'stay.mismatch_men_room'],
      ['overrideReason', 'stay.override_reason_required'],
    ]);
  });

  it("refuses an adult in the children's room, and lets a child in", async () => {
    const t = await office();
    const err = await t.staff.fail('stays.checkIn', checkInInput(t.woman.id, t.beds['A1']!));
    expect(err.issues![0]).toEqual({
      path: ['bedId'],
      key: 'stay.mismatch_adult',
      params: { name: 'Siti Aminah', room: 'Ruang Anak', age: '45' },
    });
    // Dimas is 17 today: the children's room is right for him.
    const stay = await t.staff.call('stays.checkIn', checkInInput(t.boy.id, t.beds['A1']!));
    expect(stay.bedLabel).toBe('A1');
  });

  it('counts the age on the office calendar day: 18 tomorrow is still a child today', async () => {
    const t = await office();
    t.clock.advance(DAY);
    await signInAgain(t.staff, 'petugas');
    const err = await t.staff.fail('stays.checkIn', checkInInput(t.boy.id, t.beds['A1']!));
    expect(issuesOf(err)[0]).toEqual(['bedId', 'stay.mismatch_adult']);
  });

  it("refuses someone outside the room's own age range, showing the range", async () => {
    const t = await office();
    const err = await t.staff.fail('stays.checkIn', checkInInput(t.man.id, t.beds['L1']!));
    expect(err.issues![0]).toEqual({
      path: ['bedId'],
      key: 'stay.mismatch_age',
      params: { name: 'Budi Santoso', room: 'Ruang Lansia', age: '46', range: '≥ 60' },
    });
  });

  it('lets a person whose sex and age are unknown into any room', async () => {
    const t = await office();
    const someone = await createPerson(t.admin, { fullName: 'Tanpa Nama' });
    const stay = await t.staff.call('stays.checkIn', checkInInput(someone.id, t.beds['W1']!));
    expect(stay.events).toEqual([]);
  });

  it("checks in with a reason, kept in the stay's log and the audit", async () => {
    const t = await office();
    const reason = 'Ruang laki-laki penuh; ditempatkan sementara semalam dengan pengawasan.';
    const stay = await t.staff.call(
      'stays.checkIn',
      checkInInput(t.man.id, t.beds['W1']!, { overrideReason: reason }),
    );
    expect(stay.events).toMatchObject([
      { kind: 'placement_override', note: reason, staffName: expect.any(String) },
    ]);
    const [audit] = auditOf(t.backend, 'stays.checkIn').filter((a) => a.record_type === 'stay');
    expect(audit).toMatchObject({ record_id: stay.id, note: reason });
    const [event] = auditOf(t.backend, 'stays.checkIn').filter(
      (a) => a.record_type === 'stay_event',
    );
    expect(event!.changes).toMatchObject({ mismatch: [null, ['stay.mismatch_women_room']] });
  });

  it('does not note a reason given where nothing needed overriding', async () => {
    const t = await office();
    const stay = await t.staff.call(
      'stays.checkIn',
      checkInInput(t.man.id, t.beds['P1']!, { overrideReason: 'tidak perlu' }),
    );
    expect(stay.events).toEqual([]);
    expect(auditOf(t.backend, 'stays.checkIn')[0]!.note).toBeNull();
  });
});

describe('stays.moveBed', () => {
  it('moves a resident to a free bed of a fitting room, audited', async () => {
    const t = await office();
    const stay = await t.staff.call('stays.checkIn', checkInInput(t.man.id, t.beds['P1']!));
    const moved = await t.staff.call('stays.moveBed', {
      id: stay.id,
      version: stay.version,
      bedId: t.beds['P2']!,
    });
    expect(moved).toMatchObject({ bedLabel: 'P2', roomName: 'Ruang Pria', version: 2 });
    const [audit] = auditOf(t.backend, 'stays.moveBed');
    expect(audit!.changes).toMatchObject({ bed_id: [t.beds['P1'], t.beds['P2']] });
  });

  it('refuses a move into a room that does not fit without a reason, and moves with one', async () => {
    const t = await office();
    const stay = await t.staff.call('stays.checkIn', checkInInput(t.woman.id, t.beds['W1']!));
    const before = snapshot(t.backend);
    const err = await t.staff.fail('stays.moveBed', {
      id: stay.id,
      version: stay.version,
      bedId: t.beds['A1']!,
    });
    expect(issuesOf(err)).toEqual([
      ['bedId', 'stay.mismatch_adult'],
      ['overrideReason', 'stay.override_reason_required'],
    ]);
    expect(snapshot(t.backend)).toEqual(before);
    const reason = 'Menemani anaknya yang sakit di ruang anak.';
    const moved = await t.staff.call('stays.moveBed', {
      id: stay.id,
      version: stay.version,
      bedId: t.beds['A1']!,
      overrideReason: reason,
    });
    expect(moved.bedLabel).toBe('A1');
    expect(moved.events).toMatchObject([{ kind: 'placement_override', note: reason }]);
    expect(auditOf(t.backend, 'stays.moveBed')[0]).toMatchObject({ note: reason });
  });

  it('refuses a taken bed, the same bed, a stale version and a checked-out stay', async () => {
    const t = await office();
    const a = await t.staff.call('stays.checkIn', checkInInput(t.man.id, t.beds['P1']!));
    const other = await createPerson(t.admin, { fullName: 'Ahmad', sex: 'M', estimatedAge: 30 });
    await t.staff.call('stays.checkIn', checkInInput(other.id, t.beds['P2']!));
    const move = { id: a.id, version: a.version };
    const taken = await t.staff.fail('stays.moveBed', { ...move, bedId: t.beds['P2']! });
    expect(taken).toMatchObject({ code: 'CONFLICT', key: 'stay.bed_occupied' });
    const same = await t.staff.fail('stays.moveBed', { ...move, bedId: t.beds['P1']! });
    expect(issuesOf(same)).toEqual([['bedId', 'stay.move_same_bed']]);
    const stale = await t.staff.fail('stays.moveBed', {
      id: a.id,
      version: 9,
      bedId: t.beds['L1']!,
    });
    expect(stale).toMatchObject({ code: 'CONFLICT', key: 'error.conflict_stale' });
    const out = await t.staff.call('stays.checkOut', {
      ...move,
      checkoutAt: new Date(t.clock.now.getTime()).toISOString(),
      exitType: 'left',
    });
    const gone = await t.staff.fail('stays.moveBed', {
      id: a.id,
      version: out.version,
      bedId: t.beds['P2']!,
    });
    expect(gone).toMatchObject({ code: 'CONFLICT', key: 'stay.already_checked_out' });
  });

  it('refuses a bed someone else used since the check-in: a stay keeps one bed throughout', async () => {
    const t = await office();
    const stay = await t.staff.call(
      'stays.checkIn',
      checkInInput(t.man.id, t.beds['P1']!, {
        checkinAt: new Date(t.clock.now.getTime() - 3 * DAY).toISOString(),
      }),
    );
    const other = await createPerson(t.admin, { fullName: 'Ahmad', sex: 'M', estimatedAge: 30 });
    const brief = await t.staff.call(
      'stays.checkIn',
      checkInInput(other.id, t.beds['P2']!, {
        checkinAt: new Date(t.clock.now.getTime() - 2 * DAY).toISOString(),
      }),
    );
    await t.staff.call('stays.checkOut', {
      id: brief.id,
      version: brief.version,
      checkoutAt: new Date(t.clock.now.getTime() - DAY).toISOString(),
      exitType: 'left',
    });
    const err = await t.staff.fail('stays.moveBed', {
      id: stay.id,
      version: stay.version,
      bedId: t.beds['P2']!,
    });
    expect(issuesOf(err)).toEqual([['bedId', 'stay.overlaps_bed']]);
  });
});

describe('room kinds in the configuration', () => {
  it("keeps a room's kind and age range, and refuses a range upside down", async () => {
    const t = await office();
    const { shelters } = await t.admin.call('shelters.list', {});
    expect(shelters[0]!.rooms.map((r) => [r.name, r.kind, r.ageMin, r.ageMax])).toEqual([
      ['Ruang Anak', 'children', null, null],
      ['Ruang Lansia', 'family', 60, null],
      ['Ruang Pria', 'men', null, null],
      ['Ruang Wanita', 'women', null, null],
    ]);
    const err = await t.admin.fail('shelters.saveRoom', {
      shelterId: t.shelterId,
      name: 'Ruang Remaja',
      kind: 'children',
      ageMin: 17,
      ageMax: 12,
    });
    expect(issuesOf(err)).toEqual([['ageMax', 'shelter.age_range_order']]);
    const roster = await t.staff.call('stays.roster', { shelterId: t.shelterId });
    expect(roster.beds.map((b) => [b.bed.label, b.roomKind])).toEqual([
      ['A1', 'children'],
      ['L1', 'family'],
      ['P1', 'men'],
      ['P2', 'men'],
      ['W1', 'women'],
    ]);
  });

  it('lets no one log a placement override by hand', async () => {
    const t = await office();
    const stay = await t.staff.call('stays.checkIn', checkInInput(t.man.id, t.beds['P1']!));
    const err = await t.staff.fail('stays.logEvent', {
      stayId: stay.id,
      kind: 'placement_override',
    });
    expect(err.code).toBe('VALIDATION');
  });
});
