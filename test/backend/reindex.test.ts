/**
 * Stored folded names are rebuilt when the folding rules change, so old records stay findable:
 * in the background, in batches, resumable, with progress for the window and the console.
 */
import { expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/app';
import { FOLD_VERSION } from '../../electron/backend/persons/fold';
import { PROGRESS_KEY, startPersonReindex } from '../../electron/backend/persons/reindex';
import { ADMIN_PASSWORD, Client, setUpOffice } from './harness';

type T = Awaited<ReturnType<typeof setUpOffice>>;

/** As an older release would have stored it (before ch→h and old-spelling j→y). */
function foldAsVersion1(t: T) {
  t.backend.sqlite
    .prepare(
      // Rules of version 1 had no match keys either.
      "UPDATE persons SET search_names = 'rakhmat cahjono', search_origin = '', name_key = 'rakhmat cahjono', match_keys = '[]'",
    )
    .run();
  t.backend.sqlite.prepare("UPDATE app_meta SET value = '1' WHERE key = 'persons.fold'").run();
}

const meta = (t: { backend: { sqlite: T['backend']['sqlite'] } }, key: string) =>
  (
    t.backend.sqlite.prepare('SELECT value FROM app_meta WHERE key = ?').get(key) as
      { value: string } | undefined
  )?.value;

async function reopen(t: T, log: string[]) {
  const backend = await openBackend({
    dataDir: t.dir,
    now: () => t.clock.now,
    log: (l) => log.push(l),
  });
  const admin = new Client(backend);
  await admin.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD });
  return { backend, admin };
}

it('rebuilds folded names written under older rules on the next start', async () => {
  const t = await setUpOffice();
  const p = await t.admin.call('persons.create', {
    fullName: 'Rachmat Tjahjono',
    identityStatus: 'stated',
    originCode: '63.03.01',
  });
  foldAsVersion1(t);
  expect((await t.admin.call('persons.search', { q: 'rahmat cahyono' })).results).toEqual([]);
  await t.backend.close();

  const log: string[] = [];
  const reopened = await reopen(t, log);
  try {
    await reopened.backend.background;
    const found = await reopened.admin.call('persons.search', { q: 'rahmat cahyono' });
    expect(found.results.map((r) => r.id)).toEqual([p.id]);
    expect(
      (await reopened.admin.call('persons.search', { q: 'rachmat banjar' })).results.map(
        (r) => r.id,
      ),
    ).toEqual([p.id]);
    expect(meta(reopened, 'persons.fold')).toBe(FOLD_VERSION);
    expect(meta(reopened, PROGRESS_KEY)).toBeUndefined();
    expect(await reopened.admin.call('app.status', {})).toEqual({ reindex: null });
    expect(log[0]).toMatch(/^Rebuilding the name search index .*: 1 people\. /);
    expect(log.at(-1)).toMatch(/^Name search index rebuilt: 1 people in \d+\.\d s\.$/);
  } finally {
    await reopened.backend.close();
  }
});

it('rebuilds in batches between calls, keeps old rows findable, and resumes after a restart', async () => {
  const t = await setUpOffice();
  const ids: string[] = [];
  for (let i = 0; i < 23; i++) {
    const p = await t.admin.call('persons.create', {
      fullName: 'Rachmat Tjahjono',
      identityStatus: 'stated',
      birthDate: `${1960 + i}-05-01`,
    });
    ids.push(p.id);
  }
  foldAsVersion1(t);
  const log: string[] = [];
  const first = startPersonReindex(t.backend.sqlite, { batchSize: 5, log: (l) => log.push(l) })!;
  // Counted and recorded before the first batch runs: the window can say so at once.
  expect(await t.admin.call('app.status', {})).toEqual({ reindex: { done: 0, total: 23 } });

  // Let a batch or two run, then stop as a closing app does.
  while (JSON.parse(meta(t, PROGRESS_KEY)!).done < 5) await new Promise((r) => setImmediate(r));
  await first.stop();
  const done = JSON.parse(meta(t, PROGRESS_KEY)!).done as number;
  expect([5, 10, 15]).toContain(done);
  expect(await t.admin.call('app.status', {})).toEqual({ reindex: { done, total: 23 } });
  const rows = t.backend.sqlite
    .prepare('SELECT name_key FROM persons ORDER BY rowid')
    .pluck()
    .all() as string[];
  expect(rows.slice(0, done)).toEqual(Array(done).fill('rahmat cahyono'));
  expect(rows.slice(done)).toEqual(Array(23 - done).fill('rakhmat cahjono'));
  expect(meta(t, 'persons.fold')).toBe('1');

  // Meanwhile every one of them is found, the rows not yet rebuilt by their plain names.
  const found = await t.admin.call('persons.search', { q: 'rachmat tjahjono', limit: 50 });
  expect(new Set(found.results.map((r) => r.id))).toEqual(new Set(ids));
  const withYear = await t.admin.call('persons.search', { q: 'tjahjono 1982' });
  expect(withYear.results.map((r) => r.id)).toEqual([ids[22]]);
  await t.backend.close();

  // A restart continues where it stopped, in the background, and reports its progress.
  const again = await reopen(t, log);
  try {
    // Start-up signs the trail's head before it returns, so the rebuild may be further by now.
    expect(log).toContainEqual(
      expect.stringMatching(new RegExp(`: 23 people, continuing at ${done}\\.`)),
    );
    await again.backend.background;
    expect(await again.admin.call('app.status', {})).toEqual({ reindex: null });
    const all = again.backend.sqlite.prepare('SELECT name_key FROM persons').pluck().all();
    expect(all).toEqual(Array(23).fill('rahmat cahyono'));
    expect(meta(again, 'persons.fold')).toBe(FOLD_VERSION);
    const search = await again.admin.call('persons.search', { q: 'rahmat cahyono', limit: 50 });
    expect(search.results).toHaveLength(23);
  } finally {
    await again.backend.close();
  }
});

it('logs every tenth with the rate, and waits for a call’s open transaction', async () => {
  const t = await setUpOffice();
  for (let i = 0; i < 20; i++)
    await t.admin.call('persons.create', {
      fullName: 'Rachmat Tjahjono',
      identityStatus: 'stated',
    });
  foldAsVersion1(t);
  const log: string[] = [];
  // A write of another call in progress: no batch may join its transaction.
  t.backend.sqlite.prepare('BEGIN IMMEDIATE').run();
  const r = startPersonReindex(t.backend.sqlite, { batchSize: 2, log: (l) => log.push(l) })!;
  for (let i = 0; i < 20; i++) await new Promise((ok) => setTimeout(ok, 1));
  expect(JSON.parse(meta(t, PROGRESS_KEY)!).done).toBe(0);
  t.backend.sqlite.prepare('ROLLBACK').run();
  await r.finished;
  const tenths = log.filter((l) => l.startsWith('Name search index: '));
  expect(tenths.map((l) => /(\d+)%/.exec(l)![1])).toEqual([
    '10',
    '20',
    '30',
    '40',
    '50',
    '60',
    '70',
    '80',
    '90',
  ]);
  expect(tenths[0]).toMatch(/^Name search index: 10% \(2 of 20, [\d,]+ rows\/s\)$/);
  expect(meta(t, 'persons.fold')).toBe(FOLD_VERSION);
});
