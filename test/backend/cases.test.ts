/**
 * PPKS case files: opening from a complaint, the workflow with supervisor approvals per role,
 * plan and services, referrals with consent, sensitive notes per role (reads, exports, audit
 * diffs), attachments checked by content, numbering under concurrency, figures, merges.
 */
import { describe, expect, it } from 'vitest';
import type { Input, Output } from '../../shared/contract';
import { caseLetterFacts } from '../../electron/backend/cases/letterFacts';
import { ASSESSMENT } from './casesFixtures';
import { phoneComplaint } from './complaintsFixtures';
import { Client, setUpOffice, userWithRoles, type TestBackend } from './harness';
import { pdf, png } from './images';
import { createPerson } from './registry';

type CaseFile = Output<'cases.get'>;
const SHELTER_SERVICE = '0190b000-0000-7000-8000-000000000001';
const HEALTH_SERVICE = '0190b000-0000-7000-8000-000000000003';

async function office() {
  const t = await setUpOffice();
  const worker = await userWithRoles(t, 'siti', ['caseworker']);
  const other = await userWithRoles(t, 'rahmat', ['caseworker']);
  const boss = await userWithRoles(t, 'kasi', ['supervisor']);
  const viewer = await userWithRoles(t, 'pimpinan', ['viewer']);
  const person = await createPerson(t.admin, { fullName: 'Kakek Sarman' });
  return { ...t, worker, other, boss, viewer, person };
}

async function openCase(c: Client, personId: string, over: Partial<Input<'cases.create'>> = {}) {
  return c.call('cases.create', {
    personId,
    ppks: ['PPKS-08'],
    origin: 'walk_in',
    locationRegionCode: '63.72.04.1003',
    ...over,
  });
}

/** Opened → assessment approved → plan approved: in service. */
async function inService(t: Awaited<ReturnType<typeof office>>, k: CaseFile): Promise<CaseFile> {
  k = await t.worker.call('cases.saveAssessment', {
    id: k.id,
    version: k.version,
    assessment: ASSESSMENT,
  });
  k = await t.worker.call('cases.transition', {
    id: k.id,
    version: k.version,
    step: 'submit_assessment',
  });
  k = await t.boss.call('cases.transition', {
    id: k.id,
    version: k.version,
    step: 'approve_assessment',
  });
  k = await t.worker.call('cases.savePlan', {
    id: k.id,
    version: k.version,
    goals: 'Kakek kembali ke keluarga.',
    services: [
      { serviceTypeId: SHELTER_SERVICE, responsible: 'Rumah singgah', dueOn: null },
      { serviceTypeId: HEALTH_SERVICE, responsible: 'Puskesmas Banjarbaru', dueOn: '2026-12-05' },
    ],
  });
  k = await t.worker.call('cases.transition', {
    id: k.id,
    version: k.version,
    step: 'submit_plan',
  });
  return t.boss.call('cases.transition', { id: k.id, version: k.version, step: 'approve_plan' });
}

async function snapshot(t: TestBackend) {
  const db = t.backend.db;
  return {
    cases: await db.selectFrom('cases').selectAll().orderBy('id').execute(),
    events: await db.selectFrom('case_events').select('id').orderBy('id').execute(),
    referrals: await db.selectFrom('case_referrals').selectAll().orderBy('id').execute(),
  };
}

