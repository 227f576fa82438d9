/**
 * Findings from the kelurahan: a kelurahan operator reports for its own kelurahan only and sees
 * only that kelurahan's findings; the city triages against working-day clocks, links the person
 * through the matcher and records what was done; every refusal leaves the data as it was.
 */
import { describe, expect, it } from 'vitest';
import {
  countOf,
  KOMET,
  kelurahanOffice,
  OTHER_KELURAHAN,
  reportedFinding,
} from './kelurahanFixtures';
import { idOf, sessionFor } from './harness';
import { checkInInput, createPerson, DAY, makeShelter, snapshot, staffUser } from './registry';

describe('reporting a finding', () => {
  it('files an operator’s finding under its own kelurahan, with a number and same-day clocks when urgent', async () => {
    const t = await kelurahanOffice();
    const f = await t.operator.call('findings.create', reportedFinding());
    expect(f).toMatchObject({
      number: 'TMN/0001/2026',
      status: 'received',
      source: 'direct',
      kelurahan: { code: KOMET, name: 'Komet', kecamatan: 'Banjarbaru Utara' },
      subjectName: 'Hadijah Mardiana',
      personId: null,
      // Friday 27 November 2026: an emergency is due the same day, both clocks.
      triage: { due: '2026-11-27', dueToday: true, metAt: null },
      act: { due: '2026-11-27' },
      next: { stage: 'triage', due: '2026-11-27' },
      // An operator never sees the registry's people.
      candidates: [],
    });
    expect(f.events.map((e) => [e.kind, e.toState])).toEqual([['created', 'received']]);
    const normal = await t.operator.call('findings.create', reportedFinding({ urgency: 'normal' }));
    // Two working days to triage, five to act: over the weekend.
    expect([normal.triage.due, normal.act.due]).toEqual(['2026-12-01', '2026-12-04']);
  });

  it('refuses another kelurahan, a place outside the city, a district, a registry person from an operator', async () => {
    const t = await kelurahanOffice();
    const person = await createPerson(t.officer, { fullName: 'Siti Aminah' });
    const before = snapshot(t.backend);
    const findings = await countOf(t, 'findings');

    const other = await t.operator.fail(
      'findings.create',
      reportedFinding({ kelurahanCode: OTHER_KELURAHAN }),
    );
    expect(other).toMatchObject({ code: 'FORBIDDEN', key: 'kelurahan.other_kelurahan' });
    expect(other.message.en).toMatch(/another kelurahan/);
    const outside = await t.officer.fail(
      'findings.create',
      reportedFinding({ kelurahanCode: '63.71.01.1001' }),
    );
    expect(outside.issues).toEqual([
      expect.objectContaining({ path: ['kelurahanCode'], key: 'finding.kelurahan_outside_city' }),
    ]);
    const district = await t.officer.fail(
      'findings.create',
      reportedFinding({ kelurahanCode: '63.72.04' }),
    );
    expect(district.issues?.[0]?.key).toBe('finding.kelurahan_not_village');
    const none = await t.officer.fail('findings.create', reportedFinding());
    expect(none.issues?.[0]?.key).toBe('finding.kelurahan_required');
    const picked = await t.operator.fail(
      'findings.create',
      reportedFinding({ personId: person.id }),
    );
    expect(picked.issues?.[0]?.key).toBe('finding.person_not_allowed');
    const nobody = await t.operator.fail(
      'findings.create',
      reportedFinding({ subject: { name: null, description: null } }),
    );
    expect(nobody.issues?.[0]?.key).toBe('finding.subject_required');
    const badNik = await t.operator.fail(
      'findings.create',
      reportedFinding({ subject: { name: 'Siti', nik: '63720141' } }),
    );
    expect(badNik.issues?.[0]).toMatchObject({
      path: ['subject', 'nik'],
      key: 'finding.nik_format',
    });
    const future = await t.operator.fail(
      'findings.create',
      reportedFinding({ foundAt: new Date(t.clock.now.getTime() + DAY).toISOString() }),
    );
    expect(future.issues?.[0]?.key).toBe('finding.found_in_future');

    expect(await countOf(t, 'findings')).toBe(findings);
    expect(await countOf(t, 'number_registers')).toBe(0);
    // Refusals are audited as refused; the registry and shelter are as they were.
    const { audit_log: _a, ...rest } = snapshot(t.backend);
    const { audit_log: _b, ...was } = before;
    expect(rest).toEqual(was);
  });
});

