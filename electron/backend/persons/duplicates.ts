/**
 * The matcher: candidates by blocking keys (the NIK and NIKs one digit apart; phonetic name-word
 * keys, word pairs and whole names within a few birth years), each scored by matchScore.ts. The
 * same engine serves the duplicate warning, the review queue's scan and search ranking. Only
 * reports; the user decides.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { matchName, probeKeys, type MatchName } from './matchNames';
import {
  ESTIMATE_TOLERANCE,
  ruledOut,
  scoreMatch,
  type MatchRecord,
  type MatchResult,
} from './matchScore';
import { parseAliases } from './store';

/** Runs one read; the same matcher reads through Kysely (calls) or prepared statements (scan). */
export type ReadRows = <R>(sqlText: string, params: readonly unknown[]) => Promise<R[]>;

export function kyselyReader(db: Kysely<DB>): ReadRows {
  return async <R>(sqlText: string, params: readonly unknown[]) =>
    (await db.executeQuery<R>(CompiledQuery.raw(sqlText, [...params]))).rows as R[];
}

export function sqliteReader(sqlite: BetterSqlite3.Database): ReadRows {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return <R>(sqlText: string, params: readonly unknown[]) => {
    let st = cache.get(sqlText);
    if (!st) cache.set(sqlText, (st = sqlite.prepare(sqlText)));
    return Promise.resolve(st.all(...params) as R[]);
  };
}

/** Rows read per key: a key within a birth-year window is small; this bounds a common one. */
const PER_KEY = 300;
/** Candidates scored per check at most. */
const MAX_CANDIDATES = 1500;

export interface CandidateRow {
  rowid: number;
  id: string;
  full_name: string;
  aliases: string;
  nik: string | null;
  sex: 'M' | 'F' | null;
  birth_date: string | null;
  birth_year: number | null;
  birth_date_estimated: number;
  origin_code: string | null;
  mother_name: string | null;
}

export const CANDIDATE_COLUMNS = `rowid, id, full_name, aliases, nik, sex, birth_date, birth_year,
  birth_date_estimated, origin_code, mother_name`;

/** A row's facts other than names (enough to rule a candidate out). */
function factsOf(r: CandidateRow) {
  return {
    nik: r.nik,
    sex: r.sex,
    birthDate: r.birth_date,
    birthYear: r.birth_year,
    birthEstimated: r.birth_date_estimated === 1,
    originCode: r.origin_code,
  };
}

export function recordOf(r: CandidateRow): MatchRecord {
  return {
    ...factsOf(r),
    names: [r.full_name, ...parseAliases(r.aliases)].map(matchName),
    mother: r.mother_name ? matchName(r.mother_name) : null,
  };
}

/** The NIK and every NIK one digit away from it (a typing slip). */
export function nikNeighbours(nik: string): string[] {
  const out = [nik];
  for (let i = 0; i < nik.length; i++)
    for (let d = 0; d <= 9; d++) {
      const c = String(d);
      if (c !== nik[i]) out.push(nik.slice(0, i) + c + nik.slice(i + 1));
    }
  return out;
}

/**
 * Row ids of people whose names share a blocking key with `names`: within the birth-year window
 * (and those without a birth year) when the year is known. Common words alone ("siti") are only
 * looked up when the name has nothing rarer.
 */
export async function blockByName(
  read: ReadRows,
  names: readonly MatchName[],
  birthYear: number | null,
  perKey = PER_KEY,
  /** Single-word keys too (a search of three words finds a slip in one by the other two). */
  singles = true,
): Promise<number[]> {
  const keys = probeKeys(names).filter((k) => singles || !k.key.startsWith('t:'));
  const hasPairs = keys.some((k) => !k.key.startsWith('t:'));
  const hasRare = hasPairs || keys.some((k) => !k.common);
  const out = new Set<number>();
  for (const k of keys) {
    if (k.common && hasRare) continue;
    if (out.size >= MAX_CANDIDATES) break;
    // With word pairs to go by, a single word only finds a shorter name of the same birth year.
    const window = k.key.startsWith('t:') && hasPairs ? 0 : ESTIMATE_TOLERANCE;
    const rows =
      birthYear === null
        ? await read<{ r: number }>(
            'SELECT person_rowid AS r FROM person_match_keys WHERE key = ? LIMIT ?',
            [k.key, perKey],
          )
        : await read<{ r: number }>(
            `SELECT person_rowid AS r FROM person_match_keys
              WHERE key = ? AND birth_year BETWEEN ? AND ?
             UNION ALL
             SELECT person_rowid AS r FROM person_match_keys WHERE key = ? AND birth_year = 0
             LIMIT ?`,
            [k.key, birthYear - window, birthYear + window, k.key, perKey],
          );
    for (const r of rows) out.add(r.r);
  }
  return [...out];
}

