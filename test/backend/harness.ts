/** Test backends: a real SQLite database in a fresh temporary folder, with a movable clock. */
import { copyFileSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import type { Input, MethodName, Output } from '../../shared/contract';
import type { RpcError } from '../../shared/errors';
import { DATABASE_FILE, openBackend, type Backend } from '../../electron/backend/app';
import { newToken } from '../../electron/backend/auth/sessions';
import { KEY_FOLDER } from '../../electron/backend/keys/officeKey';
import { createDispatcher, type Handlers } from '../../electron/backend/dispatch/dispatch';
import { handlers } from '../../electron/backend/handlers';

/**
 * Migrating and loading ~91,000 regions takes about a second, so each test process builds one
 * template database and every test starts from a fresh copy of it.
 */
let template: string | null = null;
const templateDirs: string[] = [];
async function templateDb(): Promise<string> {
  if (template && existsSync(template)) return template;
  const dir = mkdtempSync(join(tmpdir(), 'pelita-template-'));
  templateDirs.push(dir);
  const b = await openBackend({ dataDir: dir, autoBackup: false });
  b.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await b.close();
  template = join(dir, DATABASE_FILE);
  return template;
}

/**
 * First-run setup hashes a password (scrypt, tens of milliseconds), so the database right after
 * setup is kept too, per start time, with the admin's session token.
 */
const setUpTemplates = new Map<string, { file: string; token: string }>();

afterAll(() => {
  for (const d of templateDirs.splice(0)) rmSync(d, { recursive: true, force: true });
  template = null;
  setUpTemplates.clear();
});

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

/** The office key travels with its database, as a backup restored to the same office does. */
function copyKeys(fromDir: string, toDir: string): void {
  const keys = join(fromDir, KEY_FOLDER);
  if (existsSync(keys)) cpSync(keys, join(toDir, KEY_FOLDER), { recursive: true });
}

export const DEFAULT_START = new Date('2026-11-27T02:00:00Z');

export async function makeBackend(start = DEFAULT_START, from?: string): Promise<TestBackend> {
  const dir = mkdtempSync(join(tmpdir(), 'pelita-test-'));
  const source = from ?? (await templateDb());
  copyFileSync(source, join(dir, DATABASE_FILE));
  copyKeys(dirname(source), dir);
  const clock = {
    now: start,
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const backend = await openBackend({ dataDir: dir, now: () => clock.now, autoBackup: false });
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
    if (!response.ok)
      throw new Error(
        `${method}: ${response.error.code} ${response.error.key} ${JSON.stringify(response.error.issues ?? [])}`,
      );
    return response.data as Output<M>;
  }

  async fail(method: MethodName, input: unknown): Promise<RpcError> {
    const response = await this.raw(method, input);
    if (response.ok) throw new Error(`${method} unexpectedly succeeded`);
    return response.error;
  }
}

export const ADMIN_PASSWORD = 'Banjarbaru-2026x';
/** What users.create sets in tests, and what userWithRoles changes it to. */
export const INITIAL_PASSWORD = 'Kunci-Pertama-2026';
export const CHANGED_PASSWORD = 'Kunci-Kedua-2027';

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
export async function setUpOffice(start: Date = DEFAULT_START) {
  const cached = setUpTemplates.get(start.toISOString());
  if (cached && existsSync(cached.file)) {
    const t = await makeBackend(start, cached.file);
    return { ...t, admin: new Client(t.backend, cached.token) };
  }
  const t = await makeBackend(start);
  const admin = new Client(t.backend);
  await admin.call('auth.setup', {
    office: OFFICE_INPUT,
    admin: { username: 'admin', fullName: 'Admin Pelita', password: ADMIN_PASSWORD },
  });
  // Keep a copy of the database as it is now, before the test changes it.
  const dir = mkdtempSync(join(tmpdir(), 'pelita-template-'));
  templateDirs.push(dir);
  t.backend.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const file = join(dir, DATABASE_FILE);
  await t.backend.sqlite.backup(file);
  copyKeys(t.dir, dir);
  setUpTemplates.set(start.toISOString(), { file, token: admin.token! });
  return { ...t, admin };
}

/** Creates a user with `roles` and returns a signed-in client for them (password already changed). */
/** The kelurahan test operators work for unless told otherwise (Komet, Banjarbaru Utara). */
export const TEST_KELURAHAN = '63.72.04.1003';

/** A kelurahan operator's kelurahan: the one given, or TEST_KELURAHAN; none for office staff. */
function kelurahanFor(roles: Input<'users.create'>['roles'], kelurahanCode?: string) {
  return roles.includes('kelurahan_operator') ? (kelurahanCode ?? TEST_KELURAHAN) : null;
}

export async function userWithRoles(
  t: { backend: Backend; admin: Client },
  username: string,
  roles: Input<'users.create'>['roles'],
  kelurahanCode?: string,
): Promise<Client> {
  const initial = INITIAL_PASSWORD;
  await t.admin.call('users.create', {
    username,
    fullName: `Pengguna ${username}`,
    roles,
    password: initial,
    kelurahanCode: kelurahanFor(roles, kelurahanCode),
  });
  const c = new Client(t.backend);
  await c.call('auth.login', { username, password: initial });
  await c.call('auth.changePassword', { currentPassword: initial, newPassword: CHANGED_PASSWORD });
  return c;
}

/** The user's id, for tests that look at rows directly. */
export async function idOf(backend: Backend, username: string): Promise<string> {
  const row = await backend.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Creates a user through users.create and returns their id and initial password, without
 * signing in (so they still must change the password).
 */
export async function createUser(
  t: { admin: Client },
  username: string,
  roles: Input<'users.create'>['roles'],
  kelurahanCode?: string,
): Promise<{ id: string; password: string }> {
  const password = INITIAL_PASSWORD;
  const row = await t.admin.call('users.create', {
    username,
    fullName: `Pengguna ${username}`,
    roles,
    password,
    kelurahanCode: kelurahanFor(roles, kelurahanCode),
  });
  return { id: row.id, password };
}

/**
 * A second session for an existing user, made directly in the database: for tests that need
 * many sessions and would otherwise spend most of their time hashing passwords.
 */
export async function sessionFor(backend: Backend, userId: string, at: Date): Promise<Client> {
  const { token, id } = newToken();
  const iso = at.toISOString();
  await backend.db
    .insertInto('sessions')
    .values({ id, user_id: userId, created_at: iso, last_seen_at: iso })
    .execute();
  return new Client(backend, token);
}

/** The raw audit trail, oldest first. */
export async function auditRows(backend: Backend) {
  return backend.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
}

export async function countRows(
  backend: Backend,
  table: 'users' | 'user_roles' | 'sessions' | 'office' | 'audit_log',
): Promise<number> {
  const row = await backend.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A dispatcher over the same database whose handlers record that they ran, to prove that
 * a refused call never reaches its handler.
 */
export function spyDispatcher(t: TestBackend) {
  const ran: string[] = [];
  const spied = Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [
      name,
      (input: never, ctx: never) => {
        ran.push(name);
        return (handler as (i: never, c: never) => Promise<unknown>)(input, ctx);
      },
    ]),
  ) as unknown as Handlers;
  return { dispatch: dispatcherWith(t, spied), ran };
}

/** A dispatcher over the test backend's database and clock with other handlers. */
export function dispatcherWith(t: TestBackend, withHandlers: Handlers) {
  // Built as a variable so it also fits dispatchers that take more options (e.g. dataDir).
  const deps = {
    db: t.backend.db,
    handlers: withHandlers,
    now: () => t.clock.now,
    dataDir: t.dir,
  };
  return createDispatcher(deps);
}
