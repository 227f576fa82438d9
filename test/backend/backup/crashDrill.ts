/**
 * The crash drill, without vitest so `npm run test:crash` can run it for longer: a writer
 * process (crashWriter.ts) is killed with SIGKILL at random moments; after each kill the
 * database is opened again and checked: every acknowledged write is there, `integrity_check`
 * is ok, the audit trail verifies, complaint numbers have no gaps.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { Kysely, SqliteDialect } from 'kysely';
import { openBackend } from '../../../electron/backend/app';
import { verifyTrail } from '../../../electron/backend/audit/verify';
import type { DB } from '../../../electron/backend/db/schema';
import { openOfficeKey } from '../../../electron/backend/keys/officeKey';

const ROOT = join(import.meta.dirname, '../../..');

/** Bundles the writer once; beside the project so its packages resolve from node_modules. */
export async function buildWriter(): Promise<string> {
  const outDir = join(ROOT, 'test-results', 'crash-writer');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `writer-${process.pid}.mjs`);
  await build({
    entryPoints: [join(import.meta.dirname, 'crashWriter.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // Packages load from node_modules as the app loads them (some are CommonJS needing require).
    packages: 'external',
    logLevel: 'error',
  });
  return outfile;
}

/** A data folder after first-run setup with one shelter bed; returns the bed's id. */
export async function prepareOffice(dataDir: string): Promise<string> {
  const b = await openBackend({ dataDir, autoBackup: false, duplicateScan: false });
  try {
    const setup = await b.dispatch(null, 'auth.setup', {
      office: {
        name: 'Dinas Sosial Kota Banjarbaru',
        regionCode: '63.72',
        address: 'Jl. Pangeran Suriansyah No. 5, Banjarbaru',
        timeZone: 'Asia/Makassar',
        maxStayDays: 7,
      },
      admin: { username: 'admin', fullName: 'Admin Pelita', password: 'Banjarbaru-2026x' },
    });
    const token = setup.session && 'set' in setup.session ? setup.session.set : null;
    const call = async (method: string, input: unknown) => {
      const r = await b.dispatch(token, method, input);
      if (!r.response.ok) throw new Error(`${method}: ${r.response.error.key}`);
      return r.response.data as { id: string; rooms: { id: string; beds: { id: string }[] }[] };
    };
    const shelter = await call('shelters.save', { name: 'Rumah Singgah', capacity: 5 });
    const room = await call('shelters.saveRoom', {
      shelterId: shelter.id,
      name: 'Ruang Campur',
      kind: 'family',
    });
    const withBed = await call('shelters.saveBed', { roomId: room.rooms[0]!.id, label: '1' });
    return withBed.rooms[0]!.beds[0]!.id;
  } finally {
    await b.close();
  }
}

export interface WriterRun {
  acked: string[];
  lines: string[];
}

export interface KillPlan {
  /** Kill once this many writes were acknowledged, `delayMs` later (mid-write, usually). */
  afterAcks?: number;
  delayMs?: number;
  /** Or once a line matches. */
  until?: (line: string) => boolean;
  backup?: boolean;
}

/** A writer process, loaded and waiting; `start` lets it open the database. */
export interface Writer {
  start(plan: KillPlan): Promise<WriterRun>;
  /** Ends a writer never started. */
  abandon(): void;
}

export function spawnWriter(
  writer: string,
  dataDir: string,
  bedId: string,
  tag: string,
  backup = false,
): Writer {
  const child = spawn(
    process.execPath,
    [writer, dataDir, bedId, tag, ...(backup ? ['backup'] : [])],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines: string[] = [];
  let rest = '';
  let plan: KillPlan = {};
  let acks = 0;
  let killing = false;
  const kill = () => {
    if (killing) return;
    killing = true;
    setTimeout(() => child.kill('SIGKILL'), plan.delayMs ?? 0);
  };
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      if (/^[PCSO] /.test(line)) acks++;
      if (line.startsWith('ERROR')) child.kill('SIGKILL');
      else if (line === 'READY' && plan.afterAcks === 0) kill();
      else if (plan.afterAcks !== undefined && acks >= plan.afterAcks) kill();
      else if (plan.until?.(line)) kill();
    }
  });
  const exited = new Promise<WriterRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', () => {
      if (rest) lines.push(rest);
      const error = lines.find((l) => l.startsWith('ERROR'));
      if (error) reject(new Error(error));
      else resolve({ lines, acked: lines.filter((l) => /^[PCSO] /.test(l)) });
    });
  });
  return {
    start(p) {
      plan = p;
      child.stdin!.write('GO\n');
      return exited;
    },
    abandon() {
      exited.catch(() => undefined);
      child.kill('SIGKILL');
    },
  };
}

