/**
 * The case list's search box: cases whose number or whose person's full name contains the term
 * (`LIKE '%term%'`, ASCII case aside). Scanning every person's name costs about a second and a
 * half at a million persons, so the person search's trigram index over folded names (persons_fts)
 * finds the candidates and the plain LIKE then keeps exactly those whose full name holds the
 * term; their cases come from cases_person. Folding keeps whole words findable (Achmad is
 * "ahmad" in the index and "achmad" folds to it), so names and surnames as typed find what the
 * scan finds; a term the index cannot serve (no word of three letters, names being re-folded)
 * or that finds nothing either way is answered by the scan, so it is never missed for lack of
 * trying.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { contains } from '../lib/like';
import { foldWords, foldWordsLetters } from '../persons/fold';
import { reindexProgress } from '../persons/reindex';

/** The term's folded words as an FTS5 query on the names column, or null when none has 3+ letters. */
export function namesMatch(term: string): string | null {
  const words = foldWords(term);
  const typed = foldWordsLetters(term);
  // Both readings of each word: the whole-word form (Moh. = Muhammad) and the letter rules alone
  // (a word cut short, "abd" of Abdurrahman), as the person search does.
  const positions = words
    .map((w, i) => [...new Set([w, typed[i] ?? w])].filter((x) => x.length >= 3))
    .filter((alts) => alts.length > 0);
  if (positions.length === 0) return null;
  return positions
    .map((alts) => `(${alts.map((w) => `names : "${w}"`).join(' OR ')})`)
    .join(' AND ');
}

/**
 * Row ids of the cases the term finds, or null when the caller should filter by scanning (the
 * plain `number LIKE … OR person_id IN (… full_name LIKE …)`).
 */
export async function casesForTerm(db: Kysely<DB>, term: string): Promise<number[] | null> {
  const match = namesMatch(term);
  if (match === null || (await reindexProgress(db)) !== null) return null;
  // Case numbers are short and one index holds them all: its scan costs a few milliseconds.
  const byNumber = await sql<{ rowid: number }>`
    SELECT rowid FROM cases WHERE ${contains('number', term)}`.execute(db);
  // The index's candidates in order, each checked against the full name, then their cases.
  const byName = await sql<{ rowid: number }>`
    SELECT c.rowid FROM persons_fts f
      CROSS JOIN persons p ON p.rowid = f.rowid
      CROSS JOIN cases c ON c.person_id = p.id
    WHERE persons_fts MATCH ${match} AND ${contains('p.full_name', term)}`.execute(db);
  const rowids = new Set([...byNumber.rows, ...byName.rows].map((r) => r.rowid));
  return rowids.size === 0 ? null : [...rowids];
}
