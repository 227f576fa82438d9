import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/backend/demo/seed';
import { auditRows, Client, countRows, makeBackend, setUpOffice } from './harness';

/** The account lines the seeder prints: "  username  password  role, role". */
function accountsIn(message: string) {
  return message
    .split('\n')
    .filter((l) => /^ {2}\S/.test(l))
    .map((l) => {
      const [username, password, ...roles] = l.trim().split(/\s+/);
      return { username: username!, password: password!, roles: roles.join(' ').split(', ') };
    });
}

describe('seedDemo', () => {
  it('fills an empty database through the real, audited methods', async () => {
    const t = await makeBackend();
    const outcome = await seedDemo(t.backend);
    expect(outcome.seeded).toBe(true);

    const accounts = accountsIn(outcome.message);
    expect(accounts.map((a) => a.username)).toEqual([
      'admin',
      'rahmat',
      'siti.aminah',
      'muhammad.noor',
      'nurul.hasanah',
      'akhmad.fauzi',
      'dewi.lestari',
      'op.mentaos',
      'mariani',
    ]);
    // Generated, distinct passwords, never a shared fixed one.
    expect(new Set(accounts.map((a) => a.password)).size).toBe(accounts.length);

    const rows = await auditRows(t.backend);
    expect(rows.filter((r) => r.method === 'auth.setup')).toHaveLength(2);
    const created = rows.filter((r) => r.method === 'users.create');
    expect(created.map((r) => JSON.parse(r.changes!).username[1])).toEqual(
      accounts.slice(1).map((a) => a.username),
    );
    expect(created.every((r) => r.username === 'admin' && r.outcome === 'ok')).toBe(true);
    expect(JSON.stringify(rows)).not.toContain('scrypt$');
    for (const a of accounts) expect(JSON.stringify(rows)).not.toContain(a.password);

    // The seeder signed itself out again.
    expect(await countRows(t.backend, 'sessions')).toBe(0);
    expect(await countRows(t.backend, 'users')).toBe(accounts.length);

    // The printed list is also saved, readable by the owner only.
    const file = join(t.dir, 'demo-accounts.txt');
    expect(readFileSync(file, 'utf8')).toContain(outcome.message.split('\n')[1]!);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);

    const admin = new Client(t.backend);
    await admin.call('auth.login', { username: 'admin', password: accounts[0]!.password });
    expect(await admin.call('audit.verify', {})).toMatchObject({ intact: true });
    expect((await admin.call('office.get', {})).regionName).toBe('Kota Banjarbaru');

    // A lived-in shelter: current residents (two past the 7-day maximum) and half a year of stays.
    const [shelter] = (await admin.call('shelters.list', {})).shelters;
    const roster = await admin.call('stays.roster', { shelterId: shelter!.id });
    const residents = roster.beds.filter((b) => b.stay);
    expect(residents).toHaveLength(7);
    expect(residents.filter((b) => b.stay!.overdue)).toHaveLength(2);
    const now = t.clock.now;
    const from = new Date(now.getTime() - 200 * 86_400_000).toISOString().slice(0, 10);
    const stats = await admin.call('stays.stats', { from, to: now.toISOString().slice(0, 10) });
    expect(stats.stays).toBe(33);
    expect(stats.fromElsewhere).toBeGreaterThan(stats.fromOwnCity);
    expect(stats.withoutVerifiedIdentity).toBeGreaterThan(0);

    // Complaints from several channels in every state, one past its deadline.
    const complaints = await admin.call('complaints.list', { pageSize: 50 });
    expect(complaints.total).toBe(7);
    expect(new Set(complaints.rows.map((r) => r.channel)).size).toBeGreaterThanOrEqual(5);
    const overdue = await admin.call('complaints.list', { due: 'overdue' });
    expect(overdue.total).toBeGreaterThanOrEqual(1);

    // PPKS case files in every state, some waiting for the supervisor.
    const cases = await admin.call('cases.list', { pageSize: 50 });
    expect(new Set(cases.rows.map((r) => r.state))).toEqual(
      new Set([
        'opened',
        'assessment',
        'plan',
        'in_service',
        'review',
        'closure_requested',
        'closed',
      ]),
    );
    expect((await admin.call('cases.list', { awaiting: 'any' })).total).toBe(3);

    // Every printed password signs in, with the printed roles and no forced change.
    for (const a of accounts) {
      const c = new Client(t.backend);
      const me = await c.call('auth.login', { username: a.username, password: a.password });
      expect(me.mustChangePassword).toBe(false);
      expect([...me.roles].sort()).toEqual([...a.roles].sort());
    }

    // A second run adds nothing.
    const users = await countRows(t.backend, 'users');
    const audits = await countRows(t.backend, 'audit_log');
    expect((await seedDemo(t.backend)).seeded).toBe(false);
    expect(await countRows(t.backend, 'users')).toBe(users);
    expect(await countRows(t.backend, 'audit_log')).toBe(audits);
  });

  it('refuses a database that already holds records and adds nothing', async () => {
    const t = await setUpOffice();
    const before = {
      users: await countRows(t.backend, 'users'),
      audit: await countRows(t.backend, 'audit_log'),
      sessions: await countRows(t.backend, 'sessions'),
    };
    const outcome = await seedDemo(t.backend);
    expect(outcome.seeded).toBe(false);
    expect(outcome.message).toMatch(/NOT added/);
    expect({
      users: await countRows(t.backend, 'users'),
      audit: await countRows(t.backend, 'audit_log'),
      sessions: await countRows(t.backend, 'sessions'),
    }).toEqual(before);
    expect(existsSync(join(t.dir, 'demo-accounts.txt'))).toBe(false);
    expect(
      t.backend.sqlite.prepare(`SELECT value FROM app_meta WHERE key = 'demo'`).get(),
    ).toBeUndefined();
    // The real admin is untouched.
    expect((await t.admin.call('auth.me', {})).username).toBe('admin');
  });
});
