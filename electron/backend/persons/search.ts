import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { foldWords, foldWordsLetters, plainWords, searchNames } from './fold';
import {
  blockByName,
  CANDIDATE_COLUMNS,
  kyselyReader,
  loadCandidates,
  recordOf,
  type CandidateRow,
} from './duplicates';
import { matchName, probeKeys, slipKeys, type MatchName } from './matchNames';
import { compareNames } from './nameSimilarity';
import { reindexProgress } from './reindex';
import { parseAliases } from './store';

/** How many trigram hits are ranked; the index returns the newest records first. */
const TRIGRAM_CANDIDATES = 300;
const PREFIX_CANDIDATES = 100;

interface Candidate {
  rowid: number;
  id: string;
  name_key: string;
  search_names: string;
  search_origin: string;
  merged_into: string | null;
}

export interface PersonQuery {
  q: string;
  limit: number;
  includeMerged: boolean;
  currentYear: number;
}

/** Score of one candidate for the query words; 0 means it does not match after all. */
export function scoreNames(
  words: string[],
  key: string,
  searchNamesText: string,
  origin: string,
): number {
  const names = searchNamesText.split(' | ');
  // The own name comes first, followed by its no-space form when it has several words.
  const ownCompact = names[0]?.replace(/ /g, '');
  let best = 0;
  names.forEach((name, i) => {
    const nameWords = name.split(' ');
    let s = 0;
    if (name === key) s = 100;
    else if (name.startsWith(key)) s = 80;
    else if (words.every((w) => nameWords.some((nw) => nw.startsWith(w)))) s = 60;
    else if (words.every((w) => name.includes(w))) s = 40;
    // The person's own name (also typed without spaces) ranks above an alias.
    if (s > 0 && (i === 0 || (i === 1 && name === ownCompact))) s += 5;
    best = Math.max(best, s);
  });
  if (best === 0) {
    // Some words matched the origin rather than the name ("siti banjar").
    const inNames = (w: string) => names.some((n) => n.includes(w));
    if (words.every((w) => inNames(w) || origin.includes(w)) && words.some(inNames)) best = 30;
    else if (words.every((w) => origin.includes(w))) best = 20;
  }
  return best;
}

/**
 * Finds person ids for the search box, best first. NIKs (full or first digits) and birth years
 * use B-tree indexes; words of 3+ letters use the trigram index over folded names and origin;
 * shorter words only narrow or rank, or use the name index as a prefix.
 */
