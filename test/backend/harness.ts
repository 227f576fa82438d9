/** Test backends: a real SQLite database in a fresh temporary folder, with a movable clock. */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Input, MethodName, Output } from '../../shared/contract';
import type { RpcError } from '../../shared/errors';
import { DATABASE_FILE, openBackend, type Backend } from '../../electron/backend/app';

/**
 * Migrating and loading ~91,000 regions takes about a second, so each test process builds one
 * template database and every test starts from a fresh copy of it.
 */
let template: string | null = null;
async function templateDb(): Promise<string> {
  if (template && existsSync(template)) return template;
  const dir = mkdtempSync(join(tmpdir(), 'pelita-template-'));
  const b = await openBackend({ dataDir: dir });
  b.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await b.close();
  template = join(dir, DATABASE_FILE);
  return template;
}

export interface TestBackend {
  backend: Backend;
  dir: string;
  clock: { now: Date; advance(ms: number): void };
}

const open: TestBackend[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) {
    await t.backend.close();
    rmSync(t.dir, { recursive: true, force: true });
  }
});

export async function makeBackend(start = new Date('2026-11-27T02:00:00Z')): Promise<TestBackend> {
  const dir = mkdtempSync(join(tmpdir(), 'pelita-test-'));
  copyFileSync(await templateDb(), join(dir, DATABASE_FILE));
  const clock = {
    now: start,
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const backend = await openBackend({ dataDir: dir, now: () => clock.now });
  const t = { backend, dir, clock };
  open.push(t);
  return t;
}

/** A signed-in caller: keeps its session token like a transport does. */
export class Client {
  constructor(
    readonly backend: Backend,
    public token: string | null = null,
  ) {}

  async raw(method: string, input: unknown) {
    const result = await this.backend.dispatch(this.token, method, input);
    if (result.session) this.token = 'set' in result.session ? result.session.set : null;
    return result.response;
  }

  async call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
    const response = await this.raw(method, input);
    if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.key} ${JSON.stringify(response.error.issues ?? [])}`);
    return response.data as Output<M>;
  }

  async fail(method: MethodName, input: unknown): Promise<RpcError> {
    const response = await this.raw(method, input);
    if (response.ok) throw new Error(`${method} unexpectedly succeeded`);
    return response.error;
  }
}

export const ADMIN_PASSWORD = 'Banjarbaru-2026x';

export const OFFICE_INPUT = {
  name: 'Dinas Sosial Kota Banjarbaru',
  regionCode: '63.72',
  address: 'Jl. Pangeran Suriansyah No. 5, Banjarbaru',
  phone: '0511 4772 111',
  email: 'dinsos@banjarbarukota.go.id',
  headName: 'Drs. H. Abdul Karim, M.Si.',
  headNip: '197006151995031002',
  headPosition: 'Kepala Dinas Sosial',
  timeZone: 'Asia/Makassar',
  maxStayDays: 7,
};

/** A backend after first-run setup, with the admin signed in. */
export async function setUpOffice(start?: Date) {
  const t = await makeBackend(start);
  const admin = new Client(t.backend);
  await admin.call('auth.setup', {
    office: OFFICE_INPUT,
    admin: { username: 'admin', fullName: 'Admin Pelita', password: ADMIN_PASSWORD },
  });
  return { ...t, admin };
}

/** Creates a user with `roles` and returns a signed-in client for them (password already changed). */
export async function userWithRoles(
  t: { backend: Backend; admin: Client },
  username: string,
  roles: Input<'users.create'>['roles'],
): Promise<Client> {
  const initial = `Awal-${username}-2026`;
  await t.admin.call('users.create', { username, fullName: `Pengguna ${username}`, roles, password: initial });
  const c = new Client(t.backend);
  await c.call('auth.login', { username, password: initial });
  await c.call('auth.changePassword', { currentPassword: initial, newPassword: `Baru-${username}-2027` });
  return c;
}
