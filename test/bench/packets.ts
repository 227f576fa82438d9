/**
 * Exchange packets (issue 12): two offices in a temporary folder, the sender with `persons`
 * people from the partner's area and a stay each (written straight into its database), then
 * through the real dispatch: export to a packet, open and stage it at the partner, accept all,
 * apply. Targets: export < 10 s, open+stage < 10 s, apply ≥ 20,000 records/s, peak RSS < 1 GB.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend, type Backend } from '../../electron/backend/app';
import { searchNames, foldName } from '../../electron/backend/persons/fold';
import { matchKeys } from '../../electron/backend/persons/matchNames';
import { uuidv7 } from '../../electron/backend/lib/ids';
import { BENCH_PASSWORD } from './generate';
import { personName, rng } from './names';

const PASSPHRASE = 'bench-kunci-pertukaran';
const OFFICE = {
  address: 'Jl. Bench',
  phone: null,
  email: null,
  headName: null,
  headNip: null,
  headPosition: null,
  timeZone: 'Asia/Makassar',
  maxStayDays: 7,
};

async function call<T = Record<string, never>>(
  b: Backend,
  token: string | null,
  method: string,
  input: unknown,
): Promise<T> {
  const r = await b.dispatch(token, method, input);
  if (!r.response.ok)
    throw new Error(
      `${method}: ${r.response.error.message.en} ${JSON.stringify(r.response.error.issues ?? '')}`,
    );
  return r.response.data as T;
}

async function office(dir: string, name: string, regionCode: string, now: () => Date) {
  const b = await openBackend({ dataDir: dir, now, duplicateScan: false });
  const r = await b.dispatch(null, 'auth.setup', {
    office: { ...OFFICE, name, regionCode },
    admin: { username: 'admin', fullName: 'Admin', password: BENCH_PASSWORD },
  });
  const token = r.session && 'set' in r.session ? r.session.set : null;
  await call(b, token, 'packets.createKeys', { passphrase: PASSPHRASE });
  return { b, token };
}

type Office = Awaited<ReturnType<typeof office>>;

async function bytesOf(o: Office, fileId: string): Promise<Buffer> {
  const r = await o.b.download(o.token, fileId);
  return readFileSync(r.path!);
}

async function carry(from: Office, to: Office, fileId: string, purpose: string, name: string) {
  const bytes = await bytesOf(from, fileId);
  const r = await to.b.upload(to.token, {
    purpose,
    name,
    declaredType: '',
    body: (async function* () {
      yield bytes;
    })(),
  });
  if (!r.response.ok) throw new Error(`upload: ${r.response.error.key}`);
  return r.response.data.fileId;
}

/** `n` people from Kab. Banjar with one past stay each, written directly (bench data). */
async function fill(o: Office, n: number, at: string) {
  const shelter = (await call(o.b, o.token, 'shelters.save', {
    name: 'Rumah Singgah Bench',
    address: 'Jl. Bench',
    capacity: 10,
  })) as unknown as { id: string };
  const room = (await call(o.b, o.token, 'shelters.saveRoom', {
    shelterId: shelter.id,
    name: 'Ruang Campur',
    kind: 'family',
  })) as unknown as { rooms: { id: string }[] };
  const bed = (await call(o.b, o.token, 'shelters.saveBed', {
    roomId: room.rooms[0]!.id,
    label: 'B1',
  })) as unknown as { rooms: { beds: { id: string }[] }[] };
  const bedId = bed.rooms[0]!.beds[0]!.id;
  const r = rng(12);
  const person = o.b.sqlite.prepare(`INSERT INTO persons (id, full_name, aliases, sex, birth_year,
    birth_date_estimated, origin_code, identity_status, quality, search_names, name_key, match_keys,
    created_at, updated_at) VALUES (?, ?, '[]', ?, ?, 1, '63.03', 'stated', '{}', ?, ?, ?, ?, ?)`);
  const stay = o.b.sqlite.prepare(`INSERT INTO stays (id, person_id, shelter_id, bed_id, checkin_at,
    referral_source, checkout_at, exit_type, destination_code, origin_regency, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, 'satpol_pp', ?, 'repatriated', '63.03', '63.03', ?, ?)`);
  const t0 = Date.parse(at) - n * 60_000;
  o.b.sqlite.transaction(() => {
    for (let i = 0; i < n; i++) {
      const sex = r() < 0.5 ? 'M' : 'F';
      const name = personName(r, sex).join(' ');
      const id = uuidv7(t0 + i);
      person.run(
        id,
        name,
        sex,
        1950 + Math.floor(r() * 60),
        searchNames(name, []),
        foldName(name),
        JSON.stringify(matchKeys(name, [])),
        at,
        at,
      );
      const checkin = new Date(t0 + i * 60_000).toISOString();
      const checkout = new Date(t0 + i * 60_000 + 3 * 86_400_000).toISOString();
      stay.run(uuidv7(t0 + i), id, shelter.id, bedId, checkin, checkout, at, at);
    }
  })();
}

/** CPU seconds (user + system) of this process since `from`. */
const cpuSince = (from: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(from);
  return Number(((u.user + u.system) / 1e6).toFixed(2));
};

/** With PACKET_BENCH_PROFILE=<folder>, a V8 CPU profile of each step (to find the hot spots). */
async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const dir = process.env.PACKET_BENCH_PROFILE;
  if (!dir) return fn();
  const file = join(dir, `${name}.cpuprofile`);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

