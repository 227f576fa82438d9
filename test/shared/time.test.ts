import { describe, expect, it } from 'vitest';
import {
  calendarDaysBetween,
  dayInZone,
  endOfDayUtc,
  isoToZonedTime,
  monthRange,
  startOfDayUtc,
  yearInZone,
  zoneOffsetMinutes,
} from '../../shared/time';

describe('office time zone helpers', () => {
  it('knows the zone offsets of Indonesia', () => {
    const at = new Date('2026-11-27T00:00:00Z');
    expect(zoneOffsetMinutes('Asia/Jakarta', at)).toBe(420);
    expect(zoneOffsetMinutes('Asia/Makassar', at)).toBe(480);
    expect(zoneOffsetMinutes('Asia/Jayapura', at.getTime())).toBe(540);
  });

  it('puts an office day between its first and last instant in UTC', () => {
    expect(startOfDayUtc('2026-11-27', 'Asia/Makassar')).toBe('2026-11-26T16:00:00.000Z');
    expect(endOfDayUtc('2026-11-27', 'Asia/Makassar')).toBe('2026-11-27T16:00:00.000Z');
    // The last day of a year ends where the next year begins.
    expect(endOfDayUtc('2026-12-31', 'Asia/Jakarta')).toBe('2026-12-31T17:00:00.000Z');
    expect(dayInZone(startOfDayUtc('2026-11-27', 'Asia/Makassar'), 'Asia/Makassar')).toBe(
      '2026-11-27',
    );
  });

  it('counts calendar days and years in the office zone, not in UTC', () => {
    // 23:30 WITA on 31 Dec is still 2026 there; 00:30 WITA on 1 Jan is 2027.
    expect(yearInZone('2026-12-31T15:30:00Z', 'Asia/Makassar')).toBe(2026);
    expect(yearInZone('2026-12-31T16:30:00Z', 'Asia/Makassar')).toBe(2027);
    // In at 23:00 WITA, out at 01:00 WITA: one day later, though two hours apart.
    expect(
      calendarDaysBetween('2026-11-27T15:00:00Z', '2026-11-27T17:00:00Z', 'Asia/Makassar'),
    ).toBe(1);
    expect(
      calendarDaysBetween('2026-11-27T15:00:00Z', '2026-11-27T15:59:00Z', 'Asia/Makassar'),
    ).toBe(0);
    expect(isoToZonedTime('not a time', 'Asia/Makassar')).toBe('');
  });

  it('gives a month as its first and last day', () => {
    expect(monthRange('2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});
