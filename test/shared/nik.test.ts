import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { translate } from '../../shared/i18n';
import nikMessages from '../../shared/i18n/messages/nik.json';
import {
  formatNik,
  type Issue,
  NIK_LENGTH,
  normalizeNik,
  parseNik,
  type ParseNikOptions,
} from '../../shared/nik';
import { isProvinceCode, PROVINCES } from '../../shared/reference/provinces';

/** A fixed "today" (local time) so century inference does not depend on when tests run. */
const TODAY = new Date(2025, 5, 15); // 15 June 2025
const opts = (o: ParseNikOptions = {}): ParseNikOptions => ({ today: TODAY, ...o });

/** Build a NIK from its parts: PP KK CC DD MM YY SSSS. */
function nik(dd: string, mm: string, yy: string, region = '637201', serial = '0003'): string {
  return `${region}${dd}${mm}${yy}${serial}`;
}

const keys = (issues: Issue[]) => issues.map((i) => i.key);

describe('parseNik: valid NIKs', () => {
  it.each([
    // [label, nik, birthDate, sex]
    ['male, 12 Jan 1990', nik('12', '01', '90'), '1990-01-12', 'M'],
    ['female (+40), 12 Jan 1990', nik('52', '01', '90'), '1990-01-12', 'F'],
    ['male day 01', nik('01', '03', '85'), '1985-03-01', 'M'],
    ['male day 31', nik('31', '12', '85'), '1985-12-31', 'M'],
    ['female day 41 = 1st', nik('41', '01', '85'), '1985-01-01', 'F'],
    ['female day 71 = 31st', nik('71', '12', '85'), '1985-12-31', 'F'],
    ['female day 70 = 30 Apr', nik('70', '04', '85'), '1985-04-30', 'F'],
    ['child born 2005', nik('17', '08', '05'), '2005-08-17', 'M'],
    ['leap day 2000 (YY=00)', nik('29', '02', '00'), '2000-02-29', 'M'],
    ['leap day 2024', nik('29', '02', '24'), '2024-02-29', 'M'],
    ['leap day 2024, female', nik('69', '02', '24'), '2024-02-29', 'F'],
    ['leap day 1996', nik('29', '02', '96'), '1996-02-29', 'M'],
    ['28 Feb 2023 (not leap)', nik('28', '02', '23'), '2023-02-28', 'M'],
  ] as const)('%s', (_label, input, birthDate, sex) => {
    const r = parseNik(input, opts());
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.nik).toBe(input);
    expect(r.birthDate).toBe(birthDate);
    expect(r.sex).toBe(sex);
  });

  it('returns the region in dotted Kemendagri form and the serial', () => {
    const r = parseNik('6372015201900003', opts());
    expect(r).toEqual({
      ok: true,
      nik: '6372015201900003',
      errors: [],
      warnings: [],
      provinceCode: '63',
      regencyCode: '63.72',
      districtCode: '63.72.01',
      birthDate: '1990-01-12',
      sex: 'F',
      serial: '0003',
    });
  });

  it.each(PROVINCES.map((p) => [p.code, p.name]))('accepts province %s (%s)', (code) => {
    const r = parseNik(`${code}0101` + '1201900001', opts());
    expect(r.ok).toBe(true);
    expect(r.provinceCode).toBe(code);
  });

  it('accepts the highest serial 9999', () => {
    const r = parseNik(nik('12', '01', '90', '637201', '9999'), opts());
    expect(r.ok).toBe(true);
    expect(r.serial).toBe('9999');
  });

  it('works without options (today defaults to now)', () => {
    const r = parseNik('6372011201900003');
    expect(r.ok).toBe(true);
    expect(r.birthDate).toBe('1990-01-12');
  });
});

