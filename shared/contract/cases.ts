/**
 * PPKS case files (berkas kasus PPKS): opening (from a complaint, a shelter stay or directly),
 * the workflow with supervisor approvals (shared/workflow/cases.ts), assessment, plan, services,
 * referrals, notes (sensitive ones only for the assigned caseworker and supervisors), consent,
 * attachments, lists, figures and the office's case settings.
 *
 * Caseworkers edit only the cases assigned to them; others' cases they read without sensitive
 * notes, as the viewer does. Supervisors and admins edit, approve and reassign any case.
 */
import { z } from 'zod';
import {
  ASSESSMENT_SECTIONS,
  ATTACHMENT_TYPES,
  AWAITING,
  CASE_ORIGINS,
  CASE_STATES,
  CLOSURE_REASONS,
  CONSENT_GIVERS,
  CONSENT_METHODS,
  DUE_KINDS,
  NOTE_KINDS,
  REFERRAL_AGENCIES,
  REFERRAL_FAILURES,
  REFERRAL_OUTCOMES,
  REFERRAL_STATES,
  RISK_LEVELS,
} from '../reference/cases';
import { PPKS_CODES } from '../reference/ppks';
import { caseStepFields, referralStepFields } from '../workflow/cases';
import { regionRef, userRef } from './complaints';
import { method } from './method';
import {
  byId,
  calendarDate,
  eventTime,
  id,
  isoDateTime,
  longText,
  optionalLongText,
  optionalText,
  pageInput,
  pageOutput,
  regionCode,
  saveKeys,
  searchText,
  text,
  version,
} from './schemas';
import { timelineEvent } from './timeline';

export const caseState = z.enum(CASE_STATES);
export const caseOrigin = z.enum(CASE_ORIGINS);
export const riskLevel = z.enum(RISK_LEVELS);
export const closureReason = z.enum(CLOSURE_REASONS);
export const noteKind = z.enum(NOTE_KINDS);
export const referralAgency = z.enum(REFERRAL_AGENCIES);
export const referralState = z.enum(REFERRAL_STATES);
export const attachmentType = z.enum(ATTACHMENT_TYPES);
const ppks = z.enum(PPKS_CODES);
const nullable = <T extends z.ZodType>(s: T) => s.nullish().transform((v) => v ?? null);

/** The case's categories: at least one, the main one first, no repeats. */
const ppksList = z
  .array(ppks)
  .min(1, { error: 'case.ppks_required' })
  .max(26)
  .refine((l) => new Set(l).size === l.length, { error: 'case.ppks_repeated' });

/** The date being watched: the assessment's, or the next review's (office-zone day). */
export const caseDue = z.object({
  kind: z.enum(DUE_KINDS),
  on: z.string(),
  overdue: z.boolean(),
});

export const caseSummary = z.object({
  id,
  number: z.string(),
  person: z.object({ id, fullName: z.string(), nik: z.string().nullable() }),
  ppks: z.array(ppks),
  state: caseState,
  origin: caseOrigin,
  caseworker: userRef,
  supervisor: userRef.nullable(),
  openedAt: isoDateTime,
  riskLevel: riskLevel.nullable(),
  immediateDanger: z.boolean(),
  awaiting: z.enum(AWAITING).nullable(),
  due: caseDue.nullable(),
  location: regionRef.nullable(),
  closedAt: isoDateTime.nullable(),
  closureReason: closureReason.nullable(),
  version,
});
export type CaseSummary = z.infer<typeof caseSummary>;

