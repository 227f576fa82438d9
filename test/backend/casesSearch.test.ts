/**
 * The case list's search box (cases/search.ts) finds what the plain scan finds: on a generated
 * office of persons named as clerks type them (the bench's name generator, spellings varied,
 * some with aliases) and a case each, every query a caseworker would type (a full name, a first
 * name, a surname, a word cut short, another spelling, upper or lower case, a case number or
 * part of it, a term no one bears) gives the rows and total of `number LIKE … OR full_name LIKE …`.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Output } from '../../shared/contract';
import { namesMatch } from '../../electron/backend/cases/search';
import { foldName, searchNames } from '../../electron/backend/persons/fold';
import { fillCases } from '../bench/cases';
import { personName, pick, rng, written } from '../bench/names';
import { setUpOffice } from './harness';

const N = 1500;

function people(sqlite: BetterSqlite3.Database, n: number): string[] {
  const r = rng(7);
  const insert = sqlite.prepare(`INSERT INTO persons (id, full_name, aliases, identity_status,
    quality, search_names, name_key, match_keys, created_at, updated_at)
    VALUES (?, ?, ?, 'stated', '{}', ?, ?, '[]', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')`);
  const names: string[] = [];
  sqlite.transaction(() => {
    for (let i = 0; i < n; i++) {
      const words = personName(r, r() < 0.5 ? 'M' : 'F');
      let name = written(r, words);
      // Some typed in capitals, some with a title or a mark, as registers hold them.
      if (i % 13 === 0) name = name.toUpperCase();
      if (i % 17 === 0) name = `${name}, S.Pd`;
      const aliases = i % 11 === 0 ? [written(r, personName(r, 'M'))] : [];
      names.push(name);
      insert.run(
        `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
        name,
        JSON.stringify(aliases),
        searchNames(name, aliases),
        foldName(name),
      );
    }
  })();
  return names;
}

/** The list the plain way. */
function reference(db: BetterSqlite3.Database, q: string) {
  const like = `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  const cond = `WHERE number LIKE ? ESCAPE '\\' OR person_id IN
    (SELECT id FROM persons WHERE full_name LIKE ? ESCAPE '\\')`;
  return {
    total: db.prepare(`SELECT count(*) FROM cases c ${cond}`).pluck().get(like, like),
    ids: db
      .prepare(`SELECT id FROM cases c ${cond} ORDER BY opened_at DESC, id DESC LIMIT 25`)
      .pluck()
      .all(like, like),
  };
}

describe('the case list search box', () => {
  it('finds by name and by number what the plain scan finds', async () => {
    const t = await setUpOffice();
    const db = t.backend.sqlite;
    const names = people(db, N);
    fillCases(t.backend, N);
    const r = rng(3);
    const queries = new Set<string>(['KS/0012', 'KS/', '/2025', '0007', 'Zzyzx', 'siti aminah']);
    for (let i = 0; i < 60; i++) {
      const name = pick(r, names);
      const words = name.replace(/, S\.Pd$/, '').split(' ');
      const word = pick(r, words);
      queries.add(name);
      queries.add(word);
      queries.add(word.toLowerCase());
      queries.add(word.slice(0, 3 + Math.floor(r() * 3)));
      queries.add(words.slice(0, 2).join(' '));
      queries.add(words[words.length - 1]!.toUpperCase());
    }
    const numbers = db.prepare('SELECT number FROM cases ORDER BY rowid LIMIT 5').pluck().all();
    for (const n of numbers as string[]) queries.add(n);
    let found = 0;
    let indexed = 0;
    for (const q of queries) {
      const want = reference(db, q);
      const got = (await t.admin.call('cases.list', { q })) as Output<'cases.list'>;
      expect({ q, total: got.total, ids: got.rows.map((x) => x.id) }).toEqual({ q, ...want });
      if (want.ids.length > 0) found++;
      if (namesMatch(q) !== null) indexed++;
    }
    // The comparisons saw rows, and most went through the index rather than the scan.
    expect(found).toBeGreaterThan(queries.size * 0.8);
    expect(indexed).toBeGreaterThan(queries.size * 0.6);
  }, 120_000);

  it('asks the index for each word of three letters or more, in both readings', () => {
    expect(namesMatch('Siti Aminah')).toBe('(names : "siti") AND (names : "aminah")');
    expect(namesMatch('Moh. Ali')).toBe('(names : "muhamad" OR names : "moh") AND (names : "ali")');
    expect(namesMatch('KS/0012')).toBe('(names : "0012")');
    expect(namesMatch('ab')).toBeNull();
  });
});
