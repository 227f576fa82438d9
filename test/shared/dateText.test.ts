import { describe, expect, it } from 'vitest';
import {
  formatDateText,
  formatDateTimeText,
  inDateRange,
  parseDateText,
  parseDateTimeText,
} from '../../shared/dateText';

describe('typed dates', () => {
  it('reads DD/MM/YYYY and its common variants as YYYY-MM-DD', () => {
    expect(parseDateText('15/03/2026')).toBe('2026-03-15');
    expect(parseDateText(' 5/3/2026 ')).toBe('2026-03-05');
    expect(parseDateText('05-03-2026')).toBe('2026-03-05');
    expect(parseDateText('05.03.2026')).toBe('2026-03-05');
    expect(parseDateText('05032026')).toBe('2026-03-05');
    expect(parseDateText('2026-03-05')).toBe('2026-03-05');
  });

  it('refuses days that do not exist and half-typed years', () => {
    expect(parseDateText('31/02/2026')).toBeNull();
    expect(parseDateText('29/02/2025')).toBeNull();
    expect(parseDateText('29/02/2024')).toBe('2024-02-29');
    expect(parseDateText('12/03/20')).toBeNull();
    expect(parseDateText('03/13/2026')).toBeNull();
    expect(parseDateText('')).toBeNull();
    expect(parseDateText('kemarin')).toBeNull();
  });

  it('reads a date with a 24-hour time', () => {
    expect(parseDateTimeText('15/03/2026 14:30')).toBe('2026-03-15T14:30');
    expect(parseDateTimeText('15/03/2026 7.05')).toBe('2026-03-15T07:05');
    expect(parseDateTimeText('2026-03-15T14:30')).toBe('2026-03-15T14:30');
    expect(parseDateTimeText('15/03/2026 24:00')).toBeNull();
    expect(parseDateTimeText('15/03/2026')).toBeNull();
  });

  it('shows stored values the Indonesian way and round-trips', () => {
    expect(formatDateText('2026-03-05')).toBe('05/03/2026');
    expect(formatDateTimeText('2026-03-05T08:15')).toBe('05/03/2026 08:15');
    expect(formatDateText('')).toBe('');
    expect(parseDateText(formatDateText('1999-12-31'))).toBe('1999-12-31');
  });

  it('checks ranges', () => {
    expect(inDateRange('2026-03-05', '2026-03-01', '2026-03-31')).toBe(true);
    expect(inDateRange('2026-04-01', null, '2026-03-31')).toBe(false);
    expect(inDateRange('2026-01-01')).toBe(true);
  });
});
