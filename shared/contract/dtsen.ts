/**
 * DTSEN lists (Data Tunggal Sosial Ekonomi Nasional, exported from SIKS-NG): a CSV or XLSX file
 * uploaded through the file port, its columns mapped once (remembered by the header), a preview,
 * then the import: each row matched to the registry by NIK first, then the person matcher;
 * uncertain rows wait for a person's decision; rows that match nobody are kept as a list, never
 * made into persons. The person page shows the latest status; older lists keep the history.
 */
import { z } from 'zod';
import { DTSEN_COLUMNS, DTSEN_MATCHES, DTSEN_PROGRAMS } from '../reference/dtsen';
import { method } from './method';
import { calendarDate, id, isoDateTime, pageInput, pageOutput, text } from './schemas';

const column = z.enum(DTSEN_COLUMNS);
/** DTSEN column → the list's header it is read from. */
export const dtsenMapping = z.partialRecord(column, z.string().max(200));
export type DtsenMapping = z.infer<typeof dtsenMapping>;

export const dtsenList = z.object({
  id,
  listDate: z.string(),
  source: z.string(),
  fileName: z.string().nullable(),
  importedAt: isoDateTime,
  rows: z.number().int(),
  refused: z.number().int(),
  /** Rows by how they matched. */
  matches: z.record(z.string(), z.number().int()),
});

export const dtsenRow = z.object({
  id,
  line: z.number().int(),
  nik: z.string().nullable(),
  name: z.string().nullable(),
  birthDate: z.string().nullable(),
  address: z.string().nullable(),
  kelurahan: z.string().nullable(),
  desil: z.number().int().nullable(),
  programs: z.array(z.enum(DTSEN_PROGRAMS)),
  match: z.enum(DTSEN_MATCHES).nullable(),
  refused: z.string().nullable(),
  person: z.object({ id, fullName: z.string() }).nullable(),
  candidates: z.array(
    z.object({
      id,
      fullName: z.string(),
      nik: z.string().nullable(),
      birthDate: z.string().nullable(),
    }),
  ),
});

const fileInput = { fileId: id };

export const dtsenContract = {
  /** Reads the uploaded file's header and first rows, with the remembered mapping if any. */
  'dtsen.preview': method({
    access: 'dtsen.manage',
    write: false,
    input: z.strictObject(fileInput),
    output: z.object({
      headers: z.array(z.string()),
      rows: z.array(z.array(z.string())),
      totalRows: z.number().int(),
      mapping: dtsenMapping,
      /** The mapping was remembered from an earlier list with this header. */
      remembered: z.boolean(),
    }),
  }),
  'dtsen.import': method({
    access: 'dtsen.manage',
    write: true,
    input: z.strictObject({
      ...fileInput,
      mapping: dtsenMapping,
      listDate: calendarDate,
      source: text(200),
    }),
    output: dtsenList,
  }),
  'dtsen.lists': method({
    access: 'dtsen.manage',
    write: false,
    input: z.strictObject({}),
    output: z.object({ lists: z.array(dtsenList) }),
  }),
  /** A list's rows: those waiting for review, matching nobody, or refused. */
  'dtsen.rows': method({
    access: 'dtsen.manage',
    write: false,
    input: z.strictObject({
      listId: id,
      show: z.enum(['review', 'unmatched', 'refused', 'matched']).default('review'),
      ...pageInput,
    }),
    output: z.object({ rows: z.array(dtsenRow), ...pageOutput }),
  }),
  /** Decides an uncertain row: this person (`personId`), or nobody (null). */
  'dtsen.decide': method({
    access: 'dtsen.manage',
    write: true,
    input: z.strictObject({ rowId: id, personId: id.nullable() }),
    output: dtsenRow,
  }),
  /**
   * Shelter residents and PPKS from findings (people in the registry) who are not in the latest
   * list: whom to propose for registration (usulan) in SIKS-NG.
   */
  'dtsen.proposal': method({
    access: 'dtsen.manage',
    write: false,
    input: z.strictObject({ ...pageInput }),
    output: z.object({
      listDate: z.string().nullable(),
      people: z.array(
        z.object({
          id,
          fullName: z.string(),
          nik: z.string().nullable(),
          birthDate: z.string().nullable(),
          address: z.string().nullable(),
          village: z.string().nullable(),
          reason: z.enum(['stay', 'finding']),
        }),
      ),
      ...pageOutput,
    }),
  }),
  /** The proposal list as XLSX (NIK as text), offered through the file port. */
  'dtsen.exportProposal': method({
    access: 'dtsen.manage',
    write: true,
    input: z.strictObject({}),
    output: z.object({ fileId: id }),
  }),
};