describe('parseNik: typed separators and characters', () => {
  it.each([
    ['spaces', '6372 0112 0190 0003'],
    ['display grouping', '637201 120190 0003'],
    ['dots', '63.72.01.120190.0003'],
    ['dots and spaces', '63.72.01 120190 0003'],
    ['leading/trailing whitespace, tabs, newline', '  6372011201900003\t\n'],
    ['non-breaking space', '637201\u00a0120190\u00a00003'],
  ])('strips %s', (_label, input) => {
    const r = parseNik(input, opts());
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.nik).toBe('6372011201900003');
    expect(r.districtCode).toBe('63.72.01');
  });

  it.each([
    ['a letter in the serial', '637201120190000A', 16],
    ['a letter O for zero', '63720112O1900003', 16],
    ['a hyphen', '637201-120190-0003', 18],
    ['a slash', '637201/120190/0003', 18],
    ['a comma', '637201,120190,0003', 18],
    ['full-width digits', '６３７２０１１２０１９００００３', 16],
    ['an underscore', '6372011201900_03', 16],
  ])('rejects %s', (_label, input, length) => {
    const r = parseNik(input, opts());
    expect(r.ok).toBe(false);
    expect(keys(r.errors)).toContain('nik.digits');
    if (length === NIK_LENGTH) {
      expect(keys(r.errors)).not.toContain('nik.length');
    } else {
      expect(r.errors).toContainEqual({ key: 'nik.length', params: { length } });
    }
  });

  it('still checks the fields that are all digits when one field has a letter', () => {
    // Serial has a letter; the other fields are readable, and the day is impossible.
    const r = parseNik('6372013501900A03', opts());
    expect(r.errors).toEqual([{ key: 'nik.digits' }, { key: 'nik.day', params: { day: '35' } }]);
    expect(r.districtCode).toBe('63.72.01');
    expect(r.serial).toBeUndefined();
  });

  it('skips the date checks when the date part has a letter', () => {
    const r = parseNik('63720112X1900003', opts());
    expect(r.errors).toEqual([{ key: 'nik.digits' }]);
    expect(r.birthDate).toBeUndefined();
    expect(r.sex).toBe('M');
    expect(r.serial).toBe('0003');
  });

  it('keeps only separators out of the returned nik', () => {
    expect(parseNik('63.72 01ab', opts()).nik).toBe('637201ab');
  });
});