/** What is wrong with the database after a crash; empty when nothing is. */
export async function checkAfterCrash(
  dataDir: string,
  acked: readonly string[],
  full = true,
): Promise<string[]> {
  const problems: string[] = [];
  const sqlite = new Database(join(dataDir, 'pelita.sqlite'));
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    // The whole file, or (between full checks: the regions alone take most of a second) each
    // table the writer touches with its indexes.
    const tables = full
      ? [null]
      : (sqlite
          .prepare(
            `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'regions%'
             AND name NOT LIKE 'sqlite_%'`,
          )
          .pluck()
          .all() as string[]);
    for (const table of tables) {
      const integrity = sqlite.pragma(table ? `integrity_check("${table}")` : 'integrity_check', {
        simple: true,
      });
      if (integrity !== 'ok') problems.push(`integrity_check ${table ?? ''}: ${String(integrity)}`);
    }
    const has = {
      P: sqlite.prepare('SELECT 1 FROM persons WHERE id = ?').pluck(),
      C: sqlite.prepare('SELECT 1 FROM complaints WHERE id = ? AND number = ?').pluck(),
      S: sqlite.prepare('SELECT 1 FROM stays WHERE id = ?').pluck(),
      O: sqlite.prepare('SELECT 1 FROM stays WHERE id = ? AND checkout_at IS NOT NULL').pluck(),
    };
    for (const line of acked) {
      const [kind, ...args] = line.split(' ') as [keyof typeof has, ...string[]];
      if (!has[kind].get(...args)) problems.push(`acknowledged write missing: ${line}`);
    }
    const seqs = sqlite
      .prepare(
        `SELECT seq_year, seq FROM complaints WHERE kind = 'complaint' ORDER BY seq_year, seq`,
      )
      .all() as { seq_year: number; seq: number }[];
    const byYear = new Map<number, number[]>();
    for (const r of seqs) byYear.set(r.seq_year, [...(byYear.get(r.seq_year) ?? []), r.seq]);
    for (const [year, list] of byYear)
      list.forEach((seq, i) => {
        if (seq !== i + 1) problems.push(`complaint numbers ${year}: #${i + 1} is ${seq}`);
      });
    const trail = await verifyTrail(db, openOfficeKey(dataDir));
    // A kill between a write and the next start leaves only what SQLite promised; the trail
    // must be intact (an entry "rows added outside Pelita" would be a problem too).
    if (!trail.intact)
      problems.push(
        `audit: ${trail.problemCount} problem(s): ${JSON.stringify(trail.problems.slice(0, 3))}`,
      );
  } finally {
    await db.destroy();
  }
  return problems;
}

const FULL_CHECK_EVERY = 20;

export interface DrillResult {
  cycles: number;
  acked: number;
  problems: string[];
}

/**
 * `cycles` kills at random moments: after 0 to `maxAcks` acknowledged writes, 0–30 ms later
 * (a write is usually under way then).
 * The whole file's integrity_check runs every FULL_CHECK_EVERY cycles and after the last.
 */
export async function crashDrill(
  cycles: number,
  opts: { maxAcks?: number; log?: (line: string) => void } = {},
): Promise<DrillResult> {
  const dir = mkdtempSync(join(tmpdir(), 'pelita-crash-'));
  const writer = await buildWriter();
  try {
    const bedId = await prepareOffice(dir);
    const acked: string[] = [];
    const problems: string[] = [];
    let next = spawnWriter(writer, dir, bedId, '0');
    for (let i = 0; i < cycles && problems.length === 0; i++) {
      const current = next;
      const running = current.start({
        afterAcks: Math.floor(Math.random() * (opts.maxAcks ?? 6)),
        delayMs: Math.random() * 30,
      });
      const run = await running;
      // The next writer loads while this one is checked.
      next = spawnWriter(writer, dir, bedId, String(i + 1));
      acked.push(...run.acked);
      const full = i % FULL_CHECK_EVERY === FULL_CHECK_EVERY - 1 || i === cycles - 1;
      for (const p of await checkAfterCrash(dir, acked, full)) problems.push(`cycle ${i}: ${p}`);
      if (i % 50 === 49) opts.log?.(`${i + 1} cycles, ${acked.length} acknowledged writes`);
    }
    next.abandon();
    return { cycles, acked: acked.length, problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(writer, { force: true });
  }
}
