/**
 * Complaints: intake and its checks, deadlines in working days, the status flow, assignment,
 * the follow-up log, receipts, lists and figures. Every refused call leaves nothing behind.
 */
import { describe, expect, it } from 'vitest';
import { auditRows, idOf, sessionFor, setUpOffice, userWithRoles } from './harness';
import { CAT, closeAsDone, dataRequest, phoneComplaint } from './complaintsFixtures';

const DAY = 86_400_000;
/** The harness clock starts on Friday 27 Nov 2026, 10:00 WITA. */

async function office() {
  const t = await setUpOffice();
  const officer = await userWithRoles(t, 'petugas.aduan', ['complaint_officer']);
  const officerId = await idOf(t.backend, 'petugas.aduan');
  /** Moves the clock; sessions end after 30 idle minutes, so the officer signs in again. */
  const later = async (ms: number) => {
    t.clock.advance(ms);
    officer.token = (await sessionFor(t.backend, officerId, t.clock.now)).token;
  };
  return { ...t, officer, later };
}

async function count(
  t: { backend: { db: import('kysely').Kysely<import('../../electron/backend/db/schema').DB> } },
  table: 'complaints' | 'complaint_events' | 'number_registers',
) {
  const r = await t.backend.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('intake', () => {
  it('numbers the complaint, sets working-day deadlines from the day of receipt and records it', async () => {
    const t = await office();
    const c = await t.officer.call('complaints.create', phoneComplaint());
    expect(c.number).toBe('ADU/0001/DINSOS-BJB/2026');
    expect(c.status).toBe('received');
    expect(c.receivedAt).toBe('2026-11-27T02:00:00.000Z');
    // Friday → verify by Wed 2 Dec, first answer by Fri 4 Dec, done by Thu 17 Dec.
    expect(c.deadlines.map((d) => [d.stage, d.due, d.workingDays])).toEqual([
      ['verify', '2026-12-02', 3],
      ['answer', '2026-12-04', 5],
      ['complete', '2026-12-17', 14],
    ]);
    expect(c.next).toMatchObject({ stage: 'verify', due: '2026-12-02', overdue: false });
    expect(c.region).toMatchObject({ code: '63.72.04.1003', name: 'Komet' });
    expect(c.region?.path).toContain('Kota Banjarbaru');
    expect(c.category).toMatchObject({ id: CAT.elderly, name: 'Lansia atau anak terlantar' });
    expect(c.ppks).toEqual(['PPKS-08']);
    expect(c.reporterName).toBe('Hj. Rusmini');
    expect(c.createdBy?.fullName).toBe('Pengguna petugas.aduan');
    expect(c.events.map((e) => e.kind)).toEqual(['created']);

    const audit = (await auditRows(t.backend)).at(-1)!;
    expect(audit).toMatchObject({
      method: 'complaints.create',
      record_type: 'complaint',
      record_id: c.id,
      username: 'petugas.aduan',
    });
    const changes = JSON.parse(audit.changes!) as Record<string, [unknown, unknown]>;
    expect(changes.number).toEqual([null, 'ADU/0001/DINSOS-BJB/2026']);
    expect(changes.status).toEqual([null, 'received']);
  });

  it('numbers data-service requests in their own sequence', async () => {
    const t = await office();
    await t.officer.call('complaints.create', phoneComplaint());
    const d = await t.officer.call('complaints.create', dataRequest());
    const e = await t.officer.call('complaints.create', phoneComplaint({ channel: 'walk_in' }));
    expect(d.number).toBe('PLD/0001/DINSOS-BJB/2026');
    expect(d.serviceType).toBe('dtks_certificate');
    expect(e.number).toBe('ADU/0002/DINSOS-BJB/2026');
  });

  it('reports every missing or wrong field at once, in both languages, and saves nothing', async () => {
    const t = await office();
    const err = await t.officer.fail('complaints.create', {
      kind: 'complaint',
      channel: 'phone',
      subject: '  ',
      description: '',
    });
    expect(err.code).toBe('VALIDATION');
    const byPath = Object.fromEntries((err.issues ?? []).map((i) => [i.path.join('.'), i.key]));
    expect(byPath).toMatchObject({
      categoryId: 'validation.required',
      subject: 'validation.required',
      description: 'validation.required',
    });
    expect(err.message.id).toBe('Periksa kembali isian yang ditandai.');
    expect(err.message.en).toBe('Please check the highlighted fields.');
    expect(await count(t, 'complaints')).toBe(0);
    expect(await count(t, 'number_registers')).toBe(0);
  });

  it('checks the rules that need the database, all together', async () => {
    const t = await office();
    const before = (await auditRows(t.backend)).length;
    const err = await t.officer.fail('complaints.create', {
      ...phoneComplaint(),
      kind: 'data_service',
      categoryId: CAT.elderly, // a complaint category
      channel: 'lapor', // without its ticket number
      reporterAnonymous: true, // but named
      personId: '0190a000-0000-7000-8000-0000000000ff',
      regionCode: '63.72.99',
    });
    expect(err.code).toBe('VALIDATION');
    expect(Object.fromEntries((err.issues ?? []).map((i) => [i.path.join('.'), i.key]))).toEqual({
      categoryId: 'complaint.category_kind',
      serviceType: 'complaint.service_type_required',
      channelRef: 'complaint.lapor_ref_required',
      reporterName: 'complaint.anonymous_with_name',
      personId: 'complaint.person_unknown',
      regionCode: 'region.unknown',
    });
    expect(await count(t, 'complaints')).toBe(0);
    expect(await count(t, 'number_registers')).toBe(0);
    // A refused write adds no audit entry of a change, only the refusal and its reason.
    const after = await auditRows(t.backend);
    expect(after.filter((r) => r.outcome !== 'refused').length).toBe(before);
    expect(after.slice(before).map((r) => [r.outcome, r.note, r.changes])).toEqual([
      ['refused', 'complaint.category_kind', null],
    ]);
  });

  it('asks for the reporter’s name unless the report is anonymous, and the 112 call reference', async () => {
    const t = await office();
    const noName = await t.officer.fail('complaints.create', phoneComplaint({ reporterName: '' }));
    expect(noName.issues).toEqual([
      { path: ['reporterName'], key: 'complaint.reporter_name_required' },
    ]);
    const from112 = await t.officer.fail(
      'complaints.create',
      phoneComplaint({ channel: 'call_112' }),
    );
    expect(from112.issues).toEqual([{ path: ['channelRef'], key: 'complaint.call_ref_required' }]);
    const anon = await t.officer.call(
      'complaints.create',
      phoneComplaint({
        reporterAnonymous: true,
        reporterName: null,
        reporterConfidential: true,
        channel: 'call_112',
        channelRef: 'CC112-BJB-20261127-0042',
      }),
    );
    expect(anon.reporterAnonymous).toBe(true);
    expect(anon.reporterName).toBeNull();
    // Nothing to hide when nobody is named.
    expect(anon.reporterConfidential).toBe(false);
    expect(anon.channelRef).toBe('CC112-BJB-20261127-0042');
  });

  it('refuses impossible, future and too old receipt times; an earlier day needs a reason', async () => {
    const t = await office();
    const impossible = await t.officer.fail(
      'complaints.create',
      phoneComplaint({ receivedAt: '2026-02-30T10:00:00+08:00' }),
    );
    expect(impossible.issues).toEqual([{ path: ['receivedAt'], key: 'validation.invalid_format' }]);
    const future = await t.officer.fail(
      'complaints.create',
      phoneComplaint({ receivedAt: '2026-11-27T12:00:00+08:00' }),
    );
    expect(future.issues).toEqual([{ path: ['receivedAt'], key: 'complaint.received_future' }]);
    const old = await t.officer.fail(
      'complaints.create',
      phoneComplaint({ receivedAt: '2026-06-01T09:00:00+08:00', backdateReason: 'Arsip' }),
    );
    expect(old.issues).toEqual([
      { path: ['receivedAt'], key: 'complaint.received_too_old', params: { days: 90 } },
    ]);
    const noReason = await t.officer.fail(
      'complaints.create',
      phoneComplaint({ receivedAt: '2026-11-26T16:30:00+08:00' }),
    );
    expect(noReason.issues).toEqual([
      { path: ['backdateReason'], key: 'complaint.backdate_reason_required' },
    ]);
    expect(await count(t, 'complaints')).toBe(0);

    // Earlier the same day needs no reason; a letter from last week does.
    const sameDay = await t.officer.call(
      'complaints.create',
      phoneComplaint({ receivedAt: '2026-11-27T07:45:00+08:00' }),
    );
    expect(sameDay.backdateReason).toBeNull();
    const letter = await t.officer.call(
      'complaints.create',
      phoneComplaint({
        channel: 'letter',
        channelRef: '460/112/Kel-KMT/XI/2026',
        receivedAt: '2026-11-19T09:00:00+08:00',
        backdateReason: 'Surat diterima bagian umum, baru didisposisikan hari ini.',
      }),
    );
    // Deadlines count from the real day of receipt (Thursday 19 Nov).
    expect(letter.deadlines[0]).toMatchObject({
      due: '2026-11-24',
      overdue: true,
      workingDays: 3,
    });
    expect(letter.next).toMatchObject({ stage: 'verify', overdue: true });
  });

  it('links a person from the registry and refuses a merged record', async () => {
    const t = await office();
    const p = await t.officer.call('persons.create', {
      fullName: 'Nenek (belum diketahui namanya)',
      identityStatus: 'unknown',
      sex: 'F',
      estimatedAge: 75,
      namePartial: true,
    });
    const c = await t.officer.call('complaints.create', phoneComplaint({ personId: p.id }));
    expect(c.person).toEqual({ id: p.id, fullName: p.fullName, nik: null });
    expect(c.personName).toBe(p.fullName);
    await t.backend.db
      .updateTable('persons')
      .set({ merged_into: p.id })
      .where('id', '=', p.id)
      .execute();
    const err = await t.officer.fail('complaints.create', phoneComplaint({ personId: p.id }));
    expect(err.issues).toEqual([{ path: ['personId'], key: 'complaint.person_merged' }]);
  });
});

describe('status flow', () => {
  it('goes received → verified → in follow-up → done, each step with who, when and note', async () => {
    const t = await office();
    let c = await t.officer.call('complaints.create', phoneComplaint());
    await t.later(2 * 3600_000);
    c = await t.officer.call('complaints.transition', {
      id: c.id,
      version: c.version,
      to: 'verified',
      note: 'Dicek oleh TKSK: benar ada lansia di los ikan.',
    });
    expect(c.status).toBe('verified');
    expect(c.verifiedAt).toBe('2026-11-27T04:00:00.000Z');
    expect(c.deadlines[0]).toMatchObject({ stage: 'verify', onTime: true, overdue: false });
    expect(c.next?.stage).toBe('answer');
    c = await t.officer.call('complaints.transition', {
      id: c.id,
      version: c.version,
      to: 'in_follow_up',
    });
    c = await t.officer.call('complaints.transition', {
      id: c.id,
      version: c.version,
      to: 'done',
      finalAnswer: 'Lansia dibawa ke rumah singgah dan keluarganya sudah ditemukan.',
      answerChannel: 'phone',
    });
    expect(c.status).toBe('done');
    expect(c.closedAt).not.toBeNull();
    expect(c.next).toBeNull();
    expect(c.deadlines.every((d) => d.onTime)).toBe(true);
    const steps = c.events.filter((e) => e.kind === 'transition');
    expect(steps.map((e) => [e.action, e.fromState, e.toState])).toEqual([
      ['verify', 'received', 'verified'],
      ['follow_up', 'verified', 'in_follow_up'],
      ['complete', 'in_follow_up', 'done'],
    ]);
    expect(steps[0]).toMatchObject({
      note: 'Dicek oleh TKSK: benar ada lansia di los ikan.',
      by: { fullName: 'Pengguna petugas.aduan' },
      at: '2026-11-27T04:00:00.000Z',
    });
  });

  it('refuses a step the flow does not allow, and changes nothing', async () => {
    const t = await office();
    const c = await t.officer.call('complaints.create', phoneComplaint());
    const err = await t.officer.fail('complaints.transition', {
      id: c.id,
      version: c.version,
      to: 'done',
      finalAnswer: 'x',
      answerChannel: 'phone',
    });
    expect(err).toMatchObject({ code: 'CONFLICT', key: 'complaint.transition_not_allowed' });
    // The message names the status the complaint is in, in both languages.
    expect(err.message.id).toMatch(/tidak diizinkan.*Diterima/);
    expect(err.message.en).toMatch(/not allowed.*Received/);
    const again = await t.officer.call('complaints.get', { id: c.id });
    expect(again.status).toBe('received');
    expect(again.version).toBe(c.version);
    expect(again.events).toHaveLength(1);
  });

  it('needs a reason to reject, a destination to forward, and the answer to close', async () => {
    const t = await office();
    const c = await t.officer.call('complaints.create', phoneComplaint());
    const reject = await t.officer.fail('complaints.transition', {
      id: c.id,
      version: c.version,
      to: 'rejected',
    });
    expect(reject.issues?.map((i) => [i.path[0], i.key])).toEqual([
      ['reason', 'complaint.reason_required'],
      ['finalAnswer', 'complaint.final_answer_required'],
      ['answerChannel', 'complaint.answer_channel_required'],
    ]);
    const forward = await t.officer.fail('complaints.transition', {
      id: c.id,
      version: c.version,
      to: 'forwarded',
      finalAnswer: 'Diteruskan.',
      answerChannel: 'whatsapp',
    });
    expect(forward.issues).toEqual([
      { path: ['forwardedTo'], key: 'complaint.forwarded_to_required' },
    ]);
    const done = await t.officer.call('complaints.transition', {
      id: c.id,
      version: c.version,
      to: 'forwarded',
      forwardedTo: 'Dinas Kesehatan Kota Banjarbaru',
      finalAnswer: 'Pengaduan layanan puskesmas diteruskan ke Dinas Kesehatan.',
      answerChannel: 'whatsapp',
    });
    expect(done).toMatchObject({
      status: 'forwarded',
      forwardedTo: 'Dinas Kesehatan Kota Banjarbaru',
    });
    // Forwarding at intake also counts as the verification decision and the answer.
    expect(done.deadlines.map((d) => d.onTime)).toEqual([true, true, true]);
  });

  it('keeps a closed complaint closed: no edits, steps, assignments or actions', async () => {
    const t = await office();
    const c = await t.officer.call('complaints.create', phoneComplaint());
    await closeAsDone(t.officer, c.id);
    const closed = await t.officer.call('complaints.get', { id: c.id });
    const step = await t.officer.fail('complaints.transition', {
      id: c.id,
      version: closed.version,
      to: 'in_follow_up',
    });
    expect(step).toMatchObject({ code: 'CONFLICT', key: 'complaint.closed_in_state' });
    expect(step.message.id).toContain('Selesai');
    const edit = await t.officer.fail('complaints.update', {
      ...phoneComplaint(),
      kind: undefined,
      id: c.id,
      version: closed.version,
    });
    expect(edit.code).toBe('VALIDATION'); // kind is not an update field
    const edit2 = await t.officer.fail('complaints.update', {
      id: c.id,
      version: closed.version,
      categoryId: CAT.elderly,
      channel: 'phone',
      subject: 'x',
      description: 'y',
    });
    expect(edit2).toMatchObject({ code: 'CONFLICT', key: 'complaint.closed' });
    const action = await t.officer.fail('complaints.logAction', {
      id: c.id,
      type: 'call',
      outcome: 'x',
    });
    expect(action.key).toBe('complaint.closed_in_state');
  });

  it('refuses a stale edit with CONFLICT and keeps the newer data', async () => {
    const t = await office();
    const c = await t.officer.call('complaints.create', phoneComplaint());
    await t.officer.call('complaints.transition', { id: c.id, version: c.version, to: 'verified' });
    const stale = await t.officer.fail('complaints.transition', {
      id: c.id,
      version: c.version,
      to: 'rejected',
      reason: 'Tidak benar',
      finalAnswer: 'Tidak benar',
      answerChannel: 'phone',
    });
    expect(stale).toMatchObject({ code: 'CONFLICT', key: 'error.conflict_stale' });
    const staleEdit = await t.officer.fail('complaints.update', {
      id: c.id,
      version: c.version,
      categoryId: CAT.elderly,
      channel: 'phone',
      subject: 'Ditimpa',
      description: 'Ditimpa',
    });
    expect(staleEdit.code).toBe('CONFLICT');
    const now = await t.officer.call('complaints.get', { id: c.id });
    expect(now.status).toBe('verified');
    expect(now.subject).toBe(phoneComplaint().subject);
  });
});

describe('corrections', () => {
  it('recounts deadlines from the day of receipt when the category changes', async () => {
    const t = await office();
    const cat = await t.admin.call('complaints.saveCategory', {
      name: 'Anak jalanan di persimpangan',
      kind: 'complaint',
      verifyDays: 1,
      answerDays: 2,
      completeDays: 7,
    });
    const c = await t.officer.call('complaints.create', phoneComplaint());
    await t.later(DAY);
    const { kind: _kind, ...intake } = phoneComplaint();
    const fixed = await t.officer.call('complaints.update', {
      ...intake,
      id: c.id,
      version: c.version,
      categoryId: cat.id,
      subject: 'Dua anak mengamen di simpang empat Banjarbaru',
      ppks: ['PPKS-04'],
    });
    expect(fixed.deadlines.map((d) => d.due)).toEqual(['2026-11-30', '2026-12-01', '2026-12-08']);
    expect(fixed.number).toBe(c.number);
    expect(fixed.receivedAt).toBe(c.receivedAt);
    // Reporter fields left out stay as they were.
    expect(fixed.reporterName).toBe('Hj. Rusmini');
    expect(fixed.events.map((e) => e.kind)).toEqual(['created', 'edit']);
    const audit = (await auditRows(t.backend)).at(-1)!;
    const changes = JSON.parse(audit.changes!) as Record<string, unknown>;
    expect(Object.keys(changes).sort()).toEqual(
      ['answer_due', 'category_id', 'complete_due', 'ppks', 'subject', 'verify_due'].sort(),
    );
  });
});

describe('assignment and follow-up log', () => {
  it('assigns to an active complaint officer only', async () => {
    const t = await office();
    await userWithRoles(t, 'pimpinan', ['viewer']);
    const officerId = await idOf(t.backend, 'petugas.aduan');
    const viewerId = await idOf(t.backend, 'pimpinan');
    const { officers } = await t.officer.call('complaints.officers', {});
    expect(officers.map((o) => o.fullName)).toEqual(['Admin Pelita', 'Pengguna petugas.aduan']);
    let c = await t.officer.call('complaints.create', phoneComplaint());
    const wrong = await t.officer.fail('complaints.assign', {
      id: c.id,
      version: c.version,
      assigneeId: viewerId,
    });
    expect(wrong.issues).toEqual([{ path: ['assigneeId'], key: 'complaint.assignee_invalid' }]);
    c = await t.officer.call('complaints.assign', {
      id: c.id,
      version: c.version,
      assigneeId: officerId,
      note: 'Tangani hari ini.',
    });
    expect(c.assignee).toEqual({
      id: officerId,
      fullName: 'Pengguna petugas.aduan',
      role: 'complaint_officer',
    });
    expect(c.events.at(-1)).toMatchObject({
      kind: 'assign',
      party: 'Pengguna petugas.aduan',
      note: 'Tangani hari ini.',
    });
    const same = await t.officer.fail('complaints.assign', {
      id: c.id,
      version: c.version,
      assigneeId: officerId,
    });
    expect(same.issues?.[0]?.key).toBe('complaint.assignee_unchanged');
    const mine = await t.officer.call('complaints.list', { assignee: 'me' });
    expect(mine.rows.map((r) => r.id)).toEqual([c.id]);
  });

  it('logs calls, visits and coordination; the first answer meets the answer deadline', async () => {
    const t = await office();
    let c = await t.officer.call('complaints.create', phoneComplaint());
    c = await t.officer.call('complaints.transition', {
      id: c.id,
      version: c.version,
      to: 'verified',
    });
    const noAgency = await t.officer.fail('complaints.logAction', {
      id: c.id,
      type: 'coordination',
      outcome: 'Dibahas bersama',
    });
    expect(noAgency.issues).toEqual([{ path: ['agency'], key: 'complaint.agency_required' }]);
    const future = await t.officer.fail('complaints.logAction', {
      id: c.id,
      type: 'visit',
      at: '2026-11-27T15:00:00+08:00',
      outcome: 'x',
    });
    expect(future.issues).toEqual([{ path: ['at'], key: 'complaint.action_future' }]);
    const early = await t.officer.fail('complaints.logAction', {
      id: c.id,
      type: 'visit',
      at: '2026-11-26T15:00:00+08:00',
      outcome: 'x',
    });
    expect(early.issues).toEqual([{ path: ['at'], key: 'complaint.action_before_receipt' }]);

    await t.later(3600_000);
    c = await t.officer.call('complaints.logAction', {
      id: c.id,
      type: 'visit',
      outcome: 'Lansia ditemui di los ikan, kondisi lemah, dibawa ke puskesmas.',
    });
    c = await t.officer.call('complaints.logAction', {
      id: c.id,
      type: 'coordination',
      agency: 'Puskesmas Banjarbaru Utara',
      outcome: 'Pemeriksaan kesehatan, tidak perlu rawat inap.',
    });
    expect(c.firstAnswerAt).toBeNull();
    expect(c.next?.stage).toBe('answer');
    c = await t.officer.call('complaints.logAction', {
      id: c.id,
      type: 'answer',
      outcome: 'Pelapor dikabari lewat telepon bahwa lansia sudah ditangani.',
    });
    expect(c.firstAnswerAt).toBe(t.clock.now.toISOString());
    expect(c.next?.stage).toBe('complete');
    const actions = c.events.filter((e) => e.kind === 'action');
    expect(actions.map((a) => [a.action, a.party])).toEqual([
      ['visit', null],
      ['coordination', 'Puskesmas Banjarbaru Utara'],
      ['answer', null],
    ]);
  });
});

describe('receipt printing', () => {
  it('counts and audits every print', async () => {
    const t = await office();
    const c = await t.officer.call('complaints.create', phoneComplaint());
    expect(await t.officer.call('complaints.receiptPrinted', { id: c.id })).toEqual({
      receiptPrints: 1,
    });
    expect(await t.officer.call('complaints.receiptPrinted', { id: c.id })).toEqual({
      receiptPrints: 2,
    });
    const rows = (await auditRows(t.backend)).filter(
      (r) => r.method === 'complaints.receiptPrinted',
    );
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ record_id: c.id, note: 'receipt_printed' });
    const after = await t.officer.call('complaints.get', { id: c.id });
    expect(after.receiptPrints).toBe(2);
    // Printing does not make someone's open edit stale.
    expect(after.version).toBe(c.version);
    expect(after.events.filter((e) => e.kind === 'print')).toHaveLength(2);
  });
});

