import { describe, expect, it } from 'vitest';
import { appendAudit, entryHash, type AuditEntry } from '../../electron/backend/audit/chain';
import { inTransaction } from '../../electron/backend/dispatch/dispatch';
import { openOfficeKey } from '../../electron/backend/keys/officeKey';
import {
  auditRows,
  Client,
  createUser,
  idOf,
  OFFICE_INPUT,
  sessionFor,
  setUpOffice,
  userWithRoles,
} from './harness';

type T = Awaited<ReturnType<typeof setUpOffice>>;

/** Office updates: cheap audited writes (no password hashing). */
async function officeEdits(t: T, client: Client, n: number) {
  for (let i = 0; i < n; i++) {
    const { version } = await client.call('office.get', {});
    await client.call('office.update', { ...OFFICE_INPUT, maxStayDays: 7 + (i % 7), version });
  }
}

function dropTriggers(t: T) {
  t.backend.sqlite.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
}

const TRIGGERS = `
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`;

/** What someone with the file does: drop the guards, change rows, put the guards back. */
function tamper(t: T, change: () => void) {
  dropTriggers(t);
  change();
  t.backend.sqlite.exec(TRIGGERS);
}

type Row = Parameters<typeof entryHash>[1] & { prev_hash: string; hash: string };

/** Edits entry `seq` and recomputes every hash from there on, as a careful forger would. */
function rechain(t: T, seq: number, change: Partial<Row>) {
  const rows = t.backend.sqlite
    .prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq')
    .all(seq) as Row[];
  let prev = rows[0]!.prev_hash;
  const update = t.backend.sqlite.prepare(
    'UPDATE audit_log SET username = ?, prev_hash = ?, hash = ? WHERE seq = ?',
  );
  for (const [i, r] of rows.entries()) {
    const row = i === 0 ? { ...r, ...change } : r;
    const hash = entryHash(prev, row);
    update.run(row.username, prev, hash, row.seq);
    prev = hash;
  }
}

function kinds(report: { problems: { kind: string; seq: number | null }[] }) {
  return report.problems.map((p) => [p.kind, p.seq]);
}

describe('the audit trail records every write', () => {
  it('with user, method and record', async () => {
    const t = await setUpOffice();
    const adminId = await idOf(t.backend, 'admin');
    const u = await createUser(t, 'petugas', ['viewer']);
    await t.admin.call('users.update', {
      id: u.id,
      version: 1,
      fullName: 'Petugas',
      roles: ['viewer', 'caseworker'],
    });
    await t.admin.call('users.setActive', { id: u.id, version: 2, active: false });
    await t.admin.call('users.resetPassword', { id: u.id, newPassword: 'Sandi-Reset-2026' });
    const { version } = await t.admin.call('office.get', {});
    await t.admin.call('office.update', { ...OFFICE_INPUT, maxStayDays: 10, version });
    await t.admin.call('auth.logout', {});

    const rows = await auditRows(t.backend);
    const summary = rows.map((r) => [r.method, r.user_id, r.record_type, r.record_id, r.outcome]);
    expect(summary).toEqual([
      ['auth.setup', adminId, 'office', '1', 'ok'],
      ['auth.setup', adminId, 'user', adminId, 'ok'],
      ['users.create', adminId, 'user', u.id, 'ok'],
      ['users.update', adminId, 'user', u.id, 'ok'],
      ['users.setActive', adminId, 'user', u.id, 'ok'],
      ['users.resetPassword', adminId, 'user', u.id, 'ok'],
      ['office.update', adminId, 'office', '1', 'ok'],
      ['auth.logout', adminId, null, null, 'ok'],
    ]);
    for (const r of rows) {
      expect(r.username).toBe('admin');
      expect(r.at).toBe(t.clock.now.toISOString());
    }
  });

  it('is readable through audit.list, newest first, with parsed changes', async () => {
    const t = await setUpOffice();
    const { version } = await t.admin.call('office.get', {});
    await t.admin.call('office.update', { ...OFFICE_INPUT, maxStayDays: 14, version });
    const { rows } = await t.admin.call('audit.list', {});
    expect(rows[0]).toMatchObject({
      method: 'office.update',
      recordType: 'office',
      recordId: '1',
      username: 'admin',
      outcome: 'ok',
      changes: { max_stay_days: [7, 14] },
    });
    expect(rows.map((r) => r.seq)).toEqual([...rows.map((r) => r.seq)].sort((a, b) => b - a));
  });
});

