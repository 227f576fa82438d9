/**
 * Audit redaction is registered per record type by each domain: secret fields never reach the
 * trail, sensitive fields are stored but shown only to roles with the registered permission.
 */
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../../electron/backend/audit/chain';
import { registerRedaction } from '../../electron/backend/audit/redaction';
import { userRedaction } from '../../electron/backend/users/redaction';
import { inTransaction } from '../../electron/backend/dispatch/dispatch';
import { openOfficeKey } from '../../electron/backend/keys/officeKey';
import '../../electron/backend/handlers';
import { phoneComplaint } from './complaintsFixtures';
import { auditRows, setUpOffice, userWithRoles } from './harness';

const CONFIDENTIAL = {
  reporterName: 'Siti Nurhaliza',
  reporterPhone: '0813 4999 1234',
  reporterConfidential: true,
};

describe('secret fields', () => {
  it('are masked when stored, whatever the handler passed, for their record type only', async () => {
    const t = await setUpOffice();
    await inTransaction(t.backend.db, (trx) =>
      appendAudit(
        trx,
        [
          {
            at: t.clock.now.toISOString(),
            userId: null,
            username: null,
            method: 'test.secret',
            recordType: 'user',
            recordId: 'u1',
            outcome: 'ok',
            changes: { password_hash: ['old-hash', 'new-hash'], full_name: ['A', 'B'] },
          },
          {
            at: t.clock.now.toISOString(),
            userId: null,
            username: null,
            method: 'test.secret',
            recordType: 'shelter',
            recordId: 's1',
            outcome: 'ok',
            changes: { name: ['A', 'B'] },
          },
        ],
        openOfficeKey(t.dir),
      ),
    );
    const rows = t.backend.sqlite
      .prepare(`SELECT record_type, changes FROM audit_log WHERE method = 'test.secret'`)
      .all() as { record_type: string; changes: string }[];
    expect(rows.map((r) => [r.record_type, JSON.parse(r.changes)])).toEqual([
      ['user', { password_hash: ['[redacted]', '[redacted]'], full_name: ['A', 'B'] }],
      ['shelter', { name: ['A', 'B'] }],
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/old-hash|new-hash/);
    expect((await t.admin.call('audit.verify', {})).intact).toBe(true);
  });

  it('cannot be registered twice differently for one record type', () => {
    expect(() => registerRedaction({ ...userRedaction, secret: [] })).toThrow(/registered twice/);
    expect(() => registerRedaction(userRedaction)).not.toThrow();
  });
});

describe('sensitive fields', () => {
  it('show only in one record’s history, to a role with the permission, and that read is recorded', async () => {
    const t = await setUpOffice();
    const officer = await userWithRoles(t, 'petugas.aduan', ['complaint_officer']);
    const c = await officer.call('complaints.create', phoneComplaint(CONFIDENTIAL));
    // "My recent activity" is a list: hidden even from the officer who typed them.
    const mine = (await officer.call('audit.mine', { limit: 50 })).rows.find(
      (r) => r.method === 'complaints.create' && r.recordId === c.id,
    )!.changes;
    expect(mine).toMatchObject({
      reporter_name: [null, '[hidden]'],
      reporter_phone: [null, '[hidden]'],
      subject: [null, expect.any(String)],
    });
    expect(JSON.stringify(mine)).not.toMatch(/Nurhaliza|4999 1234/);

    // The whole trail: hidden from the admin too.
    const trail = await t.admin.call('audit.list', { limit: 50 });
    expect(JSON.stringify(trail)).not.toMatch(/Nurhaliza|4999 1234/);
    const before = (await auditRows(t.backend)).length;

    // Still stored in full: the complaint's own history shows it to the admin, and says so.
    const all = await t.admin.call('audit.list', { recordId: c.id, limit: 10 });
    expect(all.rows.find((r) => r.method === 'complaints.create')!.changes).toMatchObject({
      reporter_name: [null, 'Siti Nurhaliza'],
    });
    const added = (await auditRows(t.backend)).slice(before);
    expect(added).toMatchObject([
      {
        method: 'audit.list',
        username: 'admin',
        record_type: 'complaint',
        record_id: c.id,
        note: 'sensitive_read',
      },
    ]);
  });
});
