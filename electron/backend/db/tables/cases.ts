/** Kysely types of migration 0015 (PPKS case files). */
import type { TimelineKind } from '../../../../shared/contract/timeline';
import type {
  AttachmentType,
  Awaiting,
  CaseOrigin,
  CaseState,
  ClosureReason,
  ConsentGiver,
  ConsentMethod,
  DueKind,
  NoteKind,
  ReferralAgency,
  ReferralFailure,
  ReferralOutcome,
  ReferralState,
  RiskLevel,
} from '../../../../shared/reference/cases';
import type { PpksCode } from '../../../../shared/reference/ppks';
import type { Tracked } from './tracked';

export interface CaseSettingsTable extends Tracked {
  id: number;
  number_pattern: string;
  assessment_days: number;
  review_days: number;
}

export interface CaseServiceTypesTable extends Tracked {
  id: string;
  name: string;
  name_en: string | null;
  active: number;
  sort_order: number;
}

export interface CasesTable extends Tracked {
  id: string;
  number: string;
  seq: number;
  seq_year: number;
  person_id: string;
  main_ppks: PpksCode;
  origin: CaseOrigin;
  origin_detail: string | null;
  complaint_id: string | null;
  stay_id: string | null;
  origin_region_code: string | null;
  /** Where the person is now: a kelurahan of the city, or any region. */
  location_region_code: string | null;
  location_address: string | null;
  caseworker_id: string;
  supervisor_id: string | null;
  state: CaseState;
  opened_at: string;
  /** The office-zone day of opened_at: day 0 of the assessment's working days. */
  opened_day: string;
  assessment_due: string;
  /** JSON: the assessment's sections (contract `assessment`). */
  assessment: string | null;
  risk_level: RiskLevel | null;
  immediate_danger: number;
  assessment_submitted_at: string | null;
  assessment_approved_at: string | null;
  /** The supervisor's comment when an assessment, plan or closure went back. */
  return_comment: string | null;
  plan_goals: string | null;
  plan_submitted_at: string | null;
  plan_approved_at: string | null;
  review_due: string | null;
  last_review_at: string | null;
  /** The state closure was requested from, where a returned request goes back to. */
  closure_from: CaseState | null;
  closure_reason: ClosureReason | null;
  closure_summary: string | null;
  closure_requested_at: string | null;
  closed_at: string | null;
  reopen_reason: string | null;
  consent_processing: number | null;
  consent_sharing: number | null;
  consent_by: ConsentGiver | null;
  consent_guardian: string | null;
  consent_method: ConsentMethod | null;
  consent_witness: string | null;
  consent_at: string | null;
  consent_withdrawn_at: string | null;
  awaiting: Awaiting | null;
  due_kind: DueKind | null;
  due_on: string | null;
}

export interface CasePpksTable {
  case_id: string;
  ppks: PpksCode;
  position: number;
}

export interface CasePlanServicesTable extends Tracked {
  id: string;
  case_id: string;
  service_type_id: string;
  responsible: string;
  due_on: string | null;
  note: string | null;
}

export interface CaseServicesTable {
  id: string;
  case_id: string;
  plan_service_id: string | null;
  service_type_id: string;
  delivered_on: string;
  delivered_by: string;
  outcome: string;
  created_at: string;
  created_by: string | null;
}

export interface CaseReferralsTable extends Tracked {
  id: string;
  case_id: string;
  agency_kind: ReferralAgency;
  agency_name: string;
  /** The destination region: required for another regency's Dinas Sosial (exchange packets). */
  region_code: string | null;
  reason: string;
  state: ReferralState;
  sent_at: string;
  responded_at: string | null;
  ended_at: string | null;
  outcome: ReferralOutcome | null;
  failure_reason: ReferralFailure | null;
  response_note: string | null;
}

export interface CaseNotesTable {
  id: string;
  case_id: string;
  kind: NoteKind;
  at: string;
  text: string;
  sensitive: number;
  created_at: string;
  created_by: string | null;
}

export interface CaseAttachmentsTable extends Tracked {
  id: string;
  case_id: string;
  /** Null once removed (the file is released; name, type and size stay for the list). */
  file_id: string | null;
  doc_type: AttachmentType;
  name: string;
  mime: string;
  size: number;
  note: string | null;
  removed_at: string | null;
  removed_reason: string | null;
}

export interface CaseEventsTable {
  id: string;
  case_id: string;
  at: string;
  kind: TimelineKind;
  action: string | null;
  from_state: string | null;
  to_state: string | null;
  party: string | null;
  note: string | null;
  user_id: string | null;
  created_at: string;
}

export interface CaseTables {
  case_settings: CaseSettingsTable;
  case_service_types: CaseServiceTypesTable;
  cases: CasesTable;
  case_ppks: CasePpksTable;
  case_plan_services: CasePlanServicesTable;
  case_services: CaseServicesTable;
  case_referrals: CaseReferralsTable;
  case_notes: CaseNotesTable;
  case_attachments: CaseAttachmentsTable;
  case_events: CaseEventsTable;
}
