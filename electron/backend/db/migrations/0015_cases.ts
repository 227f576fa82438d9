import { TRACKED_COLUMNS } from './columns';
import type { Migration } from './types';

/** Default service types of a plan: [id, name, English name]. The admin edits the list. */
const SERVICE_TYPES: [string, string, string][] = [
  ['0190b000-0000-7000-8000-000000000001', 'Penampungan (rumah singgah)', 'Shelter'],
  ['0190b000-0000-7000-8000-000000000002', 'Permakanan', 'Food'],
  ['0190b000-0000-7000-8000-000000000003', 'Layanan kesehatan', 'Health care'],
  ['0190b000-0000-7000-8000-000000000004', 'Dukungan psikososial', 'Psychosocial support'],
  ['0190b000-0000-7000-8000-000000000005', 'Reunifikasi keluarga', 'Family reunification'],
  [
    '0190b000-0000-7000-8000-000000000006',
    'Pemulangan ke daerah asal',
    'Repatriation to region of origin',
  ],
  [
    '0190b000-0000-7000-8000-000000000007',
    'Rujukan ke panti / LKS / Sentra Kemensos',
    'Referral to a panti, LKS or Sentra Kemensos',
  ],
  [
    '0190b000-0000-7000-8000-000000000008',
    'Pemulihan dokumen kependudukan (Dukcapil)',
    'Document recovery with Dukcapil',
  ],
  [
    '0190b000-0000-7000-8000-000000000009',
    'Pendaftaran bantuan sosial (DTKS/DTSEN)',
    'Social assistance registration (DTKS/DTSEN)',
  ],
  ['0190b000-0000-7000-8000-000000000010', 'Bantuan hukum', 'Legal aid'],
  ['0190b000-0000-7000-8000-000000000011', 'Pendidikan', 'Education'],
  ['0190b000-0000-7000-8000-000000000012', 'Lainnya', 'Other'],
];

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
const serviceRows = SERVICE_TYPES.map(
  ([id, name, en], i) => `(${q(id)}, ${q(name)}, ${q(en)}, ${(i + 1) * 10}, ${NOW}, ${NOW})`,
).join(',\n  ');

/**
 * PPKS case files: the case (one person, its PPKS categories in case_ppks, the workflow state,
 * assessment, plan, closure and consent), planned services and the service log, referrals (their
 * own table, with the destination region, for exchange packets), notes, attachments and the
 * timeline. `awaiting`, `due_kind` and `due_on` are kept by the application from the other
 * columns so the approvals queue and the due/overdue filters read an index.
 */
