/** The office calendar: holidays that working-day deadlines skip; read by all, kept by the admin. */
import { describe, expect, it } from 'vitest';
import { auditRows, setUpOffice, userWithRoles } from './harness';
import { phoneComplaint } from './complaintsFixtures';

async function office() {
  const t = await setUpOffice();
  const officer = await userWithRoles(t, 'petugas.aduan', ['complaint_officer']);
  return { ...t, officer };
}

describe('holiday calendar', () => {
  it('is seeded with Indonesia’s 2026 holidays and cuti bersama', async () => {
    const t = await office();
    const { holidays, years } = await t.officer.call('calendar.holidays', { year: 2026 });
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
    const h = await t.admin.call('calendar.saveHoliday', {
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
    const dup = await t.admin.fail('calendar.saveHoliday', {
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
    const bad = await t.admin.fail('calendar.saveHoliday', {
      date: '2026-02-30',
      name: 'Tidak ada',
      kind: 'local',
    });
    expect(bad.issues).toEqual([{ path: ['date'], key: 'validation.date' }]);
    const h = await t.admin.call('calendar.saveHoliday', {
      date: '2026-12-31',
      name: 'Keliru',
      kind: 'local',
    });
    const noReason = await t.admin.fail('calendar.removeHoliday', {
      id: h.id,
      version: h.version,
      reason: ' ',
    });
    expect(noReason.issues).toEqual([{ path: ['reason'], key: 'validation.required' }]);
    await t.admin.call('calendar.removeHoliday', {
      id: h.id,
      version: h.version,
      reason: 'Salah input, bukan hari libur',
    });
    const { holidays } = await t.admin.call('calendar.holidays', { year: 2026 });
    expect(holidays.map((x) => x.date)).not.toContain('2026-12-31');
    const audit = (await auditRows(t.backend)).at(-1)!;
    expect(audit).toMatchObject({
      method: 'calendar.removeHoliday',
      record_type: 'holiday',
      note: 'Salah input, bukan hari libur',
    });
    expect(JSON.parse(audit.changes!)).toMatchObject({ date: ['2026-12-31', null] });
  });

  it('is read by every signed-in role and changed only by the admin', async () => {
    const t = await office();
    for (const role of ['caseworker', 'shelter_staff', 'viewer'] as const) {
      const c = await userWithRoles(t, `u.${role.replace('_', '')}`, [role]);
      expect((await c.call('calendar.holidays', { year: 2027 })).holidays).toHaveLength(5);
    }
    const err = await t.officer.fail('calendar.saveHoliday', {
      date: '2026-12-31',
      name: 'X',
      kind: 'local',
    });
    expect(err.code).toBe('FORBIDDEN');
    expect(err.key).toBe('error.forbidden');
  });

  it('edits a holiday at the version read, audits the change and refuses a stale edit', async () => {
    const t = await office();
    const h = await t.admin.call('calendar.saveHoliday', {
      date: '2026-12-30',
      name: 'Libur kantor',
      kind: 'local',
    });
    expect(h.version).toBe(1);
    const edited = await t.admin.call('calendar.saveHoliday', {
      id: h.id,
      version: h.version,
      date: '2026-12-29',
      name: 'Libur kantor',
      kind: 'local',
    });
    expect(edited).toMatchObject({ id: h.id, date: '2026-12-29', version: 2 });
    const audit = (await auditRows(t.backend)).at(-1)!;
    expect(audit).toMatchObject({ method: 'calendar.saveHoliday', record_type: 'holiday' });
    expect(JSON.parse(audit.changes!)).toEqual({ date: ['2026-12-30', '2026-12-29'] });

    const before = await t.admin.call('calendar.holidays', { year: 2026 });
    for (const stale of [{ version: 1 }, {}]) {
      const err = await t.admin.fail('calendar.saveHoliday', {
        id: h.id,
        ...stale,
        date: '2026-12-28',
        name: 'Libur kantor',
        kind: 'local',
      });
      expect(err).toMatchObject({ code: 'CONFLICT', key: 'error.conflict_stale' });
    }
    const staleRemove = await t.admin.fail('calendar.removeHoliday', {
      id: h.id,
      version: 1,
      reason: 'Keliru',
    });
    expect(staleRemove).toMatchObject({ code: 'CONFLICT', key: 'error.conflict_stale' });
    expect(await t.admin.call('calendar.holidays', { year: 2026 })).toEqual(before);
  });
});
