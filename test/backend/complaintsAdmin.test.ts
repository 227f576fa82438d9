/** The admin's complaint settings: categories with their deadlines. */
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
