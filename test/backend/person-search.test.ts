/**
 * The one search box: people are found by any spelling of their name, a fragment, an alias, the
 * name typed without spaces, their NIK, birth year or origin, with the best match first.
 */
import { describe, expect, it } from 'vitest';
import type { Input } from '../../shared/contract';
import { setUpOffice, userWithRoles, type Client } from './harness';
import { checkInInput, makeNik, makeShelter, type PersonIn } from './registry';

const NIK_AHMAD = makeNik('63.72.04', '1985-03-12', 'M', 1);
const NIK_SITI = makeNik('63.03.01', '1990-07-05', 'F', 3);
const NIK_BUDI = makeNik('63.72.04', '1985-08-17', 'M', 7);

/** About forty people as the shelter meets them; keys are the full names. */
const PEOPLE: Partial<PersonIn>[] = [
  { fullName: 'Ahmad Fauzi', nik: NIK_AHMAD, birthDate: '1985-03-12', originCode: '63.03' },
  { fullName: 'Soekarno Hadi', birthDate: '1960-06-06', originCode: '35.78' },
  { fullName: 'Muhammad Nur', birthDate: '1975-05-05', originCode: '63.71' },
  { fullName: 'Siti Aminah', nik: NIK_SITI, birthDate: '1990-07-05', originCode: '63.03.01' },
  { fullName: 'Siti Aminah Rahmawati', birthDate: '1992-02-02', originCode: '63.72' },
  { fullName: 'Nur Siti Aminah', originCode: '63.01' },
  { fullName: 'Aminah Binti Salman', aliases: ['Siti Aminah'] },
  { fullName: 'Siti Rahmah', originCode: '63.72' },
  { fullName: 'Siti Fatimah', originCode: '63.71' },
  { fullName: 'Djoko Santoso', birthDate: '1970-01-20' },
  { fullName: 'Joko Susilo' },
  { fullName: 'Budi Santoso', nik: NIK_BUDI, birthDate: '1985-08-17' },
  { fullName: 'Bambang Tjahjono' },
  { fullName: 'Chairul Anwar' },
  { fullName: 'Abdullah Hasanuddin' },
  { fullName: "Ma'ruf Amin" },
  { fullName: 'Rina Marlina' },
  { fullName: 'Dewi Sartika' },
  { fullName: 'Hendra Gunawan', estimatedAge: 41 },
  { fullName: 'Yusuf Mansur', aliases: ['Ucup'] },
  { fullName: 'M. Rizky Ramadhan' },
  { fullName: 'Mochammad Rizki' },
  { fullName: 'Noor Hasanah' },
  { fullName: 'Nurhayati' },
  { fullName: 'Agus Salim' },
  { fullName: 'Rudi Hartono' },
  { fullName: 'Fauziah' },
  { fullName: 'Zaïnab Nurhalizá' },
  { fullName: 'Andre Wijaya' },
  { fullName: 'Ratna Sari' },
  { fullName: 'Wahyu Hidayat' },
  { fullName: 'Slamet Riyadi' },
  { fullName: 'Sri Wahyuni' },
  { fullName: 'Dian Pertiwi' },
  { fullName: 'Eko Prasetyo' },
  { fullName: 'Halimah' },
  { fullName: 'Ali Akbar' },
  { fullName: 'Si Udin', aliases: ['Udin Pasar'] },
  { fullName: 'Maria Ulfa' },
  { fullName: 'Samsul Bahri', birthDate: '1990-11-11' },
];

async function seeded() {
  const t = await setUpOffice();
  const ids: Record<string, string> = {};
  for (const p of PEOPLE) {
    const created = await t.admin.call('persons.create', {
      identityStatus: 'stated',
      fullName: p.fullName!,
      ...p,
    });
    ids[created.fullName] = created.id;
  }
  const names: Record<string, string> = Object.fromEntries(
    Object.entries(ids).map(([n, id]) => [id, n]),
  );
  const search = async (q: string, extra: Partial<Input<'persons.search'>> = {}, c?: Client) => {
    const { results } = await (c ?? t.admin).call('persons.search', { q, ...extra });
    return results.map((r) => names[r.id] ?? r.id);
  };
  return { ...t, ids, search };
}

