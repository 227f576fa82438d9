/**
 * The rumah singgah: configuration, check-in and its rules (also under concurrent calls and
 * against raw SQL), the event log, check-out, admin corrections, the roster, history and figures.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Input } from '../../shared/contract';
import type { Handlers } from '../../electron/backend/dispatch/dispatch';
import { handlers } from '../../electron/backend/handlers';
import { dispatcherWith, OFFICE_INPUT, setUpOffice, type Client } from './harness';
import {
  auditOf,
  checkInInput,
  createPerson,
  DAY,
  HOUR,
  issuesOf,
  makeShelter,
  rowCount,
  signInAgain,
  snapshot,
  staffUser,
} from './registry';

type CheckIn = Input<'stays.checkIn'>;
type CheckOut = Omit<Input<'stays.checkOut'>, 'id' | 'version'>;

/** An office with a shelter, a shelter staff member and one person ready to check in. */
async function shelterOffice(start?: Date) {
  const t = await setUpOffice(start);
  const s = await makeShelter(t.admin);
  const staff = await staffUser(t, 'petugas', ['shelter_staff']);
  const budi = await createPerson(t.admin, { fullName: 'Budi Santoso', originCode: '63.03.01' });
  return { ...t, ...s, staff, budi };
}

async function checkIn(c: Client, personId: string, bedId: string, over: Partial<CheckIn> = {}) {
  return c.call('stays.checkIn', checkInInput(personId, bedId, over));
}

async function checkOut(c: Client, stayId: string, f: CheckOut) {
  const { version } = await c.call('stays.get', { id: stayId });
  return c.call('stays.checkOut', { id: stayId, version, ...f });
}

const iso = (ms: number) => new Date(ms).toISOString();

describe('shelter configuration', () => {
  it('keeps shelters with their rooms and beds', async () => {
    const t = await setUpOffice();
    const s = await makeShelter(t.admin, 'Rumah Singgah Banjarbaru', {
      'Ruang Anak': ['A1'],
      'Ruang Pria': ['P2', 'P1'],
    });
    await t.admin.call('shelters.save', { name: 'Rumah Singgah Lama', capacity: 5, active: false });
    const { shelters } = await t.admin.call('shelters.list', {});
    expect(shelters).toHaveLength(1);
    expect(shelters[0]).toMatchObject({
      id: s.shelterId,
      name: 'Rumah Singgah Banjarbaru',
      address: 'Jl. Trikora, Banjarbaru',
      capacity: 20,
      active: true,
      version: 1,
    });
    expect(
      shelters[0]!.rooms.map((r) => [r.name, r.kind, r.beds.map((b) => [b.label, b.active])]),
    ).toEqual([
      ['Ruang Anak', 'children', [['A1', true]]],
      [
        'Ruang Pria',
        'men',
        [
          ['P1', true],
          ['P2', true],
        ],
      ],
    ]);
    const all = await t.admin.call('shelters.list', { includeInactive: true });
    expect(all.shelters.map((x) => [x.name, x.active])).toEqual([
      ['Rumah Singgah Banjarbaru', true],
      ['Rumah Singgah Lama', false],
    ]);
  });

  it('refuses a second shelter, room or bed of the same name where it would be ambiguous', async () => {
    const t = await setUpOffice();
    const a = await makeShelter(t.admin, 'Rumah Singgah A', { 'Ruang 1': ['1'] });
    const b = await makeShelter(t.admin, 'Rumah Singgah B', { 'Ruang 2': ['1'] });
    const before = snapshot(t.backend);
    const shelter = await t.admin.fail('shelters.save', { name: 'Rumah Singgah A', capacity: 3 });
    expect(shelter.issues).toEqual([
      { path: ['name'], key: 'shelter.name_taken', params: { name: 'Rumah Singgah A' } },
    ]);
    const room = await t.admin.fail('shelters.saveRoom', {
      shelterId: a.shelterId,
      name: 'Ruang 1',
      kind: 'family',
    });
    expect(room.issues).toEqual([
      { path: ['name'], key: 'shelter.room_taken', params: { name: 'Ruang 1' } },
    ]);
    const bed = await t.admin.fail('shelters.saveBed', {
      roomId: a.rooms['Ruang 1']!,
      label: '1',
    });
    expect(bed.issues).toEqual([
      { path: ['label'], key: 'stay.bed_label_taken', params: { label: '1' } },
    ]);
    // Renaming B to A's name is refused too.
    const rename = await t.admin.fail('shelters.save', {
      id: b.shelterId,
      version: 1,
      name: 'Rumah Singgah A',
      capacity: 3,
    });
    expect(issuesOf(rename)).toEqual([['name', 'shelter.name_taken']]);
    expect(snapshot(t.backend)).toEqual(before);
    // The same room name in another shelter is fine.
    await t.admin.call('shelters.saveRoom', {
      shelterId: b.shelterId,
      name: 'Ruang 1',
      kind: 'men',
    });
  });

  it('moves a bed between rooms of its shelter, never into another shelter', async () => {
    const t = await setUpOffice();
    const a = await makeShelter(t.admin, 'Rumah Singgah A', { 'Ruang 1': ['1'], 'Ruang 2': [] });
    const b = await makeShelter(t.admin, 'Rumah Singgah B', { 'Ruang X': [] });
    const before = snapshot(t.backend);
    const err = await t.admin.fail('shelters.saveBed', {
      id: a.beds['1']!,
      version: 1,
      roomId: b.rooms['Ruang X']!,
      label: '1',
    });
    expect(issuesOf(err)).toEqual([['roomId', 'stay.room_wrong_shelter']]);
    const room = await t.admin.fail('shelters.saveRoom', {
      id: a.rooms['Ruang 1']!,
      version: 1,
      shelterId: b.shelterId,
      name: 'Ruang 1',
      kind: 'family',
    });
    expect(issuesOf(room)).toEqual([['shelterId', 'stay.room_wrong_shelter']]);
    expect(snapshot(t.backend)).toEqual(before);

    const moved = await t.admin.call('shelters.saveBed', {
      id: a.beds['1']!,
      version: 1,
      roomId: a.rooms['Ruang 2']!,
      label: '1',
    });
    expect(moved.rooms.map((r) => [r.name, r.beds.map((x) => x.label)])).toEqual([
      ['Ruang 1', []],
      ['Ruang 2', ['1']],
    ]);
    // The database refuses it too, whatever the application does.
    expect(() =>
      t.backend.sqlite
        .prepare('UPDATE shelter_beds SET room_id = ? WHERE id = ?')
        .run(b.rooms['Ruang X']!, a.beds['1']!),
    ).toThrow(/FOREIGN KEY/);
  });

  it('refuses a stale shelter, room or bed version', async () => {
    const t = await setUpOffice();
    const s = await makeShelter(t.admin, 'Rumah Singgah A', { 'Ruang 1': ['1'] });
    await t.admin.call('shelters.save', { id: s.shelterId, version: 1, name: 'RS A', capacity: 4 });
    const stale = await t.admin.fail('shelters.save', {
      id: s.shelterId,
      version: 1,
      name: 'RS B',
      capacity: 4,
    });
    expect(stale).toMatchObject({ code: 'CONFLICT', key: 'error.conflict_stale' });
    await t.admin.call('shelters.saveBed', {
      id: s.beds['1']!,
      version: 1,
      roomId: s.rooms['Ruang 1']!,
      label: '1A',
    });
    const bed = await t.admin.fail('shelters.saveBed', {
      id: s.beds['1']!,
      version: 1,
      roomId: s.rooms['Ruang 1']!,
      label: '1B',
    });
    expect(bed.code).toBe('CONFLICT');
    const { shelters } = await t.admin.call('shelters.list', {});
    expect(shelters[0]).toMatchObject({ name: 'RS A', version: 2 });
    expect(shelters[0]!.rooms[0]!.beds[0]).toMatchObject({ label: '1A', version: 2 });
  });
});

