/**
 * Letters (surat dinas): templates with placeholders filled from a source record (a person, a
 * shelter stay; cases and referrals plug in as further sources), the draft → submitted → issued
 * → voided flow, the gapless register (agenda surat keluar), the PDF, and the verification of a
 * printed letter's QR or short code.
 */
import { z } from 'zod';
import {
  LETTER_LAYOUTS,
  LETTER_PAPERS,
  LETTER_STATUSES,
  SIGN_PREFIXES,
} from '../reference/letters';
import { letterStepFields } from '../workflow/letters';
import { method } from './method';
import {
  activeFilter,
  byId,
  id,
  isoDateTime,
  longText,
  optionalLongText,
  optionalText,
  pageInput,
  pageOutput,
  saveKeys,
  searchText,
  text,
  version,
} from './schemas';
import { timelineEvent } from './timeline';

export const letterStatus = z.enum(LETTER_STATUSES);
export const letterLayout = z.enum(LETTER_LAYOUTS);
export const letterPaper = z.enum(LETTER_PAPERS);
export const signPrefix = z.enum(SIGN_PREFIXES);
/** A source kind from the backend's registry (letters/sources); checked there. */
const sourceKind = z.string().regex(/^[a-z_]{1,30}$/, { error: 'letter.source_unknown' });
const code = z.string().trim().min(1).max(30);
const optionalId = id.nullish().transform((v) => v ?? null);

export const letterSource = z.object({
  kind: z.string(),
  /** The placeholders this source fills, in the order the template editor lists them. */
  placeholders: z.array(z.string()),
});

export const classification = z.object({
  id,
  code: z.string(),
  name: z.string(),
  numberPattern: z.string(),
  active: z.boolean(),
  version,
});
export type Classification = z.infer<typeof classification>;

export const signatory = z.object({
  id,
  name: z.string(),
  rank: z.string().nullable(),
  nip: z.string().nullable(),
  position: z.string(),
  /** a.n./Plt./Plh., and for whom: "KEPALA DINAS SOSIAL". */
  prefix: signPrefix,
  onBehalfOf: z.string().nullable(),
  active: z.boolean(),
  version,
});
export type Signatory = z.infer<typeof signatory>;

/** The parts of a letter a template gives and a draft may edit. */
const letterTextFields = {
  subject: text(300),
  addressee: optionalLongText(500),
  addresseePlace: optionalText(150),
  sifat: optionalText(50),
  lampiran: optionalText(100),
  body: longText(20_000),
  closing: optionalLongText(1000),
  tembusan: optionalLongText(1000),
  paper: letterPaper,
};

export const template = z.object({
  id,
  name: z.string(),
  title: z.string(),
  layout: letterLayout,
  sourceKind: z.string(),
  subject: z.string(),
  addressee: z.string().nullable(),
  addresseePlace: z.string().nullable(),
  sifat: z.string().nullable(),
  lampiran: z.string().nullable(),
  body: z.string(),
  closing: z.string().nullable(),
  tembusan: z.string().nullable(),
  paper: letterPaper,
  classificationId: id,
  signatoryId: id.nullable(),
  active: z.boolean(),
  version,
});
export type LetterTemplate = z.infer<typeof template>;

export const templateInput = z.strictObject({
  ...saveKeys,
  name: text(120),
  title: text(150),
  layout: letterLayout,
  sourceKind,
  ...letterTextFields,
  classificationId: id,
  signatoryId: optionalId,
  active: z.boolean().default(true),
});

export const letterSummary = z.object({
  id,
  number: z.string().nullable(),
  status: letterStatus,
  title: z.string(),
  subject: z.string(),
  templateName: z.string(),
  classificationCode: z.string(),
  letterDate: z.string().nullable(),
  sourceKind: z.string(),
  sourceId: id,
  /** The record the letter is about, as the register shows it: the person's name. */
  sourceLabel: z.string(),
  personId: id.nullable(),
  issuedBy: z.object({ id, fullName: z.string() }).nullable(),
  issuedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  version,
});
export type LetterSummary = z.infer<typeof letterSummary>;

export const letter = letterSummary.extend({
  layout: letterLayout,
  addressee: z.string().nullable(),
  addresseePlace: z.string().nullable(),
  sifat: z.string().nullable(),
  lampiran: z.string().nullable(),
  body: z.string(),
  closing: z.string().nullable(),
  tembusan: z.string().nullable(),
  paper: letterPaper,
  classificationId: id,
  signatory: signatory.nullable(),
  /** Placeholders the source record has no value for: the draft cannot be submitted with them. */
  missing: z.array(z.string()),
  voidReason: z.string().nullable(),
  refersTo: z.object({ id, number: z.string().nullable() }).nullable(),
  /** The short code printed under the QR (issued letters only). */
  verificationCode: z.string().nullable(),
  prints: z.number().int(),
  createdBy: z.object({ id, fullName: z.string() }).nullable(),
  events: z.array(timelineEvent),
});
export type Letter = z.infer<typeof letter>;