describe('the hash chain', () => {
  it('verifies intact after many writes', async () => {
    const t = await setUpOffice();
    await officeEdits(t, t.admin, 30);
    const all = await auditRows(t.backend);
    expect(all.length).toBe(32);
    expect(await t.admin.call('audit.verify', {})).toMatchObject({
      intact: true,
      checked: 32,
      brokenAtSeq: null,
    });
  });

  it('refuses UPDATE and DELETE on the table itself', async () => {
    const t = await setUpOffice();
    expect(() =>
      t.backend.sqlite.exec(`UPDATE audit_log SET note = 'edited' WHERE seq = 1`),
    ).toThrow(/append-only/);
    expect(() => t.backend.sqlite.exec('DELETE FROM audit_log WHERE seq = 1')).toThrow(
      /append-only/,
    );
    expect(() => t.backend.sqlite.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    expect((await auditRows(t.backend)).length).toBe(2);
    expect((await t.admin.call('audit.verify', {})).intact).toBe(true);
  });

  it('keeps going after an edited row and reports every one', async () => {
    const t = await setUpOffice();
    await officeEdits(t, t.admin, 6);
    tamper(t, () => {
      const edit = t.backend.sqlite.prepare('UPDATE audit_log SET changes = ? WHERE seq = ?');
      edit.run(JSON.stringify({ max_stay_days: [7, 90] }), 3);
      edit.run(JSON.stringify({ max_stay_days: [7, 1] }), 6);
    });
    const report = await t.admin.call('audit.verify', {});
    expect(report).toMatchObject({ intact: false, checked: 8, brokenAtSeq: 3, problemCount: 2 });
    expect(kinds(report)).toEqual([
      ['edited', 3],
      ['edited', 6],
    ]);
  });

  it('detects an edited row whose hash was recomputed, at the next row', async () => {
    const t = await setUpOffice();
    await officeEdits(t, t.admin, 6);
    tamper(t, () => {
      const row = t.backend.sqlite.prepare('SELECT * FROM audit_log WHERE seq = 4').get() as Row;
      const hash = entryHash(row.prev_hash, { ...row, user_id: null, username: 'someone-else' });
      t.backend.sqlite
        .prepare('UPDATE audit_log SET user_id = NULL, username = ?, hash = ? WHERE seq = 4')
        .run('someone-else', hash);
    });
    const report = await t.admin.call('audit.verify', {});
    expect(report).toMatchObject({ intact: false, brokenAtSeq: 5 });
    expect(kinds(report)).toEqual([['relinked', 5]]);
  });

  it('detects a chain recomputed after an edit, against the signed head', async () => {
    const t = await setUpOffice();
    await officeEdits(t, t.admin, 6);
    tamper(t, () => rechain(t, 4, { username: 'someone-else' }));
    const report = await t.admin.call('audit.verify', {});
    expect(report.intact).toBe(false);
    expect(kinds(report)).toEqual([['head_mismatch', 8]]);
  });

  it('detects deleted middle rows and checks every row after them', async () => {
    const t = await setUpOffice();
    await officeEdits(t, t.admin, 6);
    tamper(t, () => t.backend.sqlite.exec('DELETE FROM audit_log WHERE seq IN (3, 4, 6)'));
    const report = await t.admin.call('audit.verify', {});
    expect(report).toMatchObject({ intact: false, checked: 5, brokenAtSeq: 3 });
    expect(report.problems.map((p) => [p.kind, p.seq, p.toSeq])).toEqual([
      ['missing', 3, 4],
      ['missing', 6, 6],
    ]);
  });

  it('detects the newest rows deleted, against the signed head and checkpoints', async () => {
    const t = await setUpOffice();
    await officeEdits(t, t.admin, 4);
    const noted = await t.admin.call('audit.verify', {});
    expect(noted).toMatchObject({ intact: true, headSeq: 6 });
    tamper(t, () => t.backend.sqlite.exec(`DELETE FROM audit_log WHERE seq >= 5`));
    const later = await t.admin.call('audit.verify', {});
    expect(later.intact).toBe(false);
    expect(later.problems.map((p) => [p.kind, p.seq, p.toSeq])).toEqual([
      ['truncated', 5, 6],
      // The office profile is now newer than its last remaining audited state.
      ['row_changed', 4, null],
    ]);
  });

  it('detects a forged row appended outside Pelita, even with a correct hash', async () => {
    const t = await setUpOffice();
    await officeEdits(t, t.admin, 2);
    tamper(t, () => {
      const last = t.backend.sqlite
        .prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1')
        .get() as Row;
      const forged = { ...last, seq: last.seq + 1, method: 'persons.update', note: 'forged' };
      const hash = entryHash(last.hash, forged);
      t.backend.sqlite
        .prepare(
          `INSERT INTO audit_log (seq, at, user_id, username, method, record_type, record_id,
           outcome, changes, note, row_table, row_hash, prev_hash, hash)
           VALUES (@seq, @at, @user_id, @username, @method, @record_type, @record_id,
           @outcome, @changes, @note, @row_table, @row_hash, @prev_hash, @hash)`,
        )
        .run({ ...forged, prev_hash: last.hash, hash });
    });
    const report = await t.admin.call('audit.verify', {});
    expect(report.intact).toBe(false);
    expect(report.problems.map((p) => [p.kind, p.seq, p.toSeq])).toEqual([['unsigned_tail', 5, 5]]);
  });

  it('detects the append-only triggers dropped or emptied', async () => {
    const t = await setUpOffice();
    dropTriggers(t);
    t.backend.sqlite.exec(`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT 1; END;`);
    const report = await t.admin.call('audit.verify', {});
    expect(report.intact).toBe(false);
    expect(report.problems.map((p) => [p.kind, p.detail])).toEqual([
      ['trigger_missing', 'audit_log_no_update'],
      ['trigger_missing', 'audit_log_no_delete'],
    ]);
    expect(report.triggers.filter((x) => !x.present).map((x) => x.name)).toHaveLength(2);
  });

  it('verifies long trails and finds tampering past the first thousand rows', async () => {
    const t = await setUpOffice();
    const entries: AuditEntry[] = Array.from({ length: 2500 }, (_, i) => ({
      at: t.clock.now.toISOString(),
      userId: null,
      username: 'bench',
      method: 'office.update',
      recordType: 'office',
      recordId: '1',
      outcome: 'ok',
      changes: { max_stay_days: [i, i + 1] },
    }));
    await inTransaction(t.backend.db, (trx) => appendAudit(trx, entries, openOfficeKey(t.dir)));
    const before = await t.admin.call('audit.verify', {});
    expect(before).toMatchObject({ intact: true, checked: 2502, brokenAtSeq: null });
    // The start checkpoint, and one signed by the append that crossed entry 500.
    expect(before.checkpoints).toBe(2);
    expect(before.checkpoint).toMatchObject({ seq: 2502, reason: 'interval' });
    tamper(t, () => t.backend.sqlite.exec(`UPDATE audit_log SET note = 'x' WHERE seq = 2100`));
    expect(await t.admin.call('audit.verify', {})).toMatchObject({
      intact: false,
      checked: 2502,
      brokenAtSeq: 2100,
      problemCount: 1,
    });
  });

  it('hashes exactly what it stores: a lone surrogate in a note still verifies', async () => {
    const t = await setUpOffice();
    const entry: AuditEntry = {
      at: t.clock.now.toISOString(),
      userId: null,
      username: 'x\ud800',
      method: 'office.update',
      outcome: 'ok',
      note: 'cek \ud800',
      changes: { note: ['a\udfff', null] },
    };
    await inTransaction(t.backend.db, (trx) => appendAudit(trx, [entry], openOfficeKey(t.dir)));
    const stored = (await auditRows(t.backend)).at(-1)!;
    expect(stored.note).toBe('cek \ufffd');
    expect(await t.admin.call('audit.verify', {})).toMatchObject({ intact: true, checked: 3 });
  });
});

describe('audit.list filters and paging', () => {
  it('filters by user, method, record type and record id', async () => {
    const t = await setUpOffice();
    const adminId = await idOf(t.backend, 'admin');
    const staff = await userWithRoles(t, 'petugas', ['viewer']);
    const staffId = await idOf(t.backend, 'petugas');
    await staff.fail('users.list', {}); // denied
    await officeEdits(t, t.admin, 2);

    const byStaff = await t.admin.call('audit.list', { userId: staffId });
    expect(byStaff.rows.map((r) => [r.method, r.outcome])).toEqual([
      ['users.list', 'denied'],
      ['auth.changePassword', 'ok'],
      ['auth.login', 'ok'],
    ]);
    expect(byStaff.rows.every((r) => r.userId === staffId)).toBe(true);

    const byMethod = await t.admin.call('audit.list', { method: 'office.update' });
    expect(byMethod.rows).toHaveLength(2);
    expect(byMethod.rows.every((r) => r.method === 'office.update' && r.userId === adminId)).toBe(
      true,
    );

    const aboutStaff = await t.admin.call('audit.list', { recordType: 'user', recordId: staffId });
    expect(aboutStaff.rows.map((r) => r.method)).toEqual([
      'auth.changePassword',
      'auth.login',
      'users.create',
    ]);
    const offices = await t.admin.call('audit.list', { recordType: 'office' });
    expect(offices.rows.map((r) => r.method)).toEqual([
      'office.update',
      'office.update',
      'auth.setup',
    ]);

    const none = await t.admin.call('audit.list', { method: 'users.delete' });
    expect(none).toEqual({ rows: [], next: null, prev: null });
  });

  it('interprets from/to as days in the office time zone (WITA)', async () => {
    // 10:00 UTC on 26 Nov is 18:00 WITA on 26 Nov.
    const t = await setUpOffice(new Date('2026-11-26T10:00:00Z'));
    const adminId = await idOf(t.backend, 'admin');
    const at = async (iso: string, maxStayDays: number) => {
      t.clock.now = new Date(iso);
      const c = await sessionFor(t.backend, adminId, t.clock.now);
      const { version } = await c.call('office.get', {});
      await c.call('office.update', { ...OFFICE_INPUT, maxStayDays, version });
    };
    await at('2026-11-26T15:59:59Z', 8); // 23:59:59 WITA, 26 Nov
    await at('2026-11-26T17:30:00Z', 9); // 01:30 WITA, 27 Nov (still 26 Nov in UTC)
    await at('2026-11-27T15:59:00Z', 10); // 23:59 WITA, 27 Nov
    await at('2026-11-27T16:00:00Z', 11); // 00:00 WITA, 28 Nov

    const reader = await sessionFor(t.backend, adminId, t.clock.now);
    const days = async (from?: string, to?: string) =>
      (await reader.call('audit.list', { method: 'office.update', from, to })).rows.map(
        (r) => (r.changes!.max_stay_days as [number, number])[1],
      );
    expect(await days('2026-11-27', '2026-11-27')).toEqual([10, 9]);
    expect(await days('2026-11-26', '2026-11-26')).toEqual([8]);
    expect(await days('2026-11-28')).toEqual([11]);
    expect(await days(undefined, '2026-11-27')).toEqual([10, 9, 8]);
    expect(await days('2026-11-29')).toEqual([]);
  });

  it('refuses impossible dates', async () => {
    const t = await setUpOffice();
    const err = await t.admin.fail('audit.list', { from: '2026-02-30' });
    expect(err.issues).toEqual([{ path: ['from'], key: 'validation.date' }]);
  });

  it('pages with `after` and returns every row exactly once', async () => {
    const t = await setUpOffice();
    await officeEdits(t, t.admin, 10);
    const all = (await auditRows(t.backend)).map((r) => r.seq).reverse();
    expect(all).toHaveLength(12);

    const seen: number[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await t.admin.call('audit.list', { limit: 5, after });
      seen.push(...page.rows.map((r) => r.seq));
      pages += 1;
      expect(page.prev === null).toBe(pages === 1);
      if (page.next === null) break;
      expect(page.rows).toHaveLength(5);
      after = page.next;
    }
    expect(seen).toEqual(all);
    expect(pages).toBe(3);

    // A full last page does not promise another one.
    const exact = await t.admin.call('audit.list', { limit: 12 });
    expect(exact.rows).toHaveLength(12);
    expect(exact.next).toBeNull();
  });

  it('goes back a page with `before`, and sorts oldest first on request', async () => {
    const t = await setUpOffice();
    await officeEdits(t, t.admin, 10);
    const all = (await auditRows(t.backend)).map((r) => r.seq).reverse();
    const second = await t.admin.call('audit.list', { limit: 5, after: String(all[4]) });
    expect(second.rows.map((r) => r.seq)).toEqual(all.slice(5, 10));
    const back = await t.admin.call('audit.list', { limit: 5, before: second.prev! });
    expect(back.rows.map((r) => r.seq)).toEqual(all.slice(0, 5));
    expect(back.prev).toBeNull();
    expect(back.next).toBe(String(all[4]));

    const oldest = await t.admin.call('audit.list', { limit: 5, sort: 'oldest' });
    expect(oldest.rows.map((r) => r.seq)).toEqual([...all].reverse().slice(0, 5));
    const err = await t.admin.fail('audit.list', { after: 'x1' });
    expect(err.issues).toEqual([{ path: ['after'], key: 'validation.invalid_format' }]);
  });

  it('pages within a filter', async () => {
    const t = await setUpOffice();
    await officeEdits(t, t.admin, 7);
    const seen: number[] = [];
    let after: string | undefined;
    do {
      const page = await t.admin.call('audit.list', { method: 'office.update', limit: 3, after });
      seen.push(...page.rows.map((r) => r.seq));
      after = page.next ?? undefined;
    } while (after !== undefined);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });
});

describe('audit.mine', () => {
  it('shows only the caller’s own entries', async () => {
    const t = await setUpOffice();
    const staff = await userWithRoles(t, 'petugas', ['caseworker']);
    const staffId = await idOf(t.backend, 'petugas');
    await officeEdits(t, t.admin, 3);

    const mine = await staff.call('audit.mine', {});
    expect(mine.rows.map((r) => r.method)).toEqual(['auth.changePassword', 'auth.login']);
    expect(mine.rows.every((r) => r.userId === staffId)).toBe(true);

    const adminMine = await t.admin.call('audit.mine', { limit: 2 });
    expect(adminMine.rows.map((r) => r.method)).toEqual(['office.update', 'office.update']);
    expect(adminMine.rows.every((r) => r.username === 'admin')).toBe(true);
  });
});
