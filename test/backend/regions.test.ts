import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Region } from '../../shared/contract/regions';
import { ensureRegions } from '../../electron/backend/regions/load';
import { normalizeRegionName } from '../../electron/backend/regions/normalize';
import { setUpOffice } from './harness';

const require = createRequire(import.meta.url);
const DATA = join(dirname(require.resolve('idn-area-data/package.json')), 'data');
const PKG_VERSION = (
  JSON.parse(readFileSync(require.resolve('idn-area-data/package.json'), 'utf8')) as {
    version: string;
  }
).version;

function csvRows(file: string): number {
  return (
    readFileSync(join(DATA, file), 'utf8')
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '').length - 1
  );
}

type T = Awaited<ReturnType<typeof setUpOffice>>;

async function search(t: T, input: Parameters<T['admin']['call']>[1] & object) {
  return (await t.admin.call('regions.search', input as never)).results;
}

function codes(results: Region[]) {
  return results.map((r) => r.code);
}

function expectParentPath(r: Region) {
  const parts = r.code.split('.');
  const expected = parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('.'));
  expect(r.parents.map((p) => p.code)).toEqual(expected);
  expect(r.parents.map((p) => p.level)).toEqual(expected.map((_, i) => i + 1));
  expect(r.level).toBe(parts.length);
}

describe('region data', () => {
  it('holds every region of idn-area-data, at the right level and under its parent', async () => {
    const t = await setUpOffice();
    const byLevel = await t.backend.db
      .selectFrom('regions')
      .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('level')
      .orderBy('level')
      .execute();
    expect(byLevel.map((r) => [r.level, Number(r.n)])).toEqual([
      [1, 38],
      [2, 514],
      [3, 7285],
      [4, 83762],
    ]);
    // The same counts as the package's own files.
    expect(byLevel.map((r) => Number(r.n))).toEqual(
      ['provinces.csv', 'regencies.csv', 'districts.csv', 'villages.csv'].map(csvRows),
    );
    const orphans = t.backend.sqlite
      .prepare(
        `SELECT count(*) AS n FROM regions r LEFT JOIN regions p ON p.code = r.parent_code
         WHERE (r.level = 1 AND r.parent_code IS NOT NULL)
            OR (r.level > 1 AND (p.code IS NULL OR p.level <> r.level - 1))`,
      )
      .get() as { n: number };
    expect(orphans.n).toBe(0);
    expect(
      t.backend.sqlite.prepare(`SELECT value FROM app_meta WHERE key = 'regions.source'`).get(),
    ).toEqual({ value: `idn-area-data@${PKG_VERSION}` });
  });

  it('is not loaded again when the database already holds this release', async () => {
    const t = await setUpOffice();
    expect(ensureRegions(t.backend.sqlite)).toEqual({
      loaded: false,
      source: `idn-area-data@${PKG_VERSION}`,
    });
  });

  it('is refreshed from a newer release without losing or duplicating rows', async () => {
    const t = await setUpOffice();
    t.backend.sqlite.exec(`
      UPDATE app_meta SET value = 'idn-area-data@0.0.1' WHERE key = 'regions.source';
      UPDATE regions SET name = 'Kota Lama', name_norm = 'kota lama' WHERE code = '63.72';`);
    expect(ensureRegions(t.backend.sqlite).loaded).toBe(true);
    const n = t.backend.sqlite.prepare('SELECT count(*) AS n FROM regions').get() as { n: number };
    expect(n.n).toBe(38 + 514 + 7285 + 83762);
    expect((await t.admin.call('regions.get', { code: '63.72' })).name).toBe('Kota Banjarbaru');
    // The name index was rebuilt too.
    expect(codes(await search(t, { q: 'banjarbaru', limit: 1 }))).toEqual(['63.72']);
    expect(await search(t, { q: 'kota lama', levels: [2] })).toEqual([]);
  });
});

