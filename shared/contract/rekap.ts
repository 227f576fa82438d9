/**
 * The PPKS count per kelurahan (rekap PPKS): people by the 26 categories for a period of months,
 * from findings, shelter stays and open PPKS case files of people living there, plus counts-only additions a kelurahan makes for people known but not in the
 * registry. Sums by kecamatan and for the city. A kelurahan operator sees its own kelurahan only.
 */
import { z } from 'zod';
import { PPKS_CODES } from '../reference/ppks';
import { method } from './method';
import { id, optionalText, regionCode, saveKeys, version } from './schemas';

export const REKAP_SOURCES = ['finding', 'stay', 'case', 'addition'] as const;
export type RekapSource = (typeof REKAP_SOURCES)[number];

export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'rekap.month_format' });
const ppks = z.enum(PPKS_CODES);

/** Counts by category: only categories with a count appear. */
const counts = z.record(z.string(), z.number().int());

export const rekapRow = z.object({
  code: z.string(),
  name: z.string(),
  /** People (each once per category) by PPKS code, additions included. */
  counts,
  total: z.number().int(),
  /** Of `total`, how many came from each source. */
  bySource: z.record(z.string(), z.number().int()),
});
export type RekapRow = z.infer<typeof rekapRow>;

export const rekapContract = {
  'rekap.get': method({
    access: 'rekap.read',
    write: false,
    input: z.strictObject({ from: month, to: month }),
    output: z.object({
      from: month,
      to: month,
      kelurahans: z.array(rekapRow.extend({ kecamatan: z.string() })),
      kecamatans: z.array(rekapRow),
      /** The city's sum; null for a kelurahan operator (who sees one kelurahan). */
      city: rekapRow.nullable(),
      /** People in the registry among them who are registered in the latest DTSEN list. */
      dtsen: z
        .object({ listDate: z.string(), registered: z.number().int(), people: z.number().int() })
        .nullable(),
    }),
  }),
  /**
   * The rekap as an XLSX workbook (per kelurahan, per kecamatan, the city): counts only, an
   * operator's own kelurahan only; every export is recorded with its period.
   */
  'rekap.xlsx': method({
    access: 'rekap.read',
    write: true,
    input: z.strictObject({ from: month, to: month }),
    output: z.object({ fileId: id, rows: z.number().int() }),
  }),
  /** Where one count came from: the records behind it the caller may see. */
  'rekap.drill': method({
    access: 'rekap.read',
    write: false,
    input: z.strictObject({ from: month, to: month, kelurahanCode: regionCode, ppks }),
    output: z.object({
      records: z.array(
        z.object({
          source: z.enum(REKAP_SOURCES),
          recordId: id,
          /** A finding's number, the shelter's name, an addition's note. */
          label: z.string(),
          at: z.string(),
          /** Null when the caller may not see the person. */
          personName: z.string().nullable(),
          personId: id.nullable(),
          count: z.number().int(),
        }),
      ),
    }),
  }),
  'rekap.additions': method({
    access: 'rekap.read',
    write: false,
    input: z.strictObject({ kelurahanCode: regionCode.optional(), month }),
    output: z.object({
      additions: z.array(
        z.object({
          id,
          kelurahanCode: z.string(),
          month: z.string(),
          ppks,
          count: z.number().int(),
          note: z.string().nullable(),
          version,
        }),
      ),
    }),
  }),
  /** Sets the count of people known but not in the registry (0 removes it from the sums). */
  'rekap.saveAddition': method({
    access: 'rekap.addCounts',
    write: true,
    input: z.strictObject({
      kelurahanCode: regionCode.optional(),
      month,
      ppks,
      count: z.number().int().min(0).max(100_000),
      note: optionalText(300),
      ...saveKeys,
    }),
    output: z.object({ id, version }),
  }),
};