describe('opening a case', () => {
  it('opens from a complaint with a number from the register and links both ways', async () => {
    const t = await office();
    const complaint = await t.admin.call(
      'complaints.create',
      phoneComplaint({ personId: t.person.id }),
    );
    const pre = await t.worker.call('cases.prefill', { complaintId: complaint.id });
    expect(pre).toMatchObject({
      personId: t.person.id,
      ppks: ['PPKS-08'],
      origin: 'complaint',
      complaintId: complaint.id,
      locationRegionCode: '63.72.04.1003',
      existing: [],
    });
    const k = await t.worker.call('cases.create', {
      personId: pre.personId!,
      ppks: pre.ppks,
      origin: pre.origin,
      complaintId: pre.complaintId,
      locationRegionCode: pre.locationRegionCode,
    });
    expect(k).toMatchObject({
      number: 'KS/0001/2026',
      state: 'opened',
      caseworker: { fullName: 'Pengguna siti' },
      complaint: { id: complaint.id, number: complaint.number },
      // Opened Friday 27 Nov: three working days → Wednesday 2 Dec.
      assessmentDue: '2026-12-02',
      due: { kind: 'assessment', on: '2026-12-02', overdue: false },
      mayEdit: true,
    });
    expect(await t.boss.call('cases.forRecord', { complaintId: complaint.id })).toEqual({
      cases: [{ id: k.id, number: 'KS/0001/2026', state: 'opened' }],
    });
    expect(
      (await t.worker.call('cases.prefill', { complaintId: complaint.id })).existing,
    ).toHaveLength(1);
  });

  it('refuses a second open case of the same category for the person, changing nothing', async () => {
    const t = await office();
    const first = await openCase(t.worker, t.person.id);
    const before = await snapshot(t);
    const err = await t.worker.fail('cases.create', {
      personId: t.person.id,
      ppks: ['PPKS-11', 'PPKS-08'],
      origin: 'outreach',
    });
    expect(err.code).toBe('VALIDATION');
    expect(err.issues).toEqual([
      {
        path: ['ppks'],
        key: 'case.open_same_ppks',
        params: { person: 'Kakek Sarman', number: first.number, ppks: 'PPKS-08' },
      },
    ]);
    expect(await snapshot(t)).toEqual(before);
    // Another category is a separate case.
    expect((await openCase(t.worker, t.person.id, { ppks: ['PPKS-11'] })).number).toBe(
      'KS/0002/2026',
    );
  });

  it('numbers concurrent openings without gaps or repeats, with the office pattern', async () => {
    const t = await office();
    const s = await t.admin.call('cases.settings', {});
    await t.admin.call('cases.saveSettings', {
      numberPattern: '{seq:3}/KS-BJB/{year}',
      assessmentDays: 3,
      reviewDays: 30,
      version: s.version,
    });
    const people = await Promise.all(
      Array.from({ length: 8 }, (_, i) => createPerson(t.admin, { fullName: `Orang ${i}` })),
    );
    const made = await Promise.all(people.map((p) => openCase(t.worker, p.id)));
    expect(made.map((k) => k.number).sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => `${String(i + 1).padStart(3, '0')}/KS-BJB/2026`),
    );
    const bad = await t.admin.fail('cases.saveSettings', {
      numberPattern: 'KS/{year}',
      assessmentDays: 3,
      reviewDays: 30,
      version: s.version + 1,
    });
    expect(bad.issues?.[0]).toMatchObject({ path: ['numberPattern'] });
  });
});

