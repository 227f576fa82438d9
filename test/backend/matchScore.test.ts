/**
 * Scoring pairs of records: each class of miss and false alarm the duplicate check had, with the
 * evidence shown to the user.
 */
import { describe, expect, it } from 'vitest';
import { matchName } from '../../electron/backend/persons/matchNames';
import { scoreMatch, type MatchRecord } from '../../electron/backend/persons/matchScore';

function rec(
  name: string,
  more: Partial<Omit<MatchRecord, 'names'>> & { aliases?: string[] } = {},
): MatchRecord {
  const { aliases = [], ...rest } = more;
  return {
    names: [name, ...aliases].map(matchName),
    nik: null,
    sex: null,
    birthDate: null,
    birthYear: rest.birthDate ? Number(rest.birthDate.slice(0, 4)) : null,
    birthEstimated: false,
    originCode: null,
    mother: null,
    ...rest,
  };
}
const level = (a: MatchRecord, b: MatchRecord) => scoreMatch(a, b)?.level ?? null;
const codes = (a: MatchRecord, b: MatchRecord) =>
  scoreMatch(a, b)?.evidence.map((e) => e.code) ?? [];

describe('scoreMatch: same person, written differently', () => {
  it('finds spelling variants with the same birth date as likely', () => {
    const d = { birthDate: '1980-04-02', sex: 'M' as const };
    expect(level(rec('Hariyanto Saputra', d), rec('Harianto Saputra', d))).toBe('likely');
    expect(level(rec('Syamsul Arifin', d), rec('Samsul Arifin', d))).toBe('likely');
    expect(level(rec('Moh. Saifudin', d), rec('Muhammad Saipudin', d))).toBe('likely');
    expect(codes(rec('Hariyanto', d), rec('Harianto', d))).toContain('name_variant');
  });

  it('ignores honorifics and titles, and says so', () => {
    const d = { birthDate: '1960-01-01', sex: 'F' as const };
    expect(level(rec('Hj. Siti Aminah, S.Pd.', d), rec('Siti Aminah', d))).toBe('likely');
    expect(codes(rec('Utuh Basri', d), rec('Basri', d))).toContain('name_ignored');
  });

  it('pairs initials with the words they stand for', () => {
    const d = { birthDate: '1975-05-05', sex: 'M' as const };
    const r = scoreMatch(rec('A. Rahman Hakim', d), rec('Ahmad Rahman Hakim', d));
    expect(r?.level).toBe('likely');
    expect(r?.evidence.map((e) => e.code)).toContain('name_initial');
  });

  it('accepts words in another order and typing slips', () => {
    const d = { birthDate: '1990-10-10' };
    expect(level(rec('Fauzi Ahmad', d), rec('Ahmad Fauzi', d))).toBe('likely');
    expect(level(rec('Kurniawan Setiadi', d), rec('Kurniwan Setiadi', d))).toBe('likely');
  });

  it('tolerates estimated ages', () => {
    const est = (y: number) => ({ birthYear: y, birthEstimated: true, sex: 'F' as const });
    expect(level(rec('Mama Ijah', est(1966)), rec('Mama Ijah', est(1968)))).toBe('likely');
    expect(
      level(rec('Mama Ijah', est(1966)), rec('Mama Ijah', { birthDate: '1967-05-01', sex: 'F' })),
    ).toBe('likely');
    expect(level(rec('Mama Ijah', est(1966)), rec('Mama Ijah', est(1970)))).toBeNull();
  });

  it('takes the same NIK as likely, and a NIK one digit apart as support', () => {
    expect(
      level(rec('Budi', { nik: '6372041203850001' }), rec('Ahmad', { nik: '6372041203850001' })),
    ).toBe('likely');
    const near = scoreMatch(
      rec('Budi Santoso', { nik: '6372041203850001' }),
      rec('Budi Santoso', { nik: '6372041203850007' }),
    );
    expect(near?.level).toBe('possibly');
    expect(near?.evidence.map((e) => e.code)).toContain('nik_near');
  });

  it('uses origin and the mother as support when a birth date is missing', () => {
    expect(
      level(
        rec('Djoko Santoso', { originCode: '63.03.01' }),
        rec('Joko Santoso', { originCode: '63.03' }),
      ),
    ).toBe('possibly');
    const mother = { mother: matchName('Siti Rahmah') };
    expect(level(rec('Ahmad Basri', mother), rec('Akhmad Basri', mother))).toBe('possibly');
  });
});

describe('scoreMatch: different people, not flagged', () => {
  const d = { birthDate: '1985-01-01' };
  it('does not flag close names of another sex or another ending on the name alone', () => {
    expect(level(rec('Rahmat', { ...d, sex: 'M' }), rec('Rahmah', { ...d, sex: 'F' }))).toBeNull();
    expect(
      level(rec('Hasan Basri', { ...d, sex: 'M' }), rec('Hasanah Basri', { ...d, sex: 'F' })),
    ).toBeNull();
    expect(level(rec('Dahlan'), rec('Dahlia'))).toBeNull();
    expect(level(rec('Rahmat Hidayat', d), rec('Rahmah Hidayat', d))).toBe(null);
  });

  it('never flags a name alone, without birth or support', () => {
    expect(level(rec('Budi Santoso'), rec('Budi Santoso'))).toBeNull();
    expect(level(rec('Budi Santoso', { sex: 'M' }), rec('Budi Santoso', { sex: 'M' }))).toBeNull();
  });

  it('never flags a shared origin with births decades apart', () => {
    const o = { originCode: '63.03' };
    expect(
      level(
        rec('Siti Aminah', { ...o, birthDate: '1950-01-01' }),
        rec('Siti Aminah', { ...o, birthDate: '2018-01-01' }),
      ),
    ).toBeNull();
    expect(
      level(rec('Siti Rahmah', { ...o, ...d }), rec('Siti Aminah', { ...o, ...d })),
    ).toBeNull();
  });

  it('does not flag a shared common word alone', () => {
    expect(level(rec('Muhammad Rizky', d), rec('Muhammad Ilham', d))).toBeNull();
    expect(level(rec('Siti Aminah', d), rec('Siti', d))).toBeNull();
  });

  it('does not flag different NIKs', () => {
    expect(
      level(
        rec('Budi Santoso', { ...d, nik: '6372041203850001' }),
        rec('Budi Santoso', { ...d, nik: '6303015507900002' }),
      ),
    ).toBeNull();
  });
});