describe('stays.checkIn', () => {
  it('checks a person in to a bed, with everything recorded', async () => {
    const t = await shelterOffice();
    const stay = await checkIn(t.staff, t.budi.id, t.beds['P1']!, {
      referralSource: 'call_112',
      referralDetail: 'Laporan warga lewat 112',
      ppks: ['PPKS-12', 'PPKS-11', 'PPKS-12'],
      condition: 'Lemah, dehidrasi',
      healthNotes: 'Perlu cek gula darah',
      belongings: 'Tas kain, KTP fotokopi',
    });
    expect(stay).toMatchObject({
      person: { id: t.budi.id, fullName: 'Budi Santoso' },
      shelterId: t.shelterId,
      shelterName: 'Rumah Singgah Banjarbaru',
      bedId: t.beds['P1'],
      bedLabel: 'P1',
      roomName: 'Ruang Pria',
      checkinAt: t.clock.now.toISOString(),
      referralSource: 'call_112',
      referralDetail: 'Laporan warga lewat 112',
      ppks: ['PPKS-11', 'PPKS-12'],
      condition: 'Lemah, dehidrasi',
      healthNotes: 'Perlu cek gula darah',
      belongings: 'Tas kain, KTP fotokopi',
      checkoutAt: null,
      exitType: null,
      destination: null,
      days: 0,
      overdue: false,
      events: [],
      version: 1,
    });
    expect(await t.admin.call('stays.get', { id: stay.id })).toEqual(stay);
    const [audit] = auditOf(t.backend, 'stays.checkIn');
    expect(audit).toMatchObject({ record_type: 'stay', record_id: stay.id, username: 'petugas' });
    expect(audit!.changes).toMatchObject({
      person_id: [null, t.budi.id],
      bed_id: [null, t.beds['P1']],
      origin_regency: [null, '63.03'],
      ppks: [null, ['PPKS-12', 'PPKS-11']],
    });
    // The person's page shows the stay.
    const page = await t.staff.call('persons.get', { id: t.budi.id });
    expect(page.links.shelter?.stays).toEqual([
      {
        id: stay.id,
        shelterName: 'Rumah Singgah Banjarbaru',
        bedLabel: 'P1',
        checkinAt: stay.checkinAt,
        checkoutAt: null,
        exitType: null,
        destination: null,
        ppks: ['PPKS-11', 'PPKS-12'],
      },
    ]);
  });

  it('takes a check-in time given in another offset, stored as UTC', async () => {
    const t = await shelterOffice();
    const stay = await checkIn(t.staff, t.budi.id, t.beds['P1']!, {
      checkinAt: '2026-11-27T08:30:00+08:00',
    });
    expect(stay.checkinAt).toBe('2026-11-27T00:30:00.000Z');
  });

  it('refuses an unknown or merged person, an unknown or unused bed, and no category', async () => {
    const t = await shelterOffice();
    const other = await createPerson(t.admin, { fullName: 'Budi S.' });
    await t.admin.call('persons.merge', {
      keepId: t.budi.id,
      keepVersion: 1,
      mergeId: other.id,
      mergeVersion: 1,
      reason: 'Ganda',
    });
    await t.admin.call('shelters.saveBed', {
      id: t.beds['P2']!,
      version: 1,
      roomId: t.rooms['Ruang Pria']!,
      label: 'P2',
      active: false,
    });
    const before = snapshot(t.backend);
    const nobody = '01900000-0000-7000-8000-000000000000';
    const cases: [Partial<CheckIn> & { personId: string; bedId: string }, string[]][] = [
      [{ personId: nobody, bedId: t.beds['P1']! }, ['personId', 'error.not_found']],
      [{ personId: other.id, bedId: t.beds['P1']! }, ['personId', 'stay.person_merged']],
      [{ personId: t.budi.id, bedId: nobody }, ['bedId', 'error.not_found']],
      [{ personId: t.budi.id, bedId: t.beds['P2']! }, ['bedId', 'stay.bed_inactive']],
      [{ personId: t.budi.id, bedId: t.beds['P1']!, ppks: [] }, ['ppks', 'stay.ppks_required']],
    ];
    for (const [input, issue] of cases) {
      const err = await t.staff.fail(
        'stays.checkIn',
        checkInInput(input.personId, input.bedId, input),
      );
      expect(issuesOf(err)).toEqual([issue]);
    }
    expect(snapshot(t.backend)).toEqual(before);
  });

  it('refuses a check-in time in the future, allowing a few minutes of clock drift', async () => {
    const t = await shelterOffice();
    const before = snapshot(t.backend);
    const err = await t.staff.fail(
      'stays.checkIn',
      checkInInput(t.budi.id, t.beds['P1']!, {
        checkinAt: iso(t.clock.now.getTime() + 10 * 60_000),
      }),
    );
    expect(issuesOf(err)).toEqual([['checkinAt', 'stay.checkin_future']]);
    expect(snapshot(t.backend)).toEqual(before);
    const drift = await checkIn(t.staff, t.budi.id, t.beds['P1']!, {
      checkinAt: iso(t.clock.now.getTime() + 60_000),
    });
    expect(drift.days).toBe(0);
  });

  it('refuses a person who is already in, naming since when', async () => {
    const t = await shelterOffice();
    await checkIn(t.staff, t.budi.id, t.beds['P1']!);
    const before = snapshot(t.backend);
    const err = await t.staff.fail('stays.checkIn', checkInInput(t.budi.id, t.beds['P2']!));
    expect(err).toMatchObject({
      code: 'CONFLICT',
      key: 'stay.person_already_in',
      params: { name: 'Budi Santoso', since: '27 Nov 2026 10.00 WITA' },
    });
    expect(err.message.id).toContain('Budi Santoso');
    expect(snapshot(t.backend)).toEqual(before);
  });

  it('refuses a bed that is taken', async () => {
    const t = await shelterOffice();
    const siti = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    await checkIn(t.staff, t.budi.id, t.beds['P1']!);
    const before = snapshot(t.backend);
    const err = await t.staff.fail('stays.checkIn', checkInInput(siti.id, t.beds['P1']!));
    expect(err).toMatchObject({
      code: 'CONFLICT',
      key: 'stay.bed_occupied',
      params: { bed: 'P1' },
    });
    expect(snapshot(t.backend)).toEqual(before);
  });
});

