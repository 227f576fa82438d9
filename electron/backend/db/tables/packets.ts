/** Kysely types of migration 0016 (exchange packets with partner offices). */
import type { Generated } from 'kysely';
import type {
  ConsentValue,
  Decision,
  KeyProtection,
  PacketKind,
  PacketMode,
  PartnerStatus,
  StagedAction,
} from '../../../../shared/reference/packets';
import type { Tracked } from './tracked';

/** This office's exchange keys; the newest is current, older ones still open old packets. */
export interface ExchangeKeysTable {
  id: string;
  fingerprint: string;
  age_recipient: string;
  sign_public: string;
  valid_until: string;
  /** The signed key card (JSON) as partners receive it. */
  card: string;
  protection: KeyProtection;
  /** The private parts, sealed by the key protector (keys/protector.ts). */
  sealed: string;
  created_at: string;
  created_by: string | null;
}

export interface ExchangePartnersTable extends Tracked {
  id: string;
  office_code: string;
  office_name: string;
  fingerprint: string;
  age_recipient: string;
  sign_public: string;
  valid_until: string;
  card: string;
  status: PartnerStatus;
  next_sequence: Generated<number>;
}

export interface ExchangeOutboxTable extends Tracked {
  id: string;
  partner_id: string;
  kind: PacketKind;
  sequence: number;
  purpose: string;
  legal_basis: string;
  mode: PacketMode;
  period_from: string | null;
  period_to: string | null;
  /** JSON: records per type, deletions, merges, left out. */
  counts: string;
  sha256: string;
  acknowledged_at: string | null;
  /** JSON: accepted / rejected counts and reasons from the partner's acknowledgement. */
  ack_summary: string | null;
}

export interface ExchangeOutboxRecordsTable {
  packet_id: string;
  record_type: string;
  record_id: string;
  record_version: number;
  /** Null for a finding about someone not in the registry (migration 30). */
  person_id: string | null;
}

export interface ExchangeInboxTable extends Tracked {
  id: string;
  partner_id: string;
  kind: PacketKind;
  sequence: number;
  /** The verified manifest (JSON). */
  manifest: string;
  sha256: string;
  status: 'staged' | 'applied';
  applied_summary: string | null;
}

export interface ExchangeStagedTable {
  packet_id: string;
  n: number;
  record_type: string;
  source_id: string;
  source_version: number;
  /** The source id of the record this one belongs to (a stay's person). */
  parent_id: string | null;
  data: string;
  action: StagedAction;
  /** The record here it already came in as (updated, unchanged, deleted, merged). */
  local_id: string | null;
  decision: Generated<Decision>;
  link_id: string | null;
  reason: string | null;
}

export interface ExchangeProvenanceTable {
  source_office: string;
  record_type: string;
  source_id: string;
  source_version: number;
  local_id: string;
  how: 'created' | 'linked';
  packet_id: string;
}

export interface ExchangeRemoteStaysTable extends Tracked {
  id: string;
  person_id: string;
  source_office: string;
  shelter_name: string;
  checkin_at: string;
  checkout_at: string | null;
  exit_type: string | null;
  destination_code: string | null;
  /** JSON array of PPKS codes. */
  ppks: string;
}

export interface ExchangeConsentsTable extends Tracked {
  id: string;
  person_id: string;
  consent: ConsentValue;
  note: string | null;
}

export interface PacketTables {
  exchange_keys: ExchangeKeysTable;
  exchange_partners: ExchangePartnersTable;
  exchange_outbox: ExchangeOutboxTable;
  exchange_outbox_records: ExchangeOutboxRecordsTable;
  exchange_inbox: ExchangeInboxTable;
  exchange_staged: ExchangeStagedTable;
  exchange_provenance: ExchangeProvenanceTable;
  exchange_remote_stays: ExchangeRemoteStaysTable;
  exchange_consents: ExchangeConsentsTable;
}