/** The assessment form: a text per section, the risk level and the immediate-danger flag. */
export const assessmentInput = z.strictObject({
  ...(Object.fromEntries(ASSESSMENT_SECTIONS.map((s) => [s, optionalLongText(4000)])) as Record<
    (typeof ASSESSMENT_SECTIONS)[number],
    ReturnType<typeof optionalLongText>
  >),
  riskLevel,
  immediateDanger: z.boolean().default(false),
  summary: optionalLongText(4000),
});
export const assessment = z.object({
  ...(Object.fromEntries(ASSESSMENT_SECTIONS.map((s) => [s, z.string().nullable()])) as Record<
    (typeof ASSESSMENT_SECTIONS)[number],
    z.ZodNullable<z.ZodString>
  >),
  riskLevel,
  immediateDanger: z.boolean(),
  summary: z.string().nullable(),
});
export type Assessment = z.infer<typeof assessment>;

export const planService = z.object({
  id,
  serviceTypeId: id,
  serviceType: z.string(),
  responsible: z.string(),
  dueOn: z.string().nullable(),
  note: z.string().nullable(),
});
export const deliveredService = z.object({
  id,
  planServiceId: id.nullable(),
  serviceType: z.string(),
  deliveredOn: z.string(),
  deliveredBy: z.string(),
  outcome: z.string(),
  loggedBy: userRef.nullable(),
});
export const caseReferral = z.object({
  id,
  agencyKind: referralAgency,
  agencyName: z.string(),
  region: regionRef.nullable(),
  reason: z.string(),
  state: referralState,
  sentAt: isoDateTime,
  respondedAt: isoDateTime.nullable(),
  endedAt: isoDateTime.nullable(),
  outcome: z.enum(REFERRAL_OUTCOMES).nullable(),
  failureReason: z.enum(REFERRAL_FAILURES).nullable(),
  responseNote: z.string().nullable(),
  version,
});
export type CaseReferral = z.infer<typeof caseReferral>;
export const caseNote = z.object({
  id,
  kind: noteKind,
  at: isoDateTime,
  text: z.string(),
  sensitive: z.boolean(),
  by: userRef.nullable(),
});
export const caseAttachment = z.object({
  id,
  fileId: id.nullable(),
  docType: attachmentType,
  name: z.string(),
  type: z.string(),
  size: z.number().int(),
  note: z.string().nullable(),
  addedAt: isoDateTime,
  addedBy: userRef.nullable(),
  removedAt: isoDateTime.nullable(),
  removedReason: z.string().nullable(),
  version,
});
export const caseConsent = z.object({
  /** Null: not asked yet. */
  processing: z.boolean().nullable(),
  sharing: z.boolean().nullable(),
  by: z.enum(CONSENT_GIVERS).nullable(),
  guardian: z.string().nullable(),
  method: z.enum(CONSENT_METHODS).nullable(),
  witness: z.string().nullable(),
  at: isoDateTime.nullable(),
  withdrawnAt: isoDateTime.nullable(),
});
export type CaseConsent = z.infer<typeof caseConsent>;

export const caseFile = caseSummary.extend({
  originDetail: z.string().nullable(),
  complaint: z.object({ id, number: z.string() }).nullable(),
  stay: z.object({ id, shelterName: z.string(), checkinAt: isoDateTime }).nullable(),
  originRegion: regionRef.nullable(),
  locationAddress: z.string().nullable(),
  assessmentDue: z.string(),
  assessment: assessment.nullable(),
  assessmentSubmittedAt: isoDateTime.nullable(),
  assessmentApprovedAt: isoDateTime.nullable(),
  /** The supervisor's last comment when something went back. */
  returnComment: z.string().nullable(),
  planGoals: z.string().nullable(),
  planSubmittedAt: isoDateTime.nullable(),
  planApprovedAt: isoDateTime.nullable(),
  planServices: z.array(planService),
  services: z.array(deliveredService),
  referrals: z.array(caseReferral),
  /** Notes the caller may read: sensitive ones only for the assigned caseworker and supervisors. */
  notes: z.array(caseNote),
  attachments: z.array(caseAttachment),
  consent: caseConsent,
  reviewDue: z.string().nullable(),
  lastReviewAt: isoDateTime.nullable(),
  closureSummary: z.string().nullable(),
  closureRequestedAt: isoDateTime.nullable(),
  reopenReason: z.string().nullable(),
  /** Steps, services, referrals, shelter stays of the person while the case was open; oldest first. */
  timeline: z.array(timelineEvent),
  /** The caller may work on this case (assigned caseworker, supervisor, admin). */
  mayEdit: z.boolean(),
  createdAt: isoDateTime,
  today: z.string(),
});
export type CaseFile = z.infer<typeof caseFile>;

