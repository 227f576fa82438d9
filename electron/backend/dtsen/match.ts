/**
 * Matching a list's rows to the registry: NIK first (in batches, one query per few hundred
 * rows), then the person matcher for rows whose NIK nobody has. The matcher decides alone only
 * when one person is likely and that person has no NIK of their own (a NIK that differs is a
 * different person or a typing slip a human must judge); anything less certain waits for review.
 *
 * A city list runs to 200,000 rows, so the matcher runs here as a batch with the verdicts of
 * findMatches row by row (matchByPerson, kept as the reference): the registry's NIKs read once
 * when many rows need their one-digit neighbours, name-key lookups shared between rows, and
 * each candidate read and its names prepared once. Every row has a NIK, so a candidate found by
 * name who has a NIK of their own (not the row's, not one digit from it) is ruled out before
 * anything else: only candidates without a NIK are read.
 */
import { parseNik } from '../../../shared/nik';
import type { DtsenMatch } from '../../../shared/reference/dtsen';
import {
  blockByName,
  byStrength,
  CANDIDATE_COLUMNS,
  findMatches,
  matchProbe,
  nikNeighbours,
  recordOf,
  type CandidateRow,
  type Match,
  type ReadRows,
} from '../persons/duplicates';
import { probeKeys } from '../persons/matchNames';
import type { MatchRecord } from '../persons/matchScore';
import { namesMayMatch } from '../persons/nameSimilarity';
import { ruledOut, scoreMatch } from '../persons/matchScore';
import type { ListRow } from './rows';

export interface RowMatch {
  match: DtsenMatch;
  personId: string | null;
  /** Candidate person ids for review, best first. */
  candidates: string[];
}

const NIK_BATCH = 500;
const MAX_CANDIDATES = 5;
/** From this many rows without a registry NIK, the registry's NIKs are read once instead. */
const NIK_SCAN_FROM = 2000;
/** Bounds of what the batch keeps between rows (name-key results, candidates). */
const KEY_CACHE_ROWS = 500_000;
const PERSON_CACHE = 100_000;
const BLOCK_CACHE = 5_000;

/** Registry people by NIK, for the NIKs of `rows`. */
export async function personsByNik(
  read: ReadRows,
  niks: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < niks.length; i += NIK_BATCH) {
    const batch = niks.slice(i, i + NIK_BATCH);
    const rows = await read<{ id: string; nik: string }>(
      `SELECT id, nik FROM persons WHERE nik IN (${batch.map(() => '?').join(',')})
        AND merged_into IS NULL`,
      batch,
    );
    for (const r of rows) out.set(r.nik, r.id);
  }
  return out;
}

/** The matcher's probe for a row (its NIK tells sex and birth date when the list does not). */
function probeOf(row: ListRow, year: number): MatchRecord {
  const fromNik = row.nik ? parseNik(row.nik) : null;
  return matchProbe(
    {
      names: row.name ? [row.name] : [],
      nik: row.nik,
      sex: fromNik?.sex ?? null,
      birthDate: row.birthDate ?? fromNik?.birthDate ?? null,
      estimatedAge: null,
      originCode: null,
      motherName: null,
    },
    year,
  );
}

/** The verdict on what the matcher found. */
function verdict(found: readonly Match[]): RowMatch {
  if (found.length === 0) return { match: 'unmatched', personId: null, candidates: [] };
  const likely = found.filter((m) => m.result.level === 'likely');
  if (likely.length === 1 && !likely[0]!.row.nik)
    return { match: 'matcher', personId: likely[0]!.row.id, candidates: [] };
  return {
    match: 'review',
    personId: null,
    candidates: found.slice(0, MAX_CANDIDATES).map((m) => m.row.id),
  };
}

/** The matcher's verdict on one row whose NIK matched nobody (the reference for matchRows). */
export async function matchByPerson(read: ReadRows, row: ListRow, year: number): Promise<RowMatch> {
  return verdict(await findMatches(read, probeOf(row, year)));
}

