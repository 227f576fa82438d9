/**
 * Register listings: the lists a clerk used to copy into a spreadsheet, one row per record.
 * Persons registered in the period (optionally of one sex or identity status), stays that
 * overlap it, complaints received in it. Complaints carry no reporter details (some are
 * confidential); persons and stays carry names and NIK, hence their own permission.
 */
import { sql, type Kysely } from 'kysely';
import { translate, type MessageKey } from '../../../shared/i18n';
import type { RegisterId } from '../../../shared/reference/reports';
import type {
  ComplaintChannel,
  ComplaintKind,
  ComplaintStatus,
} from '../../../shared/reference/complaints';
import type { IdentityStatus, Sex } from '../../../shared/reference/persons';
import type { ExitType, ReferralSource } from '../../../shared/reference/shelter';
import { endOfDayUtc, startOfDayUtc } from '../../../shared/time';
import type { DB } from '../db/schema';
import { regionRefs } from '../regions/refs';
import { overlapping } from './shelter';
import type { Cell, ColumnKind, SheetSpec } from './xlsx';

/** Beyond this a listing is refused: ask for a shorter period (Excel's limit is 1,048,576). */
export const MAX_REGISTER_ROWS = 500_000;

export interface RegisterQuery {
  from: string;
  to: string;
  timeZone: string;
  sex?: Sex;
  identityStatus?: IdentityStatus;
  /** For the benchmark: the first rows only. */
  limit?: number;
}

type Col = [MessageKey, ColumnKind, number];
const t = (key: MessageKey) => translate('id', key);
const label = (prefix: string, value: string | null) =>
  value === null ? null : t(`${prefix}.${value}` as MessageKey);

function columns(cols: Col[]): SheetSpec['columns'] {
  return cols.map(([key, kind, width]) => ({ header: t(key), kind, width }));
}

async function names(db: Kysely<DB>, codes: (string | null)[]) {
  const refs = await regionRefs(db, codes);
  return (code: string | null) => (code ? (refs.get(code)?.name ?? code) : null);
}

async function persons(db: Kysely<DB>, q: RegisterQuery, start: string, end: string) {
  const rows = (
    await sql<{
      full_name: string;
      nik: string | null;
      kk: string | null;
      sex: Sex | null;
      birth_place: string | null;
      birth_date: string | null;
      address: string | null;
      village_code: string | null;
      origin_code: string | null;
      identity_status: IdentityStatus;
      created_at: string;
    }>`
      SELECT full_name, nik, kk, sex, birth_place, birth_date, address, village_code, origin_code,
        identity_status, created_at
      FROM persons
      WHERE merged_into IS NULL AND created_at >= ${start} AND created_at < ${end}
        ${q.sex ? sql`AND sex = ${q.sex}` : sql``}
        ${q.identityStatus ? sql`AND identity_status = ${q.identityStatus}` : sql``}
      ORDER BY created_at LIMIT ${q.limit ?? MAX_REGISTER_ROWS + 1}`.execute(db)
  ).rows;
  const region = await names(
    db,
    rows.flatMap((r) => [r.village_code, r.origin_code]),
  );
  return {
    title: 'reports.register.persons' as const,
    columns: columns([
      ['person.fullName', 'text', 28],
      ['person.nik', 'text', 19],
      ['person.kk', 'text', 19],
      ['person.sex', 'text', 12],
      ['person.birthPlace', 'text', 16],
      ['person.birthDate', 'date', 12],
      ['person.address', 'text', 30],
      ['person.village', 'text', 18],
      ['person.origin', 'text', 20],
      ['reports.col.identity', 'text', 18],
      ['reports.col.registered', 'datetime', 16],
    ]),
    rows: rows.map((r): Cell[] => [
      r.full_name,
      r.nik,
      r.kk,
      label('person.sex', r.sex),
      r.birth_place,
      r.birth_date,
      r.address,
      region(r.village_code),
      region(r.origin_code),
      label('person.identity', r.identity_status),
      r.created_at,
    ]),
  };
}

