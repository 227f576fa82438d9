import { z } from 'zod';
import { method } from './method';
import {
  empty,
  isoDateTime,
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
  address: text(300),
  phone: optionalPhone,
  email: optionalEmail,
  headName: optionalText(120),
  headNip: optionalNip,
  headPosition: optionalText(120),
  timeZone,
  maxStayDays: z.number().int().min(1).max(90),
});
export type OfficeInput = z.input<typeof officeInput>;

export const office = z.object({
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  address: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  headName: z.string().nullable(),
  headNip: z.string().nullable(),
  headPosition: z.string().nullable(),
  timeZone: z.string(),
  maxStayDays: z.number().int(),
  updatedAt: isoDateTime,
  version,
});
export type Office = z.infer<typeof office>;

export const officeContract = {
  'office.get': method({ access: 'signedIn', write: false, input: empty, output: office }),
  'office.update': method({
    access: 'office.manage',
    write: true,
    input: officeInput.extend({ version }),
    output: office,
  }),
};
