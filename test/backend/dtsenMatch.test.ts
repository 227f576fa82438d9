/**
 * The batch matcher of a DTSEN import gives each row the verdict the person matcher gives it
 * alone (matchByPerson), whether the registry's NIKs are looked up per row or read in one pass:
 * NIK, a NIK one digit off (review), one likely person without a NIK (matcher), two alike
 * (review), a namesake with another NIK (ruled out), nobody.
 */
import { describe, expect, it } from 'vitest';
import { matchByPerson, matchRows } from '../../electron/backend/dtsen/match';
import type { ListRow } from '../../electron/backend/dtsen/rows';
import { kyselyReader } from '../../electron/backend/persons/duplicates';
import { setUpOffice } from './harness';
import { createPerson, makeNik } from './registry';

const row = (line: number, nik: string, name: string, birthDate: string | null): ListRow => ({
  line,
  nik,
  name,
  birthDate,
  address: null,
  kelurahan: null,
  desil: 3,
  programs: [],
  refused: null,
});

describe('DTSEN batch matching', () => {
  it('gives every row the verdict of the matcher row by row', async () => {
    const t = await setUpOffice();
    const nikA = makeNik('63.72.04', '1975-03-14', 'F', 12);
    const a = await createPerson(t.admin, {
      fullName: 'Siti Aminah',
      nik: nikA,
      sex: 'F',
      birthDate: '1975-03-14',
    });
    const b = await createPerson(t.admin, {
      fullName: 'Rusdiana Fitriani',
      sex: 'F',
      birthDate: '1980-02-03',
    });
    const c1 = await createPerson(t.admin, {
      fullName: 'Muhammad Ridwan',
      sex: 'M',
      birthDate: '1968-08-20',
    });
    const c2 = await createPerson(t.admin, {
      fullName: 'Muhamad Ridwan',
      sex: 'M',
      birthDate: '1968-08-20',
    });
    // A namesake of the next row with a NIK of his own: another person.
    await createPerson(t.admin, {
      fullName: 'Bambang Sutrisno',
      nik: makeNik('63.72.01', '1985-11-02', 'M', 4),
      sex: 'M',
      birthDate: '1985-11-02',
    });
    const slip = nikA.slice(0, 15) + (nikA[15] === '9' ? '8' : '9');
    const rows = [
      row(2, nikA, 'Siti Aminah', '1975-03-14'),
      row(3, slip, 'Siti Aminah', '1975-03-14'),
      row(4, makeNik('63.72.04', '1980-02-03', 'F', 7), 'Rusdiana Fitriani', null),
      row(5, makeNik('63.72.02', '1968-08-20', 'M', 2), 'Muhammad Ridwan', '1968-08-20'),
      row(6, makeNik('63.72.03', '1985-11-02', 'M', 9), 'Bambang Sutrisno', '1985-11-02'),
      row(7, makeNik('63.72.05', '1990-07-09', 'M', 3), 'Budi Hartono', null),
    ];
    const read = kyselyReader(t.backend.db);
    const oneByOne = [];
    for (const r of rows)
      oneByOne.push(
        r.line === 2
          ? { match: 'nik', personId: a.id, candidates: [] }
          : await matchByPerson(read, r, 2026),
      );
    expect(oneByOne).toEqual([
      { match: 'nik', personId: a.id, candidates: [] },
      { match: 'review', personId: null, candidates: [a.id] },
      { match: 'matcher', personId: b.id, candidates: [] },
      { match: 'review', personId: null, candidates: expect.arrayContaining([c1.id, c2.id]) },
      { match: 'unmatched', personId: null, candidates: [] },
      { match: 'unmatched', personId: null, candidates: [] },
    ]);
    for (const nikScanFrom of [0, Infinity]) {
      const batch = await matchRows(read, rows, 2026, { nikScanFrom });
      expect(rows.map((r) => batch.get(r))).toEqual(oneByOne);
    }
  });
});