describe('check-ins at the same moment', () => {
  it('lets one of two check-ins of the same person into different beds win, saving nothing of the other', async () => {
    const t = await shelterOffice();
    const other = await staffUser(t, 'petugas2', ['shelter_staff']);
    const [a, b] = await Promise.all([
      t.staff.raw('stays.checkIn', checkInInput(t.budi.id, t.beds['P1']!, { ppks: ['PPKS-11'] })),
      other.raw(
        'stays.checkIn',
        checkInInput(t.budi.id, t.beds['P2']!, { ppks: ['PPKS-12', 'PPKS-13'] }),
      ),
    ]);
    const outcomes = [a!, b!].map((r) => (r.ok ? 'ok' : `${r.error.code} ${r.error.key}`));
    expect(outcomes.sort()).toEqual(['CONFLICT stay.person_already_in', 'ok']);
    const winner = [a!, b!].find((r) => r.ok);
    const won = (winner?.ok ? winner.data : null) as { id: string; ppks: string[] };
    expect(rowCount(t.backend, 'stays')).toBe(1);
    // No categories of the refused check-in were left behind.
    expect(t.backend.sqlite.prepare('SELECT stay_id, ppks FROM stay_ppks').all()).toEqual(
      won.ppks.map((p) => ({ stay_id: won.id, ppks: p })),
    );
    expect(auditOf(t.backend, 'stays.checkIn')).toHaveLength(1);
    expect((await t.admin.call('audit.verify', {})).intact).toBe(true);
  });

  it('lets one of two people checked into one bed at once win', async () => {
    const t = await shelterOffice();
    const other = await staffUser(t, 'petugas2', ['shelter_staff']);
    const siti = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    const [a, b] = await Promise.all([
      t.staff.raw('stays.checkIn', checkInInput(t.budi.id, t.beds['P1']!)),
      other.raw('stays.checkIn', checkInInput(siti.id, t.beds['P1']!)),
    ]);
    const outcomes = [a!, b!].map((r) => (r.ok ? 'ok' : `${r.error.code} ${r.error.key}`));
    expect(outcomes.sort()).toEqual(['CONFLICT stay.bed_occupied', 'ok']);
    expect(rowCount(t.backend, 'stays')).toBe(1);
    expect(rowCount(t.backend, 'stay_ppks')).toBe(1);
    expect(auditOf(t.backend, 'stays.checkIn')).toHaveLength(1);
    const roster = await t.admin.call('stays.roster', { shelterId: t.shelterId });
    expect(roster.beds.filter((x) => x.stay !== null)).toHaveLength(1);
  });

  it('lets exactly one of many simultaneous check-ins into one bed win', async () => {
    const t = await shelterOffice();
    const people = [t.budi];
    for (const name of ['Siti Aminah', 'Joko Susilo', 'Rina Marlina', 'Agus Salim']) {
      people.push(await createPerson(t.admin, { fullName: name }));
    }
    const results = await Promise.all(
      people.map((p) => t.staff.raw('stays.checkIn', checkInInput(p.id, t.beds['W1']!))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.key === 'stay.bed_occupied')).toHaveLength(4);
    expect(rowCount(t.backend, 'stays')).toBe(1);
  });

  it('saves nothing of a check-in that fails half-way', async () => {
    const t = await shelterOffice();
    const broken = {
      ...handlers,
      'stays.checkIn': async (input, ctx) => {
        await handlers['stays.checkIn'](input, ctx);
        throw new Error('disk full after the stay was written');
      },
    } as Handlers;
    const dispatch = dispatcherWith(t, broken);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const before = snapshot(t.backend);
    const r = await dispatch(
      t.staff.token,
      'stays.checkIn',
      checkInInput(t.budi.id, t.beds['P1']!),
    );
    expect(r.response).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
    expect(snapshot(t.backend)).toEqual(before);
    // …and the bed and person are still free.
    await checkIn(t.staff, t.budi.id, t.beds['P1']!);
  });
});

describe('the database itself', () => {
  const tracked = `'2026-11-27T02:00:00.000Z', NULL, '2026-11-27T02:00:00.000Z', NULL, 1`;

  it('refuses a second active stay on a bed or for a person, even through raw SQL', async () => {
    const t = await shelterOffice();
    const siti = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    const stay = await checkIn(t.staff, t.budi.id, t.beds['P1']!);
    const insert = t.backend.sqlite.prepare(`INSERT INTO stays (id, person_id, shelter_id, bed_id,
      checkin_at, referral_source, created_at, created_by, updated_at, updated_by, version)
      VALUES (?, ?, ?, ?, '2026-11-27T02:00:00.000Z', 'self', ${tracked})`);
    expect(() =>
      insert.run('01900000-0000-7000-8000-000000000001', siti.id, t.shelterId, t.beds['P1']!),
    ).toThrow(/UNIQUE constraint failed: stays\.bed_id/);
    expect(() =>
      insert.run('01900000-0000-7000-8000-000000000002', t.budi.id, t.shelterId, t.beds['P2']!),
    ).toThrow(/UNIQUE constraint failed: stays\.person_id/);
    // Once checked out, both are free again.
    await checkOut(t.staff, stay.id, { checkoutAt: t.clock.now.toISOString(), exitType: 'left' });
    insert.run('01900000-0000-7000-8000-000000000003', t.budi.id, t.shelterId, t.beds['P1']!);
  });

  it('refuses a stay on a bed of another shelter, and a check-out before the check-in', async () => {
    const t = await shelterOffice();
    const other = await makeShelter(t.admin, 'Rumah Singgah Kedua', { 'Ruang 1': ['K1'] });
    const insert = t.backend.sqlite.prepare(`INSERT INTO stays (id, person_id, shelter_id, bed_id,
      checkin_at, checkout_at, exit_type, referral_source, created_at, created_by, updated_at,
      updated_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, 'self', ${tracked})`);
    expect(() =>
      insert.run(
        '01900000-0000-7000-8000-000000000001',
        t.budi.id,
        other.shelterId,
        t.beds['P1']!,
        '2026-11-27T02:00:00.000Z',
        null,
        null,
      ),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      insert.run(
        '01900000-0000-7000-8000-000000000002',
        t.budi.id,
        t.shelterId,
        t.beds['P1']!,
        '2026-11-27T02:00:00.000Z',
        '2026-11-26T02:00:00.000Z',
        'left',
      ),
    ).toThrow(/CHECK/);
    expect(rowCount(t.backend, 'stays')).toBe(0);
  });
});

describe('stays.logEvent', () => {
  it('logs services and events with time and staff, newest first', async () => {
    const t = await shelterOffice();
    const stay = await checkIn(t.staff, t.budi.id, t.beds['P1']!);
    const minutes = (n: number) => iso(Date.parse(stay.checkinAt) + n * 60_000);
    t.clock.advance(20 * 60_000);
    await t.staff.call('stays.logEvent', { stayId: stay.id, kind: 'meal', note: 'Makan siang' });
    t.clock.advance(20 * 60_000);
    await signInAgain(t.admin, 'admin');
    const after = await t.admin.call('stays.logEvent', {
      stayId: stay.id,
      kind: 'identity_check',
      note: 'Sidik jari di Disdukcapil',
      at: minutes(30),
    });
    expect(after.events.map((e) => [e.kind, e.note, e.staffName, e.at])).toEqual([
      ['identity_check', 'Sidik jari di Disdukcapil', 'Admin Pelita', minutes(30)],
      ['meal', 'Makan siang', 'Pengguna petugas', minutes(20)],
    ]);
    expect(auditOf(t.backend, 'stays.logEvent')).toHaveLength(2);
  });

  it('refuses an event time outside the stay', async () => {
    const t = await shelterOffice();
    const now = t.clock.now.getTime();
    const stay = await checkIn(t.staff, t.budi.id, t.beds['P1']!, {
      checkinAt: iso(now - 3 * DAY),
    });
    await checkOut(t.staff, stay.id, { checkoutAt: iso(now - DAY), exitType: 'left' });
    const before = snapshot(t.backend);
    for (const at of [now - 4 * DAY, now - DAY + 60_000, now + HOUR]) {
      const err = await t.staff.fail('stays.logEvent', {
        stayId: stay.id,
        kind: 'visit',
        at: iso(at),
      });
      expect(issuesOf(err), iso(at)).toEqual([['at', 'stay.event_outside_stay']]);
    }
    // Without a time, "now" is after the check-out as well.
    const none = await t.staff.fail('stays.logEvent', { stayId: stay.id, kind: 'visit' });
    expect(issuesOf(none)).toEqual([['at', 'stay.event_outside_stay']]);
    expect(snapshot(t.backend)).toEqual(before);
    // Inside it, an event can still be logged afterwards.
    const ok = await t.staff.call('stays.logEvent', {
      stayId: stay.id,
      kind: 'family_tracing',
      at: iso(now - 2 * DAY),
    });
    expect(ok.events).toHaveLength(1);
  });
});

