/**
 * "Keep my identity confidential": reporter details reach only roles with
 * complaints.confidential — in every read method, in search, and in the audit trail.
 */
import { describe, expect, it } from 'vitest';
import { redactForReader } from '../../electron/backend/audit/redaction';
import { handlers } from '../../electron/backend/handlers';
import { contract } from '../../shared/contract';
import type { Ctx } from '../../electron/backend/dispatch/context';
import { auditRows, idOf, setUpOffice, userWithRoles } from './harness';
import { phoneComplaint } from './complaintsFixtures';

const SECRET = {
  reporterName: 'Siti Nurhaliza',
  reporterPhone: '0813 4999 1234',
  reporterAddress: 'Jl. Mistar Cokrokusumo No. 9',
  reporterRelation: 'Tetangga',
  reporterConfidential: true,
};

async function office() {
  const t = await setUpOffice();
  const officer = await userWithRoles(t, 'petugas.aduan', ['complaint_officer']);
  const viewer = await userWithRoles(t, 'pimpinan', ['viewer']);
  const caseworker = await userWithRoles(t, 'peksos', ['caseworker']);
  const c = await officer.call(
    'complaints.create',
    phoneComplaint({
      ...SECRET,
      subject: 'Dugaan penelantaran anak oleh orang tua',
      description: 'Anak usia 6 tahun sering ditinggal sendirian berhari-hari.',
    }),
  );
  return { ...t, officer, viewer, caseworker, c };
}