describe('lists', () => {
  it('filters, searches and pages on the server, most urgent deadline first', async () => {
    const t = await office();
    const old = await t.officer.call(
      'complaints.create',
      phoneComplaint({
        subject: 'Pengemis di lampu merah Jl. A. Yani km 33',
        categoryId: CAT.street,
        regionCode: '63.72.05.1003',
        receivedAt: '2026-11-20T09:00:00+08:00',
        backdateReason: 'Laporan WhatsApp baru dibaca.',
        channel: 'whatsapp',
      }),
    );
    const a = await t.officer.call('complaints.create', phoneComplaint());
    const d = await t.officer.call('complaints.create', dataRequest());
    for (let i = 0; i < 6; i++) {
      await t.officer.call(
        'complaints.create',
        phoneComplaint({
          subject: `Laporan lain ${i + 1}`,
          reporterName: `Warga ${i + 1}`,
          urgency: 'normal',
        }),
      );
    }
    const all = await t.officer.call('complaints.list', { pageSize: 5 });
    expect(all.total).toBe(9);
    expect(all.rows).toHaveLength(5);
    expect(all.today).toBe('2026-11-27');
    // The overdue one first, then by deadline; the high-urgency one before normal ones that day.
    expect(all.rows[0]!.id).toBe(old.id);
    expect(all.rows[0]!.next).toMatchObject({ overdue: true, stage: 'verify' });
    expect(all.rows[1]!.id).toBe(a.id);
    const page2 = await t.officer.call('complaints.list', { pageSize: 5, page: 2 });
    expect(page2.rows).toHaveLength(4);
    expect(new Set([...all.rows, ...page2.rows].map((r) => r.id)).size).toBe(9);

    const ids = async (input: Parameters<typeof t.officer.call<'complaints.list'>>[1]) =>
      (await t.officer.call('complaints.list', input)).rows.map((r) => r.id);
    expect(await ids({ due: 'overdue' })).toEqual([old.id]);
    expect(await ids({ kind: 'data_service' })).toEqual([d.id]);
    expect(await ids({ channel: 'whatsapp' })).toEqual([old.id]);
    expect(await ids({ categoryId: CAT.street })).toEqual([old.id]);
    expect(await ids({ regionCode: '63.72.05' })).toEqual([old.id]);
    expect((await ids({ regionCode: '63.72' })).length).toBe(8); // the data request has no place
    expect(await ids({ from: '2026-11-20', to: '2026-11-20' })).toEqual([old.id]);
    expect(await ids({ q: 'lampu merah' })).toEqual([old.id]);
    expect(await ids({ q: 'PLD/0001' })).toEqual([d.id]);
    expect(await ids({ q: 'Warga 3' })).toHaveLength(1);
    expect(await ids({ q: '100%' })).toEqual([]);
    expect(await ids({ assignee: 'none', kind: 'data_service' })).toEqual([d.id]);

    await closeAsDone(t.officer, a.id);
    expect(await ids({ status: 'closed' })).toEqual([a.id]);
    expect((await ids({ status: 'open' })).includes(a.id)).toBe(false);
    expect(await ids({ status: 'done' })).toEqual([a.id]);
    // Closed ones come last when sorting by deadline.
    expect((await ids({ pageSize: 100 })).at(-1)).toBe(a.id);
    expect((await ids({ sort: 'oldest' }))[0]).toBe(old.id);
  });

  it('turns a complaint red the day after its deadline and shows it as due today on the day', async () => {
    const t = await office();
    const officerId = await idOf(t.backend, 'petugas.aduan');
    const c = await t.officer.call('complaints.create', phoneComplaint({ assigneeId: officerId }));
    await t.later(5 * DAY); // Wed 2 Dec: verification due today
    const today = await t.officer.call('complaints.list', { assignee: 'me', due: 'today' });
    expect(today.rows.map((r) => r.id)).toEqual([c.id]);
    expect(today.rows[0]!.next).toMatchObject({ dueToday: true, overdue: false, workingDays: 0 });
    await t.later(DAY); // Thu 3 Dec
    const late = await t.officer.call('complaints.list', { due: 'today_or_overdue' });
    expect(late.rows[0]!.next).toMatchObject({ overdue: true, workingDays: 1 });
    expect((await t.officer.call('complaints.list', { due: 'today' })).total).toBe(0);
  });
});