/** What opening a case asks for; `complaintId` / `stayId` link it both ways. */
export const caseInput = z.strictObject({
  personId: id,
  ppks: ppksList,
  origin: caseOrigin,
  originDetail: optionalText(300),
  complaintId: nullable(id),
  stayId: nullable(id),
  originRegionCode: nullable(regionCode),
  locationRegionCode: nullable(regionCode),
  locationAddress: optionalText(300),
  /** Defaults to the caseworker opening it. */
  caseworkerId: nullable(id),
  supervisorId: nullable(id),
});
export type CaseInput = z.input<typeof caseInput>;

export const CASE_SORTS = ['newest', 'oldest', 'due', 'number'] as const;

const listInput = z.strictObject({
  /** `open` and `closed` stand for their groups of states. */
  state: z.union([caseState, z.enum(['open', 'closed'])]).optional(),
  ppks: ppks.optional(),
  /** A user's id, or `me`. */
  caseworker: z.union([id, z.literal('me')]).optional(),
  supervisor: z.union([id, z.literal('me')]).optional(),
  /** Origin region or inside it. */
  originRegion: regionCode.optional(),
  /** Current location in this region (a kelurahan, kecamatan, the city) or inside it. */
  location: regionCode.optional(),
  risk: riskLevel.optional(),
  /** Assessments or reviews past due, or due within seven days. */
  due: z.enum(['overdue', 'overdue_assessment', 'overdue_review', 'soon']).optional(),
  /** Waiting for a supervisor: any, or one kind. */
  awaiting: z.union([z.enum(AWAITING), z.literal('any')]).optional(),
  /** Opened on or after / on or before (office-zone days). */
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  /** A case number, or part of the person's name. */
  q: searchText(100).optional(),
  sort: z.enum(CASE_SORTS).default('newest'),
  ...pageInput,
});
export type CaseListInput = z.input<typeof listInput>;

const countOf = <T extends z.ZodRawShape>(shape: T) =>
  z.array(z.object({ ...shape, count: z.number().int() }));

/** Figures of a period (cases.figures); reports call the same backend function. */
export const caseFigures = z.object({
  from: z.string(),
  to: z.string(),
  /** Persons with a case open at any time in the period (SPM: PPKS served). */
  personsServed: z.number().int(),
  servedByPpks: countOf({ ppks }),
  /** By the case's current location, kecamatan of the city then kelurahan (null: elsewhere/unknown). */
  servedByKecamatan: countOf({ region: regionRef.nullable() }),
  servedByKelurahan: countOf({ region: regionRef.nullable() }),
  opened: z.number().int(),
  closed: z.number().int(),
  closureReasons: countOf({ reason: closureReason }),
  /** Calendar days from opening, for cases whose step fell in the period. */
  medianDaysToAssessmentApproval: z.number().nullable(),
  medianDaysToClosure: z.number().nullable(),
  /** Open cases per caseworker at the end of the period. */
  caseload: countOf({ caseworker: userRef }),
  referralsByAgency: countOf({ agencyKind: referralAgency }),
  referralsByOutcome: countOf({
    state: referralState,
    outcome: z.enum(REFERRAL_OUTCOMES).nullable(),
  }),
});
export type CaseFigures = z.infer<typeof caseFigures>;

export const caseSettings = z.object({
  numberPattern: z.string(),
  assessmentDays: z.number().int(),
  reviewDays: z.number().int(),
  /** The next number as it would be issued now. */
  preview: z.string(),
  version,
});
export const serviceType = z.object({
  id,
  name: z.string(),
  nameEn: z.string().nullable(),
  active: z.boolean(),
  sortOrder: z.number().int(),
  version,
});
export type ServiceType = z.infer<typeof serviceType>;

