/**
 * The office's case settings (due days, numbering) and service types as the admin screen saves
 * them, and corrections of a case's opening details: in which states, who may change what, stale
 * edits, the audit and the timeline entry naming the corrected fields.
 */
import { describe, expect, it } from 'vitest';
import type { Input, Output } from '../../shared/contract';
import { ASSESSMENT } from './casesFixtures';
import { Client, setUpOffice, userWithRoles, type TestBackend } from './harness';
import { createPerson } from './registry';

type CaseFile = Output<'cases.get'>;

async function office() {
  const t = await setUpOffice();
  const worker = await userWithRoles(t, 'siti', ['caseworker']);
  const other = await userWithRoles(t, 'rahmat', ['caseworker']);
  const boss = await userWithRoles(t, 'kasi', ['supervisor']);
  const boss2 = await userWithRoles(t, 'kabid', ['supervisor']);
  const person = await createPerson(t.admin, { fullName: 'Kakek Sarman' });
  return { ...t, worker, other, boss, boss2, person };
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

/** The opening details of a case as cases.update takes them, with changes laid over. */
function correction(k: CaseFile, over: Partial<Input<'cases.update'>> = {}): Input<'cases.update'> {
  return {
    id: k.id,
    version: k.version,
    ppks: k.ppks,
    origin: k.origin,
    originDetail: k.originDetail,
    complaintId: k.complaint?.id ?? null,
    stayId: k.stay?.id ?? null,
    originRegionCode: k.originRegion?.code ?? null,
    locationRegionCode: k.location?.code ?? null,
    locationAddress: k.locationAddress,
    supervisorId: k.supervisor?.id ?? null,
    ...over,
  };
}

async function snapshot(t: TestBackend) {
  const db = t.backend.db;
  return {
    cases: await db.selectFrom('cases').selectAll().orderBy('id').execute(),
    ppks: await db.selectFrom('case_ppks').selectAll().orderBy('case_id').orderBy('ppks').execute(),
    events: await db.selectFrom('case_events').select('id').orderBy('id').execute(),
    types: await db.selectFrom('case_service_types').selectAll().orderBy('id').execute(),
    settings: await db.selectFrom('case_settings').selectAll().execute(),
  };
}

describe('case settings (admin)', () => {
  it('changes the assessment due days for cases opened afterwards, audited', async () => {
    const t = await office();
    const before = await openCase(t.worker, t.person.id);
    // Opened Friday 27 Nov: three working days → Wednesday 2 Dec.
    expect(before.assessmentDue).toBe('2026-12-02');
    const s = await t.admin.call('cases.settings', {});
    expect(s).toMatchObject({ assessmentDays: 3, reviewDays: 30, preview: 'KS/0002/2026' });
    const saved = await t.admin.call('cases.saveSettings', {
      numberPattern: 'KS/{seq:4}/{year}',
      assessmentDays: 5,
      reviewDays: 14,
      version: s.version,
    });
    expect(saved).toMatchObject({ assessmentDays: 5, reviewDays: 14, version: s.version + 1 });
    const other = await createPerson(t.admin, { fullName: 'Nenek Aminah' });
    const after = await openCase(t.worker, other.id);
    // Five working days from Friday → Friday 4 Dec; the earlier case keeps its date.
    expect(after.assessmentDue).toBe('2026-12-04');
    expect((await t.worker.call('cases.get', { id: before.id })).assessmentDue).toBe('2026-12-02');
    const audit = await t.backend.db
      .selectFrom('audit_log')
      .select(['method', 'changes'])
      .where('method', '=', 'cases.saveSettings')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.changes!)).toMatchObject({ assessment_days: [3, 5] });
  });

  it('refuses a stale save, days out of range and a caseworker, changing nothing', async () => {
    const t = await office();
    const s = await t.admin.call('cases.settings', {});
    const { preview: _p, ...current } = s;
    await t.admin.call('cases.saveSettings', { ...current, assessmentDays: 4 });
    const before = await snapshot(t);
    const input = {
      numberPattern: s.numberPattern,
      assessmentDays: 4,
      reviewDays: 30,
      version: s.version,
    };
    expect(await t.admin.fail('cases.saveSettings', input)).toMatchObject({
      code: 'CONFLICT',
      key: 'error.conflict_stale',
    });
    const range = await t.admin.fail('cases.saveSettings', {
      ...input,
      version: s.version + 1,
      assessmentDays: 0,
      reviewDays: 400,
    });
    expect(range.code).toBe('VALIDATION');
    expect(range.issues?.map((i) => i.path[0]).sort()).toEqual(['assessmentDays', 'reviewDays']);
    expect(
      (await t.worker.fail('cases.saveSettings', { ...input, version: s.version + 1 })).code,
    ).toBe('FORBIDDEN');
    expect(await snapshot(t)).toEqual(before);
  });

  it('adds, renames and retires service types; a retired one is refused in a plan', async () => {
    const t = await office();
    const { types } = await t.worker.call('cases.serviceTypes', {});
    expect(types).toHaveLength(12);
    const added = await t.admin.call('cases.saveServiceType', {
      name: 'Pendampingan rehabilitasi NAPZA',
      nameEn: 'Drug rehabilitation support',
      sortOrder: 125,
    });
    expect(added).toMatchObject({ active: true, sortOrder: 125, version: 1 });
    const renamed = await t.admin.call('cases.saveServiceType', {
      id: added.id,
      version: added.version,
      name: 'Rehabilitasi NAPZA',
      nameEn: null,
      active: false,
      sortOrder: 125,
    });
    expect(renamed).toMatchObject({ name: 'Rehabilitasi NAPZA', active: false, version: 2 });
    const list = (await t.worker.call('cases.serviceTypes', {})).types;
    expect(list.map((x) => x.name)).toContain('Rehabilitasi NAPZA');
    // Same name as another type, and a stale version: refused, nothing changed.
    const before = await snapshot(t);
    const dup = await t.admin.fail('cases.saveServiceType', {
      id: added.id,
      version: renamed.version,
      name: 'Permakanan',
    });
    expect(dup.issues).toEqual([{ path: ['name'], key: 'case.service_type_name_taken' }]);
    const stale = await t.admin.fail('cases.saveServiceType', {
      id: added.id,
      version: added.version,
      name: 'Rehabilitasi',
    });
    expect(stale).toMatchObject({ code: 'CONFLICT', key: 'error.conflict_stale' });
    expect(await snapshot(t)).toEqual(before);
    // The retired type cannot be planned.
    let k = await openCase(t.worker, t.person.id);
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
    const refused = await t.worker.fail('cases.savePlan', {
      id: k.id,
      version: k.version,
      goals: 'Pulih.',
      services: [{ serviceTypeId: added.id, responsible: 'BNN Kota', dueOn: null }],
    });
    expect(refused.issues).toEqual([
      { path: ['services', 0, 'serviceTypeId'], key: 'case.service_type_invalid' },
    ]);
  });
});

