import { z } from 'zod';
import { PPKS_CODES } from '../reference/ppks';
import {
  EXIT_TYPES,
  LOGGED_EVENT_KINDS,
  REFERRAL_SOURCES,
  ROOM_KINDS,
  STAY_EVENT_KINDS,
} from '../reference/shelter';
import { method } from './method';
import { personSummary, regionRef } from './persons';
import {
  activeFilter,
  byId,
  calendarDate,
  eventTime,
  id,
  isoDateTime,
  keysetInput,
  keysetOutput,
  longText,
  optionalLongText,
  optionalText,
  regionCode,
  saveKeys,
  text,
  version,
} from './schemas';

export const roomKind = z.enum(ROOM_KINDS);
export const referralSource = z.enum(REFERRAL_SOURCES);
export const stayEventKind = z.enum(STAY_EVENT_KINDS);
export const exitType = z.enum(EXIT_TYPES);
export const ppksCode = z.enum(PPKS_CODES);

export const bed = z.object({
  id,
  roomId: id,
  label: z.string(),
  active: z.boolean(),
  version,
});
/** Ages in whole years, both ends included; null: no limit on that side. */
const age = z.number().int().min(0).max(120).nullable();
export const room = z.object({
  id,
  shelterId: id,
  name: z.string(),
  kind: roomKind,
  ageMin: age,
  ageMax: age,
  version,
  beds: z.array(bed),
});
export const shelter = z.object({
  id,
  name: z.string(),
  address: z.string().nullable(),
  capacity: z.number().int(),
  active: z.boolean(),
  version,
  rooms: z.array(room),
});
export type Shelter = z.infer<typeof shelter>;

export const stayEvent = z.object({
  id,
  stayId: id,
  at: isoDateTime,
  kind: stayEventKind,
  note: z.string().nullable(),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
});

export const stay = z.object({
  id,
  person: personSummary,
  shelterId: id,
  shelterName: z.string(),
  bedId: id,
  bedLabel: z.string(),
  roomName: z.string(),
  checkinAt: isoDateTime,
  referralSource,
  referralDetail: z.string().nullable(),
  ppks: z.array(ppksCode),
  condition: z.string().nullable(),
  healthNotes: z.string().nullable(),
  belongings: z.string().nullable(),
  checkoutAt: isoDateTime.nullable(),
  exitType: exitType.nullable(),
  destination: regionRef.nullable(),
  destinationDetail: z.string().nullable(),
  escort: z.string().nullable(),
  /** Whole days so far (or in total once checked out). */
  days: z.number().int(),
  overdue: z.boolean(),
  complaintId: z.string().nullable(),
  events: z.array(stayEvent),
  version,
});
export type Stay = z.infer<typeof stay>;

export const rosterBed = z.object({
  bed,
  roomName: z.string(),
  roomKind,
  ageMin: age,
  ageMax: age,
  stay: z
    .object({
      id,
      person: personSummary,
      checkinAt: isoDateTime,
      days: z.number().int(),
      overdue: z.boolean(),
      ppks: z.array(ppksCode),
    })
    .nullable(),
});

export const historyRow = z.object({
  id,
  personId: id,
  personName: z.string(),
  nik: z.string().nullable(),
  origin: regionRef.nullable(),
  shelterName: z.string(),
  bedLabel: z.string(),
  checkinAt: isoDateTime,
  checkoutAt: isoDateTime.nullable(),
  exitType: exitType.nullable(),
  destination: regionRef.nullable(),
  days: z.number().int(),
  ppks: z.array(ppksCode),
});

const checkoutFields = {
  checkoutAt: eventTime,
  exitType,
  /** Where the person went: required for reunification, repatriation and referrals. */
  destinationCode: regionCode.nullish().transform((v) => v ?? null),
  destinationDetail: optionalLongText(500),
  escort: optionalText(200),
};

/** Required when the person does not fit the room (shared/placement.ts); noted in the log. */
const overrideReason = optionalText(500);

/** Stay history orders: by check-in, newest or oldest first. */
export const HISTORY_SORTS = ['newest', 'oldest'] as const;