describe('stays.checkOut', () => {
  it('checks out as repatriated to the region of origin and counts the days in the office zone', async () => {
    const t = await shelterOffice();
    // 21 Nov 00:30 WITA (still 20 Nov in UTC) to 27 Nov 09:00 WITA: six days.
    const stay = await checkIn(t.staff, t.budi.id, t.beds['P1']!, {
      checkinAt: '2026-11-20T16:30:00Z',
    });
    expect(stay.days).toBe(6);
    const out = await t.staff.call('stays.checkOut', {
      id: stay.id,
      version: stay.version,
      checkoutAt: '2026-11-27T01:00:00Z',
      exitType: 'repatriated',
      destinationCode: '63.03',
      destinationDetail: 'Diserahkan ke Dinas Sosial Kabupaten Banjar',
      escort: 'Pak Rahmat (TKSK)',
    });
    expect(out).toMatchObject({
      checkoutAt: '2026-11-27T01:00:00.000Z',
      exitType: 'repatriated',
      destination: { code: '63.03', name: 'Kabupaten Banjar' },
      destinationDetail: 'Diserahkan ke Dinas Sosial Kabupaten Banjar',
      escort: 'Pak Rahmat (TKSK)',
      days: 6,
      overdue: false,
      version: 2,
    });
    // The length no longer grows once checked out.
    t.clock.advance(3 * DAY);
    await signInAgain(t.staff, 'petugas');
    expect((await t.staff.call('stays.get', { id: stay.id })).days).toBe(6);
    // Bed and person are free again.
    await checkIn(t.staff, t.budi.id, t.beds['P1']!);
  });

  it('refuses a check-out before the check-in, showing the check-in time', async () => {
    const t = await shelterOffice();
    const stay = await checkIn(t.staff, t.budi.id, t.beds['P1']!);
    const before = snapshot(t.backend);
    const err = await t.staff.fail('stays.checkOut', {
      id: stay.id,
      version: 1,
      checkoutAt: iso(t.clock.now.getTime() - HOUR),
      exitType: 'left',
    });
    expect(err.issues).toEqual([
      {
        path: ['checkoutAt'],
        key: 'stay.checkout_before_checkin',
        params: { checkin: '27 Nov 2026 10.00 WITA' },
      },
    ]);
    expect(snapshot(t.backend)).toEqual(before);
  });

  it('refuses a check-out in the future', async () => {
    const t = await shelterOffice();
    const stay = await checkIn(t.staff, t.budi.id, t.beds['P1']!);
    const err = await t.staff.fail('stays.checkOut', {
      id: stay.id,
      version: 1,
      checkoutAt: iso(t.clock.now.getTime() + DAY),
      exitType: 'left',
    });
    expect(issuesOf(err)).toEqual([['checkoutAt', 'stay.checkout_future']]);
  });

  it.each(['reunited', 'repatriated', 'referred_institution', 'referred_hospital'] as const)(
    'needs a destination region for %s',
    async (exitType) => {
      const t = await shelterOffice();
      const stay = await checkIn(t.staff, t.budi.id, t.beds['P1']!);
      const before = snapshot(t.backend);
      const err = await t.staff.fail('stays.checkOut', {
        id: stay.id,
        version: 1,
        checkoutAt: t.clock.now.toISOString(),
        exitType,
      });
      expect(issuesOf(err)).toEqual([['destinationCode', 'stay.destination_required']]);
      expect(snapshot(t.backend)).toEqual(before);
    },
  );

  it.each(['left', 'absconded', 'died', 'other'] as const)(
    'needs no destination for %s',
    async (exitType) => {
      const t = await shelterOffice();
      const stay = await checkIn(t.staff, t.budi.id, t.beds['P1']!);
      const out = await checkOut(t.staff, stay.id, {
        checkoutAt: t.clock.now.toISOString(),
        exitType,
      });
      expect(out).toMatchObject({ exitType, destination: null });
    },
  );

  it('refuses an unknown destination region', async () => {
    const t = await shelterOffice();
    const stay = await checkIn(t.staff, t.budi.id, t.beds['P1']!);
    const err = await t.staff.fail('stays.checkOut', {
      id: stay.id,
      version: 1,
      checkoutAt: t.clock.now.toISOString(),
      exitType: 'repatriated',
      destinationCode: '63.99',
    });
    expect(err.issues).toEqual([
      { path: ['destinationCode'], key: 'region.unknown', params: { code: '63.99' } },
    ]);
  });

  it('refuses a second check-out with CONFLICT, keeping the first', async () => {
    const t = await shelterOffice();
    const stay = await checkIn(t.staff, t.budi.id, t.beds['P1']!);
    const first = await checkOut(t.staff, stay.id, {
      checkoutAt: t.clock.now.toISOString(),
      exitType: 'left',
    });
    const before = snapshot(t.backend);
    const err = await t.staff.fail('stays.checkOut', {
      id: stay.id,
      version: first.version,
      checkoutAt: t.clock.now.toISOString(),
      exitType: 'absconded',
    });
    expect(err).toMatchObject({
      code: 'CONFLICT',
      key: 'stay.already_checked_out',
      params: { at: '27 Nov 2026 10.00 WITA' },
    });
    expect(snapshot(t.backend)).toEqual(before);
  });

  it('lets only one of two simultaneous check-outs through', async () => {
    const t = await shelterOffice();
    const stay = await checkIn(t.staff, t.budi.id, t.beds['P1']!);
    const input = { id: stay.id, version: 1, checkoutAt: t.clock.now.toISOString() };
    const [a, b] = await Promise.all([
      t.staff.raw('stays.checkOut', { ...input, exitType: 'left' }),
      t.admin.raw('stays.checkOut', { ...input, exitType: 'absconded' }),
    ]);
    expect([a!, b!].map((r) => (r.ok ? 'ok' : r.error.key)).sort()).toEqual([
      'ok',
      'stay.already_checked_out',
    ]);
    expect(auditOf(t.backend, 'stays.checkOut')).toHaveLength(1);
  });
});