describe('the workflow per role', () => {
  it('returns an assessment with a comment, approves it on resubmission, then the plan', async () => {
    const t = await office();
    let k = await openCase(t.worker, t.person.id, { supervisorId: undefined });
    // Nothing to submit yet.
    expect(
      (
        await t.worker.fail('cases.transition', {
          id: k.id,
          version: k.version,
          step: 'submit_assessment',
        })
      ).issues,
    ).toEqual([{ path: ['assessment'], key: 'case.assessment_missing' }]);
    k = await t.worker.call('cases.saveAssessment', {
      id: k.id,
      version: k.version,
      assessment: ASSESSMENT,
    });
    expect(k.riskLevel).toBe('high');
    // Another caseworker may read but not work on it.
    const foreign = await t.other.fail('cases.transition', {
      id: k.id,
      version: k.version,
      step: 'submit_assessment',
    });
    expect(foreign.code).toBe('FORBIDDEN');
    expect((await t.other.call('cases.get', { id: k.id })).mayEdit).toBe(false);
    k = await t.worker.call('cases.transition', {
      id: k.id,
      version: k.version,
      step: 'submit_assessment',
    });
    expect(k).toMatchObject({ state: 'assessment', awaiting: 'assessment', due: null });
    // The caseworker cannot approve their own work.
    expect(
      (
        await t.worker.fail('cases.transition', {
          id: k.id,
          version: k.version,
          step: 'approve_assessment',
        })
      ).code,
    ).toBe('FORBIDDEN');
    const queue = await t.boss.call('cases.list', { awaiting: 'any' });
    expect(queue.rows.map((r) => r.id)).toEqual([k.id]);
    // Returning needs a comment.
    const noComment = await t.boss.fail('cases.transition', {
      id: k.id,
      version: k.version,
      step: 'return_assessment',
    });
    expect(noComment.issues).toEqual([{ path: ['comment'], key: 'case.comment_required' }]);
    k = await t.boss.call('cases.transition', {
      id: k.id,
      version: k.version,
      step: 'return_assessment',
      comment: 'Lengkapi penelusuran keluarga.',
    });
    expect(k).toMatchObject({ state: 'opened', returnComment: 'Lengkapi penelusuran keluarga.' });
    k = await t.worker.call('cases.saveAssessment', {
      id: k.id,
      version: k.version,
      assessment: { ...ASSESSMENT, family: 'Anak di Banjarmasin dihubungi lewat kelurahan.' },
    });
    k = await t.worker.call('cases.transition', {
      id: k.id,
      version: k.version,
      step: 'submit_assessment',
    });
    k = await t.boss.call('cases.transition', {
      id: k.id,
      version: k.version,
      step: 'approve_assessment',
    });
    expect(k).toMatchObject({ state: 'plan', returnComment: null, awaiting: null });
    // A plan not submitted cannot be approved.
    expect(
      (
        await t.boss.fail('cases.transition', {
          id: k.id,
          version: k.version,
          step: 'approve_plan',
        })
      ).issues,
    ).toEqual([{ path: ['step'], key: 'case.plan_not_submitted' }]);
    const steps = k.timeline.filter((e) => e.kind === 'transition').map((e) => e.action);
    expect(steps).toEqual([
      'submit_assessment',
      'return_assessment',
      'submit_assessment',
      'approve_assessment',
    ]);
  });

  it('refuses a step from the wrong state and a stale version, leaving data as it was', async () => {
    const t = await office();
    const k = await openCase(t.worker, t.person.id);
    const before = await snapshot(t);
    const wrong = await t.boss.fail('cases.transition', {
      id: k.id,
      version: k.version,
      step: 'approve_closure',
    });
    expect(wrong).toMatchObject({ code: 'CONFLICT', key: 'case.transition_not_allowed' });
    const stale = await t.worker.fail('cases.saveAssessment', {
      id: k.id,
      version: k.version + 5,
      assessment: ASSESSMENT,
    });
    expect(stale).toMatchObject({ code: 'CONFLICT', key: 'error.conflict_stale' });
    const closeNoReason = await t.worker.fail('cases.transition', {
      id: k.id,
      version: k.version,
      step: 'request_closure',
    });
    expect(closeNoReason.issues?.map((i) => i.path[0])).toEqual([
      'closureReason',
      'closureSummary',
    ]);
    expect(await snapshot(t)).toEqual(before);
  });

  it('serves, refers, reviews and closes with a supervisor’s approval; reopens with a reason', async () => {
    const t = await office();
    let k = await inService(t, await openCase(t.worker, t.person.id));
    expect(k).toMatchObject({ state: 'in_service', due: { kind: 'review', on: '2026-12-27' } });
    k = await t.worker.call('cases.logService', {
      caseId: k.id,
      planServiceId: k.planServices[1]!.id,
      serviceTypeId: HEALTH_SERVICE,
      deliveredOn: '2026-11-27',
      deliveredBy: 'Puskesmas Banjarbaru',
      outcome: 'Diperiksa; tekanan darah 160/95, diberi obat.',
    });
    const future = await t.worker.fail('cases.logService', {
      caseId: k.id,
      planServiceId: null,
      serviceTypeId: HEALTH_SERVICE,
      deliveredOn: '2026-12-30',
      deliveredBy: 'x',
      outcome: 'x',
    });
    expect(future.issues).toEqual([{ path: ['deliveredOn'], key: 'case.date_future' }]);

    // A referral to another regency's Dinas Sosial needs consent to sharing.
    const refer = {
      caseId: k.id,
      agencyKind: 'dinsos_region' as const,
      agencyName: 'Dinas Sosial Kabupaten Banjar',
      regionCode: '63.03',
      reason: 'Pemulangan ke daerah asal.',
    };
    expect((await t.worker.fail('cases.refer', refer)).issues).toEqual([
      { path: ['agencyKind'], key: 'referral.consent_required' },
    ]);
    k = await t.worker.call('cases.setConsent', {
      id: k.id,
      version: k.version,
      processing: true,
      sharing: true,
      by: 'person',
      method: 'verbal_witness',
      witness: 'Pak RT',
    });
    k = await t.worker.call('cases.refer', refer);
    k = await t.worker.call('cases.refer', {
      caseId: k.id,
      agencyKind: 'panti',
      agencyName: 'PSTW Budi Sejahtera',
      regionCode: null,
      reason: 'Perawatan lanjut usia.',
    });
    const panti = k.referrals[1]!;
    k = await t.worker.call('cases.referralStep', {
      id: panti.id,
      version: panti.version,
      to: 'accepted',
    });
    const accepted = k.referrals[1]!;
    const noReason = await t.worker.fail('cases.referralStep', {
      id: accepted.id,
      version: accepted.version,
      to: 'done',
      outcome: 'unsuccessful',
    });
    expect(noReason.issues).toEqual([
      { path: ['failureReason'], key: 'referral.failure_reason_required' },
    ]);
    k = await t.worker.call('cases.referralStep', {
      id: accepted.id,
      version: accepted.version,
      to: 'done',
      outcome: 'successful',
    });
    expect(k.referrals[1]).toMatchObject({ state: 'done', outcome: 'successful' });
    const facts = await caseLetterFacts(t.backend.db, k.id, k.referrals[0]!.id);
    expect(facts).toMatchObject({
      number: k.number,
      person: { fullName: 'Kakek Sarman' },
      ppks: ['PPKS-08'],
      sharingConsent: true,
      referral: { agencyName: 'Dinas Sosial Kabupaten Banjar', region: { code: '63.03' } },
    });

    k = await t.worker.call('cases.transition', {
      id: k.id,
      version: k.version,
      step: 'start_review',
    });
    k = await t.worker.call('cases.transition', {
      id: k.id,
      version: k.version,
      step: 'complete_review',
    });
    k = await t.worker.call('cases.transition', {
      id: k.id,
      version: k.version,
      step: 'request_closure',
      closureReason: 'reunified',
      closureSummary: 'Dijemput anaknya.',
    });
    expect(k).toMatchObject({ state: 'closure_requested', awaiting: 'closure' });
    k = await t.boss.call('cases.transition', {
      id: k.id,
      version: k.version,
      step: 'approve_closure',
    });
    expect(k).toMatchObject({ state: 'closed', closureReason: 'reunified', due: null });
    expect(k.closedAt).not.toBeNull();
    const noWhy = await t.worker.fail('cases.transition', {
      id: k.id,
      version: k.version,
      step: 'reopen',
    });
    expect(noWhy.issues).toEqual([{ path: ['reopenReason'], key: 'case.reopen_reason_required' }]);
    k = await t.worker.call('cases.transition', {
      id: k.id,
      version: k.version,
      step: 'reopen',
      reopenReason: 'Kembali tidur di pasar.',
    });
    expect(k).toMatchObject({ state: 'opened', closedAt: null, closureReason: null });
    // Services stay on the timeline.
    expect(k.timeline.some((e) => e.action === 'service')).toBe(true);
  });

  it('lets a supervisor reassign; the new caseworker may then edit and the old one not', async () => {
    const t = await office();
    let k = await openCase(t.worker, t.person.id);
    const staff = await t.boss.call('cases.staff', {});
    const rahmat = staff.caseworkers.find((u) => u.fullName === 'Pengguna rahmat')!;
    k = await t.boss.call('cases.reassign', {
      id: k.id,
      version: k.version,
      caseworkerId: rahmat.id,
    });
    expect(k.caseworker.id).toBe(rahmat.id);
    expect((await t.worker.call('cases.get', { id: k.id })).mayEdit).toBe(false);
    expect(
      (
        await t.worker.fail('cases.saveAssessment', {
          id: k.id,
          version: k.version,
          assessment: ASSESSMENT,
        })
      ).code,
    ).toBe('FORBIDDEN');
    await t.other.call('cases.saveAssessment', {
      id: k.id,
      version: k.version,
      assessment: ASSESSMENT,
    });
  });
});

