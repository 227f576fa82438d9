import { describe, expect, it } from 'vitest';
import { auditRows, Client, countRows, OFFICE_INPUT, setUpOffice, userWithRoles } from './harness';

describe('office.get', () => {
  it('is readable by every signed-in user, with the region name', async () => {
    const t = await setUpOffice();
    const staff = await userWithRoles(t, 'petugas', ['shelter_staff']);
    const office = await staff.call('office.get', {});
    expect(office).toEqual({
      name: OFFICE_INPUT.name,
      regionCode: '63.72',
      regionName: 'Kota Banjarbaru',
      address: OFFICE_INPUT.address,
      phone: OFFICE_INPUT.phone,
      email: OFFICE_INPUT.email,
      website: null,
      logoFileId: null,
      headName: OFFICE_INPUT.headName,
      headNip: OFFICE_INPUT.headNip,
      headPosition: OFFICE_INPUT.headPosition,
      timeZone: 'Asia/Makassar',
      maxStayDays: 7,
      kelurahanCode: null,
      kelurahanName: null,
      updatedAt: t.clock.now.toISOString(),
      version: 1,
    });
  });
});

describe('office.update', () => {
  it('saves, bumps the version and audits only the changed fields', async () => {
    const t = await setUpOffice();
    t.clock.advance(60_000);
    const saved = await t.admin.call('office.update', {
      ...OFFICE_INPUT,
      regionCode: '63.71',
      maxStayDays: 14,
      headPosition: '',
      version: 1,
    });
    expect(saved).toMatchObject({
      regionCode: '63.71',
      regionName: 'Kota Banjarmasin',
      maxStayDays: 14,
      headPosition: null,
      updatedAt: t.clock.now.toISOString(),
      version: 2,
    });
    expect(await t.admin.call('office.get', {})).toEqual(saved);

    const row = (await auditRows(t.backend)).at(-1)!;
    expect(row).toMatchObject({
      method: 'office.update',
      record_type: 'office',
      record_id: '1',
      username: 'admin',
    });
    expect(JSON.parse(row.changes!)).toEqual({
      region_code: ['63.72', '63.71'],
      head_position: ['Kepala Dinas Sosial', null],
      max_stay_days: [7, 14],
    });
  });

  it('refuses a stale version with CONFLICT and keeps the other save', async () => {
    const t = await setUpOffice();
    await t.admin.call('office.update', { ...OFFICE_INPUT, maxStayDays: 10, version: 1 });
    const audits = await countRows(t.backend, 'audit_log');
    const err = await t.admin.fail('office.update', {
      ...OFFICE_INPUT,
      maxStayDays: 14,
      version: 1,
    });
    expect(err).toMatchObject({ code: 'CONFLICT', key: 'error.conflict_stale' });
    expect(err.message.en).toMatch(/someone else changed/i);
    expect(await t.admin.call('office.get', {})).toMatchObject({ maxStayDays: 10, version: 2 });
    // No change is recorded, only the refusal and its reason.
    const added = await t.backend.db
      .selectFrom('audit_log')
      .select(['outcome', 'note', 'changes'])
      .where('seq', '>', audits)
      .execute();
    expect(added).toEqual([{ outcome: 'refused', note: 'error.conflict_stale', changes: null }]);
  });

  it.each([
    ['headNip', '12345', 'validation.nip'],
    ['headNip', '19700615199503100X', 'validation.nip'],
    ['email', 'dinsos@', 'validation.email'],
    ['email', 'bukan email', 'validation.email'],
    ['phone', 'telepon kantor', 'validation.phone'],
    ['phone', '12', 'validation.phone'],
    ['timeZone', 'Asia/Banjarbaru', 'validation.timezone'],
    ['timeZone', 'WITA', 'validation.timezone'],
    ['maxStayDays', 0, 'validation.too_small'],
    ['maxStayDays', 91, 'validation.too_big'],
    ['maxStayDays', 7.5, 'validation.invalid_type'],
    ['name', '   ', 'validation.required'],
    ['regionCode', '6372', 'region.invalid_code'],
  ])('refuses %s = %j with %s on that field', async (field, value, key) => {
    const t = await setUpOffice();
    const err = await t.admin.fail('office.update', {
      ...OFFICE_INPUT,
      [field]: value,
      version: 1,
    });
    expect(err.code).toBe('VALIDATION');
    expect(err.issues).toContainEqual(expect.objectContaining({ path: [field], key }));
    // Every issue is about that field.
    for (const issue of err.issues ?? []) expect(issue.path).toEqual([field]);
    expect((await t.admin.call('office.get', {})).version).toBe(1);
  });

  it.each([
    ['a province', '63', 'office.region_level'],
    ['a district', '63.72.01', 'office.region_level'],
    ['a village', '63.72.01.1001', 'office.region_level'],
    ['an unknown regency', '63.99', 'region.unknown'],
  ])('refuses %s as the region', async (_label, regionCode, key) => {
    const t = await setUpOffice();
    const err = await t.admin.fail('office.update', { ...OFFICE_INPUT, regionCode, version: 1 });
    expect(err.code).toBe('VALIDATION');
    expect(err.issues).toContainEqual(expect.objectContaining({ path: ['regionCode'], key }));
    expect((await t.admin.call('office.get', {})).regionCode).toBe('63.72');
  });

  it('accepts optional contact fields left empty', async () => {
    const t = await setUpOffice();
    const saved = await t.admin.call('office.update', {
      ...OFFICE_INPUT,
      phone: '',
      email: '',
      headNip: '',
      headName: null,
      version: 1,
    });
    expect(saved).toMatchObject({ phone: null, email: null, headNip: null, headName: null });
  });

  it('writes no audit diff entries when nothing changed', async () => {
    const t = await setUpOffice();
    await t.admin.call('office.update', { ...OFFICE_INPUT, version: 1 });
    const row = (await auditRows(t.backend)).at(-1)!;
    expect(row.method).toBe('office.update');
    expect(row.changes).toBeNull();
  });

  it('uses the new time zone for lockout messages', async () => {
    const t = await setUpOffice();
    await t.admin.call('office.update', { ...OFFICE_INPUT, timeZone: 'Asia/Jakarta', version: 1 });
    const c = new Client(t.backend);
    let last;
    for (let i = 1; i <= 5; i++) {
      last = await c.fail('auth.login', { username: 'admin', password: `Salah-Sandi-${i}x` });
    }
    // 02:00Z + 15 min is 09:15 WIB.
    expect(String(last!.params?.until)).toMatch(/09[.:]15/);
  });
});
