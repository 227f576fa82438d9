/** Kysely types of migration 0006 (complaints, their timeline, categories, settings). */
import type { ColumnType } from 'kysely';
import type {
  ActionType,
  AnswerChannel,
  CategoryKind,
  ComplaintChannel,
  ComplaintEventKind,
  ComplaintKind,
  ComplaintStatus,
  DataServiceType,
  DeadlineStage,
  Urgency,
} from '../../../../shared/reference/complaints';
import type { Tracked } from './tracked';

export interface ComplaintCategoriesTable extends Tracked {
  id: string;
  name: string;
  name_en: string | null;
  kind: CategoryKind;
  verify_days: number | null;
  answer_days: number | null;
  complete_days: number | null;
  /** JSON array of PPKS codes. */
  ppks: string;
  active: number;
  sort_order: number;
}

export interface ComplaintSettingsTable extends Tracked {
  id: number;
  number_pattern: string;
  kind_code_complaint: string;
  kind_code_data_service: string;
  verify_days: number;
  answer_days: number;
  complete_days: number;
  follow_up_text: string;
}

export interface ComplaintsTable extends Tracked {
  id: string;
  number: string;
  seq: number;
  seq_year: number;
  kind: ComplaintKind;
  service_type: DataServiceType | null;
  category_id: string;
  channel: ComplaintChannel;
  channel_ref: string | null;
  received_at: string;
  /** The office-zone day of received_at: day 0 of every deadline. */
  received_day: string;
  backdate_reason: string | null;
  reporter_anonymous: number;
  reporter_name: string | null;
  reporter_phone: string | null;
  reporter_address: string | null;
  reporter_relation: string | null;
  reporter_confidential: number;
  subject: string;
  person_id: string | null;
  region_code: string | null;
  location_address: string | null;
  description: string;
  urgency: Urgency;
  /** JSON array of PPKS codes. */
  ppks: string;
  status: ComplaintStatus;
  assigned_to: string | null;
  verify_due: string;
  answer_due: string;
  complete_due: string;
  next_due: string | null;
  next_stage: DeadlineStage | null;
  verified_at: string | null;
  follow_up_at: string | null;
  first_answer_at: string | null;
  closed_at: string | null;
  final_answer: string | null;
  answer_channel: AnswerChannel | null;
  rejection_reason: string | null;
  forwarded_to: string | null;
  receipt_prints: number;
}

export interface ComplaintEventsTable {
  id: string;
  complaint_id: string;
  at: string;
  kind: ComplaintEventKind;
  // Read typed; still written as plain text until the timeline's writer (complaints' addEvent,
  // moving onto the workflow engine) passes typed values.
  from_status: ColumnType<ComplaintStatus | null, string | null, string | null>;
  to_status: ColumnType<ComplaintStatus | null, string | null, string | null>;
  action_type: ColumnType<ActionType | null, string | null, string | null>;
  /** The other party: the agency of a coordination, the officer named by an assignment. */
  agency: string | null;
  note: string | null;
  user_id: string | null;
  created_at: string;
}

export interface ComplaintTables {
  complaint_categories: ComplaintCategoriesTable;
  complaint_settings: ComplaintSettingsTable;
  complaints: ComplaintsTable;
  complaint_events: ComplaintEventsTable;
}