export async function searchPersonIds(db: Kysely<DB>, query: PersonQuery): Promise<string[]> {
  const scored = new Map<string, { score: number; rowid: number }>();
  const add = (id: string, rowid: number, score: number) => {
    const prev = scored.get(id);
    if (!prev || prev.score < score) scored.set(id, { score, rowid });
  };
  const merged = query.includeMerged ? sql`` : sql` AND p.merged_into IS NULL`;
  const raw = query.q.trim();
  const compact = raw.replace(/[\s.]/g, '');

  if (/^\d+$/.test(compact)) {
    if (compact.length >= 2) {
      const upper = compact + ':';
      const rows = await sql<{ id: string; rowid: number; nik: string }>`
        SELECT p.id, p.rowid, p.nik FROM persons p
        WHERE p.nik >= ${compact} AND p.nik < ${upper}${merged}
        ORDER BY p.nik LIMIT ${query.limit}`.execute(db);
      for (const r of rows.rows) add(r.id, r.rowid, r.nik === compact ? 1000 : 500);
    }
    const year = Number(compact);
    if (compact.length === 4 && year >= 1900 && year <= query.currentYear) {
      const rows = await sql<{ id: string; rowid: number }>`
        SELECT p.id, p.rowid FROM persons p WHERE p.birth_year = ${year}${merged}
        ORDER BY p.rowid DESC LIMIT ${query.limit}`.execute(db);
      // Four digits are more often a year of birth than the start of a NIK.
      for (const r of rows.rows) add(r.id, r.rowid, 600);
    }
    return rank(scored, query.limit);
  }

  // Separate a birth year ("siti 1985") from the name words.
  const tokens = raw.split(/\s+/);
  const yearToken = tokens.find((t) => /^(19|20)\d\d$/.test(t));
  const year = yearToken ? Number(yearToken) : null;
  const text = tokens.filter((t) => t !== yearToken).join(' ');
  const words = foldWords(text);
  if (words.length === 0) return rank(scored, query.limit);
  // Two readings: with the whole-word forms (Moh. = Muhammad) and with the letter rules only,
  // so a word still being typed ("nor" of Norhayati, "abd" of Abdurrahman) is not taken for a name.
  const typed = foldWordsLetters(text);
  const readings = typed.join(' ') === words.join(' ') ? [words] : [words, typed];
  const alternatives = words.map((w, i) =>
    [...new Set([w, typed[i] ?? w])].filter((x) => x.length >= 3),
  );
  const positions = alternatives.filter((alts) => alts.length > 0);
  const candidates: Candidate[] = [];
  // Rows the word-pair keys found, already compared by spelling.
  const seen = new Set<number>();
  let paired = false;

  if (year !== null) {
    // "name + year": the year's index narrows to about a hundredth of the registry; the name
    // words then filter those rows, so common names cost no more than rare ones.
    const like = sql.join(
      positions.length > 0
        ? positions.map(
            (alts) =>
              sql`(${sql.join(
                alts.map((w) => sql`p.search_names LIKE ${'%' + w + '%'}`),
                sql` OR `,
              )})`,
          )
        : [sql`p.name_key >= ${readings[readings.length - 1]!.join(' ')}`],
      sql` AND `,
    );
    // Living records' names are matched inside the year's index (migration 20), so only the
    // matching rows are read (the planner would rather walk the year in row order).
    const byYear = query.includeMerged ? sql`` : sql` INDEXED BY persons_year_names`;
    const hits = await sql<Candidate>`
      SELECT c.rowid, c.id, c.name_key, c.search_names, c.search_origin, c.merged_into FROM persons c
      WHERE c.rowid IN (SELECT p.rowid FROM persons p${byYear}
        WHERE p.birth_year = ${year} AND ${like}${merged}
        ORDER BY p.rowid DESC LIMIT ${TRIGRAM_CANDIDATES})
      ORDER BY c.rowid DESC`.execute(db);
    candidates.push(...hits.rows);
  } else {
    // Exact and prefix matches on the folded full name, in index order (no sort of all matches).
    for (const reading of readings) {
      const key = reading.join(' ');
      const prefix = await sql<Candidate>`
        SELECT p.rowid, p.id, p.name_key, p.search_names, p.search_origin, p.merged_into FROM persons p
        WHERE p.name_key >= ${key} AND p.name_key < ${key + '\uffff'}${merged}
        ORDER BY p.name_key LIMIT ${PREFIX_CANDIDATES}`.execute(db);
      candidates.push(...prefix.rows);
    }
    // Several words: who bears them all is read from the matcher's word-pair keys, a few index
    // ranges, where the trigram index would walk most of its rows for each common word at a
    // million persons. The trigram index is still read when no one bears the words as typed
    // (a word still being typed, a fragment, an origin), and for a single word.
    if (positions.length > 1) {
      const q = matchName(text);
      const rows = await byWordPairs(db, q, merged);
      candidates.push(...rows);
      // Scored with the others below when they hold the words as typed; with few of those,
      // the rest are compared by spelling, as the spelling step below would.
      const typed = (row: Candidate) =>
        readings.some((r) => scoreNames(r, r.join(' '), row.search_names, row.search_origin) >= 60);
      const other = rows.filter((row) => !typed(row));
      paired = other.length < rows.length;
      if (rows.length - other.length < SPELLING_BELOW)
        for (const row of other) {
          seen.add(row.rowid);
          const spelled = spellingScore(q, row);
          if (spelled > 0) add(row.id, row.rowid, spelled);
          if (spelled > 0) paired = true;
        }
    }
    // Merged records carry no keys: asked for, they come from the trigram index.
    if (positions.length > 0 && (!paired || query.includeMerged)) {
      const match = positions
        .map((alts) =>
          alts.length === 1 ? `"${alts[0]}"` : `(${alts.map((w) => `"${w}"`).join(' OR ')})`,
        )
        .join(' AND ');
      const hits = await sql<Candidate>`
        SELECT p.rowid, p.id, p.name_key, p.search_names, p.search_origin, p.merged_into
        FROM persons_fts f JOIN persons p ON p.rowid = f.rowid
        WHERE persons_fts MATCH ${match}${merged}
        ORDER BY f.rowid DESC LIMIT ${TRIGRAM_CANDIDATES}`.execute(db);
      candidates.push(...hits.rows);
    }
  }

  // While the name index is rebuilt for new rules (reindex.ts), rows not yet done hold names
  // folded by the old ones: find those by their plain names too and fold them here.
  const pending = await reindexProgress(db);
  if (pending) candidates.push(...(await notYetRebuilt(db, text, year, pending.after, merged)));

  for (const c of candidates) {
    const score = Math.max(
      ...readings.map((r) => scoreNames(r, r.join(' '), c.search_names, c.search_origin)),
    );
    if (score > 0) add(c.id, c.rowid, score);
  }
  // Few whole-word matches: the matcher's keys find other spellings and slips of the pen.
  const strong = [...scored.values()].filter((v) => v.score >= 60).length;
  if (strong < SPELLING_BELOW) {
    const found = await addSpellingMatches(db, text, year, seen, add);
    // Nothing in any spelling: a slip may have changed a word's key too.
    if (strong === 0 && found === 0) await addSlipMatches(db, text, year, add);
  }
  return rank(scored, query.limit);
}

