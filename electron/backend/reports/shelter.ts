/**
 * Rumah singgah report for a period. "Served" are the people with a stay that overlaps the
 * period; their sex, age group (at check-in, or at the period's start for who was already in),
 * identity and origin (of their latest stay in the period) are counted once per person. Exits,
 * destinations and lengths of stay count stays checked out in the period. A night is counted
 * as occupied by who is in at the end of that day.
 */
import { sql } from 'kysely';
import type { ExitType } from '../../../shared/reference/shelter';
import type { IdentityStatus, Sex } from '../../../shared/reference/persons';
import { daysOf } from '../../../shared/reports/period';
import { endOfDayUtc, startOfDayUtc, zoneOffsetMinutes } from '../../../shared/time';
import { regionRefs } from '../regions/refs';
import { shelterClock } from '../shelter/queries';
import { ppksLabel } from './ppksNames';
import { countColumns, msg, same, table, tallyRows, type ReportModule } from './types';
import type { Label } from '../../../shared/contract/reports';

/**
 * The period's stays and people counted by SQLite, one kind of count per `k`: the rows are
 * small tallies, never a row per stay or person (at a year and a million persons, building
 * 200,000 row objects in JS cost more than reading them).
 */
type Tally =
  /** Stays by check-in and check-out day (office day numbers; out null while still in). */
  | { k: 'd'; a: number; b: number | null; c: null; d: null; e: null; n: number }
  /** Stays checked out in the period by exit type and destination regency. */
  | { k: 'e'; a: ExitType | null; b: string | null; c: null; d: null; e: null; n: number }
  /** People by the PPKS categories of their stays, as bits (PPKS-01 is 1, PPKS-02 is 2, …). */
  | { k: 'p'; a: number; b: null; c: null; d: null; e: null; n: number }
  /**
   * People by sex, age group (index into AGE_GROUPS, its length when not known), identity
   * status, NIK known (1 or 0) and origin (of their latest stay in the period).
   */
  | {
      k: 'f';
      a: Sex | null;
      b: number;
      c: IdentityStatus;
      d: number;
      e: string | null;
      n: number;
    };

export const AGE_GROUPS = [
  { key: 'reports.age.toddler', max: 4 },
  { key: 'reports.age.child', max: 17 },
  { key: 'reports.age.adult', max: 59 },
  { key: 'reports.age.elderly', max: Infinity },
] as const;

/**
 * Stays `s` that overlap [start, end): checked in during it, or before it and not yet out when
 * it began. Three index ranges (check-in, check-out, still in) instead of every stay before end.
 */
export function overlapping(start: string, end: string) {
  return sql`s.rowid IN (
    SELECT rowid FROM stays WHERE checkin_at >= ${start} AND checkin_at < ${end}
    UNION ALL SELECT rowid FROM stays WHERE checkout_at >= ${start} AND checkin_at < ${start}
    UNION ALL SELECT rowid FROM stays WHERE checkout_at IS NULL AND checkin_at < ${start})`;
}

/**
 * The columns of stays overlapping [start, end) the report reads, as `overlapping` finds them:
 * checked in during the period (one range of stays_period, the table untouched), checked out
 * in it or still in after checking in before it (by check-out; "+" keeps the planner off the
 * check-in index, which would walk every earlier stay). Those checked out in it come from
 * stays_checkout_checkin (migration 31), which tells them apart without reading the rows of the
 * stays checked in during the period.
 */
function periodStays(start: string, end: string) {
  const columns = sql.raw(
    'person_id, checkin_at, checkout_at, exit_type, destination_code, origin_regency, id',
  );
  return sql`
    SELECT ${columns} FROM stays WHERE checkin_at >= ${start} AND checkin_at < ${end}
    UNION ALL SELECT ${columns} FROM stays INDEXED BY stays_checkout_checkin
      WHERE checkout_at >= ${start} AND +checkin_at < ${start}
    UNION ALL SELECT ${columns} FROM stays WHERE checkout_at IS NULL AND +checkin_at < ${start}`;
}

