import { describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatDate,
  formatDateFull,
  formatDateLong,
  formatDateTime,
  formatParams,
  formatTime,
  isIsoDateTime,
  todayInZone,
  zoneAbbreviation,
} from '../../shared/format';

// 06:30 UTC is 14:30 in Asia/Makassar (UTC+8), 13:30 WIB, 15:30 WIT.
const AT = '2026-11-27T06:30:00Z';

describe('formatDateTime', () => {
  it('prints Indonesian office time with the zone abbreviation', () => {
    expect(formatDateTime(AT, { locale: 'id', timeZone: 'Asia/Makassar' })).toBe(
      '27 Nov 2026 14.30 WITA',
    );
  });
  it('prints English with a colon', () => {
    expect(formatDateTime(AT, { locale: 'en', timeZone: 'Asia/Makassar' })).toBe(
      '27 Nov 2026 14:30 WITA',
    );
  });
  it('defaults to Asia/Makassar', () => {
    expect(formatDateTime(AT, { locale: 'id' })).toBe('27 Nov 2026 14.30 WITA');
  });
  it('uses WIB and WIT for the other Indonesian zones', () => {
    expect(formatDateTime(AT, { locale: 'id', timeZone: 'Asia/Jakarta' })).toBe(
      '27 Nov 2026 13.30 WIB',
    );
    expect(formatDateTime(AT, { locale: 'id', timeZone: 'Asia/Jayapura' })).toBe(
      '27 Nov 2026 15.30 WIT',
    );
  });
  it('crosses the date line into the next day in the office zone', () => {
    expect(
      formatDateTime('2026-08-16T17:05:00Z', { locale: 'id', timeZone: 'Asia/Makassar' }),
    ).toBe('17 Agu 2026 01.05 WITA');
  });
  it('uses Indonesian month abbreviations', () => {
    expect(formatDate('2026-05-01T04:00:00Z', { locale: 'id' })).toBe('1 Mei 2026');
    expect(formatDate('2026-12-01T04:00:00Z', { locale: 'id' })).toBe('1 Des 2026');
  });
  it('accepts offsets and Date objects, and returns empty text for garbage', () => {
    expect(formatDateTime('2026-11-27T14:30:00+08:00', { locale: 'id' })).toBe(
      '27 Nov 2026 14.30 WITA',
    );
    expect(formatDateTime(new Date(AT), { locale: 'id' })).toBe('27 Nov 2026 14.30 WITA');
    expect(formatDateTime('not a date', { locale: 'id' })).toBe('');
  });
  it('falls back to the office default for an unknown zone', () => {
    expect(formatDateTime(AT, { locale: 'id', timeZone: 'Mars/Olympus' })).toBe(
      '27 Nov 2026 14.30 WITA',
    );
  });
});

describe('other formats', () => {
  it('formats the time alone', () => {
    expect(formatTime(AT, { locale: 'id' })).toBe('14.30 WITA');
    expect(formatTime(AT, { locale: 'en' })).toBe('14:30 WITA');
  });
  it('formats the long date with the weekday', () => {
    expect(formatDateLong(AT, { locale: 'id' })).toBe('Jumat, 27 November 2026');
    expect(formatDateLong(AT, { locale: 'en' })).toBe('Friday, 27 November 2026');
  });
  it('writes dates in full as letters date themselves', () => {
    // 23:30 UTC on the 29th is already the 30th in Banjarbaru (WITA, UTC+8).
    expect(formatDateFull('2026-11-29T23:30:00Z', { locale: 'id' })).toBe('30 November 2026');
    expect(formatDateFull('2026-08-17', { locale: 'id' })).toBe('17 Agustus 2026');
    expect(formatDateFull('2026-08-17', { locale: 'en' })).toBe('17 August 2026');
    expect(formatDateFull('2026-02-30', { locale: 'id' })).toBe('');
    expect(formatDateFull('2026-13-45', { locale: 'id' })).toBe('');
  });
  it('formats calendar dates without any zone shift', () => {
    expect(formatCalendarDate('2026-01-01', 'id')).toBe('1 Jan 2026');
    expect(formatCalendarDate('2026-08-17', 'id')).toBe('17 Agu 2026');
    expect(formatCalendarDate('2026-02-30', 'id')).toBe('');
    expect(formatCalendarDate('17/08/2026', 'id')).toBe('');
  });
  it("gives today's date in the office zone", () => {
    // 23:30 UTC on the 26th is already the 27th in Makassar.
    expect(todayInZone('Asia/Makassar', new Date('2026-11-26T23:30:00Z'))).toBe('2026-11-27');
    expect(todayInZone('Asia/Jakarta', new Date('2026-11-26T16:30:00Z'))).toBe('2026-11-26');
  });
  it('names the zones', () => {
    expect(zoneAbbreviation('Asia/Makassar')).toBe('WITA');
    expect(zoneAbbreviation('Asia/Pontianak')).toBe('WIB');
    expect(zoneAbbreviation('UTC', 'en')).toMatch(/UTC|GMT/);
  });
  it('recognises ISO date-times', () => {
    expect(isIsoDateTime(AT)).toBe(true);
    expect(isIsoDateTime('2026-11-27T06:30:00.123+08:00')).toBe(true);
    expect(isIsoDateTime('2026-11-27')).toBe(false);
    expect(isIsoDateTime(42)).toBe(false);
  });
  it('formats ISO params of messages and leaves the rest', () => {
    expect(formatParams({ until: AT, count: 3, name: 'x' }, { locale: 'id' })).toEqual({
      until: '27 Nov 2026 14.30 WITA',
      count: 3,
      name: 'x',
    });
    expect(formatParams(undefined, { locale: 'id' })).toBeUndefined();
    // A calendar date (a holiday already recorded on that day) reads as a date, not as ISO.
    expect(formatParams({ date: '2027-08-17' }, { locale: 'id' })).toEqual({
      date: '17 Agu 2027',
    });
  });
  it('re-renders a pre-formatted clock time from its ISO twin in the reader language', () => {
    const params = { until: '14.30 WITA', untilIso: AT };
    expect(formatParams(params, { locale: 'en' })?.until).toBe('14:30 WITA');
    expect(formatParams(params, { locale: 'id' })?.until).toBe('14.30 WITA');
  });
});
