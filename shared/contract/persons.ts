import { z } from 'zod';
import {
  IDENTITY_STATUSES,
  MATCH_EVIDENCE,
  MARITAL_STATUSES,
  QUALITY_CODES,
  RELIGIONS,
  SEXES,
} from '../reference/persons';
import { DTSEN_PROGRAMS } from '../reference/dtsen';
import { FINDING_STATUSES } from '../reference/findings';
import { method } from './method';
import { timelineEvent } from './timeline';
import {
  byId,
  dateFrom,
  id,
  isoDateTime,
  longText,
  optionalLongText,
  optionalPhone,
  optionalText,
  orNull,
  pageInput,
  regionCode,
  searchText,
  text,
  version,
} from './schemas';
import { cleanString } from './text';

export const sex = z.enum(SEXES);
export const identityStatus = z.enum(IDENTITY_STATUSES);
export const qualityCode = z.enum(QUALITY_CODES);

/** 16 digits (No. KK); spaces and dots typed by the user are removed first. */
const sixteenDigits = (key: 'person.kk_format') =>
  orNull(
    cleanString()
      .max(40)
      .transform((s) => s.replace(/[\s.]/g, ''))
      .pipe(z.union([z.literal(''), z.string().regex(/^\d{16}$/, { error: key })])),
  );

/**
 * A NIK as typed, spaces and dots removed. Its structure (length, digits, date, region) is
 * checked by the backend with parseNik, which names exactly what is wrong.
 */
const nikText = orNull(
  cleanString()
    .max(40)
    .transform((s) => s.replace(/[\s.]/g, '')),
);

const smallNumber = orNull(
  z
    .string()
    .trim()
    .regex(/^\d{0,3}$/, { error: 'validation.invalid_format' }),
);

export const personInput = z.strictObject({
  nik: nikText,
  kk: sixteenDigits('person.kk_format'),
  fullName: text(150),
  aliases: z.array(text(150)).max(10).default([]),
  sex: sex.nullish().transform((v) => v ?? null),
  birthPlace: optionalText(100),
  /** From 1900; not in the future (the backend knows the office's today). */
  birthDate: dateFrom('1900-01-01', 'person.birth_too_early')
    .nullish()
    .transform((v) => v ?? null),
  /** When the birth date is unknown: an estimated age in years (flagged as estimated). */
  estimatedAge: z
    .number()
    .int()
    .min(0)
    .max(120)
    .nullish()
    .transform((v) => v ?? null),
  motherName: optionalText(150),
  maritalStatus: z
    .enum(MARITAL_STATUSES)
    .nullish()
    .transform((v) => v ?? null),
  religion: z
    .enum(RELIGIONS)
    .nullish()
    .transform((v) => v ?? null),
  phone: optionalPhone,
  address: optionalText(300),
  rt: smallNumber,
  rw: smallNumber,
  /** Kelurahan/desa of the address (level 4). */
  villageCode: regionCode.nullish().transform((v) => v ?? null),
  /** Daerah asal: kabupaten/kota or finer; separate from the NIK's region. */
  originCode: regionCode.nullish().transform((v) => v ?? null),
  identityStatus,
  identityEvidence: optionalLongText(500),
  disabilities: optionalLongText(300),
  notes: optionalLongText(2000),
  /** Why a missing key field is missing; a present value is always `complete` (or `partial`). */
  missingReasons: z
    .strictObject({
      nik: z.enum(['unknown', 'refused']).optional(),
      birthDate: z.enum(['unknown', 'refused']).optional(),
      origin: z.enum(['unknown', 'refused']).optional(),
      address: z.enum(['unknown', 'refused']).optional(),
    })
    .default({}),
  /** The name is only a nickname or incomplete. */
  namePartial: z.boolean().default(false),
});
export type PersonInput = z.input<typeof personInput>;

export const regionRef = z.object({ code: z.string(), name: z.string(), path: z.string() });

export const quality = z.object({
  name: qualityCode,
  nik: qualityCode,
  birthDate: qualityCode,
  origin: qualityCode,
  address: qualityCode,
});

export const lastStay = z.object({
  stayId: id,
  shelterName: z.string(),
  checkinAt: isoDateTime,
  checkoutAt: isoDateTime.nullable(),
});

/** Enough to tell people apart in a result list. */
export const personSummary = z.object({
  id,
  fullName: z.string(),
  aliases: z.array(z.string()),
  nik: z.string().nullable(),
  sex: sex.nullable(),
  birthDate: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  birthDateEstimated: z.boolean(),
  origin: regionRef.nullable(),
  identityStatus,
  lastStay: lastStay.nullable(),
  mergedInto: id.nullable(),
});
export type PersonSummary = z.infer<typeof personSummary>;

