/**
 * Builds the benchmark database: the real schema and reference data through openBackend and the
 * real setup methods, then years of synthetic records inserted in bulk with prepared statements
 * (the bulk path DESIGN.md prescribes), with indexes and insert triggers' work done once after
 * the rows (bulkLoad.ts). Deterministic: the same options give the same data.
 * Run by run.ts in a child process so its memory does not count against the backend's.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openBackend, type Backend } from '../../electron/backend/app';
import { entryHash, GENESIS_HASH } from '../../electron/backend/audit/chain';
import { uuidv7 } from '../../electron/backend/lib/ids';
import { foldName, searchNames } from '../../electron/backend/persons/fold';
import { matchKeys } from '../../electron/backend/persons/matchNames';
import { EXIT_TYPES, REFERRAL_SOURCES, STAY_EVENT_KINDS } from '../../shared/reference/shelter';
import { bulkLoad } from './bulkLoad';
import { personName, pick, rng, written, type Rng } from './names';

export const BENCH_PASSWORD = 'Bench-password-2026';
export const NOW = Date.parse('2026-11-27T02:00:00Z');
const DAY = 86_400_000;

export interface GenerateOptions {
  dir: string;
  persons: number;
  stays: number;
  audit: number;
}

async function call(b: Backend, token: string | null, method: string, input: unknown) {
  const r = await b.dispatch(token, method, input);
  if (!r.response.ok) throw new Error(`${method}: ${r.response.error.message.en}`);
  return {
    data: r.response.data as Record<string, unknown>,
    token: r.session && 'set' in r.session ? r.session.set : token,
  };
}

/** Origins weighted like the office's experience: most residents come from elsewhere. */
function originPicker(b: Backend): (r: Rng) => string | null {
  const regencies = (
    b.sqlite.prepare('SELECT code FROM regions WHERE level = 2').all() as { code: string }[]
  ).map((x) => x.code);
  const kalsel = regencies.filter((c) => c.startsWith('63.'));
  return (r) => {
    const x = r();
    if (x < 0.2) return '63.72';
    if (x < 0.45) return '63.71';
    if (x < 0.6) return '63.03';
    if (x < 0.68) return '63.01';
    if (x < 0.83) return pick(r, kalsel);
    if (x < 0.95) return pick(r, regencies);
    return null;
  };
}

