import { TRACKED_COLUMNS } from './columns';
import type { Migration } from './types';

/**
 * Data from the kelurahan to the city (issue 15): the kelurahan operator role tied to one
 * kelurahan; findings (laporan temuan PPKS) with their triage timeline; counts-only additions to
 * the PPKS rekap; DTSEN lists with their rows, matches and the remembered column mapping.
 */
export const m0024: Migration = {
  version: 24,
  name: 'kelurahan',
  sql: `
INSERT INTO roles (id) VALUES ('kelurahan_operator');
ALTER TABLE users ADD COLUMN kelurahan_code TEXT REFERENCES regions(code);

CREATE TABLE findings (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL DEFAULT 'direct' CHECK (source IN ('direct', 'packet')),
  kelurahan_code TEXT NOT NULL REFERENCES regions(code),
  place TEXT NOT NULL CHECK (length(place) > 0),
  found_at TEXT NOT NULL,
  received_at TEXT NOT NULL,
  received_day TEXT NOT NULL,
  ppks TEXT NOT NULL CHECK (json_valid(ppks) AND json_array_length(ppks) > 0),
  condition TEXT NOT NULL CHECK (length(condition) > 0),
  urgency TEXT NOT NULL CHECK (urgency IN ('emergency', 'high', 'normal')),
  action_taken TEXT,
  reporter_role TEXT NOT NULL CHECK (reporter_role IN ('kelurahan_staff', 'tksk', 'psm', 'rt_rw', 'police', 'community')),
  reporter_name TEXT NOT NULL CHECK (length(reporter_name) > 0),
  reporter_contact TEXT,
  person_id TEXT REFERENCES persons(id),
  subject_name TEXT,
  subject_nik TEXT CHECK (subject_nik IS NULL OR subject_nik GLOB '[0-9]*' AND length(subject_nik) = 16),
  subject_sex TEXT CHECK (subject_sex IN ('M', 'F')),
  subject_birth_date TEXT,
  subject_age INTEGER CHECK (subject_age BETWEEN 0 AND 130),
  subject_description TEXT,
  status TEXT NOT NULL CHECK (status IN ('received', 'triaged', 'acted_on', 'closed')),
  triage_due TEXT NOT NULL,
  act_due TEXT NOT NULL,
  triaged_at TEXT,
  acted_at TEXT,
  triage_note TEXT,
  outcome TEXT CHECK (outcome IN ('shelter_checkin', 'complaint_linked', 'referred', 'no_action')),
  stay_id TEXT REFERENCES stays(id),
  complaint_id TEXT REFERENCES complaints(id),
  referred_to TEXT,
  close_reason TEXT,
  ${TRACKED_COLUMNS},
  CHECK (triage_due <= act_due),
  CHECK ((status IN ('acted_on', 'closed')) = (outcome IS NOT NULL)),
  CHECK (outcome IS NOT 'shelter_checkin' OR stay_id IS NOT NULL),
  CHECK (outcome IS NOT 'complaint_linked' OR complaint_id IS NOT NULL),
  CHECK (outcome IS NOT 'referred' OR referred_to IS NOT NULL),
  CHECK (outcome IS NOT 'no_action' OR close_reason IS NOT NULL)
) STRICT;
CREATE INDEX findings_queue ON findings(status, triage_due);
CREATE INDEX findings_kelurahan ON findings(kelurahan_code, found_at);
CREATE INDEX findings_found ON findings(found_at);
CREATE INDEX findings_person ON findings(person_id);

CREATE TABLE finding_events (
  id TEXT PRIMARY KEY,
  finding_id TEXT NOT NULL REFERENCES findings(id),
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  action TEXT,
  from_status TEXT,
  to_status TEXT,
  party TEXT,
  note TEXT,
  user_id TEXT REFERENCES users(id),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX finding_events_finding ON finding_events(finding_id, at);

-- People the kelurahan knows of but who are not in the registry: counts only, per month.
CREATE TABLE ppks_count_additions (
  id TEXT PRIMARY KEY,
  kelurahan_code TEXT NOT NULL REFERENCES regions(code),
  month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  ppks TEXT NOT NULL,
  count INTEGER NOT NULL CHECK (count BETWEEN 0 AND 100000),
  note TEXT,
  ${TRACKED_COLUMNS},
  UNIQUE (kelurahan_code, month, ppks)
) STRICT;

CREATE TABLE dtsen_lists (
  id TEXT PRIMARY KEY,
  list_date TEXT NOT NULL CHECK (list_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  source TEXT NOT NULL CHECK (length(source) > 0),
  file_name TEXT,
  file_id TEXT NOT NULL REFERENCES files(id),
  rows_total INTEGER NOT NULL,
  rows_refused INTEGER NOT NULL,
  ${TRACKED_COLUMNS}
) STRICT;
CREATE INDEX dtsen_lists_date ON dtsen_lists(list_date);

-- One row per imported line; refused lines are kept with the reason and no data beyond it.
CREATE TABLE dtsen_rows (
  id TEXT PRIMARY KEY,
  list_id TEXT NOT NULL REFERENCES dtsen_lists(id),
  line INTEGER NOT NULL,
  nik TEXT,
  name TEXT,
  birth_date TEXT,
  address TEXT,
  kelurahan TEXT,
  desil INTEGER CHECK (desil BETWEEN 1 AND 10),
  programs TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(programs)),
  match TEXT CHECK (match IN ('nik', 'matcher', 'review', 'confirmed', 'rejected', 'unmatched')),
  person_id TEXT REFERENCES persons(id),
  candidates TEXT CHECK (candidates IS NULL OR json_valid(candidates)),
  refused TEXT,
  decided_by TEXT REFERENCES users(id),
  decided_at TEXT,
  CHECK ((refused IS NULL) = (match IS NOT NULL)),
  UNIQUE (list_id, line)
) STRICT;
CREATE INDEX dtsen_rows_person ON dtsen_rows(person_id, list_id) WHERE person_id IS NOT NULL;
CREATE INDEX dtsen_rows_match ON dtsen_rows(list_id, match);

-- The column mapping the user chose, by the list's header, so the next list maps itself.
CREATE TABLE dtsen_mappings (
  id TEXT PRIMARY KEY,
  header_key TEXT NOT NULL UNIQUE,
  mapping TEXT NOT NULL CHECK (json_valid(mapping)),
  ${TRACKED_COLUMNS}
) STRICT;
`,
};