describe('persons.search: spelling variants', () => {
  it('finds a person under old or variant spellings of the name', async () => {
    const s = await seeded();
    expect((await s.search('Achmad Fauzie'))[0]).toBe('Ahmad Fauzi');
    expect((await s.search('akhmad fauzi'))[0]).toBe('Ahmad Fauzi');
    expect(await s.search('sukarno')).toEqual(['Soekarno Hadi']);
    expect(await s.search('SOEKARNO')).toEqual(['Soekarno Hadi']);
    expect((await s.search('mohamad noor'))[0]).toBe('Muhammad Nur');
    expect(await s.search('mochammad nur')).toEqual(['Muhammad Nur']);
    expect(new Set(await s.search('joko'))).toEqual(new Set(['Djoko Santoso', 'Joko Susilo']));
    expect(new Set(await s.search('djoko'))).toEqual(new Set(['Djoko Santoso', 'Joko Susilo']));
    // Old spelling writes y as j: Tjahjono is Cahyono today.
    expect(await s.search('cahyono')).toEqual(['Bambang Tjahjono']);
    expect(await s.search('tjahjono')).toEqual(['Bambang Tjahjono']);
    expect(await s.search('khairul')).toEqual(['Chairul Anwar']);
    expect(await s.search('abdulah hasanudin')).toEqual(['Abdullah Hasanuddin']);
  });

  it('finds a name whose slip changed how a word sounds, when nothing else matches', async () => {
    const s = await seeded();
    // Letters swapped (Hednra) or a consonant dropped (Nuhayati) change the word's key.
    expect((await s.search('hednra gunawan'))[0]).toBe('Hendra Gunawan');
    expect(await s.search('nuhayati')).toEqual(['Nurhayati']);
    // Never in place of a name that is there as typed.
    expect(await s.search('hendra gunawan')).toEqual(['Hendra Gunawan']);
  });

  it('ignores diacritics and apostrophes, in the name and in the query', async () => {
    const s = await seeded();
    expect(await s.search('zainab nurhaliza')).toEqual(['Zaïnab Nurhalizá']);
    expect(await s.search('Zaïnab')).toEqual(['Zaïnab Nurhalizá']);
    expect(await s.search('maruf')).toEqual(["Ma'ruf Amin"]);
    expect(await s.search("ma'ruf amin")).toEqual(["Ma'ruf Amin"]);
  });

  it('treats M./Moh./Mochammad as Muhammad', async () => {
    const s = await seeded();
    expect(new Set(await s.search('muhammad riz'))).toEqual(
      new Set(['M. Rizky Ramadhan', 'Mochammad Rizki']),
    );
    // The whole words first, then the same words in another spelling (Rizky/Rizki).
    expect(await s.search('moh rizky')).toEqual(['M. Rizky Ramadhan', 'Mochammad Rizki']);
  });
});

describe('persons.search: fragments, aliases, spaces', () => {
  it('finds a fragment of three or more letters inside a word', async () => {
    const s = await seeded();
    expect(new Set(await s.search('minah'))).toEqual(
      new Set(['Siti Aminah', 'Siti Aminah Rahmawati', 'Nur Siti Aminah', 'Aminah Binti Salman']),
    );
    expect(await s.search('ansur')).toEqual(['Yusuf Mansur']);
    expect(await s.search('hayat')).toEqual(['Nurhayati']);
  });

  it('finds a person by an alias', async () => {
    const s = await seeded();
    expect(await s.search('ucup')).toEqual(['Yusuf Mansur']);
    expect(await s.search('udin pasar')).toEqual(['Si Udin']);
  });

  it('finds a name typed without its space, the own name above an alias', async () => {
    const s = await seeded();
    // Aminah Binti Salman (newer) has the alias "Siti Aminah": the own name still comes first.
    expect((await s.search('sitiaminah')).slice(0, 2)).toEqual([
      'Siti Aminah',
      'Aminah Binti Salman',
    ]);
    expect(await s.search('budisantoso')).toEqual(['Budi Santoso']);
    expect(await s.search('ahmadfauzi')).toEqual(['Ahmad Fauzi']);
  });

  it('finds nothing for a name nobody has', async () => {
    const s = await seeded();
    expect(await s.search('Kartolo')).toEqual([]);
    expect(await s.search('xq')).toEqual([]);
  });
});

