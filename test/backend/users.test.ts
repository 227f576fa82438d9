import { describe, expect, it } from 'vitest';
import type { Input } from '../../shared/contract';
import {
  auditRows,
  CHANGED_PASSWORD,
  Client,
  countRows,
  createUser,
  idOf,
  INITIAL_PASSWORD,
  sessionFor,
  setUpOffice,
  userWithRoles,
} from './harness';

const NIP = '199007242015032002';

async function userRow(t: Awaited<ReturnType<typeof setUpOffice>>, id: string) {
  const { users } = await t.admin.call('users.list', {});
  const u = users.find((x) => x.id === id);
  if (!u) throw new Error(`user ${id} not listed`);
  return u;
}

describe('users.create', () => {
  it('creates a user with roles and profile, who must change the password', async () => {
    const t = await setUpOffice();
    const created = await t.admin.call('users.create', {
      username: 'Siti.Aminah',
      fullName: '  Siti Aminah, S.Tr.Sos. ',
      nip: NIP,
      position: 'Pekerja Sosial Ahli Pertama',
      roles: ['caseworker', 'shelter_staff'],
      password: INITIAL_PASSWORD,
    });
    expect(created).toMatchObject({
      username: 'siti.aminah',
      fullName: 'Siti Aminah, S.Tr.Sos.',
      nip: NIP,
      roles: ['caseworker', 'shelter_staff'],
      active: true,
      lockedUntil: null,
      lastLoginAt: null,
      version: 1,
    });
    const c = new Client(t.backend);
    const me = await c.call('auth.login', { username: 'siti.aminah', password: INITIAL_PASSWORD });
    expect(me).toMatchObject({ mustChangePassword: true, roles: ['caseworker', 'shelter_staff'] });
  });

  it('refuses a username that is taken, whatever its case', async () => {
    const t = await setUpOffice();
    await createUser(t, 'petugas', ['caseworker']);
    const usersBefore = await countRows(t.backend, 'users');
    for (const username of ['petugas', 'PETUGAS', 'Petugas']) {
      const err = await t.admin.fail('users.create', {
        username,
        fullName: 'Petugas Lain',
        roles: ['viewer'],
        password: 'Sandi-Lain-2026x',
      });
      expect(err.code).toBe('VALIDATION');
      expect(err.issues).toEqual([
        { path: ['username'], key: 'user.username_taken', params: { username: 'petugas' } },
      ]);
    }
    expect(await countRows(t.backend, 'users')).toBe(usersBefore);
  });

  it.each([
    ['17 digits', '19900724201503200'],
    ['19 digits', '1990072420150320021'],
    ['letters', '19900724201503200A'],
    ['spaces inside', '19900724 2015032002'],
  ])('refuses a NIP of %s', async (_label, nip) => {
    const t = await setUpOffice();
    const err = await t.admin.fail('users.create', {
      username: 'petugas',
      fullName: 'Petugas',
      nip,
      roles: ['viewer'],
      password: INITIAL_PASSWORD,
    });
    expect(err.issues).toEqual([{ path: ['nip'], key: 'validation.nip' }]);
  });

  it('accepts an empty NIP as none', async () => {
    const t = await setUpOffice();
    const u = await t.admin.call('users.create', {
      username: 'petugas',
      fullName: 'Petugas',
      nip: '',
      position: '',
      roles: ['viewer'],
      password: INITIAL_PASSWORD,
    });
    expect(u).toMatchObject({ nip: null, position: null });
  });

  it('requires at least one role', async () => {
    const t = await setUpOffice();
    const err = await t.admin.fail('users.create', {
      username: 'petugas',
      fullName: 'Petugas',
      roles: [],
      password: INITIAL_PASSWORD,
    });
    expect(err.issues).toEqual([{ path: ['roles'], key: 'user.roles_required' }]);
    const missing = await t.admin.fail('users.create', {
      username: 'petugas',
      fullName: 'Petugas',
      password: INITIAL_PASSWORD,
    });
    expect(missing.issues).toEqual([{ path: ['roles'], key: 'validation.required' }]);
  });

  it('refuses a weak initial password on the password field', async () => {
    const t = await setUpOffice();
    const err = await t.admin.fail('users.create', {
      username: 'petugas',
      fullName: 'Petugas',
      roles: ['viewer'],
      password: 'petugas-12345',
    });
    expect(err.issues).toContainEqual({ path: ['password'], key: 'password.contains_username' });
    expect(await countRows(t.backend, 'users')).toBe(1);
  });
});

