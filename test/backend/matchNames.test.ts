/**
 * Names read for matching: every variant class of Indonesian names spelled one way, honorifics,
 * titles and abbreviations recognised, blocking keys that hold across the variants.
 */
import { describe, expect, it } from 'vitest';
import {
  matchKeys,
  matchName,
  phoneticKey,
  spell,
} from '../../electron/backend/persons/matchNames';

const spelled = (name: string) =>
  matchName(name)
    .words.map((w) => w.spell)
    .join(' ');
/** All spellings read as the same words for matching. */
function same(...names: string[]): void {
  const out = names.map(spelled);
  expect(new Set(out).size, `${names.join(' / ')} → ${out.join(' / ')}`).toBe(1);
}

describe('spelling variants', () => {
  it.each([
    [
      'y/i inside and at the end',
      ['Hariyanto', 'Harianto'],
      ['Supriyadi', 'Supriadi'],
      ['Effendy', 'Effendi'],
    ],
    [
      'j/y, old and new spelling both ways',
      ['Jusuf', 'Yusuf'],
      ['Tjahjono', 'Cahyono'],
      ['Junus', 'Yunus'],
    ],
    ['q/k', ['Qomariah', 'Komariah'], ['Taufiq', 'Taufik']],
    ['z/s, dz/z, dh/d', ['Zainal', 'Sainal'], ['Dzulkifli', 'Zulkifli'], ['Ramadhan', 'Ramadan']],
    ['sy/s', ['Syamsul', 'Samsul'], ['Syarifah', 'Sarifah']],
    ['f/p/v and ph', ['Saifudin', 'Saipudin'], ['Novi', 'Nopi'], ['Yosephine', 'Yosefine']],
    ['kh/k/h and ch/kh', ['Khairul', 'Hairul', 'Chairul'], ['Akhmad', 'Ahmad']],
    ['final h added or dropped', ['Nafisah', 'Nafisa'], ['Fatimah', 'Fatima']],
    ['final t/d', ['Rahmat', 'Rahmad'], ['Hidayat', 'Hidayad']],
    ['o/a endings', ['Sutrisno', 'Sutrisna'], ['Santoso', 'Santosa']],
    ['ie/i', ['Fauzie', 'Fauzi'], ['Sofie', 'Sofi']],
    ['au/o', ['Maulana', 'Molana'], ['Aulia', 'Olia']],
    ['oe/u', ['Soekarno', 'Sukarno'], ['Abdoel', 'Abdul']],
    ['e/é', ['André', 'Andre']],
    [
      'double letters and vowels',
      ['Noorhayati', 'Norhayati'],
      ['Jamaluddin', 'Jamaludin'],
      ['Sitti', 'Siti'],
    ],
  ])('%s', (_rule, ...pairs) => {
    for (const p of pairs as string[][]) same(...p);
  });

  it('keeps different names apart', () => {
    expect(spell('rahmat')).not.toBe(spell('rahmah'));
    expect(spell('hasan')).not.toBe(spell('hasanah'));
    expect(spell('dahlan')).not.toBe(spell('dahlia'));
    expect(spell('siti')).not.toBe(spell('sri'));
  });

  it('gives a phonetic key that holds across the variants', () => {
    expect(phoneticKey(spell('hariyanto'))).toBe(phoneticKey(spell('harianto')));
    expect(phoneticKey(spell('syamsul'))).toBe(phoneticKey(spell('samsul')));
    expect(phoneticKey(spell('rahmat'))).not.toBe(phoneticKey(spell('rahmah')));
  });
});

describe('honorifics, titles and abbreviations', () => {
  it.each([
    ['Banjar kin terms', 'Utuh Supriadi', 'Supriadi'],
    ['Banjar nobility', 'Gusti Antung Rusmini', 'Rusmini'],
    ['Banjar', 'Aluh Jamilah', 'Jamilah'],
    ['Banjar', 'Galuh Norhayati', 'Norhayati'],
    ['Banjar', 'Andin Rahmah', 'Rahmah'],
    ['Banjar', 'Nanang Hidayat', 'Hidayat'],
    ['Banjar', 'Diang Salmah', 'Salmah'],
    ['Haji', 'H. Abdul Rahman', 'Abdul Rahman'],
    ['Hajjah', 'Hj. Siti Aminah', 'Siti Aminah'],
    ['Haji in full', 'Haji Basri', 'Basri'],
    ['Hajjah in full', 'Hajjah Masitah', 'Masitah'],
    ['Kyai Haji', 'K.H. Zainal Arifin', 'Zainal Arifin'],
    ['Ustadz', 'Ustadz Ridwan', 'Ridwan'],
    ['academic titles', 'Rina Wati, S.Pd.', 'Rina Wati'],
    ['S.Sos.', 'Dedi Kurniawan S.Sos', 'Dedi Kurniawan'],
    ['A.Md.', 'Ani Lestari, A.Md.', 'Ani Lestari'],
    ['Dr. and Ir.', 'Dr. Ir. Bambang Setiawan', 'Bambang Setiawan'],
    ['bin/binti', 'Ahmad bin Idris', 'Ahmad Idris'],
  ])('%s: %s', (_what, written, plain) => {
    same(written, plain);
    expect(matchName(written).ignored.length).toBeGreaterThan(0);
  });

  it.each([
    ['Moh.', 'Moh. Yusuf'],
    ['Muh.', 'Muh Yusuf'],
    ['Mhd.', 'Mhd. Yusuf'],
  ])('reads %s as Muhammad', (_a, written) => same(written, 'Muhammad Yusuf'));

  it('reads M. as an initial: Muhammad as often as Mukhlis', () => {
    for (const written of ['M. Yusuf', 'M.Yusuf']) {
      const n = matchName(written);
      expect(n.words.map((w) => [w.spell, w.initial])).toEqual([
        ['m', true],
        ['yusup', false],
      ]);
    }
  });

  it('reads Abd. as Abdul and St. as Siti', () => {
    same('Abd. Rahman', 'Abdul Rahman');
    same('St. Aminah', 'Siti Aminah');
  });

  it('keeps a single letter as an initial', () => {
    const n = matchName('A. Rahman');
    expect(n.words[0]).toMatchObject({ initial: true, spell: 'a' });
  });

  it('compares a name made only of honorifics as written', () => {
    expect(matchName('Utuh').words.map((w) => w.spell)).toEqual([spell('utuh')]);
  });
});

describe('matchKeys', () => {
  it('has word, pair and whole-name keys independent of order and spelling', () => {
    const a = matchKeys('Muhammad Hariyanto Saputra', []);
    const b = matchKeys('Saputra Moh. Harianto', []);
    expect(a.sort()).toEqual(b.sort());
    expect(a.some((k) => k.startsWith('t:'))).toBe(true);
    expect(a.some((k) => k.startsWith('p:'))).toBe(true);
    expect(a.some((k) => k.startsWith('n:'))).toBe(true);
  });

  it('covers aliases and ignores titles', () => {
    expect(matchKeys('H. Basri', ['Utuh Basri'])).toEqual(matchKeys('Basri', []));
  });
});
