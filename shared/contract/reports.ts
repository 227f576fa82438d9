/**
 * Reports: figures for a period as tables with charts (on screen, as a PDF with the letterhead,
 * as XLSX), register listings as XLSX, and each role's home figures. Every text a report carries
 * is a [Bahasa Indonesia, English] pair, so the screen shows the user's language and the printed
 * report, which goes to other offices, is in Bahasa Indonesia.
 */
import { z } from 'zod';
import { IDENTITY_STATUSES, SEXES } from '../reference/persons';
import { FIGURE_FORMATS, MAX_PERIOD_DAYS, REGISTER_IDS, REPORT_IDS } from '../reference/reports';
import { method } from './method';
import { calendarDate, id, isoDateTime } from './schemas';

export const reportId = z.enum(REPORT_IDS);
export const registerId = z.enum(REGISTER_IDS);
const format = z.enum(FIGURE_FORMATS);

/** [Bahasa Indonesia, English]. */
export const label = z.tuple([z.string(), z.string()]);
export type Label = z.infer<typeof label>;

/** Inclusive days; `to` may not be before `from`, nor the range longer than five years. */
export const period = z
  .strictObject({ from: calendarDate, to: calendarDate })
  .refine((p) => p.to >= p.from, { path: ['to'], error: 'reports.range_order' })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= MAX_PERIOD_DAYS * 86_400_000, {
    path: ['to'],
    error: 'reports.range_long',
  });

export const reportFigure = z.object({ label, value: z.number().nullable(), format });
export const reportTable = z.object({
  key: z.string(),
  title: label,
  /** Heading of the first column, which names each row. */
  head: label,
  columns: z.array(z.object({ label, format })),
  rows: z.array(z.object({ label, values: z.array(z.number().nullable()) })),
  /** How the screen and the PDF draw it; the columns a chart shows (indexes into columns). */
  chart: z.enum(['bar', 'line']).nullable(),
  chartColumns: z.array(z.number().int()),
  /** A line under the table (what a figure counts). */
  note: label.nullable(),
});
export const report = z.object({
  id: reportId,
  title: label,
  from: z.string(),
  to: z.string(),
  madeAt: isoDateTime,
  figures: z.array(reportFigure),
  tables: z.array(reportTable),
});
export type Report = z.infer<typeof report>;
export type ReportTable = z.infer<typeof reportTable>;

const reportInput = z.strictObject({ report: reportId, period });
const fileOutput = z.object({ fileId: id, rows: z.number().int() });

export const reportsContract = {
  /** One report's figures for a period (also needs the domain's read permission). */
  'reports.run': method({
    access: 'reports.read',
    write: false,
    input: reportInput,
    output: report,
  }),
  /** The report printed: a PDF with the letterhead and its charts. Audited with the period. */
  'reports.pdf': method({
    access: 'reports.read',
    write: true,
    input: reportInput.extend({ paper: z.enum(['A4', 'F4']).default('A4') }),
    output: fileOutput,
  }),
  /** The report's tables as an XLSX workbook, one sheet per table, with a title row. */
  'reports.xlsx': method({
    access: 'reports.read',
    write: true,
    input: reportInput,
    output: fileOutput,
  }),
  /**
   * A register as XLSX, one row per record with names and NIK: personal data, so it needs its
   * own permission and every export is audited with its period, filters and row count.
   */
  'reports.register': method({
    access: 'reports.exportPersonal',
    write: true,
    input: z.strictObject({
      register: registerId,
      period,
      /** Persons only. */
      sex: z.enum(SEXES).optional(),
      identityStatus: z.enum(IDENTITY_STATUSES).optional(),
    }),
    output: fileOutput,
  }),
  /** The home screen's figures for what the caller may see (each part null otherwise). */
  'reports.dashboard': method({
    access: 'signedIn',
    write: false,
    input: z.strictObject({}),
    output: z.object({
      today: z.string(),
      shelter: z
        .object({
          beds: z.number().int(),
          /** The last 14 nights, oldest first. */
          nights: z.array(z.object({ day: z.string(), occupied: z.number().int() })),
        })
        .nullable(),
      complaints: z
        .object({
          overdue: z.number().int(),
          open: z.number().int(),
          /** Received per day, the last 14 days. */
          received: z.array(z.object({ day: z.string(), count: z.number().int() })),
        })
        .nullable(),
      users: z.object({ active: z.number().int(), locked: z.number().int() }).nullable(),
    }),
  }),
};
