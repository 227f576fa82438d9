import { z } from 'zod';
import { method } from './method';
import {
  empty,
  id,
  isoDateTime,
  longText,
  ok,
  optionalEmail,
  optionalNip,
  optionalPhone,
  optionalText,
  regionCode,
  text,
  timeZone,
  version,
} from './schemas';

export const DEFAULT_OFFICE = {
  regionCode: '63.72',
  timeZone: 'Asia/Makassar',
  maxStayDays: 7,
} as const;

export const officeInput = z.strictObject({
  name: text(160),
  /** The kabupaten/kota the office serves (two-level code, e.g. 63.72). */
  regionCode: regionCode.refine((c) => /^\d{2}\.\d{2}$/.test(c), { error: 'office.region_level' }),
  address: longText(300),
  phone: optionalPhone,
  email: optionalEmail,
  /** Printed on the letterhead: "dinsos.banjarbarukota.go.id". */
  website: optionalText(200),
  headName: optionalText(120),
  headNip: optionalNip,
  headPosition: optionalText(120),
  timeZone,
  maxStayDays: z.number().int().min(1).max(90),
  /**
   * Kelurahan mode: the kelurahan of the city this installation reports for (it sends its
   * findings to the city as packets). Null: the city office; left out: unchanged.
   */
  kelurahanCode: regionCode.nullish(),
});
export type OfficeInput = z.input<typeof officeInput>;

export const office = z.object({
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  address: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  /** The letterhead's logo (PNG or JPEG uploaded for `officeLogo`). */
  logoFileId: z.string().nullable(),
  headName: z.string().nullable(),
  headNip: z.string().nullable(),
  headPosition: z.string().nullable(),
  timeZone: z.string(),
  maxStayDays: z.number().int(),
  kelurahanCode: z.string().nullable(),
  kelurahanName: z.string().nullable(),
  updatedAt: isoDateTime,
  version,
});
export type Office = z.infer<typeof office>;

/** The admin's first steps after setup, each read from the data itself. */
export const checklist = z.object({
  /** At least one active shelter with a room and an active bed. */
  shelter: z.object({ done: z.boolean(), rooms: z.number().int(), beds: z.number().int() }),
  /** Active accounts besides the first admin: the staff who will use Pelita. */
  users: z.object({ done: z.boolean(), count: z.number().int() }),
  /**
   * Next year's holidays entered by an admin (beyond the fixed-date ones Pelita brings), so
   * deadlines there count working days right.
   */
  holidays: z.object({ done: z.boolean(), year: z.number().int(), count: z.number().int() }),
  /** The head of office's name and NIP, for receipts and letterheads. */
  office: z.object({ done: z.boolean() }),
  /** Hidden by an admin (for everyone: the steps are the office's, not one person's). */
  hidden: z.boolean(),
});
export type Checklist = z.infer<typeof checklist>;

export const officeContract = {
  'office.get': method({ access: 'signedIn', write: false, input: empty, output: office }),
  'office.update': method({
    access: 'office.manage',
    write: true,
    input: officeInput.extend({ version }),
    output: office,
  }),
  /** The letterhead's logo: an upload for `officeLogo`, or null to print the kop without one. */
  'office.setLogo': method({
    access: 'office.manage',
    write: true,
    input: z.strictObject({ fileId: id.nullable(), version }),
    output: office,
  }),
  'office.checklist': method({
    access: 'office.manage',
    write: false,
    input: empty,
    output: checklist,
  }),
  'office.hideChecklist': method({
    access: 'office.manage',
    write: true,
    input: empty,
    output: ok,
  }),
};
