/** Field schemas reused across the contract. Error messages are i18n keys (see shared/i18n). */
import { z } from 'zod';
import { cleanString } from './text';

export const empty = z.strictObject({});

/** Missing or empty becomes null. */
export function orNull<T extends z.ZodType<string | null | undefined>>(schema: T) {
  return schema.nullish().transform((v) => (v ? v : null));
}
export const ok = z.object({ ok: z.literal(true) });

export const id = z.string().regex(/^[0-9a-f-]{36}$/i, { error: 'validation.invalid_format' });
export const version = z.number().int().min(1);

/**
 * One line of text (a name, a label), checked and normalised (./text.ts), trimmed; an empty
 * string after trimming counts as missing.
 */
export const text = (max = 200) => cleanString().trim().min(1).max(max);
/** Several lines (a description, a note): newline and tab allowed. */
export const longText = (max = 2000) => cleanString(true).trim().min(1).max(max);
/** Optional text; empty becomes null so the database never holds ''. */
export const optionalText = (max = 200) => orNull(cleanString().trim().max(max));
export const optionalLongText = (max = 2000) => orNull(cleanString(true).trim().max(max));
/** A search box or filter: one line, may be empty. */
export const searchText = (max = 100) => cleanString().trim().max(max);

export const isoDateTime = z.iso.datetime({ offset: true, error: 'validation.invalid_format' });

export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    },
    { error: 'validation.date' },
  );

/** A calendar date from `min` on: earlier is a typing slip (birth dates from 1900). */
export const dateFrom = (min: string, key: string) =>
  calendarDate.refine((d) => d >= min, { error: key });

/**
 * When something happened at the office: not before 2000 (no record here is older; a year
 * typed as 1800 is a slip). Whether it may be in the future is each method's rule.
 */
export const eventTime = isoDateTime.refine((t) => t >= '2000-01-01', {
  error: 'validation.time_too_early',
});

export const nip = z
  .string()
  .trim()
  .regex(/^\d{18}$/, { error: 'validation.nip' });
export const optionalNip = orNull(z.union([nip, z.literal('')]));

export const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 -]{5,19}$/, { error: 'validation.phone' });
export const optionalPhone = orNull(z.union([phone, z.literal('')]));

export const optionalEmail = orNull(
  z.union([z.email({ error: 'validation.email' }).trim().max(200), z.literal('')]),
);

/** IANA zone name; checked against the zones this runtime knows. */
export const timeZone = cleanString()
  .trim()
  .max(64)
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { error: 'validation.timezone' },
  );

/** Kemendagri region code: 63, 63.72, 63.72.01 or 63.72.01.1001. */
export const regionCode = z
  .string()
  .trim()
  .regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, { error: 'region.invalid_code' });

/** A "save" method's key: none for a new record, the id and the version edited for a change. */
export const saveKeys = { id: id.optional(), version: version.optional() };

/** One record by its id. */
export const byId = z.strictObject({ id });

/** The input of a list of settings records (categories, codes, signatories): the unused too? */
export const activeFilter = z.strictObject({ includeInactive: z.boolean().default(false) });

/** A search box's query and how many results to return (pickers, quick search). */
export const searchInput = {
  q: searchText(100).min(1),
  limit: z.number().int().min(1).max(50).default(20),
};

/** Offset paging, for tables small enough to count: page number and size (25, 50 or 100). */
export const pageInput = {
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(5).max(100).default(25),
};
export const pageOutput = {
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
};

/**
 * Keyset paging, for tables too long to count: `after` the last row shown (the next page) or
 * `before` the first (the previous page), in the order the list is sorted. Cursors are opaque.
 */
export const keysetInput = {
  after: cleanString().max(100).optional(),
  before: cleanString().max(100).optional(),
};
export const keysetOutput = {
  /** Cursor for the next page; null on the last. */
  next: z.string().nullable(),
  /** Cursor for the previous page; null on the first. */
  prev: z.string().nullable(),
};