describe('persons.search: NIK, birth year, origin', () => {
  it('finds a full NIK first, also typed with spaces, and a NIK by its first digits', async () => {
    const s = await seeded();
    expect(await s.search(NIK_AHMAD)).toEqual(['Ahmad Fauzi']);
    expect(await s.search('6372 0412 0385 0001')).toEqual(['Ahmad Fauzi']);
    expect(new Set(await s.search('637204'))).toEqual(new Set(['Ahmad Fauzi', 'Budi Santoso']));
    expect(await s.search('63.03.01')).toEqual(['Siti Aminah']);
    expect(await s.search('6399')).toEqual([]);
  });

  it('finds everyone born in a year, estimated years included', async () => {
    const s = await seeded();
    // Hendra's estimated age of 41 in 2026 gives 1985.
    expect(new Set(await s.search('1985'))).toEqual(
      new Set(['Ahmad Fauzi', 'Budi Santoso', 'Hendra Gunawan']),
    );
  });

  it('ranks people born in a year above NIKs that merely start with those four digits', async () => {
    const s = await seeded();
    // A NIK issued in Bangka Belitung (province 19) starts with 1990.
    const bangka = await s.admin.call('persons.create', {
      fullName: 'Orang Bangka',
      identityStatus: 'stated',
      nik: '1990011203800001',
    });
    const r = await s.search('1990');
    expect(new Set(r.slice(0, 2))).toEqual(new Set(['Siti Aminah', 'Samsul Bahri']));
    expect(r[2]).toBe(bangka.id);
  });

  it('narrows a name by a birth year typed with it', async () => {
    const s = await seeded();
    expect(await s.search('santoso 1985')).toEqual(['Budi Santoso']);
    expect(await s.search('santoso 1970')).toEqual(['Djoko Santoso']);
    expect(await s.search('1990 siti')).toEqual(['Siti Aminah']);
    expect(await s.search('siti 1999')).toEqual([]);
  });

  it('finds people by origin, alone or with a name', async () => {
    const s = await seeded();
    // Siti Aminah's origin is a kecamatan of Kabupaten Banjar; its regency counts too.
    expect(await s.search('siti banjar')).toContain('Siti Aminah');
    expect(await s.search('siti kabupaten banjar')).toEqual(['Siti Aminah']);
    expect(new Set(await s.search('banjarmasin'))).toEqual(
      new Set(['Muhammad Nur', 'Siti Fatimah']),
    );
    expect(await s.search('surabaya')).toEqual(['Soekarno Hadi']);
  });
});

describe('persons.search: short terms', () => {
  it('takes a term under three letters as the start of the name', async () => {
    const s = await seeded();
    expect(new Set(await s.search('si'))).toEqual(
      new Set(['Siti Aminah', 'Siti Aminah Rahmawati', 'Siti Rahmah', 'Siti Fatimah', 'Si Udin']),
    );
    expect(await s.search('ag')).toEqual(['Agus Salim']);
    expect(new Set(await s.search('ma'))).toEqual(new Set(['Maria Ulfa', "Ma'ruf Amin"]));
  });

  it('reads a word still being typed as typed, not as the known name it looks like', async () => {
    const s = await seeded();
    // "m" alone is also the M. of Muhammad, but someone typing "m" may want Maria too.
    expect(await s.search('m')).toContain('Maria Ulfa');
    expect(await s.search('m')).toContain('M. Rizky Ramadhan');
    // "nur" would be Noor/Nor/Nur; typing "nurh" is on the way to Nurhayati.
    expect(await s.search('nurh')).toContain('Nurhayati');
    // "abd" is Abdul, but also the start of Abdullah.
    expect(await s.search('abd')).toContain('Abdullah Hasanuddin');
  });

  it('ranks the full-name start first when a short term follows a long one', async () => {
    const s = await seeded();
    const r = await s.search('siti a');
    expect(new Set(r.slice(0, 2))).toEqual(new Set(['Siti Aminah', 'Siti Aminah Rahmawati']));
    // "a" also occurs inside other Sitis, which come after.
    expect(r.slice(2)).toContain('Siti Fatimah');
  });
});

