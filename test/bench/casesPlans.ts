/**
 * `npx tsx test/bench/casesPlans.ts DB`: the SQL each case-list filter runs, its query plan and
 * its time, on a bench database (cases.ts fills one). For working on the list's indexes.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { listCases } from '../../electron/backend/cases/queries';
import { caseFigures } from '../../electron/backend/cases/figures';
import type { DB } from '../../electron/backend/db/schema';
import { CASE_LIST_BENCH_FILTERS } from './cases';

async function main() {
  const sqlite = new Database(process.argv[2]!, { readonly: true });
  const seen: { sql: string; params: readonly unknown[]; ms: number }[] = [];
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (e) => {
      if (e.level === 'query')
        seen.push({ sql: e.query.sql, params: e.query.parameters, ms: e.queryDurationMillis });
    },
  });
  const worker = sqlite
    .prepare(`SELECT id FROM users WHERE username = 'bench.cw3'`)
    .pluck()
    .get() as string;
  const boss = sqlite
    .prepare(`SELECT id FROM users WHERE username = 'bench.cw21'`)
    .pluck()
    .get() as string;
  const user = { id: worker, roles: ['admin'] } as never;
  const cal = { today: '2026-11-27', timeZone: 'Asia/Makassar' };
  const only = process.argv[3];
  for (const f of CASE_LIST_BENCH_FILTERS(worker, boss)) {
    if (only && !JSON.stringify(f).includes(only)) continue;
    const input = { page: 1, pageSize: 25, sort: 'newest', ...f } as never;
    await listCases(db, input, user, cal);
    seen.length = 0;
    const t = performance.now();
    await listCases(db, input, user, cal);
    console.log(`\n=== ${JSON.stringify(f)} ${(performance.now() - t).toFixed(1)} ms`);
    for (const q of seen) {
      console.log(`-- ${q.ms.toFixed(1)} ms: ${q.sql.replace(/\s+/g, ' ').slice(0, 400)}`);
      const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.params as never[]));
      for (const p of plan as { detail: string }[]) console.log(`     ${p.detail}`);
    }
  }
  if (!only || only === 'figures') {
    seen.length = 0;
    const t = performance.now();
    await caseFigures(db, { from: '2025-01-01', to: '2025-12-31' }, 'Asia/Makassar');
    console.log(`\n=== figures ${(performance.now() - t).toFixed(1)} ms`);
    for (const q of seen) {
      console.log(`-- ${q.ms.toFixed(1)} ms: ${q.sql.replace(/\s+/g, ' ').slice(0, 300)}`);
      const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.params as never[]));
      for (const p of plan as { detail: string }[]) console.log(`     ${p.detail}`);
    }
  }
}
void main();