describe('correcting a case’s opening details', () => {
  it('saves the corrected fields, audited, with a timeline entry naming them', async () => {
    const t = await office();
    const k = await openCase(t.worker, t.person.id, { originDetail: 'Dibawa warga' });
    const fixed = await t.worker.call(
      'cases.update',
      correction(k, {
        ppks: ['PPKS-11', 'PPKS-08'],
        origin: 'outreach',
        originDetail: 'Penjangkauan Satpol PP di Pasar Bauntung',
        locationAddress: 'Emperan Pasar Bauntung',
        reason: 'Salah pilih asal kasus.',
      }),
    );
    expect(fixed).toMatchObject({
      ppks: ['PPKS-11', 'PPKS-08'],
      origin: 'outreach',
      originDetail: 'Penjangkauan Satpol PP di Pasar Bauntung',
      locationAddress: 'Emperan Pasar Bauntung',
      number: k.number,
      version: k.version + 1,
    });
    const edit = fixed.timeline.find((e) => e.kind === 'edit');
    expect(edit).toMatchObject({
      action: 'opening',
      party: 'ppks,origin,originDetail,locationAddress',
      note: 'Salah pilih asal kasus.',
      by: { fullName: 'Pengguna siti' },
    });
    const audit = await t.backend.db
      .selectFrom('audit_log')
      .select(['changes', 'record_id'])
      .where('method', '=', 'cases.update')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.record_id).toBe(k.id);
    expect(JSON.parse(audit[0]!.changes!)).toMatchObject({
      origin: ['walk_in', 'outreach'],
      ppks: [['PPKS-08'], ['PPKS-11', 'PPKS-08']],
    });
    // The list filters by the new main category.
    const list = await t.worker.call('cases.list', { ppks: 'PPKS-11' });
    expect(list.rows.map((r) => r.id)).toEqual([k.id]);
  });

  it('writes nothing when nothing changed', async () => {
    const t = await office();
    const k = await openCase(t.worker, t.person.id);
    const before = await snapshot(t);
    const same = await t.worker.call('cases.update', correction(k, { reason: 'Cek.' }));
    expect(same.version).toBe(k.version);
    expect(await snapshot(t)).toEqual(before);
  });

  it('refuses a stale edit, another caseworker, and a clash with another open case', async () => {
    const t = await office();
    const k = await openCase(t.worker, t.person.id);
    await openCase(t.worker, t.person.id, { ppks: ['PPKS-11'] });
    const moved = await t.worker.call(
      'cases.update',
      correction(k, { locationAddress: 'Jl. A. Yani km 33' }),
    );
    const before = await snapshot(t);
    expect(
      await t.worker.fail('cases.update', correction(k, { locationAddress: 'Jl. Lain' })),
    ).toMatchObject({ code: 'CONFLICT', key: 'error.conflict_stale' });
    expect(
      await t.other.fail('cases.update', correction(moved, { locationAddress: 'Jl. Lain' })),
    ).toMatchObject({ code: 'FORBIDDEN', key: 'case.not_assigned' });
    const clash = await t.worker.fail(
      'cases.update',
      correction(moved, { ppks: ['PPKS-08', 'PPKS-11'] }),
    );
    expect(clash.issues).toEqual([
      {
        path: ['ppks'],
        key: 'case.open_same_ppks',
        params: { person: 'Kakek Sarman', number: 'KS/0002/2026', ppks: 'PPKS-11' },
      },
    ]);
    const region = await t.worker.fail(
      'cases.update',
      correction(moved, { locationRegionCode: '99.99.99.9999' }),
    );
    expect(region.issues?.[0]).toMatchObject({
      path: ['locationRegionCode'],
      key: 'region.unknown',
    });
    expect(await snapshot(t)).toEqual(before);
  });

  it('lets only a supervisor change the supervisor', async () => {
    const t = await office();
    const boss = await t.boss.call('cases.staff', {});
    const kasi = boss.supervisors.find((u) => u.fullName === 'Pengguna kasi')!;
    const kabid = boss.supervisors.find((u) => u.fullName === 'Pengguna kabid')!;
    const k = await openCase(t.worker, t.person.id, { supervisorId: kasi.id });
    const before = await snapshot(t);
    const err = await t.worker.fail('cases.update', correction(k, { supervisorId: kabid.id }));
    expect(err.issues).toEqual([{ path: ['supervisorId'], key: 'case.supervisor_via_reassign' }]);
    expect(await snapshot(t)).toEqual(before);
    const byBoss = await t.boss.call('cases.update', correction(k, { supervisorId: kabid.id }));
    expect(byBoss.supervisor?.id).toBe(kabid.id);
  });

  it('is refused while closure waits for approval and once closed', async () => {
    const t = await office();
    let k = await openCase(t.worker, t.person.id);
    k = await t.worker.call('cases.transition', {
      id: k.id,
      version: k.version,
      step: 'request_closure',
      closureReason: 'moved_away',
      closureSummary: 'Pindah ke Martapura.',
    });
    const before = await snapshot(t);
    const waiting = await t.worker.fail(
      'cases.update',
      correction(k, { locationAddress: 'Martapura' }),
    );
    expect(waiting).toMatchObject({
      code: 'CONFLICT',
      key: 'case.not_editable_state',
      params: { stateKey: 'case.state.closure_requested' },
    });
    k = await t.boss.call('cases.transition', {
      id: k.id,
      version: k.version,
      step: 'approve_closure',
    });
    const closed = await t.boss.fail('cases.update', correction(k, { locationAddress: 'X' }));
    expect(closed).toMatchObject({ code: 'CONFLICT', key: 'case.closed' });
    expect((await snapshot(t)).ppks).toEqual(before.ppks);
  });
});