describe('parseNik: errors', () => {
  it.each([
    ['empty', '', [{ key: 'nik.length', params: { length: 0 } }]],
    ['only spaces', '   ', [{ key: 'nik.length', params: { length: 0 } }]],
    ['15 digits', '637201120190003', [{ key: 'nik.length', params: { length: 15 } }]],
    ['17 digits', '63720112019000031', [{ key: 'nik.length', params: { length: 17 } }]],
    [
      'No. KK-like 20 digits',
      '63720112019000030000',
      [{ key: 'nik.length', params: { length: 20 } }],
    ],
    ['letters only', 'abc', [{ key: 'nik.digits' }, { key: 'nik.length', params: { length: 3 } }]],
    ['province 00', '0072011201900003', [{ key: 'nik.province', params: { code: '00' } }]],
    ['province 10 (gap)', '1072011201900003', [{ key: 'nik.province', params: { code: '10' } }]],
    ['province 20', '2072011201900003', [{ key: 'nik.province', params: { code: '20' } }]],
    [
      'province 54 (Timor Timur)',
      '5401011201900003',
      [{ key: 'nik.province', params: { code: '54' } }],
    ],
    ['province 97', '9701011201900003', [{ key: 'nik.province', params: { code: '97' } }]],
    ['province 99', '9972011201900003', [{ key: 'nik.province', params: { code: '99' } }]],
    ['regency 00', '6300011201900003', [{ key: 'nik.regency' }]],
    ['district 00', '6372001201900003', [{ key: 'nik.district' }]],
    ['day 00', nik('00', '01', '90'), [{ key: 'nik.day', params: { day: '00' } }]],
    ['day 32', nik('32', '01', '90'), [{ key: 'nik.day', params: { day: '32' } }]],
    ['day 40', nik('40', '01', '90'), [{ key: 'nik.day', params: { day: '40' } }]],
    ['day 72', nik('72', '01', '90'), [{ key: 'nik.day', params: { day: '72' } }]],
    ['day 99', nik('99', '01', '90'), [{ key: 'nik.day', params: { day: '99' } }]],
    ['month 00', nik('12', '00', '90'), [{ key: 'nik.month', params: { month: '00' } }]],
    ['month 13', nik('12', '13', '90'), [{ key: 'nik.month', params: { month: '13' } }]],
    [
      'month 52 (women +40 is on the day only)',
      nik('12', '52', '90'),
      [{ key: 'nik.month', params: { month: '52' } }],
    ],
    ['30 Feb', nik('30', '02', '24'), [{ key: 'nik.date', params: { date: '2024-02-30' } }]],
    ['31 Apr', nik('31', '04', '90'), [{ key: 'nik.date', params: { date: '1990-04-31' } }]],
    ['31 Jun', nik('31', '06', '90'), [{ key: 'nik.date', params: { date: '1990-06-31' } }]],
    ['31 Sep', nik('31', '09', '90'), [{ key: 'nik.date', params: { date: '1990-09-31' } }]],
    ['31 Nov', nik('31', '11', '90'), [{ key: 'nik.date', params: { date: '1990-11-31' } }]],
    [
      '29 Feb 2023 (not leap)',
      nik('29', '02', '23'),
      [{ key: 'nik.date', params: { date: '2023-02-29' } }],
    ],
    [
      '29 Feb 1990 (not leap)',
      nik('29', '02', '90'),
      [{ key: 'nik.date', params: { date: '1990-02-29' } }],
    ],
    [
      'female 31 Apr (day 71)',
      nik('71', '04', '90'),
      [{ key: 'nik.date', params: { date: '1990-04-31' } }],
    ],
    [
      'female 30 Feb (day 70)',
      nik('70', '02', '90'),
      [{ key: 'nik.date', params: { date: '1990-02-30' } }],
    ],
    [
      'female 29 Feb 2023 (day 69)',
      nik('69', '02', '23'),
      [{ key: 'nik.date', params: { date: '2023-02-29' } }],
    ],
    ['serial 0000', nik('12', '01', '90', '637201', '0000'), [{ key: 'nik.serial' }]],
  ] as const)('%s', (_label, input, expected) => {
    const r = parseNik(input, opts());
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual(expected);
    expect(r.warnings).toEqual([]);
  });

  it('reports every error at once, in NIK order, and skips the calendar check', () => {
    const r = parseNik('9900003213000000', opts());
    expect(r.errors).toEqual([
      { key: 'nik.province', params: { code: '99' } },
      { key: 'nik.regency' },
      { key: 'nik.district' },
      { key: 'nik.day', params: { day: '32' } },
      { key: 'nik.month', params: { month: '13' } },
      { key: 'nik.serial' },
    ]);
    expect(r).not.toHaveProperty('provinceCode');
    expect(r).not.toHaveProperty('regencyCode');
    expect(r).not.toHaveProperty('districtCode');
    expect(r).not.toHaveProperty('birthDate');
    expect(r).not.toHaveProperty('sex');
    expect(r).not.toHaveProperty('serial');
  });

  it('reports a calendar error together with region and serial errors', () => {
    const r = parseNik('6300003102900000', opts());
    expect(keys(r.errors)).toEqual(['nik.regency', 'nik.district', 'nik.date', 'nik.serial']);
    expect(r.provinceCode).toBe('63');
    expect(r.regencyCode).toBeUndefined();
    expect(r.sex).toBe('M');
  });

  it('does not check the calendar when only the month is impossible', () => {
    const r = parseNik(nik('31', '13', '90'), opts());
    expect(r.errors).toEqual([{ key: 'nik.month', params: { month: '13' } }]);
    expect(r.sex).toBe('M');
  });

  it('reports both digits and length and stops there when the length is wrong', () => {
    const r = parseNik('00x', opts());
    expect(r.errors).toEqual([{ key: 'nik.digits' }, { key: 'nik.length', params: { length: 3 } }]);
  });

  it('gives regency and district only under a valid province', () => {
    const r = parseNik('9972011201900003', opts());
    expect(r.provinceCode).toBeUndefined();
    expect(r.regencyCode).toBeUndefined();
    expect(r.districtCode).toBeUndefined();
    expect(r.birthDate).toBe('1990-01-12');
    expect(r.serial).toBe('0003');
  });

  it('gives no district when the regency is 00', () => {
    const r = parseNik('6300011201900003', opts());
    expect(r.provinceCode).toBe('63');
    expect(r.regencyCode).toBeUndefined();
    expect(r.districtCode).toBeUndefined();
  });
});