export interface PacketFigures {
  packet_records: number;
  packet_export_s: number;
  packet_open_stage_s: number;
  packet_apply_records_per_s: number;
  packet_peak_rss_mb: number;
  /** CPU seconds of each step: the machine is shared, so wall time alone misleads. */
  packet_export_cpu_s: number;
  packet_open_stage_cpu_s: number;
  packet_apply_s: number;
  packet_apply_cpu_s: number;
}

export async function packetBench(persons: number): Promise<PacketFigures> {
  const root = mkdtempSync(join(tmpdir(), 'pelita-bench-packets-'));
  let peak = 0;
  let phasePeak = 0;
  const sample = () => {
    const rss = process.memoryUsage().rss;
    peak = Math.max(peak, rss);
    phasePeak = Math.max(phasePeak, rss);
  };
  const phase = (name: string) => {
    sample();
    if (process.env.PACKET_BENCH_PHASES)
      console.error(`${name}: peak RSS ${Math.round(phasePeak / 1024 / 1024)} MB`);
    phasePeak = 0;
  };
  const timer = setInterval(sample, 100);
  const clock = { now: new Date('2026-11-30T02:00:00Z') };
  const now = () => clock.now;
  try {
    const a = await office(join(root, 'a'), 'Dinas Sosial Kota Banjarbaru', '63.72', now);
    const b = await office(join(root, 'b'), 'Dinas Sosial Kabupaten Banjar', '63.03', now);
    const cardOf = async (o: Office) =>
      (await call(o.b, o.token, 'packets.keys', {})) as unknown as {
        current: { fingerprint: string };
      };
    const bAtA = (await call(a.b, a.token, 'packets.addPartner', {
      fileId: await carry(
        b,
        a,
        (await call<{ fileId: string }>(b.b, b.token, 'packets.keyCard', {})).fileId,
        'exchangeKeyCard',
        'k.pelitakey',
      ),
      fingerprint: (await cardOf(b)).current.fingerprint,
    })) as unknown as { id: string };
    await call(b.b, b.token, 'packets.addPartner', {
      fileId: await carry(
        a,
        b,
        (await call<{ fileId: string }>(a.b, a.token, 'packets.keyCard', {})).fileId,
        'exchangeKeyCard',
        'k.pelitakey',
      ),
      fingerprint: (await cardOf(a)).current.fingerprint,
    });
    await fill(a, persons, clock.now.toISOString());
    clock.now = new Date(clock.now.getTime() + 60_000);
    phase('setup and fill');

    let t = performance.now();
    let cpu = process.cpuUsage();
    const sent = (await profiled('export', () =>
      call(a.b, a.token, 'packets.export', {
        partnerId: bAtA.id,
        choose: 'area',
        mode: 'full',
        legalBasis: 'vital_interest',
        purpose: 'Bench',
      }),
    )) as unknown as { fileId: string; counts: Record<string, number> };
    const exportS = (performance.now() - t) / 1000;
    const exportCpu = cpuSince(cpu);
    const records = Object.values(sent.counts).reduce((x, y) => x + y, 0);
    phase('export');

    const fileId = await carry(a, b, sent.fileId, 'exchangePacket', 'p.pelita');
    t = performance.now();
    cpu = process.cpuUsage();
    const opened = (await profiled('open', () =>
      call(b.b, b.token, 'packets.open', { fileId }),
    )) as unknown as {
      packetId: string;
    };
    const openS = (performance.now() - t) / 1000;
    const openCpu = cpuSince(cpu);
    phase('open+stage');
    // Every person is new at the partner: accepted as new (the decision is not what is timed).
    b.b.sqlite
      .prepare(`UPDATE exchange_staged SET decision = 'accept' WHERE packet_id = ?`)
      .run(opened.packetId);
    t = performance.now();
    cpu = process.cpuUsage();
    await profiled('apply', () =>
      call(b.b, b.token, 'packets.apply', { packetId: opened.packetId }),
    );
    const applyS = (performance.now() - t) / 1000;
    const applyCpu = cpuSince(cpu);
    phase('apply');
    // What was timed did the work: every person and stay arrived, each with its audit entry.
    const count = (q: string) => Number(b.b.sqlite.prepare(q).pluck().get());
    const arrived = {
      persons: count(`SELECT count(*) FROM persons`),
      stays: count(`SELECT count(*) FROM exchange_remote_stays`),
      audited: count(`SELECT count(*) FROM audit_log WHERE method = 'packets.apply'
        AND row_table IN ('persons', 'exchange_remote_stays') AND row_hash IS NOT NULL`),
    };
    if (arrived.persons !== persons || arrived.stays !== persons || arrived.audited !== records)
      throw new Error(`apply wrote ${JSON.stringify(arrived)} for ${records} records`);
    await a.b.close();
    await b.b.close();
    return {
      packet_records: records,
      packet_export_s: Number(exportS.toFixed(2)),
      packet_open_stage_s: Number(openS.toFixed(2)),
      packet_apply_records_per_s: Math.round(records / applyS),
      packet_peak_rss_mb: Math.round(peak / 1024 / 1024),
      packet_export_cpu_s: exportCpu,
      packet_open_stage_cpu_s: openCpu,
      packet_apply_s: Number(applyS.toFixed(2)),
      packet_apply_cpu_s: applyCpu,
    };
  } finally {
    clearInterval(timer);
    rmSync(root, { recursive: true, force: true });
  }
}

// `npx tsx test/bench/packets.ts 5000`: this part alone, at a reduced size.
if (process.argv[1]?.endsWith('packets.ts')) {
  const n = Number(process.argv[2] ?? 100_000);
  packetBench(n).then(
    (f) => console.log(JSON.stringify(f)),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