describe('backdated stays', () => {
  it('refuse a check-in that overlaps an earlier stay of the person or on the bed', async () => {
    const t = await shelterOffice();
    const now = t.clock.now.getTime();
    const first = await checkIn(t.staff, t.budi.id, t.beds['P1']!, {
      checkinAt: iso(now - 10 * DAY),
    });
    await checkOut(t.staff, first.id, { checkoutAt: iso(now - 6 * DAY), exitType: 'left' });
    const siti = await createPerson(t.admin, { fullName: 'Siti Rahmah' });
    const before = snapshot(t.backend);

    // Budi again, inside his earlier stay (on another bed).
    const samePerson = await t.staff.fail(
      'stays.checkIn',
      checkInInput(t.budi.id, t.beds['P2']!, { checkinAt: iso(now - 8 * DAY) }),
    );
    expect(issuesOf(samePerson)).toEqual([['checkinAt', 'stay.overlaps_person']]);
    // Someone else on P1 while Budi slept there.
    const sameBed = await t.staff.fail(
      'stays.checkIn',
      checkInInput(siti.id, t.beds['P1']!, { checkinAt: iso(now - 7 * DAY) }),
    );
    expect(issuesOf(sameBed)).toEqual([['checkinAt', 'stay.overlaps_bed']]);
    expect(sameBed.issues![0]!.params).toMatchObject({
      from: expect.any(String),
      to: expect.any(String),
    });
    expect(snapshot(t.backend)).toEqual(before);

    // After the earlier stay ended, both are fine.
    await checkIn(t.staff, siti.id, t.beds['P1']!, { checkinAt: iso(now - 5 * DAY) });
    await checkIn(t.staff, t.budi.id, t.beds['P2']!, { checkinAt: iso(now - 5 * DAY) });
  });

  it('refuse a correction that would make two stays overlap', async () => {
    const t = await shelterOffice();
    const now = t.clock.now.getTime();
    const a = await checkIn(t.staff, t.budi.id, t.beds['P1']!, { checkinAt: iso(now - 10 * DAY) });
    const aOut = await checkOut(t.staff, a.id, {
      checkoutAt: iso(now - 8 * DAY),
      exitType: 'left',
    });
    const b = await checkIn(t.staff, t.budi.id, t.beds['P1']!, { checkinAt: iso(now - 5 * DAY) });
    await checkOut(t.staff, b.id, { checkoutAt: iso(now - 2 * DAY), exitType: 'left' });
    const err = await t.admin.fail('stays.correct', {
      id: aOut.id,
      version: aOut.version,
      checkinAt: iso(now - 10 * DAY),
      checkoutAt: iso(now - 4 * DAY),
      exitType: 'left',
      reason: 'Tanggal keluar salah ketik',
    });
    expect(issuesOf(err)).toEqual([
      ['checkinAt', 'stay.overlaps_person'],
      ['checkinAt', 'stay.overlaps_bed'],
    ]);
  });
});

describe('stays.correct', () => {
  async function checkedOut() {
    const t = await shelterOffice();
    const now = t.clock.now.getTime();
    const stay = await checkIn(t.staff, t.budi.id, t.beds['P1']!, {
      checkinAt: iso(now - 5 * DAY),
      ppks: ['PPKS-11'],
    });
    const out = await checkOut(t.staff, stay.id, { checkoutAt: iso(now - DAY), exitType: 'left' });
    return { ...t, now, stay: out };
  }

  it('lets an admin correct a checked-out stay, audited with the reason', async () => {
    const t = await checkedOut();
    const corrected = await t.admin.call('stays.correct', {
      id: t.stay.id,
      version: t.stay.version,
      checkinAt: iso(t.now - 20 * DAY),
      checkoutAt: iso(t.now - 2 * DAY),
      exitType: 'reunited',
      destinationCode: '63.03',
      reason: 'Salah input tanggal; sesuai buku register',
    });
    expect(corrected).toMatchObject({
      checkinAt: iso(t.now - 20 * DAY),
      checkoutAt: iso(t.now - 2 * DAY),
      exitType: 'reunited',
      destination: { code: '63.03' },
      days: 18,
      version: t.stay.version + 1,
    });
    const [audit] = auditOf(t.backend, 'stays.correct');
    expect(audit).toMatchObject({
      record_id: t.stay.id,
      username: 'admin',
      note: 'Salah input tanggal; sesuai buku register',
    });
    expect(audit!.changes).toMatchObject({
      checkin_at: [iso(t.now - 5 * DAY), iso(t.now - 20 * DAY)],
      checkout_at: [iso(t.now - DAY), iso(t.now - 2 * DAY)],
      exit_type: ['left', 'reunited'],
    });
    // History filtered by category follows the corrected check-in date.
    const day = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
    const atNewDate = await t.admin.call('stays.history', {
      ppks: 'PPKS-11',
      from: day(t.now - 20 * DAY),
      to: day(t.now - 20 * DAY),
    });
    expect(atNewDate.rows.map((r) => r.id)).toEqual([t.stay.id]);
    const atOldDate = await t.admin.call('stays.history', {
      ppks: 'PPKS-11',
      from: day(t.now - 5 * DAY),
      to: day(t.now - 5 * DAY),
    });
    expect(atOldDate.rows).toEqual([]);
  });

  it('is for admins only', async () => {
    const t = await checkedOut();
    const before = snapshot(t.backend);
    const err = await t.staff.fail('stays.correct', {
      id: t.stay.id,
      version: t.stay.version,
      checkinAt: iso(t.now - 6 * DAY),
      checkoutAt: iso(t.now - DAY),
      exitType: 'left',
      reason: 'Koreksi',
    });
    expect(err.code).toBe('FORBIDDEN');
    expect(snapshot(t.backend).stays).toEqual(before.stays);
  });

  it('only corrects stays that are checked out', async () => {
    const t = await shelterOffice();
    const stay = await checkIn(t.staff, t.budi.id, t.beds['P1']!);
    const before = snapshot(t.backend);
    const err = await t.admin.fail('stays.correct', {
      id: stay.id,
      version: 1,
      checkinAt: iso(t.clock.now.getTime() - DAY),
      checkoutAt: t.clock.now.toISOString(),
      exitType: 'left',
      reason: 'Koreksi',
    });
    expect(err).toMatchObject({ code: 'CONFLICT', key: 'stay.not_checked_out' });
    expect(snapshot(t.backend)).toEqual(before);
  });

  it('applies the check-out rules and refuses a stale version', async () => {
    const t = await checkedOut();
    const before = snapshot(t.backend);
    const backwards = await t.admin.fail('stays.correct', {
      id: t.stay.id,
      version: t.stay.version,
      checkinAt: iso(t.now - DAY),
      checkoutAt: iso(t.now - 2 * DAY),
      exitType: 'repatriated',
      reason: 'Koreksi',
    });
    expect(issuesOf(backwards)).toEqual([
      ['checkoutAt', 'stay.checkout_before_checkin'],
      ['destinationCode', 'stay.destination_required'],
    ]);
    const future = await t.admin.fail('stays.correct', {
      id: t.stay.id,
      version: t.stay.version,
      checkinAt: iso(t.now + DAY),
      checkoutAt: iso(t.now + 2 * DAY),
      exitType: 'left',
      reason: 'Koreksi',
    });
    expect(issuesOf(future)).toEqual([
      ['checkinAt', 'stay.checkin_future'],
      ['checkoutAt', 'stay.checkout_future'],
    ]);
    const stale = await t.admin.fail('stays.correct', {
      id: t.stay.id,
      version: t.stay.version - 1,
      checkinAt: iso(t.now - 6 * DAY),
      checkoutAt: iso(t.now - DAY),
      exitType: 'left',
      reason: 'Koreksi',
    });
    expect(stale).toMatchObject({ code: 'CONFLICT', key: 'error.conflict_stale' });
    expect(snapshot(t.backend)).toEqual(before);
  });
});