function generatePersons(b: Backend, o: GenerateOptions, userId: string): string[] {
  const r = rng(1);
  const origin = originPicker(b);
  const districts = b.sqlite.prepare(
    'SELECT code FROM regions WHERE level = 3 AND parent_code = ?',
  );
  const districtCache = new Map<string, string[]>();
  const districtsOf = (regency: string) => {
    let list = districtCache.get(regency);
    if (!list) {
      list = (districts.all(regency) as { code: string }[]).map((x) => x.code);
      districtCache.set(regency, list);
    }
    return list;
  };
  const regionNames = new Map(
    (
      b.sqlite.prepare('SELECT code, name FROM regions WHERE level = 2').all() as {
        code: string;
        name: string;
      }[]
    ).map((x) => [x.code, foldName(x.name)]),
  );
  const insert = b.sqlite
    .prepare(`INSERT INTO persons (id, nik, full_name, aliases, sex, birth_date, birth_year,
    birth_date_estimated, origin_code, identity_status, quality, search_names, search_origin, name_key,
    match_keys, created_at, created_by, updated_at, updated_by)
    VALUES (@id, @nik, @full_name, @aliases, @sex, @birth_date, @birth_year, @est, @origin_code, @identity_status,
      @quality, @search_names, @search_origin, @name_key, @match_keys, @at, @user, @at, @user)`);
  // Names repeat (a registry shares a few thousand words): their derived columns are the
  // backend's own functions' output, computed once per distinct name and aliases.
  const derived = new Map<string, { search_names: string; name_key: string; match_keys: string }>();
  const derive = (fullName: string, aliases: string[]) => {
    const key = [fullName, ...aliases].join('\u0000');
    let d = derived.get(key);
    if (!d)
      derived.set(
        key,
        (d = {
          search_names: searchNames(fullName, aliases),
          name_key: foldName(fullName),
          match_keys: JSON.stringify(matchKeys(fullName, aliases)),
        }),
      );
    return d;
  };
  const niks = new Set<string>();
  const ids: string[] = [];
  const start = NOW - 10 * 365 * DAY;
  const batch = b.sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const sex = r() < 0.55 ? 'M' : 'F';
      const words = personName(r, sex);
      const fullName = written(r, words);
      const aliases = r() < 0.1 ? [written(r, [words[0]!], 0.6)] : [];
      const originCode = origin(r);
      const year = 1940 + Math.floor(r() * 80);
      const month = 1 + Math.floor(r() * 12);
      const day = 1 + Math.floor(r() * 28);
      const exact = r() < 0.7;
      const birthDate = exact
        ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
        : null;
      let nik: string | null = null;
      if (exact && r() < 0.65) {
        const regency = originCode && originCode.length === 5 ? originCode : '63.72';
        const district = pick(r, districtsOf(regency).length ? districtsOf(regency) : ['63.72.01']);
        const dd = String(day + (sex === 'F' ? 40 : 0)).padStart(2, '0');
        const candidate = `${district.replace(/\./g, '')}${dd}${String(month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}${String(1 + Math.floor(r() * 9999)).padStart(4, '0')}`;
        if (!niks.has(candidate)) {
          niks.add(candidate);
          nik = candidate;
        }
      }
      const at = new Date(start + Math.floor(((NOW - start) * i) / o.persons)).toISOString();
      const id = uuidv7(Date.parse(at));
      ids.push(id);
      insert.run({
        id,
        nik,
        full_name: fullName,
        aliases: JSON.stringify(aliases),
        sex,
        birth_date: birthDate,
        birth_year: year,
        est: exact ? 0 : 1,
        origin_code: originCode,
        identity_status: nik ? 'document' : pick(r, ['stated', 'unknown', 'disdukcapil'] as const),
        quality: JSON.stringify({
          name: 'complete',
          nik: nik ? 'complete' : 'unknown',
          birthDate: exact ? 'complete' : 'partial',
          origin: originCode ? 'complete' : 'unknown',
          address: 'unknown',
        }),
        ...derive(fullName, aliases),
        search_origin: originCode ? (regionNames.get(originCode) ?? '') : '',
        at,
        user: userId,
      });
    }
  });
  for (let i = 0; i < o.persons; i += 20_000) {
    batch(i, Math.min(o.persons, i + 20_000));
    if (i % 200_000 === 0) console.log(`  persons ${i}/${o.persons}`);
  }
  return ids;
}

/** Two shelters: the main one full (500 residents), a transit one with free beds. */
async function generateShelters(b: Backend, token: string | null) {
  const beds: { id: string; shelterId: string }[][] = [];
  for (const [name, rooms, perRoom] of [
    ['Rumah Singgah Banjarbaru', 25, 22],
    ['Rumah Singgah Transit Liang Anggang', 10, 20],
  ] as const) {
    const res = await call(b, token, 'shelters.save', {
      name,
      address: 'Banjarbaru',
      capacity: rooms * perRoom,
    });
    token = res.token;
    const shelterId = res.data.id as string;
    const list: { id: string; shelterId: string }[] = [];
    // Family rooms (no sex or age rule): the generated stays put anyone in any bed.
    const insertRoom = b.sqlite.prepare(
      `INSERT INTO shelter_rooms (id, shelter_id, name, kind, created_at, updated_at)
      VALUES (?, ?, ?, 'family', ?, ?)`,
    );
    const insertBed = b.sqlite
      .prepare(`INSERT INTO shelter_beds (id, room_id, shelter_id, label, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?)`);
    const at = new Date(NOW).toISOString();
    b.sqlite.transaction(() => {
      for (let i = 0; i < rooms; i++) {
        const roomId = uuidv7();
        insertRoom.run(roomId, shelterId, `Ruang ${String(i + 1).padStart(2, '0')}`, at, at);
        for (let j = 0; j < perRoom; j++) {
          const id = uuidv7();
          insertBed.run(id, roomId, shelterId, `${i + 1}-${j + 1}`, at, at);
          list.push({ id, shelterId });
        }
      }
    })();
    beds.push(list);
  }
  return beds;
}

