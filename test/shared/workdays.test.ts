import { describe, expect, it } from 'vitest';
import { dayInZone, isoToZonedTime, zonedTimeToIso } from '../../shared/time';
import {
  addCalendarDays,
  addWorkingDays,
  dueDate,
  isCalendarDate,
  isWeekend,
  isWorkingDay,
  median,
  timeLeft,
  weekday,
  workingDaysBetween,
} from '../../shared/workdays';

const NONE = new Set<string>();
/** The 2026 days off around Idul Fitri and Nyepi, plus New Year on both sides. */
const CAL = new Set([
  '2025-12-25',
  '2026-01-01',
  '2026-03-18',
  '2026-03-19',
  '2026-03-20',
  '2026-03-21',
  '2026-03-22',
  '2026-03-23',
  '2026-03-24',
  '2026-12-24',
  '2026-12-25',
  '2027-01-01',
]);

describe('calendar basics', () => {
  it('knows weekdays and weekends', () => {
    expect(weekday('2026-11-27')).toBe(5); // Friday
    expect(isWeekend('2026-11-28')).toBe(true);
    expect(isWeekend('2026-11-29')).toBe(true);
    expect(isWeekend('2026-11-30')).toBe(false);
    expect(isWorkingDay('2026-11-30', NONE)).toBe(true);
    expect(isWorkingDay('2026-03-19', CAL)).toBe(false); // Nyepi, a Thursday
  });

  it('refuses impossible dates instead of rolling them over', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('26-1-1')).toBe(false);
    expect(() => addWorkingDays('2026-02-30', 1, NONE)).toThrow(RangeError);
    expect(() => workingDaysBetween('2026-04-31', '2026-05-01', NONE)).toThrow(RangeError);
  });

  it('moves by calendar days across months, years and leap days', () => {
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('addWorkingDays / dueDate', () => {
  it('does not count the day of receipt', () => {
    // Monday → Tue, Wed, Thu.
    expect(dueDate('2026-11-23', 3, NONE)).toBe('2026-11-26');
  });

  it('skips the weekend: Friday-evening intake is due Wednesday', () => {
    expect(dueDate('2026-11-27', 3, NONE)).toBe('2026-12-02');
    // Received on Saturday or Sunday: the same as Friday's.
    expect(dueDate('2026-11-28', 3, NONE)).toBe('2026-12-02');
    expect(dueDate('2026-11-29', 3, NONE)).toBe('2026-12-02');
  });

  it('counts whole weeks of working days', () => {
    expect(dueDate('2026-11-23', 5, NONE)).toBe('2026-11-30');
    expect(dueDate('2026-11-23', 14, NONE)).toBe('2026-12-11');
  });

  it('skips holidays and cuti bersama (Nyepi and Idul Fitri 2026)', () => {
    // Tue 17 Mar → Wed 18 (cuti), Thu 19 (Nyepi), Fri 20 (cuti), weekend, Mon 23, Tue 24 (cuti)
    // → Wed 25, Thu 26, Fri 27.
    expect(dueDate('2026-03-17', 3, CAL)).toBe('2026-03-27');
    expect(dueDate('2026-03-17', 3, NONE)).toBe('2026-03-20');
  });

  it('crosses the year end with the next year’s holidays', () => {
    // Wed 23 Dec 2026 → Thu 24 (cuti), Fri 25 (Natal), weekend, Mon 28, Tue 29, Wed 30.
    expect(dueDate('2026-12-23', 3, CAL)).toBe('2026-12-30');
    // Wed 30 Dec → Thu 31, Fri 1 Jan (holiday), weekend, Mon 4, Tue 5.
    expect(dueDate('2026-12-30', 3, CAL)).toBe('2027-01-05');
    expect(dueDate('2026-12-30', 14, CAL)).toBe('2027-01-20');
  });

  it('treats a holiday that falls on a weekend like any weekend day', () => {
    const sundayHoliday = new Set(['2026-05-31']); // Waisak 2026 is a Sunday
    expect(dueDate('2026-05-29', 1, sundayHoliday)).toBe('2026-06-01');
  });

  it('returns the day itself for zero days and refuses negative ones', () => {
    expect(addWorkingDays('2026-11-28', 0, NONE)).toBe('2026-11-28');
    expect(() => addWorkingDays('2026-11-27', -1, NONE)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-27', 1.5, NONE)).toThrow(RangeError);
  });

  it('stops on a calendar without working days instead of looping forever', () => {
    const everyDay = new Set<string>();
    for (let d = '2026-01-01'; d < '2030-01-01'; d = addCalendarDays(d, 1)) everyDay.add(d);
    expect(() => addWorkingDays('2026-01-01', 1, everyDay)).toThrow(/No working days/);
  });
});

describe('workingDaysBetween', () => {
  it('counts the working days after the first day up to and including the second', () => {
    expect(workingDaysBetween('2026-11-27', '2026-11-27', NONE)).toBe(0);
    expect(workingDaysBetween('2026-11-27', '2026-11-30', NONE)).toBe(1); // Fri → Mon
    expect(workingDaysBetween('2026-11-27', '2026-11-29', NONE)).toBe(0); // only the weekend
    expect(workingDaysBetween('2026-11-23', '2026-12-11', NONE)).toBe(14);
  });

  it('is negative going backwards and agrees with addWorkingDays', () => {
    expect(workingDaysBetween('2026-11-30', '2026-11-27', NONE)).toBe(-1);
    for (const start of ['2026-03-13', '2026-03-17', '2026-12-21', '2026-12-31']) {
      for (const n of [1, 3, 5, 14]) {
        expect(workingDaysBetween(start, addWorkingDays(start, n, CAL), CAL)).toBe(n);
      }
    }
  });

  it('skips holidays across the year end', () => {
    expect(workingDaysBetween('2026-12-23', '2027-01-04', CAL)).toBe(5); // 28–31 Dec, 4 Jan
  });
});

describe('timeLeft', () => {
  const due = '2026-12-02'; // Wednesday
  it('counts working days left before the due day', () => {
    expect(timeLeft('2026-11-27', due, NONE)).toEqual({
      overdue: false,
      dueToday: false,
      workingDays: 3,
    });
    expect(timeLeft('2026-11-28', due, NONE).workingDays).toBe(3); // Saturday: Mon, Tue, Wed
    expect(timeLeft('2026-12-01', due, NONE).workingDays).toBe(1);
  });

  it('says "due today" on the due day', () => {
    expect(timeLeft(due, due, NONE)).toEqual({ overdue: false, dueToday: true, workingDays: 0 });
  });

  it('is overdue from the next day, counting working days late', () => {
    expect(timeLeft('2026-12-03', due, NONE)).toEqual({
      overdue: true,
      dueToday: false,
      workingDays: 1,
    });
    expect(timeLeft('2026-12-09', due, NONE).workingDays).toBe(5);
  });

  it('is overdue with zero working days lost when only a weekend has passed', () => {
    expect(timeLeft('2026-12-05', '2026-12-04', NONE)).toEqual({
      overdue: true,
      dueToday: false,
      workingDays: 0,
    });
  });
});

describe('office time zone', () => {
  it('puts an instant on the office’s calendar day', () => {
    // 23:30 UTC on Friday is Saturday 07:30 in WITA (UTC+8) but still Friday in UTC.
    expect(dayInZone('2026-11-27T23:30:00Z', 'Asia/Makassar')).toBe('2026-11-28');
    expect(dayInZone('2026-11-27T15:59:59Z', 'Asia/Makassar')).toBe('2026-11-27');
    expect(dayInZone('2026-11-27T16:00:00Z', 'Asia/Makassar')).toBe('2026-11-28');
    expect(dayInZone('2026-11-27T16:00:00Z', 'Asia/Jakarta')).toBe('2026-11-27');
    expect(dayInZone('2026-11-27T15:00:00Z', 'Asia/Jayapura')).toBe('2026-11-28');
  });

  it('turns office wall-clock time into UTC and back, whatever the computer’s zone', () => {
    expect(zonedTimeToIso('2026-11-27T17:45', 'Asia/Makassar')).toBe('2026-11-27T09:45:00.000Z');
    expect(zonedTimeToIso('2026-01-01T00:00', 'Asia/Jakarta')).toBe('2025-12-31T17:00:00.000Z');
    expect(isoToZonedTime('2026-11-27T09:45:00.000Z', 'Asia/Makassar')).toBe('2026-11-27T17:45');
    expect(zonedTimeToIso('2026-02-30T10:00', 'Asia/Makassar')).toBeNull();
    expect(zonedTimeToIso('2026-11-27T24:00', 'Asia/Makassar')).toBeNull();
    expect(zonedTimeToIso('kemarin', 'Asia/Makassar')).toBeNull();
  });
});

describe('median', () => {
  it('handles odd, even and empty lists', () => {
    expect(median([])).toBeNull();
    expect(median([4])).toBe(4);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });
});