describe('regions.search by name', () => {
  it("ranks Kota Banjarbaru first for 'banjarbaru'", async () => {
    const t = await setUpOffice();
    const results = await search(t, { q: 'banjarbaru', limit: 10 });
    expect(results[0]).toEqual({
      code: '63.72',
      name: 'Kota Banjarbaru',
      level: 2,
      parents: [{ code: '63', name: 'Kalimantan Selatan', level: 1 }],
    });
    expect(codes(results)).toEqual(expect.arrayContaining(['63.72.04', '63.72.05']));
  });

  it("finds Kabupaten Banjar for 'banjar', before districts and villages of that name", async () => {
    const t = await setUpOffice();
    const results = await search(t, { q: 'banjar', limit: 10 });
    const kab = results.findIndex((r) => r.code === '63.03');
    expect(kab).toBeGreaterThanOrEqual(0);
    expect(results[kab]!.name).toBe('Kabupaten Banjar');
    // Exact-name regencies/cities come before lower levels named just "Banjar".
    expect(results.slice(0, kab).every((r) => r.level <= 2)).toBe(true);
    // The office's neighbour (Kalimantan Selatan) before Kota Banjar in Jawa Barat.
    expect(kab).toBe(0);
  });

  it("finds Kabupaten Tanah Laut for 'tanah laut' and 'Tanah  Laut'", async () => {
    const t = await setUpOffice();
    for (const q of ['tanah laut', 'Tanah  Laut', 'TANAH-LAUT']) {
      expect((await search(t, { q, limit: 5 }))[0]).toMatchObject({
        code: '63.01',
        name: 'Kabupaten Tanah Laut',
      });
    }
  });

  it('ignores case and accents', async () => {
    const t = await setUpOffice();
    const plain = codes(await search(t, { q: 'banjarbaru', limit: 10 }));
    for (const q of ['BANJARBARU', 'Banjárbaru', 'bänjarbarû', ' banjarbaru ']) {
      expect(codes(await search(t, { q, limit: 10 }))).toEqual(plain);
    }
    expect(normalizeRegionName('Kép. Seribu')).toBe('kep seribu');
  });

  it('uses a prefix for queries under 3 letters and respects the limit', async () => {
    const t = await setUpOffice();
    const results = await search(t, { q: 'ci', limit: 7 });
    expect(results).toHaveLength(7);
    for (const r of results) expect(normalizeRegionName(r.name).startsWith('ci')).toBe(true);
    // Names that merely contain "ci" are not prefix matches.
    const one = await search(t, { q: 'Ci', limit: 50 });
    expect(one.length).toBeLessThanOrEqual(50);
    for (const r of one) expect(normalizeRegionName(r.name).startsWith('ci')).toBe(true);
  });

  it('returns nothing for input without letters or digits', async () => {
    const t = await setUpOffice();
    expect(await search(t, { q: '-- !!' })).toEqual([]);
  });

  it('filters by level and by the region it must lie within', async () => {
    const t = await setUpOffice();
    const districts = await search(t, { q: 'banjar', levels: [3], within: '63', limit: 50 });
    expect(districts.length).toBeGreaterThan(0);
    for (const r of districts) {
      expect(r.level).toBe(3);
      expect(r.code.startsWith('63.')).toBe(true);
    }
    expect(codes(districts)).toEqual(expect.arrayContaining(['63.72.04', '63.71.03']));

    const inCity = await search(t, { q: 'banjarbaru', within: '63.72', limit: 50 });
    expect(codes(inCity)).toEqual(expect.arrayContaining(['63.72', '63.72.04', '63.72.05']));
    expect(inCity.every((r) => r.code === '63.72' || r.code.startsWith('63.72.'))).toBe(true);
    // The village named Banjarbaru in Hulu Sungai Selatan is outside.
    expect(codes(inCity)).not.toContain('63.06.07.2004');

    const regencies = await search(t, { q: 'banjar', levels: [1, 2], limit: 50 });
    expect(regencies.every((r) => r.level <= 2)).toBe(true);
    expect(codes(regencies)).toEqual(expect.arrayContaining(['63.03', '32.79']));
  });

  it('carries each result’s parent path, province first', async () => {
    const t = await setUpOffice();
    const results = [
      ...(await search(t, { q: 'banjarbaru', limit: 20 })),
      ...(await search(t, { q: 'loktabat', limit: 20 })),
      ...(await search(t, { q: 'ci', limit: 20 })),
    ];
    expect(results.length).toBeGreaterThan(10);
    for (const r of results) expectParentPath(r);
    const village = results.find((r) => r.code === '63.72.04.1001')!;
    expect(village.parents.map((p) => p.name)).toEqual([
      'Kalimantan Selatan',
      'Kota Banjarbaru',
      'Banjarbaru Utara',
    ]);
  });
});

describe('regions.search by code', () => {
  it("lists Kota Banjarbaru first for '63.72', then what lies inside it", async () => {
    const t = await setUpOffice();
    const results = await search(t, { q: '63.72', limit: 10 });
    expect(results[0]!.code).toBe('63.72');
    expect(results.every((r) => r.code === '63.72' || r.code.startsWith('63.72.'))).toBe(true);
    for (const r of results) expectParentPath(r);
  });

  it("completes a partial code such as '63.72.0'", async () => {
    const t = await setUpOffice();
    const results = await search(t, { q: '63.72.0', limit: 10 });
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.code.startsWith('63.72.0'))).toBe(true);
    expect(results[0]!.level).toBe(3);
    expect(codes(results)).toContain('63.72.04');
  });

  it('respects level filters on code search', async () => {
    const t = await setUpOffice();
    const results = await search(t, { q: '63', levels: [2], limit: 50 });
    expect(results.map((r) => r.level)).toEqual(results.map(() => 2));
    expect(codes(results)).toEqual(expect.arrayContaining(['63.01', '63.03', '63.71', '63.72']));
  });
});

describe('regions.get', () => {
  it('returns a region with its parents', async () => {
    const t = await setUpOffice();
    expect(await t.admin.call('regions.get', { code: '63.72.04.1001' })).toEqual({
      code: '63.72.04.1001',
      name: 'Loktabat Utara',
      level: 4,
      parents: [
        { code: '63', name: 'Kalimantan Selatan', level: 1 },
        { code: '63.72', name: 'Kota Banjarbaru', level: 2 },
        { code: '63.72.04', name: 'Banjarbaru Utara', level: 3 },
      ],
    });
    expect(await t.admin.call('regions.get', { code: '63' })).toEqual({
      code: '63',
      name: 'Kalimantan Selatan',
      level: 1,
      parents: [],
    });
  });

  it('answers NOT_FOUND for an unknown code and VALIDATION for a malformed one', async () => {
    const t = await setUpOffice();
    const err = await t.admin.fail('regions.get', { code: '63.99' });
    expect(err).toMatchObject({
      code: 'NOT_FOUND',
      key: 'region.unknown',
      params: { code: '63.99' },
    });
    expect(err.message.en).toBe('Unknown region code 63.99.');
    const bad = await t.admin.fail('regions.get', { code: '63-72' });
    expect(bad.issues).toEqual([{ path: ['code'], key: 'region.invalid_code' }]);
  });
});