describe('kelurahan scoping', () => {
  it('shows an operator only its own kelurahan, and refuses the rest by name', async () => {
    const t = await kelurahanOffice();
    const mine = await t.operator.call('findings.create', reportedFinding());
    const theirs = await t.otherOperator.call(
      'findings.create',
      reportedFinding({ place: 'Jl. A. Yani km 33' }),
    );

    const list = await t.operator.call('findings.list', {});
    expect(list.findings.map((f) => f.id)).toEqual([mine.id]);
    const asked = await t.operator.fail('findings.list', { kelurahanCode: OTHER_KELURAHAN });
    expect(asked.key).toBe('kelurahan.other_kelurahan');
    expect((await t.operator.fail('findings.get', { id: theirs.id })).key).toBe(
      'kelurahan.other_kelurahan',
    );
    // The city sees both.
    expect((await t.viewer.call('findings.list', {})).total).toBe(2);

    // Counts: only its own kelurahan's rekap, drill-down and additions.
    const rekap = await t.operator.call('rekap.get', { from: '2026-11', to: '2026-11' });
    expect(rekap.kelurahans.map((k) => k.code)).toEqual([KOMET]);
    expect(rekap.city).toBeNull();
    const drill = await t.operator.fail('rekap.drill', {
      from: '2026-11',
      to: '2026-11',
      kelurahanCode: OTHER_KELURAHAN,
      ppks: 'PPKS-08',
    });
    expect(drill.key).toBe('kelurahan.other_kelurahan');
    expect(
      (
        await t.operator.fail('rekap.additions', {
          month: '2026-11',
          kelurahanCode: OTHER_KELURAHAN,
        })
      ).key,
    ).toBe('kelurahan.other_kelurahan');
    expect(
      (
        await t.operator.fail('rekap.saveAddition', {
          kelurahanCode: OTHER_KELURAHAN,
          month: '2026-11',
          ppks: 'PPKS-24',
          count: 3,
        })
      ).key,
    ).toBe('kelurahan.other_kelurahan');
    // The registry and the shelter are the office's: no way in.
    for (const [m, input] of [
      ['persons.search', { q: 'Siti' }],
      ['persons.get', { id: mine.id }],
      ['stays.roster', {}],
      ['complaints.list', {}],
      ['findings.linkPerson', { id: mine.id, version: 1, personId: mine.id }],
      ['findings.transition', { id: mine.id, version: 1, step: 'close', closeReason: 'x' }],
      ['dtsen.lists', {}],
    ] as const)
      expect((await t.operator.fail(m, input)).code, m).toBe('FORBIDDEN');
  });

  it('needs a kelurahan of the city for an operator, held as its only role', async () => {
    const t = await kelurahanOffice();
    const base = { username: 'op.baru', fullName: 'Operator Baru', password: 'Kunci-Pertama-2026' };
    const missing = await t.admin.fail('users.create', { ...base, roles: ['kelurahan_operator'] });
    expect(missing.issues?.[0]?.key).toBe('user.kelurahan_required');
    const both = await t.admin.fail('users.create', {
      ...base,
      roles: ['kelurahan_operator', 'caseworker'],
      kelurahanCode: KOMET,
    });
    expect(both.issues?.[0]?.key).toBe('user.kelurahan_role_alone');
    const staff = await t.admin.fail('users.create', {
      ...base,
      roles: ['caseworker'],
      kelurahanCode: KOMET,
    });
    expect(staff.issues?.[0]?.key).toBe('user.kelurahan_not_operator');
    const outside = await t.admin.fail('users.create', {
      ...base,
      roles: ['kelurahan_operator'],
      kelurahanCode: '63.71.01.1001',
    });
    expect(outside.issues?.[0]?.key).toBe('finding.kelurahan_outside_city');
    const made = await t.admin.call('users.create', {
      ...base,
      roles: ['kelurahan_operator'],
      kelurahanCode: KOMET,
    });
    expect(made.kelurahan).toEqual({ code: KOMET, name: 'Komet' });
  });
});