describe('stays.roster', () => {
  it('shows every bed in use with its resident, days stayed and overdue past the office maximum', async () => {
    const t = await shelterOffice(); // 27 Nov 2026 10:00 WITA, maximum stay 7 days
    const siti = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    await t.admin.call('shelters.saveBed', {
      id: t.beds['W2']!,
      version: 1,
      roomId: t.rooms['Ruang Wanita']!,
      label: 'W2',
      active: false,
    });
    const budiStay = await checkIn(t.staff, t.budi.id, t.beds['P1']!, {
      ppks: ['PPKS-11', 'PPKS-12'],
    });
    t.clock.advance(2 * DAY);
    await signInAgain(t.staff, 'petugas');
    await checkIn(t.staff, siti.id, t.beds['W1']!);

    const view = async () => {
      const r = await t.staff.call('stays.roster', { shelterId: t.shelterId });
      return {
        max: r.maxStayDays,
        beds: r.beds.map((b) => [
          b.roomName,
          b.bed.label,
          b.stay ? [b.stay.person.fullName, b.stay.days, b.stay.overdue] : null,
        ]),
      };
    };
    // The inactive, empty bed W2 is not on the board.
    expect(await view()).toEqual({
      max: 7,
      beds: [
        ['Ruang Pria', 'P1', ['Budi Santoso', 2, false]],
        ['Ruang Pria', 'P2', null],
        ['Ruang Wanita', 'W1', ['Siti Aminah', 0, false]],
      ],
    });
    const first = (await t.staff.call('stays.roster', { shelterId: t.shelterId })).beds[0]!;
    expect(first.stay).toMatchObject({
      id: budiStay.id,
      checkinAt: budiStay.checkinAt,
      ppks: ['PPKS-11', 'PPKS-12'],
      person: { id: t.budi.id, origin: { code: '63.03.01' } },
    });

    // Day 7 is still within the maximum; day 8 is overdue.
    t.clock.advance(5 * DAY);
    await signInAgain(t.staff, 'petugas');
    expect((await view()).beds[0]).toEqual(['Ruang Pria', 'P1', ['Budi Santoso', 7, false]]);
    t.clock.advance(DAY);
    await signInAgain(t.staff, 'petugas');
    expect((await view()).beds[0]).toEqual(['Ruang Pria', 'P1', ['Budi Santoso', 8, true]]);
    expect((await t.staff.call('stays.get', { id: budiStay.id })).overdue).toBe(true);

    // The office's maximum is the rule: at 10 days Budi is within it again.
    await signInAgain(t.admin, 'admin');
    const office = await t.admin.call('office.get', {});
    await t.admin.call('office.update', {
      ...OFFICE_INPUT,
      maxStayDays: 10,
      version: office.version,
    });
    const after = await view();
    expect(after.max).toBe(10);
    expect(after.beds[0]).toEqual(['Ruang Pria', 'P1', ['Budi Santoso', 8, false]]);
  });

  it('counts days by calendar day in the office zone', async () => {
    // 27 Nov 2026 23:30 WITA.
    const t = await shelterOffice(new Date('2026-11-27T15:30:00Z'));
    await checkIn(t.staff, t.budi.id, t.beds['P1']!);
    t.clock.advance(HOUR); // 28 Nov 00:30 WITA
    await signInAgain(t.staff, 'petugas');
    const roster = await t.staff.call('stays.roster', { shelterId: t.shelterId });
    expect(roster.beds[0]!.stay!.days).toBe(1);
  });

  it('keeps an occupied bed on the board after it was set inactive', async () => {
    const t = await shelterOffice();
    await checkIn(t.staff, t.budi.id, t.beds['P2']!);
    await t.admin.call('shelters.saveBed', {
      id: t.beds['P2']!,
      version: 1,
      roomId: t.rooms['Ruang Pria']!,
      label: 'P2',
      active: false,
    });
    const { beds } = await t.staff.call('stays.roster', { shelterId: t.shelterId });
    const p2 = beds.find((b) => b.bed.label === 'P2')!;
    expect(p2.bed.active).toBe(false);
    expect(p2.stay!.person.id).toBe(t.budi.id);
  });
});

