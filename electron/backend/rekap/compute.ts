/**
 * The PPKS rekap for a period of months: each person once per kelurahan and category, however
 * many findings and stays they had; counts-only additions added on top. Kelurahan rows sum to
 * kecamatan rows, and those to the city.
 */
import { sql, type Kysely } from 'kysely';
import type { RekapRow } from '../../../shared/contract/rekap';
import { endOfDayUtc, monthRange, startOfDayUtc } from '../../../shared/time';
import type { DB } from '../db/schema';
import { cityKelurahans, officeCity } from '../kelurahan/scope';
import { latestList, registeredIn } from '../dtsen/status';
import { allSources, countSources, type RekapWindow } from './sources';

export interface Period {
  from: string;
  to: string;
}

/** UTC bounds of the months `from`…`to` in the office zone. */
export async function rekapWindow(
  db: Kysely<DB>,
  period: Period,
  timeZone: string,
  filter: { kelurahan: string | null; ppks: string | null },
): Promise<RekapWindow> {
  return {
    start: startOfDayUtc(`${period.from}-01`, timeZone),
    end: endOfDayUtc(monthRange(`${period.to}-01`).to, timeZone),
    city: await officeCity(db),
    ...filter,
  };
}

function emptyRow(code: string, name: string): RekapRow {
  return { code, name, counts: {}, total: 0, bySource: {} };
}

function add(row: RekapRow, ppks: string, source: string, n: number): void {
  row.counts[ppks] = (row.counts[ppks] ?? 0) + n;
  row.bySource[source] = (row.bySource[source] ?? 0) + n;
  row.total += n;
}

/** Adds `from` into `into` (kecamatan and city sums). */
function addRow(into: RekapRow, from: RekapRow): void {
  for (const [k, n] of Object.entries(from.counts)) into.counts[k] = (into.counts[k] ?? 0) + n;
  for (const [k, n] of Object.entries(from.bySource))
    into.bySource[k] = (into.bySource[k] ?? 0) + n;
  into.total += from.total;
}

export async function computeRekap(db: Kysely<DB>, window: RekapWindow, period: Period) {
  // One row per kelurahan, category and person, with the sources that counted them.
  const people = await sql<{ k: string; ppks: string; who: string; sources: string }>`
    SELECT k, ppks, who, group_concat(DISTINCT source) AS sources
    FROM (${countSources(window)}) GROUP BY k, ppks, who`.execute(db);
  let additionsQuery = db
    .selectFrom('ppks_count_additions')
    .select(['kelurahan_code as k', 'ppks', (eb) => eb.fn.sum<number>('count').as('n')])
    .where('month', '>=', period.from)
    .where('month', '<=', period.to)
    .groupBy(['kelurahan_code', 'ppks']);
  if (window.kelurahan)
    additionsQuery = additionsQuery.where('kelurahan_code', '=', window.kelurahan);
  const additions = await additionsQuery.execute();

  const kelurahans = (await cityKelurahans(db)).filter(
    (k) => !window.kelurahan || k.code === window.kelurahan,
  );
  const rows = new Map(
    kelurahans.map((k) => [
      k.code,
      { ...emptyRow(k.code, k.name), kecamatan: k.kecamatan, kecamatanCode: k.kecamatanCode },
    ]),
  );
  const registryPeople = new Set<string>();
  for (const p of people.rows) {
    const row = rows.get(p.k);
    if (!row) continue;
    // Each person once in the count; under each source that found them.
    row.counts[p.ppks] = (row.counts[p.ppks] ?? 0) + 1;
    row.total += 1;
    for (const s of p.sources.split(',')) row.bySource[s] = (row.bySource[s] ?? 0) + 1;
    if (!p.who.startsWith('finding:')) registryPeople.add(p.who);
  }
  for (const a of additions) {
    const row = rows.get(a.k);
    if (row && Number(a.n) > 0) add(row, a.ppks, 'addition', Number(a.n));
  }

  const kecamatans = new Map<string, RekapRow>();
  const city = emptyRow(window.city, '');
  for (const r of rows.values()) {
    const kec = kecamatans.get(r.kecamatanCode) ?? emptyRow(r.kecamatanCode, r.kecamatan);
    addRow(kec, r);
    kecamatans.set(r.kecamatanCode, kec);
    addRow(city, r);
  }

  const list = await latestList(db);
  const registered = list ? await registeredIn(db, list.id, [...registryPeople]) : null;
  return {
    kelurahans: [...rows.values()].map(({ kecamatanCode: _k, ...r }) => r),
    kecamatans: [...kecamatans.values()],
    city,
    dtsen:
      list && registered
        ? { listDate: list.list_date, registered: registered.size, people: registryPeople.size }
        : null,
  };
}

/** The records behind one count (the drill-down). */
export async function rekapRecords(db: Kysely<DB>, window: RekapWindow) {
  const rows = await sql<{
    source: 'finding' | 'stay' | 'case';
    record_id: string;
    at: string;
    label: string;
    person_id: string | null;
    person_name: string | null;
  }>`SELECT source, record_id, at, label, person_id, person_name FROM (${allSources(window)})
    ORDER BY at DESC LIMIT 500`.execute(db);
  return rows.rows;
}
