/**
 * Value lists of PPKS case files (berkas kasus PPKS). Labels live in
 * shared/i18n/messages/cases.json under `case.<list>.<value>`.
 */

/** Where the case came from. */
export const CASE_ORIGINS = [
  'complaint',
  'shelter_stay',
  'walk_in',
  'police',
  'hospital',
  'call_112',
  'other_regency',
  'outreach',
] as const;
export type CaseOrigin = (typeof CASE_ORIGINS)[number];

export const CASE_STATES = [
  'opened',
  'assessment',
  'plan',
  'in_service',
  'review',
  'closure_requested',
  'closed',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** What waits for a supervisor's decision. */
export const AWAITING = ['assessment', 'plan', 'closure'] as const;
export type Awaiting = (typeof AWAITING)[number];

/** The date a case is being watched against: its assessment, or its next review. */
export const DUE_KINDS = ['assessment', 'review'] as const;
export type DueKind = (typeof DUE_KINDS)[number];

export const CLOSURE_REASONS = [
  'goals_reached',
  'reunified',
  'repatriated',
  'referred_on',
  'moved_away',
  'deceased',
  'refused_services',
  'lost_contact',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const NOTE_KINDS = ['visit', 'phone', 'meeting', 'home_visit'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** Who a referral goes to. `dinsos_region`: another kabupaten/kota's or a province's Dinas Sosial. */
export const REFERRAL_AGENCIES = [
  'health',
  'police',
  'panti',
  'lks',
  'dinas',
  'dinsos_region',
] as const;
export type ReferralAgency = (typeof REFERRAL_AGENCIES)[number];

export const REFERRAL_STATES = ['sent', 'accepted', 'rejected', 'done', 'withdrawn'] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

export const REFERRAL_OUTCOMES = ['successful', 'unsuccessful'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

/** Why a referral that was accepted did not succeed (a fixed list, for the figures). */
export const REFERRAL_FAILURES = [
  'person_refused',
  'person_left',
  'no_capacity',
  'not_eligible',
  'deceased',
  'other',
] as const;
export type ReferralFailure = (typeof REFERRAL_FAILURES)[number];

export const ATTACHMENT_TYPES = [
  'ktp',
  'kk',
  'police_letter',
  'medical_letter',
  'consent_form',
  'photo',
  'other',
] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** Who gave consent, and how (UU PDP). */
export const CONSENT_GIVERS = ['person', 'guardian'] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];
export const CONSENT_METHODS = ['signed_form', 'verbal_witness'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** The assessment form's free-text sections, in the order the form shows them. */
export const ASSESSMENT_SECTIONS = [
  'identity',
  'health',
  'family',
  'housing',
  'income',
  'education',
  'needs',
  'risks',
] as const;
export type AssessmentSection = (typeof ASSESSMENT_SECTIONS)[number];

/** Office defaults, changed in the case settings. */
export const DEFAULT_CASE_PATTERN = 'KS/{seq:4}/{year}';
export const DEFAULT_ASSESSMENT_DAYS = 3;
export const DEFAULT_REVIEW_DAYS = 30;
/** The number register's key (registers/issue.ts). */
export const CASE_REGISTER = 'case';

/**
 * States in which a case's opening details may still be corrected: not while its closure waits
 * for a supervisor, nor once closed (reopen it first).
 */
export const OPENING_EDIT_STATES = [
  'opened',
  'assessment',
  'plan',
  'in_service',
  'review',
] as const satisfies readonly CaseState[];

/** The opening details a correction may change, by their field names in the opening form. */
export const OPENING_FIELDS = [
  'ppks',
  'origin',
  'originDetail',
  'complaintId',
  'stayId',
  'originRegionCode',
  'locationRegionCode',
  'locationAddress',
  'supervisorId',
] as const;
export type OpeningField = (typeof OPENING_FIELDS)[number];
