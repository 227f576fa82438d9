import type { Migration } from './types';

/**
 * Indonesia's 2026 public holidays (libur nasional) and collective leave (cuti bersama), from
 * the joint decree (SKB 3 Menteri) for 2026 as I know it, plus the fixed-date national holidays
 * of 2027 so that deadlines running into January are right. The admin edits this calendar
 * (Admin → Hari libur); add 2027's moving holidays and cuti bersama once the SKB is out.
 *
 * Less certain (check against the SKB and correct in the app if needed):
 * - Idul Fitri 1447 H: the SKB names 21–22 March (Sat–Sun); Muhammadiyah celebrates on 20 March,
 *   which is cuti bersama anyway, so working days come out the same either way.
 * - Cuti bersama for Idul Adha (28 May) and the date of 1 Muharram 1448 H (16 June) and of
 *   Maulid Nabi (25 August) follow the lunar calendar and may be moved by a later decree.
 */
const HOLIDAYS: [date: string, kind: 'national' | 'cuti_bersama', name: string][] = [
  ['2026-01-01', 'national', 'Tahun Baru 2026 Masehi'],
  ['2026-01-16', 'national', 'Isra Mikraj Nabi Muhammad SAW'],
  ['2026-02-16', 'cuti_bersama', 'Cuti bersama Tahun Baru Imlek'],
  ['2026-02-17', 'national', 'Tahun Baru Imlek 2577 Kongzili'],
  ['2026-03-18', 'cuti_bersama', 'Cuti bersama Hari Suci Nyepi'],
  ['2026-03-19', 'national', 'Hari Suci Nyepi Tahun Baru Saka 1948'],
  ['2026-03-20', 'cuti_bersama', 'Cuti bersama Idul Fitri 1447 H'],
  ['2026-03-21', 'national', 'Hari Raya Idul Fitri 1447 H'],
  ['2026-03-22', 'national', 'Hari Raya Idul Fitri 1447 H'],
  ['2026-03-23', 'cuti_bersama', 'Cuti bersama Idul Fitri 1447 H'],
  ['2026-03-24', 'cuti_bersama', 'Cuti bersama Idul Fitri 1447 H'],
  ['2026-04-03', 'national', 'Wafat Yesus Kristus'],
  ['2026-04-05', 'national', 'Kebangkitan Yesus Kristus (Paskah)'],
  ['2026-05-01', 'national', 'Hari Buruh Internasional'],
  ['2026-05-14', 'national', 'Kenaikan Yesus Kristus'],
  ['2026-05-15', 'cuti_bersama', 'Cuti bersama Kenaikan Yesus Kristus'],
  ['2026-05-27', 'national', 'Hari Raya Idul Adha 1447 H'],
  ['2026-05-28', 'cuti_bersama', 'Cuti bersama Idul Adha 1447 H'],
  ['2026-05-31', 'national', 'Hari Raya Waisak 2570 BE'],
  ['2026-06-01', 'national', 'Hari Lahir Pancasila'],
  ['2026-06-16', 'national', 'Tahun Baru Islam 1448 H'],
  ['2026-08-17', 'national', 'Hari Proklamasi Kemerdekaan RI'],
  ['2026-08-25', 'national', 'Maulid Nabi Muhammad SAW'],
  ['2026-12-24', 'cuti_bersama', 'Cuti bersama Hari Raya Natal'],
  ['2026-12-25', 'national', 'Hari Raya Natal'],
  ['2027-01-01', 'national', 'Tahun Baru 2027 Masehi'],
  ['2027-05-01', 'national', 'Hari Buruh Internasional'],
  ['2027-06-01', 'national', 'Hari Lahir Pancasila'],
  ['2027-08-17', 'national', 'Hari Proklamasi Kemerdekaan RI'],
  ['2027-12-25', 'national', 'Hari Raya Natal'],
];

