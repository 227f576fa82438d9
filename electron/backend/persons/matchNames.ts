/**
 * Names read for matching (duplicate check, search ranking, review queue): honorifics, kin
 * terms, titles and abbreviations recognised as such, and each word brought to one spelling
 * across the variants Indonesian names are written in. Display keeps the name as typed; these
 * forms are only compared. Search folding (fold.ts) stays milder: it must not merge words a
 * clerk types on purpose, while matching must find the same person written five ways.
 */
import { foldWord } from './fold';

/**
 * Honorifics and kin terms (Banjar, Javanese, Islamic), and patronymic links: ignored when
 * names are compared. Lower case, dots removed ("K.H." is "kh").
 */
const HONORIFICS = new Set([
  // Banjar
  'utuh',
  'aluh',
  'galuh',
  'gusti',
  'antung',
  'andin',
  'nanang',
  'diang',
  // Javanese, Islamic
  'h',
  'hj',
  'haji',
  'hajjah',
  'hajah',
  'kh',
  'kyai',
  'kiai',
  'ustadz',
  'ustad',
  'ustaz',
  'ustadzah',
  'ustazah',
  'raden',
  'rd',
  'ny',
  'nn',
  'tn',
  'bin',
  'binti',
  'bt',
]);

/** Academic and professional titles, as written without their dots (S.Pd. is "spd"). */
const TITLES = new Set([
  'spd',
  'spdi',
  'spdsd',
  'ssos',
  'sag',
  'shi',
  'ssy',
  'sh',
  'se',
  'st',
  'ssi',
  'skm',
  'skep',
  'sked',
  'sip',
  'sp',
  'ak',
  'amd',
  'amdkep',
  'amdkeb',
  'mpd',
  'msi',
  'mm',
  'mh',
  'mag',
  'mkes',
  'mt',
  'ma',
  'dr',
  'drs',
  'dra',
  'ir',
  'prof',
  'ns',
  'bsc',
  'ba',
]);

/** Abbreviations of name words (M., Moh., Abd., St.), read as the word they stand for. */
const ABBREVIATIONS: Record<string, string> = {
  mu: 'muhammad',
  moh: 'muhammad',
  muh: 'muhammad',
  mhd: 'muhammad',
  mhmd: 'muhammad',
  mohd: 'muhammad',
  abd: 'abdul',
  st: 'siti',
};

/**
 * Name words so common that one alone says little (weight halved in scores; never used alone
 * to find candidates when a rarer word is there). In spelled form (see `spell`).
 */
export const COMMON_WORDS = new Set([
  'muhamat',
  'ahmat',
  'abdul',
  'siti',
  'nur',
  'sri',
  'dewi',
  'putri',
  'nurul',
  'rahmat',
  'agus',
  'budi',
]);

export interface NameWord {
  /** The word as typed (for evidence), e.g. "Hariyanto", "M.". */
  raw: string;
  /** One spelling for every variant: "harianto". */
  spell: string;
  /** A single letter standing for a word ("A." of "A. Rahman"; "M." may be Muhammad or Mukhlis). */
  initial: boolean;
  /** The first letter as written, before the spelling rules (Z of Zakaria, spelled "sakaria"). */
  first: string;
}

export interface MatchName {
  words: NameWord[];
  /** Honorifics and titles that were set aside, as typed. */
  ignored: string[];
}

/** Letter rules in the order they apply (dz before z, sy before s, ph before p). */
const SPELLING_RULES: [RegExp, string][] = [
  [/dz/g, 'z'],
  [/q/g, 'k'],
  [/x/g, 'ks'],
  [/sy/g, 's'],
  [/z/g, 's'],
  [/ph/g, 'f'],
  [/[fv]/g, 'p'],
  [/kh/g, 'h'],
  [/ch/g, 'h'],
  [/ie/g, 'i'],
  [/au/g, 'o'],
];

/** Entries kept per cache below before it starts afresh. */
const CACHE_SIZE = 50_000;
/** A registry holds a few thousand distinct name words but up to a million names: words are cached. */
const spelled = new Map<string, string>();