export const person = personSummary.extend({
  kk: z.string().nullable(),
  birthPlace: z.string().nullable(),
  motherName: z.string().nullable(),
  maritalStatus: z.enum(MARITAL_STATUSES).nullable(),
  religion: z.enum(RELIGIONS).nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  rt: z.string().nullable(),
  rw: z.string().nullable(),
  village: regionRef.nullable(),
  identityEvidence: z.string().nullable(),
  disabilities: z.string().nullable(),
  notes: z.string().nullable(),
  hasPhoto: z.boolean(),
  /** The photo in the file store; shown through the file port's download (audited). */
  photoFileId: id.nullable(),
  quality,
  /** Warnings from the NIK check (region unknown, birth date or sex disagreeing). */
  nikWarnings: z.array(
    z.object({
      key: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  ),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version,
});
export type Person = z.infer<typeof person>;

export const stayBrief = z.object({
  id,
  shelterName: z.string(),
  bedLabel: z.string(),
  checkinAt: isoDateTime,
  checkoutAt: isoDateTime.nullable(),
  exitType: z.string().nullable(),
  destination: regionRef.nullable(),
  ppks: z.array(z.string()),
});

/**
 * One entry of a person's timeline: the timeline shape every record type shares, plus the record
 * it belongs to (a stay began, a complaint was received), as each domain registers it.
 */
export const personTimelineEntry = timelineEvent.extend({
  /** The domain that registered it: `shelter`, `complaints`, … */
  domain: z.string(),
  recordType: z.string(),
  recordId: id,
  /** A short label: the shelter's name, the complaint's number and subject. */
  label: z.string(),
});
export type PersonTimelineEntry = z.infer<typeof personTimelineEntry>;

/** The person in one DTSEN list: registered (with desil and programmes) or not found. */
export const dtsenStatus = z.object({
  listId: id,
  listDate: z.string(),
  registered: z.boolean(),
  desil: z.number().int().nullable(),
  programs: z.array(z.enum(DTSEN_PROGRAMS)),
});

/**
 * What other domains hold about a person, as each registers it (persons never reads their
 * tables). `null`: the caller may not read that domain.
 */
export const personLinks = z.object({
  shelter: z.object({ stays: z.array(stayBrief) }).nullable(),
  complaints: z.object({ open: z.number().int(), total: z.number().int() }).nullable(),
  /** Exchange with partner offices: consent to sharing, where the record came from, sent to. */
  packets: z
    .object({
      consent: z.enum(['given', 'refused']).nullable(),
      consentVersion: z.number().int().nullable(),
      from: z.array(z.object({ office: z.string(), linked: z.boolean() })),
      sentTo: z.array(z.object({ office: z.string(), at: isoDateTime })),
      remoteStays: z.array(
        z.object({
          id,
          office: z.string(),
          shelterName: z.string(),
          checkinAt: isoDateTime,
          checkoutAt: isoDateTime.nullable(),
          exitType: z.string().nullable(),
        }),
      ),
    })
    .nullable(),
  findings: z
    .object({
      findings: z.array(
        z.object({
          id,
          number: z.string(),
          foundAt: isoDateTime,
          status: z.enum(FINDING_STATUSES),
        }),
      ),
    })
    .nullable(),
  /**
   * The person's status in the latest DTSEN list (null: no list imported yet), and the earlier
   * lists' statuses, newest first.
   */
  dtsen: z
    .object({
      latest: dtsenStatus.nullable(),
      history: z.array(dtsenStatus),
    })
    .nullable(),
  /** PPKS case files: the open ones by number, and how many in all. */
  cases: z
    .object({
      open: z.array(z.object({ id, number: z.string(), state: z.string() })),
      total: z.number().int(),
    })
    .nullable(),
  letters: z.object({ issued: z.number().int(), total: z.number().int() }).nullable(),
});
export type PersonLinks = z.infer<typeof personLinks>;

/**
 * A data-subject export (UU PDP): the record, the records merged into it, every domain's part.
 * The content of the JSON file `persons.export` offers for saving.
 */
export const personExport = z.object({
  exportedAt: isoDateTime,
  person,
  mergedRecords: z.array(person),
  domains: z.record(z.string(), z.unknown()),
});
export type PersonExport = z.infer<typeof personExport>;

/** One fact for or against two records being the same person (`person.match.<code>`). */
export const matchEvidence = z.object({
  code: z.enum(MATCH_EVIDENCE),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type MatchEvidence = z.infer<typeof matchEvidence>;
export const matchLevel = z.enum(['likely', 'possibly']);

export const duplicateCandidate = personSummary.extend({
  reasons: z.array(
    z.enum(['same_nik', 'similar_name', 'same_birth_date', 'close_birth_date', 'same_origin']),
  ),
  /** "likely the same person" or "possibly the same". */
  level: matchLevel,
  score: z.number().int(),
  evidence: z.array(matchEvidence),
});

const duplicateProbe = z.strictObject({
  excludeId: id.optional(),
  nik: personInput.shape.nik,
  fullName: searchText(150).default(''),
  aliases: z.array(searchText(150)).max(10).default([]),
  sex: personInput.shape.sex,
  birthDate: personInput.shape.birthDate,
  estimatedAge: personInput.shape.estimatedAge,
  originCode: personInput.shape.originCode,
  motherName: personInput.shape.motherName,
});

/** A pair in the review queue: two records the background scan found to be one person. */
export const reviewPair = z.object({
  a: personSummary,
  b: personSummary,
  level: matchLevel,
  score: z.number().int(),
  evidence: z.array(matchEvidence),
  foundAt: isoDateTime,
});

export const reviewScan = z.object({
  done: z.number().int(),
  total: z.number().int(),
  running: z.boolean(),
});

/** Best match first (without a query: newest record first), or by name. */
export const PERSON_SORTS = ['relevance', 'name', 'name_desc'] as const;
/** A search ranks at most this many matches; the list says so when it is reached. */
export const PERSON_SEARCH_CAP = 500;

export const personsContract = {
  /**
   * One box: NIK (full or first digits), any part of a name or alias, birth year, or origin.
   * Paged (`limit` rows a page) and sortable for the people list; without `q` it lists everyone.
   * `total` counts the ranked matches, at most PERSON_SEARCH_CAP.
   */
  'persons.search': method({
    access: 'persons.read',
    write: false,
    input: z.strictObject({
      q: searchText(100).default(''),
      limit: z.number().int().min(1).max(100).default(20),
      page: pageInput.page,
      sort: z.enum(PERSON_SORTS).default('relevance'),
      includeMerged: z.boolean().default(false),
    }),
    output: z.object({
      results: z.array(personSummary),
      total: z.number().int(),
      page: z.number().int(),
    }),
  }),
  'persons.get': method({
    access: 'persons.read',
    write: false,
    input: byId,
    output: z.object({ person, links: personLinks, timeline: z.array(personTimelineEntry) }),
  }),
  /**
   * Admin: everything the office holds about a person, for a data-subject request (audited), as
   * a generated JSON file (`personExport`) the renderer saves with saveFile.
   */
  'persons.export': method({
    access: 'persons.export',
    write: true,
    input: byId,
    output: z.object({ fileId: id }),
  }),
  /** Likely duplicates of what is being typed, shown before saving. Never merges. */
  'persons.duplicates': method({
    access: 'persons.read',
    write: false,
    input: duplicateProbe,
    output: z.object({ candidates: z.array(duplicateCandidate) }),
  }),
  /** Admin: likely duplicates already in the registry, found by the background scan. */
  'persons.reviewQueue': method({
    access: 'persons.merge',
    write: false,
    input: z.strictObject({
      level: matchLevel.optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(100).default(25),
    }),
    /** `page` is the 1-based page `offset` falls on, for the list's pager. */
    output: z.object({
      pairs: z.array(reviewPair),
      total: z.number().int(),
      page: z.number().int(),
      scan: reviewScan,
    }),
  }),
  /** Admin: two records are not the same person; remembered, never asked again. */
  'persons.reviewDistinct': method({
    access: 'persons.merge',
    write: true,
    input: z.strictObject({ aId: id, bId: id }),
    output: z.object({ ok: z.literal(true) }),
  }),
  'persons.create': method({
    access: 'persons.write',
    write: true,
    input: personInput,
    output: person,
  }),
  'persons.update': method({
    access: 'persons.write',
    write: true,
    input: personInput.extend({ id, version }),
    output: person,
  }),
  /** Admin tool: `mergeId` is folded into `keepId`; every stay moves, the merged record stays as a pointer. */
  'persons.merge': method({
    access: 'persons.merge',
    write: true,
    input: z.strictObject({
      keepId: id,
      keepVersion: version,
      mergeId: id,
      mergeVersion: version,
      reason: longText(500),
    }),
    output: person,
  }),
  /**
   * Sets the photo to a file uploaded for the `personPhoto` purpose (uploadFile in the renderer,
   * shared/files.ts); null removes it. The photo it replaces is released (files/references.ts).
   */
  'persons.setPhoto': method({
    access: 'persons.write',
    write: true,
    input: z.strictObject({ id, version, fileId: id.nullable() }),
    output: person,
  }),
};
