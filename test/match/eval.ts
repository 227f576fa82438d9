/**
 * `npm run eval:match`: the matcher on its labelled evaluation set (eval-set.json, built by
 * build.ts), tried as a user would, through `persons.duplicates` and `persons.search` on a fresh
 * registry that also holds a few thousand newer people with common name words. Prints recall and
 * precision of the duplicate warning, search rank-1 and top-5 for misspelled names, per class,
 * and one final JSON line.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend, type Backend } from '../../electron/backend/app';
import { pick, rng } from '../bench/names';
import type { EvalPerson, EvalSet } from './build';
import { COMMON_FEMALE, COMMON_MALE, FAMILY, FEMALE_GIVEN, MALE_GIVEN } from './names';

const NOISE = Number(process.env.EVAL_NOISE ?? 3000);
const set = JSON.parse(readFileSync(join(import.meta.dirname, 'eval-set.json'), 'utf8')) as EvalSet;

async function call<T>(
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

const createInput = (p: EvalPerson) => ({
  fullName: p.fullName,
  sex: p.sex,
  birthDate: p.birthDate,
  estimatedAge: p.birthDate ? null : p.estimatedAge,
  originCode: p.originCode,
  nik: p.nik,
  motherName: p.motherName,
  identityStatus: 'stated',
});

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'pelita-eval-'));
  const b = await openBackend({ dataDir: dir, now: () => new Date('2026-11-27T02:00:00Z') });
  try {
    const setup = await b.dispatch(null, 'auth.setup', {
      office: {
        name: 'Dinas Sosial Kota Banjarbaru',
        regionCode: '63.72',
        address: 'Jl. A. Yani',
        timeZone: 'Asia/Makassar',
        maxStayDays: 7,
      },
      admin: { username: 'admin', fullName: 'Admin', password: 'Banjarbaru-2026x' },
    });
    const token = setup.session && 'set' in setup.session ? setup.session.set : null;
    const ids: string[] = [];
    for (const p of set.registry) {
      // A NIK the set gives twice (look-alikes) is registered once.
      const made = await b.dispatch(token, 'persons.create', createInput(p));
      if (!made.response.ok) {
        const again = await call<{ id: string }>(b, token, 'persons.create', {
          ...createInput(p),
          nik: null,
        });
        ids.push(again.id);
      } else ids.push((made.response.data as { id: string }).id);
    }
    // Newer people with common name words (Muhammad, Siti, Ahmad, Nur, Abdul…).
    const r = rng(77);
    for (let i = 0; i < NOISE; i++) {
      const sex = r() < 0.5 ? 'M' : 'F';
      const words = [
        pick(r, sex === 'M' ? COMMON_MALE : COMMON_FEMALE),
        pick(r, sex === 'M' ? MALE_GIVEN : FEMALE_GIVEN),
      ];
      if (r() < 0.4) words.push(pick(r, FAMILY));
      const year = 1940 + Math.floor(r() * 80);
      await call(b, token, 'persons.create', {
        fullName: [...new Set(words)].join(' '),
        sex,
        birthDate:
          r() < 0.8
            ? `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`
            : null,
        originCode: r() < 0.6 ? pick(r, ['63.72', '63.71', '63.03', '63.01']) : null,
        identityStatus: 'stated',
      });
    }

    const year = 2026;
    let tp = 0,
      fn = 0,
      fp = 0,
      flaggedDiff = 0;
    let searches = 0,
      rank1 = 0,
      top5 = 0,
      notFound = 0;
    const byKind = new Map<string, { n: number; ok: number }>();
    const misses: string[] = [];
    const dupTimes: number[] = [];
    for (const pair of set.pairs) {
      const target = ids[pair.target]!;
      const probe = pair.probe;
      const t0 = performance.now();
      const { candidates } = await call<{
        candidates: { id: string; fullName: string; level: string }[];
      }>(b, token, 'persons.duplicates', {
        nik: probe.nik,
        fullName: probe.fullName,
        aliases: [],
        sex: probe.sex,
        birthDate: probe.birthDate,
        estimatedAge: probe.birthDate ? null : probe.estimatedAge,
        originCode: probe.originCode,
        motherName: probe.motherName,
      });
      dupTimes.push(performance.now() - t0);
      const hit = candidates.some((c) => c.id === target);
      const others = candidates.filter((c) => c.id !== target).length;
      for (const c of candidates)
        if (c.id !== target)
          misses.push(
            `other [${pair.kind}] ${probe.fullName} ${probe.birthDate ?? probe.estimatedAge} ~ ${c.fullName} (${c.level})`,
          );
      if (pair.same) {
        if (hit) tp++;
        else {
          fn++;
          misses.push(
            `miss  [${pair.kind}] ${set.registry[pair.target]!.fullName} ← ${probe.fullName}`,
          );
        }
        // A same-person probe may also meet its look-alikes; those are false alarms.
        fp += others;
      } else {
        if (hit) {
          fp++;
          flaggedDiff++;
          misses.push(
            `false [${pair.kind}] ${set.registry[pair.target]!.fullName} ~ ${probe.fullName}`,
          );
        }
        fp += others;
      }
      const k = byKind.get(pair.kind) ?? { n: 0, ok: 0 };
      k.n++;
      if (hit === pair.same) k.ok++;
      byKind.set(pair.kind, k);

      // Search: the person typed another way should come first.
      if (pair.same && probe.fullName !== set.registry[pair.target]!.fullName) {
        const { results } = await call<{ results: { id: string }[] }>(b, token, 'persons.search', {
          q: probe.fullName,
          limit: 20,
        });
        const at = results.findIndex((x) => x.id === target);
        searches++;
        if (at === 0) rank1++;
        if (at >= 0 && at < 5) top5++;
        if (at < 0) notFound++;
        if (at !== 0)
          misses.push(
            `search[${pair.kind}] "${probe.fullName}" → ${set.registry[pair.target]!.fullName} at ${at < 0 ? '—' : at + 1}`,
          );
      }
    }
    void year;
    const recall = tp / (tp + fn);
    const precision = tp / (tp + fp);
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    console.log(
      `Matcher evaluation: ${set.pairs.length} labelled pairs, ${set.registry.length} registered + ${NOISE} common-name records`,
    );
    for (const [kind, k] of byKind) console.log(`  ${kind.padEnd(30)} ${k.ok}/${k.n}`);
    if (process.env.EVAL_VERBOSE) for (const m of misses) console.log('  ' + m);
    console.log(
      `  duplicate warning: recall ${pct(recall)} (target ≥ 95%), precision ${pct(precision)} (target ≥ 98%); look-alikes flagged ${flaggedDiff}, other false alarms ${fp - flaggedDiff}`,
    );
    console.log(
      `  search (${searches} misspelled names): rank-1 ${pct(rank1 / searches)} (target ≥ 90%), top-5 ${pct(top5 / searches)}, not found ${notFound}`,
    );
    const sorted = [...dupTimes].sort((x, y) => x - y);
    console.log(
      JSON.stringify({
        pairs: set.pairs.length,
        recall: Number(recall.toFixed(4)),
        precision: Number(precision.toFixed(4)),
        search_rank1: Number((rank1 / searches).toFixed(4)),
        search_top5: Number((top5 / searches).toFixed(4)),
        dup_check_p95_ms: Number(sorted[Math.floor(sorted.length * 0.95)]!.toFixed(2)),
      }),
    );
  } finally {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
