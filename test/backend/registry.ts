/** Fixtures for the person registry and shelter tests (issue 3). */
import { expect } from 'vitest';
import type { Input, Output } from '../../shared/contract';
import type { Backend } from '../../electron/backend/app';
import type { RoomKind } from '../../shared/reference/shelter';
import { skipFirstPasswordChange } from '../../electron/backend/users/firstPassword';
import {
  ADMIN_PASSWORD,
  createUser,
  INITIAL_PASSWORD,
  sessionFor,
  type Client,
  type TestBackend,
} from './harness';

export type PersonIn = Input<'persons.create'>;
export type Person = Output<'persons.create'>;

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

/** A minimal valid person; override what the test is about. */
export function personInput(over: Partial<PersonIn> = {}): PersonIn {
  return { fullName: 'Budi Santoso', identityStatus: 'stated', ...over };
}

export async function createPerson(c: Client, over: Partial<PersonIn> = {}): Promise<Person> {
  return c.call('persons.create', personInput(over));
}

/**
 * A NIK issued in `district` ('63.72.04') for someone born on `birthDate` (YYYY-MM-DD):
 * PP KK CC DDMMYY SSSS, day + 40 for women.
 */
export function makeNik(district: string, birthDate: string, sex: 'M' | 'F', serial = 1): string {
  const [y, m, d] = birthDate.split('-') as [string, string, string];
  const day = Number(d) + (sex === 'F' ? 40 : 0);
  return (
    district.replace(/\./g, '') +
    String(day).padStart(2, '0') +
    m +
    y.slice(2) +
    String(serial).padStart(4, '0')
  );
}

/**
 * A signed-in user with `roles`, made with one password hash instead of the three of
 * `userWithRoles` (create, sign in, change): the first-password flag is cleared directly.
 * The password stays INITIAL_PASSWORD.
 */
export async function staffUser(
  t: TestBackend & { admin: Client },
  username: string,
  roles: Input<'users.create'>['roles'],
  /** A kelurahan operator's kelurahan (TEST_KELURAHAN when left out). */
  kelurahanCode?: string,
): Promise<Client> {
  const { id } = await createUser(t, username, roles, kelurahanCode);
  await skipFirstPasswordChange(t.backend.db, t.dir, [username], t.clock.now.toISOString());
  return sessionFor(t.backend, id, t.clock.now);
}

/**
 * Signs the client in again (sessions end after 30 idle minutes; tests move the clock by days).
 * Users other than the admin are those of `staffUser`.
 */
export async function signInAgain(c: Client, username: string): Promise<void> {
  await c.call('auth.login', {
    username,
    password: username === 'admin' ? ADMIN_PASSWORD : INITIAL_PASSWORD,
  });
}

export interface ShelterFixture {
  shelterId: string;
  rooms: Record<string, string>;
  beds: Record<string, string>;
}

/** The room kind its test name says: "Ruang Pria" is a men's room, and so on. */
export function roomKindOf(name: string): RoomKind {
  if (name.includes('Wanita')) return 'women';
  if (name.includes('Pria')) return 'men';
  if (name.includes('Anak')) return 'children';
  return 'family';
}
/** A shelter with rooms and beds, e.g. { 'Ruang Pria': ['P1', 'P2'] }; bed labels must be unique. */
export async function makeShelter(
  admin: Client,
  name = 'Rumah Singgah Banjarbaru',
  rooms: Record<string, string[]> = { 'Ruang Pria': ['P1', 'P2'], 'Ruang Wanita': ['W1', 'W2'] },
): Promise<ShelterFixture> {
  const shelter = await admin.call('shelters.save', {
    name,
    address: 'Jl. Trikora, Banjarbaru',
    capacity: 20,
  });
  const out: ShelterFixture = { shelterId: shelter.id, rooms: {}, beds: {} };
  for (const [roomName, labels] of Object.entries(rooms)) {
    const withRoom = await admin.call('shelters.saveRoom', {
      shelterId: shelter.id,
      name: roomName,
      kind: roomKindOf(roomName),
    });
    const room = withRoom.rooms.find((r) => r.name === roomName)!;
    out.rooms[roomName] = room.id;
    for (const label of labels) {
      const withBed = await admin.call('shelters.saveBed', { roomId: room.id, label });
      const bed = withBed.rooms.flatMap((r) => r.beds).find((b) => b.label === label)!;
      out.beds[label] = bed.id;
    }
  }
  return out;
}

export function checkInInput(
  personId: string,
  bedId: string,
  over: Partial<Input<'stays.checkIn'>> = {},
): Input<'stays.checkIn'> {
  return {
    personId,
    bedId,
    referralSource: 'satpol_pp',
    ppks: ['PPKS-11'],
    ...over,
  };
}

/** Table → ORDER BY for a stable dump (stay_ppks has no rowid). */
const TABLES = {
  persons: 'rowid',
  files: 'rowid',
  shelters: 'rowid',
  shelter_rooms: 'rowid',
  shelter_beds: 'rowid',
  stays: 'rowid',
  stay_ppks: 'stay_id, ppks',
  stay_events: 'rowid',
  audit_log: 'seq',
} as const;
type Table = keyof typeof TABLES;

/** Every row of the registry and shelter tables and the audit trail, to prove nothing changed. */
export function snapshot(backend: Backend): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [table, order] of Object.entries(TABLES)) {
    // A refused write is recorded (issue 8); everything else stays exactly as it was.
    const where = table === 'audit_log' ? ` WHERE outcome <> 'refused'` : '';
    out[table] = backend.sqlite.prepare(`SELECT * FROM ${table}${where} ORDER BY ${order}`).all();
  }
  return out;
}

export function rowCount(backend: Backend, table: Table): number {
  return (backend.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/**
 * Audit rows of one method, oldest first, with `changes` parsed. Refused calls (recorded with
 * their reason, issue 8) only when asked for.
 */
export function auditOf(backend: Backend, method: string, outcomes: 'done' | 'all' = 'done') {
  const refused = outcomes === 'all' ? '' : ` AND outcome <> 'refused'`;
  const rows = backend.sqlite
    .prepare(`SELECT * FROM audit_log WHERE method = ?${refused} ORDER BY seq`)
    .all(method) as {
    seq: number;
    user_id: string | null;
    username: string | null;
    method: string;
    record_type: string | null;
    record_id: string | null;
    outcome: string;
    changes: string | null;
    note: string | null;
  }[];
  return rows.map((r) => ({
    ...r,
    changes: r.changes === null ? null : (JSON.parse(r.changes) as Record<string, unknown>),
  }));
}

/** The field issues of a VALIDATION error as [path, key] pairs. */
export function issuesOf(err: {
  code: string;
  issues?: { path: (string | number)[]; key: string }[];
}) {
  expect(err.code).toBe('VALIDATION');
  return (err.issues ?? []).map((i) => [i.path.join('.'), i.key]);
}