describe('parseNik: century of the birth year', () => {
  it.each([
    // [label, today, dd mm yy, expected birth date]
    ['YY on today resolves to 20YY', new Date(2025, 5, 15), '150625', '2025-06-15'],
    ['YY one day after today resolves to 19YY', new Date(2025, 5, 14), '150625', '1925-06-15'],
    ['earlier this year', new Date(2025, 5, 15), '010125', '2025-01-01'],
    ['later this year', new Date(2025, 5, 15), '311225', '1925-12-31'],
    ['YY=00 in 2025', new Date(2025, 5, 15), '010100', '2000-01-01'],
    ['YY=24', new Date(2025, 5, 15), '010124', '2024-01-01'],
    ['YY=26 (next year)', new Date(2025, 5, 15), '010126', '1926-01-01'],
    ['YY=99', new Date(2025, 5, 15), '311299', '1999-12-31'],
    ['female, today', new Date(2025, 5, 15), '550625', '2025-06-15'],
    ['female, tomorrow', new Date(2025, 5, 15), '560625', '1925-06-16'],
    ['seen from 1999', new Date(1999, 11, 31), '010100', '1900-01-01'],
    ['seen from 2060', new Date(2060, 0, 1), '010150', '2050-01-01'],
  ] as const)('%s', (_label, today, ddmmyy, expected) => {
    const r = parseNik(`637201${ddmmyy}0001`, { today });
    expect(r.errors).toEqual([]);
    expect(r.birthDate).toBe(expected);
  });

  it('29 Feb with YY=00 is 2000 (leap) after that date, but 1900 (not leap) before it', () => {
    const input = nik('29', '02', '00');
    expect(parseNik(input, { today: new Date(2000, 1, 29) }).birthDate).toBe('2000-02-29');
    const before = parseNik(input, { today: new Date(2000, 1, 28) });
    expect(before.errors).toEqual([{ key: 'nik.date', params: { date: '1900-02-29' } }]);
    expect(before.sex).toBe('M');
  });

  it('29 Feb 2024 before it happened is 29 Feb 1924 (also leap)', () => {
    const r = parseNik(nik('29', '02', '24'), { today: new Date(2024, 0, 1) });
    expect(r.birthDate).toBe('1924-02-29');
  });

  it('29 Feb 2023 is impossible in either century', () => {
    const early = parseNik(nik('29', '02', '23'), { today: new Date(2023, 0, 1) });
    expect(early.errors).toEqual([{ key: 'nik.date', params: { date: '1923-02-29' } }]);
  });

  it('uses the century of an entered birth date that agrees with the NIK (age 100+)', () => {
    const input = nik('10', '03', '25');
    expect(parseNik(input, opts()).birthDate).toBe('2025-03-10');
    const r = parseNik(input, opts({ birthDate: '1925-03-10' }));
    expect(r.birthDate).toBe('1925-03-10');
    expect(r.warnings).toEqual([]);
  });

  it('ignores the entered century when the entered date disagrees or is in the future', () => {
    const input = nik('10', '03', '25');
    const differs = parseNik(input, opts({ birthDate: '1925-03-11' }));
    expect(differs.birthDate).toBe('2025-03-10');
    expect(keys(differs.warnings)).toEqual(['nik.warn.birth_mismatch']);
    const future = parseNik(nik('10', '03', '26'), opts({ birthDate: '2026-03-10' }));
    expect(future.birthDate).toBe('1926-03-10');
    expect(keys(future.warnings)).toEqual(['nik.warn.birth_mismatch']);
  });
});

