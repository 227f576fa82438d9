/** Field schemas reused across the contract. Error messages are i18n keys (see shared/i18n). */
import { z } from 'zod';

export const empty = z.strictObject({});
export const ok = z.object({ ok: z.literal(true) });

export const id = z.string().regex(/^[0-9a-f-]{36}$/i, { error: 'validation.invalid_format' });
export const version = z.number().int().min(1);

/** Trimmed text; an empty string after trimming counts as missing. */
export const text = (max = 200) => z.string().trim().min(1).max(max);
/** Trimmed optional text; empty becomes null so the database never holds ''. */
export const optionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

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

export const nip = z
  .string()
  .trim()
  .regex(/^\d{18}$/, { error: 'validation.nip' });
export const optionalNip = z
  .union([nip, z.literal('')])
  .nullish()
  .transform((v) => (v ? v : null));

export const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 -]{5,19}$/, { error: 'validation.phone' });
export const optionalPhone = z
  .union([phone, z.literal('')])
  .nullish()
  .transform((v) => (v ? v : null));

export const optionalEmail = z
  .union([z.email({ error: 'validation.email' }).trim().max(200), z.literal('')])
  .nullish()
  .transform((v) => (v ? v : null));

/** IANA zone name; checked against the zones this runtime knows. */
export const timeZone = z
  .string()
  .trim()
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
  after: z.string().max(100).optional(),
  before: z.string().max(100).optional(),
};
export const keysetOutput = {
  /** Cursor for the next page; null on the last. */
  next: z.string().nullable(),
  /** Cursor for the previous page; null on the first. */
  prev: z.string().nullable(),
};
