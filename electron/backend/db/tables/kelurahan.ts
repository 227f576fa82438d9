/** Kysely types of migration 0024 (findings, PPKS count additions, DTSEN lists). */
import type { DtsenMatch } from '../../../../shared/reference/dtsen';
import type {
  FindingOutcome,
  FindingSource,
  FindingStatus,
  ReporterRole,
} from '../../../../shared/reference/findings';
import type { Urgency } from '../../../../shared/reference/complaints';
import type { PpksCode } from '../../../../shared/reference/ppks';
import type { TimelineKind } from '../../../../shared/contract/timeline';
import type { Tracked } from './tracked';

export interface FindingsTable extends Tracked {
  id: string;
  number: string;
  source: FindingSource;
  kelurahan_code: string;
  place: string;
  found_at: string;
  received_at: string;
  received_day: string;
  /** JSON array of PPKS codes. */
  ppks: string;
  condition: string;
  urgency: Urgency;
  action_taken: string | null;
  reporter_role: ReporterRole;
  reporter_name: string;
  reporter_contact: string | null;
  person_id: string | null;
  subject_name: string | null;
  subject_nik: string | null;
  subject_sex: 'M' | 'F' | null;
  subject_birth_date: string | null;
  subject_age: number | null;
  subject_description: string | null;
  status: FindingStatus;
  triage_due: string;
  act_due: string;
  triaged_at: string | null;
  acted_at: string | null;
  triage_note: string | null;
  outcome: FindingOutcome | null;
  stay_id: string | null;
  complaint_id: string | null;
  referred_to: string | null;
  close_reason: string | null;
}

export interface FindingEventsTable {
  id: string;
  finding_id: string;
  at: string;
  kind: TimelineKind;
  action: string | null;
  from_status: string | null;
  to_status: string | null;
  party: string | null;
  note: string | null;
  user_id: string | null;
  created_at: string;
}

export interface PpksCountAdditionsTable extends Tracked {
  id: string;
  kelurahan_code: string;
  month: string;
  ppks: PpksCode;
  count: number;
  note: string | null;
}

export interface DtsenListsTable extends Tracked {
  id: string;
  list_date: string;
  source: string;
  file_name: string | null;
  /** The uploaded list, kept as the import's evidence. */
  file_id: string;
  rows_total: number;
  rows_refused: number;
}

export interface DtsenRowsTable {
  id: string;
  list_id: string;
  line: number;
  nik: string | null;
  name: string | null;
  birth_date: string | null;
  address: string | null;
  kelurahan: string | null;
  desil: number | null;
  /** JSON array of programme flags (DTSEN_PROGRAMS). */
  programs: string;
  match: DtsenMatch | null;
  person_id: string | null;
  /** JSON array of candidate person ids, best first, for rows waiting for review. */
  candidates: string | null;
  /** Why the line was not imported (a message key); null for imported lines. */
  refused: string | null;
  decided_by: string | null;
  decided_at: string | null;
}

export interface DtsenMappingsTable extends Tracked {
  id: string;
  header_key: string;
  /** JSON object: DTSEN column → the list's header it is read from. */
  mapping: string;
}

export interface KelurahanTables {
  findings: FindingsTable;
  finding_events: FindingEventsTable;
  ppks_count_additions: PpksCountAdditionsTable;
  dtsen_lists: DtsenListsTable;
  dtsen_rows: DtsenRowsTable;
  dtsen_mappings: DtsenMappingsTable;
}
