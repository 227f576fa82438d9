/**
 * `npm run bench`: builds a synthetic database once (cached under .cache/bench), then measures
 * the foundation's hot paths through the real dispatch, and prints a summary followed by one
 * final line of JSON. Options: --audit N (entries to generate, default 500000), --fresh.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openBackend, type Backend } from '../../electron/backend/app';
import { entryHash, GENESIS_HASH } from '../../electron/backend/audit/chain';

const { values } = parseArgs({
  options: {
    audit: { type: 'string', default: '500000' },
    fresh: { type: 'boolean', default: false },
    dir: { type: 'string', default: join(process.cwd(), '.cache/bench') },
  },
});
const AUDIT_ROWS = Number(values.audit);
const dataDir = join(values.dir!, `audit-${AUDIT_ROWS}`);
const PASSWORD = 'Bench-password-2026';

let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const rssTimer = setInterval(sampleRss, 50);

async function call(b: Backend, token: string | null, method: string, input: unknown) {
  const r = await b.dispatch(token, method, input);
  if (!r.response.ok) throw new Error(`${method}: ${r.response.error.message.en}`);
  return {
    data: r.response.data as Record<string, unknown>,
    token: r.session && 'set' in r.session ? r.session.set : token,
  };
}

/** Years of activity: audit rows from 20 users over 5 years, chained exactly like real ones. */
function generateAudit(b: Backend, userIds: string[]) {
  const last = b.sqlite
    .prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')
    .get() as { seq: number; hash: string } | undefined;
  let seq = last?.seq ?? 0;
  let prev = last?.hash ?? GENESIS_HASH;
  const insert = b.sqlite
    .prepare(`INSERT INTO audit_log (seq, at, user_id, username, method, record_type, record_id, outcome, changes, note, prev_hash, hash)
    VALUES (@seq, @at, @user_id, @username, @method, @record_type, @record_id, @outcome, @changes, @note, @prev_hash, @hash)`);
  const methods = ['users.update', 'office.update', 'auth.login', 'auth.logout', 'users.create'];
  const start = Date.parse('2021-12-01T00:00:00Z');
  const span = Date.parse('2026-11-01T00:00:00Z') - start;
  const tx = b.sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      seq += 1;
      const u = i % userIds.length;
      const row = {
        seq,
        at: new Date(start + Math.floor((span * i) / AUDIT_ROWS)).toISOString(),
        user_id: userIds[u]!,
        username: `petugas${u}`,
        method: methods[i % methods.length]!,
        record_type: 'user',
        record_id: userIds[(i * 7) % userIds.length]!,
        outcome: (i % 50 === 0 ? 'denied' : 'ok') as 'ok' | 'denied',
        changes: i % 3 === 0 ? JSON.stringify({ full_name: [`Nama ${i}`, `Nama ${i + 1}`] }) : null,
        note: null,
      };
      const hash = entryHash(prev, row);
      insert.run({ ...row, prev_hash: prev, hash });
      prev = hash;
    }
  });
  for (let i = 0; i < AUDIT_ROWS; i += 50_000) tx(i, Math.min(AUDIT_ROWS, i + 50_000));
}