describe('sensitive notes', () => {
  it('are read by the assigned caseworker and supervisors only, and hidden in exports and audit', async () => {
    const t = await office();
    let k = await openCase(t.worker, t.person.id);
    k = await t.worker.call('cases.addNote', {
      caseId: k.id,
      kind: 'visit',
      text: 'Dikunjungi di pasar.',
    });
    k = await t.worker.call('cases.addNote', {
      caseId: k.id,
      kind: 'home_visit',
      text: 'Riwayat kekerasan oleh menantu.',
      sensitive: true,
    });
    expect(k.notes.map((n) => n.sensitive)).toEqual([false, true]);
    for (const c of [t.boss, t.admin]) {
      expect((await c.call('cases.get', { id: k.id })).notes).toHaveLength(2);
    }
    for (const c of [t.other, t.viewer]) {
      const seen = await c.call('cases.get', { id: k.id });
      expect(seen.notes.map((n) => n.text)).toEqual(['Dikunjungi di pasar.']);
      expect(JSON.stringify(seen)).not.toMatch(/kekerasan/);
      const list = await c.call('cases.list', {});
      expect(JSON.stringify(list)).not.toMatch(/kekerasan/);
    }
    // The read by the supervisor was recorded.
    const reads = await t.backend.db
      .selectFrom('audit_log')
      .select(['username', 'note'])
      .where('record_id', '=', k.id)
      .where('note', '=', 'sensitive_read')
      .execute();
    expect(reads.map((r) => r.username)).toContain('kasi');

    // The person's data export keeps the note but not its text.
    const exported = await t.admin.call('persons.export', { id: t.person.id });
    expect(exported.fileId).toBeTruthy();
    const { casesPersonLink } = await import('../../electron/backend/cases/personLink');
    const part = JSON.stringify(await casesPersonLink.export(t.backend.db, t.person.id));
    expect(part).toMatch(/Dikunjungi di pasar/);
    expect(part).not.toMatch(/kekerasan/);

    // Audit lists show the note's text hidden.
    const audit = await t.admin.call('audit.list', {});
    expect(JSON.stringify(audit)).not.toMatch(/kekerasan/);
  });
});