/**
 * One spelling for the variant classes of Indonesian names, after the search folding
 * (old spelling, ch/kh, double letters, forms of Muhammad and Ahmad):
 * dz/z/s, sy/s, q/k, x/ks, f/p/v and ph, kh/h, ie/i, au/o, y/i inside words and j/y at the
 * start (Jusuf/Yusuf), doubled vowels, a final h after a vowel (Nafisah/Nafisa), final d/t,
 * final o/a (Sutrisno/Sutrisna).
 */
export function spell(word: string): string {
  let hit = spelled.get(word);
  if (hit === undefined) {
    if (spelled.size >= CACHE_SIZE) spelled.clear();
    spelled.set(word, (hit = spellWord(word)));
  }
  return hit;
}

function spellWord(word: string): string {
  let s = foldWord(word);
  for (const [from, to] of SPELLING_RULES) s = s.replace(from, to);
  if (s.startsWith('j')) s = 'y' + s.slice(1);
  s = s.slice(0, 1) + s.slice(1).replace(/y/g, 'i');
  s = s.replace(/(\p{L})\1+/gu, '$1');
  if (s.length > 3) s = s.replace(/([aeiou])h$/, '$1');
  if (s.length > 3) s = s.replace(/d$/, 't').replace(/o$/, 'a');
  return s;
}

/**
 * A coarse phonetic key for finding candidates (never for deciding): the spelling above without
 * h, its first letter, then its consonants with repeats made single ("harianto" → "arnt").
 */
export function phoneticKey(spelled: string): string {
  const s = spelled.replace(/h/g, '');
  if (s === '') return spelled;
  return (s[0]! + s.slice(1).replace(/[aeiou]/g, '')).replace(/(\p{L})\1+/gu, '$1');
}

type Chunk = { raw: string; joined: string };

/** The chunks of one part of a name; parts repeat across a registry, so each is read once. */
const partChunks = new Map<string, Chunk[]>();

/** Splits "K.H. M.Yusuf, S.Pd." into chunks, keeping dotted titles ("spd", "kh") together. */
function chunks(text: string): Chunk[] {
  const out: Chunk[] = [];
  for (const part of text.split(/[\s,;/()]+/)) {
    if (part === '') continue;
    let hit = partChunks.get(part);
    if (!hit) {
      if (partChunks.size >= CACHE_SIZE) partChunks.clear();
      partChunks.set(part, (hit = chunksOfPart(part)));
    }
    out.push(...hit);
  }
  return out;
}

function chunksOfPart(part: string): Chunk[] {
  const plain = part
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '');
  const joined = plain.replace(/[^\p{L}\p{N}]+/gu, '');
  if (joined === '') return [];
  // A dotted form that spells a title or honorific as a whole (S.Pd., K.H., A.Md.).
  if (plain.includes('.') && (TITLES.has(joined) || HONORIFICS.has(joined)))
    return [{ raw: part, joined }];
  return plain
    .split(/[^\p{L}\p{N}]+/u)
    .filter((piece) => piece !== '')
    .map((piece) => ({ raw: part, joined: piece }));
}

/** Recent names are read once (a duplicate check meets the same candidates again). */
const cache = new Map<string, MatchName>();

/** A name read for matching: its words in one spelling, honorifics and titles set aside. */
export function matchName(text: string): MatchName {
  let hit = cache.get(text);
  if (!hit) {
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(text, (hit = readName(text)));
  }
  return hit;
}

function readName(text: string): MatchName {
  const words: NameWord[] = [];
  const ignored: string[] = [];
  const all = chunks(text);
  for (const c of all) {
    if (HONORIFICS.has(c.joined) || TITLES.has(c.joined)) {
      // "St." alone before a name is Siti, "S.T." is a title.
      if (c.joined === 'st' && !c.raw.slice(0, -1).includes('.')) {
        words.push({ raw: c.raw, spell: spell('siti'), initial: false, first: 's' });
        continue;
      }
      ignored.push(c.raw);
      continue;
    }
    const expanded = ABBREVIATIONS[c.joined] ?? c.joined;
    const initial = expanded.length === 1 && /\p{L}/u.test(expanded);
    words.push({
      raw: c.raw,
      spell: initial ? expanded : spell(expanded),
      initial,
      first: expanded[0]!,
    });
  }
  // A name that is nothing but honorifics ("Utuh", "Galuh") is compared as written.
  if (words.length === 0 && all.length > 0)
    return {
      words: all.map((c) => ({
        raw: c.raw,
        spell: spell(c.joined),
        initial: c.joined.length === 1,
        first: c.joined[0]!,
      })),
      ignored: [],
    };
  return { words, ignored };
}