/** A reader that answers a query it has seen before from memory (name-key lookups). */
function rememberingReader(read: ReadRows): ReadRows {
  const seen = new Map<string, unknown[]>();
  let held = 0;
  return async <R>(sqlText: string, params: readonly unknown[]) => {
    const key = `${sqlText}\u0000${params.join('\u0000')}`;
    const known = seen.get(key);
    if (known) return known as R[];
    const rows = await read<R>(sqlText, params);
    if (held + rows.length > KEY_CACHE_ROWS) {
      seen.clear();
      held = 0;
    }
    seen.set(key, rows);
    held += rows.length;
    return rows;
  };
}

interface Candidate {
  row: CandidateRow;
  facts?: ReturnType<typeof recordFacts>;
  record: MatchRecord | null;
}

/** Living people without a NIK by row id, each read once (null: merged, or has a NIK). */
function candidateCache(read: ReadRows) {
  const known = new Map<number, Candidate | null>();
  return async (rowids: readonly number[]): Promise<Candidate[]> => {
    const missing = rowids.filter((r) => !known.has(r));
    if (known.size + missing.length > PERSON_CACHE) known.clear();
    for (let i = 0; i < missing.length; i += 500) {
      const chunk = missing.slice(i, i + 500);
      for (const r of chunk) known.set(r, null);
      const rows = await read<CandidateRow>(
        `SELECT ${CANDIDATE_COLUMNS} FROM persons WHERE rowid IN (${chunk.map(() => '?').join(',')})
          AND +merged_into IS NULL AND nik IS NULL`,
        chunk,
      );
      for (const row of rows) known.set(row.rowid, { row, record: null });
    }
    const out: Candidate[] = [];
    for (const r of rowids) {
      const c = known.get(r);
      if (c) out.push(c);
    }
    return out;
  };
}

/**
 * Matches every row (all with a valid NIK): by NIK, else by the matcher, with the verdicts
 * matchByPerson gives row by row. `nikScanFrom` sets when the registry's NIKs are read at once.
 */
export async function matchRows(
  read: ReadRows,
  rows: readonly ListRow[],
  year: number,
  opts: { nikScanFrom?: number } = {},
): Promise<Map<ListRow, RowMatch>> {
  const out = new Map<ListRow, RowMatch>();
  const byNik = await personsByNik(
    read,
    rows.map((r) => r.nik!),
  );
  const rest: ListRow[] = [];
  for (const r of rows) {
    const personId = byNik.get(r.nik!);
    if (personId) out.set(r, { match: 'nik', personId, candidates: [] });
    else rest.push(r);
  }
  if (rest.length === 0) return out;

  // One pass over the NIK index instead of ~145 lookups per row; merged people are dropped
  // when the few hits are read.
  const registry =
    rest.length >= (opts.nikScanFrom ?? NIK_SCAN_FROM)
      ? Float64Array.from(
          (await read<{ nik: string }>('SELECT nik FROM persons WHERE nik IS NOT NULL', [])).map(
            (r) => nikCode(r.nik),
          ),
        ).sort()
      : null;
  const keys = rememberingReader(read);
  const candidates = candidateCache(read);
  /** Name-key lookups and their candidates, by the probe's keys and birth year. */
  const blocked = new Map<string, { ids: number[]; people: Candidate[] }>();

  for (const row of rest) {
    const probe = probeOf(row, year);
    // As findMatches: people one digit from the NIK, then people by name keys.
    const found = new Map<number, Candidate>();
    const near = registry ? nearInRegistry(probe.nik!, registry) : nikNeighbours(probe.nik!);
    if (near.length > 0)
      for (const r of await read<CandidateRow>(
        `SELECT ${CANDIDATE_COLUMNS} FROM persons WHERE nik IN (${near.map(() => '?').join(',')})
          AND +merged_into IS NULL`,
        near,
      ))
        found.set(r.rowid, { row: r, record: null });
    const named = probe.names.filter((n) => n.words.length > 0);
    /** The name block's people when no neighbour was found (most rows): no map to build. */
    let people: readonly Candidate[] | null = null;
    if (named.length > 0) {
      // Rows with the same name keys and birth year find the same people.
      const key = `${probe.birthYear}|${probeKeys(named)
        .map((k) => `${k.key}${k.common ? '!' : ''}`)
        .join(' ')}`;
      let block = blocked.get(key);
      if (!block) {
        const ids = await blockByName(keys, named, probe.birthYear);
        block = { ids, people: await inLoadOrder(candidates, ids) };
        if (blocked.size >= BLOCK_CACHE) blocked.clear();
        blocked.set(key, block);
      }
      // Neighbours found by NIK (rare) come first, as in findMatches, and are not read twice.
      if (found.size === 0) people = block.people;
      else
        for (const c of await inLoadOrder(
          candidates,
          block.ids.filter((r) => !found.has(r)),
        ))
          found.set(c.row.rowid, c);
    }
    const matches: Match[] = [];
    for (const c of people ?? found.values()) {
      if (ruledOut(probe, (c.facts ??= recordFacts(c.row)))) continue;
      c.record ??= recordOf(c.row);
      // No NIK is the row's (that matched above): without a name in common, scoreMatch says no.
      if (!namesMayMatch(probe.names, c.record.names)) continue;
      const result = scoreMatch(probe, c.record);
      if (result) matches.push({ row: c.row, result });
    }
    out.set(row, verdict(matches.sort(byStrength)));
  }
  return out;
}

