/**
 * Name folding for search: the same person is written Achmad, Ahmad or Akhmad, Soekarno or
 * Sukarno, Djoko or Joko. Names and queries are both folded, so any spelling finds the others.
 * Rules (DESIGN.md): lower case, diacritics and punctuation removed, old spellings (oe→u, dj→j,
 * tj→c, ch→kh, plus dh→d, th→t, sh→sy), double letters single, common forms of Muhammad and
 * Ahmad (and the "M." abbreviation) made one.
 */

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

export function foldWord(word: string): string {
  const known = WORD_FORMS[word];
  if (known) return known;
  let w = word
    .replace(/oe/g, 'u')
    .replace(/dj/g, 'j')
    .replace(/tj/g, 'c')
    .replace(/ch/g, 'kh')
    .replace(/sh/g, 'sy')
    .replace(/dh/g, 'd')
    .replace(/th/g, 't')
    .replace(/(\p{L})\1+/gu, '$1')
    .replace(/ie$/, 'i');
  w = WORD_FORMS[w] ?? w;
  return w;
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