/**
 * People whose names (or an alias) hold every word of `text` in some spelling: the rows under
 * all of its word-pair keys, newest first. Empty when the text has fewer than two name words.
 */
async function byWordPairs(
  db: Kysely<DB>,
  name: MatchName,
  merged: ReturnType<typeof sql>,
): Promise<(Candidate & CandidateRow)[]> {
  const pairs = probeKeys([name]).filter((k) => k.key.startsWith('p:'));
  if (pairs.length === 0) return [];
  const rowids = sql.join(
    pairs.map((k) => sql`SELECT person_rowid FROM person_match_keys WHERE key = ${k.key}`),
    sql` INTERSECT `,
  );
  const rows = await sql<Candidate & CandidateRow>`
    SELECT ${sql.raw(CANDIDATE_COLUMNS)}, name_key, search_names, search_origin, merged_into
    FROM persons p WHERE p.rowid IN (SELECT person_rowid FROM (${rowids}) ORDER BY person_rowid DESC LIMIT ${TRIGRAM_CANDIDATES})${merged}
    ORDER BY p.rowid DESC`.execute(db);
  return rows.rows;
}

/** Rows read per key for search: the first page of results needs only the best few. */
const SPELLING_PER_KEY = 60;
/** Other spellings are looked for when fewer whole-word matches than this were found. */
const SPELLING_BELOW = 5;

/**
 * People whose name (or alias) holds every query word in some spelling or with a slip, ranked
 * below whole-word and prefix matches (under 60) by how well the query's words are matched.
 * Merged records carry no keys, so they are never found this way.
 */
async function addSpellingMatches(
  db: Kysely<DB>,
  text: string,
  year: number | null,
  seen: ReadonlySet<number>,
  add: (id: string, rowid: number, score: number) => void,
): Promise<number> {
  const q = matchName(text);
  const spelled = q.words.filter((w) => !w.initial && w.spell.length >= 3).length;
  if (spelled === 0) return 0;
  const read = kyselyReader(db);
  // Three words or more: a slip in one leaves the pairs of the others to find the person by.
  const rowids = await blockByName(read, [q], year, SPELLING_PER_KEY, spelled < 3);
  const unseen = rowids.filter((r) => !seen.has(r));
  return addSpelled(read, q, year, unseen, add);
}