async function prepare(): Promise<void> {
  if (values.fresh) rmSync(dataDir, { recursive: true, force: true });
  if (existsSync(join(dataDir, 'ready'))) return;
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const t0 = performance.now();
  const b = await openBackend({ dataDir });
  let { token } = await call(b, null, 'auth.setup', {
    office: {
      name: 'Dinas Sosial Kota Banjarbaru',
      regionCode: '63.72',
      address: 'Banjarbaru',
      timeZone: 'Asia/Makassar',
      maxStayDays: 7,
    },
    admin: { username: 'admin', fullName: 'Admin', password: PASSWORD },
  });
  const ids: string[] = [];
  for (let i = 0; i < 20; i++) {
    const r = await call(b, token, 'users.create', {
      username: `petugas${i}`,
      fullName: `Petugas ${i}`,
      roles: ['caseworker'],
      password: PASSWORD,
    });
    token = r.token;
    ids.push(r.data.id as string);
  }
  generateAudit(b, ids);
  b.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await b.close();
  mkdirSync(join(dataDir, 'ready'));
  console.log(
    `Generated ${AUDIT_ROWS} audit entries in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

function pct(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return Number(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!.toFixed(2));
}

async function time(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
    sampleRss();
  }
  return out;
}

async function main() {
  await prepare();
  const b = await openBackend({ dataDir });
  let { token } = await call(b, null, 'auth.login', { username: 'admin', password: PASSWORD });
  const users = (await call(b, token, 'users.list', {})).data.users as {
    id: string;
    version: number;
  }[];

  const me = await time(500, () => call(b, token, 'auth.me', {}));
  const queries = [
    'banjarbaru',
    'banjar',
    'tanah laut',
    'landasan ulin',
    'kota',
    'martapura',
    'sungai',
    'ci',
    '63.72',
    'guntung',
    'kel',
    'cempaka',
    'loktabat',
  ];
  const region = await time(390, (i) =>
    call(b, token, 'regions.search', { q: queries[i % queries.length], limit: 20 }),
  );
  const seqMax = (b.sqlite.prepare('SELECT max(seq) AS m FROM audit_log').get() as { m: number }).m;
  const auditPage = await time(200, (i) => {
    const variants = [
      {},
      { userId: users[i % users.length]!.id },
      { method: 'office.update' },
      { from: '2024-03-01', to: '2024-03-31' },
      { before: Math.floor(seqMax * ((i % 97) / 97)) + 1 },
      { recordType: 'user', recordId: users[(i * 3) % users.length]!.id },
    ];
    return call(b, token, 'audit.list', { ...variants[i % variants.length], limit: 50 });
  });
  const writes = await time(100, async (i) => {
    const u = users[1 + (i % (users.length - 1))]!;
    const r = await call(b, token, 'users.update', {
      id: u.id,
      version: u.version,
      fullName: `Petugas ${i}`,
      roles: ['caseworker'],
    });
    u.version = (r.data as { version: number }).version;
  });
  const login = await time(10, async () => {
    token = (await call(b, null, 'auth.login', { username: 'admin', password: PASSWORD })).token;
  });
  const v0 = performance.now();
  const verify = (await call(b, token, 'audit.verify', {})).data as {
    intact: boolean;
    checked: number;
  };
  const verifyMs = performance.now() - v0;
  sampleRss();
  clearInterval(rssTimer);
  await b.close();

  const result = {
    audit_rows: verify.checked,
    dispatch_me_p50_ms: pct(me, 50),
    dispatch_me_p95_ms: pct(me, 95),
    region_search_p50_ms: pct(region, 50),
    region_search_p95_ms: pct(region, 95),
    audit_page_p50_ms: pct(auditPage, 50),
    audit_page_p95_ms: pct(auditPage, 95),
    audited_write_p95_ms: pct(writes, 95),
    login_p95_ms: pct(login, 95),
    audit_verify_ms: Number(verifyMs.toFixed(0)),
    audit_chain_intact: verify.intact,
    peak_rss_mb: Math.round(peakRss / 1024 / 1024),
  };
  console.log('Pelita benchmark (foundation)');
  console.log(
    `  audit trail: ${result.audit_rows} entries, chain ${result.audit_chain_intact ? 'intact' : 'BROKEN'}, verified in ${result.audit_verify_ms} ms`,
  );
  console.log(
    `  dispatch (auth.me):   p50 ${result.dispatch_me_p50_ms} ms, p95 ${result.dispatch_me_p95_ms} ms`,
  );
  console.log(
    `  region search:        p50 ${result.region_search_p50_ms} ms, p95 ${result.region_search_p95_ms} ms`,
  );
  console.log(
    `  audit page (filters): p50 ${result.audit_page_p50_ms} ms, p95 ${result.audit_page_p95_ms} ms`,
  );
  console.log(`  audited write:        p95 ${result.audited_write_p95_ms} ms`);
  console.log(`  sign-in (scrypt):     p95 ${result.login_p95_ms} ms`);
  console.log(`  peak RSS:             ${result.peak_rss_mb} MB`);
  console.log(JSON.stringify(result));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
