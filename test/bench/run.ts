/**
 * `npm run bench [-- --persons N --stays N --audit N --cases N --fresh]`: builds a synthetic database once
 * into .cache/bench (default 1,000,000 persons, 2,000,000 stays, 200,000 audit entries; see
 * generate.ts), then measures through the real dispatch and prints a summary followed by one
 * final line of JSON. `--only cases` measures the case files alone (cases.ts), and `--dir D`
 * keeps the database in D instead, e.g. a smaller person registry for working on cases:
 * `npm run bench -- --only cases --dir /tmp/cases-bench --persons 250000 --stays 300000`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { openBackend, type Backend } from '../../electron/backend/app';
import { MIGRATIONS } from '../../electron/backend/db/migrations';
import { startDuplicateScan } from '../../electron/backend/persons/reviewScan';
import { benchBackup } from './backup';
import { benchCases } from './cases';
import { BENCH_PASSWORD, NOW } from './generate';
import { packetBench } from './packets';
import { benchKelurahan } from './kelurahan';
import { benchLetters } from './letters';
import { rng, variantOf } from './names';
import { benchReports } from './reports';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '1000000' },
    stays: { type: 'string', default: '2000000' },
    audit: { type: 'string', default: '200000' },
    cases: { type: 'string', default: '200000' },
    fresh: { type: 'boolean', default: false },
    /** People in the exchange-packet run (test/bench/packets.ts), each with a stay. */
    'packet-persons': { type: 'string', default: '100000' },
    'dtsen-rows': { type: 'string', default: '200000' },
    only: { type: 'string' },
    dir: { type: 'string' },
  },
});
if (values.only !== undefined && values.only !== 'cases') {
  console.error(`--only: only "cases" is known, not "${values.only}"`);
  process.exit(2);
}
const persons = Number(values.persons);
const stays = Number(values.stays);
const audit = Number(values.audit);
const root = process.cwd();
// A database built by an older generator or schema would measure the wrong thing: the folder
// name carries a fingerprint of both, so a change builds a fresh one.
const fingerprint = ['generate.ts', 'bulkLoad.ts', 'names.ts']
  .reduce((h, f) => h.update(readFileSync(join(root, 'test/bench', f))), createHash('sha256'))
  .update(String(MIGRATIONS.length))
  .digest('hex')
  .slice(0, 8);
const dir =
  values.dir ?? join(root, '.cache/bench', `p${persons}-s${stays}-a${audit}-${fingerprint}`);

let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

async function call(b: Backend, token: string | null, method: string, input: unknown) {
  const r = await b.dispatch(token, method, input);
  if (!r.response.ok)
    throw new Error(
      `${method}: ${r.response.error.message.en} ${JSON.stringify(r.response.error.issues ?? '')}`,
    );
  return r.response.data as Record<string, never>;
}

function pct(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return Number(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!.toFixed(2));
}

async function time<T>(
  items: T[],
  fn: (item: T, i: number) => Promise<unknown>,
): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const t = performance.now();
    await fn(items[i]!, i);
    out.push(performance.now() - t);
    sampleRss();
  }
  return out;
}

/** `n` rows picked at random (seeded) by rowid. */
function randomRows<T>(
  b: Backend,
  table: string,
  columns: string,
  n: number,
  r: () => number,
): T[] {
  const { max } = b.sqlite.prepare(`SELECT max(rowid) AS max FROM ${table}`).get() as {
    max: number;
  };
  const one = b.sqlite.prepare(`SELECT ${columns} FROM ${table} WHERE rowid = ?`);
  const out: T[] = [];
  for (let i = 0; i < n; i++) {
    const row = one.get(1 + Math.floor(r() * max)) as T | undefined;
    if (row) out.push(row);
  }
  return out;
}