describe('parseNik: warnings', () => {
  const male = '6372011201900003'; // 12 Jan 1990, male
  const female = '6372015201900003'; // 12 Jan 1990, female

  it('warns when the region is not in the table, calling it with the dotted district code', () => {
    const isKnownRegion = vi.fn(() => false);
    const r = parseNik(male, opts({ isKnownRegion }));
    expect(isKnownRegion).toHaveBeenCalledWith('63.72.01');
    expect(r.ok).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([{ key: 'nik.warn.region_unknown', params: { code: '63.72.01' } }]);
    expect(r.districtCode).toBe('63.72.01');
  });

  it('does not warn when the region is known', () => {
    const known = new Set(['63.72.01']);
    const r = parseNik(male, opts({ isKnownRegion: (c) => known.has(c) }));
    expect(r.warnings).toEqual([]);
  });

  it('does not ask about the region when the district code cannot be read', () => {
    const isKnownRegion = vi.fn(() => false);
    parseNik('9972011201900003', opts({ isKnownRegion }));
    parseNik('6372001201900003', opts({ isKnownRegion }));
    parseNik('6372', opts({ isKnownRegion }));
    expect(isKnownRegion).not.toHaveBeenCalled();
  });

  it.each([
    ['same date', '1990-01-12', []],
    ['same date with spaces', ' 1990-01-12 ', []],
    ['empty entry is no entry', '', []],
    [
      'different day',
      '1990-01-13',
      [
        {
          key: 'nik.warn.birth_mismatch',
          params: { nikDate: '1990-01-12', entered: '1990-01-13' },
        },
      ],
    ],
    [
      'different year',
      '1991-01-12',
      [
        {
          key: 'nik.warn.birth_mismatch',
          params: { nikDate: '1990-01-12', entered: '1991-01-12' },
        },
      ],
    ],
    [
      'different century',
      '2090-01-12',
      [
        {
          key: 'nik.warn.birth_mismatch',
          params: { nikDate: '1990-01-12', entered: '2090-01-12' },
        },
      ],
    ],
  ] as const)('birth date: %s', (_label, birthDate, expected) => {
    for (const input of [male, female]) {
      const r = parseNik(input, opts({ birthDate }));
      expect(r.ok).toBe(true);
      expect(r.errors).toEqual([]);
      expect(r.warnings).toEqual(expected);
    }
  });

  it('compares the real day for women, not day + 40', () => {
    const r = parseNik(female, opts({ birthDate: '1990-01-52' }));
    expect(keys(r.warnings)).toEqual(['nik.warn.birth_mismatch']);
  });

  it('does not compare the birth date when the NIK date is an error', () => {
    const r = parseNik(nik('30', '02', '90'), opts({ birthDate: '1990-03-02' }));
    expect(keys(r.errors)).toEqual(['nik.date']);
    expect(r.warnings).toEqual([]);
  });

  it.each([
    ['male NIK, male entered', male, 'M', []],
    ['female NIK, female entered', female, 'F', []],
    [
      'male NIK, female entered',
      male,
      'F',
      [{ key: 'nik.warn.sex_mismatch', params: { nikSex: 'laki-laki' } }],
    ],
    [
      'female NIK, male entered',
      female,
      'M',
      [{ key: 'nik.warn.sex_mismatch', params: { nikSex: 'perempuan' } }],
    ],
  ] as const)('sex: %s', (_label, input, sex, expected) => {
    const r = parseNik(input, opts({ sex }));
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual(expected);
  });

  it('does not compare sex when the day is impossible', () => {
    const r = parseNik(nik('35', '01', '90'), opts({ sex: 'F' }));
    expect(r.warnings).toEqual([]);
  });

  it('collects all warnings together, and they never make ok false', () => {
    const r = parseNik(
      female,
      opts({ isKnownRegion: () => false, birthDate: '1990-01-01', sex: 'M' }),
    );
    expect(r.ok).toBe(true);
    expect(keys(r.warnings)).toEqual([
      'nik.warn.region_unknown',
      'nik.warn.birth_mismatch',
      'nik.warn.sex_mismatch',
    ]);
  });

  it('gives warnings alongside errors', () => {
    const r = parseNik('6372015201900000', opts({ sex: 'M' }));
    expect(r.ok).toBe(false);
    expect(keys(r.errors)).toEqual(['nik.serial']);
    expect(keys(r.warnings)).toEqual(['nik.warn.sex_mismatch']);
  });
});

