/** The admin's complaint settings: categories with their deadlines and the holiday calendar. */
import { describe, expect, it } from 'vitest';
import { auditRows, setUpOffice, userWithRoles } from './harness';
import { CAT, phoneComplaint } from './complaintsFixtures';

async function office() {
  const t = await setUpOffice();
  const officer = await userWithRoles(t, 'petugas.aduan', ['complaint_officer']);
  return { ...t, officer };
}

describe('categories', () => {
  it('come seeded with the defaults, in order, for both kinds', async () => {
    const t = await office();
    const { categories } = await t.officer.call('complaints.categories', {});
    expect(categories.map((c) => c.name)).toEqual([
      'PPKS ditemukan di jalan',
      'Lansia atau anak terlantar',
      'Bantuan sosial tidak tepat sasaran',
      'Permohonan data',
      'Perbaikan data',
      'Pelayanan oleh petugas',
      'Lainnya',
    ]);
    expect(categories.find((c) => c.id === CAT.elderly)).toMatchObject({
      nameEn: 'Neglected elderly person or child',
      kind: 'complaint',
      ppks: ['PPKS-08', 'PPKS-02'],
      verifyDays: null,
    });
  });

  it('carry their own deadlines into new complaints', async () => {
    const t = await office();
    const cat = await t.admin.call('complaints.saveCategory', {
      name: 'Korban bencana',
      nameEn: 'Disaster victims',
      kind: 'complaint',
      verifyDays: 1,
      answerDays: null, // office default: 5
      completeDays: 7,
      ppks: ['PPKS-21'],
      sortOrder: 15,
    });
    const c = await t.officer.call('complaints.create', phoneComplaint({ categoryId: cat.id }));
    // Friday → Mon (1), Fri 4 Dec (5), Tue 8 Dec (7).
    expect(c.deadlines.map((d) => d.due)).toEqual(['2026-11-30', '2026-12-04', '2026-12-08']);
    const audit = (await auditRows(t.backend)).find((r) => r.method === 'complaints.saveCategory')!;
    expect(audit.record_type).toBe('complaint_category');
  });

  it('refuse duplicate names, out-of-order deadlines and stale edits', async () => {
    const t = await office();
    const dup = await t.admin.fail('complaints.saveCategory', { name: 'Lainnya', kind: 'any' });
    expect(dup.issues).toEqual([
      { path: ['name'], key: 'complaint.category_name_taken', params: { name: 'Lainnya' } },
    ]);
    const order = await t.admin.fail('complaints.saveCategory', {
      name: 'Cepat',
      kind: 'complaint',
      verifyDays: 10, // after the default first answer (5)
    });
    expect(order.issues).toEqual([{ path: ['answerDays'], key: 'complaint.days_order' }]);
    const { categories } = await t.admin.call('complaints.categories', {});
    const other = categories.find((c) => c.id === CAT.other)!;
    await t.admin.call('complaints.saveCategory', { ...other, nameEn: 'Other matters' });
    const stale = await t.admin.fail('complaints.saveCategory', { ...other, nameEn: 'Others' });
    expect(stale).toMatchObject({ code: 'CONFLICT', key: 'error.conflict_stale' });
  });

  it('once retired, are not offered and cannot be chosen, but old complaints keep theirs', async () => {
    const t = await office();
    const old = await t.officer.call('complaints.create', phoneComplaint({ categoryId: CAT.aid }));
    const { categories } = await t.admin.call('complaints.categories', {});
    const aid = categories.find((c) => c.id === CAT.aid)!;
    await t.admin.call('complaints.saveCategory', { ...aid, active: false });
    const offered = await t.officer.call('complaints.categories', {});
    expect(offered.categories.map((c) => c.id)).not.toContain(CAT.aid);
    const all = await t.officer.call('complaints.categories', { includeInactive: true });
    expect(all.categories.find((c) => c.id === CAT.aid)?.active).toBe(false);
    const err = await t.officer.fail('complaints.create', phoneComplaint({ categoryId: CAT.aid }));
    expect(err.issues).toEqual([{ path: ['categoryId'], key: 'complaint.category_inactive' }]);
    const { kind: _kind, ...intake } = phoneComplaint({ categoryId: CAT.aid });
    const edited = await t.officer.call('complaints.update', {
      ...intake,
      id: old.id,
      version: old.version,
      subject: 'Tetap di kategori lama',
    });
    expect(edited.category.id).toBe(CAT.aid);
  });

  it('are for the admin only', async () => {
    const t = await office();
    const err = await t.officer.fail('complaints.saveCategory', { name: 'X', kind: 'any' });
    expect(err.code).toBe('FORBIDDEN');
  });
});

