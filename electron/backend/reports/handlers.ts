/**
 * reports.*: a report's figures, printed (PDF) and exported (XLSX), register listings, and the
 * home figures. Files are made in a staged method's `prepare` (reads only, outside the
 * transaction: an XLSX of 100,000 rows takes seconds) and offered in the short `write`, which
 * records who made what, for which period, with how many rows.
 */
import type { Kysely } from 'kysely';
import type { reportsContract, Report } from '../../../shared/contract/reports';
import { translate } from '../../../shared/i18n';
import { REPORT_ACCESS, type ReportId } from '../../../shared/reference/reports';
import { formatDateTime } from '../../../shared/format';
import { periodLabel } from '../../../shared/reports/period';
import { canAccess } from '../../../shared/roles';
import { zoneOffsetMinutes } from '../../../shared/time';
import { requireUser, staged, type Ctx, type HandlersOf } from '../dispatch/context';
import type { DB } from '../db/schema';
import { fieldError, forbidden } from '../errors';
import { offerFile } from '../files/generated';
import { officeTimeZone } from '../office/store';
import { officeLetterhead } from '../pdf/officeLetterhead';
import { dashboard } from './dashboard';
import { reportPdf, reportTitle } from './pdf';
import { MAX_REGISTER_ROWS, registerRows } from './registers';
import { REPORT_MODULES } from './registry';
import { sheetName, writeWorkbook, XLSX_TYPE, type SheetSpec } from './xlsx';

async function runReport(ctx: Ctx, id: ReportId, from: string, to: string): Promise<Report> {
  if (!canAccess(REPORT_ACCESS[id], requireUser(ctx).roles)) throw forbidden();
  const body = await REPORT_MODULES[id](ctx.db, { from, to, now: ctx.now });
  return { id, from, to, madeAt: ctx.nowIso, ...body };
}

async function officeName(db: Kysely<DB>): Promise<string> {
  return (await db.selectFrom('office').select('name').executeTakeFirst())?.name ?? 'Pelita';
}

/** Lines above every sheet: office, what and which period, when made and by whom. */
function titleLines(office: string, what: string, from: string, to: string, ctx: Ctx, tz: string) {
  const made = formatDateTime(ctx.now, { locale: 'id', timeZone: tz });
  return [
    office,
    `${what} – ${periodLabel(from, to, 'id')}`,
    `Dibuat ${made} oleh ${requireUser(ctx).fullName}`,
  ];
}

interface Made {
  bytes: Uint8Array;
  name: string;
  type: string;
  rows: number;
}

/** Offers the file and records the print or export with its period and size. */
async function offer(
  ctx: Ctx,
  made: Made,
  what: { kind: 'print' | 'export'; name: string; from: string; to: string },
) {
  const fileId = await offerFile(ctx, made);
  ctx.audit({
    recordType: 'report',
    note: what.kind,
    changes: {
      report: [null, what.name],
      period: [null, `${what.from}/${what.to}`],
      rows: [null, made.rows],
    },
  });
  return { fileId, rows: made.rows };
}

/** The write stage of a report's PDF or XLSX: offer it, record it. */
const offerReport =
  (kind: 'print' | 'export') =>
  (input: { report: ReportId; period: { from: string; to: string } }, ctx: Ctx, made: Made) =>
    offer(ctx, made, { kind, name: input.report, ...input.period });

const rowCount = (r: Report) => r.tables.reduce((n, t) => n + t.rows.length, 0);

export const reportHandlers: HandlersOf<typeof reportsContract> = {
  async 'reports.run'(input, ctx) {
    return runReport(ctx, input.report, input.period.from, input.period.to);
  },

  'reports.pdf': staged<'reports.pdf', Made>({
    async prepare(input, ctx) {
      const r = await runReport(ctx, input.report, input.period.from, input.period.to);
      const bytes = await reportPdf(r, input.paper, {
        office: await officeName(ctx.db),
        letterhead: await officeLetterhead(ctx.db),
        user: requireUser(ctx).fullName,
        timeZone: await officeTimeZone(ctx.db),
      });
      return { bytes, name: `${reportTitle(r)}.pdf`, type: 'application/pdf', rows: rowCount(r) };
    },
    write: offerReport('print'),
  }),

  'reports.xlsx': staged<'reports.xlsx', Made>({
    async prepare(input, ctx) {
      const { from, to } = input.period;
      const r = await runReport(ctx, input.report, from, to);
      const tz = await officeTimeZone(ctx.db);
      const title = titleLines(await officeName(ctx.db), r.title[0], from, to, ctx, tz);
      const taken = new Set<string>();
      const figures: SheetSpec = {
        name: sheetName('Ringkasan', taken),
        title,
        columns: [
          { header: 'Uraian', kind: 'text', width: 44 },
          { header: 'Jumlah', kind: 'decimal', width: 14 },
          { header: 'Satuan', kind: 'text', width: 10 },
        ],
        rows: r.figures.map((f) => [
          f.label[0],
          f.value,
          f.format === 'days' ? 'hari' : f.format === 'percent' ? '%' : 'orang/kali',
        ]),
      };
      const sheets = r.tables.map((t): SheetSpec => ({
        name: sheetName(t.title[0], taken),
        title: [
          ...title.slice(0, 1),
          `${r.title[0]}: ${t.title[0]} – ${periodLabel(from, to, 'id')}`,
          title[2]!,
        ],
        columns: [
          { header: t.head[0], kind: 'text', width: 34 },
          ...t.columns.map((c) => ({
            header: c.label[0],
            kind:
              c.format === 'int'
                ? ('int' as const)
                : c.format === 'percent'
                  ? ('percent' as const)
                  : ('decimal' as const),
            width: 14,
          })),
        ],
        rows: t.rows.map((row) => [row.label[0], ...row.values]),
      }));
      const bytes = await writeWorkbook({
        sheets: [figures, ...sheets],
        offsetMinutes: zoneOffsetMinutes(tz, ctx.now),
      });
      return { bytes, name: `${reportTitle(r)}.xlsx`, type: XLSX_TYPE, rows: rowCount(r) };
    },
    write: offerReport('export'),
  }),

  'reports.register': staged<'reports.register', Made>({
    async prepare(input, ctx) {
      const { from, to } = input.period;
      const tz = await officeTimeZone(ctx.db);
      const list = await registerRows(ctx.db, input.register, {
        from,
        to,
        timeZone: tz,
        sex: input.sex,
        identityStatus: input.identityStatus,
      });
      if (list.rows.length > MAX_REGISTER_ROWS)
        throw fieldError(['period', 'to'], 'reports.too_many_rows', { max: MAX_REGISTER_ROWS });
      const what = translate('id', list.title);
      const bytes = await writeWorkbook({
        sheets: [
          {
            name: sheetName(what, new Set()),
            title: titleLines(await officeName(ctx.db), what, from, to, ctx, tz),
            columns: list.columns,
            rows: list.rows,
          },
        ],
        offsetMinutes: zoneOffsetMinutes(tz, ctx.now),
      });
      return {
        bytes,
        name: `${what} – ${periodLabel(from, to, 'id')}.xlsx`,
        type: XLSX_TYPE,
        rows: list.rows.length,
      };
    },
    async write(input, ctx, made) {
      const { from, to } = input.period;
      const filters = [input.sex, input.identityStatus].filter(Boolean).join(',');
      const name = filters ? `${input.register}(${filters})` : input.register;
      return offer(ctx, made, { kind: 'export', name, from, to });
    },
  }),

  async 'reports.dashboard'(_input, ctx) {
    return dashboard(ctx);
  },
};