describe('attachments', () => {
  async function upload(t: TestBackend, c: Client, bytes: Buffer, name: string, type: string) {
    const r = await t.backend.upload(c.token, {
      purpose: 'caseAttachment',
      name,
      declaredType: type,
      body: (async function* () {
        yield bytes;
      })(),
    });
    return r.response;
  }

  it('takes PDF, JPEG and PNG checked by content, and removes only with a reason', async () => {
    const t = await office();
    let k = await openCase(t.worker, t.person.id);
    const ok = await upload(t, t.worker, pdf(), 'surat-polisi.pdf', 'application/pdf');
    expect(ok.ok).toBe(true);
    const fileId = ok.ok ? ok.data.fileId : '';
    k = await t.worker.call('cases.attach', { caseId: k.id, fileId, docType: 'police_letter' });
    expect(k.attachments).toMatchObject([
      {
        docType: 'police_letter',
        name: 'surat-polisi.pdf',
        type: 'application/pdf',
        removedAt: null,
      },
    ]);
    // A PNG named .pdf is refused by content.
    const lie = await upload(t, t.worker, png(), 'ktp.pdf', 'application/pdf');
    expect(!lie.ok && lie.error.key).toBe('file.kind_mismatch');
    // The viewer cannot upload.
    const viewer = await upload(t, t.viewer, png(), 'foto.png', 'image/png');
    expect(!viewer.ok && viewer.error.code).toBe('FORBIDDEN');

    const att = k.attachments[0]!;
    const noReason = await t.worker.fail('cases.removeAttachment', {
      id: att.id,
      version: att.version,
      reason: ' ',
    });
    expect(noReason.code).toBe('VALIDATION');
    k = await t.worker.call('cases.removeAttachment', {
      id: att.id,
      version: att.version,
      reason: 'Salah unggah, bukan milik orang ini.',
    });
    expect(k.attachments[0]).toMatchObject({
      fileId: null,
      removedReason: 'Salah unggah, bukan milik orang ini.',
    });
    expect(
      await t.backend.db.selectFrom('files').select('id').where('id', '=', fileId).execute(),
    ).toEqual([]);
  });
});

