/**
 * Value lists and rules of complaints and data-service requests (pengaduan dan layanan data,
 * SP4N-LAPOR!). Labels live in shared/i18n/messages/complaints.ts.
 */

/** How the complaint reached the office. */
export const COMPLAINT_CHANNELS = [
  'walk_in',
  'phone',
  'whatsapp',
  'letter',
  'email',
  'social_media',
  'lapor',
  'call_112',
  'kelurahan',
  'other',
] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

/** Channels whose own reference must be recorded: the SP4N-LAPOR! ticket, the 112 call id. */
export const CHANNELS_WITH_REQUIRED_REF: readonly ComplaintChannel[] = ['lapor', 'call_112'];

export const COMPLAINT_KINDS = ['complaint', 'data_service'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

/** Which kinds a category serves. */
export const CATEGORY_KINDS = [...COMPLAINT_KINDS, 'any'] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];

/** What a data-service request asks for. */
export const DATA_SERVICE_TYPES = [
  'data_request',
  'dtks_certificate',
  'data_correction',
  'data_proposal',
] as const;
export type DataServiceType = (typeof DATA_SERVICE_TYPES)[number];

export const URGENCIES = ['emergency', 'high', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const COMPLAINT_STATUSES = [
  'received',
  'verified',
  'in_follow_up',
  'done',
  'rejected',
  'forwarded',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** What a complaint's timeline records. */
export const COMPLAINT_EVENT_KINDS = [
  'created',
  'status',
  'assign',
  'action',
  'edit',
  'print',
] as const;
export type ComplaintEventKind = (typeof COMPLAINT_EVENT_KINDS)[number];

/** Follow-up actions; an `answer` is an answer given to the reporter (the first one counts). */
export const ACTION_TYPES = ['call', 'visit', 'coordination', 'letter', 'answer', 'other'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** How the final answer reached the reporter. */
export const ANSWER_CHANNELS = [
  'in_person',
  'phone',
  'whatsapp',
  'letter',
  'email',
  'lapor',
  'not_delivered',
] as const;
export type AnswerChannel = (typeof ANSWER_CHANNELS)[number];

/** The three deadlines, all counted in working days from the day of receipt. */
export const DEADLINE_STAGES = ['verify', 'answer', 'complete'] as const;
export type DeadlineStage = (typeof DEADLINE_STAGES)[number];

export const DEFAULT_DEADLINE_DAYS = { verify: 3, answer: 5, complete: 14 } as const;
export const MAX_DEADLINE_DAYS = 60;

/** How far back a receipt may be dated (a letter registered late), with a reason. */
export const MAX_BACKDATE_DAYS = 90;