function generateStays(
  b: Backend,
  o: GenerateOptions,
  personIds: string[],
  beds: { id: string; shelterId: string }[][],
  userId: string,
) {
  const r = rng(2);
  const insertStay = b.sqlite
    .prepare(`INSERT INTO stays (id, person_id, shelter_id, bed_id, checkin_at, referral_source,
    condition, checkout_at, exit_type, destination_code, origin_regency, created_at, created_by, updated_at, updated_by)
    VALUES (@id, @person, @shelter, @bed, @in, @ref, @cond, @out, @exit, @dest, @origin, @in, @user, @in, @user)`);
  const insertPpks = b.sqlite.prepare(
    'INSERT INTO stay_ppks (stay_id, ppks, checkin_at) VALUES (?, ?, ?)',
  );
  const insertEvent = b.sqlite
    .prepare(`INSERT INTO stay_events (id, stay_id, at, kind, note, staff_id, created_at, created_by)
    VALUES (?, ?, ?, ?, NULL, ?, ?, ?)`);
  const origin = new Map(
    (
      b.sqlite.prepare('SELECT id, origin_code FROM persons').all() as {
        id: string;
        origin_code: string | null;
      }[]
    ).map((x) => [x.id, x.origin_code ? x.origin_code.slice(0, 5) : null]),
  );
  const active = 500;
  const historic = o.stays - active;
  const span = 10 * 365 * DAY;
  const allBeds = beds.flat();
  const ppksCodes = Array.from({ length: 26 }, (_, i) => `PPKS-${String(i + 1).padStart(2, '0')}`);
  const common = ['PPKS-11', 'PPKS-12', 'PPKS-08', 'PPKS-13', 'PPKS-04', 'PPKS-09', 'PPKS-24'];
  const write = (
    i: number,
    person: string,
    bed: { id: string; shelterId: string },
    checkin: number,
    checkout: number | null,
  ) => {
    const id = uuidv7(checkin);
    const inIso = new Date(checkin).toISOString();
    const exit = checkout === null ? null : pick(r, EXIT_TYPES);
    const originRegency = origin.get(person) ?? null;
    insertStay.run({
      id,
      person,
      shelter: bed.shelterId,
      bed: bed.id,
      in: inIso,
      ref: pick(r, REFERRAL_SOURCES),
      cond: i % 5 === 0 ? 'Kondisi lemah, perlu pemeriksaan' : null,
      out: checkout === null ? null : new Date(checkout).toISOString(),
      exit,
      dest: exit === 'repatriated' || exit === 'reunited' ? (originRegency ?? '63.72') : null,
      origin: originRegency,
      user: userId,
    });
    const cats = new Set([r() < 0.8 ? pick(r, common) : pick(r, ppksCodes)]);
    if (r() < 0.3) cats.add(pick(r, ppksCodes));
    for (const c of cats) insertPpks.run(id, c, inIso);
    if (i % 10 === 0)
      insertEvent.run(
        uuidv7(checkin),
        id,
        new Date(checkin + 3_600_000).toISOString(),
        pick(r, STAY_EVENT_KINDS),
        userId,
        inIso,
        userId,
      );
  };
  const batch = b.sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const checkin = NOW - 30 * DAY - span + Math.floor((span * i) / historic);
      const length = 1 + Math.floor(r() * r() * 20);
      // Every person gets a stay before anyone gets a second one; the last 500 stay on below.
      const person = personIds[(i * 7919) % (personIds.length - active)]!;
      write(i, person, pick(r, allBeds), checkin, checkin + length * DAY + Math.floor(r() * DAY));
    }
  });
  for (let i = 0; i < historic; i += 50_000) {
    batch(i, Math.min(historic, i + 50_000));
    if (i % 500_000 === 0) console.log(`  stays ${i}/${o.stays}`);
  }
  // The current residents: the 500 newest persons in the main shelter, some past the maximum stay.
  b.sqlite.transaction(() => {
    for (let k = 0; k < active; k++) {
      const person = personIds[personIds.length - 1 - k]!;
      write(k, person, beds[0]![k]!, NOW - Math.floor(r() * 14 * DAY) - 3_600_000, null);
    }
  })();
}

