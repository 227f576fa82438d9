/**
 * Name folding for search: the same person is written Achmad, Ahmad or Akhmad, Soekarno or
 * Sukarno, Djoko or Joko. Names and queries are both folded, so any spelling finds the others.
 * Rules (DESIGN.md): lower case, diacritics and punctuation removed, old spellings (oe→u, dj→j,
 * tj→c, ch→kh — or h before a consonant, as in Rachmat — and j→y in old-spelling words, plus
 * dh→d, th→t, sh→sy), double letters single, common forms of Muhammad and Ahmad (and the "M."
 * abbreviation) made one.
 */

/**
 * Bump when any rule below or in matchNames.ts changes: stored folded names and match keys are
 * then rebuilt on the next start (persons/reindex.ts), so old records and new queries fold alike.
 */
export const FOLD_VERSION = '3';

/** Whole-word forms, checked before the letter rules. */
const WORD_FORMS: Record<string, string> = {};
const GROUPS: [string, string[]][] = [
  [
    'muhamad',
    [
      'm',
      'muh',
      'moh',
      'mhd',
      'mhmd',
      'muhammad',
      'muhamad',
      'muhammed',
      'muhamed',
      'mohammad',
      'mohamad',
      'mohammed',
      'mohamed',
      'mochammad',
      'mochamad',
      'muchammad',
      'muchamad',
      'mukhammad',
      'mukhamad',
      'mohd',
    ],
  ],
  [
    'ahmad',
    ['achmad', 'achmat', 'ahmad', 'ahmat', 'akhmad', 'akhmat', 'ahmed', 'achmed', 'akhmed'],
  ],
  ['nur', ['noor', 'nur', 'nor', 'nuur']],
  ['abdul', ['abdoel', 'abdul', 'abdol', 'abd']],
];
for (const [canonical, forms] of GROUPS) for (const f of forms) WORD_FORMS[f] = canonical;

/** Lower case without diacritics; apostrophes vanish (Ma'ruf = Maruf), other marks split words. */
function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Old (pre-1972) spelling marks: a word with these also writes y as j (Tjahjono = Cahyono). */
const OLD_SPELLING = /oe|dj|tj|sj|nj/;

/** The letter rules alone, without the whole-word forms (for words still being typed). */
export function foldLetters(word: string): string {
  let w = word;
  if (OLD_SPELLING.test(w)) {
    // Words are lower case here, so upper-case letters can hold dj and tj aside meanwhile.
    w = w
      .replace(/dj/g, 'D')
      .replace(/tj/g, 'T')
      .replace(/sj/g, 'sy')
      .replace(/nj/g, 'ny')
      .replace(/j/g, 'y')
      .replace(/D/g, 'j')
      .replace(/T/g, 'c');
  }
  return (
    w
      .replace(/oe/g, 'u')
      .replace(/ch(?=[^aeiou]|$)/g, 'h')
      .replace(/ch/g, 'kh')
      // Before a consonant kh is written h as often (Fakhri, Fahri; Rakhmat, Rahmat).
      .replace(/kh(?=[^aeiou]|$)/g, 'h')
      .replace(/sh/g, 'sy')
      .replace(/dh/g, 'd')
      .replace(/th/g, 't')
      .replace(/(\p{L})\1+/gu, '$1')
      .replace(/ie$/, 'i')
  );
}

export function foldWord(word: string): string {
  const known = WORD_FORMS[word];
  if (known) return known;
  const w = foldLetters(word);
  return WORD_FORMS[w] ?? w;
}

/** The words of a text in lower case without diacritics, no spelling rules applied. */
export function plainWords(text: string): string[] {
  const p = plain(text);
  return p === '' ? [] : p.split(' ');
}

/** The words of a text with the letter rules only: "nor" stays "nor" while "Norhayati" is typed. */
export function foldWordsLetters(text: string): string[] {
  const p = plain(text);
  return p === '' ? [] : p.split(' ').map(foldLetters);
}

/** The folded words of a name. */
export function foldWords(text: string): string[] {
  const p = plain(text);
  return p === '' ? [] : p.split(' ').map(foldWord);
}

/** Folded name as one string, e.g. "Mochammad Noer Djailani" → "muhamad nur jailani". */
export function foldName(text: string): string {
  return foldWords(text).join(' ');
}

/**
 * The text the trigram index holds for a person: each name and alias folded, and again without
 * spaces so "sitiaminah" finds "Siti Aminah". Names are separated so a term cannot span two.
 */
export function searchNames(fullName: string, aliases: readonly string[]): string {
  const out = new Set<string>();
  for (const name of [fullName, ...aliases]) {
    const folded = foldName(name);
    if (folded === '') continue;
    out.add(folded);
    if (folded.includes(' ')) out.add(folded.replace(/ /g, ''));
  }
  return [...out].join(' | ');
}

/**
 * The searchable origin text: the region's own name and its kabupaten/kota, folded, so
 * "siti banjar" finds Siti from any kecamatan of Kabupaten Banjar.
 */
export function originSearchText(
  code: string | null,
  nameOf: (code: string) => string | undefined,
): string {
  if (!code) return '';
  const parts = code.split('.');
  const codes = parts.length > 2 ? [code, `${parts[0]}.${parts[1]}`] : [code];
  const names = codes.map(nameOf).filter((n): n is string => Boolean(n));
  return [...new Set(names.map(foldName))].join(' | ');
}