/** Default categories: [id, name, English name, kind, PPKS hints]. Deadlines: office defaults. */
const CATEGORIES: [string, string, string, 'complaint' | 'data_service' | 'any', string[]][] = [
  [
    '0190a000-0000-7000-8000-000000000001',
    'PPKS ditemukan di jalan',
    'PPKS found on the street',
    'complaint',
    ['PPKS-11', 'PPKS-12'],
  ],
  [
    '0190a000-0000-7000-8000-000000000002',
    'Lansia atau anak terlantar',
    'Neglected elderly person or child',
    'complaint',
    ['PPKS-08', 'PPKS-02'],
  ],
  [
    '0190a000-0000-7000-8000-000000000003',
    'Bantuan sosial tidak tepat sasaran',
    'Social assistance off target',
    'complaint',
    [],
  ],
  ['0190a000-0000-7000-8000-000000000004', 'Permohonan data', 'Data request', 'data_service', []],
  ['0190a000-0000-7000-8000-000000000005', 'Perbaikan data', 'Data correction', 'data_service', []],
  [
    '0190a000-0000-7000-8000-000000000006',
    'Pelayanan oleh petugas',
    'Service by staff',
    'complaint',
    [],
  ],
  ['0190a000-0000-7000-8000-000000000007', 'Lainnya', 'Other', 'any', []],
];

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

const holidayRows = HOLIDAYS.map(
  ([date, kind, name], i) =>
    `(${q(`0190a000-0000-7000-8000-1${String(i + 1).padStart(11, '0')}`)}, ${q(date)}, ${q(name)}, ${q(kind)}, ${NOW}, ${NOW})`,
).join(',\n  ');

const categoryRows = CATEGORIES.map(
  ([id, name, nameEn, kind, ppks], i) =>
    `(${q(id)}, ${q(name)}, ${q(nameEn)}, ${q(kind)}, ${q(JSON.stringify(ppks))}, ${(i + 1) * 10}, ${NOW}, ${NOW})`,
).join(',\n  ');

/**
 * Complaints and data-service requests: the holiday calendar, categories, settings (numbering
 * pattern, default deadlines), yearly counters for gapless numbers, complaints and their
 * timeline. `next_due` (the earliest deadline not yet reached) is kept by the application so
 * lists can filter and sort by deadline from an index.
 */
