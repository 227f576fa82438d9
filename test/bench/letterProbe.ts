/**
 * `tsx test/bench/letterProbe.ts [dir]`: the letters bench (test/bench/letters.ts) on a small
 * fresh database of its own, without the 1,000,000-person registry `npm run bench` builds: for
 * profiling one letter's PDF (`node --cpu-prof --import tsx ...`) and the register while
 * developing. Sizes as in letters.ts (BENCH_LETTER_ISSUES, BENCH_LETTERS); BENCH_LOGO=1 puts a
 * logo on the kop as an office that uploaded one has.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { openBackend } from '../../electron/backend/app';
import { benchLetters } from './letters';

const dir = process.argv[2] ?? '/tmp/letters-probe';
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const clock = { now: new Date('2026-11-27T02:00:00Z') };
const b = await openBackend({ dataDir: dir, now: () => clock.now, autoBackup: false });
async function call(token: string | null, method: string, input: unknown) {
  const r = await b.dispatch(token, method, input);
  if (!r.response.ok)
    throw new Error(
      `${method}: ${r.response.error.message.en} ${JSON.stringify(r.response.error.issues ?? '')}`,
    );
  return { data: r.response.data as Record<string, never>, session: r.session };
}
const setup = await call(null, 'auth.setup', {
  office: {
    name: 'Dinas Sosial Kota Banjarbaru',
    regionCode: '63.72',
    address: 'Jl. Pangeran Suriansyah No. 5, Banjarbaru',
    phone: '0511 4772 111',
    email: 'dinsos@banjarbarukota.go.id',
    headName: 'Drs. H. Abdul Karim, M.Si.',
    headNip: '197006151995031002',
    headPosition: 'Kepala Dinas Sosial',
    timeZone: 'Asia/Makassar',
    maxStayDays: 7,
  },
  admin: { username: 'admin', fullName: 'Admin Pelita', password: 'Banjarbaru-2026x' },
});
const token = setup.session && 'set' in setup.session ? setup.session.set : null;
for (let i = 0; i < 50; i += 1)
  await call(token, 'persons.create', {
    fullName: `Warga Percobaan ${i}`,
    identityStatus: 'stated',
    sex: i % 2 ? 'F' : 'M',
  });
const t0 = process.cpuUsage();
const w0 = performance.now();
const out = await benchLetters(b, async (m, input) => (await call(token, m, input)).data, clock);
const cpu = process.cpuUsage(t0);
for (const [k, v] of Object.entries(out.letter_detail)) console.log(k, JSON.stringify(v));
console.log(
  JSON.stringify({
    ...out,
    letter_detail: undefined,
    wall_ms: Math.round(performance.now() - w0),
    cpu_ms: Math.round((cpu.user + cpu.system) / 1000),
  }),
);
await b.close();