describe('stays.history', () => {
  /**
   * 27 stays in two shelters (today is 5 Dec 2026): four people from known origins and one
   * without, categories, exits, and five check-ins at the very same moment to test paging.
   */
  async function history() {
    const t = await shelterOffice(new Date('2026-12-05T02:00:00Z'));
    const second = await makeShelter(t.admin, 'Rumah Singgah Kedua', { 'Ruang 1': ['K1'] });
    const people = {
      budi: t.budi, // Kab. Banjar (a kecamatan of it)
      siti: await createPerson(t.admin, { fullName: 'Siti Aminah', originCode: '63.72' }),
      joko: await createPerson(t.admin, { fullName: 'Joko Susilo', originCode: '63.71' }),
      rina: await createPerson(t.admin, { fullName: 'Rina Marlina', originCode: '63.03' }),
      anon: await createPerson(t.admin, { fullName: 'Tanpa Nama' }),
    };
    const list = Object.values(people);
    const ids: string[] = [];
    const exits = ['left', 'reunited', 'repatriated', 'absconded'] as const;
    // One stay a day, 1–20 Nov, 10:00 WITA, each person in turn on bed P1.
    for (let i = 0; i < 20; i++) {
      const p = list[i % list.length]!;
      const at = Date.parse('2026-11-01T02:00:00Z') + i * DAY;
      const stay = await checkIn(t.admin, p.id, t.beds['P1']!, {
        checkinAt: iso(at),
        ppks: i % 3 === 0 ? ['PPKS-11', 'PPKS-12'] : ['PPKS-11'],
      });
      const exitType = exits[i % exits.length]!;
      await checkOut(t.admin, stay.id, {
        checkoutAt: iso(at + 12 * HOUR),
        exitType,
        destinationCode: exitType === 'reunited' || exitType === 'repatriated' ? '63.03' : null,
      });
      ids.push(stay.id);
    }
    // Five check-ins at the same moment on 25 Nov, still in.
    const same = '2026-11-25T02:00:00.000Z';
    for (const [p, bed] of [
      [people.budi, 'P1'],
      [people.siti, 'W1'],
      [people.joko, 'P2'],
      [people.rina, 'W2'],
    ] as const) {
      ids.push((await checkIn(t.admin, p.id, t.beds[bed]!, { checkinAt: same })).id);
    }
    ids.push(
      (
        await checkIn(t.admin, people.anon.id, second.beds['K1']!, {
          checkinAt: same,
          ppks: ['PPKS-04'],
        })
      ).id,
    );
    return { ...t, people, second, ids };
  }

  /** Every row of a filter, page by page. */
  async function allPages(c: Client, filter: Partial<Input<'stays.history'>>, limit: number) {
    const pages: string[][] = [];
    let after: string | undefined;
    for (;;) {
      const r = await c.call('stays.history', { ...filter, limit, ...(after ? { after } : {}) });
      pages.push(r.rows.map((x) => x.id));
      if (!r.next) break;
      after = r.next;
      expect(pages.length).toBeLessThan(50);
    }
    return pages;
  }

  it('returns every stay exactly once across pages, newest first', async () => {
    const t = await history();
    const pages = await allPages(t.staff, {}, 4);
    expect(pages.map((p) => p.length)).toEqual([4, 4, 4, 4, 4, 4, 1]);
    const flat = pages.flat();
    expect(new Set(flat).size).toBe(flat.length);
    expect(new Set(flat)).toEqual(new Set(t.ids));
    const { rows } = await t.staff.call('stays.history', { limit: 100 });
    expect(rows.map((r) => r.id)).toEqual(flat);
    const times = rows.map((r) => r.checkinAt);
    expect([...times].sort().reverse()).toEqual(times);
    // With a category filter too.
    const ppks = (await allPages(t.staff, { ppks: 'PPKS-11' }, 3)).flat();
    expect(new Set(ppks).size).toBe(ppks.length);
    expect(ppks).toHaveLength(24);
  });

  it('goes back page by page with `before`, and reads oldest first on request', async () => {
    const t = await history();
    const forward = await allPages(t.staff, {}, 4);
    // From the third page back to the first, through the previous-page cursors.
    let page = await t.staff.call('stays.history', { limit: 4 });
    for (let i = 0; i < 2; i++) {
      page = await t.staff.call('stays.history', { limit: 4, after: page.next! });
    }
    expect(page.rows.map((r) => r.id)).toEqual(forward[2]);
    const back1 = await t.staff.call('stays.history', { limit: 4, before: page.prev! });
    expect(back1.rows.map((r) => r.id)).toEqual(forward[1]);
    const back2 = await t.staff.call('stays.history', { limit: 4, before: back1.prev! });
    expect(back2.rows.map((r) => r.id)).toEqual(forward[0]);
    expect(back2.prev).toBeNull();
    // With a category filter, backwards through the category's index.
    const ppks = await allPages(t.staff, { ppks: 'PPKS-11' }, 3);
    const p2 = await t.staff.call('stays.history', {
      ppks: 'PPKS-11',
      limit: 3,
      after: (await t.staff.call('stays.history', { ppks: 'PPKS-11', limit: 3 })).next!,
    });
    const p1 = await t.staff.call('stays.history', { ppks: 'PPKS-11', limit: 3, before: p2.prev! });
    expect(p1.rows.map((r) => r.id)).toEqual(ppks[0]);

    const oldest = (await allPages(t.staff, { sort: 'oldest' }, 4)).flat();
    expect(oldest).toEqual([...forward.flat()].reverse());
  });

  it('shows what a row needs', async () => {
    const t = await history();
    const { rows } = await t.staff.call('stays.history', { limit: 100 });
    const first = rows.find((r) => r.id === t.ids[0])!;
    expect(first).toEqual({
      id: t.ids[0],
      personId: t.budi.id,
      personName: 'Budi Santoso',
      nik: null,
      origin: {
        code: '63.03.01',
        name: 'Aluh Aluh',
        path: 'Aluh Aluh, Kabupaten Banjar, Kalimantan Selatan',
      },
      shelterName: 'Rumah Singgah Banjarbaru',
      bedLabel: 'P1',
      checkinAt: '2026-11-01T02:00:00.000Z',
      checkoutAt: '2026-11-01T14:00:00.000Z',
      exitType: 'left',
      destination: null,
      days: 0,
      ppks: ['PPKS-11', 'PPKS-12'],
    });
  });

  it('filters by date range in the office zone', async () => {
    const t = await history();
    // 10 Nov 10:00 WITA is stay 9; 25 Nov holds the five simultaneous check-ins.
    const r = await t.staff.call('stays.history', { from: '2026-11-10', to: '2026-11-12' });
    expect(r.rows.map((x) => x.id)).toEqual([t.ids[11], t.ids[10], t.ids[9]]);
    expect((await t.staff.call('stays.history', { from: '2026-11-25' })).rows).toHaveLength(5);
    expect((await t.staff.call('stays.history', { to: '2026-11-02' })).rows).toHaveLength(2);

    // A check-in at 00:30 WITA belongs to that WITA day, not to the UTC day before.
    const s = await setUpOffice(new Date('2026-12-05T02:00:00Z'));
    const fx = await makeShelter(s.admin);
    const p = await createPerson(s.admin, { fullName: 'Larut Malam' });
    const stay = await checkIn(s.admin, p.id, fx.beds['P1']!, {
      checkinAt: '2026-11-29T16:30:00Z',
    });
    const on30 = await s.admin.call('stays.history', { from: '2026-11-30', to: '2026-11-30' });
    expect(on30.rows.map((x) => x.id)).toEqual([stay.id]);
    const on29 = await s.admin.call('stays.history', { from: '2026-11-29', to: '2026-11-29' });
    expect(on29.rows).toEqual([]);
  });

  it('filters by origin regency, exit type (or still in), category and shelter', async () => {
    const t = await history();
    const ids = async (f: Partial<Input<'stays.history'>>) =>
      new Set((await t.staff.call('stays.history', { limit: 100, ...f })).rows.map((r) => r.id));
    const pick = (...i: number[]) => new Set(i.map((n) => t.ids[n]!));

    // Budi (kecamatan of Kab. Banjar) and Rina (Kab. Banjar): stays 0,3,5,8,10,13,15,18 + 20,23.
    expect(await ids({ originRegency: '63.03' })).toEqual(pick(0, 3, 5, 8, 10, 13, 15, 18, 20, 23));
    expect(await ids({ originRegency: '63.72' })).toEqual(pick(1, 6, 11, 16, 21));
    expect(await ids({ exitType: 'reunited' })).toEqual(pick(1, 5, 9, 13, 17));
    expect(await ids({ exitType: 'active' })).toEqual(pick(20, 21, 22, 23, 24));
    expect(await ids({ ppks: 'PPKS-12' })).toEqual(pick(0, 3, 6, 9, 12, 15, 18));
    expect(await ids({ ppks: 'PPKS-04' })).toEqual(pick(24));
    expect(await ids({ shelterId: t.second.shelterId })).toEqual(pick(24));
    // Filters combine.
    expect(await ids({ originRegency: '63.03', exitType: 'left', ppks: 'PPKS-12' })).toEqual(
      pick(0),
    );
    expect(await ids({ originRegency: '63.03', from: '2026-11-25', exitType: 'active' })).toEqual(
      pick(20, 23),
    );
  });

  it('files a person’s stays under their new origin once it is corrected', async () => {
    const t = await history();
    const anon = t.people.anon;
    expect(
      (await t.staff.call('stays.history', { originRegency: '63.01', limit: 100 })).rows,
    ).toEqual([]);
    await t.staff.call('persons.update', {
      fullName: 'Tanpa Nama',
      identityStatus: 'stated',
      originCode: '63.01',
      id: anon.id,
      version: anon.version,
    });
    const r = await t.staff.call('stays.history', { originRegency: '63.01', limit: 100 });
    expect(r.rows.map((x) => x.id).sort()).toEqual(
      [t.ids[4], t.ids[9], t.ids[14], t.ids[19], t.ids[24]].sort(),
    );
  });

  it('refuses a cursor it did not make', async () => {
    const t = await setUpOffice();
    const err = await t.admin.fail('stays.history', { after: 'bm90LWEtY3Vyc29y' });
    expect(issuesOf(err)).toEqual([['after', 'validation.invalid_format']]);
  });
});

