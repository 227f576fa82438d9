/**
 * The review queue: pairs of records already in the registry that the matcher takes for one
 * person. A background scan walks every person once (resumable, with progress in app_meta), then
 * looks at people registered since every few seconds; a record saved despite the warning is
 * queued at once. An admin merges a pair or marks it "not the same": the decision is kept, never asked again.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import {
  CANDIDATE_COLUMNS,
  findMatches,
  recordOf,
  sqliteReader,
  type CandidateRow,
  type Match,
} from './duplicates';

/** app_meta: how far the scan got ({ after, done, total }). */
export const SCAN_KEY = 'persons.dupscan';
/** How often a caught-up scan looks for people registered since. */
const FOLLOW_MS = 10_000;

export interface ScanProgress {
  after: number;
  done: number;
  total: number;
}

export interface PairRow {
  a_id: string;
  b_id: string;
  level: 'likely' | 'possibly';
  score: number;
  evidence: string;
  found_at: string;
}

/** A found pair in id order, ready to store. */
export function pairOf(id: string, m: Match, foundAt: string): PairRow {
  const [a_id, b_id] = id < m.row.id ? [id, m.row.id] : [m.row.id, id];
  return {
    a_id,
    b_id,
    level: m.result.level,
    score: m.result.score,
    evidence: JSON.stringify(m.result.evidence),
    found_at: foundAt,
  };
}

/** Queues pairs not seen before; a decided pair is left as decided. */
export async function queuePairs(db: Kysely<DB>, pairs: PairRow[]): Promise<void> {
  if (pairs.length === 0) return;
  await db
    .insertInto('person_match_pairs')
    .values(pairs)
    .onConflict((oc) => oc.columns(['a_id', 'b_id']).doNothing())
    .execute();
}

export async function scanProgress(db: Kysely<DB>): Promise<ScanProgress & { running: boolean }> {
  const [meta, count] = await Promise.all([
    db.selectFrom('app_meta').select('value').where('key', '=', SCAN_KEY).executeTakeFirst(),
    db
      .selectFrom('persons')
      .select((eb) => [eb.fn.countAll<number>().as('n'), sql<number | null>`max(rowid)`.as('max')])
      .executeTakeFirstOrThrow(),
  ]);
  const p: ScanProgress = meta
    ? (JSON.parse(meta.value) as ScanProgress)
    : { after: 0, done: 0, total: 0 };
  const total = Math.max(p.total, p.done, Number(count.n));
  return { ...p, total, running: p.after < Number(count.max ?? 0) };
}

export interface Scan {
  /** Every person registered so far has been looked at once (or the scan stopped). */
  readonly caughtUp: Promise<void>;
  /** The scan ended: stopped, or `follow: false` and caught up. */
  readonly finished: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Walks persons after the last scanned row, in batches that each commit their pairs and progress
 * together, yielding between batches (and never writing inside a call's open transaction).
 */
export function startDuplicateScan(
  sqlite: BetterSqlite3.Database,
  opts: {
    now: () => Date;
    log?: (line: string) => void;
    batchSize?: number;
    /** Stop after about this many people (the benchmark); the next start continues. */
    maxRows?: number;
    /** Keep looking for people registered later (default), or end when caught up. */
    follow?: boolean;
  },
): Scan {
  const log = opts.log ?? (() => {});
  const read = sqliteReader(sqlite);
  const getMeta = sqlite.prepare('SELECT value FROM app_meta WHERE key = ?').pluck();
  const setMeta = sqlite.prepare(
    'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  const insert = sqlite.prepare(`INSERT OR IGNORE INTO person_match_pairs
    (a_id, b_id, level, score, evidence, found_at) VALUES (@a_id, @b_id, @level, @score, @evidence, @found_at)`);
  const rows = sqlite.prepare(`SELECT ${CANDIDATE_COLUMNS} FROM persons
    WHERE rowid > ? AND merged_into IS NULL ORDER BY rowid LIMIT ?`);
  const saved = getMeta.get(SCAN_KEY) as string | undefined;
  const progress: ScanProgress = saved
    ? (JSON.parse(saved) as ScanProgress)
    : { after: 0, done: 0, total: 0 };
  progress.total = Math.max(
    progress.done,
    (sqlite.prepare('SELECT count(*) FROM persons').pluck().get() as number) ?? 0,
  );
  const commit = sqlite.transaction((pairs: PairRow[], after: number, n: number) => {
    for (const p of pairs) insert.run(p);
    progress.after = after;
    progress.done += n;
    progress.total = Math.max(progress.total, progress.done);
    setMeta.run(SCAN_KEY, JSON.stringify(progress));
  });

  let stopped = false;
  let wake: () => void = () => {};
  let caughtUpNow: () => void = () => {};
  const caughtUp = new Promise<void>((r) => (caughtUpNow = r));
  const size = opts.batchSize ?? 200;
  const run = async () => {
    const started = Date.now();
    const startDone = progress.done;
    let first = true;
    for (;;) {
      await new Promise((r) => setImmediate(r));
      if (stopped || progress.done - startDone >= (opts.maxRows ?? Infinity)) break;
      const batch = rows.all(progress.after, size) as CandidateRow[];
      if (batch.length === 0) {
        if (first) {
          first = false;
          caughtUpNow();
          // Worth a console line only when it took a while (first run on a large registry).
          if (Date.now() - started >= 1000)
            log(
              `Duplicate scan: ${(progress.done - startDone).toLocaleString('en-US')} people in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
            );
        }
        if (opts.follow === false) break;
        // People registered meanwhile are looked at every little while.
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, FOLLOW_MS).unref();
        });
        continue;
      }
      const foundAt = opts.now().toISOString();
      const pairs: PairRow[] = [];
      for (const row of batch) {
        // Each pair once: from its later record, looking back.
        const found = await findMatches(read, recordOf(row), { excludeId: row.id });
        for (const m of found) if (m.row.rowid < row.rowid) pairs.push(pairOf(row.id, m, foundAt));
      }
      while (sqlite.inTransaction) await new Promise((r) => setTimeout(r, 5));
      if (stopped) break;
      commit.immediate(pairs, batch[batch.length - 1]!.rowid, batch.length);
    }
    caughtUpNow();
  };
  const finished = run().catch((e: unknown) => {
    caughtUpNow();
    log(`Duplicate scan stopped: ${e instanceof Error ? e.message : String(e)}`);
  });
  return {
    caughtUp,
    finished,
    async stop() {
      stopped = true;
      wake();
      await finished;
    },
  };
}
