import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tokenId } from '../../electron/backend/auth/sessions';
import type { Handlers } from '../../electron/backend/dispatch/dispatch';
import { permissionsOf } from '../../shared/roles';
import { handlers } from '../../electron/backend/handlers';
import {
  ADMIN_PASSWORD,
  auditRows,
  CHANGED_PASSWORD,
  Client,
  countRows,
  createUser,
  dispatcherWith,
  idOf,
  makeBackend,
  OFFICE_INPUT,
  sessionFor,
  setUpOffice,
  userWithRoles,
} from './harness';

const MINUTE = 60_000;

afterEach(() => {
  vi.restoreAllMocks();
});

const SETUP_ADMIN = { username: 'admin', fullName: 'Admin Pelita', password: ADMIN_PASSWORD };

async function expectNothingSaved(t: Awaited<ReturnType<typeof makeBackend>>) {
  expect(await countRows(t.backend, 'users')).toBe(0);
  expect(await countRows(t.backend, 'user_roles')).toBe(0);
  expect(await countRows(t.backend, 'office')).toBe(0);
  expect(await countRows(t.backend, 'sessions')).toBe(0);
  expect(await countRows(t.backend, 'audit_log')).toBe(0);
  const status = await new Client(t.backend).call('auth.status', {});
  expect(status.setupDone).toBe(false);
}

describe('first-run setup', () => {
  it('creates the office and the first admin, and signs the admin in', async () => {
    const t = await makeBackend();
    const c = new Client(t.backend);
    expect(await c.call('auth.status', {})).toEqual({
      setupDone: false,
      officeName: null,
      timeZone: 'Asia/Makassar',
    });

    const me = await c.call('auth.setup', { office: OFFICE_INPUT, admin: SETUP_ADMIN });
    expect(me).toMatchObject({
      username: 'admin',
      fullName: 'Admin Pelita',
      roles: ['admin'],
      permissions: permissionsOf(['admin']),
      mustChangePassword: false,
    });
    expect(me.permissions).toEqual(
      expect.arrayContaining(['users.manage', 'office.manage', 'audit.read']),
    );
    expect(c.token).toBeTruthy();
    expect((await c.call('auth.me', {})).id).toBe(me.id);

    expect(await c.call('auth.status', {})).toEqual({
      setupDone: true,
      officeName: OFFICE_INPUT.name,
      timeZone: 'Asia/Makassar',
    });
    const office = await c.call('office.get', {});
    expect(office).toMatchObject({
      name: OFFICE_INPUT.name,
      regionCode: '63.72',
      regionName: 'Kota Banjarbaru',
      headNip: OFFICE_INPUT.headNip,
      maxStayDays: 7,
      version: 1,
    });
    // The admin's own first password is theirs: no forced change.
    const other = new Client(t.backend);
    await other.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD });

    const rows = await auditRows(t.backend);
    expect(rows.filter((r) => r.method === 'auth.setup')).toHaveLength(2);
    for (const r of rows.filter((x) => x.method === 'auth.setup')) {
      expect(r).toMatchObject({ user_id: me.id, username: 'admin', outcome: 'ok' });
    }
    expect(rows.map((r) => r.record_type).sort()).toContain('office');
  });

  it('refuses a second setup and changes nothing', async () => {
    const t = await setUpOffice();
    const before = await t.backend.db.selectFrom('office').selectAll().execute();
    const err = await new Client(t.backend).fail('auth.setup', {
      office: { ...OFFICE_INPUT, name: 'Kantor Palsu' },
      admin: { username: 'penyusup', fullName: 'Penyusup', password: 'Rahasia-Sekali-99' },
    });
    expect(err).toMatchObject({ code: 'CONFLICT', key: 'auth.error.setupDone' });
    expect(await t.backend.db.selectFrom('office').selectAll().execute()).toEqual(before);
    expect(await countRows(t.backend, 'users')).toBe(1);
  });

  it.each([
    ['short', 'Abc-123', 'password.too_short'],
    ['no digits', 'Tidak-Ada-Angka', 'password.needs_mix'],
    ['contains the username', 'Kepala-Dinas-2026', 'password.contains_username'],
    ['common', 'Password123', 'password.too_common'],
  ])('refuses a weak admin password (%s) on admin.password', async (_label, password, key) => {
    const t = await makeBackend();
    const err = await new Client(t.backend).fail('auth.setup', {
      office: OFFICE_INPUT,
      admin: { username: 'kepala', fullName: 'Kepala', password },
    });
    expect(err.code).toBe('VALIDATION');
    expect(err.issues).toContainEqual(
      expect.objectContaining({ path: ['admin', 'password'], key }),
    );
    await expectNothingSaved(t);
  });

  it.each([
    ['an unknown code', '99.99', 'region.unknown'],
    ['a province', '63', 'office.region_level'],
    ['a district', '63.72.01', 'office.region_level'],
  ])('refuses %s as the office region, on office.regionCode', async (_label, regionCode, key) => {
    const t = await makeBackend();
    const err = await new Client(t.backend).fail('auth.setup', {
      office: { ...OFFICE_INPUT, regionCode },
      admin: SETUP_ADMIN,
    });
    expect(err.code).toBe('VALIDATION');
    expect(err.issues).toContainEqual(
      expect.objectContaining({ path: ['office', 'regionCode'], key }),
    );
    await expectNothingSaved(t);
  });

  it('saves nothing when setup fails after writing (one transaction)', async () => {
    const t = await makeBackend();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const failing: Handlers = {
      ...handlers,
      async 'auth.setup'(input, ctx) {
        await handlers['auth.setup'](input, ctx);
        throw new Error('disk full');
      },
    };
    const dispatch = dispatcherWith(t, failing);
    const r = await dispatch(null, 'auth.setup', { office: OFFICE_INPUT, admin: SETUP_ADMIN });
    expect(r.response).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', key: 'error.internal' },
    });
    expect(r.session).toBeUndefined();
    await expectNothingSaved(t);
    // And the real setup still works afterwards.
    await new Client(t.backend).call('auth.setup', { office: OFFICE_INPUT, admin: SETUP_ADMIN });
  });
});

