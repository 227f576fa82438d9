/**
 * The matcher at scale and the admin review queue: candidates from blocking keys touch a bounded
 * set at 50,000 persons; the same person re-entered is found among thousands of common-name
 * records; the background scan finds pairs already in the registry; a decision is remembered.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { blockByName, findMatches, sqliteReader } from '../../electron/backend/persons/duplicates';
import { foldName, searchNames } from '../../electron/backend/persons/fold';
import { matchKeys, matchName } from '../../electron/backend/persons/matchNames';
import { SCAN_KEY, startDuplicateScan } from '../../electron/backend/persons/reviewScan';
import { pick, rng } from '../bench/names';
import { COMMON_FEMALE, COMMON_MALE, FAMILY, FEMALE_GIVEN, MALE_GIVEN } from '../match/names';
import { setUpOffice } from './harness';
import { auditOf, createPerson } from './registry';

const QUALITY = JSON.stringify({
  name: 'complete',
  nik: 'unknown',
  birthDate: 'complete',
  origin: 'unknown',
  address: 'unknown',
});

/** People written straight into the table (as an import would), `n` of them, seeded. */
function bulkPeople(sqlite: BetterSqlite3.Database, n: number, seed: number): void {
  const r = rng(seed);
  const insert = sqlite.prepare(`INSERT INTO persons (id, full_name, sex, birth_date, birth_year,
    identity_status, quality, search_names, name_key, match_keys, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, 'stated', '${QUALITY}', ?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`);
  sqlite.transaction(() => {
    for (let i = 0; i < n; i++) {
      const sex = r() < 0.5 ? 'M' : 'F';
      const words = [
        pick(r, sex === 'M' ? COMMON_MALE : COMMON_FEMALE),
        pick(r, sex === 'M' ? MALE_GIVEN : FEMALE_GIVEN),
      ];
      if (r() < 0.6) words.push(pick(r, FAMILY));
      const name = [...new Set(words)].join(' ');
      const year = 1940 + Math.floor(r() * 80);
      const date = `${year}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`;
      insert.run(
        `00000000-0000-7000-8000-${String(seed * 1_000_000 + i).padStart(12, '0')}`,
        name,
        sex,
        date,
        year,
        searchNames(name, []),
        foldName(name),
        JSON.stringify(matchKeys(name, [])),
      );
    }
  })();
}

describe('the matcher at scale', () => {
  it(
    'finds a person re-entered among thousands of common-name records',
    { timeout: 60_000 },
    async () => {
      const t = await setUpOffice();
      const siti = await createPerson(t.admin, {
        fullName: 'Siti Nurhasanah',
        sex: 'F',
        birthDate: '1972-03-14',
        originCode: '63.03',
      });
      bulkPeople(t.backend.sqlite, 5000, 1);
      for (const probe of ['Siti Nurhasanah', 'St. Nurhasanah', 'Hj. Siti Nurhasana']) {
        const { candidates } = await t.admin.call('persons.duplicates', {
          fullName: probe,
          sex: 'F',
          birthDate: '1972-03-14',
          originCode: '63.03',
        });
        expect(candidates[0]?.id, probe).toBe(siti.id);
        expect(candidates[0]?.level).toBe('likely');
      }
    },
  );

  it('touches a bounded set of candidates at 50,000 persons', { timeout: 240_000 }, async () => {
    const t = await setUpOffice();
    bulkPeople(t.backend.sqlite, 50_000, 2);
    const read = sqliteReader(t.backend.sqlite);
    // The most common names of the registry: still a few hundred rows, never a scan.
    for (const name of ['Muhammad Ilham', 'Siti Aminah Hidayat', 'Nur']) {
      const rows = await blockByName(read, [matchName(name)], 1980);
      expect(rows.length, name).toBeLessThanOrEqual(1500);
    }
    const found = await findMatches(read, {
      names: [matchName('Muhammad Ilham Saputra')],
      nik: null,
      sex: 'M',
      birthDate: null,
      birthYear: 1980,
      birthEstimated: true,
      originCode: null,
      mother: null,
    });
    for (const m of found) expect(m.row.full_name).toMatch(/Ilham/);
  });
});