describe('users.update', () => {
  it('updates profile and roles, bumps the version and audits a before/after diff', async () => {
    const t = await setUpOffice();
    const u = await createUser(t, 'petugas', ['viewer']);
    const updated = await t.admin.call('users.update', {
      id: u.id,
      version: 1,
      fullName: 'Petugas Baru',
      nip: NIP,
      position: null,
      roles: ['caseworker', 'viewer'],
    });
    expect(updated).toMatchObject({
      fullName: 'Petugas Baru',
      nip: NIP,
      roles: ['caseworker', 'viewer'],
      version: 2,
    });
    const row = (await auditRows(t.backend)).at(-1)!;
    expect(row).toMatchObject({
      method: 'users.update',
      record_type: 'user',
      record_id: u.id,
      username: 'admin',
      outcome: 'ok',
    });
    expect(JSON.parse(row.changes!)).toEqual({
      full_name: ['Pengguna petugas', 'Petugas Baru'],
      nip: [null, NIP],
      roles: [['viewer'], ['caseworker', 'viewer']],
    });
  });

  it('takes effect on the user’s open session at once', async () => {
    const t = await setUpOffice();
    const staff = await userWithRoles(t, 'petugas', ['viewer']);
    const id = await idOf(t.backend, 'petugas');
    expect((await staff.fail('users.list', {})).code).toBe('FORBIDDEN');
    const { version } = await userRow(t, id);
    await t.admin.call('users.update', {
      id,
      version,
      fullName: 'Petugas',
      roles: ['admin'],
    });
    expect((await staff.call('users.list', {})).users.length).toBe(2);
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const t = await setUpOffice();
    const u = await createUser(t, 'petugas', ['viewer']);
    await t.admin.call('users.update', {
      id: u.id,
      version: 1,
      fullName: 'Versi Dua',
      roles: ['viewer'],
    });
    const before = await userRow(t, u.id);
    const auditBefore = await countRows(t.backend, 'audit_log');
    const err = await t.admin.fail('users.update', {
      id: u.id,
      version: 1,
      fullName: 'Versi Basi',
      roles: ['admin'],
    });
    expect(err).toMatchObject({ code: 'CONFLICT', key: 'error.conflict_stale' });
    expect(await userRow(t, u.id)).toEqual(before);
    // Only the refusal itself is recorded: who, which account, why; never the refused input.
    const added = await t.backend.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', auditBefore)
      .execute();
    expect(added.map((r) => [r.outcome, r.record_id, r.note, r.changes])).toEqual([
      ['refused', u.id, 'error.conflict_stale', null],
    ]);
  });

  it('answers NOT_FOUND for an unknown user', async () => {
    const t = await setUpOffice();
    const err = await t.admin.fail('users.update', {
      id: '01900000-0000-7000-8000-000000000000',
      version: 1,
      fullName: 'Siapa',
      roles: ['viewer'],
    });
    expect(err.code).toBe('NOT_FOUND');
  });

  it('never removes admin from the last active admin', async () => {
    const t = await setUpOffice();
    const adminId = await idOf(t.backend, 'admin');
    const { version } = await userRow(t, adminId);
    const err = await t.admin.fail('users.update', {
      id: adminId,
      version,
      fullName: 'Admin Pelita',
      roles: ['viewer'],
    });
    expect(err.code).toBe('VALIDATION');
    expect(err.issues).toEqual([{ path: ['roles'], key: 'user.last_admin' }]);
    expect((await userRow(t, adminId)).roles).toEqual(['admin']);

    // With a second active admin it is allowed.
    await createUser(t, 'admin2', ['admin']);
    await t.admin.call('users.update', {
      id: adminId,
      version,
      fullName: 'Admin Pelita',
      roles: ['viewer'],
    });
    expect((await t.admin.call('auth.me', {})).roles).toEqual(['viewer']);
  });

  it('does not count a disabled admin as the remaining admin', async () => {
    const t = await setUpOffice();
    const second = await createUser(t, 'admin2', ['admin']);
    await t.admin.call('users.setActive', { id: second.id, version: 1, active: false });
    const adminId = await idOf(t.backend, 'admin');
    const { version } = await userRow(t, adminId);
    const err = await t.admin.fail('users.update', {
      id: adminId,
      version,
      fullName: 'Admin Pelita',
      roles: ['caseworker'],
    });
    expect(err.issues).toEqual([{ path: ['roles'], key: 'user.last_admin' }]);
  });
});