describe('sign-in', () => {
  it('signs in with the right password, whatever the case of the username', async () => {
    const t = await setUpOffice();
    const c = new Client(t.backend);
    const me = await c.call('auth.login', { username: '  ADMIN ', password: ADMIN_PASSWORD });
    expect(me.username).toBe('admin');
    expect(c.token).toBeTruthy();
    expect(c.token).not.toBe(t.admin.token);
    expect((await c.call('auth.me', {})).id).toBe(me.id);
    const row = await t.backend.db
      .selectFrom('users')
      .select(['last_login_at', 'failed_attempts'])
      .where('id', '=', me.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ last_login_at: t.clock.now.toISOString(), failed_attempts: 0 });
    const last = (await auditRows(t.backend)).at(-1)!;
    expect(last).toMatchObject({ method: 'auth.login', user_id: me.id, outcome: 'ok' });
  });

  it('accepts the same accented password however the keyboard composes it', async () => {
    const t = await setUpOffice();
    const composed = 'Kopi-Caf\u00e9-2026';
    const decomposed = 'Kopi-Cafe\u0301-2026';
    await t.admin.call('auth.changePassword', {
      currentPassword: ADMIN_PASSWORD,
      newPassword: composed,
    });
    await new Client(t.backend).call('auth.login', { username: 'admin', password: decomposed });
  });

  it('replaces an expired session when signing in again', async () => {
    const t = await setUpOffice();
    const old = t.admin.token;
    t.clock.advance(31 * MINUTE);
    const r = await t.backend.dispatch(old, 'auth.login', {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    expect(r.response.ok).toBe(true);
    expect(r.session).toMatchObject({ set: expect.any(String) });
    expect((r.session as { set: string }).set).not.toBe(old);
  });

  it('refuses a wrong password and an unknown user with the same message', async () => {
    const t = await setUpOffice();
    const c = new Client(t.backend);
    const wrong = await c.fail('auth.login', { username: 'admin', password: 'Salah-Sandi-2026' });
    const unknown = await c.fail('auth.login', { username: 'hantu', password: ADMIN_PASSWORD });
    for (const err of [wrong, unknown]) {
      expect(err).toMatchObject({ code: 'UNAUTHENTICATED', key: 'auth.error.invalid' });
    }
    expect(wrong.message).toEqual(unknown.message);
    expect(c.token).toBeNull();
  });

  it('audits failed sign-ins as denied and keeps the failure count, although the call fails', async () => {
    const t = await setUpOffice();
    const adminId = await idOf(t.backend, 'admin');
    const before = await countRows(t.backend, 'audit_log');
    const c = new Client(t.backend);
    await c.fail('auth.login', { username: 'admin', password: 'Salah-Sandi-2026' });
    await c.fail('auth.login', { username: 'admin', password: 'Salah-Sandi-2027' });
    await c.fail('auth.login', { username: 'hantu', password: 'Salah-Sandi-2026' });

    const user = await t.backend.db
      .selectFrom('users')
      .select('failed_attempts')
      .where('id', '=', adminId)
      .executeTakeFirstOrThrow();
    expect(user.failed_attempts).toBe(2);

    const rows = (await auditRows(t.backend)).slice(before);
    expect(rows).toHaveLength(3);
    // Not the account owner's own action, and never the typed text (it may be a password typed
    // into the name box): the account is the record, an unknown name only a marker.
    expect(rows[0]).toMatchObject({
      method: 'auth.login',
      outcome: 'denied',
      user_id: null,
      username: 'admin',
      record_type: 'user',
      record_id: adminId,
      note: 'wrong_password',
    });
    expect(rows[2]).toMatchObject({
      method: 'auth.login',
      outcome: 'denied',
      user_id: null,
      username: null,
      record_id: null,
      note: 'unknown_user',
    });
    // No password, right or wrong, and no typed name reaches the trail.
    expect(JSON.stringify(rows)).not.toContain('Salah-Sandi');
    expect(JSON.stringify(rows)).not.toContain('hantu');
    // The owner's "my recent activity" does not show someone else's attempts on the account.
    const mine = await t.admin.call('audit.mine', { limit: 50 });
    expect(mine.rows.filter((r) => r.method === 'auth.login' && r.outcome === 'denied')).toEqual(
      [],
    );
    const onRecord = await t.admin.call('audit.list', {
      recordType: 'user',
      recordId: adminId,
      limit: 50,
    });
    expect(onRecord.rows.filter((r) => r.outcome === 'denied')).toHaveLength(2);
  });

  it('blocks a name after 5 failures, even for the right password, until 15 minutes pass', async () => {
    const t = await setUpOffice();
    const c = new Client(t.backend);
    for (let i = 1; i <= 4; i++) {
      const err = await c.fail('auth.login', { username: 'admin', password: `Salah-Sandi-${i}x` });
      expect(err.key).toBe('auth.error.invalid');
    }
    const fifth = await c.fail('auth.login', { username: 'admin', password: 'Salah-Sandi-5x' });
    expect(fifth).toMatchObject({
      code: 'UNAUTHENTICATED',
      key: 'auth.error.tooMany',
      params: { minutes: 15 },
    });

    // 02:00Z is 10:00 WITA; the block ends 15 minutes later.
    const untilIso = new Date(t.clock.now.getTime() + 15 * MINUTE).toISOString();
    t.clock.advance(MINUTE);
    const sixth = await c.fail('auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(sixth).toMatchObject({ code: 'UNAUTHENTICATED', key: 'auth.error.tooMany' });
    expect(sixth.params).toMatchObject({ minutes: 14, untilIso });
    expect(String(sixth.params?.until)).toMatch(/10[.:]15/);
    expect(sixth.message.id).toContain('14 menit');
    expect(sixth.message.en).toContain('14 min');
    expect(c.token).toBeNull();

    const denied = (await auditRows(t.backend)).filter(
      (r) => r.method === 'auth.login' && r.outcome === 'denied',
    );
    expect(denied.map((r) => r.note)).toEqual([
      'wrong_password',
      'wrong_password',
      'wrong_password',
      'wrong_password',
      'lockout_started',
      'throttled',
    ]);

    t.clock.advance(13 * MINUTE); // 14 minutes after the block
    expect((await c.fail('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).key).toBe(
      'auth.error.tooMany',
    );
    t.clock.advance(MINUTE); // 15 minutes
    await c.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    const row = await t.backend.db
      .selectFrom('users')
      .select(['failed_attempts', 'locked_until'])
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ failed_attempts: 0, locked_until: null });
  });

  it('starts a fresh count after a lock expires', async () => {
    const t = await setUpOffice();
    const c = new Client(t.backend);
    for (let i = 1; i <= 5; i++) {
      await c.fail('auth.login', { username: 'admin', password: `Salah-Sandi-${i}x` });
    }
    t.clock.advance(16 * MINUTE);
    // One more mistake after the lock is a first mistake, not a new lock.
    const err = await c.fail('auth.login', { username: 'admin', password: 'Salah-Sandi-6x' });
    expect(err.key).toBe('auth.error.invalid');
    await c.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD });
  });

  it('refuses a disabled account, but only with the right password', async () => {
    const t = await setUpOffice();
    const u = await createUser(t, 'petugas', ['caseworker']);
    const row = await t.admin.call('users.list', {});
    const version = row.users.find((x) => x.id === u.id)!.version;
    await t.admin.call('users.setActive', { id: u.id, version, active: false });
    const c = new Client(t.backend);
    expect(await c.fail('auth.login', { username: 'petugas', password: u.password })).toMatchObject(
      {
        code: 'UNAUTHENTICATED',
        key: 'auth.error.disabled',
      },
    );
    // A wrong password does not reveal that the account exists but is disabled.
    expect(
      (await c.fail('auth.login', { username: 'petugas', password: 'Salah-Sandi-2026' })).key,
    ).toBe('auth.error.invalid');
    expect(c.token).toBeNull();
    expect((await auditRows(t.backend)).at(-2)).toMatchObject({
      method: 'auth.login',
      outcome: 'denied',
      note: 'disabled',
    });
  });
});