export const m0006: Migration = {
  version: 6,
  name: 'complaints',
  sql: `
CREATE TABLE holidays (
  id TEXT PRIMARY KEY,
  date TEXT NOT NULL UNIQUE CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  name TEXT NOT NULL CHECK (length(name) > 0),
  kind TEXT NOT NULL CHECK (kind IN ('national', 'cuti_bersama', 'local')),
  created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE complaint_categories (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  name_en TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('complaint', 'data_service', 'any')),
  verify_days INTEGER CHECK (verify_days BETWEEN 1 AND 60),
  answer_days INTEGER CHECK (answer_days BETWEEN 1 AND 60),
  complete_days INTEGER CHECK (complete_days BETWEEN 1 AND 60),
  ppks TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(ppks)),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort_order INTEGER NOT NULL DEFAULT 100,
  created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE complaint_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  number_pattern TEXT NOT NULL,
  kind_code_complaint TEXT NOT NULL,
  kind_code_data_service TEXT NOT NULL CHECK (kind_code_data_service <> kind_code_complaint),
  verify_days INTEGER NOT NULL CHECK (verify_days BETWEEN 1 AND 60),
  answer_days INTEGER NOT NULL CHECK (answer_days BETWEEN 1 AND 60),
  complete_days INTEGER NOT NULL CHECK (complete_days BETWEEN 1 AND 60),
  follow_up_text TEXT NOT NULL,
  created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;

-- One row per kind and year; incremented inside the creating transaction, so numbers are gapless.
CREATE TABLE complaint_counters (
  kind TEXT NOT NULL CHECK (kind IN ('complaint', 'data_service')),
  year INTEGER NOT NULL,
  last INTEGER NOT NULL CHECK (last >= 1),
  PRIMARY KEY (kind, year)
) STRICT, WITHOUT ROWID;

CREATE TABLE complaints (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  seq INTEGER NOT NULL,
  seq_year INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('complaint', 'data_service')),
  service_type TEXT CHECK (service_type IN ('data_request', 'dtks_certificate', 'data_correction', 'data_proposal')),
  category_id TEXT NOT NULL REFERENCES complaint_categories(id),
  channel TEXT NOT NULL CHECK (channel IN ('walk_in', 'phone', 'whatsapp', 'letter', 'email',
    'social_media', 'lapor', 'call_112', 'kelurahan', 'other')),
  channel_ref TEXT,
  received_at TEXT NOT NULL,
  received_day TEXT NOT NULL,
  backdate_reason TEXT,
  reporter_anonymous INTEGER NOT NULL DEFAULT 0 CHECK (reporter_anonymous IN (0, 1)),
  reporter_name TEXT,
  reporter_phone TEXT,
  reporter_address TEXT,
  reporter_relation TEXT,
  reporter_confidential INTEGER NOT NULL DEFAULT 0 CHECK (reporter_confidential IN (0, 1)),
  subject TEXT NOT NULL CHECK (length(subject) > 0),
  person_id TEXT REFERENCES persons(id),
  region_code TEXT REFERENCES regions(code),
  location_address TEXT,
  description TEXT NOT NULL CHECK (length(description) > 0),
  urgency TEXT NOT NULL CHECK (urgency IN ('emergency', 'high', 'normal')),
  ppks TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(ppks)),
  status TEXT NOT NULL CHECK (status IN ('received', 'verified', 'in_follow_up', 'done', 'rejected', 'forwarded')),
  assigned_to TEXT REFERENCES users(id),
  verify_due TEXT NOT NULL,
  answer_due TEXT NOT NULL,
  complete_due TEXT NOT NULL,
  next_due TEXT,
  next_stage TEXT CHECK (next_stage IN ('verify', 'answer', 'complete')),
  verified_at TEXT,
  follow_up_at TEXT,
  first_answer_at TEXT,
  closed_at TEXT,
  final_answer TEXT,
  answer_channel TEXT CHECK (answer_channel IN ('in_person', 'phone', 'whatsapp', 'letter', 'email', 'lapor', 'not_delivered')),
  rejection_reason TEXT,
  forwarded_to TEXT,
  receipt_prints INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (kind, seq_year, seq),
  CHECK (reporter_anonymous = 0 OR reporter_name IS NULL),
  CHECK (kind = 'data_service' OR service_type IS NULL),
  CHECK (verify_due <= answer_due AND answer_due <= complete_due),
  CHECK ((status IN ('done', 'rejected', 'forwarded')) = (closed_at IS NOT NULL)),
  CHECK ((closed_at IS NULL) = (next_due IS NOT NULL)),
  CHECK (status <> 'rejected' OR rejection_reason IS NOT NULL),
  CHECK (status <> 'forwarded' OR forwarded_to IS NOT NULL)
) STRICT;
CREATE INDEX complaints_next_due ON complaints(next_due, received_at) WHERE next_due IS NOT NULL;
CREATE INDEX complaints_assignee_due ON complaints(assigned_to, next_due);
CREATE INDEX complaints_status ON complaints(status, next_due);
CREATE INDEX complaints_received ON complaints(received_at);
CREATE INDEX complaints_received_day ON complaints(received_day);
CREATE INDEX complaints_category ON complaints(category_id, received_at);
CREATE INDEX complaints_channel ON complaints(channel, received_at);
CREATE INDEX complaints_region ON complaints(region_code);
CREATE INDEX complaints_person ON complaints(person_id);

-- The timeline: intake, every status change, assignment, follow-up action, edit and print.
CREATE TABLE complaint_events (
  id TEXT PRIMARY KEY,
  complaint_id TEXT NOT NULL REFERENCES complaints(id),
  at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('created', 'status', 'assign', 'action', 'edit', 'print')),
  from_status TEXT,
  to_status TEXT,
  action_type TEXT CHECK (action_type IN ('call', 'visit', 'coordination', 'letter', 'answer', 'other')),
  agency TEXT,
  note TEXT,
  user_id TEXT REFERENCES users(id),
  created_at TEXT NOT NULL,
  CHECK ((kind = 'action') = (action_type IS NOT NULL))
) STRICT;
CREATE INDEX complaint_events_complaint ON complaint_events(complaint_id, at);

INSERT INTO holidays (id, date, name, kind, created_at, updated_at) VALUES
  ${holidayRows};

INSERT INTO complaint_categories (id, name, name_en, kind, ppks, sort_order, created_at, updated_at) VALUES
  ${categoryRows};

INSERT INTO complaint_settings (id, number_pattern, kind_code_complaint, kind_code_data_service,
  verify_days, answer_days, complete_days, follow_up_text, created_at, updated_at)
VALUES (1, '{kind}/{seq:4}/DINSOS-BJB/{year}', 'ADU', 'PLD', 3, 5, 14,
  'Tanyakan perkembangan dengan menyebut nomor tiket ini: datang ke kantor pada hari kerja, atau hubungi nomor telepon kantor di atas.',
  ${NOW}, ${NOW});
`,
};
