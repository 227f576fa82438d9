/**
 * Each report for the last full year on a bench database, for profiling and for comparing
 * results before and after a change: `tsx test/bench/reportsProbe.ts DIR OUT.json [REPEAT]`.
 * Prints wall and CPU time per report (best and worst of REPEAT runs) and writes the reports.
 */
import { writeFileSync } from 'node:fs';
import { openBackend } from '../../electron/backend/app';
import { REPORT_IDS } from '../../shared/reference/reports';
import { previousPeriod } from '../../shared/reports/period';
import { BENCH_PASSWORD, NOW } from './generate';

async function main() {
  const [dir, out, repeat = '3'] = process.argv.slice(2) as [string, string, string?];
  const clock = { now: new Date(NOW + 86_400_000) };
  const b = await openBackend({
    dataDir: dir,
    now: () => clock.now,
    duplicateScan: false,
    autoBackup: false,
    log: (line) => console.log(`  ${line}`),
  });
  await b.background;
  const s = await b.dispatch(null, 'auth.login', { username: 'admin', password: BENCH_PASSWORD });
  const admin = s.session && 'set' in s.session ? s.session.set : null;
  const period = previousPeriod('year', clock.now.toISOString().slice(0, 10));
  const results: Record<string, unknown> = {};
  for (const report of REPORT_IDS) {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < Number(repeat); i++) {
      const c = process.cpuUsage();
      const t = performance.now();
      const r = await b.dispatch(admin, 'reports.run', { report, period });
      wall.push(Math.round(performance.now() - t));
      const u = process.cpuUsage(c);
      cpu.push(Math.round((u.user + u.system) / 1000));
      if (!r.response.ok) throw new Error(`${report}: ${r.response.error.key}`);
      const { madeAt: _m, ...body } = r.response.data as { madeAt: string };
      results[report] = body;
    }
    console.log(
      `${report} ${JSON.stringify(period)}: wall ${wall.join(', ')} ms; CPU ${cpu.join(', ')} ms`,
    );
  }
  writeFileSync(out, JSON.stringify(results, null, 1));
  await b.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
