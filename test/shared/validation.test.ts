/**
 * The one mapping from zod issues to field messages: dispatch answers VALIDATION with it, and the
 * renderer's form layer checks the same contract schemas with it before sending (callChecked), so
 * a field refused in the browser reads exactly as the server would word it.
 */
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { checkInput, placeIssues } from '../../shared/validation';

describe('contract input checks', () => {
  it('words missing, malformed and unknown fields the way the server does', () => {
    const issues = checkInput(contract['calendar.saveHoliday'].input, {
      date: '2026-02-30',
      name: '   ',
      kind: 'birthday',
      extra: 1,
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: ['date'], key: 'validation.date' },
        { path: ['name'], key: 'validation.required' },
        { path: ['kind'], key: 'validation.invalid_option' },
        { path: [], key: 'validation.unknown_fields', params: { fields: 'extra' } },
      ]),
    );
  });

  it('calls a choice left out "required", not "invalid"', () => {
    const issues = checkInput(contract['calendar.saveHoliday'].input, {
      date: '2026-08-17',
      name: 'Hari Kemerdekaan',
    });
    expect(issues).toEqual([{ path: ['kind'], key: 'validation.required' }]);
  });

  it('reports the specific reason inside an optional field (a union with empty)', () => {
    const issues = checkInput(contract['office.update'].input, {
      name: 'Dinas Sosial',
      regionCode: '63.72',
      address: 'Jl. Pangeran Suriansyah',
      timeZone: 'Asia/Makassar',
      maxStayDays: 7,
      headNip: '1970',
      email: 'bukan email',
      version: 1,
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: ['headNip'], key: 'validation.nip' },
        { path: ['email'], key: 'validation.email' },
      ]),
    );
    expect(issues).toHaveLength(2);
  });

  it('keeps nested paths, so a form can take the part under its prefix', () => {
    const issues = checkInput(contract['auth.setup'].input, {
      office: {
        name: '',
        regionCode: '63.72',
        address: 'x',
        timeZone: 'Asia/Makassar',
        maxStayDays: 7,
      },
      admin: { username: 'admin.dinsos', fullName: 'Rahmat', password: '' },
    });
    expect(issues).toEqual([
      { path: ['office', 'name'], key: 'validation.required' },
      { path: ['admin', 'password'], key: 'validation.required' },
    ]);
  });

  it('passes valid input', () => {
    expect(
      checkInput(contract['calendar.saveHoliday'].input, {
        date: '2026-08-17',
        name: 'Hari Kemerdekaan',
        kind: 'national',
      }),
    ).toEqual([]);
  });
});

describe('placing issues on a form', () => {
  const issues = [
    { path: ['admin', 'username'], key: 'validation.required' as const },
    { path: ['admin', 'username'], key: 'validation.too_short' as const, params: { min: 3 } },
    { path: ['admin', 'password'], key: 'validation.too_short' as const, params: { min: 10 } },
    { path: ['office', 'email'], key: 'validation.email' as const },
    { path: ['admin', 'role'], key: 'validation.invalid_option' as const },
  ];

  it('puts the first issue of each field under the prefix on the field, the rest aside', () => {
    const { placed, leftovers } = placeIssues(['username', 'password', 'confirm'], issues, 'admin');
    expect(placed).toEqual({
      username: { key: 'validation.required' },
      password: { key: 'validation.too_short', params: { min: 10 } },
    });
    expect(leftovers).toEqual([issues[3], issues[4]]);
  });

  it('without a prefix, matches the first path segment', () => {
    const { placed, leftovers } = placeIssues(
      ['date', 'name'],
      [
        { path: ['date'], key: 'validation.date' },
        { path: ['id'], key: 'validation.invalid_format' },
      ],
    );
    expect(placed).toEqual({ date: { key: 'validation.date' } });
    expect(leftovers).toEqual([{ path: ['id'], key: 'validation.invalid_format' }]);
  });
});