describe('parseNik: messages', () => {
  const samples: [string, ParseNikOptions][] = [
    ['abc', {}],
    ['9900003213000000', {}],
    [nik('30', '02', '24'), {}],
    [nik('52', '01', '90'), { isKnownRegion: () => false, birthDate: '1990-01-01', sex: 'M' }],
  ];

  it('uses only keys of the NIK catalogue and fills every placeholder in both languages', () => {
    const seen = new Set<string>();
    for (const [input, o] of samples) {
      const r = parseNik(input, opts(o));
      for (const issue of [...r.errors, ...r.warnings]) {
        seen.add(issue.key);
        expect(Object.keys(nikMessages)).toContain(issue.key);
        for (const locale of ['id', 'en'] as const) {
          expect(translate(locale, issue.key, issue.params)).not.toMatch(/\{\w+\}/);
        }
      }
    }
    const expected = Object.keys(nikMessages).filter((k) => k.startsWith('nik.'));
    expect([...seen].sort()).toEqual(expected.sort());
  });
});

describe('normalizeNik and formatNik', () => {
  it('normalizeNik removes whitespace and dots only', () => {
    expect(normalizeNik(' 63.72.01 520190\t0003 ')).toBe('6372015201900003');
    expect(normalizeNik('63-72')).toBe('63-72');
  });

  it.each([
    ['6372015201900003', '637201 520190 0003'],
    ['637201 520190 0003', '637201 520190 0003'],
    ['63.72.01.52.01.90.0003', '637201 520190 0003'],
    [' 6372 0152 0190 0003 ', '637201 520190 0003'],
  ])('formats %j as %j', (input, expected) => {
    expect(formatNik(input)).toBe(expected);
  });

  it.each([['637201520190'], ['63720152019000031'], ['637201A201900003'], ['']])(
    'leaves %j as typed (trimmed) when it is not 16 digits',
    (input) => {
      expect(formatNik(` ${input} `)).toBe(input);
    },
  );

  it('NIK_LENGTH is 16', () => {
    expect(NIK_LENGTH).toBe(16);
  });
});

describe('reference/provinces', () => {
  /** data/provinces.csv of the installed idn-area-data package. */
  function idnAreaProvinces(): { code: string; name: string }[] {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('idn-area-data/package.json'));
    const csv = readFileSync(join(dir, 'data', 'provinces.csv'), 'utf8');
    const [header, ...rows] = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
    expect(header).toBe('code,name');
    return rows.map((row) => {
      const [code = '', ...name] = row.split(',');
      return { code, name: name.join(',').replace(/^"|"$/g, '') };
    });
  }

  it('has the 38 current provinces, exactly as in idn-area-data', () => {
    expect(PROVINCES).toHaveLength(38);
    expect(PROVINCES.map((p) => ({ ...p }))).toEqual(idnAreaProvinces());
  });

  it('has unique two-digit codes in ascending order, from 11 Aceh to 96 Papua Barat Daya', () => {
    const codes = PROVINCES.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^[1-9][0-9]$/);
    expect([...codes].sort()).toEqual(codes);
    expect(PROVINCES[0]).toEqual({ code: '11', name: 'Aceh' });
    expect(PROVINCES.at(-1)).toEqual({ code: '96', name: 'Papua Barat Daya' });
    expect(PROVINCES.find((p) => p.code === '63')?.name).toBe('Kalimantan Selatan');
  });

  it('is frozen', () => {
    expect(Object.isFrozen(PROVINCES)).toBe(true);
  });

  it.each([
    ['11', true],
    ['63', true],
    ['96', true],
    ['00', false],
    ['10', false],
    ['20', false],
    ['54', false],
    ['97', false],
    ['6', false],
    ['063', false],
    ['', false],
    ['63.72', false],
  ] as const)('isProvinceCode(%j) is %s', (code, expected) => {
    expect(isProvinceCode(code)).toBe(expected);
  });
});