describe('triage at the city', () => {
  async function withShelter() {
    const t = await kelurahanOffice();
    const shelterStaff = await staffUser(t, 'petugas.rs', ['shelter_staff']);
    const shelter = await makeShelter(t.admin);
    return { ...t, shelterStaff, shelter };
  }

  it('links the found person through the matcher, triages, and records the shelter check-in the operator then sees', async () => {
    const t = await withShelter();
    const siti = await createPerson(t.officer, {
      fullName: 'Hadijah Mardiana',
      sex: 'F',
      birthDate: '1953-05-12',
      villageCode: KOMET,
    });
    const other = await createPerson(t.officer, { fullName: 'Rusdi', sex: 'M' });
    const reported = await t.operator.call('findings.create', reportedFinding());

    const seen = await t.officer.call('findings.get', { id: reported.id });
    expect(seen.candidates.map((c) => c.id)).toContain(siti.id);
    expect(seen.candidates[0]).toMatchObject({ id: siti.id, villageName: 'Komet' });

    // Triage needs its note; a stay cannot be recorded before triage.
    const noNote = await t.officer.fail('findings.transition', {
      id: reported.id,
      version: 1,
      step: 'triage',
    });
    expect(noNote.issues?.[0]).toMatchObject({
      path: ['triageNote'],
      key: 'finding.triage_note_required',
    });
    const early = await t.officer.fail('findings.transition', {
      id: reported.id,
      version: 1,
      step: 'check_in',
      stayId: reported.id,
    });
    expect(early).toMatchObject({ code: 'CONFLICT', key: 'finding.transition_not_allowed' });

    const linked = await t.officer.call('findings.linkPerson', {
      id: reported.id,
      version: 1,
      personId: siti.id,
    });
    expect(linked).toMatchObject({
      personId: siti.id,
      subjectName: 'Hadijah Mardiana',
      candidates: [],
    });
    const triaged = await t.officer.call('findings.transition', {
      id: reported.id,
      version: linked.version,
      step: 'triage',
      triageNote: 'Dijemput petugas, dibawa ke rumah singgah.',
    });
    expect(triaged).toMatchObject({
      status: 'triaged',
      triage: { metAt: t.clock.now.toISOString() },
    });

    const otherStay = await t.shelterStaff.call(
      'stays.checkIn',
      checkInInput(other.id, t.shelter.beds.P1!),
    );
    const stay = await t.shelterStaff.call(
      'stays.checkIn',
      checkInInput(siti.id, t.shelter.beds.W1!, { ppks: ['PPKS-08'] }),
    );
    const withStays = await t.officer.call('findings.get', { id: reported.id });
    expect(withStays.openStays.map((s) => s.id)).toEqual([stay.id]);
    const wrong = await t.officer.fail('findings.transition', {
      id: reported.id,
      version: triaged.version,
      step: 'check_in',
      stayId: otherStay.id,
    });
    expect(wrong.issues?.[0]).toMatchObject({ path: ['stayId'], key: 'finding.stay_not_person' });
    // The viewer (pimpinan) may read but not triage.
    expect(
      (
        await t.viewer.fail('findings.transition', {
          id: reported.id,
          version: triaged.version,
          step: 'refer',
          referredTo: 'x',
        })
      ).code,
    ).toBe('FORBIDDEN');

    const done = await t.officer.call('findings.transition', {
      id: reported.id,
      version: triaged.version,
      step: 'check_in',
      stayId: stay.id,
    });
    expect(done).toMatchObject({
      status: 'acted_on',
      outcome: 'shelter_checkin',
      stay: { id: stay.id, shelterName: 'Rumah Singgah Banjarbaru' },
      next: null,
    });
    const again = await t.officer.fail('findings.transition', {
      id: reported.id,
      version: done.version,
      step: 'close',
      closeReason: 'x',
    });
    expect(again).toMatchObject({ code: 'CONFLICT', key: 'finding.closed_in_state' });

    // The operator sees the outcome, never the registry's candidates.
    const back = await t.operator.call('findings.get', { id: reported.id });
    expect(back).toMatchObject({
      status: 'acted_on',
      outcome: 'shelter_checkin',
      stay: { shelterName: 'Rumah Singgah Banjarbaru' },
    });
    expect(back.events.map((e) => e.toState ?? e.action)).toEqual([
      'received',
      'link_person',
      'triaged',
      'acted_on',
    ]);
    // The person page lists the finding.
    const page = await t.officer.call('persons.get', { id: siti.id });
    expect(page.links.findings?.findings.map((f) => f.id)).toEqual([reported.id]);
  });

  it('closes without action only with a reason, and keeps a stale version out', async () => {
    const t = await kelurahanOffice();
    const f = await t.operator.call('findings.create', reportedFinding({ urgency: 'normal' }));
    const noReason = await t.officer.fail('findings.transition', {
      id: f.id,
      version: 1,
      step: 'close',
    });
    expect(noReason.issues?.[0]?.key).toBe('finding.close_reason_required');
    const closed = await t.officer.call('findings.transition', {
      id: f.id,
      version: 1,
      step: 'close',
      closeReason: 'Sudah dijemput keluarga sebelum petugas datang.',
    });
    expect(closed).toMatchObject({
      status: 'closed',
      outcome: 'no_action',
      triage: { metAt: expect.any(String) },
    });
    const stale = await t.officer.fail('findings.transition', {
      id: f.id,
      version: 1,
      step: 'triage',
      triageNote: 'x',
    });
    expect(stale.code).toBe('CONFLICT');
    expect((await t.operator.call('findings.get', { id: f.id })).closeReason).toMatch(/keluarga/);
  });

  it('sorts the queue by the clock that runs out first and marks the overdue', async () => {
    const t = await kelurahanOffice();
    const normal = await t.operator.call('findings.create', reportedFinding({ urgency: 'normal' }));
    const urgent = await t.operator.call(
      'findings.create',
      reportedFinding({ urgency: 'emergency' }),
    );
    t.clock.advance(4 * DAY); // Tuesday 1 December
    const officer = await sessionFor(t.backend, await idOf(t.backend, 'petugas'), t.clock.now);
    const queue = await officer.call('findings.list', { status: 'open' });
    expect(queue.findings.map((f) => f.id)).toEqual([urgent.id, normal.id]);
    expect(queue.findings.map((f) => [f.next?.overdue, f.next?.dueToday])).toEqual([
      [true, false],
      [false, true],
    ]);
  });
});
