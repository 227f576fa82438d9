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
import { idOf, setUpOffice, userWithRoles } from './harness';

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
  it('show to a role with the permission and hide once the role is gone', async () => {
    const t = await setUpOffice();
    const officer = await userWithRoles(t, 'petugas.aduan', ['complaint_officer']);
    const c = await officer.call('complaints.create', phoneComplaint(CONFIDENTIAL));
    const mine = async () =>
      (await officer.call('audit.mine', { limit: 50 })).rows.find(
        (r) => r.method === 'complaints.create' && r.recordId === c.id,
      )!.changes;
    expect(await mine()).toMatchObject({ reporter_name: [null, 'Siti Nurhaliza'] });

    // The admin moves the officer to casework (complaints.read, no complaints.confidential).
    const id = await idOf(t.backend, 'petugas.aduan');
    const user = (await t.admin.call('users.list', {})).users.find((u) => u.id === id)!;
    await t.admin.call('users.update', {
      id,
      version: user.version,
      fullName: user.fullName,
      nip: user.nip,
      position: user.position,
      roles: ['caseworker'],
    });
    const hidden = await mine();
    expect(hidden).toMatchObject({
      reporter_name: [null, '[hidden]'],
      reporter_phone: [null, '[hidden]'],
      subject: [null, expect.any(String)],
    });
    expect(JSON.stringify(hidden)).not.toMatch(/Nurhaliza|4999 1234/);
    // Still stored in full: the admin, who holds the permission, sees it.
    const all = await t.admin.call('audit.list', { recordId: c.id, limit: 10 });
    expect(all.rows.find((r) => r.method === 'complaints.create')!.changes).toMatchObject({
      reporter_name: [null, 'Siti Nurhaliza'],
    });
  });
});