describe('figures', () => {
  it('counts by channel and category, on-time share, medians and open work by officer', async () => {
    const t = await office();
    const officerId = await idOf(t.backend, 'petugas.aduan');
    const a = await t.officer.call('complaints.create', phoneComplaint({ assigneeId: officerId }));
    const b = await t.officer.call('complaints.create', dataRequest());
    await t.officer.call(
      'complaints.create',
      phoneComplaint({
        channel: 'whatsapp',
        receivedAt: '2026-11-16T09:00:00+08:00',
        backdateReason: 'Terlambat dicatat',
        assigneeId: officerId,
      }),
    );
    await t.later(3 * DAY); // Monday
    await closeAsDone(t.officer, a.id); // verified and closed after 1 working day
    await t.later(20 * DAY);
    await closeAsDone(t.officer, b.id); // closed late
    const s = await t.officer.call('complaints.stats', { from: '2026-11-01', to: '2026-11-30' });
    expect(s.received).toBe(3);
    expect(s.byChannel).toEqual([
      { channel: 'phone', count: 1 },
      { channel: 'walk_in', count: 1 },
      { channel: 'whatsapp', count: 1 },
    ]);
    expect(s.byCategory[0]).toMatchObject({ id: CAT.elderly, count: 2 });
    expect(s.byKind).toEqual([
      { kind: 'complaint', count: 2 },
      { kind: 'data_service', count: 1 },
    ]);
    expect(s.closed).toBe(2);
    expect(s.closedOnTime).toBe(1);
    expect(s.onTimePercent).toBe(50);
    expect(s.verified).toBe(2);
    // Received Fri 27 Nov: one closed Mon 30 Nov (1 working day), one Sun 20 Dec (15).
    expect(s.medianDaysToVerify).toBe(8);
    expect(s.medianDaysToClose).toBe(8);
    expect(s.byOfficer).toEqual([
      { officer: { id: officerId, fullName: 'Pengguna petugas.aduan' }, open: 1, overdue: 1 },
    ]);
    const empty = await t.officer.call('complaints.stats', {
      from: '2025-01-01',
      to: '2025-01-31',
    });
    expect(empty).toMatchObject({ received: 0, onTimePercent: null, medianDaysToClose: null });
    const backwards = await t.officer.fail('complaints.stats', {
      from: '2026-11-30',
      to: '2026-11-01',
    });
    expect(backwards.issues).toEqual([{ path: ['to'], key: 'complaint.period_order' }]);
  });
});

describe('shelter check-in from a complaint', () => {
  it('gives shelter staff the facts to prefill, without the reporter', async () => {
    const t = await office();
    const staff = await userWithRoles(t, 'petugas.singgah', ['shelter_staff']);
    const c = await t.officer.call(
      'complaints.create',
      phoneComplaint({ channel: 'call_112', channelRef: 'CC112-0042' }),
    );
    expect((await staff.fail('complaints.get', { id: c.id })).code).toBe('FORBIDDEN');
    const pre = await staff.call('complaints.forCheckin', { id: c.id });
    expect(pre).toMatchObject({
      number: c.number,
      ppks: ['PPKS-08'],
      condition: c.description,
      referralSource: 'call_112',
      referralDetail: `Pengaduan ${c.number} · 112: CC112-0042`,
    });
    expect(pre.location).toContain('Pasar Bauntung, los ikan, Komet');
    expect(JSON.stringify(pre)).not.toContain('Rusmini');
  });
});
