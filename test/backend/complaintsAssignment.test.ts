/**
 * Who works on a complaint: complaint officers take every step; a complaint about a person in
 * need can be given to a caseworker (pekerja sosial), who reads it and logs the follow-up visits
 * on it, and nothing else. Confidential reporters stay hidden from caseworkers.
 */
import { describe, expect, it } from 'vitest';
import type { Client } from './harness';
import { auditRows, idOf, setUpOffice, userWithRoles } from './harness';
import { phoneComplaint } from './complaintsFixtures';

async function office() {
  const t = await setUpOffice();
  const officer = await userWithRoles(t, 'petugas.aduan', ['complaint_officer']);
  const caseworker = await userWithRoles(t, 'peksos.rina', ['caseworker']);
  const [officerId, caseworkerId] = [
    await idOf(t.backend, 'petugas.aduan'),
    await idOf(t.backend, 'peksos.rina'),
  ];
  return { ...t, officer, caseworker, officerId, caseworkerId };
}

/** The complaint as the officer sees it, to compare before and after a refused call. */
async function seen(c: Client, id: string) {
  return c.call('complaints.get', { id });
}

describe('assignment to caseworkers', () => {
  it('offers complaint officers, caseworkers and admins, each with their role; never other roles', async () => {
    const t = await office();
    await userWithRoles(t, 'staf.singgah', ['shelter_staff']);
    await userWithRoles(t, 'dua.peran', ['caseworker', 'complaint_officer']);
    const { officers } = await t.caseworker.call('complaints.officers', {});
    expect(officers.map((o) => [o.fullName, o.role])).toEqual([
      ['Admin Pelita', 'admin'],
      ['Pengguna dua.peran', 'complaint_officer'],
      ['Pengguna peksos.rina', 'caseworker'],
      ['Pengguna petugas.aduan', 'complaint_officer'],
    ]);
    const shelterId = await idOf(t.backend, 'staf.singgah');
    const c = await t.officer.call('complaints.create', phoneComplaint());
    const wrong = await t.officer.fail('complaints.assign', {
      id: c.id,
      version: c.version,
      assigneeId: shelterId,
    });
    expect(wrong.issues).toEqual([{ path: ['assigneeId'], key: 'complaint.assignee_invalid' }]);
    expect(await seen(t.officer, c.id)).toEqual(c);
  });

  it('gives a complaint to a caseworker, at intake or later, and says so in the list and timeline', async () => {
    const t = await office();
    const atIntake = await t.officer.call(
      'complaints.create',
      phoneComplaint({ assigneeId: t.caseworkerId }),
    );
    expect(atIntake.assignee).toEqual({
      id: t.caseworkerId,
      fullName: 'Pengguna peksos.rina',
      role: 'caseworker',
    });
    let c = await t.officer.call('complaints.create', phoneComplaint());
    c = await t.officer.call('complaints.assign', {
      id: c.id,
      version: c.version,
      assigneeId: t.caseworkerId,
      note: 'Kunjungi lansia di pasar hari ini.',
    });
    expect(c.assignee?.role).toBe('caseworker');
    expect(c.events.at(-1)).toMatchObject({
      kind: 'assign',
      action: 'assign',
      party: 'Pengguna peksos.rina',
      note: 'Kunjungi lansia di pasar hari ini.',
      by: { id: t.officerId },
    });
    const mine = await t.caseworker.call('complaints.list', { assignee: 'me' });
    // Both fall due the same day: compare as a set.
    expect(mine.rows.map((r) => [r.id, r.assignee?.role]).sort()).toEqual(
      [
        [atIntake.id, 'caseworker'],
        [c.id, 'caseworker'],
      ].sort(),
    );
    const audit = (await auditRows(t.backend)).at(-1)!;
    expect(audit).toMatchObject({ method: 'complaints.assign', record_id: c.id });
    expect(JSON.parse(audit.changes!)).toEqual({ assigned_to: [null, t.caseworkerId] });
  });

  it('lets the assigned caseworker log follow-up, and nothing else', async () => {
    const t = await office();
    let c = await t.officer.call('complaints.create', phoneComplaint());
    c = await t.officer.call('complaints.transition', {
      id: c.id,
      version: c.version,
      to: 'verified',
    });

    // Not (yet) theirs: refused, nothing written.
    const notYet = await t.caseworker.fail('complaints.logAction', {
      id: c.id,
      type: 'visit',
      outcome: 'Lansia ditemui.',
    });
    expect(notYet.code).toBe('FORBIDDEN');
    expect(await seen(t.officer, c.id)).toEqual(c);

    c = await t.officer.call('complaints.assign', {
      id: c.id,
      version: c.version,
      assigneeId: t.caseworkerId,
    });
    const logged = await t.caseworker.call('complaints.logAction', {
      id: c.id,
      type: 'visit',
      outcome: 'Lansia ditemui di los ikan, dibawa ke rumah singgah.',
    });
    expect(logged.events.at(-1)).toMatchObject({
      kind: 'action',
      action: 'visit',
      note: 'Lansia ditemui di los ikan, dibawa ke rumah singgah.',
      by: { id: t.caseworkerId, fullName: 'Pengguna peksos.rina' },
    });
    // A log entry is not an edit: the officer's open copy does not go stale.
    expect(logged.version).toBe(c.version);
    const answered = await t.caseworker.call('complaints.logAction', {
      id: c.id,
      type: 'answer',
      outcome: 'Pelapor dikabari bahwa lansia sudah di rumah singgah.',
    });
    expect(answered.firstAnswerAt).not.toBeNull();
    expect(answered.version).toBe(c.version + 1);

    // Status steps, assignment and corrections stay with complaint officers.
    const before = await seen(t.officer, c.id);
    for (const [method, input] of [
      ['complaints.transition', { id: c.id, version: before.version, to: 'in_follow_up' }],
      ['complaints.assign', { id: c.id, version: before.version, assigneeId: null }],
      ['complaints.create', phoneComplaint()],
    ] as const) {
      expect((await t.caseworker.fail(method, input)).code, method).toBe('FORBIDDEN');
    }
    expect(await seen(t.officer, c.id)).toEqual(before);

    // Given to someone else: the caseworker can no longer log on it.
    const back = await t.officer.call('complaints.assign', {
      id: c.id,
      version: before.version,
      assigneeId: t.officerId,
    });
    const after = await t.caseworker.fail('complaints.logAction', {
      id: c.id,
      type: 'call',
      outcome: 'x',
    });
    expect(after.code).toBe('FORBIDDEN');
    expect(await seen(t.officer, c.id)).toEqual(back);
  });

  it('keeps a confidential reporter hidden from the caseworker the complaint is given to', async () => {
    const t = await office();
    const c = await t.officer.call(
      'complaints.create',
      phoneComplaint({ reporterConfidential: true, assigneeId: t.caseworkerId }),
    );
    const asCaseworker = await t.caseworker.call('complaints.get', { id: c.id });
    expect(asCaseworker).toMatchObject({
      reporterHidden: true,
      reporterName: null,
      reporterPhone: null,
      reporterAddress: null,
    });
    const logged = await t.caseworker.call('complaints.logAction', {
      id: c.id,
      type: 'visit',
      outcome: 'Kunjungan.',
    });
    expect(logged.reporterHidden).toBe(true);
    expect(JSON.stringify(logged)).not.toContain('Rusmini');
  });
});
