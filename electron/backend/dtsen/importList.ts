/**
 * The import of one DTSEN list: read the uploaded file, check the mapping, read and check every
 * line, match, then write the list and all its rows in the call's transaction. Lines with a
 * broken NIK or value are kept with their reason; the rest are imported. Rows are written in
 * multi-row inserts (a city list runs to 200,000 rows).
 */
import { readFileSync } from 'node:fs';
import type { ParsedInput } from '../../../shared/contract';
import { yearInZone } from '../../../shared/time';
import { saveTracked, insertTracked } from '../db/tracked';
import type { Ctx } from '../dispatch/context';
import { fieldError, fieldErrors } from '../errors';
import { attachableFile } from '../files/references';
import { blobPath } from '../files/store';
import { uuidv7 } from '../lib/ids';
import { officeTimeZone } from '../office/store';
import { kyselyReader, sqliteReader } from '../persons/duplicates';
import { headerKey, mappingIssues } from './mapping';
import { matchRows } from './match';
import { columnIndex, readRow, type ListRow } from './rows';
import { readTable, type SheetTable } from './table';

const INSERT_BATCH = 400;

/** The uploaded list as a table; `path` names the field for errors. */
export async function loadUpload(
  ctx: Ctx,
  fileId: string,
): Promise<{ table: SheetTable; name: string }> {
  await attachableFile(ctx, fileId, 'dtsenList', ['fileId']);
  const file = await ctx.db
    .selectFrom('files')
    .select(['sha256', 'type', 'original_name'])
    .where('id', '=', fileId)
    .executeTakeFirstOrThrow();
  let table: SheetTable;
  try {
    table = await readTable(readFileSync(blobPath(ctx.dataDir, file.sha256)), file.type);
  } catch {
    throw fieldError(['fileId'], 'dtsen.file_unreadable');
  }
  if (table.headers.length === 0) throw fieldError(['fileId'], 'dtsen.file_empty');
  return { table, name: file.original_name };
}

/** The remembered mapping for this header, if any. */
export async function rememberedMapping(ctx: Ctx, headers: readonly string[]) {
  return ctx.db
    .selectFrom('dtsen_mappings')
    .selectAll()
    .where('header_key', '=', headerKey(headers))
    .executeTakeFirst();
}

/** The list's lines read and checked; the parsed table is left behind (200,000 rows of cells). */
async function readList(ctx: Ctx, input: ParsedInput<'dtsen.import'>) {
  const { table, name } = await loadUpload(ctx, input.fileId);
  const issues = mappingIssues(input.mapping, table.headers);
  if (issues.length > 0) throw fieldErrors(issues);
  if (table.rows.length === 0) throw fieldError(['fileId'], 'dtsen.file_empty');

  // Read and check every line; the same NIK twice in one list keeps the first.
  const index = columnIndex(input.mapping, table.headers);
  const rows: ListRow[] = [];
  const seen = new Set<string>();
  table.rows.forEach((cells, i) => {
    const row = readRow(cells, i + 2, index);
    if (!row.refused && row.nik) {
      if (seen.has(row.nik)) row.refused = 'dtsen.row_duplicate_nik';
      seen.add(row.nik);
    }
    rows.push(row);
  });
  return { headers: table.headers, rows, name };
}

export async function importList(ctx: Ctx, input: ParsedInput<'dtsen.import'>) {
  const { headers, rows, name } = await readList(ctx, input);
  const good = rows.filter((r) => !r.refused);
  const year = yearInZone(ctx.now, await officeTimeZone(ctx.db));
  // The call's own connection with prepared statements kept: some 100,000 reads for a city list.
  const read = ctx.sqlite ? sqliteReader(ctx.sqlite) : kyselyReader(ctx.db);
  const matches = await matchRows(read, good, year);

  const listId = await insertTracked(
    ctx,
    'dtsen_lists',
    {
      list_date: input.listDate,
      source: input.source,
      file_name: name,
      file_id: input.fileId,
      rows_total: rows.length,
      rows_refused: rows.length - good.length,
    },
    { recordType: 'dtsen_list' },
  );
  const at = ctx.now.getTime();
  const record = (r: ListRow) => {
    const m = matches.get(r);
    return {
      id: uuidv7(at),
      list_id: listId,
      line: r.line,
      nik: r.nik,
      name: r.name,
      birth_date: r.birthDate,
      address: r.address,
      kelurahan: r.kelurahan,
      desil: r.refused ? null : r.desil,
      programs: JSON.stringify(r.programs),
      match: m?.match ?? null,
      person_id: m?.personId ?? null,
      candidates: m && m.candidates.length > 0 ? JSON.stringify(m.candidates) : null,
      refused: r.refused,
      decided_by: null,
      decided_at: null,
    };
  };
  if (ctx.sqlite) {
    // One prepared insert run per row: no SQL text to build for 200,000 rows.
    const columns = Object.keys(record(rows[0]!));
    const insert = ctx.sqlite.prepare(
      `INSERT INTO dtsen_rows (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
    );
    for (const r of rows) insert.run(record(r));
  } else
    for (let i = 0; i < rows.length; i += INSERT_BATCH)
      await ctx.db
        .insertInto('dtsen_rows')
        .values(rows.slice(i, i + INSERT_BATCH).map(record))
        .execute();
  await rememberMapping(ctx, headers, input.mapping);
  return listId;
}

/** Keeps the mapping for the next list with these columns (only when it changed). */
async function rememberMapping(
  ctx: Ctx,
  headers: readonly string[],
  mapping: ParsedInput<'dtsen.import'>['mapping'],
) {
  const known = await rememberedMapping(ctx, headers);
  const json = JSON.stringify(mapping);
  if (known?.mapping === json) return;
  await saveTracked(
    ctx,
    'dtsen_mappings',
    known,
    { header_key: headerKey(headers), mapping: json },
    { recordType: 'dtsen_mapping' },
  );
}