describe('stays.stats', () => {
  /**
   * November 2026 (today is 5 Dec): five people served, one of them from Kota Banjarbaru.
   *   Rina  63.72 document     28 Oct → 3 Nov  reunited      (6 days)
   *   Ahmad 63.03.01 stated     5 Nov → 9 Nov  repatriated   (4 days), again from 20 Nov, still in
   *   Siti  63.03 disdukcapil  10 Nov → 12 Nov left          (2 days)
   *   Joko  63.71 unknown      15 Nov → 23 Nov repatriated   (8 days)
   *   Anon  —     unknown      25 Nov → 2 Dec  (still in at the end of November)
   *   Okto  35.78 document      1 Oct → 5 Oct  (outside the period)
   */
  async function november() {
    const t = await setUpOffice(new Date('2026-12-05T02:00:00Z'));
    const s = await makeShelter(t.admin);
    const person = (
      fullName: string,
      originCode: string | null,
      identityStatus: 'document' | 'disdukcapil' | 'stated' | 'unknown',
    ) => createPerson(t.admin, { fullName, originCode, identityStatus });
    const rina = await person('Rina Marlina', '63.72', 'document');
    const ahmad = await person('Ahmad Fauzi', '63.03.01', 'stated');
    const siti = await person('Siti Aminah', '63.03', 'disdukcapil');
    const joko = await person('Joko Susilo', '63.71', 'unknown');
    const anon = await person('Tanpa Nama', null, 'unknown');
    const okto = await person('Oktavianus', '35.78', 'document');
    const stay = async (
      personId: string,
      bed: string,
      from: string,
      to: string | null,
      exitType: CheckOut['exitType'] = 'left',
      destinationCode: string | null = null,
    ) => {
      const st = await checkIn(t.admin, personId, s.beds[bed]!, { checkinAt: `${from}T02:00:00Z` });
      if (to)
        await checkOut(t.admin, st.id, {
          checkoutAt: `${to}T02:00:00Z`,
          exitType,
          destinationCode,
        });
    };
    await stay(okto.id, 'P2', '2026-10-01', '2026-10-05');
    await stay(rina.id, 'W1', '2026-10-28', '2026-11-03', 'reunited', '63.72');
    await stay(ahmad.id, 'P1', '2026-11-05', '2026-11-09', 'repatriated', '63.03');
    await stay(siti.id, 'W2', '2026-11-10', '2026-11-12', 'left');
    await stay(joko.id, 'P2', '2026-11-15', '2026-11-23', 'repatriated', '63.71');
    await stay(ahmad.id, 'P1', '2026-11-20', null);
    await stay(anon.id, 'W1', '2026-11-25', '2026-12-02', 'left');
    return { ...t, ...s };
  }

  it('gives the figures the office reports for a period', async () => {
    const t = await november();
    const viewer = await staffUser(t, 'pimpinan', ['viewer']);
    const stats = await viewer.call('stays.stats', { from: '2026-11-01', to: '2026-11-30' });
    expect(stats).toMatchObject({
      peopleServed: 5,
      stays: 6,
      fromOwnCity: 1,
      fromElsewhere: 3,
      originUnknown: 1,
      averageStayDays: 5,
      withoutVerifiedIdentity: 3,
      stillInShelter: 2,
    });
    // "20 percent from our city" comes straight from these figures.
    expect(stats.fromOwnCity / stats.peopleServed).toBe(0.2);
    const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
    expect([...stats.byOrigin].sort(byCode)).toEqual([
      { code: '63.03', name: 'Kabupaten Banjar', people: 2 },
      { code: '63.71', name: 'Kota Banjarmasin', people: 1 },
      { code: '63.72', name: 'Kota Banjarbaru', people: 1 },
    ]);
    expect(stats.byOrigin[0]).toMatchObject({ code: '63.03', people: 2 });
    const byExit = (a: { exitType: string }, b: { exitType: string }) =>
      a.exitType.localeCompare(b.exitType);
    expect([...stats.exits].sort(byExit)).toEqual([
      { exitType: 'left', stays: 1 },
      { exitType: 'repatriated', stays: 2 },
      { exitType: 'reunited', stays: 1 },
    ]);
  });

  it('changes as stays happen', async () => {
    const t = await november();
    const period = { from: '2026-11-01', to: '2026-12-31' };
    const before = await t.admin.call('stays.stats', period);
    const p = await createPerson(t.admin, { fullName: 'Orang Baru', originCode: '63.72' });
    const stay = await checkIn(t.admin, p.id, t.beds['P2']!);
    await checkOut(t.admin, stay.id, {
      checkoutAt: t.clock.now.toISOString(),
      exitType: 'repatriated',
      destinationCode: '63.03',
    });
    const after = await t.admin.call('stays.stats', period);
    expect(after.peopleServed).toBe(before.peopleServed + 1);
    expect(after.stays).toBe(before.stays + 1);
    expect(after.fromOwnCity).toBe(before.fromOwnCity + 1);
    expect(after.exits.find((e) => e.exitType === 'repatriated')!.stays).toBe(
      before.exits.find((e) => e.exitType === 'repatriated')!.stays + 1,
    );
  });

  it('counts only the chosen shelter when asked', async () => {
    const t = await november();
    const other = await makeShelter(t.admin, 'Rumah Singgah Kedua', { 'Ruang 1': ['K1'] });
    const p = await createPerson(t.admin, { fullName: 'Di Tempat Lain', originCode: '63.01' });
    await checkIn(t.admin, p.id, other.beds['K1']!, { checkinAt: '2026-11-15T02:00:00Z' });
    const period = { from: '2026-11-01', to: '2026-11-30' };
    expect(await t.admin.call('stays.stats', period)).toMatchObject({ peopleServed: 6, stays: 7 });
    expect(await t.admin.call('stays.stats', { ...period, shelterId: t.shelterId })).toMatchObject({
      peopleServed: 5,
      stays: 6,
      fromOwnCity: 1,
      stillInShelter: 2,
    });
    expect(
      await t.admin.call('stays.stats', { ...period, shelterId: other.shelterId }),
    ).toMatchObject({
      peopleServed: 1,
      stays: 1,
      fromOwnCity: 0,
      fromElsewhere: 1,
      exits: [],
      averageStayDays: null,
    });
  });

  it('averages lengths of stay in calendar days of the office zone, as each stay shows them', async () => {
    const t = await setUpOffice(new Date('2026-12-05T02:00:00Z'));
    const s = await makeShelter(t.admin);
    const p = await createPerson(t.admin, { fullName: 'Datang Malam' });
    // In at 23:00 WITA, out at 01:00 WITA: two hours, but one calendar day.
    const st = await checkIn(t.admin, p.id, s.beds['P1']!, { checkinAt: '2026-11-10T15:00:00Z' });
    const out = await checkOut(t.admin, st.id, {
      checkoutAt: '2026-11-10T17:00:00Z',
      exitType: 'left',
    });
    expect(out.days).toBe(1);
    const stats = await t.admin.call('stays.stats', { from: '2026-11-01', to: '2026-11-30' });
    expect(stats.averageStayDays).toBe(1);
  });

  it('takes period bounds as whole days in the office zone', async () => {
    const t = await setUpOffice(new Date('2026-12-05T02:00:00Z'));
    const s = await makeShelter(t.admin);
    const a = await createPerson(t.admin, { fullName: 'Keluar Tengah Malam' });
    const b = await createPerson(t.admin, { fullName: 'Masuk Tengah Malam' });
    // Out at 1 Nov 00:30 WITA (31 Oct in UTC): overlaps November.
    const sa = await checkIn(t.admin, a.id, s.beds['P1']!, { checkinAt: '2026-10-25T02:00:00Z' });
    await checkOut(t.admin, sa.id, { checkoutAt: '2026-10-31T16:30:00Z', exitType: 'left' });
    // In at 1 Dec 00:30 WITA (30 Nov in UTC): not in November.
    await checkIn(t.admin, b.id, s.beds['P2']!, { checkinAt: '2026-11-30T16:30:00Z' });
    const nov = await t.admin.call('stays.stats', { from: '2026-11-01', to: '2026-11-30' });
    expect(nov).toMatchObject({
      peopleServed: 1,
      stays: 1,
      exits: [{ exitType: 'left', stays: 1 }],
    });
    const oct = await t.admin.call('stays.stats', { from: '2026-10-01', to: '2026-10-31' });
    expect(oct).toMatchObject({ peopleServed: 1, exits: [] });
  });

  it('refuses a period that ends before it starts', async () => {
    const t = await setUpOffice();
    const err = await t.admin.fail('stays.stats', { from: '2026-11-30', to: '2026-11-01' });
    expect(issuesOf(err)).toEqual([['to', 'stats.range']]);
  });
});
