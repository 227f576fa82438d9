/**
 * Complaints and data-service requests (pengaduan dan layanan data): intake with a ticket number,
 * verification, assignment, follow-up log and closure against working-day deadlines; the admin's
 * categories and numbering pattern. The holiday calendar is the calendar module's.
 *
 * Confidential reporters: when `reporterConfidential` is set, lists show every reporter field as
 * null and `reporterHidden` to everyone; one complaint shows them only to callers with the
 * `complaints.confidential` permission, and that read is recorded.
 */
import { z } from 'zod';
import {
  ACTION_TYPES,
  ANSWER_CHANNELS,
  CATEGORY_KINDS,
  COMPLAINT_CHANNELS,
  COMPLAINT_KINDS,
  COMPLAINT_STATUSES,
  DATA_SERVICE_TYPES,
  DEADLINE_STAGES,
  MAX_DEADLINE_DAYS,
  URGENCIES,
} from '../reference/complaints';
import { PPKS_CODES } from '../reference/ppks';
import { complaintStepFields } from '../workflow/complaints';
import { roleSchema } from './auth';
import { method } from './method';
import {
  activeFilter,
  byId,
  calendarDate,
  eventTime,
  id,
  isoDateTime,
  longText,
  optionalLongText,
  optionalPhone,
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

export const complaintChannel = z.enum(COMPLAINT_CHANNELS);
export const complaintKind = z.enum(COMPLAINT_KINDS);
export const categoryKind = z.enum(CATEGORY_KINDS);
export const dataServiceType = z.enum(DATA_SERVICE_TYPES);
export const urgency = z.enum(URGENCIES);
export const complaintStatus = z.enum(COMPLAINT_STATUSES);
export const actionType = z.enum(ACTION_TYPES);
export const answerChannel = z.enum(ANSWER_CHANNELS);
export const deadlineStage = z.enum(DEADLINE_STAGES);
const ppks = z.enum(PPKS_CODES);

const deadlineDays = z.number().int().min(1).max(MAX_DEADLINE_DAYS);
const nullableDays = deadlineDays.nullish().transform((v) => v ?? null);

export const userRef = z.object({ id, fullName: z.string() });
/** Who a complaint is assigned to, named by their role (Petugas pengaduan, Pekerja sosial). */
export const assigneeRef = userRef.extend({
  /** Null: the user no longer holds a role that may be assigned complaints. */
  role: roleSchema.nullable(),
});
export type AssigneeRef = z.infer<typeof assigneeRef>;
export const regionRef = z.object({ code: z.string(), name: z.string(), path: z.string() });
export const categoryRef = z.object({ id, name: z.string(), nameEn: z.string().nullable() });

/** One of the three deadlines, with where it stands today. */
export const deadline = z.object({
  stage: deadlineStage,
  /** The last day (office zone) on which the stage is on time. */
  due: z.string(),
  /** When the stage was reached (verified, first answer, closed); null while pending. */
  metAt: isoDateTime.nullable(),
  /** Reached on or before the due day; null while pending. */
  onTime: z.boolean().nullable(),
  overdue: z.boolean(),
  dueToday: z.boolean(),
  /** Pending: working days left (or late, when overdue). Null once reached. */
  workingDays: z.number().int().nullable(),
});
export type Deadline = z.infer<typeof deadline>;

export const complaintSummary = z.object({
  id,
  number: z.string(),
  kind: complaintKind,
  serviceType: dataServiceType.nullable(),
  category: categoryRef,
  channel: complaintChannel,
  receivedAt: isoDateTime,
  urgency,
  status: complaintStatus,
  subject: z.string(),
  personId: id.nullable(),
  personName: z.string().nullable(),
  region: regionRef.nullable(),
  reporterName: z.string().nullable(),
  reporterAnonymous: z.boolean(),
  /** The reporter is confidential and this caller may not see who it is. */
  reporterHidden: z.boolean(),
  assignee: assigneeRef.nullable(),
  /** The earliest deadline not yet reached; null once closed. */
  next: deadline.nullable(),
  closedAt: isoDateTime.nullable(),
  version,
});
export type ComplaintSummary = z.infer<typeof complaintSummary>;

export const linkedStay = z.object({
  id,
  shelterName: z.string(),
  checkinAt: isoDateTime,
  checkoutAt: isoDateTime.nullable(),
});

export const complaint = complaintSummary.extend({
  channelRef: z.string().nullable(),
  backdateReason: z.string().nullable(),
  reporterPhone: z.string().nullable(),
  reporterAddress: z.string().nullable(),
  reporterRelation: z.string().nullable(),
  reporterConfidential: z.boolean(),
  person: z.object({ id, fullName: z.string(), nik: z.string().nullable() }).nullable(),
  locationAddress: z.string().nullable(),
  description: z.string(),
  ppks: z.array(ppks),
  deadlines: z.array(deadline),
  verifiedAt: isoDateTime.nullable(),
  followUpAt: isoDateTime.nullable(),
  firstAnswerAt: isoDateTime.nullable(),
  finalAnswer: z.string().nullable(),
  answerChannel: answerChannel.nullable(),
  rejectionReason: z.string().nullable(),
  forwardedTo: z.string().nullable(),
  createdAt: isoDateTime,
  createdBy: userRef.nullable(),
  receiptPrints: z.number().int(),
  /** The complaint's timeline, oldest first (shared/contract/timeline.ts). */
  events: z.array(timelineEvent),
  stays: z.array(linkedStay),
});
export type Complaint = z.infer<typeof complaint>;

export const complaintCategory = z.object({
  id,
  name: z.string(),
  nameEn: z.string().nullable(),
  /** Which kind of request the category fits; `any` for both. */
  kind: categoryKind,
  /** Null: the office default from the settings. */
  verifyDays: z.number().int().nullable(),
  answerDays: z.number().int().nullable(),
  completeDays: z.number().int().nullable(),
  /** PPKS categories suggested for complaints in this category (prefilled at intake). */
  ppks: z.array(ppks),
  active: z.boolean(),
  sortOrder: z.number().int(),
  version,
});
export type ComplaintCategory = z.infer<typeof complaintCategory>;

export const complaintSettings = z.object({
  numberPattern: z.string(),
  kindCodeComplaint: z.string(),
  kindCodeDataService: z.string(),
  verifyDays: z.number().int(),
  answerDays: z.number().int(),
  completeDays: z.number().int(),
  /** How the reporter follows up, printed on the receipt. */
  followUpText: z.string(),
  /** The next numbers as they would be issued now (for the admin's preview). */
  preview: z.object({ complaint: z.string(), dataService: z.string() }),
  version,
});
export type ComplaintSettings = z.infer<typeof complaintSettings>;

/** Intake fields; reporter fields are flat so each error lands next to its field. */
const intakeFields = {
  serviceType: dataServiceType.nullish().transform((v) => v ?? null),
  categoryId: id,
  channel: complaintChannel,
  /** SP4N-LAPOR! ticket, 112 call reference, letter number… */
  channelRef: optionalText(100),
  subject: text(200),
  personId: id.nullish().transform((v) => v ?? null),
  regionCode: regionCode.nullish().transform((v) => v ?? null),
  locationAddress: optionalText(300),
  description: longText(4000),
  urgency: urgency.default('normal'),
  ppks: z.array(ppks).max(26).default([]),
};

const reporterFields = {
  reporterAnonymous: z.boolean().default(false),
  reporterName: optionalText(150),
  reporterPhone: optionalPhone,
  reporterAddress: optionalText(300),
  reporterRelation: optionalText(100),
  reporterConfidential: z.boolean().default(false),
};

export const complaintInput = z.strictObject({
  kind: complaintKind,
  ...intakeFields,
  ...reporterFields,
  /** When the complaint reached the office; defaults to now. Earlier days need a reason. */
  receivedAt: eventTime.optional(),
  backdateReason: optionalText(300),
  assigneeId: id.nullish().transform((v) => v ?? null),
});
export type ComplaintInput = z.input<typeof complaintInput>;

/** Complaint list orders: next deadline (open first), received newest or oldest first. */
export const COMPLAINT_SORTS = ['deadline', 'newest', 'oldest'] as const;

const listInput = z.strictObject({
  /** `open` and `closed` stand for their groups of statuses. */
  status: z.union([complaintStatus, z.enum(['open', 'closed'])]).optional(),
  kind: complaintKind.optional(),
  channel: complaintChannel.optional(),
  categoryId: id.optional(),
  /** An officer's id, `me`, or `none` for unassigned. */
  assignee: z.union([id, z.enum(['me', 'none'])]).optional(),
  /** Complaints located in this region or inside it. */
  regionCode: regionCode.optional(),
  /** Open complaints whose next deadline has passed, is today, or either. */
  due: z.enum(['overdue', 'today', 'today_or_overdue']).optional(),
  /** Received on or after / on or before (office-zone days). */
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  q: searchText(100).optional(),
  sort: z.enum(COMPLAINT_SORTS).default('deadline'),
  ...pageInput,
});
export type ComplaintListInput = z.input<typeof listInput>;

export const complaintsContract = {
  /** Server-side filtered and paged; `deadline` sorts open complaints by their next deadline. */
  'complaints.list': method({
    access: 'complaints.read',
    write: false,
    input: listInput,
    output: z.object({
      rows: z.array(complaintSummary),
      ...pageOutput,
      /** Today in the office zone, the day "overdue" was judged against. */
      today: z.string(),
    }),
  }),
  'complaints.get': method({
    access: 'complaints.read',
    write: false,
    input: byId,
    output: complaint,
  }),
  'complaints.create': method({
    access: 'complaints.write',
    write: true,
    input: complaintInput,
    output: complaint,
  }),
  /**
   * Corrects the intake while the complaint is open. The kind, number and receipt time stay.
   * Reporter fields left out stay as they are (callers who may not see them leave them out).
   */
  'complaints.update': method({
    access: 'complaints.write',
    write: true,
    input: z.strictObject({
      id,
      version,
      ...intakeFields,
      reporterAnonymous: z.boolean().optional(),
      reporterName: reporterFields.reporterName.optional(),
      reporterPhone: reporterFields.reporterPhone.optional(),
      reporterAddress: reporterFields.reporterAddress.optional(),
      reporterRelation: reporterFields.reporterRelation.optional(),
      reporterConfidential: z.boolean().optional(),
    }),
    output: complaint,
  }),
  /**
   * One step of the status flow (shared/workflow/complaints.ts), named by the status it leads
   * to; each step asks for its own fields (closing needs the answer given).
   */
  'complaints.transition': method({
    access: 'complaints.write',
    write: true,
    input: z.strictObject({
      id,
      version,
      to: complaintStatus,
      note: optionalLongText(1000),
      ...complaintStepFields,
    }),
    output: complaint,
  }),
  'complaints.assign': method({
    access: 'complaints.write',
    write: true,
    input: z.strictObject({
      id,
      version,
      assigneeId: id.nullable(),
      note: optionalLongText(1000),
    }),
    output: complaint,
  }),
  /**
   * Appends to the follow-up log; the first `answer` sets the first-answer time. Complaint
   * officers log on any open complaint, caseworkers on those assigned to them.
   */
  'complaints.logAction': method({
    access: 'complaints.followUp',
    write: true,
    input: z.strictObject({
      id,
      type: actionType,
      /** When it happened; defaults to now. */
      at: eventTime.optional(),
      /** Coordination: the other agency. */
      agency: optionalText(200),
      outcome: longText(2000),
    }),
    output: complaint,
  }),
  /** Records that the receipt (tanda terima) was printed: prints are audited. */
  'complaints.receiptPrinted': method({
    access: 'complaints.write',
    write: true,
    input: byId,
    output: z.object({ receiptPrints: z.number().int() }),
  }),
  /** Figures for complaints received in a period; open/overdue by officer are as of today. */
  'complaints.stats': method({
    access: 'complaints.read',
    write: false,
    input: z.strictObject({ from: calendarDate, to: calendarDate }),
    output: z.object({
      from: z.string(),
      to: z.string(),
      received: z.number().int(),
      byChannel: z.array(z.object({ channel: complaintChannel, count: z.number().int() })),
      byCategory: z.array(categoryRef.extend({ count: z.number().int() })),
      byKind: z.array(z.object({ kind: complaintKind, count: z.number().int() })),
      byStatus: z.array(z.object({ status: complaintStatus, count: z.number().int() })),
      closed: z.number().int(),
      closedOnTime: z.number().int(),
      /** Share of closed complaints closed by their completion deadline, 0–100; null if none. */
      onTimePercent: z.number().nullable(),
      verified: z.number().int(),
      verifiedOnTime: z.number().int(),
      /** First answer given (or closed), and how many by the answer deadline. */
      answered: z.number().int(),
      answeredOnTime: z.number().int(),
      /** In working days from the day of receipt. */
      medianDaysToVerify: z.number().nullable(),
      medianDaysToAnswer: z.number().nullable(),
      medianDaysToClose: z.number().nullable(),
      today: z.string(),
      byOfficer: z.array(
        z.object({
          officer: userRef.nullable(),
          open: z.number().int(),
          overdue: z.number().int(),
        }),
      ),
    }),
  }),
  /**
   * Who can be assigned: active complaint officers, caseworkers (follow-up visits) and admins,
   * each with the role they are named by.
   */
  'complaints.officers': method({
    access: 'complaints.read',
    write: false,
    input: z.strictObject({}),
    output: z.object({ officers: z.array(assigneeRef) }),
  }),
  /**
   * What a shelter check-in started from a complaint needs to prefill (no reporter details):
   * for shelter staff, who do not read complaints otherwise.
   */
  'complaints.forCheckin': method({
    access: 'shelter.write',
    write: false,
    input: byId,
    output: z.object({
      id,
      number: z.string(),
      status: complaintStatus,
      receivedAt: isoDateTime,
      personId: id.nullable(),
      personName: z.string().nullable(),
      ppks: z.array(ppks),
      /** The complaint's description, as the condition found. */
      condition: z.string(),
      location: z.string().nullable(),
      /** Referral source for the stay: 112 referrals keep theirs, others come from the community. */
      referralSource: z.enum(['call_112', 'community']),
      referralDetail: z.string(),
    }),
  }),

  'complaints.categories': method({
    access: 'complaints.read',
    write: false,
    input: activeFilter,
    output: z.object({ categories: z.array(complaintCategory) }),
  }),
  'complaints.saveCategory': method({
    access: 'complaints.manage',
    write: true,
    input: z.strictObject({
      ...saveKeys,
      name: text(120),
      nameEn: optionalText(120),
      kind: categoryKind,
      verifyDays: nullableDays,
      answerDays: nullableDays,
      completeDays: nullableDays,
      ppks: z.array(ppks).max(26).default([]),
      active: z.boolean().default(true),
      sortOrder: z.number().int().min(0).max(9999).default(100),
    }),
    output: complaintCategory,
  }),
  'complaints.settings': method({
    access: 'complaints.read',
    write: false,
    input: z.strictObject({}),
    output: complaintSettings,
  }),
  'complaints.saveSettings': method({
    access: 'complaints.manage',
    write: true,
    input: z.strictObject({
      version,
      numberPattern: text(80),
      kindCodeComplaint: searchText(20).toUpperCase(),
      kindCodeDataService: searchText(20).toUpperCase(),
      verifyDays: deadlineDays,
      answerDays: deadlineDays,
      completeDays: deadlineDays,
      followUpText: longText(1000),
    }),
    output: complaintSettings,
  }),
};