/** Living person rows by row id, in chunks; with `sex`, only those of that sex or none. */
export async function loadCandidates(
  read: ReadRows,
  rowids: readonly number[],
  sex: 'M' | 'F' | null = null,
): Promise<CandidateRow[]> {
  const out: CandidateRow[] = [];
  for (let i = 0; i < rowids.length; i += 500) {
    const chunk = rowids.slice(i, i + 500);
    out.push(
      ...(await read<CandidateRow>(
        // "+": never the merged_into index (nearly every row is NULL there), always the rowids.
        `SELECT ${CANDIDATE_COLUMNS} FROM persons WHERE rowid IN (${chunk.map(() => '?').join(',')})
          AND +merged_into IS NULL${sex ? ' AND (sex IS NULL OR sex = ?)' : ''}`,
        sex ? [...chunk, sex] : chunk,
      )),
    );
  }
  return out;
}

export interface Match {
  row: CandidateRow;
  result: MatchResult;
}

/** Best first: likely before possibly, then by score. */
export function byStrength(a: Match, b: Match): number {
  return (
    (a.result.level === b.result.level ? 0 : a.result.level === 'likely' ? -1 : 1) ||
    b.result.score - a.result.score
  );
}

/** What is known of someone being looked for (typed, reported, read from a list). */
export interface ProbeFields {
  names: readonly string[];
  nik: string | null;
  sex: 'M' | 'F' | null;
  birthDate: string | null;
  /** When the birth date is unknown: an estimated age in years. */
  estimatedAge: number | null;
  originCode: string | null;
  motherName: string | null;
}

/** The matcher's probe for `fields`; `year` is this year in the office zone (for ages). */
export function matchProbe(fields: ProbeFields, year: number): MatchRecord {
  return {
    names: fields.names.map(matchName),
    nik: fields.nik,
    sex: fields.sex,
    birthDate: fields.birthDate,
    birthYear: fields.birthDate
      ? Number(fields.birthDate.slice(0, 4))
      : fields.estimatedAge !== null
        ? year - fields.estimatedAge
        : null,
    birthEstimated: !fields.birthDate && fields.estimatedAge !== null,
    originCode: fields.originCode,
    mother: fields.motherName ? matchName(fields.motherName) : null,
  };
}

/** People who are likely or possibly the probe, best first. */
export async function findMatches(
  read: ReadRows,
  probe: MatchRecord,
  opts: { excludeId?: string } = {},
): Promise<Match[]> {
  const rows = new Map<number, CandidateRow>();
  if (probe.nik) {
    const niks = nikNeighbours(probe.nik);
    for (const r of await read<CandidateRow>(
      `SELECT ${CANDIDATE_COLUMNS} FROM persons WHERE nik IN (${niks.map(() => '?').join(',')})
        AND +merged_into IS NULL`,
      niks,
    ))
      rows.set(r.rowid, r);
  }
  const named = probe.names.filter((n) => n.words.length > 0);
  if (named.length > 0) {
    const ids = (await blockByName(read, named, probe.birthYear)).filter((r) => !rows.has(r));
    // Without a NIK to say otherwise, another sex rules a candidate out (ruledOut): those rows
    // are left in the database.
    const sex = probe.nik === null ? probe.sex : null;
    for (const r of await loadCandidates(read, ids, sex)) rows.set(r.rowid, r);
  }
  const out: Match[] = [];
  for (const row of rows.values()) {
    if (row.id === opts.excludeId || ruledOut(probe, factsOf(row))) continue;
    const result = scoreMatch(probe, recordOf(row));
    if (result) out.push({ row, result });
  }
  return out.sort(byStrength);
}

/** Ids of people a decision said are not the same person as `id`. */
export async function distinctFrom(read: ReadRows, id: string): Promise<Set<string>> {
  const rows = await read<{ other: string }>(
    `SELECT b_id AS other FROM person_match_pairs WHERE a_id = ? AND status = 'distinct'
     UNION SELECT a_id FROM person_match_pairs WHERE b_id = ? AND status = 'distinct'`,
    [id, id],
  );
  return new Set(rows.map((r) => r.other));
}

export type DuplicateReason =
  'same_nik' | 'similar_name' | 'same_birth_date' | 'close_birth_date' | 'same_origin';

/** The short reasons (badges) a result's evidence amounts to. */
export function reasonsOf(result: MatchResult): DuplicateReason[] {
  const codes = new Set(result.evidence.map((e) => e.code));
  const out: DuplicateReason[] = [];
  if (codes.has('nik_same')) out.push('same_nik');
  if (result.name && result.name.level !== 'none') out.push('similar_name');
  if (codes.has('birth_same')) out.push('same_birth_date');
  if (codes.has('birth_close') || codes.has('birth_estimated')) out.push('close_birth_date');
  if (codes.has('origin_same')) out.push('same_origin');
  return out;
}
