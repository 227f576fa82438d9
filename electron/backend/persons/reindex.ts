import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { FOLD_VERSION, foldName, originSearchText, searchNames } from './fold';
import { matchKeys } from './matchNames';
import { parseAliases } from './store';

/** app_meta: the rule version the stored folded names follow, once all of them do. */
const VERSION_KEY = 'persons.fold';
/** app_meta, only while a rebuild runs: how far it got, so a restart continues there. */
export const PROGRESS_KEY = 'persons.fold.progress';

interface Progress {
  version: string;
  /** Rows up to this rowid follow the current rules. */
  after: number;
  done: number;
  total: number;
}

export interface ReindexStatus {
  done: number;
  total: number;
}

/** A rebuild in progress, as the status method and the search read it. */
export async function reindexProgress(
  db: Kysely<DB>,
): Promise<(ReindexStatus & { after: number }) | null> {
  const row = await db
    .selectFrom('app_meta')
    .select('value')
    .where('key', '=', PROGRESS_KEY)
    .executeTakeFirst();
  if (!row) return null;
  const p = JSON.parse(row.value) as Progress;
  return { after: p.after, done: Math.min(p.done, p.total), total: p.total };
}

export interface ReindexOptions {
  /** Rows per batch (tests); otherwise the size follows the time a batch takes. */
  batchSize?: number;
  /** Aim for batches of about this many milliseconds, so calls in between are served quickly. */
  targetMs?: number;
  log?: (line: string) => void;
}

export interface Reindex {
  /** Resolves when every row follows the current rules, or when stopped. */
  readonly finished: Promise<void>;
  /** Stops after the current batch; the next start continues from there. */
  stop(): Promise<void>;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * Rebuilds the stored folded names and match keys (and so the trigram and match-key indexes,
 * through their triggers) when the
 * folding rules changed since they were written. Runs in the background in batches, each one
 * transaction that also records how far it got (app_meta), yielding between batches so calls
 * are served; only rows whose text actually changes are written. Returns null when nothing is
 * to do. Search meanwhile reads rows not yet rebuilt by their plain names too (search.ts).
 */
export function startPersonReindex(
  sqlite: BetterSqlite3.Database,
  opts: ReindexOptions = {},
): Reindex | null {
  const log = opts.log ?? (() => {});
  const getMeta = sqlite.prepare('SELECT value FROM app_meta WHERE key = ?').pluck();
  const setMeta = sqlite.prepare(
    'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  if (getMeta.get(VERSION_KEY) === FOLD_VERSION) return null;

  const saved = getMeta.get(PROGRESS_KEY) as string | undefined;
  const resumed = saved ? (JSON.parse(saved) as Progress) : null;
  // Progress made for other rules (changed again meanwhile) does not count.
  const progress: Progress =
    resumed?.version === FOLD_VERSION
      ? resumed
      : {
          version: FOLD_VERSION,
          after: 0,
          done: 0,
          total: sqlite.prepare('SELECT count(*) FROM persons').pluck().get() as number,
        };
  const finish = sqlite.transaction(() => {
    setMeta.run(VERSION_KEY, FOLD_VERSION);
    sqlite.prepare('DELETE FROM app_meta WHERE key = ?').run(PROGRESS_KEY);
  });
  if (progress.total === 0) {
    finish.immediate();
    return null;
  }
  setMeta.run(PROGRESS_KEY, JSON.stringify(progress));

  const regionNames = new Map(
    (
      sqlite.prepare('SELECT code, name FROM regions WHERE level >= 2').all() as {
        code: string;
        name: string;
      }[]
    ).map((r) => [r.code, r.name]),
  );
  const read = sqlite.prepare(
    'SELECT rowid, full_name, aliases, origin_code, search_names, search_origin, name_key, match_keys FROM persons WHERE rowid > ? ORDER BY rowid LIMIT ?',
  );
  const write = sqlite.prepare(
    'UPDATE persons SET search_names = ?, search_origin = ?, name_key = ?, match_keys = ? WHERE rowid = ?',
  );
  const batch = sqlite.transaction((size: number) => {
    const rows = read.all(progress.after, size) as {
      rowid: number;
      full_name: string;
      aliases: string;
      origin_code: string | null;
      search_names: string;
      search_origin: string;
      name_key: string;
      match_keys: string;
    }[];
    for (const r of rows) {
      const aliases = parseAliases(r.aliases);
      const names = searchNames(r.full_name, aliases);
      const keys = JSON.stringify(matchKeys(r.full_name, aliases));
      const origin = originSearchText(r.origin_code, (c) => regionNames.get(c));
      const key = foldName(r.full_name);
      if (
        names !== r.search_names ||
        origin !== r.search_origin ||
        key !== r.name_key ||
        keys !== r.match_keys
      )
        write.run(names, origin, key, keys, r.rowid);
    }
    if (rows.length > 0) {
      progress.after = rows[rows.length - 1]!.rowid;
      progress.done += rows.length;
      // People registered meanwhile are counted as they come.
      progress.total = Math.max(progress.total, progress.done);
      setMeta.run(PROGRESS_KEY, JSON.stringify(progress));
    }
    return rows.length;
  });

  let stopped = false;
  const targetMs = opts.targetMs ?? 100;
  const run = async () => {
    const started = Date.now();
    const startDone = progress.done;
    log(
      `Rebuilding the name search index for new spelling rules: ${fmt(progress.total)} people` +
        (progress.done > 0 ? `, continuing at ${fmt(progress.done)}` : '') +
        '. Pelita can be used meanwhile.',
    );
    let size = opts.batchSize ?? 200;
    const adapt = opts.batchSize === undefined;
    let nextTenth = Math.floor((progress.done / progress.total) * 10) + 1;
    while (!stopped) {
      await new Promise((r) => setImmediate(r));
      // A call's transaction is open across its awaits: never write inside it.
      if (sqlite.inTransaction) {
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      const t0 = performance.now();
      const n = batch.immediate(size);
      if (n === 0) break;
      const ms = performance.now() - t0;
      // Halve or double at most: a batch without changes is much faster than one with.
      if (adapt)
        size = Math.round(
          Math.max(50, Math.min(20_000, size * Math.min(2, Math.max(0.5, targetMs / ms)))),
        );
      const tenth = Math.floor((progress.done / progress.total) * 10);
      if (tenth >= nextTenth && tenth < 10) {
        nextTenth = tenth + 1;
        const rate = (progress.done - startDone) / Math.max((Date.now() - started) / 1000, 0.001);
        log(
          `Name search index: ${tenth * 10}% (${fmt(progress.done)} of ${fmt(progress.total)}, ` +
            `${fmt(Math.round(rate))} rows/s)`,
        );
      }
    }
    if (stopped) return;
    finish.immediate();
    log(
      `Name search index rebuilt: ${fmt(progress.done)} people in ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
  };
  const finished = run().catch((e: unknown) => {
    // The next start continues from the last batch that committed.
    log(`Rebuilding the name search index stopped: ${e instanceof Error ? e.message : String(e)}`);
  });
  return {
    finished,
    async stop() {
      stopped = true;
      await finished;
    },
  };
}
