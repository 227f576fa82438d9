/**
 * PPKS case files at office scale: `n` cases (default 200,000) with about ten timeline rows each,
 * written straight into the bench database on first use (not the cached generator: only this
 * bench needs them), then measured through dispatch: the case list with each filter, one case
 * page, and a year's figures.
 */
import type { Backend } from '../../electron/backend/app';
import { uuidv7 } from '../../electron/backend/lib/ids';
import { CASE_STATES, CLOSURE_REASONS, REFERRAL_AGENCIES } from '../../shared/reference/cases';
import { PPKS_CODES } from '../../shared/reference/ppks';
import { NOW } from './generate';
import { rng } from './names';

const DAY = 86_400_000;
type Call = (method: string, input: unknown) => Promise<Record<string, unknown>>;

/** Writes cases until there are `n` (one person each, from the registry in rowid order). */
export function fillCases(b: Backend, n: number): void {
  const have = b.sqlite.prepare('SELECT count(*) FROM cases').pluck().get() as number;
  if (have >= n) return;
  const r = rng(11);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const admin = b.sqlite
    .prepare(`SELECT id FROM users WHERE username = 'admin'`)
    .pluck()
    .get() as string;
  const iso = new Date(NOW).toISOString();
  // Twenty caseworkers and three supervisors.
  const addUser = b.sqlite.prepare(`INSERT INTO users (id, username, full_name, password_hash,
    password_changed_at, created_at, updated_at) VALUES (?, ?, ?, 'x', ?, ?, ?)`);
  const addRole = b.sqlite.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)');
  const workers: string[] = [];
  const bosses: string[] = [];
  const kelurahan = b.sqlite
    .prepare(`SELECT code FROM regions WHERE code LIKE '63.72.%' AND level = 4`)
    .pluck()
    .all() as string[];
  const origins = b.sqlite
    .prepare(`SELECT code FROM regions WHERE level = 2 AND code LIKE '63.%'`)
    .pluck()
    .all() as string[];
  const persons = b.sqlite
    .prepare('SELECT id FROM persons WHERE merged_into IS NULL ORDER BY rowid LIMIT ?')
    .pluck()
    .all(n - have) as string[];
  const insCase = b.sqlite.prepare(`INSERT INTO cases (id, number, seq, seq_year, person_id,
    main_ppks, origin, origin_region_code, location_region_code, caseworker_id, supervisor_id,
    state, opened_at, opened_day, assessment_due, assessment, risk_level,
    assessment_submitted_at, assessment_approved_at, plan_goals, plan_submitted_at,
    plan_approved_at, review_due, closure_reason, closure_summary, closure_requested_at,
    closed_at, consent_processing, consent_sharing, awaiting, due_kind, due_on,
    created_at, created_by, updated_at, updated_by)
    VALUES (@id, @number, @seq, @year, @person, @ppks, 'outreach', @origin, @location, @worker,
    @boss, @state, @opened, @openedDay, @assessmentDue, @assessment, @risk, @submitted, @approved,
    @goals, @planSubmitted, @planApproved, @reviewDue, @reason, @summary, @requested, @closed,
    1, 1, @awaiting, @dueKind, @dueOn, @opened, @by, @opened, @by)`);
  const insPpks = b.sqlite.prepare(
    'INSERT INTO case_ppks (case_id, ppks, position) VALUES (?, ?, ?)',
  );
  const insEvent = b.sqlite.prepare(`INSERT INTO case_events (id, case_id, at, kind, action,
    from_state, to_state, party, note, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insRef = b.sqlite.prepare(`INSERT INTO case_referrals (id, case_id, agency_kind,
    agency_name, region_code, reason, state, sent_at, responded_at, ended_at, outcome,
    failure_reason, created_at, updated_at)
    VALUES (?, ?, ?, 'Instansi tujuan', ?, 'Rujukan', ?, ?, ?, ?, ?, ?, ?, ?)`);
  const counters = new Map<number, number>();
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

  b.sqlite.transaction(() => {
    for (let i = 0; i < 23; i++) {
      const id = uuidv7(NOW - i);
      addUser.run(id, `bench.cw${i}`, `Pekerja Sosial ${i}`, iso, iso, iso);
      addRole.run(id, i < 20 ? 'caseworker' : 'supervisor');
      (i < 20 ? workers : bosses).push(id);
    }
    const start = NOW - 6 * 365 * DAY;
    for (let i = 0; i < persons.length; i++) {
      const openedMs = start + Math.floor(((NOW - start) * i) / persons.length);
      const opened = new Date(openedMs).toISOString();
      const year = Number(opened.slice(0, 4));
      const seq = (counters.get(year) ?? 0) + 1;
      counters.set(year, seq);
      // Old cases are mostly closed; recent ones spread over the states.
      const recent = NOW - openedMs < 120 * DAY;
      const state = recent ? pick(CASE_STATES) : r() < 0.93 ? 'closed' : pick(CASE_STATES);
      const at = (days: number) => new Date(openedMs + days * DAY).toISOString();
      const assessed = state !== 'opened' && state !== 'assessment';
      const planned = assessed && state !== 'plan';
      const closed = state === 'closed';
      const id = uuidv7(openedMs);
      const reviewDue =
        planned && !closed ? day(openedMs + (30 + Math.floor(r() * 60)) * DAY) : null;
      const assessmentDue = day(openedMs + 5 * DAY);
      const ppks = [pick(PPKS_CODES)];
      if (r() < 0.4) {
        const extra = pick(PPKS_CODES);
        if (extra !== ppks[0]) ppks.push(extra);
      }
      const worker = workers[i % workers.length]!;
      insCase.run({
        id,
        number: `KS/${String(seq).padStart(5, '0')}/${year}`,
        seq,
        year,
        person: persons[i],
        ppks: ppks[0],
        origin: pick(origins),
        location: r() < 0.8 ? pick(kelurahan) : null,
        worker,
        boss: pick(bosses),
        state,
        opened,
        openedDay: day(openedMs),
        assessmentDue,
        assessment: state === 'opened' ? null : '{"needs":"Tempat tinggal"}',
        risk: state === 'opened' ? null : pick(['low', 'medium', 'high']),
        submitted: state === 'opened' ? null : at(2),
        approved: assessed ? at(3) : null,
        goals: assessed ? 'Kembali ke keluarga' : null,
        planSubmitted: planned ? at(5) : null,
        planApproved: planned ? at(6) : null,
        reviewDue,
        reason: closed || state === 'closure_requested' ? pick(CLOSURE_REASONS) : null,
        summary: closed ? 'Selesai' : null,
        requested: closed || state === 'closure_requested' ? at(40) : null,
        closed: closed ? at(42) : null,
        awaiting:
          state === 'assessment' ? 'assessment' : state === 'closure_requested' ? 'closure' : null,
        dueKind: state === 'opened' ? 'assessment' : reviewDue ? 'review' : null,
        dueOn: state === 'opened' ? assessmentDue : reviewDue,
        by: admin,
      });
      ppks.forEach((p, k) => insPpks.run(id, p, k));
      const steps = closed ? 10 : 3 + Math.floor(r() * 6);
      for (let e = 0; e < steps; e++)
        insEvent.run(
          uuidv7(openedMs + e),
          id,
          at(e * 4),
          e === 0 ? 'created' : e % 3 === 0 ? 'action' : 'transition',
          e === 0 ? null : e % 3 === 0 ? 'service' : 'submit_assessment',
          null,
          e === 0 ? 'opened' : null,
          null,
          e % 3 === 0 ? 'Layanan diberikan' : null,
          worker,
          at(e * 4),
        );
      if (i % 5 === 0) {
        const kind = pick(REFERRAL_AGENCIES);
        const done = closed;
        const outcome = done ? (r() < 0.8 ? 'successful' : 'unsuccessful') : null;
        insRef.run(
          uuidv7(openedMs + 99),
          id,
          kind,
          kind === 'dinsos_region' ? pick(origins) : null,
          done ? 'done' : 'sent',
          at(10),
          done ? at(12) : null,
          done ? at(30) : null,
          outcome,
          outcome === 'unsuccessful' ? 'no_capacity' : null,
          at(10),
          at(10),
        );
      }
    }
    for (const [year, last] of counters)
      b.sqlite
        .prepare(
          `INSERT INTO number_registers (key, year, last) VALUES ('case', ?, ?)
           ON CONFLICT (key, year) DO UPDATE SET last = excluded.last`,
        )
        .run(year, last);
  })();
  b.sqlite.exec('ANALYZE');
}

function pct(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return Number(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!.toFixed(2));
}

/** Wall and CPU milliseconds per call: the machine may be busy, CPU time says what a call costs. */
interface Samples {
  wall: number[];
  cpu: number[];
}

const samples = (): Samples => ({ wall: [], cpu: [] });

async function timed(n: number, fn: (i: number) => Promise<unknown>, into = samples()) {
  for (let i = 0; i < n; i++) {
    const cpu = process.cpuUsage();
    const t = performance.now();
    await fn(i);
    into.wall.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    into.cpu.push((used.user + used.system) / 1000);
  }
  return into;
}

const describe = (s: Samples) =>
  `wall p50 ${pct(s.wall, 50)} p95 ${pct(s.wall, 95)} ms, cpu p50 ${pct(s.cpu, 50)} p95 ${pct(s.cpu, 95)} ms`;

/**
 * The list as its users ask for it: each filter alone, the views of the case list ("my cases",
 * the approvals queue, the home card), each sort, and a few combinations.
 */
export const CASE_LIST_BENCH_FILTERS = (
  worker: string,
  boss = worker,
): Record<string, unknown>[] => [
  {},
  { state: 'open' },
  { state: 'closed' },
  { state: 'assessment' },
  { state: 'in_service', sort: 'due' },
  { ppks: 'PPKS-08' },
  { caseworker: worker },
  { caseworker: worker, state: 'open' },
  { caseworker: worker, due: 'soon', sort: 'due', pageSize: 5 },
  { supervisor: boss },
  { supervisor: boss, awaiting: 'any' },
  { originRegion: '63.03' },
  { originRegion: '63' },
  { location: '63.72.04' },
  { location: '63.72' },
  { risk: 'high' },
  { due: 'overdue' },
  { due: 'overdue_review' },
  { due: 'overdue_assessment' },
  { due: 'soon' },
  { awaiting: 'any' },
  { awaiting: 'closure' },
  { from: '2025-01-01', to: '2025-03-31' },
  { from: '2021-06-01' },
  { state: 'closed', page: 40 },
  { page: 400 },
  { sort: 'oldest' },
  { sort: 'number' },
  { sort: 'due' },
  { ppks: 'PPKS-11', location: '63.72.01' },
  { ppks: 'PPKS-03', risk: 'high' },
  { state: 'open', location: '63.72.02', risk: 'medium' },
  { state: 'closed', originRegion: '63.71', from: '2023-01-01', to: '2023-12-31' },
  { caseworker: worker, ppks: 'PPKS-05', sort: 'oldest' },
  { q: 'KS/00123' },
  // The search box by name (cases/search.ts): a full name as typed, and a surname alone.
  { q: 'Budi Santoso' },
  { q: 'siregar' },
];

/** The case figures for the final JSON line (and a line per list filter on the console). */
export async function benchCases(b: Backend, call: Call, n: number) {
  const fillStart = performance.now();
  fillCases(b, n);
  const fillMs = Math.round(performance.now() - fillStart);
  const worker = b.sqlite
    .prepare(`SELECT id FROM users WHERE username = 'bench.cw3'`)
    .pluck()
    .get() as string;
  const boss = b.sqlite
    .prepare(`SELECT id FROM users WHERE username = 'bench.cw21'`)
    .pluck()
    .get() as string;
  const filters = CASE_LIST_BENCH_FILTERS(worker, boss);
  await timed(filters.length, (i) => call('cases.list', filters[i]!));
  const byFilter = filters.map(() => samples());
  for (let round = 0; round < 20; round++)
    for (let f = 0; f < filters.length; f++)
      await timed(1, () => call('cases.list', filters[f]!), byFilter[f]);
  const list: Samples = {
    wall: byFilter.flatMap((s) => s.wall),
    cpu: byFilter.flatMap((s) => s.cpu),
  };
  const r = rng(12);
  const max = b.sqlite.prepare('SELECT max(rowid) FROM cases').pluck().get() as number;
  const ids = Array.from(
    { length: 150 },
    () =>
      b.sqlite
        .prepare('SELECT id FROM cases WHERE rowid >= ? LIMIT 1')
        .pluck()
        .get(1 + Math.floor(r() * max)) as string,
  );
  await timed(20, (i) => call('cases.get', { id: ids[i] }));
  const page = await timed(ids.length, (i) => call('cases.get', { id: ids[i] }));
  const year = { from: '2025-01-01', to: '2025-12-31' };
  await call('cases.figures', year);
  const figures = await timed(5, () => call('cases.figures', year));
  const count = b.sqlite.prepare('SELECT count(*) FROM cases').pluck().get() as number;
  const events = b.sqlite.prepare('SELECT count(*) FROM case_events').pluck().get() as number;
  console.log(`  cases: ${count} cases, ${events} timeline rows (written in ${fillMs} ms)`);
  filters.forEach((f, i) =>
    console.log(
      `    case list ${JSON.stringify(f).slice(0, 58).padEnd(58)} ${describe(byFilter[i]!)}`,
    ),
  );
  const result = {
    cases: count,
    case_list_p95_ms: pct(list.wall, 95),
    case_list_cpu_p95_ms: pct(list.cpu, 95),
    case_page_p95_ms: pct(page.wall, 95),
    case_page_cpu_p95_ms: pct(page.cpu, 95),
    case_figures_year_ms: Math.round(Math.max(...figures.wall)),
    case_figures_year_cpu_ms: Math.round(Math.max(...figures.cpu)),
  };
  console.log(`  case list (all filters): ${describe(list)} (target p95 < 50)`);
  console.log(`  case page: ${describe(page)} (target p95 < 30)`);
  console.log(`  case figures for a year: ${describe(figures)} (target < 500)`);
  return result;
}
