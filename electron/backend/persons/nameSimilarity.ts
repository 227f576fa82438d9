/**
 * How alike two names are, word by word: each word of one name paired with its best partner in
 * the other (best assignment, so word order does not matter), initials paired with the words
 * they stand for, and what differs named for the evidence shown to the user.
 */
import { COMMON_WORDS, type MatchName, type NameWord } from './matchNames';

/** Match flags reused across calls (a duplicate check compares thousands of words). */
let aHit = new Uint8Array(32);
let bHit = new Uint8Array(32);

export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  if (aHit.length < a.length) aHit = new Uint8Array(a.length);
  if (bHit.length < b.length) bHit = new Uint8Array(b.length);
  aHit.fill(0, 0, a.length);
  bHit.fill(0, 0, b.length);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(b.length - 1, i + range);
    for (let j = lo; j <= hi; j++) {
      if (bHit[j] || a[i] !== b[j]) continue;
      aHit[i] = bHit[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let k = 0;
  let half = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aHit[i]) continue;
    while (!bHit[k]) k++;
    if (a[i] !== b[k]) half++;
    k++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - half / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

export type PairKind = 'same' | 'variant' | 'typo' | 'initial';

export interface WordPair {
  a: NameWord;
  b: NameWord;
  sim: number;
  kind: PairKind;
}

/** Two spellings' similarity, kept (bounded): see wordSimilarity. */
const typoMemo = new Map<string, Map<string, { sim: number; kind: PairKind }>>();
const TYPO_MEMO_MAX = 20_000;

/** Words closer than this count as the same word written with a slip. */
const TYPO = 0.9;

/**
 * Two words: the same spelling (as typed or after the variant rules), an initial and the word
 * it starts, or a slip of the pen. Different endings are different names in Indonesian
 * (Rahmat/Rahmah, Hasan/Hasanah, Dahlan/Dahlia), so a difference only at the end is never a slip.
 */
export function wordSimilarity(a: NameWord, b: NameWord): { sim: number; kind: PairKind } {
  if (a.initial || b.initial) {
    const ok = a.initial && b.initial ? a.spell === b.spell : a.first === b.first;
    return { sim: ok ? 0.85 : 0, kind: 'initial' };
  }
  if (a.spell === b.spell)
    return { sim: 1, kind: a.raw.toLowerCase() === b.raw.toLowerCase() ? 'same' : 'variant' };
  // Names share a small vocabulary: a batch (a list import, the review scan) meets the same
  // two spellings again and again, and the answer depends on the spellings alone.
  let row = typoMemo.get(a.spell);
  if (!row) {
    if (typoMemo.size >= TYPO_MEMO_MAX) typoMemo.clear();
    typoMemo.set(a.spell, (row = new Map()));
  }
  let s = row.get(b.spell);
  if (!s) row.set(b.spell, (s = typoSimilarity(a.spell, b.spell)));
  return s;
}

/** Two different spellings: how close, a slip at the end or in a short word capped. */
function typoSimilarity(a: string, b: string): { sim: number; kind: PairKind } {
  let prefix = 0;
  while (prefix < a.length && a[prefix] === b[prefix]) prefix++;
  const jw = jaroWinkler(a, b);
  const endingOnly = Math.max(a.length, b.length) - prefix <= 2;
  if (endingOnly || Math.min(a.length, b.length) < 4)
    return { sim: Math.min(jw, 0.8), kind: 'typo' };
  return { sim: jw, kind: 'typo' };
}

export interface NameComparison {
  /** 0..1: Dice over word weights (common words and initials count half). */
  score: number;
  /** exact: every word paired, same spelling; close: every word paired, some by a slip or initial;
   *  partial: the shorter name wholly inside the longer; none: not the same name. */
  level: 'exact' | 'close' | 'partial' | 'none';
  pairs: WordPair[];
  /** Words of the longer name left without a partner (partial). */
  extra: NameWord[];
  reordered: boolean;
  /** Share of the first name's weight that found a partner (how well a query is covered). */
  coverA: number;
}

const weight = (w: NameWord) => (w.initial || COMMON_WORDS.has(w.spell) ? 0.5 : 1);

/** Compares two names with a greedy best assignment of their words (names are short). */
export function compareNames(a: MatchName, b: MatchName): NameComparison {
  const all: { i: number; j: number; sim: number; kind: PairKind }[] = [];
  a.words.forEach((wa, i) =>
    b.words.forEach((wb, j) => {
      const s = wordSimilarity(wa, wb);
      if (s.sim >= 0.8) all.push({ i, j, ...s });
    }),
  );
  all.sort((x, y) => y.sim - x.sim || Math.abs(x.i - x.j) - Math.abs(y.i - y.j));
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const chosen: typeof all = [];
  for (const p of all) {
    if (usedA.has(p.i) || usedB.has(p.j)) continue;
    usedA.add(p.i);
    usedB.add(p.j);
    chosen.push(p);
  }
  const wa = a.words.reduce((s, w) => s + weight(w), 0);
  const wb = b.words.reduce((s, w) => s + weight(w), 0);
  let matched = 0;
  let matchedA = 0;
  for (const p of chosen) {
    const w = (weight(a.words[p.i]!) + weight(b.words[p.j]!)) / 2;
    matched += p.sim * w;
    matchedA += p.sim * weight(a.words[p.i]!);
  }
  const pairs = chosen
    .sort((x, y) => x.i - y.i)
    .map((p) => ({ a: a.words[p.i]!, b: b.words[p.j]!, sim: p.sim, kind: p.kind }));
  const reordered = pairs.some(
    (p, k) => k > 0 && b.words.indexOf(p.b) < b.words.indexOf(pairs[k - 1]!.b),
  );
  const score = wa + wb === 0 ? 0 : (2 * matched) / (wa + wb);
  const coverA = wa === 0 ? 0 : matchedA / wa;
  const good = pairs.filter((p) => p.sim >= (p.kind === 'initial' ? 0.85 : TYPO));
  const allGood = good.length === pairs.length;
  const solid = good.some((p) => p.kind !== 'initial' && !COMMON_WORDS.has(p.a.spell));
  const na = a.words.length;
  const nb = b.words.length;
  let level: NameComparison['level'] = 'none';
  let extra: NameWord[] = [];
  if (allGood && solid && pairs.length === na && pairs.length === nb)
    level = pairs.every((p) => p.kind === 'same' || p.kind === 'variant') ? 'exact' : 'close';
  else if (allGood && solid && pairs.length === Math.min(na, nb) && pairs.length >= 1) {
    level = 'partial';
    const longer = na > nb ? a.words : b.words;
    const paired = new Set(pairs.map((p) => (na > nb ? p.a : p.b)));
    extra = longer.filter((w) => !paired.has(w));
  }
  return { score, level, pairs, extra, reordered, coverA };
}

/**
 * False only when bestNames would find no name in common (level none): every word of the
 * shorter name must have a partner that compareNames could count as good. A quick test before
 * scoring many candidates; true says nothing.
 */
export function namesMayMatch(as: readonly MatchName[], bs: readonly MatchName[]): boolean {
  for (const a of as)
    for (const b of bs) {
      if (a.words.length === 0 || b.words.length === 0) continue;
      if (
        a.words.length <= b.words.length
          ? allPaired(a.words, b.words, false)
          : allPaired(b.words, a.words, true)
      )
        return true;
    }
  return false;
}

/** Every word of `short` has a good partner in `long` (`swapped`: `long` is the first name). */
function allPaired(short: readonly NameWord[], long: readonly NameWord[], swapped: boolean) {
  for (const w of short) {
    let found = false;
    for (const x of long) {
      const s = swapped ? wordSimilarity(x, w) : wordSimilarity(w, x);
      if (s.sim >= (s.kind === 'initial' ? 0.85 : TYPO)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

/** The best comparison between any name (or alias) of one side and any of the other. */
export function bestNames(
  as: readonly MatchName[],
  bs: readonly MatchName[],
): NameComparison | null {
  const rank = { exact: 3, close: 2, partial: 1, none: 0 } as const;
  let best: NameComparison | null = null;
  for (const a of as)
    for (const b of bs) {
      if (a.words.length === 0 || b.words.length === 0) continue;
      const c = compareNames(a, b);
      if (
        !best ||
        rank[c.level] > rank[best.level] ||
        (rank[c.level] === rank[best.level] && c.score > best.score)
      )
        best = c;
    }
  return best;
}