describe('review queue', () => {
  it('queues a record saved despite the warning; "not the same" is remembered', async () => {
    const t = await setUpOffice();
    const a = await createPerson(t.admin, {
      fullName: 'Syamsul Arifin',
      sex: 'M',
      birthDate: '1975-01-01',
    });
    const b = await createPerson(t.admin, {
      fullName: 'Samsul Arifin',
      sex: 'M',
      birthDate: '1975-01-01',
    });
    const queue = await t.admin.call('persons.reviewQueue', {});
    expect(queue.total).toBe(1);
    expect(queue.pairs[0]).toMatchObject({ level: 'likely' });
    expect(new Set([queue.pairs[0]!.a.id, queue.pairs[0]!.b.id])).toEqual(new Set([a.id, b.id]));

    await t.admin.call('persons.reviewDistinct', { aId: b.id, bId: a.id });
    expect((await t.admin.call('persons.reviewQueue', {})).total).toBe(0);
    expect(auditOf(t.backend, 'persons.reviewDistinct')).toHaveLength(1);
    // Never asked again: not by a new scan, not when one of them is edited.
    t.backend.sqlite.prepare('DELETE FROM app_meta WHERE key = ?').run(SCAN_KEY);
    await startDuplicateScan(t.backend.sqlite, { now: () => new Date(), follow: false }).finished;
    expect((await t.admin.call('persons.reviewQueue', {})).total).toBe(0);
    const probe = { fullName: 'Samsul Arifin', sex: 'M' as const, birthDate: '1975-01-01' };
    expect((await t.admin.call('persons.duplicates', probe)).candidates).toHaveLength(2);
    const editing = await t.admin.call('persons.duplicates', { ...probe, excludeId: b.id });
    expect(editing.candidates).toEqual([]);
    // A pair that was never queued cannot be decided.
    const c = await createPerson(t.admin, { fullName: 'Budi' });
    const err = await t.admin.raw('persons.reviewDistinct', { aId: a.id, bId: c.id });
    expect(err.ok ? null : err.error.code).toBe('NOT_FOUND');
  });

  it('finds pairs already in the registry in the background, with progress, and a merge closes them', async () => {
    const t = await setUpOffice();
    const sqlite = t.backend.sqlite;
    bulkPeople(sqlite, 300, 3);
    const insert = sqlite.prepare(`INSERT INTO persons (id, full_name, sex, birth_date, birth_year,
      identity_status, quality, search_names, name_key, match_keys, created_at, updated_at)
      VALUES (?, ?, 'F', '1990-02-02', 1990, 'stated', '${QUALITY}', ?, ?, ?,
        '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`);
    for (const [id, name] of [
      ['00000000-0000-7000-8000-00000000aa01', 'Nafisah Rahmawati'],
      ['00000000-0000-7000-8000-00000000aa02', 'Hj. Nafisa Rahmawati'],
    ] as const)
      insert.run(
        id,
        name,
        searchNames(name, []),
        foldName(name),
        JSON.stringify(matchKeys(name, [])),
      );
    sqlite.prepare('DELETE FROM app_meta WHERE key = ?').run(SCAN_KEY);
    await startDuplicateScan(sqlite, { now: () => new Date(), follow: false, batchSize: 50 })
      .finished;
    const queue = await t.admin.call('persons.reviewQueue', { level: 'likely' });
    const pair = queue.pairs.find((p) => p.a.fullName.includes('Nafis'));
    expect(pair).toBeDefined();
    expect(pair!.evidence.map((e) => e.code)).toEqual(
      expect.arrayContaining(['name_variant', 'name_ignored', 'birth_same', 'sex_same']),
    );
    expect(queue.scan).toMatchObject({ running: false });
    expect(queue.scan.done).toBe(queue.scan.total);

    await t.admin.call('persons.merge', {
      keepId: pair!.a.id,
      keepVersion: 1,
      mergeId: pair!.b.id,
      mergeVersion: 1,
      reason: 'Orang yang sama',
    });
    const after = await t.admin.call('persons.reviewQueue', {});
    expect(after.pairs.some((p) => p.a.id === pair!.a.id && p.b.id === pair!.b.id)).toBe(false);
    const status = sqlite
      .prepare('SELECT status FROM person_match_pairs WHERE a_id = ? AND b_id = ?')
      .pluck()
      .get(pair!.a.id, pair!.b.id);
    expect(status).toBe('merged');
  });
});
