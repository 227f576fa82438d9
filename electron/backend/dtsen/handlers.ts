/** DTSEN lists: preview, import, review of uncertain rows, the proposal (usulan) list. */
import type { dtsenContract } from '../../../shared/contract/dtsen';
import type { DtsenMapping } from '../../../shared/contract/dtsen';
import { DTSEN_MATCHED } from '../../../shared/reference/dtsen';
import { requireUser, type HandlersOf } from '../dispatch/context';
import { AppError, fieldError, notFound } from '../errors';
import { offerFile } from '../files/generated';
import { officeTimeZone } from '../office/store';
import { writeWorkbook, XLSX_TYPE } from '../reports/xlsx';
import { zoneOffsetMinutes } from '../../../shared/time';
import { guessMapping } from './mapping';
import { importList, loadUpload, rememberedMapping } from './importList';
import { proposalPage } from './proposal';
import { listSummaries, toRows } from './queries';

const PREVIEW_ROWS = 10;
/** The export holds every proposed person: one page as large as the registry allows. */
const EXPORT_LIMIT = 100_000;

const SHOW = {
  review: ['review'],
  unmatched: ['unmatched'],
  matched: DTSEN_MATCHED,
} as const;

export const dtsenHandlers: HandlersOf<typeof dtsenContract> = {
  async 'dtsen.preview'(input, ctx) {
    const { table } = await loadUpload(ctx, input.fileId);
    const known = await rememberedMapping(ctx, table.headers);
    const mapping: DtsenMapping = known
      ? (JSON.parse(known.mapping) as DtsenMapping)
      : guessMapping(table.headers);
    return {
      headers: table.headers,
      rows: table.rows.slice(0, PREVIEW_ROWS),
      totalRows: table.rows.length,
      mapping,
      remembered: !!known,
    };
  },

  async 'dtsen.import'(input, ctx) {
    const id = await importList(ctx, input);
    return (await listSummaries(ctx.db, [id]))[0]!;
  },

  async 'dtsen.lists'(_input, ctx) {
    return { lists: await listSummaries(ctx.db) };
  },

  async 'dtsen.rows'(input, ctx) {
    let q = ctx.db.selectFrom('dtsen_rows').where('list_id', '=', input.listId);
    q =
      input.show === 'refused'
        ? q.where('refused', 'is not', null)
        : q.where('match', 'in', SHOW[input.show]);
    const total = Number(
      (await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
    );
    const rows = await q
      .selectAll()
      .orderBy('line')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute();
    // The rows carry personal data of people who may not be in the registry: a recorded read.
    ctx.audit({ recordType: 'dtsen_list', recordId: input.listId, note: `read:${input.show}` });
    return { rows: await toRows(ctx.db, rows), total, page: input.page, pageSize: input.pageSize };
  },

  async 'dtsen.decide'(input, ctx) {
    const row = await ctx.db
      .selectFrom('dtsen_rows')
      .selectAll()
      .where('id', '=', input.rowId)
      .executeTakeFirst();
    if (!row) throw notFound();
    if (row.match !== 'review') throw new AppError('CONFLICT', 'dtsen.row_decided');
    const candidates = row.candidates ? (JSON.parse(row.candidates) as string[]) : [];
    if (input.personId !== null && !candidates.includes(input.personId))
      throw fieldError(['personId'], 'dtsen.not_a_candidate');
    const match = input.personId ? 'confirmed' : 'rejected';
    await ctx.db
      .updateTable('dtsen_rows')
      .set({
        match,
        person_id: input.personId,
        decided_by: requireUser(ctx).id,
        decided_at: ctx.nowIso,
      })
      .where('id', '=', row.id)
      .execute();
    ctx.audit({
      recordType: 'dtsen_row',
      recordId: row.id,
      changes: { match: [row.match, match], person_id: [null, input.personId] },
    });
    const after = await ctx.db
      .selectFrom('dtsen_rows')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    return (await toRows(ctx.db, [after]))[0]!;
  },

  async 'dtsen.proposal'(input, ctx) {
    const page = await proposalPage(ctx.db, ctx.now, input);
    ctx.audit({ recordType: 'dtsen_proposal', note: 'read' });
    return page;
  },

  async 'dtsen.exportProposal'(_input, ctx) {
    const { people, listDate } = await proposalPage(ctx.db, ctx.now, {
      page: 1,
      pageSize: EXPORT_LIMIT,
    });
    const bytes = await writeWorkbook({
      offsetMinutes: zoneOffsetMinutes(await officeTimeZone(ctx.db), ctx.now),
      sheets: [
        {
          name: 'Usulan DTSEN',
          title: [
            `Usulan pendaftaran DTSEN (${people.length} orang)`,
            `Daftar per ${listDate ?? '-'}`,
          ],
          // NIK as text: Excel keeps only 15 digits of a number.
          columns: [
            { header: 'NIK', kind: 'text', width: 20 },
            { header: 'Nama', kind: 'text', width: 28 },
            { header: 'Tanggal lahir', kind: 'date', width: 14 },
            { header: 'Alamat', kind: 'text', width: 36 },
            { header: 'Kelurahan', kind: 'text', width: 20 },
            { header: 'Dasar usulan', kind: 'text', width: 22 },
          ],
          rows: people.map((p) => [
            p.nik ?? '',
            p.fullName,
            p.birthDate,
            p.address ?? '',
            p.village ?? '',
            p.reason === 'stay' ? 'Rumah singgah' : 'Laporan temuan PPKS',
          ]),
        },
      ],
    });
    const fileId = await offerFile(ctx, {
      bytes,
      name: `Usulan DTSEN ${listDate ?? ''} (${people.length} orang).xlsx`.replace('  ', ' '),
      type: XLSX_TYPE,
    });
    ctx.audit({ recordType: 'dtsen_proposal', note: `export:${people.length}` });
    return { fileId };
  },
};