describe('users.setActive', () => {
  it('cannot disable yourself', async () => {
    const t = await setUpOffice();
    await createUser(t, 'admin2', ['admin']);
    const adminId = await idOf(t.backend, 'admin');
    const { version } = await userRow(t, adminId);
    const err = await t.admin.fail('users.setActive', { id: adminId, version, active: false });
    expect(err.issues).toEqual([{ path: ['active'], key: 'user.cannot_disable_self' }]);
    expect((await userRow(t, adminId)).active).toBe(true);
  });

  it('keeps an active admin: the only admin cannot disable their own account', async () => {
    // Only admins manage users, so the caller is always an active admin: disabling another
    // admin always leaves one, and disabling oneself is refused.
    const t = await setUpOffice();
    const adminId = await idOf(t.backend, 'admin');
    const err = await t.admin.fail('users.setActive', { id: adminId, version: 1, active: false });
    expect(err.code).toBe('VALIDATION');
    expect((await userRow(t, adminId)).active).toBe(true);

    const second = await createUser(t, 'admin2', ['admin']);
    const off = await t.admin.call('users.setActive', { id: second.id, version: 1, active: false });
    expect(off.active).toBe(false);
  });

  it('disables a user and ends their sessions everywhere', async () => {
    const t = await setUpOffice();
    const staff = await userWithRoles(t, 'petugas', ['caseworker']);
    const id = await idOf(t.backend, 'petugas');
    const pc2 = await sessionFor(t.backend, id, t.clock.now);
    const { version } = await userRow(t, id);
    const after = await t.admin.call('users.setActive', { id, version, active: false });
    expect(after).toMatchObject({ active: false, version: version + 1 });
    for (const c of [staff, pc2])
      expect((await c.fail('auth.me', {})).code).toBe('UNAUTHENTICATED');
    const left = await t.backend.db.selectFrom('sessions').select('user_id').execute();
    expect(left.map((s) => s.user_id)).not.toContain(id);
    expect(JSON.parse((await auditRows(t.backend)).at(-1)!.changes!)).toEqual({
      active: [true, false],
    });

    // Listing without inactive users hides them.
    const active = await t.admin.call('users.list', { includeInactive: false });
    expect(active.users.map((u) => u.username)).toEqual(['admin']);
  });

  it('refuses a stale version', async () => {
    const t = await setUpOffice();
    const u = await createUser(t, 'petugas', ['viewer']);
    await t.admin.call('users.setActive', { id: u.id, version: 1, active: false });
    const err = await t.admin.fail('users.setActive', { id: u.id, version: 1, active: true });
    expect(err.code).toBe('CONFLICT');
    expect((await userRow(t, u.id)).active).toBe(false);
  });
});

describe('users.resetPassword', () => {
  it('lifts a lockout, ends sessions and forces a change at next sign-in', async () => {
    const t = await setUpOffice();
    const staff = await userWithRoles(t, 'petugas', ['caseworker']);
    const id = await idOf(t.backend, 'petugas');
    const c = new Client(t.backend);
    for (let i = 1; i <= 5; i++) {
      await c.fail('auth.login', { username: 'petugas', password: `Salah-Sandi-${i}x` });
    }
    const locked = await userRow(t, id);
    expect(locked.lockedUntil).not.toBeNull();

    const after = await t.admin.call('users.resetPassword', {
      id,
      newPassword: 'Sandi-Reset-2026',
    });
    expect(after.lockedUntil).toBeNull();
    expect((await staff.fail('auth.me', {})).code).toBe('UNAUTHENTICATED');

    const me = await c.call('auth.login', { username: 'petugas', password: 'Sandi-Reset-2026' });
    expect(me.mustChangePassword).toBe(true);
    expect((await c.fail('office.get', {})).key).toBe('auth.mustChange');
    // The old password is gone.
    expect(
      (
        await new Client(t.backend).fail('auth.login', {
          username: 'petugas',
          password: CHANGED_PASSWORD,
        })
      ).key,
    ).toBe('auth.error.invalid');

    const row = (await auditRows(t.backend)).find((r) => r.method === 'users.resetPassword')!;
    expect(row).toMatchObject({ record_type: 'user', record_id: id, username: 'admin' });
    expect(JSON.parse(row.changes!)).toEqual({
      password: ['[redacted]', '[redacted]'],
      locked_until: [locked.lockedUntil, null],
    });
  });

  it('refuses a weak password on newPassword', async () => {
    const t = await setUpOffice();
    const u = await createUser(t, 'petugas', ['viewer']);
    const err = await t.admin.fail('users.resetPassword', { id: u.id, newPassword: 'abc' });
    expect(err.issues).toContainEqual({
      path: ['newPassword'],
      key: 'password.too_short',
      params: { min: 10 },
    });
    // The initial password still works.
    await new Client(t.backend).call('auth.login', { username: 'petugas', password: u.password });
  });
});

