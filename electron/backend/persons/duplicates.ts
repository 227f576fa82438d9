import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { regencyOf } from '../regions/refs';
import { foldName } from './fold';

export type DuplicateReason =
  'same_nik' | 'similar_name' | 'same_birth_date' | 'close_birth_date' | 'same_origin';

export interface DuplicateProbe {
  excludeId?: string;
  nik: string | null;
  fullName: string;
  aliases: string[];
  birthDate: string | null;
  birthYear: number | null;
  originCode: string | null;
}

const MAX_CANDIDATES = 400;

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        prev[j]! + 1,
        cur[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** Folded names count as similar when nearly equal, or when they share two or more words. */
export function similarNames(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  const compactA = a.replace(/ /g, '');
  const compactB = b.replace(/ /g, '');
  const longest = Math.max(compactA.length, compactB.length);
  if (1 - levenshtein(compactA, compactB) / longest >= 0.8) return true;
  const wa = new Set(a.split(' ').filter((w) => w.length >= 3));
  const shared = b.split(' ').filter((w) => w.length >= 3 && wa.has(w));
  return new Set(shared).size >= 2;
}

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

/**
 * Likely duplicates of a person being entered: the same NIK, or a similar name together with
 * the same or a close birth date or the same origin. Only reports; the user decides.
 */
export async function findDuplicates(
  db: Kysely<DB>,
  probe: DuplicateProbe,
): Promise<{ id: string; reasons: DuplicateReason[] }[]> {
  const found = new Map<string, Set<DuplicateReason>>();
  const note = (id: string, r: DuplicateReason) => {
    const set = found.get(id) ?? new Set<DuplicateReason>();
    set.add(r);
    found.set(id, set);
  };
  const exclude = probe.excludeId ? sql` AND p.id != ${probe.excludeId}` : sql``;

  if (probe.nik) {
    const same = await sql<{ id: string }>`SELECT p.id FROM persons p
      WHERE p.nik = ${probe.nik} AND p.merged_into IS NULL${exclude}`.execute(db);
    for (const r of same.rows) note(r.id, 'same_nik');
  }

  const probeNames = [probe.fullName, ...probe.aliases].map(foldName).filter((n) => n.length > 0);
  const words = [...new Set(probeNames.flatMap((n) => n.split(' ')).filter((w) => w.length >= 3))];
  if (words.length > 0) {
    const match = words.map((w) => `"${w}"`).join(' OR ');
    const rows = await sql<{
      id: string;
      search_names: string;
      birth_date: string | null;
      birth_year: number | null;
      birth_date_estimated: number;
      origin_code: string | null;
    }>`SELECT p.id, p.search_names, p.birth_date, p.birth_year, p.birth_date_estimated, p.origin_code
      FROM persons_fts f JOIN persons p ON p.rowid = f.rowid
      WHERE persons_fts MATCH ${match} AND p.merged_into IS NULL${exclude}
      ORDER BY f.rowid DESC LIMIT ${MAX_CANDIDATES}`.execute(db);
    const probeRegency = regencyOf(probe.originCode);
    for (const c of rows.rows) {
      const theirNames = c.search_names.split(' | ');
      if (!probeNames.some((pn) => theirNames.some((tn) => similarNames(pn, tn)))) continue;
      const reasons: DuplicateReason[] = [];
      if (probe.birthDate && c.birth_date && c.birth_date_estimated === 0) {
        const d = daysBetween(probe.birthDate, c.birth_date);
        if (d === 0) reasons.push('same_birth_date');
        else if (d <= 366) reasons.push('close_birth_date');
      } else if (
        probe.birthYear !== null &&
        c.birth_year !== null &&
        Math.abs(probe.birthYear - c.birth_year) <= 2
      ) {
        reasons.push('close_birth_date');
      }
      if (probeRegency && regencyOf(c.origin_code) === probeRegency) reasons.push('same_origin');
      if (reasons.length === 0) continue;
      note(c.id, 'similar_name');
      for (const r of reasons) note(c.id, r);
    }
  }
  return [...found.entries()].map(([id, reasons]) => ({ id, reasons: [...reasons] }));
}
