/**
 * Name folding: the same person is written in several ways (old and new spelling, Arabic name
 * forms, abbreviations); every way must fold to one key so any spelling finds the others.
 */
import { describe, expect, it } from 'vitest';
import { foldName, foldWords, searchNames } from '../../electron/backend/persons/fold';

/** Asserts that all spellings fold to the same key, and returns it. */
function sameKey(...spellings: string[]): string {
  const keys = spellings.map(foldName);
  expect(new Set(keys).size, `${spellings.join(' / ')} → ${keys.join(' / ')}`).toBe(1);
  return keys[0]!;
}

describe('foldName', () => {
  it('folds the old spelling oe to u', () => {
    expect(sameKey('Soekarno', 'Sukarno', 'SUKARNO')).toBe('sukarno');
    expect(sameKey('Soeharto', 'Suharto')).toBe('suharto');
    expect(sameKey('Oemar Bakrie', 'Umar Bakri')).toBe('umar bakri');
  });

  it('folds dj to j and tj to c', () => {
    expect(sameKey('Djoko', 'Joko')).toBe('joko');
    expect(sameKey('Djuanda', 'Juanda')).toBe('juanda');
    expect(sameKey('Tjipto', 'Cipto')).toBe('cipto');
    expect(sameKey('Tjut Nyak Dhien', 'Cut Nyak Dien')).toBe('cut nyak dien');
  });

  it('folds ch to kh, so Chairul and Khairul meet', () => {
    expect(sameKey('Chairul', 'Khairul')).toBe('khairul');
    // Before a consonant, ch and kh are written h as often: Fachri, Fakhri, Fahri; Rachmat, Rahmat.
    expect(sameKey('Fachri', 'Fakhri', 'Fahri')).toBe('fahri');
    expect(sameKey('Rachmat', 'Rakhmat', 'Rahmat')).toBe('rahmat');
    // …and does not merge kh with plain h (Khalid is not Halid).
    expect(foldName('Khalid')).not.toBe(foldName('Halid'));
  });

  it('makes double letters single', () => {
    expect(sameKey('Abdullah', 'Abdulah')).toBe('abdulah');
    expect(sameKey('Hasanuddin', 'Hasanudin')).toBe('hasanudin');
    expect(sameKey('Muttaqin', 'Mutaqin')).toBe('mutaqin');
    expect(sameKey('Effendi', 'Efendi')).toBe('efendi');
  });

  it('drops diacritics and case, and collapses spaces and punctuation', () => {
    expect(sameKey('Zaïnab Nurhalizá', 'zainab nurhaliza')).toBe('zainab nurhaliza');
    expect(sameKey('André', 'ANDRE', 'Andre')).toBe('andre');
    expect(sameKey('  SITI   AMINAH  ', 'Siti-Aminah', 'Siti, Aminah', 'siti aminah')).toBe(
      'siti aminah',
    );
  });

  it('removes apostrophes inside a word instead of splitting it', () => {
    expect(sameKey("Ma'ruf", 'Ma’ruf', 'Ma`ruf', 'Maruf')).toBe('maruf');
    expect(sameKey('Nu’man', 'Numan')).toBe('numan');
    expect(foldWords("Ma'ruf Amin")).toEqual(['maruf', 'amin']);
  });

  it('makes every common form of Muhammad one, including the M./Moh./Muh. abbreviations', () => {
    expect(
      sameKey(
        'Muhammad Yusuf',
        'Muhamad Yusuf',
        'Mohammad Yusuf',
        'Mohamad Yusuf',
        'Mochammad Yusuf',
        'Mochamad Yusuf',
        'Muchammad Yusuf',
        'Mukhammad Yusuf',
        'Mohammed Yusuf',
        'Muhammed Yusuf',
        'Moh. Yusuf',
        'Muh. Yusuf',
        'Mhd. Yusuf',
        'Mohd Yusuf',
        'M. Yusuf',
        'M Yusuf',
      ),
    ).toBe('muhamad yusuf');
  });

  it('makes Achmad, Akhmad, Ahmad (and -at endings) one', () => {
    expect(sameKey('Achmad', 'Akhmad', 'Ahmad', 'Ahmat', 'Achmat', 'Akhmat')).toBe('ahmad');
    expect(sameKey('Achmad Fauzie', 'Ahmad Fauzi', 'Akhmad Fauzi')).toBe('ahmad fauzi');
  });

  it('makes Noor, Nor and Nur one, and Abdoel/Abd. the same as Abdul', () => {
    expect(sameKey('Noor Hasanah', 'Nur Hasanah', 'Nor Hasanah')).toBe('nur hasanah');
    expect(sameKey('Mohamad Noor', 'Muhammad Nur')).toBe('muhamad nur');
    expect(sameKey('Abdoel Gani', 'Abdul Gani', 'Abd. Gani')).toBe('abdul gani');
  });

  it('folds a trailing -ie to -i, but not -ie inside a word', () => {
    expect(sameKey('Fauzie', 'Fauzi')).toBe('fauzi');
    expect(sameKey('Rudie', 'Rudi')).toBe('rudi');
    expect(sameKey('Effendie', 'Efendi')).toBe('efendi');
    expect(foldName('Ariel')).toBe('ariel');
  });

  it('keeps names that are really different apart', () => {
    expect(foldName('Siti Aminah')).not.toBe(foldName('Siti Rahmah'));
    expect(foldName('Joko')).not.toBe(foldName('Jaka'));
    expect(foldName('Ahmad Fauzi')).not.toBe(foldName('Ahmad Fauzan'));
  });

  it('folds an empty or punctuation-only name to an empty key', () => {
    expect(foldName('')).toBe('');
    expect(foldName(' .,- ')).toBe('');
    expect(foldWords('   ')).toEqual([]);
  });
});

describe('searchNames', () => {
  it('holds the folded name, its no-space variant and each alias, separated', () => {
    expect(searchNames('Siti Aminah', ['Ijah', 'Mama Ijah'])).toBe(
      'siti aminah | sitiaminah | ijah | mama ijah | mamaijah',
    );
  });

  it('lets a name typed without spaces match the stored text', () => {
    const stored = searchNames('Mochammad Noer Djailani', []);
    expect(stored.split(' | ')).toEqual(['muhamad nur jailani', 'muhamadnurjailani']);
    expect(stored).toContain(foldName('muhammadnurjailani'));
  });

  it('lists a repeated or folded-equal alias once and skips empty ones', () => {
    expect(searchNames('Ahmad Fauzi', ['Achmad Fauzie', ' ', 'Ojie'])).toBe(
      'ahmad fauzi | ahmadfauzi | oji',
    );
  });

  it('keeps single-word names without a no-space duplicate', () => {
    expect(searchNames('Udin', [])).toBe('udin');
    expect(searchNames('', [])).toBe('');
  });
});
