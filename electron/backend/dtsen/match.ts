/**
 * Matching a list's rows to the registry: NIK first (in batches, one query per few hundred
 * rows), then the person matcher for rows whose NIK nobody has. The matcher decides alone only
 * when one person is likely and that person has no NIK of their own (a NIK that differs is a
 * different person or a typing slip a human must judge); anything less certain waits for review.
 */
import { parseNik } from '../../../shared/nik';
import type { DtsenMatch } from '../../../shared/reference/dtsen';
import { findMatches, matchProbe, type ReadRows } from '../persons/duplicates';
import type { ListRow } from './rows';

export interface RowMatch {
  match: DtsenMatch;
  personId: string | null;
  /** Candidate person ids for review, best first. */
  candidates: string[];
}

const NIK_BATCH = 500;
const MAX_CANDIDATES = 5;

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

/** The matcher's verdict on a row whose NIK matched nobody. */
export async function matchByPerson(read: ReadRows, row: ListRow, year: number): Promise<RowMatch> {
  const fromNik = row.nik ? parseNik(row.nik) : null;
  const found = await findMatches(
    read,
    matchProbe(
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
    ),
  );
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
