/**
 * Calls arriving at the same time (several windows, several PCs on the browser host) must not
 * break the audit chain, lose an update or miscount failed sign-ins.
 */
import { describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  Client,
  countRows,
  makeBackend,
  OFFICE_INPUT,
  setUpOffice,
} from './harness';

describe('concurrent calls', () => {
  it('keep the audit chain intact and every write recorded once', async () => {
    const t = await setUpOffice();
    const { version } = await t.admin.call('office.get', {});
    const results = await Promise.all([
      ...['ani', 'budi', 'citra'].map((u) =>
        t.admin.raw('users.create', {
          username: u,
          fullName: u,
          roles: ['viewer'],
          password: 'Kunci-Pertama-2026',
        }),
      ),
      t.admin.raw('office.update', { ...OFFICE_INPUT, maxStayDays: 10, version }),
      t.admin.raw('audit.list', {}),
      new Client(t.backend).raw('auth.login', { username: 'admin', password: 'Salah-Sandi-2026' }),
    ]);
    expect(results.slice(0, 5).every((r) => r.ok)).toBe(true);
    const rows = t.backend.sqlite
      .prepare('SELECT seq, method FROM audit_log ORDER BY seq')
      .all() as {
      seq: number;
      method: string;
    }[];
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.filter((r) => r.method === 'users.create')).toHaveLength(3);
    expect(rows.filter((r) => r.method === 'office.update')).toHaveLength(1);
    expect(rows.filter((r) => r.method === 'auth.login')).toHaveLength(1);
    expect(await t.admin.call('audit.verify', {})).toMatchObject({
      intact: true,
      brokenAtSeq: null,
    });
  });

  it('let only one of two saves from the same version win', async () => {
    const t = await setUpOffice();
    const [a, b] = await Promise.all([
      t.admin.raw('office.update', { ...OFFICE_INPUT, maxStayDays: 10, version: 1 }),
      t.admin.raw('office.update', { ...OFFICE_INPUT, maxStayDays: 14, version: 1 }),
    ]);
    const outcomes = [a!, b!].map((r) => (r.ok ? 'ok' : r.error.code)).sort();
    expect(outcomes).toEqual(['CONFLICT', 'ok']);
    const winner = a!.ok ? 10 : 14;
    expect(await t.admin.call('office.get', {})).toMatchObject({ maxStayDays: winner, version: 2 });
  });

  it('count every one of simultaneous wrong passwords', async () => {
    const t = await setUpOffice();
    const attempts = await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        new Client(t.backend).raw('auth.login', {
          username: 'admin',
          password: `Salah-Sandi-${i}x`,
        }),
      ),
    );
    expect(attempts.every((r) => !r.ok)).toBe(true);
    const row = await t.backend.db
      .selectFrom('users')
      .select(['failed_attempts', 'locked_until'])
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    expect(row.failed_attempts).toBe(5);
    expect(row.locked_until).not.toBeNull();
  });

  it('let only one of two simultaneous first-run setups through', async () => {
    const t = await makeBackend();
    const setup = (username: string) =>
      new Client(t.backend).raw('auth.setup', {
        office: OFFICE_INPUT,
        admin: { username, fullName: username, password: ADMIN_PASSWORD },
      });
    const outcomes = (await Promise.all([setup('pertama'), setup('kedua')]))
      .map((r) => (r.ok ? 'ok' : r.error.key))
      .sort();
    expect(outcomes).toEqual(['auth.error.setupDone', 'ok']);
    expect(await countRows(t.backend, 'users')).toBe(1);
    expect(await countRows(t.backend, 'office')).toBe(1);
  });
});