/** Words used for candidate keys: not initials, not digits. */
function keyWords(name: MatchName): string[] {
  return [
    ...new Set(
      name.words
        .filter((w) => !w.initial && /\p{L}/u.test(w.spell))
        .map((w) => phoneticKey(w.spell)),
    ),
  ];
}

/**
 * The blocking keys a person is found by (stored in persons.match_keys, indexed with the birth
 * year in person_match_keys): per name word `t:`, per pair of words `p:` (sorted, so word order
 * does not matter), and the whole name's sorted words `n:` when it has three or more.
 */
export function matchKeys(fullName: string, aliases: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const text of [fullName, ...aliases]) {
    const words = keyWords(matchName(text)).sort();
    for (const w of words) keys.add(`t:${w}`);
    const capped = words.slice(0, 6);
    for (let i = 0; i < capped.length; i++)
      for (let j = i + 1; j < capped.length; j++) keys.add(`p:${capped[i]}|${capped[j]}`);
    if (words.length >= 3) keys.add(`n:${words.join('|')}`);
  }
  return [...keys];
}

/** Keys to look a probe up by, most selective first: whole name, pairs, then single words. */
export function probeKeys(names: readonly MatchName[]): { key: string; common: boolean }[] {
  const whole: string[] = [];
  const pairs: string[] = [];
  const singles: { key: string; common: boolean }[] = [];
  for (const name of names) {
    const spelled = name.words.filter((w) => !w.initial);
    const words = keyWords(name).sort();
    if (words.length >= 3) whole.push(`n:${words.join('|')}`);
    const capped = words.slice(0, 6);
    for (let i = 0; i < capped.length; i++)
      for (let j = i + 1; j < capped.length; j++) pairs.push(`p:${capped[i]}|${capped[j]}`);
    for (const w of spelled)
      singles.push({ key: `t:${phoneticKey(w.spell)}`, common: COMMON_WORDS.has(w.spell) });
  }
  const seen = new Set<string>();
  return [
    ...whole.map((key) => ({ key, common: false })),
    ...pairs.map((key) => ({ key, common: false })),
    ...singles,
  ].filter((k) => (seen.has(k.key) ? false : (seen.add(k.key), true)));
}

/** Letters a phonetic key holds after its first (see `spell` and `phoneticKey`). */
const KEY_CONSONANTS = 'bcdgjklmnprstw';

/** Keys one slip of the pen away, its first letter kept: a letter dropped, added, changed or swapped. */
function slips(key: string): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i <= key.length; i++) {
    if (i < key.length) out.add(key.slice(0, i) + key.slice(i + 1));
    if (i < key.length - 1) out.add(key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2));
    for (const c of KEY_CONSONANTS) {
      out.add(key.slice(0, i) + c + key.slice(i));
      if (i < key.length) out.add(key.slice(0, i) + c + key.slice(i + 1));
    }
  }
  out.delete(key);
  return out;
}

/**
 * Keys to find a name by when one of its words holds a slip that changed the word's key too
 * (Riwan for Ridwan, Hednra for Hendra): each word of four letters or more one slip away,
 * paired with another word's key when the name has more words, or alone.
 */
export function slipKeys(name: MatchName): string[] {
  const words = [...new Set(keyWords(name))];
  const spelled = new Map(name.words.map((w) => [phoneticKey(w.spell), w.spell]));
  const out = new Set<string>();
  for (const word of words) {
    if ((spelled.get(word)?.length ?? 0) < 4) continue;
    const others = words.filter((w) => w !== word);
    for (const slip of slips(word)) {
      if (others.length === 0) out.add(`t:${slip}`);
      for (const other of others) out.add(`p:${[slip, other].sort().join('|')}`);
    }
  }
  return [...out];
}
