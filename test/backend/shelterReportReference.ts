/**
 * The shelter report as it was before its counting moved into SQL (one JS row per stay): kept as
 * the reference that reportsShelterCompare.test.ts holds the faster one to, figure for figure.
 *
 * Rumah singgah report for a period. "Served" are the people with a stay that overlaps the
 * period; their sex, age group (at check-in, or at the period's start for who was already in),
 * identity and origin (of their latest stay in the period) are counted once per person. Exits,
 * destinations and lengths of stay count stays checked out in the period. A night is counted
 * as occupied by who is in at the end of that day.
 */
import { sql } from 'kysely';
import type { ExitType } from '../../shared/reference/shelter';
import type { IdentityStatus, Sex } from '../../shared/reference/persons';
import { ageOn } from '../../shared/age';
import { daysOf } from '../../shared/reports/period';
import { endOfDayUtc, startOfDayUtc, zoneOffsetMinutes } from '../../shared/time';
import { median } from '../../shared/workdays';
import { regionRefs } from '../../electron/backend/regions/refs';
import { shelterClock } from '../../electron/backend/shelter/queries';
import { ppksLabel } from '../../electron/backend/reports/ppksNames';
import {
  countColumns,
  countRows,
  msg,
  same,
  table,
  type ReportModule,
} from '../../electron/backend/reports/types';
import type { Label } from '../../shared/contract/reports';

/** A stay overlapping the period, its days as office day numbers (days since 1970-01-01). */
interface StayRow {
  person_id: string;
  in_day: number;
  /** Check-out day, also when it falls after the period. */
  out_day: number | null;
  exit_type: ExitType | null;
  destination_code: string | null;
  origin_regency: string | null;
  /** The stay's PPKS categories, comma-separated. */
  ppks: string | null;
  sex: Sex | null;
  birth_date: string | null;
  birth_year: number | null;
  identity_status: IdentityStatus;
  has_nik: number;
}

const AGE_GROUPS = [
  { key: 'reports.age.toddler', max: 4 },
  { key: 'reports.age.child', max: 17 },
  { key: 'reports.age.adult', max: 59 },
  { key: 'reports.age.elderly', max: Infinity },
] as const;

/**
 * The columns of stays overlapping [start, end) the report reads, as `overlapping` finds them:
 * checked in during the period (one range of stays_period, the table untouched), checked out
 * in it or still in after checking in before it (by check-out; "+" keeps the planner off the
 * check-in index, which would walk every earlier stay).
 */
