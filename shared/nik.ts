/**
 * NIK (Nomor Induk Kependudukan): 16 digits `PP KK CC DDMMYY SSSS`, see DESIGN.md "Domain facts".
 * PP province, KK kabupaten/kota, CC kecamatan where the NIK was first issued; DDMMYY the birth
 * date with day + 40 for women; SSSS a serial from 0001. There is no checksum.
 *
 * Pure: no I/O, no Node built-ins. A NIK cannot be corrected, so disagreement with what the user
 * entered (birth date, sex) or a region missing from the table is only a warning.
 */
import type { MessageKey } from './i18n';
import { isProvinceCode } from './reference/provinces';

export const NIK_LENGTH = 16;

export interface Issue {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export type Sex = 'M' | 'F';

export interface ParseNikOptions {
  /** "Now" for the century of the birth year; defaults to the current date (local time). */
  today?: Date;
  /** Is this dotted district code (e.g. '63.72.01') in the region table? If false: a warning. */
  isKnownRegion?: (code: string) => boolean;
  /** Birth date entered by the user, YYYY-MM-DD; a difference from the NIK is a warning. */
  birthDate?: string;
  /** Sex entered by the user; a difference from the NIK is a warning. */
  sex?: Sex;
}

export interface NikParseResult {
  /** True when there are no errors (warnings allowed). */
  ok: boolean;
  /** The input without whitespace and dots: the 16 digits when `ok`. */
  nik: string;
  errors: Issue[];
  warnings: Issue[];
  /** '63'; present when the province code exists. */
  provinceCode?: string;
  /** '63.72'; present when the province exists and the regency is not 00. */
  regencyCode?: string;
  /** '63.72.01'; present when the regency code is present and the district is not 00. */
  districtCode?: string;
  /** YYYY-MM-DD with the day − 40 for women and the century inferred; present when valid. */
  birthDate?: string;
  /** Present when the day is possible (01–31 male, 41–71 female). */
  sex?: Sex;
  /** '0001'; present when the serial is not 0000. */
  serial?: string;
}

/** Remove what users type as separators: whitespace (including non-breaking spaces) and dots. */
export function normalizeNik(raw: string): string {
  return raw.replace(/[\s.]/g, '');
}

const DIGITS = /^[0-9]+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The sex word used in the `nik.warn.sex_mismatch` message. */
const SEX_WORD: Record<Sex, string> = { M: 'laki-laki', F: 'perempuan' };

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Compare (year, month, day) tuples; works for dates that are not in the calendar too. */
function compareYmd(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The four-digit birth year. If the user entered a valid birth date that agrees with the NIK
 * (same day, month and two-digit year) and is not in the future, its century is used, so people
 * aged 100 or more do not get a spurious mismatch. Otherwise 20YY when that date is not after
 * `today`, else 19YY.
 */
function birthYear(yy: number, month: number, day: number, today: Date, entered?: string): number {
  const now = [today.getFullYear(), today.getMonth() + 1, today.getDate()];
  const m = entered ? ISO_DATE.exec(entered.trim()) : null;
  if (m) {
    const [ey, em, ed] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (
      ey % 100 === yy &&
      em === month &&
      ed === day &&
      ey >= 1900 &&
      isCalendarDate(ey, em, ed) &&
      compareYmd([ey, em, ed], now) <= 0
    ) {
      return ey;
    }
  }
  return compareYmd([2000 + yy, month, day], now) <= 0 ? 2000 + yy : 1900 + yy;
}

/**
 * Check a NIK as typed. Whitespace and dots are ignored; any other non-digit is an error. Every
 * error that can be determined is reported (a field containing non-digits is skipped; the date is
 * only checked against the calendar when day and month are possible). Region codes are returned
 * in dotted Kemendagri form.
 */
export function parseNik(raw: string, opts: ParseNikOptions = {}): NikParseResult {
  const nik = normalizeNik(raw);
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const result: NikParseResult = { ok: false, nik, errors, warnings };

  if (/[^0-9]/.test(nik)) errors.push({ key: 'nik.digits' });
  const length = Array.from(nik).length;
  if (length !== NIK_LENGTH) {
    // Without 16 characters the positions of the fields are unknown.
    errors.push({ key: 'nik.length', params: { length } });
    return result;
  }

  const field = (start: number, end: number): string | null => {
    const s = nik.slice(start, end);
    return DIGITS.test(s) ? s : null;
  };
  const pp = field(0, 2);
  const kk = field(2, 4);
  const cc = field(4, 6);
  const dd = field(6, 8);
  const mm = field(8, 10);
  const yy = field(10, 12);
  const ssss = field(12, 16);

  // Region: PP.KK.CC
  const provinceOk = pp !== null && isProvinceCode(pp);
  if (pp !== null && !provinceOk) errors.push({ key: 'nik.province', params: { code: pp } });
  if (kk === '00') errors.push({ key: 'nik.regency' });
  if (cc === '00') errors.push({ key: 'nik.district' });
  if (provinceOk) {
    result.provinceCode = pp;
    if (kk !== null && kk !== '00') {
      result.regencyCode = `${pp}.${kk}`;
      if (cc !== null && cc !== '00') result.districtCode = `${pp}.${kk}.${cc}`;
    }
  }

  // Birth date and sex: DDMMYY, day + 40 for women.
  let day: number | null = null;
  if (dd !== null) {
    const d = Number(dd);
    if (d >= 1 && d <= 31) {
      day = d;
      result.sex = 'M';
    } else if (d >= 41 && d <= 71) {
      day = d - 40;
      result.sex = 'F';
    } else {
      errors.push({ key: 'nik.day', params: { day: dd } });
    }
  }
  let month: number | null = null;
  if (mm !== null) {
    const m = Number(mm);
    if (m >= 1 && m <= 12) month = m;
    else errors.push({ key: 'nik.month', params: { month: mm } });
  }
  if (day !== null && month !== null && yy !== null) {
    const year = birthYear(Number(yy), month, day, opts.today ?? new Date(), opts.birthDate);
    const date = isoDate(year, month, day);
    if (isCalendarDate(year, month, day)) result.birthDate = date;
    else errors.push({ key: 'nik.date', params: { date } });
  }

  // Serial: SSSS from 0001.
  if (ssss === '0000') errors.push({ key: 'nik.serial' });
  else if (ssss !== null) result.serial = ssss;

  // Warnings: only about what could be read from the NIK.
  if (result.districtCode !== undefined && opts.isKnownRegion) {
    if (!opts.isKnownRegion(result.districtCode)) {
      warnings.push({ key: 'nik.warn.region_unknown', params: { code: result.districtCode } });
    }
  }
  const entered = opts.birthDate?.trim();
  if (result.birthDate !== undefined && entered && entered !== result.birthDate) {
    warnings.push({
      key: 'nik.warn.birth_mismatch',
      params: { nikDate: result.birthDate, entered },
    });
  }
  if (result.sex !== undefined && opts.sex !== undefined && opts.sex !== result.sex) {
    warnings.push({ key: 'nik.warn.sex_mismatch', params: { nikSex: SEX_WORD[result.sex] } });
  }

  result.ok = errors.length === 0;
  return result;
}

/**
 * Group a NIK for display: 'PPKKCC DDMMYY SSSS' ('637201 520190 0003'). Whitespace and dots are
 * removed first; anything that is not then 16 digits is returned as typed (trimmed).
 */
export function formatNik(nik: string): string {
  const digits = normalizeNik(nik);
  if (digits.length !== NIK_LENGTH || !DIGITS.test(digits)) return nik.trim();
  return `${digits.slice(0, 6)} ${digits.slice(6, 12)} ${digits.slice(12)}`;
}