/** loadCandidates' order: chunks of 500 row ids, each in row id order. */
async function inLoadOrder(
  candidates: (rowids: readonly number[]) => Promise<Candidate[]>,
  ids: readonly number[],
): Promise<Candidate[]> {
  const out: Candidate[] = [];
  for (let i = 0; i < ids.length; i += 500)
    out.push(...(await candidates(ids.slice(i, i + 500).sort((a, b) => a - b))));
  return out;
}

/**
 * A NIK as an exact number (both halves of its 16 digits, the first less 10^7 so the whole
 * stays below 2^53): a digit changed is a known step, so neighbours need no strings.
 */
function nikCode(nik: string): number {
  return (Number(nik.slice(0, 8)) - 10_000_000) * 1e8 + Number(nik.slice(8));
}

/** Whether the sorted `codes` hold `code` (binary search: no per-entry objects to hash). */
function holds(codes: Float64Array, code: number): boolean {
  let lo = 0;
  let hi = codes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = codes[mid]!;
    if (v === code) return true;
    if (v < code) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

const STEPS = Array.from({ length: 16 }, (_, i) => 10 ** (15 - i));

/** The registry's NIKs one digit from `nik` (as nikNeighbours, found by number). */
function nearInRegistry(nik: string, registry: Float64Array): string[] {
  if (!/^\d{16}$/.test(nik)) return nikNeighbours(nik).filter((n) => holds(registry, nikCode(n)));
  const code = nikCode(nik);
  const out: string[] = [];
  if (holds(registry, code)) out.push(nik);
  for (let i = 0; i < 16; i++) {
    const digit = nik.charCodeAt(i) - 48;
    for (let d = 0; d <= 9; d++)
      if (d !== digit && holds(registry, code + (d - digit) * STEPS[i]!))
        out.push(nik.slice(0, i) + String(d) + nik.slice(i + 1));
  }
  return out;
}

function recordFacts(r: CandidateRow) {
  return {
    nik: r.nik,
    sex: r.sex,
    birthDate: r.birth_date,
    birthYear: r.birth_year,
    birthEstimated: r.birth_date_estimated === 1,
    originCode: r.origin_code,
  };
}