describe('holiday calendar', () => {
  it('is seeded with Indonesia’s 2026 holidays and cuti bersama', async () => {
    const t = await office();
    const { holidays, years } = await t.officer.call('complaints.holidays', { year: 2026 });
    const dates = holidays.map((h) => h.date);
    for (const d of [
      '2026-01-01',
      '2026-01-16',
      '2026-02-17',
      '2026-03-19',
      '2026-03-20',
      '2026-03-21',
      '2026-04-03',
      '2026-05-01',
      '2026-05-14',
      '2026-05-27',
      '2026-05-31',
      '2026-06-01',
      '2026-06-16',
      '2026-08-17',
      '2026-08-25',
      '2026-12-25',
    ]) {
      expect(dates, d).toContain(d);
    }
    expect(holidays.find((h) => h.date === '2026-12-24')?.kind).toBe('cuti_bersama');
    expect(years).toEqual([
      { year: 2026, count: 25 },
      { year: 2027, count: 5 },
    ]);
  });

  it('changes the deadlines of new complaints only', async () => {
    const t = await office();
    const before = await t.officer.call('complaints.create', phoneComplaint());
    expect(before.deadlines[0]!.due).toBe('2026-12-02');
    const h = await t.admin.call('complaints.saveHoliday', {
      date: '2026-12-01',
      name: 'Hari jadi Kota Banjarbaru (libur daerah)',
      kind: 'local',
    });
    const after = await t.officer.call('complaints.create', phoneComplaint());
    expect(after.deadlines[0]!.due).toBe('2026-12-03');
    // The receipt already promised the earlier day.
    expect((await t.officer.call('complaints.get', { id: before.id })).deadlines[0]!.due).toBe(
      '2026-12-02',
    );
    // Time left counts with the calendar as it is now.
    expect(
      (await t.officer.call('complaints.get', { id: before.id })).deadlines[0]!.workingDays,
    ).toBe(2);
    expect(h.kind).toBe('local');
  });

  it('refuses a second holiday on one day, and removes one with a reason in the audit trail', async () => {
    const t = await office();
    const dup = await t.admin.fail('complaints.saveHoliday', {
      date: '2026-08-17',
      name: 'Upacara',
      kind: 'local',
    });
    expect(dup.issues).toEqual([
      {
        path: ['date'],
        key: 'holiday.date_taken',
        params: { date: '2026-08-17', name: 'Hari Proklamasi Kemerdekaan RI' },
      },
    ]);
    const bad = await t.admin.fail('complaints.saveHoliday', {
      date: '2026-02-30',
      name: 'Tidak ada',
      kind: 'local',
    });
    expect(bad.issues).toEqual([{ path: ['date'], key: 'validation.date' }]);
    const h = await t.admin.call('complaints.saveHoliday', {
      date: '2026-12-31',
      name: 'Keliru',
      kind: 'local',
    });
    const noReason = await t.admin.fail('complaints.removeHoliday', {
      id: h.id,
      version: h.version,
      reason: ' ',
    });
    expect(noReason.issues).toEqual([{ path: ['reason'], key: 'validation.required' }]);
    await t.admin.call('complaints.removeHoliday', {
      id: h.id,
      version: h.version,
      reason: 'Salah input, bukan hari libur',
    });
    const { holidays } = await t.admin.call('complaints.holidays', { year: 2026 });
    expect(holidays.map((x) => x.date)).not.toContain('2026-12-31');
    const audit = (await auditRows(t.backend)).at(-1)!;
    expect(audit).toMatchObject({
      method: 'complaints.removeHoliday',
      record_type: 'holiday',
      note: 'Salah input, bukan hari libur',
    });
    expect(JSON.parse(audit.changes!)).toMatchObject({ date: ['2026-12-31', null] });
  });

  it('can be read by complaint officers but changed only by the admin', async () => {
    const t = await office();
    const err = await t.officer.fail('complaints.saveHoliday', {
      date: '2026-12-31',
      name: 'X',
      kind: 'local',
    });
    expect(err.code).toBe('FORBIDDEN');
  });
});
