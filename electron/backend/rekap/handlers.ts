/**
 * The PPKS rekap per kelurahan: counts, where they came from, and the counts-only additions. A
 * kelurahan operator gets its own kelurahan only; the drill-down shows each record with the
 * person's name only to callers who may read that record type.
 */
import type { Output } from '../../../shared/contract';
import type { rekapContract } from '../../../shared/contract/rekap';
import { formatDateTime } from '../../../shared/format';
import { periodLabel } from '../../../shared/reports/period';
import { canAccess } from '../../../shared/roles';
import { monthRange, zoneOffsetMinutes } from '../../../shared/time';
import { loadForSave, saveTracked } from '../db/tracked';
import { requireUser, staged, type HandlersOf } from '../dispatch/context';
import { offerFile } from '../files/generated';
import { writeWorkbook, XLSX_TYPE } from '../reports/xlsx';
import { AppError, fieldError } from '../errors';
import { assertInScope, requireCityKelurahan, scopeOf } from '../kelurahan/scope';
import { officeTimeZone } from '../office/store';
import { computeRekap, rekapRecords, rekapWindow } from './compute';
import { rekapSheets } from './workbook';

interface MadeBook {
  bytes: Uint8Array;
  name: string;
  rows: number;
}

function checkPeriod(from: string, to: string): void {
  if (from > to) throw fieldError(['to'], 'rekap.period_reversed');
}

