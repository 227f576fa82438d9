/** Reading DTSEN lists and rows for the import screen and the review of uncertain rows. */
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { dtsenList, dtsenRow } from '../../../shared/contract/dtsen';
import type { DB } from '../db/schema';
import type { DtsenListsTable, DtsenRowsTable } from '../db/tables/kelurahan';
import { parsePrograms } from './status';

type ListOut = z.input<typeof dtsenList>;
type RowOut = z.input<typeof dtsenRow>;

export async function listSummaries(db: Kysely<DB>, ids?: string[]): Promise<ListOut[]> {
  let q = db.selectFrom('dtsen_lists').selectAll();
  if (ids) q = q.where('id', 'in', ids.length ? ids : ['']);
  const lists: Selectable<DtsenListsTable>[] = await q
    .orderBy('list_date', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  const counts = await db
    .selectFrom('dtsen_rows')
    .select(['list_id', 'match', (eb) => eb.fn.countAll<number>().as('n')])
    .where('list_id', 'in', lists.length ? lists.map((l) => l.id) : [''])
    .where('match', 'is not', null)
    .groupBy(['list_id', 'match'])
    .execute();
  return lists.map((l) => ({
    id: l.id,
    listDate: l.list_date,
    source: l.source,
    fileName: l.file_name,
    importedAt: l.created_at,
    rows: l.rows_total,
    refused: l.rows_refused,
    matches: Object.fromEntries(
      counts.filter((c) => c.list_id === l.id).map((c) => [c.match!, Number(c.n)]),
    ),
  }));
}

export async function toRows(
  db: Kysely<DB>,
  rows: Selectable<DtsenRowsTable>[],
): Promise<RowOut[]> {
  const ids = new Set<string>();
  for (const r of rows) {
    if (r.person_id) ids.add(r.person_id);
    for (const c of r.candidates ? (JSON.parse(r.candidates) as string[]) : []) ids.add(c);
  }
  const people = new Map(
    (
      await db
        .selectFrom('persons')
        .select(['id', 'full_name', 'nik', 'birth_date', 'merged_into'])
        .where('id', 'in', ids.size ? [...ids] : [''])
        .execute()
    ).map((p) => [p.id, p]),
  );
  return rows.map((r) => ({
    id: r.id,
    line: r.line,
    nik: r.nik,
    name: r.name,
    birthDate: r.birth_date,
    address: r.address,
    kelurahan: r.kelurahan,
    desil: r.desil,
    programs: parsePrograms(r.programs),
    match: r.match,
    refused: r.refused,
    person: r.person_id
      ? { id: r.person_id, fullName: people.get(r.person_id)?.full_name ?? '' }
      : null,
    // Candidates merged away since the import are no longer offered.
    candidates: (r.candidates ? (JSON.parse(r.candidates) as string[]) : [])
      .map((c) => people.get(c))
      .filter((p) => p !== undefined && p.merged_into === null)
      .map((p) => ({ id: p!.id, fullName: p!.full_name, nik: p!.nik, birthDate: p!.birth_date })),
  }));
}