describe('users.list and the audit of user changes', () => {
  it('lists every user with roles, sorted by username', async () => {
    const t = await setUpOffice();
    await createUser(t, 'zainal', ['viewer', 'caseworker']);
    await createUser(t, 'budi', ['shelter_staff']);
    const { users } = await t.admin.call('users.list', {});
    expect(users.map((u) => [u.username, u.roles])).toEqual([
      ['admin', ['admin']],
      ['budi', ['shelter_staff']],
      ['zainal', ['caseworker', 'viewer']],
    ]);
    expect(JSON.stringify(users)).not.toContain('scrypt$');
  });

  it('filters, sorts and pages on the server', async () => {
    const t = await setUpOffice();
    for (const name of ['zainal', 'budi', 'citra', 'dewi_1', 'dewix1']) {
      await createUser(t, name, name.startsWith('dewi') ? ['viewer'] : ['shelter_staff']);
    }
    const names = async (input: Input<'users.list'>) =>
      (await t.admin.call('users.list', input)).users.map((u) => u.username);

    const first = await t.admin.call('users.list', { pageSize: 5, sort: 'username_desc' });
    expect(first.users.map((u) => u.username)).toEqual([
      'zainal',
      'dewix1',
      'dewi_1',
      'citra',
      'budi',
    ]);
    expect([first.total, first.page, first.pageSize]).toEqual([6, 1, 5]);
    expect(await names({ pageSize: 5, page: 2, sort: 'username_desc' })).toEqual(['admin']);
    // Without a page size, every match at once.
    const all = await t.admin.call('users.list', {});
    expect([all.users.length, all.total, all.pageSize]).toEqual([6, 6, 6]);

    expect(await names({ role: 'viewer' })).toEqual(['dewi_1', 'dewix1']);
    // % and _ in the search are plain characters.
    expect(await names({ q: 'I_1' })).toEqual(['dewi_1']);
    expect(await names({ q: '%' })).toEqual([]);
    expect(await names({ q: 'pengguna c' })).toEqual(['citra']);

    const zainal = await t.admin.call('users.list', { q: 'zainal' });
    await t.admin.call('users.setActive', {
      id: zainal.users[0]!.id,
      version: zainal.users[0]!.version,
      active: false,
    });
    expect(await names({ includeInactive: false, role: 'shelter_staff' })).toEqual([
      'budi',
      'citra',
    ]);
    expect((await t.admin.fail('users.list', { sort: 'password_hash' })).code).toBe('VALIDATION');
  });

  it('audits every change with a before/after diff and never a password hash', async () => {
    const t = await setUpOffice();
    const u = await createUser(t, 'petugas', ['viewer']);
    await t.admin.call('users.update', {
      id: u.id,
      version: 1,
      fullName: 'Petugas Dua',
      roles: ['viewer'],
    });
    await t.admin.call('users.resetPassword', { id: u.id, newPassword: 'Sandi-Reset-2026' });
    const staff = new Client(t.backend);
    await staff.call('auth.login', { username: 'petugas', password: 'Sandi-Reset-2026' });
    await staff.call('auth.changePassword', {
      currentPassword: 'Sandi-Reset-2026',
      newPassword: CHANGED_PASSWORD,
    });
    await t.admin.call('users.setActive', { id: u.id, version: 3, active: false });

    const rows = await auditRows(t.backend);
    const create = rows.find((r) => r.method === 'users.create')!;
    expect(JSON.parse(create.changes!)).toEqual({
      username: [null, 'petugas'],
      full_name: [null, 'Pengguna petugas'],
      roles: [null, ['viewer']],
      active: [null, true],
      password: [null, '[redacted]'],
    });
    const update = rows.find((r) => r.method === 'users.update')!;
    expect(JSON.parse(update.changes!)).toEqual({ full_name: ['Pengguna petugas', 'Petugas Dua'] });

    const everything = JSON.stringify(
      await t.backend.db.selectFrom('audit_log').selectAll().execute(),
    );
    expect(everything).not.toContain('scrypt$');
    for (const secret of [INITIAL_PASSWORD, 'Sandi-Reset-2026', CHANGED_PASSWORD]) {
      expect(everything).not.toContain(secret);
    }
  });
});
