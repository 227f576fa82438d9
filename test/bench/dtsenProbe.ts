/**
 * A focused run of the DTSEN list import on a bench database, for profiling
 * (`node --cpu-prof`): `tsx test/bench/dtsenProbe.ts DIR [ROWS]`. Prints rows/s, CPU and peak RSS.
 */
import { openBackend } from '../../electron/backend/app';
import { BENCH_PASSWORD, NOW } from './generate';
import { benchKelurahan } from './kelurahan';

async function main() {
  const dir = process.argv[2]!;
  const rows = Number(process.argv[3] ?? 200_000);
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
  const cpu = process.cpuUsage();
  const t = performance.now();
  const r = await benchKelurahan(b, admin, { rows, now: () => clock.now });
  const used = process.cpuUsage(cpu);
  console.log(
    JSON.stringify({
      ...r,
      wall_s: ((performance.now() - t) / 1000).toFixed(1),
      cpu_s: ((used.user + used.system) / 1e6).toFixed(1),
    }),
  );
  await b.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