function periodStays(start: string, end: string) {
  const columns = sql.raw(
    'person_id, checkin_at, checkout_at, exit_type, destination_code, origin_regency, id',
  );
  return sql`
    SELECT ${columns} FROM stays WHERE checkin_at >= ${start} AND checkin_at < ${end}
    UNION ALL SELECT ${columns} FROM stays WHERE checkout_at >= ${start} AND +checkin_at < ${start}
    UNION ALL SELECT ${columns} FROM stays WHERE checkout_at IS NULL AND +checkin_at < ${start}`;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const pct = (part: number, whole: number) => (whole > 0 ? round1((part / whole) * 100) : null);

export const referenceShelterReport: ReportModule = async (db, { from, to, now }) => {
  const clock = await shelterClock(db, now);
  const start = startOfDayUtc(from, clock.timeZone);
  const end = endOfDayUtc(to, clock.timeZone);
  // Indonesia keeps no daylight saving: one offset turns instants into office days, and SQLite
  // does it in whole seconds (exact, unlike julianday's fractions) as it reads the rows.
  const offset = zoneOffsetMinutes(clock.timeZone, now) * 60;
  const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;
  const dayString = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

  // One read of the period's stays serves every figure below, from the covering indexes of
  // migration 29: the stays from stays_period (the few checked in before the period by row
  // id), each person's facts from persons_report, never the wide table rows. They come by
  // person (check-in order within each), so the person ids (time-ordered UUIDs) are looked up
  // in order: at a million persons that reads the index nearly in sequence. The period's stays
  // are a CTE of their own: with the sort next to the union, SQLite merges sorted arms and
  // walks the whole table in person order for the second one.
  const stays = (
    await sql<StayRow>`
      WITH period AS MATERIALIZED (${periodStays(start, end)}),
      s AS MATERIALIZED (
        SELECT s.person_id, s.checkin_at, (unixepoch(s.checkin_at) + ${sql.lit(offset)}) / 86400 AS in_day,
          (unixepoch(s.checkout_at) + ${sql.lit(offset)}) / 86400 AS out_day,
          s.exit_type, s.destination_code, s.origin_regency,
          (SELECT group_concat(ppks) FROM stay_ppks WHERE stay_id = s.id) AS ppks
        FROM period s
        ORDER BY s.person_id, s.checkin_at)
      SELECT s.person_id, s.in_day, s.out_day, s.exit_type, s.destination_code,
        s.origin_regency, s.ppks, p.sex, p.birth_date, p.birth_year, p.identity_status,
        p.nik IS NOT NULL AS has_nik
      FROM s CROSS JOIN persons p INDEXED BY persons_report ON p.id = s.person_id
      ORDER BY s.person_id, s.checkin_at`.execute(db)
  ).rows;
  const beds = (
    await sql<{ beds: number }>`
      SELECT count(*) AS beds FROM shelter_beds b JOIN shelters s ON s.id = b.shelter_id
      WHERE b.active = 1 AND s.active = 1`.execute(db)
  ).rows[0]!.beds;

  const lastDay = Math.min(dayNumber(to), Math.floor((now.getTime() / 1000 + offset) / 86_400));
  const nights = daysOf(from, to).filter((d) => dayNumber(d) <= lastDay);
  const base = dayNumber(from);
  // Checked out before the period's end: on or before its last day.
  const toDay = dayNumber(to);
  const exitedIn = (s: StayRow) => s.out_day !== null && s.out_day <= toDay;

  // One pass over the stays: people (their latest stay in the period, the day of their first),
  // admissions, exits and their lengths, stays past the maximum, PPKS categories per person,
  // and the occupancy as check-ins and check-outs per night (who is in at the end of a day).
  // A person's stays are consecutive rows, so no lookup by person id is needed.
  const people: { row: StayRow; firstDay: number }[] = [];
  let current: { row: StayRow; firstDay: number } | undefined;
  /** PPKS categories already counted for the current person. */
  const counted: string[] = [];
  let admissions = 0;
  let pastMax = 0;
  const exited: StayRow[] = [];
  const lengths: number[] = [];
  const ppksPeople = new Map<string, number>();
  const change = new Array<number>(nights.length + 1).fill(0);
  for (const s of stays) {
    if (current?.row.person_id === s.person_id) current.row = s;
    else {
      current = { row: s, firstDay: s.in_day };
      people.push(current);
      counted.length = 0;
    }
    if (s.in_day >= base) admissions += 1;
    const exits = exitedIn(s);
    if (exits) {
      exited.push(s);
      lengths.push(s.out_day! - s.in_day);
    }
    if ((exits ? s.out_day! : lastDay) - s.in_day > clock.maxStayDays) pastMax += 1;
    for (const code of s.ppks?.split(',') ?? []) {
      if (counted.includes(code)) continue;
      counted.push(code);
      ppksPeople.set(code, (ppksPeople.get(code) ?? 0) + 1);
    }
    const inFrom = Math.max(0, s.in_day - base);
    const outAt = Math.min(s.out_day === null ? nights.length : s.out_day - base, nights.length);
    if (inFrom >= outAt) continue;
    change[inFrom]! += 1;
    change[outAt]! -= 1;
  }
  const ppks = [...ppksPeople.entries()]
    .map(([code, people]) => ({ ppks: code, people }))
    .sort((a, b) => b.people - a.people || (a.ppks < b.ppks ? -1 : 1));

  // Sex × age group.
  const sexColumns: (Sex | null)[] = ['M', 'F', null];
  const grid = [...AGE_GROUPS.map(() => [0, 0, 0]), [0, 0, 0]];
  const persons = people.map((p) => p.row);
  for (const { row: p, firstDay } of people) {
    const refDay = firstDay > base ? dayString(firstDay) : from;
    const age = ageOn({ birthDate: p.birth_date, birthYear: p.birth_year }, refDay);
    const row = age === null ? AGE_GROUPS.length : AGE_GROUPS.findIndex((g) => age <= g.max);
    grid[row]![sexColumns.indexOf(p.sex)]! += 1;
  }
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
  const origins = persons.map((p) => p.origin_regency);
  const destinations = exited.map((s) => s.destination_code?.slice(0, 5) ?? null);
  const refs = await regionRefs(db, [...origins, ...destinations]);
  const regionLabel = (code: string | null): Label =>
    code === null ? msg('reports.unknown') : same(refs.get(code)?.name ?? code);

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
      { label: msg('reports.shelter.served'), value: people.length, format: 'int' },
      { label: msg('reports.shelter.stays'), value: stays.length, format: 'int' },
      { label: msg('reports.shelter.admissions'), value: admissions, format: 'int' },
      { label: msg('reports.shelter.exits'), value: exited.length, format: 'int' },
      {
        label: msg('reports.shelter.averageStay'),
        value: lengths.length ? round1(lengths.reduce((a, b) => a + b, 0) / lengths.length) : null,
        format: 'days',
      },
      { label: msg('reports.shelter.medianStay'), value: median(lengths), format: 'days' },
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
          values: [origins.filter((o) => originClass(o) === key).length],
        })),
      }),
      table({
        key: 'topOrigins',
        title: msg('reports.shelter.topOrigins'),
        head: msg('reports.col.regency'),
        columns: count,
        rows: countRows(
          origins.filter((o) => o !== null),
          regionLabel,
        ).slice(0, 10),
      }),
      table({
        key: 'exits',
        title: msg('reports.shelter.exitTypes'),
        head: msg('reports.col.exitType'),
        columns: countColumns(msg('reports.col.stays')),
        rows: countRows(
          exited.map((s) => s.exit_type ?? 'other'),
          (t) => msg(`exit.${t}`),
        ),
      }),
      table({
        key: 'destinations',
        title: msg('reports.shelter.destinations'),
        head: msg('reports.col.regency'),
        columns: countColumns(msg('reports.col.stays')),
        rows: countRows(destinations, regionLabel).slice(0, 10),
      }),
      table({
        key: 'identity',
        title: msg('reports.shelter.identity'),
        head: msg('reports.col.identity'),
        columns: count,
        rows: [
          ...(['document', 'disdukcapil', 'stated', 'unknown'] as const).map((s) => ({
            label: msg(`person.identity.${s}`),
            values: [persons.filter((p) => p.identity_status === s).length],
          })),
          {
            label: msg('reports.identity.withNik'),
            values: [persons.filter((p) => p.has_nik === 1).length],
          },
          {
            label: msg('reports.identity.withoutNik'),
            values: [persons.filter((p) => p.has_nik !== 1).length],
          },
        ],
        chartColumns: [],
        chart: null,
      }),
    ],
  };
};