describe('confidential reporters', () => {
  it('are visible to the complaint officer, and each look is recorded', async () => {
    const t = await office();
    const got = await t.officer.call('complaints.get', { id: t.c.id });
    expect(got).toMatchObject({
      reporterName: 'Siti Nurhaliza',
      reporterPhone: '0813 4999 1234',
      reporterHidden: false,
      reporterConfidential: true,
    });
    const last = (await auditRows(t.backend)).at(-1)!;
    expect(last).toMatchObject({
      method: 'complaints.get',
      record_id: t.c.id,
      note: 'confidential_read',
      username: 'petugas.aduan',
    });
  });

  it('are masked in lists for everyone, the complaint officer too', async () => {
    const t = await office();
    const before = (await auditRows(t.backend)).length;
    for (const reader of [t.officer, t.admin]) {
      const list = await reader.call('complaints.list', {});
      expect(list.rows[0]).toMatchObject({ reporterName: null, reporterHidden: true });
      expect(JSON.stringify(list)).not.toMatch(/Nurhaliza|4999 1234|Mistar/);
    }
    // Nothing revealed, nothing to record.
    expect((await auditRows(t.backend)).slice(before)).toEqual([]);
    // A reporter who did not ask for confidentiality stays in the list.
    await t.officer.call('complaints.create', phoneComplaint({ reporterName: 'Bambang Sutejo' }));
    const list = await t.viewer.call('complaints.list', { q: 'Sutejo' });
    expect(list.rows[0]).toMatchObject({ reporterName: 'Bambang Sutejo', reporterHidden: false });
  });

  it('found by the reporter’s name: the match is recorded as a read, the row stays masked', async () => {
    const t = await office();
    const other = await t.officer.call(
      'complaints.create',
      phoneComplaint({ subject: 'Nurhaliza meminta bantuan sembako' }),
    );
    const before = (await auditRows(t.backend)).length;
    const list = await t.officer.call('complaints.list', { q: 'Nurhaliza' });
    expect(list.rows.map((r) => r.id).sort()).toEqual([t.c.id, other.id].sort());
    expect(list.rows.find((r) => r.id === t.c.id)).toMatchObject({
      reporterName: null,
      reporterHidden: true,
    });
    // Only the complaint found through its confidential reporter is a read of that reporter.
    expect((await auditRows(t.backend)).slice(before)).toMatchObject([
      {
        method: 'complaints.list',
        username: 'petugas.aduan',
        record_type: 'complaint',
        record_id: t.c.id,
        note: 'confidential_search',
      },
    ]);
  });

  it('returned after a change are recorded as a read too', async () => {
    const t = await office();
    const before = (await auditRows(t.backend)).length;
    const got = await t.officer.call('complaints.transition', {
      id: t.c.id,
      version: t.c.version,
      to: 'verified',
      note: 'Dicek oleh TKSK di lokasi.',
    });
    expect(got).toMatchObject({ reporterName: 'Siti Nurhaliza' });
    const added = (await auditRows(t.backend)).slice(before);
    expect(added.filter((r) => r.note === 'confidential_read')).toMatchObject([
      { method: 'complaints.transition', record_id: t.c.id, username: 'petugas.aduan' },
    ]);
  });

  it('are hidden from the viewer and the caseworker in get and list', async () => {
    const t = await office();
    for (const reader of [t.viewer, t.caseworker]) {
      const got = await reader.call('complaints.get', { id: t.c.id });
      expect(got).toMatchObject({
        reporterName: null,
        reporterPhone: null,
        reporterAddress: null,
        reporterRelation: null,
        reporterHidden: true,
        reporterConfidential: true,
      });
      const list = await reader.call('complaints.list', {});
      expect(list.rows[0]).toMatchObject({ reporterName: null, reporterHidden: true });
      expect(JSON.stringify([got, list])).not.toMatch(/Nurhaliza|4999 1234|Mistar/);
    }
  });

  it('cannot be found by searching for the reporter without the permission', async () => {
    const t = await office();
    expect((await t.viewer.call('complaints.list', { q: 'Nurhaliza' })).total).toBe(0);
    expect((await t.officer.call('complaints.list', { q: 'Nurhaliza' })).total).toBe(1);
    // Non-confidential reporters stay searchable for everyone.
    await t.officer.call('complaints.create', phoneComplaint({ reporterName: 'Bambang Sutejo' }));
    expect((await t.viewer.call('complaints.list', { q: 'Sutejo' })).total).toBe(1);
  });

  it('are redacted from complaint diffs in the audit trail for callers without the permission', async () => {
    const t = await office();
    // Only the admin reads the audit trail today, and holds every permission: the trail as a
    // list hides the details from the admin too; the complaint's own history shows them.
    const trail = await t.admin.call('audit.list', { recordType: 'complaint', limit: 10 });
    const listed = trail.rows.find((r) => r.method === 'complaints.create')!;
    expect(listed.changes?.reporter_name).toEqual([null, '[hidden]']);
    const history = await t.admin.call('audit.list', { recordId: t.c.id, limit: 10 });
    const created = history.rows.find((r) => r.method === 'complaints.create')!;
    expect(created.changes?.reporter_name).toEqual([null, 'Siti Nurhaliza']);

    // The hook itself, for a caller without the permission (the handler behind audit.list).
    const viewerId = await idOf(t.backend, 'pimpinan');
    const ctx = {
      db: t.backend.db,
      user: {
        id: viewerId,
        username: 'pimpinan',
        roles: ['viewer'],
        sessionId: 'x',
        fullName: 'P',
        mustChangePassword: false,
      },
      now: t.clock.now,
      nowIso: t.clock.now.toISOString(),
      method: 'audit.list',
      audit: () => undefined,
      startSession: async () => undefined,
      endSession: async () => undefined,
    } as unknown as Ctx;
    const asViewer = await handlers['audit.list'](
      { recordType: 'complaint', recordId: t.c.id, limit: 10 } as never,
      ctx,
    );
    const hidden = asViewer.rows.find((r) => r.method === 'complaints.create')!;
    expect(hidden.changes).toMatchObject({
      reporter_name: [null, '[hidden]'],
      reporter_phone: [null, '[hidden]'],
      reporter_address: [null, '[hidden]'],
      reporter_relation: [null, '[hidden]'],
      reporter_confidential: [null, 1],
      subject: [null, 'Dugaan penelantaran anak oleh orang tua'],
    });
    expect(JSON.stringify(asViewer)).not.toMatch(/Nurhaliza|4999 1234|Mistar|Tetangga/);
  });

  it('redaction keeps nulls and leaves other fields and record types alone', () => {
    const changes = {
      reporter_name: [null, 'A'] as [unknown, unknown],
      reporter_phone: ['081', null] as [unknown, unknown],
      status: ['received', 'verified'] as [unknown, unknown],
    };
    const redact = (roles: Parameters<typeof redactForReader>[2], reveal = true) =>
      redactForReader('complaint', changes, roles, reveal);
    expect(redact(['viewer'])).toEqual({
      reporter_name: [null, '[hidden]'],
      reporter_phone: ['[hidden]', null],
      status: ['received', 'verified'],
    });
    expect(redact(['complaint_officer'])).toBe(changes);
    // Without `reveal` (a list of the trail), hidden from everyone.
    expect(redact(['complaint_officer'], false).reporter_name).toEqual([null, '[hidden]']);
    expect(redact(['admin'], false).reporter_phone).toEqual(['[hidden]', null]);
    expect(redact(null).reporter_name).toEqual([null, '[hidden]']);
    // Another record type with the same field names is not a complaint.
    expect(redactForReader('stay', changes, ['viewer'])).toBe(changes);
  });

  it('cannot be overwritten by someone who cannot see them', async () => {
    const t = await office();
    // No role writes complaints without the confidential permission today; the handler is
    // called directly as such a caller to show it keeps the hidden details safe.
    const viewerId = await idOf(t.backend, 'pimpinan');
    const ctx = {
      db: t.backend.db,
      user: {
        id: viewerId,
        username: 'pimpinan',
        roles: ['viewer'],
        sessionId: 'x',
        fullName: 'P',
        mustChangePassword: false,
      },
      now: t.clock.now,
      nowIso: t.clock.now.toISOString(),
      method: 'complaints.update',
      audit: () => undefined,
    } as unknown as Ctx;
    const {
      kind: _kind,
      reporterName: _n,
      reporterPhone: _p,
      reporterAddress: _a,
      reporterRelation: _r,
      ...intake
    } = phoneComplaint();
    const base = { ...intake, id: t.c.id, version: t.c.version, description: t.c.description };
    const parsed = (input: unknown) =>
      (handlers['complaints.update'] as (i: unknown, c: Ctx) => Promise<unknown>)(
        contract['complaints.update'].input.parse(input),
        ctx,
      );
    await expect(parsed({ ...base, reporterName: null })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const kept = (await parsed({ ...base, subject: 'Dugaan penelantaran anak (diperbaiki)' })) as {
      reporterHidden: boolean;
    };
    expect(kept.reporterHidden).toBe(true);
    const seen = await t.officer.call('complaints.get', { id: t.c.id });
    expect(seen).toMatchObject({
      subject: 'Dugaan penelantaran anak (diperbaiki)',
      reporterName: 'Siti Nurhaliza',
      reporterPhone: '0813 4999 1234',
    });
  });
});