describe('persons.search: ranking', () => {
  it('puts the exact full name first, then an alias, a prefix, then a match inside', async () => {
    const s = await seeded();
    const r = await s.search('siti aminah');
    expect(r.slice(0, 4)).toEqual([
      'Siti Aminah', // exact own name
      'Aminah Binti Salman', // exact alias
      'Siti Aminah Rahmawati', // own name starts with it
      'Nur Siti Aminah', // words inside the name
    ]);
  });

  it('puts a name that starts with the term above one that only contains it', async () => {
    const s = await seeded();
    const r = await s.search('aminah');
    expect(r[0]).toBe('Aminah Binti Salman');
    expect(r).toHaveLength(4);
  });

  it('puts an own name above the same name held as an alias, whatever the age of the records', async () => {
    const t = await setUpOffice();
    // The alias holder is the newer record, which would win a tie.
    const own = await t.admin.call('persons.create', {
      fullName: 'Rahmat Hidayat',
      identityStatus: 'stated',
    });
    const alias = await t.admin.call('persons.create', {
      fullName: 'Dayat Banjar',
      aliases: ['Rahmat Hidayat'],
      identityStatus: 'stated',
    });
    const { results } = await t.admin.call('persons.search', { q: 'rahmat hidayat' });
    expect(results.map((r) => r.id)).toEqual([own.id, alias.id]);
  });

  it('returns at most `limit` results', async () => {
    const s = await seeded();
    const a = await s.search('a', { limit: 3 });
    expect(a).toHaveLength(3);
    for (const name of a) expect(name.startsWith('A')).toBe(true);
    expect(await s.search('siti', { limit: 2 })).toHaveLength(2);
  });
});

describe('persons.search: what results show', () => {
  it('leaves merged records out unless asked, and marks them when shown', async () => {
    const s = await seeded();
    const keep = s.ids['Ahmad Fauzi']!;
    const gone = await s.admin.call('persons.create', {
      fullName: 'Achmad Fauzi',
      identityStatus: 'stated',
    });
    const keepV = (await s.admin.call('persons.get', { id: keep })).person.version;
    await s.admin.call('persons.merge', {
      keepId: keep,
      keepVersion: keepV,
      mergeId: gone.id,
      mergeVersion: gone.version,
      reason: 'Ganda',
    });
    const { results } = await s.admin.call('persons.search', { q: 'achmad fauzi' });
    expect(results.map((r) => r.id)).toEqual([keep]);
    const all = await s.admin.call('persons.search', { q: 'achmad fauzi', includeMerged: true });
    expect(all.results.map((r) => r.id).sort()).toEqual([keep, gone.id].sort());
    expect(all.results.find((r) => r.id === gone.id)!.mergedInto).toBe(keep);
    // A NIK search never shows the merged copy either.
    const byNik = await s.admin.call('persons.search', { q: NIK_AHMAD, includeMerged: false });
    expect(byNik.results.map((r) => r.id)).toEqual([keep]);
  });

  it('shows birth, origin and the last stay so people can be told apart', async () => {
    const s = await seeded();
    const shelter = await makeShelter(s.admin);
    const staff = await userWithRoles(s, 'petugas', ['shelter_staff']);
    const stay = await staff.call(
      'stays.checkIn',
      checkInInput(s.ids['Siti Aminah']!, shelter.beds['W1']!),
    );
    const { results } = await staff.call('persons.search', { q: 'siti aminah' });
    expect(results[0]).toEqual({
      id: s.ids['Siti Aminah'],
      fullName: 'Siti Aminah',
      aliases: [],
      nik: NIK_SITI,
      sex: null,
      birthDate: '1990-07-05',
      birthYear: 1990,
      birthDateEstimated: false,
      origin: {
        code: '63.03.01',
        name: 'Aluh Aluh',
        path: 'Aluh Aluh, Kabupaten Banjar, Kalimantan Selatan',
      },
      identityStatus: 'stated',
      lastStay: {
        stayId: stay.id,
        shelterName: 'Rumah Singgah Banjarbaru',
        checkinAt: s.clock.now.toISOString(),
        checkoutAt: null,
      },
      mergedInto: null,
    });
    // Others show no stay, and an estimated age shows as such.
    const hendra = (await staff.call('persons.search', { q: 'hendra' })).results[0]!;
    expect(hendra).toMatchObject({ birthYear: 1985, birthDateEstimated: true, lastStay: null });
  });
});