describe('sessions', () => {
  it('stay valid while in use and end after 30 idle minutes', async () => {
    const t = await setUpOffice();
    const c = t.admin;
    t.clock.advance(29 * MINUTE);
    await c.call('auth.me', {});
    t.clock.advance(29 * MINUTE); // 58 minutes after sign-in, 29 after the last call
    await c.call('auth.me', {});
    t.clock.advance(31 * MINUTE);
    const r = await t.backend.dispatch(c.token, 'auth.me', {});
    expect(r.response).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', key: 'error.unauthenticated' },
    });
    expect(r.session).toEqual({ clear: true });
    // The expired session is gone, not just ignored.
    expect(await countRows(t.backend, 'sessions')).toBe(0);
    t.clock.advance(-60 * MINUTE);
    expect((await c.fail('auth.me', {})).code).toBe('UNAUTHENTICATED');
  });

  it('end after 12 hours even when in use', async () => {
    const t = await setUpOffice();
    for (let i = 0; i < 24; i++) {
      t.clock.advance(29 * MINUTE); // up to 11 h 36 min
      await t.admin.call('auth.me', {});
    }
    t.clock.advance(29 * MINUTE); // 12 h 5 min
    expect((await t.admin.fail('auth.me', {})).code).toBe('UNAUTHENTICATED');
  });

  it('logout ends only this session', async () => {
    const t = await setUpOffice();
    const other = new Client(t.backend);
    await other.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    const oldToken = t.admin.token;
    const r = await t.backend.dispatch(oldToken, 'auth.logout', {});
    expect(r.response).toEqual({ ok: true, data: { ok: true } });
    expect(r.session).toEqual({ clear: true });
    expect((await new Client(t.backend, oldToken).fail('auth.me', {})).code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await other.call('auth.me', {})).username).toBe('admin');
    const last = (await auditRows(t.backend)).at(-1)!;
    expect(last).toMatchObject({ method: 'auth.logout', username: 'admin', outcome: 'ok' });
  });

  it('logoutEverywhere ends all of the user’s sessions and no one else’s', async () => {
    const t = await setUpOffice();
    const staff = await userWithRoles(t, 'petugas', ['caseworker']);
    const adminId = await idOf(t.backend, 'admin');
    const pc2 = await sessionFor(t.backend, adminId, t.clock.now);
    const pc3 = new Client(t.backend);
    await pc3.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD });

    await pc2.call('auth.logoutEverywhere', {});
    expect(pc2.token).toBeNull();
    for (const token of [t.admin.token, pc3.token]) {
      expect((await new Client(t.backend, token).fail('auth.me', {})).code).toBe('UNAUTHENTICATED');
    }
    const left = await t.backend.db.selectFrom('sessions').select('user_id').execute();
    expect(left.map((s) => s.user_id)).not.toContain(adminId);
    expect((await staff.call('auth.me', {})).username).toBe('petugas');
  });

  it('stores only a hash of the token', async () => {
    const t = await setUpOffice();
    const token = t.admin.token!;
    const rows = await t.backend.db.selectFrom('sessions').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(tokenId(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    // Nor anywhere in the database files (main file and write-ahead log).
    t.backend.sqlite.pragma('wal_checkpoint(PASSIVE)');
    for (const f of readdirSync(t.dir, { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name)) {
      expect(readFileSync(join(t.dir, f)).includes(Buffer.from(token))).toBe(false);
    }
  });
});

describe('changing the password', () => {
  it('refuses a wrong current password, the same password and a weak one', async () => {
    const t = await setUpOffice();
    const wrong = await t.admin.fail('auth.changePassword', {
      currentPassword: 'Salah-Sandi-2026',
      newPassword: 'Sandi-Baru-2027x',
    });
    expect(wrong).toMatchObject({ code: 'VALIDATION' });
    expect(wrong.issues).toEqual([{ path: ['currentPassword'], key: 'auth.error.wrongCurrent' }]);

    const same = await t.admin.fail('auth.changePassword', {
      currentPassword: ADMIN_PASSWORD,
      newPassword: ADMIN_PASSWORD,
    });
    expect(same.issues).toEqual([{ path: ['newPassword'], key: 'auth.error.sameAsOld' }]);

    const weak = await t.admin.fail('auth.changePassword', {
      currentPassword: ADMIN_PASSWORD,
      newPassword: 'pendek1',
    });
    expect(weak.issues).toContainEqual({
      path: ['newPassword'],
      key: 'password.too_short',
      params: { min: 10 },
    });
    // The old password still works.
    await new Client(t.backend).call('auth.login', { username: 'admin', password: ADMIN_PASSWORD });
  });

  it('changes it, keeps this session and ends the others', async () => {
    const t = await setUpOffice();
    const other = new Client(t.backend);
    await other.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    await t.admin.call('auth.changePassword', {
      currentPassword: ADMIN_PASSWORD,
      newPassword: 'Sandi-Baru-2027x',
    });
    expect((await t.admin.call('auth.me', {})).username).toBe('admin');
    expect((await other.fail('auth.me', {})).code).toBe('UNAUTHENTICATED');

    const c = new Client(t.backend);
    expect((await c.fail('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).key).toBe(
      'auth.error.invalid',
    );
    await c.call('auth.login', { username: 'admin', password: 'Sandi-Baru-2027x' });

    const row = (await auditRows(t.backend)).find((r) => r.method === 'auth.changePassword')!;
    expect(JSON.parse(row.changes!)).toEqual({ password: ['[redacted]', '[redacted]'] });
    expect(JSON.stringify(await auditRows(t.backend))).not.toContain('Sandi-Baru');
  });

  it('is required first for a user created by an admin', async () => {
    const t = await setUpOffice();
    const u = await createUser(t, 'petugas', ['caseworker']);
    const c = new Client(t.backend);
    const me = await c.call('auth.login', { username: 'petugas', password: u.password });
    expect(me.mustChangePassword).toBe(true);
    expect((await c.call('auth.me', {})).mustChangePassword).toBe(true);
    for (const m of ['office.get', 'audit.mine', 'regions.get'] as const) {
      expect(await c.fail(m, m === 'regions.get' ? { code: '63.72' } : {})).toMatchObject({
        code: 'FORBIDDEN',
        key: 'auth.mustChange',
      });
    }
    await c.call('auth.changePassword', {
      currentPassword: u.password,
      newPassword: CHANGED_PASSWORD,
    });
    expect((await c.call('auth.me', {})).mustChangePassword).toBe(false);
    expect((await c.call('office.get', {})).regionCode).toBe('63.72');
  });
});