/** Rows read for slips at most: a search that found nothing else needs only a first page. */
const SLIP_ROWS = 300;

/** People whose names hold the query's words when one word's slip is set right (slipKeys). */
async function addSlipMatches(
  db: Kysely<DB>,
  text: string,
  year: number | null,
  add: (id: string, rowid: number, score: number) => void,
): Promise<void> {
  const q = matchName(text);
  const keys = slipKeys(q);
  if (keys.length === 0) return;
  const read = kyselyReader(db);
  const rows = await read<{ r: number }>(
    `SELECT DISTINCT person_rowid AS r FROM person_match_keys
      WHERE key IN (${keys.map(() => '?').join(',')}) LIMIT ?`,
    [...keys, SLIP_ROWS],
  );
  await addSpelled(
    read,
    q,
    year,
    rows.map((x) => x.r),
    add,
  );
}

/** Compares the rows by spelling and adds those that hold every query word; how many did. */
async function addSpelled(
  read: ReturnType<typeof kyselyReader>,
  q: MatchName,
  year: number | null,
  rowids: number[],
  add: (id: string, rowid: number, score: number) => void,
): Promise<number> {
  let found = 0;
  for (const row of await loadCandidates(read, rowids)) {
    if (year !== null && row.birth_year !== year) continue;
    const best = spellingScore(q, row);
    if (best > 0) add(row.id, row.rowid, best);
    if (best > 0) found++;
  }
  return found;
}

/**
 * Candidates among rows after `after` (not yet rebuilt) whose own name or an alias contains
 * each plain query word, with their names folded by the current rules. A scan of those rows
 * only, and only while a rebuild runs.
 */
async function notYetRebuilt(
  db: Kysely<DB>,
  text: string,
  year: number | null,
  after: number,
  merged: ReturnType<typeof sql>,
): Promise<Candidate[]> {
  const words = plainWords(text).filter((w) => w.length >= 3);
  if (words.length === 0) return [];
  const like = sql.join(
    words.map((w) => sql`(p.full_name LIKE ${'%' + w + '%'} OR p.aliases LIKE ${'%' + w + '%'})`),
    sql` AND `,
  );
  const born = year === null ? sql`` : sql` AND p.birth_year = ${year}`;
  const rows = await sql<{
    rowid: number;
    id: string;
    full_name: string;
    aliases: string;
    search_origin: string;
    merged_into: string | null;
  }>`
    SELECT p.rowid, p.id, p.full_name, p.aliases, p.search_origin, p.merged_into FROM persons p
    WHERE p.rowid > ${after} AND ${like}${born}${merged}
    ORDER BY p.rowid DESC LIMIT ${TRIGRAM_CANDIDATES}`.execute(db);
  return rows.rows.map((r) => {
    const names = searchNames(r.full_name, parseAliases(r.aliases));
    return { ...r, name_key: names.split(' | ')[0] ?? '', search_names: names };
  });
}

/** Best score first; among equals the newer record (higher rowid). */
function rank(scored: Map<string, { score: number; rowid: number }>, limit: number): string[] {
  return [...scored.entries()]
    .sort((a, b) => b[1].score - a[1].score || b[1].rowid - a[1].rowid)
    .slice(0, limit)
    .map(([id]) => id);
}

/**
 * How well a person's name or an alias holds every query word in some spelling or with a slip:
 * 35 to 59 (below whole-word and prefix matches), or 0 when some word is not there.
 */
function spellingScore(q: MatchName, row: CandidateRow): number {
  let best = 0;
  for (const name of recordOf(row).names) {
    const c = compareNames(q, name);
    if (c.coverA < 0.85 || c.pairs.length < q.words.length) continue;
    best = Math.max(best, 35 + 20 * c.coverA + 4 * c.score);
  }
  return best;
}