describe('figures and merges', () => {
  it('counts persons served by category and place, opened/closed, referrals', async () => {
    const t = await office();
    const second = await createPerson(t.admin, { fullName: 'Andi Jalanan' });
    let k = await inService(t, await openCase(t.worker, t.person.id));
    await openCase(t.worker, second.id, {
      ppks: ['PPKS-04', 'PPKS-02'],
      locationRegionCode: '63.72.05.1003',
    });
    k = await t.worker.call('cases.transition', {
      id: k.id,
      version: k.version,
      step: 'request_closure',
      closureReason: 'repatriated',
      closureSummary: 'Dipulangkan.',
    });
    await t.boss.call('cases.transition', {
      id: k.id,
      version: k.version,
      step: 'approve_closure',
    });
    const f = await t.viewer.call('cases.figures', { from: '2026-11-01', to: '2026-11-30' });
    expect(f).toMatchObject({
      personsServed: 2,
      opened: 2,
      closed: 1,
      closureReasons: [{ reason: 'repatriated', count: 1 }],
      medianDaysToAssessmentApproval: 0,
      medianDaysToClosure: 0,
    });
    expect(f.servedByPpks).toEqual([
      { ppks: 'PPKS-02', count: 1 },
      { ppks: 'PPKS-04', count: 1 },
      { ppks: 'PPKS-08', count: 1 },
    ]);
    expect(f.servedByKecamatan.map((r) => [r.region?.code, r.count]).sort()).toEqual([
      ['63.72.04', 1],
      ['63.72.05', 1],
    ]);
    expect(f.caseload).toEqual([
      { caseworker: expect.objectContaining({ fullName: 'Pengguna siti' }), count: 1 },
    ]);
    // The list's region filters take a region and everything inside it.
    const inKecamatan = await t.viewer.call('cases.list', { location: '63.72.05' });
    expect(inKecamatan.rows.map((r) => r.person.fullName)).toEqual(['Andi Jalanan']);
    expect((await t.viewer.call('cases.list', { location: '63.72' })).total).toBe(2);
    expect(
      (await t.viewer.call('cases.list', { location: '63.72.05', state: 'closed' })).total,
    ).toBe(0);
    expect((await t.viewer.call('cases.list', { ppks: 'PPKS-04' })).total).toBe(1);
    const empty = await t.viewer.call('cases.figures', { from: '2025-01-01', to: '2025-12-31' });
    expect(empty.personsServed).toBe(0);
  });

  it('merging two persons carries their cases, unless both have one open of the same category', async () => {
    const t = await office();
    const twin = await createPerson(t.admin, { fullName: 'Sarman' });
    const k = await openCase(t.worker, twin.id, { ppks: ['PPKS-11'] });
    const fresh = async (id: string) => (await t.admin.call('persons.get', { id })).person;
    const keep = await fresh(t.person.id);
    const gone = await fresh(twin.id);
    await t.admin.call('persons.merge', {
      keepId: keep.id,
      keepVersion: keep.version,
      mergeId: gone.id,
      mergeVersion: gone.version,
      reason: 'Orang yang sama',
    });
    expect((await t.admin.call('cases.get', { id: k.id })).person.id).toBe(t.person.id);

    const third = await createPerson(t.admin, { fullName: 'Sarman B' });
    await openCase(t.worker, third.id, { ppks: ['PPKS-11'] });
    const keep2 = await fresh(t.person.id);
    const gone2 = await fresh(third.id);
    const err = await t.admin.fail('persons.merge', {
      keepId: keep2.id,
      keepVersion: keep2.version,
      mergeId: gone2.id,
      mergeVersion: gone2.version,
      reason: 'Orang yang sama',
    });
    expect(err.issues?.[0]).toMatchObject({ path: ['mergeId'], key: 'case.merge_open_same_ppks' });
  });
});
