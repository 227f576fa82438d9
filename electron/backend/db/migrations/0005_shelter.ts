import type { Migration } from './types';

/**
 * Shelters, rooms, beds and stays. Composite foreign keys keep a bed inside its room's shelter
 * and a stay on a bed of its own shelter; partial unique indexes refuse a second active stay on
 * one bed or for one person, whatever the application does.
 */
export const m0005: Migration = {
  version: 5,
  name: 'shelter',
  sql: `
CREATE TABLE shelters (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  address TEXT,
  capacity INTEGER NOT NULL CHECK (capacity >= 0),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE shelter_rooms (
  id TEXT PRIMARY KEY,
  shelter_id TEXT NOT NULL REFERENCES shelters(id),
  name TEXT NOT NULL CHECK (length(name) > 0),
  created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (shelter_id, name),
  UNIQUE (id, shelter_id)
) STRICT;

CREATE TABLE shelter_beds (
  id TEXT PRIMARY KEY,
  room_id TEXT NOT NULL,
  shelter_id TEXT NOT NULL,
  label TEXT NOT NULL CHECK (length(label) > 0),
  section TEXT NOT NULL CHECK (section IN ('men', 'women', 'children', 'family')),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  FOREIGN KEY (room_id, shelter_id) REFERENCES shelter_rooms(id, shelter_id),
  UNIQUE (room_id, label),
  UNIQUE (id, shelter_id)
) STRICT;

CREATE TABLE stays (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES persons(id),
  shelter_id TEXT NOT NULL,
  bed_id TEXT NOT NULL,
  checkin_at TEXT NOT NULL,
  referral_source TEXT NOT NULL CHECK (referral_source IN
    ('satpol_pp', 'police', 'hospital', 'community', 'call_112', 'self', 'other_dinsos', 'other')),
  referral_detail TEXT,
  condition TEXT,
  health_notes TEXT,
  belongings TEXT,
  checkout_at TEXT,
  exit_type TEXT CHECK (exit_type IN ('reunited', 'repatriated', 'referred_institution',
    'referred_hospital', 'left', 'absconded', 'died', 'other')),
  destination_code TEXT REFERENCES regions(code),
  destination_detail TEXT,
  escort TEXT,
  -- The person's origin kabupaten/kota, kept here so history filters and figures need no join.
  origin_regency TEXT,
  complaint_id TEXT,
  created_at TEXT NOT NULL, created_by TEXT, updated_at TEXT NOT NULL, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  FOREIGN KEY (bed_id, shelter_id) REFERENCES shelter_beds(id, shelter_id),
  CHECK (checkout_at IS NULL OR checkout_at >= checkin_at),
  CHECK ((checkout_at IS NULL) = (exit_type IS NULL))
) STRICT;
CREATE UNIQUE INDEX stays_active_bed ON stays(bed_id) WHERE checkout_at IS NULL;
CREATE UNIQUE INDEX stays_active_person ON stays(person_id) WHERE checkout_at IS NULL;
CREATE INDEX stays_person ON stays(person_id, checkin_at);
CREATE INDEX stays_checkin ON stays(checkin_at, id);
CREATE INDEX stays_shelter_checkin ON stays(shelter_id, checkin_at, id);
CREATE INDEX stays_origin_checkin ON stays(origin_regency, checkin_at, id);
CREATE INDEX stays_exit_checkin ON stays(exit_type, checkin_at, id);
CREATE INDEX stays_checkout ON stays(checkout_at);

CREATE TABLE stay_ppks (
  stay_id TEXT NOT NULL REFERENCES stays(id),
  ppks TEXT NOT NULL CHECK (ppks GLOB 'PPKS-[0-2][0-9]' AND substr(ppks, 6) BETWEEN '01' AND '26'),
  -- Copied from the stay so a category filter can page in check-in order from this index.
  checkin_at TEXT NOT NULL,
  PRIMARY KEY (stay_id, ppks)
) STRICT, WITHOUT ROWID;
CREATE INDEX stay_ppks_code ON stay_ppks(ppks, checkin_at, stay_id);

CREATE TABLE stay_events (
  id TEXT PRIMARY KEY,
  stay_id TEXT NOT NULL REFERENCES stays(id),
  at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('meal', 'health_check', 'counselling', 'family_tracing',
    'identity_check', 'visit', 'other')),
  note TEXT,
  staff_id TEXT REFERENCES users(id),
  created_at TEXT NOT NULL,
  created_by TEXT
) STRICT;
CREATE INDEX stay_events_stay ON stay_events(stay_id, at);
`,
};