function generateAudit(b: Backend, o: GenerateOptions, userIds: string[]) {
  const last = b.sqlite
    .prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')
    .get() as { seq: number; hash: string } | undefined;
  let seq = last?.seq ?? 0;
  let prev = last?.hash ?? GENESIS_HASH;
  const insert = b.sqlite
    .prepare(`INSERT INTO audit_log (seq, at, user_id, username, method, record_type, record_id, outcome, changes, note, prev_hash, hash)
    VALUES (@seq, @at, @user_id, @username, @method, @record_type, @record_id, @outcome, @changes, @note, @prev_hash, @hash)`);
  const methods = [
    'persons.update',
    'stays.checkIn',
    'stays.checkOut',
    'auth.login',
    'stays.logEvent',
  ];
  const span = 5 * 365 * DAY;
  const tx = b.sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      seq += 1;
      const u = i % userIds.length;
      const row = {
        seq,
        at: new Date(NOW - 30 * DAY - span + Math.floor((span * i) / o.audit)).toISOString(),
        user_id: userIds[u]!,
        username: `petugas${u}`,
        method: methods[i % methods.length]!,
        record_type: 'stay',
        record_id: uuidv7(),
        outcome: (i % 50 === 0 ? 'denied' : 'ok') as 'ok' | 'denied',
        changes:
          i % 3 === 0 ? JSON.stringify({ note: [`Catatan ${i}`, `Catatan ${i + 1}`] }) : null,
        note: null,
        row_table: null,
        row_hash: null,
      };
      const hash = entryHash(prev, row);
      insert.run({ ...row, prev_hash: prev, hash });
      prev = hash;
    }
  });
  for (let i = 0; i < o.audit; i += 50_000) tx(i, Math.min(o.audit, i + 50_000));
}

export async function generate(o: GenerateOptions): Promise<void> {
  mkdirSync(o.dir, { recursive: true });
  const t0 = performance.now();
  const b = await openBackend({ dataDir: o.dir, now: () => new Date(NOW) });
  let { token } = await call(b, null, 'auth.setup', {
    office: {
      name: 'Dinas Sosial Kota Banjarbaru',
      regionCode: '63.72',
      address: 'Banjarbaru',
      timeZone: 'Asia/Makassar',
      maxStayDays: 7,
    },
    admin: { username: 'admin', fullName: 'Admin', password: BENCH_PASSWORD },
  });
  const userIds: string[] = [];
  for (let i = 0; i < 10; i++) {
    const res = await call(b, token, 'users.create', {
      username: `petugas${i}`,
      fullName: `Petugas ${i}`,
      roles: ['shelter_staff'],
      password: BENCH_PASSWORD,
    });
    token = res.token;
    userIds.push(res.data.id as string);
  }
  b.sqlite.prepare('UPDATE users SET must_change_password = 0').run();
  console.log(`Generating ${o.persons} persons, ${o.stays} stays, ${o.audit} audit entries…`);
  const log = (line: string) => console.log(`  ${line}`);
  const personIds = bulkLoad(b.sqlite, ['persons'], () => generatePersons(b, o, userIds[0]!), {
    log,
  });
  const beds = await generateShelters(b, token);
  bulkLoad(
    b.sqlite,
    ['stays', 'stay_ppks', 'stay_events'],
    () => generateStays(b, o, personIds, beds, userIds[0]!),
    { log },
  );
  bulkLoad(b.sqlite, ['audit_log'], () => generateAudit(b, o, userIds), { log });
  const t = performance.now();
  b.sqlite.exec('ANALYZE');
  log(`ANALYZE: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  b.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await b.close();
  writeFileSync(join(o.dir, 'ready.json'), JSON.stringify(o));
  console.log(`Generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

if (process.argv[1]?.endsWith('generate.ts')) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      persons: { type: 'string' },
      stays: { type: 'string' },
      audit: { type: 'string' },
    },
  });
  generate({
    dir: values.dir!,
    persons: Number(values.persons),
    stays: Number(values.stays),
    audit: Number(values.audit),
  }).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
