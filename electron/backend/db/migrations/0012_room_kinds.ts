import type { Migration } from './types';

/**
 * Rooms get a kind (who they are for) and an optional age range, so check-in can warn when a
 * person does not fit. The kind used to be set per bed ("section"); a room takes the section its
 * beds agree on, and a room with mixed or no beds becomes a family room, the kind without a
 * sex rule. Stay events gain 'placement_override', written when staff override that warning
 * (a CHECK cannot be altered in SQLite, so the table is rebuilt with its rows).
 */
export const m0012: Migration = {
  version: 12,
  name: 'room_kinds',
  sql: `
ALTER TABLE shelter_rooms ADD COLUMN kind TEXT NOT NULL DEFAULT 'family'
  CHECK (kind IN ('men', 'women', 'children', 'family', 'health'));
ALTER TABLE shelter_rooms ADD COLUMN age_min INTEGER CHECK (age_min BETWEEN 0 AND 120);
ALTER TABLE shelter_rooms ADD COLUMN age_max INTEGER
  CHECK (age_max BETWEEN 0 AND 120 AND (age_min IS NULL OR age_max >= age_min));
UPDATE shelter_rooms SET kind = (
  SELECT min(section) FROM shelter_beds b WHERE b.room_id = shelter_rooms.id
) WHERE (SELECT count(DISTINCT section) FROM shelter_beds b WHERE b.room_id = shelter_rooms.id) = 1;
ALTER TABLE shelter_beds DROP COLUMN section;

CREATE TABLE stay_events_new (
  id TEXT PRIMARY KEY,
  stay_id TEXT NOT NULL REFERENCES stays(id),
  at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('meal', 'health_check', 'counselling', 'family_tracing',
    'identity_check', 'visit', 'other', 'placement_override')),
  note TEXT,
  staff_id TEXT REFERENCES users(id),
  created_at TEXT NOT NULL,
  created_by TEXT
) STRICT;
INSERT INTO stay_events_new SELECT id, stay_id, at, kind, note, staff_id, created_at, created_by
  FROM stay_events;
DROP TABLE stay_events;
ALTER TABLE stay_events_new RENAME TO stay_events;
CREATE INDEX stay_events_stay ON stay_events(stay_id, at);
`,
};
