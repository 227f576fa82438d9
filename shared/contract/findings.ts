/**
 * Findings (laporan temuan PPKS): reported by kelurahan operators (their own kelurahan only) or
 * by city staff, triaged at the city against working-day clocks. A kelurahan operator sees only
 * its own kelurahan's findings and, of the people in them, only what was reported; the city sees
 * the person matcher's candidates and links the finding to a registry person before acting.
 *
 * A finding is one self-contained record (who, where, when, what, who reports): the exchange
 * packets' record type for findings sent from a kelurahan PC carries exactly `findingInput`.
 */
import { z } from 'zod';
import { URGENCIES } from '../reference/complaints';
import {
  FINDING_OUTCOMES,
  FINDING_SOURCES,
  FINDING_STATUSES,
  REPORTER_ROLES,
} from '../reference/findings';
import { PPKS_CODES } from '../reference/ppks';
import { FINDING_STEPS, findingStepFields } from '../workflow/findings';
import { method } from './method';
import {
  byId,
  dateFrom,
  eventTime,
  id,
  isoDateTime,
  longText,
  optionalLongText,
  optionalText,
  pageInput,
  pageOutput,
  regionCode,
  searchText,
  text,
  version,
} from './schemas';
import { timelineEvent } from './timeline';

export const findingStatus = z.enum(FINDING_STATUSES);
export const findingOutcome = z.enum(FINDING_OUTCOMES);
export const reporterRole = z.enum(REPORTER_ROLES);

const nik = orNullNik();
function orNullNik() {
  return z
    .string()
    .trim()
    .transform((s) => s.replace(/[\s.]/g, ''))
    .pipe(z.union([z.literal(''), z.string().regex(/^\d{16}$/, { error: 'finding.nik_format' })]))
    .nullish()
    .transform((v) => (v ? v : null));
}

/** Who was found, as far as the reporter knows. */
export const findingSubject = z.strictObject({
  name: optionalText(150),
  nik,
  sex: z
    .enum(['M', 'F'])
    .nullish()
    .transform((v) => v ?? null),
  birthDate: dateFrom('1900-01-01', 'person.birth_too_early')
    .nullish()
    .transform((v) => v ?? null),
  age: z
    .number()
    .int()
    .min(0)
    .max(130)
    .nullish()
    .transform((v) => v ?? null),
  /** Appearance, clothes, what they said: for someone without a name. */
  description: optionalLongText(1000),
});

export const findingInput = z.strictObject({
  /** A kelurahan (level 4) of the office's city; an operator's own is taken when left out. */
  kelurahanCode: regionCode.optional(),
  place: text(300),
  foundAt: eventTime,
  ppks: z.array(z.enum(PPKS_CODES)).min(1, { error: 'finding.ppks_required' }).max(26),
  condition: longText(2000),
  urgency: z.enum(URGENCIES),
  actionTaken: optionalLongText(2000),
  reporterRole,
  reporterName: text(150),
  reporterContact: optionalText(150),
  /** A registry person the reporter picked (city staff only; operators cannot search). */
  personId: id.nullish().transform((v) => v ?? null),
  subject: findingSubject,
});
export type FindingInput = z.input<typeof findingInput>;

const clock = z.object({
  due: z.string(),
  overdue: z.boolean(),
  dueToday: z.boolean(),
  /** Reached (triaged, acted on); null while pending. */
  metAt: isoDateTime.nullable(),
});

export const findingSummary = z.object({
  id,
  number: z.string(),
  source: z.enum(FINDING_SOURCES),
  kelurahan: z.object({ code: z.string(), name: z.string(), kecamatan: z.string() }),
  place: z.string(),
  foundAt: isoDateTime,
  receivedAt: isoDateTime,
  urgency: z.enum(URGENCIES),
  ppks: z.array(z.enum(PPKS_CODES)),
  status: findingStatus,
  outcome: findingOutcome.nullable(),
  /** The name as reported, or the linked person's name. */
  subjectName: z.string().nullable(),
  personId: id.nullable(),
  reporterRole,
  reporterName: z.string(),
  /** The next clock not yet met (triage, then acting); null once acted on or closed. */
  next: clock.extend({ stage: z.enum(['triage', 'act']) }).nullable(),
  version,
});
export type FindingSummary = z.infer<typeof findingSummary>;

export const matchCandidate = z.object({
  id,
  fullName: z.string(),
  nik: z.string().nullable(),
  birthDate: z.string().nullable(),
  villageName: z.string().nullable(),
  level: z.enum(['likely', 'possibly']),
  score: z.number(),
});

export const finding = findingSummary.extend({
  condition: z.string(),
  actionTaken: z.string().nullable(),
  reporterContact: z.string().nullable(),
  subject: z.object({
    name: z.string().nullable(),
    nik: z.string().nullable(),
    sex: z.enum(['M', 'F']).nullable(),
    birthDate: z.string().nullable(),
    age: z.number().int().nullable(),
    description: z.string().nullable(),
  }),
  person: z.object({ id, fullName: z.string(), nik: z.string().nullable() }).nullable(),
  triage: clock,
  act: clock,
  triageNote: z.string().nullable(),
  stay: z.object({ id, shelterName: z.string(), checkinAt: isoDateTime }).nullable(),
  complaint: z.object({ id, number: z.string(), subject: z.string() }).nullable(),
  referredTo: z.string().nullable(),
  closeReason: z.string().nullable(),
  /** The person matcher's candidates, for triagers while no person is linked; else empty. */
  candidates: z.array(matchCandidate),
  /** Open stays of the linked person, to record a shelter check-in against. */
  openStays: z.array(z.object({ id, shelterName: z.string(), checkinAt: isoDateTime })),
  events: z.array(timelineEvent),
});
export type Finding = z.infer<typeof finding>;

export const FINDING_SORTS = ['due', 'received_desc', 'found_desc'] as const;

export const findingsContract = {
  /** Reports a finding; an operator's goes to its own kelurahan. Nobody is created in the registry. */
  'findings.create': method({
    access: 'findings.report',
    write: true,
    input: findingInput,
    output: finding,
  }),
  /** The queue: the city sees every kelurahan, an operator only its own. */
  'findings.list': method({
    access: 'findings.read',
    write: false,
    input: z.strictObject({
      status: z.enum([...FINDING_STATUSES, 'open']).optional(),
      kelurahanCode: regionCode.optional(),
      q: searchText(100).optional(),
      sort: z.enum(FINDING_SORTS).default('due'),
      ...pageInput,
    }),
    output: z.object({ findings: z.array(findingSummary), ...pageOutput }),
  }),
  /** One finding; reading it is recorded (personal data). */
  'findings.get': method({
    access: 'findings.read',
    write: false,
    input: byId,
    output: finding,
  }),
  /** Links the finding to a registry person (a matcher candidate, or one just registered). */
  'findings.linkPerson': method({
    access: 'findings.triage',
    write: true,
    input: z.strictObject({ id, version, personId: id }),
    output: finding,
  }),
  /** One workflow step (shared/workflow/findings.ts). */
  'findings.transition': method({
    access: 'findings.triage',
    write: true,
    input: z.strictObject({
      id,
      version,
      step: z.enum(FINDING_STEPS),
      note: optionalLongText(1000),
      ...findingStepFields,
    }),
    output: finding,
  }),
};