export const shelterContract = {
  'shelters.list': method({
    access: 'shelter.read',
    write: false,
    input: activeFilter,
    output: z.object({ shelters: z.array(shelter) }),
  }),
  'shelters.save': method({
    access: 'shelter.manage',
    write: true,
    input: z.strictObject({
      ...saveKeys,
      name: text(150),
      address: optionalText(300),
      capacity: z.number().int().min(0).max(1000),
      active: z.boolean().default(true),
    }),
    output: shelter,
  }),
  'shelters.saveRoom': method({
    access: 'shelter.manage',
    write: true,
    input: z.strictObject({
      ...saveKeys,
      shelterId: id,
      name: text(100),
      kind: roomKind,
      ageMin: age.default(null),
      ageMax: age.default(null),
    }),
    output: shelter,
  }),
  'shelters.saveBed': method({
    access: 'shelter.manage',
    write: true,
    input: z.strictObject({
      ...saveKeys,
      roomId: id,
      label: text(50),
      active: z.boolean().default(true),
    }),
    output: shelter,
  }),
  /** Current residents by bed, with days stayed and overdue flags (office maximum stay). */
  'stays.roster': method({
    access: 'shelter.read',
    write: false,
    input: z.strictObject({ shelterId: id }),
    output: z.object({ maxStayDays: z.number().int(), beds: z.array(rosterBed) }),
  }),
  'stays.checkIn': method({
    access: 'shelter.write',
    write: true,
    input: z.strictObject({
      personId: id,
      bedId: id,
      /** Defaults to now. */
      checkinAt: eventTime.optional(),
      referralSource,
      referralDetail: optionalText(300),
      ppks: z.array(ppksCode).min(1, { error: 'stay.ppks_required' }),
      condition: optionalLongText(1000),
      healthNotes: optionalLongText(1000),
      belongings: optionalLongText(1000),
      complaintId: id.optional(),
      overrideReason,
    }),
    output: stay,
  }),
  /**
   * Moves a resident to another free bed. The stay keeps one bed for its whole length, so the
   * new bed must have been free since the check-in.
   */
  'stays.moveBed': method({
    access: 'shelter.write',
    write: true,
    input: z.strictObject({ id, version, bedId: id, overrideReason }),
    output: stay,
  }),
  'stays.get': method({
    access: 'shelter.read',
    write: false,
    input: byId,
    output: stay,
  }),
  'stays.logEvent': method({
    access: 'shelter.write',
    write: true,
    input: z.strictObject({
      stayId: id,
      kind: z.enum(LOGGED_EVENT_KINDS),
      at: eventTime.optional(),
      note: optionalLongText(1000),
    }),
    output: stay,
  }),
  'stays.checkOut': method({
    access: 'shelter.write',
    write: true,
    input: z.strictObject({ id, version, ...checkoutFields }),
    output: stay,
  }),
  /** Admin correction of a checked-out stay; audited with the reason. */
  'stays.correct': method({
    access: 'shelter.correct',
    write: true,
    input: z.strictObject({
      id,
      version,
      checkinAt: eventTime,
      ...checkoutFields,
      reason: longText(500),
    }),
    output: stay,
  }),
  /**
   * Stay history by check-in (newest first unless `sort` says otherwise), keyset-paged so it
   * stays fast with millions of stays: no total, next and previous pages from the cursors.
   */
  'stays.history': method({
    access: 'shelter.read',
    write: false,
    input: z.strictObject({
      shelterId: id.optional(),
      from: calendarDate.optional(),
      to: calendarDate.optional(),
      /** Origin kabupaten/kota (two-level code). */
      originRegency: regionCode.optional(),
      exitType: z.union([exitType, z.literal('active')]).optional(),
      ppks: ppksCode.optional(),
      /** Check-in order; both read the check-in indexes. */
      sort: z.enum(HISTORY_SORTS).default('newest'),
      ...keysetInput,
      limit: z.number().int().min(1).max(100).default(50),
    }),
    output: z.object({ rows: z.array(historyRow), ...keysetOutput }),
  }),
  /** Figures for a period: served, origin share, exits, length of stay, identity. */
  'stays.stats': method({
    access: 'shelter.read',
    write: false,
    input: z.strictObject({ from: calendarDate, to: calendarDate, shelterId: id.optional() }),
    output: z.object({
      peopleServed: z.number().int(),
      stays: z.number().int(),
      fromOwnCity: z.number().int(),
      fromElsewhere: z.number().int(),
      originUnknown: z.number().int(),
      byOrigin: z.array(z.object({ code: z.string(), name: z.string(), people: z.number().int() })),
      exits: z.array(z.object({ exitType, stays: z.number().int() })),
      averageStayDays: z.number().nullable(),
      withoutVerifiedIdentity: z.number().int(),
      stillInShelter: z.number().int(),
    }),
  }),
};