async function stays(db: Kysely<DB>, q: RegisterQuery, start: string, end: string) {
  const rows = (
    await sql<{
      full_name: string;
      nik: string | null;
      shelter: string;
      bed: string;
      checkin_at: string;
      checkout_at: string | null;
      referral_source: ReferralSource;
      exit_type: ExitType | null;
      destination_code: string | null;
      origin_regency: string | null;
      ppks: string | null;
    }>`
      SELECT p.full_name, p.nik, sh.name AS shelter, b.label AS bed, s.checkin_at, s.checkout_at,
        s.referral_source, s.exit_type, s.destination_code, s.origin_regency,
        (SELECT group_concat(ppks, ', ') FROM stay_ppks WHERE stay_id = s.id) AS ppks
      FROM stays s JOIN persons p ON p.id = s.person_id
        JOIN shelters sh ON sh.id = s.shelter_id JOIN shelter_beds b ON b.id = s.bed_id
      WHERE ${overlapping(start, end)}
      ORDER BY s.checkin_at LIMIT ${q.limit ?? MAX_REGISTER_ROWS + 1}`.execute(db)
  ).rows;
  const region = await names(
    db,
    rows.flatMap((r) => [r.destination_code, r.origin_regency]),
  );
  return {
    title: 'reports.register.stays' as const,
    columns: columns([
      ['person.fullName', 'text', 28],
      ['person.nik', 'text', 19],
      ['reports.col.shelter', 'text', 20],
      ['shelter.bed', 'text', 10],
      ['reports.col.checkin', 'datetime', 16],
      ['reports.col.checkout', 'datetime', 16],
      ['reports.col.referral', 'text', 18],
      ['reports.col.exitType', 'text', 20],
      ['reports.col.destination', 'text', 20],
      ['person.origin', 'text', 20],
      ['reports.col.ppks', 'text', 18],
    ]),
    rows: rows.map((r): Cell[] => [
      r.full_name,
      r.nik,
      r.shelter,
      r.bed,
      r.checkin_at,
      r.checkout_at,
      label('referral', r.referral_source),
      label('exit', r.exit_type),
      region(r.destination_code),
      region(r.origin_regency),
      r.ppks,
    ]),
  };
}

async function complaints(db: Kysely<DB>, q: RegisterQuery) {
  const rows = (
    await sql<{
      number: string;
      received_at: string;
      kind: ComplaintKind;
      channel: ComplaintChannel;
      category: string;
      subject: string;
      status: ComplaintStatus;
      officer: string | null;
      complete_due: string;
      closed_at: string | null;
    }>`
      SELECT c.number, c.received_at, c.kind, c.channel, cat.name AS category, c.subject, c.status,
        u.full_name AS officer, c.complete_due, c.closed_at
      FROM complaints c JOIN complaint_categories cat ON cat.id = c.category_id
        LEFT JOIN users u ON u.id = c.assigned_to
      WHERE c.received_day >= ${q.from} AND c.received_day <= ${q.to}
      ORDER BY c.received_at LIMIT ${q.limit ?? MAX_REGISTER_ROWS + 1}`.execute(db)
  ).rows;
  return {
    title: 'reports.register.complaints' as const,
    columns: columns([
      ['complaint.number', 'text', 22],
      ['reports.col.received', 'datetime', 16],
      ['complaint.kind', 'text', 14],
      ['complaint.channel', 'text', 18],
      ['complaint.category', 'text', 22],
      ['complaint.subject', 'text', 36],
      ['complaint.status', 'text', 16],
      ['complaint.assignee', 'text', 22],
      ['reports.col.completeDue', 'date', 12],
      ['reports.col.closed', 'datetime', 16],
    ]),
    rows: rows.map((r): Cell[] => [
      r.number,
      r.received_at,
      label('complaint.kind', r.kind),
      label('complaint.channel', r.channel),
      r.category,
      r.subject,
      label('complaint.status', r.status),
      r.officer,
      r.complete_due,
      r.closed_at,
    ]),
  };
}

/**
 * The outgoing-letters register (agenda surat keluar): every number given in the period, in the
 * order given, voided ones too (a voided number stays in the register and is never reused).
 */
async function letters(db: Kysely<DB>, q: RegisterQuery) {
  const rows = (
    await sql<{
      number: string;
      letter_date: string;
      title: string;
      subject: string;
      addressee: string | null;
      status: 'issued' | 'voided';
      issuer: string | null;
      void_reason: string | null;
    }>`
      SELECT l.number, l.letter_date, l.title, l.subject, l.addressee, l.status,
        u.full_name AS issuer, l.void_reason
      FROM letters l LEFT JOIN users u ON u.id = l.issued_by
      WHERE l.number IS NOT NULL AND l.letter_date >= ${q.from} AND l.letter_date <= ${q.to}
      ORDER BY l.issued_at, l.number LIMIT ${q.limit ?? MAX_REGISTER_ROWS + 1}`.execute(db)
  ).rows;
  return {
    title: 'reports.register.letters' as const,
    columns: columns([
      ['letter.number', 'text', 28],
      ['letter.date', 'date', 12],
      ['letter.template', 'text', 30],
      ['letter.subject', 'text', 40],
      ['letter.addressee', 'text', 30],
      ['letter.status', 'text', 14],
      ['letter.issuedBy', 'text', 22],
      ['letter.voidReason', 'text', 30],
    ]),
    rows: rows.map((r): Cell[] => [
      r.number,
      r.letter_date,
      r.title,
      r.subject,
      r.addressee,
      label('letter.status', r.status),
      r.issuer,
      r.void_reason,
    ]),
  };
}

/** The listing's title key, columns and rows (at most MAX_REGISTER_ROWS + 1, to detect more). */
export function registerRows(db: Kysely<DB>, register: RegisterId, q: RegisterQuery) {
  const start = startOfDayUtc(q.from, q.timeZone);
  const end = endOfDayUtc(q.to, q.timeZone);
  if (register === 'persons') return persons(db, q, start, end);
  if (register === 'stays') return stays(db, q, start, end);
  if (register === 'letters') return letters(db, q);
  return complaints(db, q);
}