export const rekapHandlers: HandlersOf<typeof rekapContract> = {
  async 'rekap.get'(input, ctx) {
    checkPeriod(input.from, input.to);
    const scope = await scopeOf(ctx);
    const window = await rekapWindow(ctx.db, input, await officeTimeZone(ctx.db), {
      kelurahan: scope,
      ppks: null,
    });
    const r = await computeRekap(ctx.db, window, input);
    return { from: input.from, to: input.to, ...r, city: scope ? null : r.city };
  },

  'rekap.xlsx': staged<'rekap.xlsx', MadeBook>({
    // Reads only, outside the transaction; the write offers the file and records the export.
    async prepare(input, ctx) {
      checkPeriod(input.from, input.to);
      const scope = await scopeOf(ctx);
      const tz = await officeTimeZone(ctx.db);
      const window = await rekapWindow(ctx.db, input, tz, { kelurahan: scope, ppks: null });
      const r = await computeRekap(ctx.db, window, input);
      const [office, city] = await Promise.all([
        ctx.db.selectFrom('office').select('name').executeTakeFirst(),
        ctx.db
          .selectFrom('regions')
          .select('name')
          .where('code', '=', window.city)
          .executeTakeFirst(),
      ]);
      const period = periodLabel(`${input.from}-01`, monthRange(`${input.to}-01`).to, 'id');
      const what = scope
        ? `Rekap PPKS Kelurahan ${r.kelurahans[0]?.name ?? ''}`
        : 'Rekap PPKS per kelurahan';
      const title = [
        office?.name ?? 'Pelita',
        `${what} – ${period}`,
        `Dibuat ${formatDateTime(ctx.now, { locale: 'id', timeZone: tz })} oleh ${requireUser(ctx).fullName}`,
      ];
      const sheets = rekapSheets({ ...r, city: scope ? null : r.city }, title, city?.name ?? '');
      const bytes = await writeWorkbook({ sheets, offsetMinutes: zoneOffsetMinutes(tz, ctx.now) });
      return {
        bytes,
        name: `${what} – ${period}.xlsx`,
        rows: sheets.reduce((n, s) => n + s.rows.length, 0),
      };
    },
    async write(input, ctx, made) {
      const fileId = await offerFile(ctx, { bytes: made.bytes, name: made.name, type: XLSX_TYPE });
      ctx.audit({
        recordType: 'rekap',
        note: 'export',
        changes: { period: [null, `${input.from}/${input.to}`], rows: [null, made.rows] },
      });
      return { fileId, rows: made.rows };
    },
  }),

  async 'rekap.drill'(input, ctx) {
    checkPeriod(input.from, input.to);
    const scope = await scopeOf(ctx);
    assertInScope(scope, input.kelurahanCode);
    await requireCityKelurahan(ctx.db, input.kelurahanCode, ['kelurahanCode']);
    const window = await rekapWindow(ctx.db, input, await officeTimeZone(ctx.db), {
      kelurahan: input.kelurahanCode,
      ppks: input.ppks,
    });
    const roles = ctx.user?.roles ?? [];
    // A finding's person is visible to whoever may read the finding (an operator: its own);
    // a stay's only to those who read shelter stays, a case's to those who read case files.
    const sees = {
      finding: canAccess('findings.read', roles),
      stay: canAccess('shelter.read', roles),
      case: canAccess('cases.read', roles),
    };
    const records: Output<'rekap.drill'>['records'] = (await rekapRecords(ctx.db, window)).map(
      (r) => ({
        source: r.source,
        recordId: r.record_id,
        label: r.label,
        at: r.at,
        personName: sees[r.source] ? r.person_name : null,
        personId: sees[r.source] && canAccess('persons.read', roles) ? r.person_id : null,
        count: 1,
      }),
    );
    const additions = await ctx.db
      .selectFrom('ppks_count_additions')
      .select(['id', 'month', 'count', 'note'])
      .where('kelurahan_code', '=', input.kelurahanCode)
      .where('ppks', '=', input.ppks)
      .where('month', '>=', input.from)
      .where('month', '<=', input.to)
      .where('count', '>', 0)
      .execute();
    for (const a of additions)
      records.push({
        source: 'addition',
        recordId: a.id,
        label: a.note ?? '',
        at: a.month,
        personName: null,
        personId: null,
        count: a.count,
      });
    ctx.audit({ recordType: 'rekap', note: `drill:${input.kelurahanCode}:${input.ppks}` });
    return { records };
  },

  async 'rekap.additions'(input, ctx) {
    const scope = await scopeOf(ctx);
    if (scope && input.kelurahanCode) assertInScope(scope, input.kelurahanCode);
    let q = ctx.db.selectFrom('ppks_count_additions').selectAll().where('month', '=', input.month);
    const kelurahan = scope ?? input.kelurahanCode;
    if (kelurahan) q = q.where('kelurahan_code', '=', kelurahan);
    const rows = await q.orderBy('kelurahan_code').orderBy('ppks').execute();
    return {
      additions: rows.map((r) => ({
        id: r.id,
        kelurahanCode: r.kelurahan_code,
        month: r.month,
        ppks: r.ppks,
        count: r.count,
        note: r.note,
        version: r.version,
      })),
    };
  },

  async 'rekap.saveAddition'(input, ctx) {
    const scope = await scopeOf(ctx);
    if (scope && input.kelurahanCode) assertInScope(scope, input.kelurahanCode);
    const kelurahan = scope ?? input.kelurahanCode;
    if (!kelurahan) throw fieldError(['kelurahanCode'], 'finding.kelurahan_required');
    await requireCityKelurahan(ctx.db, kelurahan, ['kelurahanCode']);
    const before = await loadForSave(ctx.db, 'ppks_count_additions', input, (row) =>
      assertInScope(scope, row.kelurahan_code),
    );
    if (!before) {
      const taken = await ctx.db
        .selectFrom('ppks_count_additions')
        .select('id')
        .where('kelurahan_code', '=', kelurahan)
        .where('month', '=', input.month)
        .where('ppks', '=', input.ppks)
        .executeTakeFirst();
      if (taken) throw new AppError('CONFLICT', 'rekap.addition_exists');
    } else if (
      before.kelurahan_code !== kelurahan ||
      before.month !== input.month ||
      before.ppks !== input.ppks
    ) {
      throw fieldError(['ppks'], 'rekap.addition_key_fixed');
    }
    const id = await saveTracked(
      ctx,
      'ppks_count_additions',
      before,
      {
        kelurahan_code: kelurahan,
        month: input.month,
        ppks: input.ppks,
        count: input.count,
        note: input.note,
      },
      { recordType: 'ppks_count_addition' },
    );
    const row = await ctx.db
      .selectFrom('ppks_count_additions')
      .select(['id', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return row;
  },
};