/** Queries a clerk would type: names in other spellings, fragments, NIK prefixes, name + year. */
function searchQueries(b: Backend, n: number): { mixed: string[]; niks: string[] } {
  const r = rng(3);
  const sample = randomRows<{ full_name: string; nik: string | null; birth_year: number | null }>(
    b,
    'persons',
    'full_name, nik, birth_year',
    n * 2,
    r,
  );
  const mixed: string[] = [];
  const niks: string[] = [];
  for (const p of sample) {
    const words = p.full_name.split(' ');
    const kind = mixed.length % 20;
    if (p.nik) niks.push(p.nik);
    if (kind < 8)
      mixed.push(
        words
          .map((w) => variantOf(r, w.replace(/\.$/, '')))
          .join(' ')
          .toLowerCase(),
      );
    else if (kind < 13) {
      const w = words.reduce((a, c) => (c.length > a.length ? c : a), '');
      const len = 3 + Math.floor(r() * 3);
      const at = Math.floor(r() * Math.max(1, w.length - len));
      mixed.push(w.slice(at, at + len).toLowerCase());
    } else if (kind < 17 && p.nik) mixed.push(p.nik.slice(0, 6 + Math.floor(r() * 5)));
    else if (p.birth_year) mixed.push(`${words[0]!.toLowerCase()} ${p.birth_year}`);
    if (mixed.length >= n) break;
  }
  return { mixed, niks: niks.slice(0, 200) };
}

/** Registered people typed again: name words in other spellings, the same birth and origin. */
function duplicateProbes(b: Backend, n: number) {
  const r = rng(5);
  return randomRows<{
    full_name: string;
    sex: 'M' | 'F' | null;
    birth_date: string | null;
    birth_year: number | null;
    birth_date_estimated: number;
    origin_code: string | null;
  }>(
    b,
    'persons',
    'full_name, sex, birth_date, birth_year, birth_date_estimated, origin_code',
    n,
    r,
  ).map((p) => ({
    fullName: p.full_name
      .split(' ')
      .map((w) => variantOf(r, w.replace(/\.$/, '')))
      .join(' '),
    sex: p.sex,
    birthDate: p.birth_date,
    estimatedAge: p.birth_date || p.birth_year === null ? null : 2026 - p.birth_year,
    originCode: p.origin_code,
  }));
}

