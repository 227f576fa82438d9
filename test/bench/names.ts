/**
 * Synthetic Indonesian names with the spelling variants staff meet every day (old and new
 * spellings, Arabic-origin names written many ways, abbreviations). Deterministic given the PRNG.
 */
export type Rng = () => number;

/** Mulberry32: small, fast, seeded. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

const MALE = [
  'Muhammad',
  'Ahmad',
  'Abdul',
  'Rahmat',
  'Budi',
  'Agus',
  'Hendra',
  'Rizky',
  'Fajar',
  'Dedi',
  'Joko',
  'Bambang',
  'Slamet',
  'Supriadi',
  'Syahrani',
  'Fauzi',
  'Rahman',
  'Hidayat',
  'Arif',
  'Yusuf',
  'Ridwan',
  'Taufik',
  'Hasan',
  'Husin',
  'Irwan',
  'Gusti',
  'Anang',
  'Aulia',
  'Khairul',
  'Ramadhan',
  'Saiful',
  'Zainal',
  'Ilham',
  'Wahyu',
  'Eko',
  'Dimas',
  'Rudi',
  'Herman',
  'Sukarno',
  'Darmawan',
  'Ismail',
  'Hamdani',
  'Syamsul',
  'Iwan',
  'Yudi',
  'Rusdi',
  'Mahmud',
  'Jailani',
  'Riduan',
  'Basri',
  'Nor',
];
const FEMALE = [
  'Siti',
  'Nur',
  'Aminah',
  'Fatimah',
  'Rahmah',
  'Dewi',
  'Sri',
  'Lestari',
  'Wahyuni',
  'Rina',
  'Yuli',
  'Ani',
  'Rusmini',
  'Jamilah',
  'Halimah',
  'Zubaidah',
  'Masitah',
  'Salmah',
  'Norhayati',
  'Rabiah',
  'Khadijah',
  'Aisyah',
  'Putri',
  'Indah',
  'Ratna',
  'Rukmini',
  'Mariani',
  'Hasanah',
  'Fitri',
  'Yanti',
  'Ernawati',
  'Suryani',
  'Kartini',
  'Hamidah',
  'Nurul',
  'Laila',
  'Mulyani',
  'Rosita',
  'Sumiati',
  'Wati',
];
const LAST = [
  'Hidayat',
  'Rahman',
  'Saputra',
  'Wijaya',
  'Santoso',
  'Setiawan',
  'Kurniawan',
  'Pratama',
  'Hakim',
  'Fauzi',
  'Nugroho',
  'Siregar',
  'Lubis',
  'Nasution',
  'Hasibuan',
  'Harahap',
  'Sembiring',
  'Tarigan',
  'Anwar',
  'Syahputra',
  'Maulana',
  'Ramadhani',
  'Kusuma',
  'Utami',
  'Rahmawati',
  'Susanti',
  'Noor',
  'Arsyad',
  'Effendi',
  'Hamzah',
  'Jamaluddin',
  'Husaini',
  'Ansyari',
  'Zakaria',
  'Mansyur',
  'Idris',
  'Baderun',
  'Gazali',
  'Kasim',
  'Saleh',
  'Djunaidi',
  'Soeparno',
  'Tjahjono',
  'Soedarmo',
  'Hadi',
];

/** Ways the same name is written; the first is the form most records use. */
const VARIANTS: Record<string, string[]> = {
  Muhammad: ['Muhammad', 'Muhamad', 'Mochammad', 'Mohammad', 'Moh.', 'M.', 'Muh.'],
  Ahmad: ['Ahmad', 'Achmad', 'Akhmad', 'Ahmat'],
  Nur: ['Nur', 'Noor', 'Nor'],
  Nor: ['Nor', 'Noor', 'Nur'],
  Noor: ['Noor', 'Nur'],
  Abdul: ['Abdul', 'Abdoel', 'Abd.'],
  Yusuf: ['Yusuf', 'Joesoef', 'Yusup'],
  Sukarno: ['Sukarno', 'Soekarno'],
  Djunaidi: ['Djunaidi', 'Junaidi'],
  Soeparno: ['Soeparno', 'Suparno'],
  Tjahjono: ['Tjahjono', 'Cahyono'],
  Soedarmo: ['Soedarmo', 'Sudarmo'],
  Ramadhan: ['Ramadhan', 'Ramadan'],
  Ramadhani: ['Ramadhani', 'Ramadani'],
  Khairul: ['Khairul', 'Chairul', 'Hairul'],
  Fauzi: ['Fauzi', 'Fauzie', 'Fauzy'],
  Siti: ['Siti', 'Sitti'],
  Aisyah: ['Aisyah', 'Aisah', 'Aishah'],
  Fatimah: ['Fatimah', 'Fatmah'],
  Jamaluddin: ['Jamaluddin', 'Jamaludin'],
};

export function variantOf(r: Rng, word: string): string {
  const v = VARIANTS[word];
  return v ? pick(r, v) : word;
}

/** A canonical name: one to three words, some with a family name. */
export function personName(r: Rng, sex: 'M' | 'F'): string[] {
  const first = pick(r, sex === 'M' ? MALE : FEMALE);
  const words = [first];
  const roll = r();
  if (roll < 0.45) words.push(pick(r, sex === 'M' ? MALE : FEMALE));
  if (roll > 0.25) words.push(pick(r, LAST));
  return [...new Set(words)];
}

/** The name as a clerk might have typed it: each word possibly in another spelling. */
export function written(r: Rng, words: string[], variantRate = 0.3): string {
  return words.map((w) => (r() < variantRate ? variantOf(r, w) : w)).join(' ');
}