export const casesContract = {
  'cases.list': method({
    access: 'cases.read',
    write: false,
    input: listInput,
    output: z.object({ rows: z.array(caseSummary), ...pageOutput, today: z.string() }),
  }),
  /** One case file; reading sensitive notes is recorded. */
  'cases.get': method({
    access: 'cases.read',
    write: false,
    input: byId,
    output: caseFile,
  }),
  /** Facts to prefill the opening form from a complaint or a shelter stay. */
  'cases.prefill': method({
    access: 'cases.write',
    write: false,
    input: z.strictObject({ complaintId: id.optional(), stayId: id.optional() }),
    output: z.object({
      personId: id.nullable(),
      personName: z.string().nullable(),
      ppks: z.array(ppks),
      origin: caseOrigin,
      originDetail: z.string().nullable(),
      complaintId: id.nullable(),
      stayId: id.nullable(),
      originRegionCode: z.string().nullable(),
      locationRegionCode: z.string().nullable(),
      locationAddress: z.string().nullable(),
      /** Cases already opened from this complaint or stay. */
      existing: z.array(z.object({ id, number: z.string(), state: caseState })),
    }),
  }),
  'cases.create': method({
    access: 'cases.write',
    write: true,
    input: caseInput,
    output: caseFile,
  }),
  /**
   * Corrects the opening details while the state allows it (OPENING_EDIT_STATES; the person and
   * number stay); the timeline names the fields corrected and the reason given.
   */
  'cases.update': method({
    access: 'cases.write',
    write: true,
    input: caseInput
      .omit({ personId: true, caseworkerId: true })
      .extend({ id, version, reason: optionalLongText(500) }),
    output: caseFile,
  }),
  /** Saves the assessment while it is being drafted (state opened). */
  'cases.saveAssessment': method({
    access: 'cases.write',
    write: true,
    input: z.strictObject({ id, version, assessment: assessmentInput }),
    output: caseFile,
  }),
  /** Saves the plan's goals and planned services while it is drafted (state plan, not submitted). */
  'cases.savePlan': method({
    access: 'cases.write',
    write: true,
    input: z.strictObject({
      id,
      version,
      goals: longText(4000),
      services: z
        .array(
          z.strictObject({
            serviceTypeId: id,
            responsible: text(200),
            dueOn: nullable(calendarDate),
            note: optionalText(300),
          }),
        )
        .max(30),
    }),
    output: caseFile,
  }),
  /** One step of the case flow, by name; approvals and returns are supervisors' steps. */
  'cases.transition': method({
    access: 'cases.write',
    write: true,
    input: z.strictObject({
      id,
      version,
      step: z.enum([
        'submit_assessment',
        'approve_assessment',
        'return_assessment',
        'submit_plan',
        'approve_plan',
        'return_plan',
        'start_review',
        'complete_review',
        'request_closure',
        'approve_closure',
        'return_closure',
        'reopen',
      ]),
      note: optionalLongText(1000),
      ...caseStepFields,
    }),
    output: caseFile,
  }),
  'cases.reassign': method({
    access: 'cases.approve',
    write: true,
    input: z.strictObject({
      id,
      version,
      caseworkerId: id,
      supervisorId: nullable(id),
      note: optionalLongText(1000),
    }),
    output: caseFile,
  }),
  'cases.logService': method({
    access: 'cases.write',
    write: true,
    input: z.strictObject({
      caseId: id,
      planServiceId: nullable(id),
      serviceTypeId: id,
      deliveredOn: calendarDate,
      deliveredBy: text(200),
      outcome: longText(2000),
    }),
    output: caseFile,
  }),
  'cases.addNote': method({
    access: 'cases.write',
    write: true,
    input: z.strictObject({
      caseId: id,
      kind: noteKind,
      at: eventTime.optional(),
      text: longText(4000),
      sensitive: z.boolean().default(false),
    }),
    output: caseFile,
  }),
  /** Records consent as given now (or withdraws it); each change is on the timeline. */
  'cases.setConsent': method({
    access: 'cases.write',
    write: true,
    input: z.strictObject({
      id,
      version,
      processing: z.boolean(),
      sharing: z.boolean(),
      by: z.enum(CONSENT_GIVERS),
      guardian: optionalText(150),
      method: z.enum(CONSENT_METHODS),
      witness: optionalText(150),
      at: eventTime.optional(),
    }),
    output: caseFile,
  }),
  'cases.withdrawConsent': method({
    access: 'cases.write',
    write: true,
    input: z.strictObject({ id, version, note: longText(1000) }),
    output: caseFile,
  }),
  /**
   * Sends a referral. One to another regency's Dinas Sosial (`dinsos_region`) names its region
   * and needs the person's consent to sharing: it is what exchange packets carry.
   */
  'cases.refer': method({
    access: 'cases.write',
    write: true,
    input: z.strictObject({
      caseId: id,
      agencyKind: referralAgency,
      agencyName: text(200),
      regionCode: nullable(regionCode),
      reason: longText(2000),
      sentAt: eventTime.optional(),
    }),
    output: caseFile,
  }),
  'cases.referralStep': method({
    access: 'cases.write',
    write: true,
    input: z.strictObject({
      id,
      version,
      to: z.enum(['accepted', 'rejected', 'done', 'withdrawn']),
      ...referralStepFields,
    }),
    output: caseFile,
  }),
  /** Attaches an uploaded scan or photo (purpose `caseAttachment`). */
  'cases.attach': method({
    access: 'cases.write',
    write: true,
    input: z.strictObject({
      caseId: id,
      fileId: id,
      docType: attachmentType,
      note: optionalText(300),
    }),
    output: caseFile,
  }),
  /** Removes an attachment with a reason; the file goes, the entry and the audit stay. */
  'cases.removeAttachment': method({
    access: 'cases.write',
    write: true,
    input: z.strictObject({ id, version, reason: longText(500) }),
    output: caseFile,
  }),
  'cases.figures': method({
    access: 'cases.read',
    write: false,
    input: z.strictObject({ from: calendarDate, to: calendarDate }),
    output: caseFigures,
  }),
  /** Who may be given a case (caseworkers, supervisors, admins) and who may supervise it. */
  'cases.staff': method({
    access: 'cases.read',
    write: false,
    input: z.strictObject({}),
    output: z.object({
      caseworkers: z.array(userRef),
      supervisors: z.array(userRef),
    }),
  }),
  /** Cases opened from a complaint or a stay, for the link back on their pages. */
  'cases.forRecord': method({
    access: 'cases.read',
    write: false,
    input: z.strictObject({ complaintId: id.optional(), stayId: id.optional() }),
    output: z.object({ cases: z.array(z.object({ id, number: z.string(), state: caseState })) }),
  }),
  'cases.settings': method({
    access: 'cases.read',
    write: false,
    input: z.strictObject({}),
    output: caseSettings,
  }),
  'cases.saveSettings': method({
    access: 'cases.manage',
    write: true,
    input: z.strictObject({
      numberPattern: text(100),
      assessmentDays: z.number().int().min(1).max(60),
      reviewDays: z.number().int().min(1).max(365),
      version,
    }),
    output: caseSettings,
  }),
  'cases.serviceTypes': method({
    access: 'cases.read',
    write: false,
    input: z.strictObject({}),
    output: z.object({ types: z.array(serviceType) }),
  }),
  'cases.saveServiceType': method({
    access: 'cases.manage',
    write: true,
    input: z.strictObject({
      ...saveKeys,
      name: text(150),
      nameEn: optionalText(150),
      active: z.boolean().default(true),
      sortOrder: z.number().int().min(0).max(10000).default(100),
    }),
    output: serviceType,
  }),
};