async function main() {
  if (values.fresh) rmSync(dir, { recursive: true, force: true });
  if (!existsSync(join(dir, 'ready.json'))) {
    rmSync(dir, { recursive: true, force: true });
    const tsx = join(root, 'node_modules/.bin/tsx');
    const g = spawnSync(
      tsx,
      [
        'test/bench/generate.ts',
        '--dir',
        dir,
        '--persons',
        `${persons}`,
        '--stays',
        `${stays}`,
        '--audit',
        `${audit}`,
      ],
      {
        stdio: 'inherit',
      },
    );
    if (g.status !== 0) process.exit(g.status ?? 1);
  }
  sampleRss();
  // Start after everything earlier runs wrote: a check-in may not overlap an earlier stay.
  const latest = (() => {
    const probe = new Database(join(dir, 'pelita.sqlite'), { readonly: true });
    try {
      const row = probe
        .prepare(
          'SELECT max(max(checkin_at), max(ifnull(checkout_at, checkin_at))) AS t FROM stays',
        )
        .get() as {
        t: string | null;
      };
      return row.t ? Date.parse(row.t) : NOW;
    } finally {
      probe.close();
    }
  })();
  const clock = { now: new Date(Math.max(NOW, latest) + 60_000) };
  // The duplicate scan is timed alone below; a rebuild of the name keys (new rules) runs first.
  const b = await openBackend({
    dataDir: dir,
    now: () => clock.now,
    duplicateScan: false,
    // Backups are timed alone below (backup.ts).
    autoBackup: false,
    log: (line) => console.log(`  ${line}`),
  });
  await b.background;
  const token = (
    await b.dispatch(null, 'auth.login', { username: 'admin', password: BENCH_PASSWORD })
  ).session;
  const admin = token && 'set' in token ? token.set : null;
  const shelters = (await call(b, admin, 'shelters.list', {})).shelters as unknown as {
    id: string;
    name: string;
    rooms: { beds: { id: string }[] }[];
  }[];
  if (values.only === 'cases') {
    const only = await benchCases(
      b,
      (method, input) => call(b, admin, method, input),
      Number(values.cases),
    );
    await b.close();
    console.log(JSON.stringify(only));
    return;
  }
  const main = shelters.find((s) => s.name.includes('Banjarbaru'))!;
  const transit = shelters.find((s) => s.name.includes('Transit'))!;

  const { mixed, niks } = searchQueries(b, 400);
  // Warm up: JIT and SQLite's page cache, as on a PC that has been in use for a while.
  await time(mixed.slice(0, 40), (q) => call(b, admin, 'persons.search', { q, limit: 20 }));
  const search = await time(mixed, (q) => call(b, admin, 'persons.search', { q, limit: 20 }));
  const nikLookup = await time(niks, (q) => call(b, admin, 'persons.search', { q, limit: 20 }));

  // The duplicate warning as a clerk meets it: a registered person typed again in another spelling.
  const probes = duplicateProbes(b, 300);
  await time(probes.slice(0, 30), (p) => call(b, admin, 'persons.duplicates', p));
  const dupCheck = await time(probes, (p) => call(b, admin, 'persons.duplicates', p));
  // The review queue's background scan, over a slice of the registry.
  const scanStart = performance.now();
  const scanRows = Math.min(5000, persons);
  await startDuplicateScan(b.sqlite, { now: () => clock.now, maxRows: scanRows, follow: false })
    .finished;
  const scanPerS = Math.round(scanRows / ((performance.now() - scanStart) / 1000));

  // Check-ins of people not in the shelter into the transit shelter's free beds.
  const free = transit.rooms.flatMap((r) => r.beds.map((x) => x.id));
  const candidates = b.sqlite
    .prepare(
      `SELECT id FROM persons WHERE merged_into IS NULL AND id NOT IN (SELECT person_id FROM stays WHERE checkout_at IS NULL)
      ORDER BY rowid LIMIT ?`,
    )
    .all(100) as { id: string }[];
  const checkin = await time(candidates, async (p, i) => {
    const stay = await call(b, admin, 'stays.checkIn', {
      personId: p.id,
      bedId: free[i % free.length],
      referralSource: 'satpol_pp',
      ppks: ['PPKS-11'],
    });
    clock.now = new Date(clock.now.getTime() + 1000);
    // Not timed separately: free the bed again for the next run.
    await call(b, admin, 'stays.checkOut', {
      id: (stay as unknown as { id: string }).id,
      version: (stay as unknown as { version: number }).version,
      checkoutAt: clock.now.toISOString(),
      exitType: 'left',
    });
  });
  // The check-out above is inside the timing; measure check-in alone by subtracting a check-out sample.
  const roster = await time(Array.from({ length: 30 }), () =>
    call(b, admin, 'stays.roster', { shelterId: main.id }),
  );
  const rosterSize = (
    (await call(b, admin, 'stays.roster', { shelterId: main.id })).beds as unknown as {
      stay: unknown;
    }[]
  ).filter((x) => x.stay).length;

  const cursorRows = randomRows<{ checkin_at: string; id: string }>(
    b,
    'stays',
    'checkin_at, id',
    40,
    rng(4),
  );
  const cursor = (i: number) => {
    const c = cursorRows[i % cursorRows.length]!;
    return Buffer.from(`${c.checkin_at}|${c.id}`).toString('base64url');
  };
  const filters = [
    () => ({}),
    (i: number) => ({ after: cursor(i) }),
    () => ({ shelterId: main.id }),
    () => ({ originRegency: '63.03' }),
    (i: number) => ({ originRegency: '63.71', after: cursor(i) }),
    () => ({ exitType: 'repatriated' }),
    () => ({ exitType: 'active' }),
    () => ({ ppks: 'PPKS-11' }),
    (i: number) => ({ ppks: 'PPKS-20', after: cursor(i) }),
    () => ({ from: '2022-03-01', to: '2022-03-31' }),
    () => ({ from: '2020-01-01', to: '2020-12-31', originRegency: '63.72' }),
    () => ({ ppks: 'PPKS-08', originRegency: '63.01' }),
  ];
  const historyByFilter = filters.map(() => [] as number[]);
  await time(Array.from({ length: 240 }), async (_, i) => {
    const f = i % filters.length;
    const t = performance.now();
    await call(b, admin, 'stays.history', { ...filters[f]!(i), limit: 50 });
    historyByFilter[f]!.push(performance.now() - t);
  });
  const history = historyByFilter.flat();
  const checkoutOnly = await time(candidates.slice(0, 30), async (p, i) => {
    const stay = (await call(b, admin, 'stays.checkIn', {
      personId: p.id,
      bedId: free[i % free.length],
      referralSource: 'self',
      ppks: ['PPKS-12'],
    })) as unknown as {
      id: string;
      version: number;
    };
    clock.now = new Date(clock.now.getTime() + 1000);
    const t = performance.now();
    await call(b, admin, 'stays.checkOut', {
      id: stay.id,
      version: stay.version,
      checkoutAt: clock.now.toISOString(),
      exitType: 'left',
    });
    return performance.now() - t;
  });
  const caseFigures = await benchCases(
    b,
    (method, input) => call(b, admin, method, input),
    Number(values.cases),
  );
  const { letter_detail: letterDetail, ...letters } = await benchLetters(
    b,
    (m, input) => call(b, admin, m, input),
    clock,
  );
  const verifyStart = performance.now();
  const chain = (await call(b, admin, 'audit.verify', {})) as unknown as {
    intact: boolean;
    checked: number;
  };
  const verifyMs = performance.now() - verifyStart;
  sampleRss();
  const reports = await benchReports(b, admin, clock.now);
  const backupFigures = await benchBackup(
    b,
    (method, input) => call(b, admin, method, input),
    (line) => console.log(`  ${line}`),
  );
  sampleRss();
  // After the audit check: the list import writes a large, audited batch.
  const kelurahan = await benchKelurahan(b, admin, {
    rows: Number(values['dtsen-rows']),
    now: () => clock.now,
  });
  const counts = b.sqlite
    .prepare(
      'SELECT (SELECT count(*) FROM persons) AS persons, (SELECT count(*) FROM stays) AS stays',
    )
    .get() as {
    persons: number;
    stays: number;
  };
  await b.close();

  // checkin samples include a check-out; report check-in as the difference of medians, and the pair.
  const result = {
    persons: counts.persons,
    stays: counts.stays,
    search_p50_ms: pct(search, 50),
    search_p95_ms: pct(search, 95),
    nik_lookup_p95_ms: pct(nikLookup, 95),
    dup_check_p95_ms: pct(dupCheck, 95),
    dup_scan_records_per_s: scanPerS,
    checkin_p95_ms: Number(Math.max(0, pct(checkin, 95) - pct(checkoutOnly, 50)).toFixed(2)),
    checkin_checkout_pair_p95_ms: pct(checkin, 95),
    roster_p95_ms: pct(roster, 95),
    roster_residents: rosterSize,
    history_page_p95_ms: pct(history, 95),
    history_page_max_ms: Number(Math.max(...history).toFixed(2)),
    audit_entries: chain.checked,
    audit_verify_ms: Math.round(verifyMs),
    ...backupFigures,
    ...letters,
    peak_rss_mb: Math.round(peakRss / 1024 / 1024),
    report_year_max_ms: reports.report_year_max_ms,
    xlsx_100k_s: reports.xlsx_100k_s,
    xlsx_peak_rss_mb: reports.xlsx_peak_rss_mb,
    xlsx_worker_heap_mb: reports.xlsx_worker_heap_mb,
    ...(await packetBench(Number(values['packet-persons']))),
    ...kelurahan,
    ...caseFigures,
  };
  console.log('Pelita benchmark');
  console.log(
    `  data: ${result.persons} persons, ${result.stays} stays, ${result.audit_entries} audit entries (chain ${chain.intact ? 'intact' : 'BROKEN'})`,
  );
  console.log(
    `  person search (${search.length} mixed queries): p50 ${result.search_p50_ms} ms, p95 ${result.search_p95_ms} ms   (target p95 < 15)`,
  );
  console.log(
    `  NIK lookup (${nikLookup.length}): p95 ${result.nik_lookup_p95_ms} ms   (target < 5)`,
  );
  console.log(
    `  duplicate check (${dupCheck.length} retyped people): p95 ${result.dup_check_p95_ms} ms   (target < 20)`,
  );
  console.log(`  duplicate scan: ${result.dup_scan_records_per_s} people/s`);
  console.log(
    `  check-in: p95 ${result.checkin_p95_ms} ms (check-in + check-out pair p95 ${result.checkin_checkout_pair_p95_ms} ms)   (target < 20)`,
  );
  console.log(
    `  roster of ${rosterSize} residents: p95 ${result.roster_p95_ms} ms   (target < 50)`,
  );
  filters.forEach((f, i) =>
    console.log(
      `    history ${JSON.stringify(f(0)).slice(0, 60).padEnd(60)} p95 ${pct(historyByFilter[i]!, 95)} ms`,
    ),
  );
  console.log(
    `  history page (all filters): p95 ${result.history_page_p95_ms} ms, max ${result.history_page_max_ms} ms   (target < 50)`,
  );
  console.log(
    `  letters: ${letters.letters_issued} issued with no gap; PDF p95 ${letters.letter_pdf_p95_ms} ms (target < 150); register page p95 ${letters.letter_register_p95_ms} ms (target < 50)`,
  );
  for (const [name, s] of Object.entries(letterDetail))
    console.log(
      `    letters ${name.padEnd(24)} wall p50 ${s.wall.p50} p95 ${s.wall.p95} ms   CPU p50 ${s.cpu.p50} p95 ${s.cpu.p95} ms`,
    );
  console.log(`  audit chain verify: ${result.audit_verify_ms} ms`);
  console.log(
    `  backup + verify: ${result.backup_verify_mb_per_s} MB/s   restore drill: ${result.restore_drill_s} s`,
  );
  console.log(`  peak RSS: ${result.peak_rss_mb} MB   (target < 500)`);
  console.log(
    `  reports for a year: ${JSON.stringify(reports.report_year_ms)} ms, CPU ${JSON.stringify(reports.report_year_cpu_ms)} ms   (target < 2000 each)`,
  );
  console.log(
    `  XLSX of ${reports.xlsx_rows} people: ${result.xlsx_100k_s} s, peak RSS ${result.xlsx_peak_rss_mb} MB (worker heap ${result.xlsx_worker_heap_mb} MB)   (target < 15 s, < 600 MB)`,
  );
  console.log(
    `  packets (${result.packet_records} records): export ${result.packet_export_s} s (CPU ${result.packet_export_cpu_s} s; target < 10), open+stage ${result.packet_open_stage_s} s (CPU ${result.packet_open_stage_cpu_s} s; < 10), apply ${result.packet_apply_records_per_s} records/s (${result.packet_apply_s} s, CPU ${result.packet_apply_cpu_s} s; ≥ 20,000), peak RSS ${result.packet_peak_rss_mb} MB (< 1024)`,
  );
  console.log(JSON.stringify(result));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