export const m0015: Migration = {
  version: 15,
  name: 'cases',
  sql: `
CREATE TABLE case_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  number_pattern TEXT NOT NULL CHECK (length(number_pattern) > 0),
  assessment_days INTEGER NOT NULL CHECK (assessment_days BETWEEN 1 AND 60),
  review_days INTEGER NOT NULL CHECK (review_days BETWEEN 1 AND 365),
  ${TRACKED_COLUMNS}
) STRICT;
INSERT INTO case_settings (id, number_pattern, assessment_days, review_days, created_at, updated_at)
VALUES (1, 'KS/{seq:4}/{year}', 3, 30, ${NOW}, ${NOW});

CREATE TABLE case_service_types (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  name_en TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort_order INTEGER NOT NULL DEFAULT 100,
  ${TRACKED_COLUMNS}
) STRICT;
INSERT INTO case_service_types (id, name, name_en, sort_order, created_at, updated_at) VALUES
  ${serviceRows};

CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  seq INTEGER NOT NULL,
  seq_year INTEGER NOT NULL,
  person_id TEXT NOT NULL REFERENCES persons(id),
  main_ppks TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('complaint', 'shelter_stay', 'walk_in', 'police',
    'hospital', 'call_112', 'other_regency', 'outreach')),
  origin_detail TEXT,
  complaint_id TEXT REFERENCES complaints(id),
  stay_id TEXT REFERENCES stays(id),
  origin_region_code TEXT REFERENCES regions(code),
  location_region_code TEXT REFERENCES regions(code),
  location_address TEXT,
  caseworker_id TEXT NOT NULL REFERENCES users(id),
  supervisor_id TEXT REFERENCES users(id),
  state TEXT NOT NULL CHECK (state IN ('opened', 'assessment', 'plan', 'in_service', 'review',
    'closure_requested', 'closed')),
  opened_at TEXT NOT NULL,
  opened_day TEXT NOT NULL,
  assessment_due TEXT NOT NULL,
  assessment TEXT CHECK (assessment IS NULL OR json_valid(assessment)),
  risk_level TEXT CHECK (risk_level IN ('low', 'medium', 'high')),
  immediate_danger INTEGER NOT NULL DEFAULT 0 CHECK (immediate_danger IN (0, 1)),
  assessment_submitted_at TEXT,
  assessment_approved_at TEXT,
  return_comment TEXT,
  plan_goals TEXT,
  plan_submitted_at TEXT,
  plan_approved_at TEXT,
  review_due TEXT,
  last_review_at TEXT,
  closure_from TEXT,
  closure_reason TEXT CHECK (closure_reason IN ('goals_reached', 'reunified', 'repatriated',
    'referred_on', 'moved_away', 'deceased', 'refused_services', 'lost_contact')),
  closure_summary TEXT,
  closure_requested_at TEXT,
  closed_at TEXT,
  reopen_reason TEXT,
  consent_processing INTEGER CHECK (consent_processing IN (0, 1)),
  consent_sharing INTEGER CHECK (consent_sharing IN (0, 1)),
  consent_by TEXT CHECK (consent_by IN ('person', 'guardian')),
  consent_guardian TEXT,
  consent_method TEXT CHECK (consent_method IN ('signed_form', 'verbal_witness')),
  consent_witness TEXT,
  consent_at TEXT,
  consent_withdrawn_at TEXT,
  awaiting TEXT CHECK (awaiting IN ('assessment', 'plan', 'closure')),
  due_kind TEXT CHECK (due_kind IN ('assessment', 'review')),
  due_on TEXT,
  ${TRACKED_COLUMNS},
  UNIQUE (seq_year, seq),
  CHECK ((state = 'closed') = (closed_at IS NOT NULL)),
  CHECK (state NOT IN ('closure_requested', 'closed') OR closure_reason IS NOT NULL),
  CHECK ((due_kind IS NULL) = (due_on IS NULL))
) STRICT;
CREATE INDEX cases_person ON cases(person_id);
CREATE INDEX cases_state ON cases(state, opened_at);
CREATE INDEX cases_opened ON cases(opened_at);
CREATE INDEX cases_closed ON cases(closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX cases_assessment_approved ON cases(assessment_approved_at)
  WHERE assessment_approved_at IS NOT NULL;
CREATE INDEX cases_caseworker ON cases(caseworker_id, opened_at);
CREATE INDEX cases_supervisor ON cases(supervisor_id, opened_at);
CREATE INDEX cases_main_ppks ON cases(main_ppks, opened_at);
CREATE INDEX cases_location ON cases(location_region_code, opened_at);
CREATE INDEX cases_origin_region ON cases(origin_region_code, opened_at);
CREATE INDEX cases_risk ON cases(risk_level, opened_at);
CREATE INDEX cases_awaiting ON cases(awaiting, updated_at) WHERE awaiting IS NOT NULL;
CREATE INDEX cases_due ON cases(due_on, due_kind) WHERE due_on IS NOT NULL;
CREATE INDEX cases_caseworker_due ON cases(caseworker_id, due_on) WHERE due_on IS NOT NULL;
CREATE INDEX cases_complaint ON cases(complaint_id) WHERE complaint_id IS NOT NULL;
CREATE INDEX cases_stay ON cases(stay_id) WHERE stay_id IS NOT NULL;

-- Every PPKS category of a case, the main one at position 0 (also kept as cases.main_ppks).
CREATE TABLE case_ppks (
  case_id TEXT NOT NULL REFERENCES cases(id),
  ppks TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (case_id, ppks)
) STRICT, WITHOUT ROWID;
CREATE INDEX case_ppks_code ON case_ppks(ppks, case_id);

CREATE TABLE case_plan_services (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  service_type_id TEXT NOT NULL REFERENCES case_service_types(id),
  responsible TEXT NOT NULL CHECK (length(responsible) > 0),
  due_on TEXT,
  note TEXT,
  ${TRACKED_COLUMNS}
) STRICT;
CREATE INDEX case_plan_services_case ON case_plan_services(case_id);

-- Services delivered: append-only.
CREATE TABLE case_services (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  plan_service_id TEXT REFERENCES case_plan_services(id),
  service_type_id TEXT NOT NULL REFERENCES case_service_types(id),
  delivered_on TEXT NOT NULL,
  delivered_by TEXT NOT NULL CHECK (length(delivered_by) > 0),
  outcome TEXT NOT NULL CHECK (length(outcome) > 0),
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id)
) STRICT;
CREATE INDEX case_services_case ON case_services(case_id, delivered_on);

CREATE TABLE case_referrals (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  agency_kind TEXT NOT NULL CHECK (agency_kind IN ('health', 'police', 'panti', 'lks', 'dinas',
    'dinsos_region')),
  agency_name TEXT NOT NULL CHECK (length(agency_name) > 0),
  region_code TEXT REFERENCES regions(code),
  reason TEXT NOT NULL CHECK (length(reason) > 0),
  state TEXT NOT NULL CHECK (state IN ('sent', 'accepted', 'rejected', 'done', 'withdrawn')),
  sent_at TEXT NOT NULL,
  responded_at TEXT,
  ended_at TEXT,
  outcome TEXT CHECK (outcome IN ('successful', 'unsuccessful')),
  failure_reason TEXT CHECK (failure_reason IN ('person_refused', 'person_left', 'no_capacity',
    'not_eligible', 'deceased', 'other')),
  response_note TEXT,
  ${TRACKED_COLUMNS},
  CHECK (agency_kind <> 'dinsos_region' OR region_code IS NOT NULL),
  CHECK ((state = 'done') = (outcome IS NOT NULL)),
  CHECK (outcome IS NOT 'unsuccessful' OR failure_reason IS NOT NULL)
) STRICT;
CREATE INDEX case_referrals_case ON case_referrals(case_id, sent_at);
CREATE INDEX case_referrals_sent ON case_referrals(sent_at);
CREATE INDEX case_referrals_region ON case_referrals(region_code) WHERE region_code IS NOT NULL;

-- Notes: append-only; a sensitive note is read only by the assigned caseworker and supervisors.
CREATE TABLE case_notes (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL CHECK (kind IN ('visit', 'phone', 'meeting', 'home_visit')),
  at TEXT NOT NULL,
  text TEXT NOT NULL CHECK (length(text) > 0),
  sensitive INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1)),
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id)
) STRICT;
CREATE INDEX case_notes_case ON case_notes(case_id, at);

CREATE TABLE case_attachments (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  file_id TEXT REFERENCES files(id),
  doc_type TEXT NOT NULL CHECK (doc_type IN ('ktp', 'kk', 'police_letter', 'medical_letter',
    'consent_form', 'photo', 'other')),
  name TEXT NOT NULL,
  mime TEXT NOT NULL,
  size INTEGER NOT NULL,
  note TEXT,
  removed_at TEXT,
  removed_reason TEXT,
  ${TRACKED_COLUMNS},
  CHECK ((removed_at IS NULL) = (file_id IS NOT NULL)),
  CHECK (removed_at IS NULL OR removed_reason IS NOT NULL)
) STRICT;
CREATE INDEX case_attachments_case ON case_attachments(case_id);
CREATE INDEX case_attachments_file ON case_attachments(file_id) WHERE file_id IS NOT NULL;

-- The timeline: opening, every step, reassignment, services, referrals, notes, consent, files.
CREATE TABLE case_events (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id),
  at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('created', 'transition', 'assign', 'action', 'edit', 'print')),
  action TEXT,
  from_state TEXT,
  to_state TEXT,
  party TEXT,
  note TEXT,
  user_id TEXT REFERENCES users(id),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX case_events_case ON case_events(case_id, at);
CREATE INDEX case_events_action ON case_events(action, at);
`,
};
