import { TRACKED_COLUMNS } from './columns';
import type { Migration } from './types';

/**
 * Exchange packets with partner offices (issue 12): this office's exchange keys, the partner
 * offices whose key cards an admin confirmed, the outbox register (what went to whom), the inbox
 * with its staging area (records read from a packet, never live data until applied), provenance
 * of applied records, stays reported by partners, and each person's consent to sharing.
 */
export const m0016: Migration = {
  version: 16,
  name: 'exchange_packets',
  sql: `
CREATE TABLE exchange_keys (
  id TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL UNIQUE,
  age_recipient TEXT NOT NULL CHECK (age_recipient GLOB 'age1*'),
  sign_public TEXT NOT NULL,
  valid_until TEXT NOT NULL,
  card TEXT NOT NULL,
  protection TEXT NOT NULL CHECK (protection IN ('os', 'passphrase')),
  sealed TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES users(id)
) STRICT;

CREATE TABLE exchange_partners (
  id TEXT PRIMARY KEY,
  office_code TEXT NOT NULL,
  office_name TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  age_recipient TEXT NOT NULL CHECK (age_recipient GLOB 'age1*'),
  sign_public TEXT NOT NULL,
  valid_until TEXT NOT NULL,
  card TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'blocked')),
  next_sequence INTEGER NOT NULL DEFAULT 1 CHECK (next_sequence >= 1),
  ${TRACKED_COLUMNS}
) STRICT;
-- One partner per office: a new card replaces the keys in place (the audit keeps the old).
CREATE UNIQUE INDEX exchange_partners_office ON exchange_partners(office_code);

CREATE TABLE exchange_outbox (
  id TEXT PRIMARY KEY,
  partner_id TEXT NOT NULL REFERENCES exchange_partners(id),
  kind TEXT NOT NULL CHECK (kind IN ('data', 'ack')),
  sequence INTEGER NOT NULL,
  purpose TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('full', 'changes')),
  period_from TEXT, period_to TEXT,
  counts TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  acknowledged_at TEXT,
  ack_summary TEXT,
  ${TRACKED_COLUMNS},
  UNIQUE (partner_id, sequence)
) STRICT;

-- The register UU PDP asks for: which person's records went in which packet.
CREATE TABLE exchange_outbox_records (
  packet_id TEXT NOT NULL REFERENCES exchange_outbox(id),
  record_type TEXT NOT NULL,
  record_id TEXT NOT NULL,
  record_version INTEGER NOT NULL,
  person_id TEXT NOT NULL REFERENCES persons(id),
  PRIMARY KEY (packet_id, record_type, record_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX exchange_outbox_records_person ON exchange_outbox_records(person_id);
CREATE INDEX exchange_outbox_records_record ON exchange_outbox_records(record_type, record_id);

CREATE TABLE exchange_inbox (
  id TEXT PRIMARY KEY,
  partner_id TEXT NOT NULL REFERENCES exchange_partners(id),
  kind TEXT NOT NULL CHECK (kind IN ('data', 'ack')),
  sequence INTEGER NOT NULL,
  manifest TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('staged', 'applied')),
  applied_summary TEXT,
  ${TRACKED_COLUMNS}
) STRICT;
CREATE INDEX exchange_inbox_partner ON exchange_inbox(partner_id, sequence);

-- Records read from a packet, waiting for decisions; live tables are untouched until applied.
CREATE TABLE exchange_staged (
  packet_id TEXT NOT NULL REFERENCES exchange_inbox(id),
  n INTEGER NOT NULL,
  record_type TEXT NOT NULL,
  source_id TEXT NOT NULL,
  source_version INTEGER NOT NULL,
  parent_id TEXT,
  data TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('new', 'updated', 'unchanged', 'older', 'deleted', 'merged', 'conflict')),
  local_id TEXT,
  decision TEXT NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'accept', 'link', 'reject')),
  link_id TEXT,
  reason TEXT,
  PRIMARY KEY (packet_id, n)
) STRICT, WITHOUT ROWID;
CREATE INDEX exchange_staged_record ON exchange_staged(packet_id, record_type, source_id);

-- Where an applied record came from: (sending office, type, its id there) → the record here.
CREATE TABLE exchange_provenance (
  source_office TEXT NOT NULL,
  record_type TEXT NOT NULL,
  source_id TEXT NOT NULL,
  source_version INTEGER NOT NULL,
  local_id TEXT NOT NULL,
  -- created: the record here was made from the packet (the sender's changes follow);
  -- linked: an admin linked it to a record of this office, which stays as it is.
  how TEXT NOT NULL CHECK (how IN ('created', 'linked')),
  packet_id TEXT NOT NULL,
  PRIMARY KEY (source_office, record_type, source_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX exchange_provenance_local ON exchange_provenance(record_type, local_id);

-- Shelter stays a partner office reported: shown as theirs, never edited here.
CREATE TABLE exchange_remote_stays (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES persons(id),
  source_office TEXT NOT NULL,
  shelter_name TEXT NOT NULL,
  checkin_at TEXT NOT NULL,
  checkout_at TEXT,
  exit_type TEXT,
  destination_code TEXT,
  ppks TEXT NOT NULL DEFAULT '[]',
  ${TRACKED_COLUMNS}
) STRICT;
CREATE INDEX exchange_remote_stays_person ON exchange_remote_stays(person_id);

-- A person's consent to sharing with partner offices (UU PDP); no row: not asked.
CREATE TABLE exchange_consents (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL UNIQUE REFERENCES persons(id),
  consent TEXT NOT NULL CHECK (consent IN ('given', 'refused')),
  note TEXT,
  ${TRACKED_COLUMNS}
) STRICT;
`,
};