export const LETTER_SORTS = ['newest', 'number'] as const;

export const verification = z.discriminatedUnion('found', [
  z.object({
    found: z.literal(false),
    /** `unknown`: no letter with this code; `bad_signature`: the QR was altered. */
    reason: z.enum(['unknown', 'bad_signature', 'malformed']),
  }),
  z.object({
    found: z.literal(true),
    number: z.string(),
    letterDate: z.string(),
    title: z.string(),
    subject: z.string(),
    office: z.string(),
    signatoryName: z.string().nullable(),
    issuedAt: isoDateTime,
    voided: z.boolean(),
    voidReason: z.string().nullable(),
    voidedAt: isoDateTime.nullable(),
    /** The QR's signature checked against the office key (false when only the short code was typed). */
    signatureChecked: z.boolean(),
  }),
]);
export type Verification = z.infer<typeof verification>;

export const lettersContract = {
  'letters.templates': method({
    access: 'letters.read',
    write: false,
    input: activeFilter,
    output: z.object({ templates: z.array(template), sources: z.array(letterSource) }),
  }),
  'letters.saveTemplate': method({
    access: 'letters.manage',
    write: true,
    input: templateInput,
    output: template,
  }),
  'letters.classifications': method({
    access: 'letters.read',
    write: false,
    input: activeFilter,
    output: z.object({ classifications: z.array(classification) }),
  }),
  'letters.saveClassification': method({
    access: 'letters.manage',
    write: true,
    input: z.strictObject({
      ...saveKeys,
      code,
      name: text(200),
      numberPattern: text(80),
      active: z.boolean().default(true),
    }),
    output: classification,
  }),
  'letters.signatories': method({
    access: 'letters.read',
    write: false,
    input: activeFilter,
    output: z.object({ signatories: z.array(signatory) }),
  }),
  'letters.saveSignatory': method({
    access: 'letters.manage',
    write: true,
    input: z.strictObject({
      ...saveKeys,
      name: text(150),
      rank: optionalText(100),
      nip: z
        .string()
        .trim()
        .max(30)
        .nullish()
        .transform((v) => v || null),
      position: text(200),
      prefix: signPrefix.default(''),
      onBehalfOf: optionalText(200),
      active: z.boolean().default(true),
    }),
    output: signatory,
  }),
  'letters.create': method({
    access: 'letters.write',
    write: true,
    input: z.strictObject({
      templateId: id,
      sourceKind,
      sourceId: id,
      /** The voided letter this one corrects. */
      refersTo: optionalId,
    }),
    output: letter,
  }),
  'letters.update': method({
    access: 'letters.write',
    write: true,
    input: z.strictObject({
      id,
      version,
      ...letterTextFields,
      classificationId: id,
      signatoryId: optionalId,
    }),
    output: letter,
  }),
  'letters.get': method({
    access: 'letters.read',
    write: false,
    input: byId,
    output: letter,
  }),
  'letters.transition': method({
    access: 'letters.write',
    write: true,
    input: z.strictObject({
      id,
      version,
      to: letterStatus,
      note: optionalLongText(1000),
      ...letterStepFields,
    }),
    output: letter,
  }),
  'letters.register': method({
    access: 'letters.read',
    write: false,
    input: z.strictObject({
      year: z.number().int().min(2000).max(2100).nullish(),
      status: letterStatus.nullish(),
      classificationId: id.nullish(),
      templateId: id.nullish(),
      sourceId: id.nullish(),
      personId: id.nullish(),
      q: searchText(100).default(''),
      sort: z.enum(LETTER_SORTS).default('newest'),
      ...pageInput,
    }),
    output: z.object({ rows: z.array(letterSummary), ...pageOutput }),
  }),
  'letters.pdf': method({
    access: 'letters.read',
    write: true,
    input: byId,
    output: z.object({
      fileId: id,
      name: z.string(),
      /** A reprint of an issued letter, marked SALINAN. */
      copy: z.boolean(),
    }),
  }),
  'letters.verify': method({
    access: 'signedIn',
    write: false,
    input: z.strictObject({ code: z.string().trim().min(1).max(400) }),
    output: verification,
  }),
};