/** The median of values given as value → how many times (as shared/workdays `median`). */
export function medianOf(counts: Map<number, number>): number | null {
  const values = [...counts.keys()].sort((a, b) => a - b);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  // The value at a 0-based position of the sorted list.
  const at = (pos: number) => {
    let seen = 0;
    for (const v of values) if ((seen += counts.get(v)!) > pos) return v;
    return values[values.length - 1]!;
  };
  const mid = Math.floor(total / 2);
  return total % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const pct = (part: number, whole: number) => (whole > 0 ? round1((part / whole) * 100) : null);

export const shelterReport: ReportModule = async (db, { from, to, now }) => {
  const clock = await shelterClock(db, now);
  const start = startOfDayUtc(from, clock.timeZone);
  const end = endOfDayUtc(to, clock.timeZone);
  // Indonesia keeps no daylight saving: one offset turns instants into office days, and SQLite
  // does it in whole seconds (exact, unlike julianday's fractions) as it reads the rows.
  const offset = zoneOffsetMinutes(clock.timeZone, now) * 60;
  const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

  const base = dayNumber(from);
  // Checked out before the period's end: on or before its last day.
  const toDay = dayNumber(to);
  // Age at check-in, or at the period's start for who was already in (shared/age.ts in SQL):
  // days as YYYYMMDD numbers, so whole years are the difference over 10,000 (a birth after
  // that day gives 0 or less: the youngest group either way); the year alone when only that
  // is known. The day is made once per person (people is materialized).
  const refDay = sql`CAST(strftime('%Y%m%d', max(min(in_day), ${base}) * 86400, 'unixepoch') AS INTEGER)`;
  const age = sql`CASE WHEN p.birth_date IS NOT NULL
      THEN (q.ref - CAST(replace(p.birth_date, '-', '') AS INTEGER)) / 10000
    WHEN p.birth_year IS NOT NULL THEN q.ref / 10000 - p.birth_year END`;
  const ageGroup = sql.raw(
    `CASE WHEN age IS NULL THEN ${AGE_GROUPS.length} ${AGE_GROUPS.slice(0, -1)
      .map((g, i) => `WHEN age <= ${g.max} THEN ${i}`)
      .join(' ')} ELSE ${AGE_GROUPS.length - 1} END`,
  );

  // One statement counts every figure below from the covering indexes of migration 29: the
  // stays from stays_period (the few checked in before the period by row id), each person's
  // facts from persons_report, never the wide table rows. People are grouped by id, so their
  // ids (time-ordered UUIDs) are looked up in order: at a million persons that reads the index
  // nearly in sequence. A person's latest stay gives their origin: the largest check-in
  // instant with the origin behind it ('|' is in neither).
  const tallies = (
    await sql<Tally>`
      WITH s AS MATERIALIZED (
        SELECT s.person_id, s.id, s.checkin_at, s.exit_type, s.destination_code, s.origin_regency,
          (unixepoch(s.checkin_at) + ${sql.lit(offset)}) / 86400 AS in_day,
          (unixepoch(s.checkout_at) + ${sql.lit(offset)}) / 86400 AS out_day
        FROM (${periodStays(start, end)}) s),
      people AS MATERIALIZED (
        SELECT s.person_id, ${refDay} AS ref,
          max(s.checkin_at || '|' || coalesce(s.origin_regency, '')) AS latest,
          coalesce(total(DISTINCT 1 << (CAST(substr(sp.ppks, 6) AS INTEGER) - 1)), 0) AS ppks
        FROM s LEFT JOIN stay_ppks sp ON sp.stay_id = s.id GROUP BY s.person_id),
      facts AS (
        SELECT sex, identity_status, has_nik, origin, ${ageGroup} AS age_group FROM (
          SELECT p.sex, p.identity_status, p.nik IS NOT NULL AS has_nik,
            nullif(substr(q.latest, instr(q.latest, '|') + 1), '') AS origin, ${age} AS age
          FROM people q CROSS JOIN persons p INDEXED BY persons_report ON p.id = q.person_id))
      SELECT 'd' AS k, in_day AS a, out_day AS b, NULL AS c, NULL AS d, NULL AS e, count(*) AS n
        FROM s GROUP BY in_day, out_day
      UNION ALL SELECT 'e', exit_type, substr(destination_code, 1, 5), NULL, NULL, NULL, count(*)
        FROM s WHERE out_day <= ${toDay} GROUP BY 2, 3
      UNION ALL SELECT 'p', ppks, NULL, NULL, NULL, NULL, count(*) FROM people GROUP BY ppks
      UNION ALL SELECT 'f', sex, age_group, identity_status, has_nik, origin, count(*)
        FROM facts GROUP BY 2, 3, 4, 5, 6`.execute(db)
  ).rows;
  const of = <K extends Tally['k']>(k: K) =>
    tallies.filter((t): t is Extract<Tally, { k: K }> => t.k === k);
  const beds = (
    await sql<{ beds: number }>`
      SELECT count(*) AS beds FROM shelter_beds b JOIN shelters s ON s.id = b.shelter_id
      WHERE b.active = 1 AND s.active = 1`.execute(db)
  ).rows[0]!.beds;

  const lastDay = Math.min(dayNumber(to), Math.floor((now.getTime() / 1000 + offset) / 86_400));
  const nights = daysOf(from, to).filter((d) => dayNumber(d) <= lastDay);

  // Stays by their days: admissions, exits and their lengths, stays past the maximum, and the
  // occupancy as check-ins and check-outs per night (who is in at the end of a day).
  let stays = 0;
  let admissions = 0;
  let exits = 0;
  let pastMax = 0;
  let lengthSum = 0;
  const lengths = new Map<number, number>();
  const change = new Array<number>(nights.length + 1).fill(0);
  for (const { a: inDay, b: outDay, n } of of('d')) {
    stays += n;
    if (inDay >= base) admissions += n;
    const exited = outDay !== null && outDay <= toDay;
    if (exited) {
      exits += n;
      lengthSum += (outDay - inDay) * n;
      lengths.set(outDay - inDay, (lengths.get(outDay - inDay) ?? 0) + n);
    }
    if ((exited ? outDay : lastDay) - inDay > clock.maxStayDays) pastMax += n;
    const inFrom = Math.max(0, inDay - base);
    const outAt = Math.min(outDay === null ? nights.length : outDay - base, nights.length);
    if (inFrom >= outAt) continue;
    change[inFrom]! += n;
    change[outAt]! -= n;
  }
  // A person's categories come as one number, bit i for PPKS-(i + 1).
  const ppksPeople = new Map<string, number>();
  for (const t of of('p'))
    for (let i = 0; i < 26; i++)
      if (Math.floor(t.a / 2 ** i) % 2 === 1) {
        const code = `PPKS-${String(i + 1).padStart(2, '0')}`;
        ppksPeople.set(code, (ppksPeople.get(code) ?? 0) + t.n);
      }
  const ppks = [...ppksPeople.entries()]
    .map(([code, people]) => ({ ppks: code, people }))
    .sort((a, b) => b.people - a.people || (a.ppks < b.ppks ? -1 : 1));

  // Sex × age group.
  const sexColumns: (Sex | null)[] = ['M', 'F', null];
  const grid = [...AGE_GROUPS.map(() => [0, 0, 0]), [0, 0, 0]];
  for (const t of of('f')) grid[t.b]![sexColumns.indexOf(t.a)]! += t.n;
  const served = grid.flat().reduce((a, b) => a + b, 0);
  const ageRows = grid.map((values, i) => ({
    label: i < AGE_GROUPS.length ? msg(AGE_GROUPS[i]!.key) : msg('reports.unknown'),
    values: [...values, values[0]! + values[1]! + values[2]!],
  }));

  // Origins: own city, elsewhere in the province, other provinces, not known; the top by name.
  const province = clock.regionCode.slice(0, 2);
  const originClass = (code: string | null) =>
    code === null
      ? 'reports.origin.unknown'
      : code === clock.regionCode
        ? 'reports.origin.ownCity'
        : code.startsWith(`${province}.`)
          ? 'reports.origin.province'
          : 'reports.origin.otherProvince';
  const origins = of('f').map((t) => [t.e, t.n] as const);
  const destinations = of('e').map((t) => [t.b, t.n] as const);
  const refs = await regionRefs(
    db,
    [...origins, ...destinations].map(([code]) => code),
  );
  const regionLabel = (code: string | null): Label =>
    code === null ? msg('reports.unknown') : same(refs.get(code)?.name ?? code);
  const peopleWith = (has: (t: Extract<Tally, { k: 'f' }>) => boolean) =>
    of('f').reduce((sum, t) => sum + (has(t) ? t.n : 0), 0);

  // Occupancy: who is in at the end of each day up to today.
  let running = 0;
  const occupied = nights.map((_, i) => (running += change[i]!));
  const occupancyRows =
    nights.length <= 31
      ? nights.map((day, i) => ({
          label: same(`${day.slice(8, 10)}/${day.slice(5, 7)}`),
          values: [occupied[i]!, pct(occupied[i]!, beds)],
        }))
      : [...new Set(nights.map((d) => d.slice(0, 7)))].map((month) => {
          const inMonth = occupied.filter((_, i) => nights[i]!.startsWith(month));
          const avg = round1(inMonth.reduce((a, b) => a + b, 0) / inMonth.length);
          return {
            label: same(`${month.slice(5, 7)}/${month.slice(0, 4)}`),
            values: [avg, pct(avg, beds)],
          };
        });
  const averageOccupied =
    occupied.length > 0 ? occupied.reduce((a, b) => a + b, 0) / occupied.length : null;

  const count = countColumns(msg('reports.col.people'));
  return {
    title: msg('reports.shelter.title'),
    figures: [
      { label: msg('reports.shelter.served'), value: served, format: 'int' },
      { label: msg('reports.shelter.stays'), value: stays, format: 'int' },
      { label: msg('reports.shelter.admissions'), value: admissions, format: 'int' },
      { label: msg('reports.shelter.exits'), value: exits, format: 'int' },
      {
        label: msg('reports.shelter.averageStay'),
        value: exits ? round1(lengthSum / exits) : null,
        format: 'days',
      },
      { label: msg('reports.shelter.medianStay'), value: medianOf(lengths), format: 'days' },
      { label: msg('reports.shelter.pastMax'), value: pastMax, format: 'int' },
      {
        label: msg('reports.shelter.occupancy'),
        value: averageOccupied === null ? null : pct(averageOccupied, beds),
        format: 'percent',
      },
    ],
    tables: [
      table({
        key: 'occupancy',
        title: msg(nights.length <= 31 ? 'reports.shelter.nights' : 'reports.shelter.months'),
        head: msg(nights.length <= 31 ? 'reports.col.night' : 'reports.col.month'),
        columns: [
          {
            label: msg(
              nights.length <= 31 ? 'reports.col.occupied' : 'reports.col.averageOccupied',
            ),
            format: nights.length <= 31 ? 'int' : 'days',
          },
          { label: msg('reports.col.occupancy'), format: 'percent' },
        ],
        rows: occupancyRows,
        chart: 'line',
        chartColumns: [0],
        note: msg('reports.shelter.nightsNote', { beds }),
      }),
      table({
        key: 'sexAge',
        title: msg('reports.shelter.sexAge'),
        head: msg('reports.col.ageGroup'),
        columns: countColumns(
          msg('person.sex.M'),
          msg('person.sex.F'),
          msg('reports.unknown'),
          msg('reports.col.total'),
        ),
        rows: ageRows,
        chartColumns: [0, 1, 2],
      }),
      table({
        key: 'ppks',
        title: msg('reports.shelter.ppks'),
        head: msg('reports.col.ppks'),
        columns: count,
        rows: ppks.map((r) => ({ label: ppksLabel(r.ppks), values: [Number(r.people)] })),
      }),
      table({
        key: 'origin',
        title: msg('reports.shelter.origin'),
        head: msg('reports.col.origin'),
        columns: count,
        rows: (
          [
            'reports.origin.ownCity',
            'reports.origin.province',
            'reports.origin.otherProvince',
            'reports.origin.unknown',
          ] as const
        ).map((key) => ({
          label: msg(key),
          values: [origins.reduce((sum, [o, n]) => sum + (originClass(o) === key ? n : 0), 0)],
        })),
      }),
      table({
        key: 'topOrigins',
        title: msg('reports.shelter.topOrigins'),
        head: msg('reports.col.regency'),
        columns: count,
        rows: tallyRows(
          origins.filter(([o]) => o !== null),
          regionLabel,
        ).slice(0, 10),
      }),
      table({
        key: 'exits',
        title: msg('reports.shelter.exitTypes'),
        head: msg('reports.col.exitType'),
        columns: countColumns(msg('reports.col.stays')),
        rows: tallyRows(
          of('e').map((t) => [t.a ?? 'other', t.n] as const),
          (t) => msg(`exit.${t}`),
        ),
      }),
      table({
        key: 'destinations',
        title: msg('reports.shelter.destinations'),
        head: msg('reports.col.regency'),
        columns: countColumns(msg('reports.col.stays')),
        rows: tallyRows(destinations, regionLabel).slice(0, 10),
      }),
      table({
        key: 'identity',
        title: msg('reports.shelter.identity'),
        head: msg('reports.col.identity'),
        columns: count,
        rows: [
          ...(['document', 'disdukcapil', 'stated', 'unknown'] as const).map((s) => ({
            label: msg(`person.identity.${s}`),
            values: [peopleWith((t) => t.c === s)],
          })),
          {
            label: msg('reports.identity.withNik'),
            values: [peopleWith((t) => t.d === 1)],
          },
          {
            label: msg('reports.identity.withoutNik'),
            values: [peopleWith((t) => t.d !== 1)],
          },
        ],
        chartColumns: [],
        chart: null,
      }),
    ],
  };
};
