/**
 * Case figures for a period (office-zone days `from`–`to`): the SPM count of PPKS served (persons
 * with a case open at any time in the period) by category and by kecamatan/kelurahan of the city,
 * cases opened and closed, closure reasons, median days to assessment approval and to closure,
 * caseload per caseworker at the end of the period, referrals by destination and outcome.
 * The reports domain calls `caseFigures` directly for its PPKS report.
 */
import { sql, type Kysely } from 'kysely';
import type { CaseFigures } from '../../../shared/contract/cases';
import type { PpksCode } from '../../../shared/reference/ppks';
import { endOfDayUtc, startOfDayUtc } from '../../../shared/time';
import { median } from '../../../shared/workdays';
import type { DB } from '../db/schema';
import { regionRefs } from '../regions/refs';

const DAY_MS = 86_400_000;

/**
 * Milliseconds from one instant column to another, as Date.parse would give them: a year's
 * tens of thousands of cases come back as one number each rather than two strings to parse.
 */
const msBetween = (from: 'opened_at', to: 'closed_at' | 'assessment_approved_at') =>
  sql<number>`CAST(round((unixepoch(${sql.ref(to)}, 'subsec')
    - unixepoch(${sql.ref(from)}, 'subsec')) * 1000) AS INTEGER)`.as('ms');

export async function caseFigures(
  db: Kysely<DB>,
  period: { from: string; to: string },
  timeZone: string,
): Promise<CaseFigures> {
  const start = startOfDayUtc(period.from, timeZone);
  const end = endOfDayUtc(period.to, timeZone);
  const office = await db.selectFrom('office').select('region_code').executeTakeFirst();
  const city = office?.region_code ?? '';

  // Cases open at some time in [start, end): opened in it, opened before and closed in or after
  // it, or opened before and still open. Each part reads its own covering index (cases_opened,
  // cases_closed, cases_open of migration 26) and never the table; one condition with OR made
  // SQLite walk every case. The parts never overlap (closed_at is set exactly when the state is
  // closed), so UNION ALL. "Still open" is `state <> 'closed'`, the partial index's condition.
  const part = (where: ReturnType<typeof sql>) =>
    sql`SELECT id, person_id, location_region_code, caseworker_id FROM cases WHERE ${where}`;
  const openBefore = (at: string) => part(sql`state <> 'closed' AND opened_at < ${at}`);
  const closedFrom = (at: string, openedBefore: string) =>
    part(sql`closed_at >= ${at} AND opened_at < ${openedBefore}`);
  const served = sql`${part(sql`opened_at >= ${start} AND opened_at < ${end}`)}
    UNION ALL ${closedFrom(start, start)} UNION ALL ${openBefore(start)}`;

  const [servedRows, opened, closedRows, approvals, caseload, refAgency, refOutcome] =
    await Promise.all([
      // One row per category of each case served (no category: one row, ppks null); counted
      // per person below.
      sql<{ person_id: string; place: string | null; ppks: string | null }>`
        SELECT c.person_id, c.location_region_code AS place, cp.ppks
        FROM (${served}) c LEFT JOIN case_ppks cp ON cp.case_id = c.id`
        .execute(db)
        .then((r) => r.rows),
      db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('opened_at', '>=', start)
        .where('opened_at', '<', end)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('cases')
        .select(['closure_reason', msBetween('opened_at', 'closed_at')])
        .where('closed_at', '>=', start)
        .where('closed_at', '<', end)
        .execute(),
      db
        .selectFrom('cases')
        .select(msBetween('opened_at', 'assessment_approved_at'))
        .where('assessment_approved_at', '>=', start)
        .where('assessment_approved_at', '<', end)
        .execute(),
      // Open at the end of the period: still open, or closed after it.
      sql<{ caseworker_id: string; full_name: string; n: number }>`
        SELECT c.caseworker_id, u.full_name, c.n
        FROM (SELECT caseworker_id, count(*) AS n
          FROM (${openBefore(end)} UNION ALL ${closedFrom(end, end)}) GROUP BY caseworker_id) c
        JOIN users u ON u.id = c.caseworker_id
        ORDER BY c.n DESC`
        .execute(db)
        .then((r) => r.rows),
      db
        .selectFrom('case_referrals')
        .select(['agency_kind', sql<number>`count(*)`.as('n')])
        .where('sent_at', '>=', start)
        .where('sent_at', '<', end)
        .groupBy('agency_kind')
        .execute(),
      db
        .selectFrom('case_referrals')
        .select(['state', 'outcome', sql<number>`count(*)`.as('n')])
        .where('sent_at', '>=', start)
        .where('sent_at', '<', end)
        .groupBy(['state', 'outcome'])
        .execute(),
    ]);

  // Persons, not cases: one person with two cases is served once.
  const persons = new Set<string>();
  const byPpksSets = new Map<PpksCode, Set<string>>();
  // Kelurahan rows fold into their kecamatan (63.72.01.1001 → 63.72.01); a person counts once
  // per place even with cases recorded at the kelurahan and at its kecamatan.
  const kelurahan = new Map<string | null, Set<string>>();
  const kecamatan = new Map<string | null, Set<string>>();
  const add = <K>(m: Map<K, Set<string>>, k: K, person: string) => {
    const set = m.get(k) ?? new Set<string>();
    set.add(person);
    m.set(k, set);
  };
  for (const r of servedRows) {
    persons.add(r.person_id);
    if (r.ppks) add(byPpksSets, r.ppks as PpksCode, r.person_id);
    const inCity = r.place && r.place.startsWith(`${city}.`) ? r.place : null;
    add(kecamatan, inCity ? inCity.slice(0, 8) : null, r.person_id);
    add(kelurahan, inCity && inCity.length > 8 ? inCity : null, r.person_id);
  }
  const byPpks = [...byPpksSets.entries()]
    .map(([ppks, set]) => ({ ppks, n: set.size }))
    .sort((x, y) => (x.ppks < y.ppks ? -1 : 1));
  const refs = await regionRefs(db, [...kelurahan.keys(), ...kecamatan.keys()]);
  const places = (m: Map<string | null, Set<string>>) =>
    [...m.entries()]
      .map(([code, set]) => ({ region: code ? (refs.get(code) ?? null) : null, count: set.size }))
      .sort((a, b) => b.count - a.count);

  const days = (r: { ms: number }) => Math.floor(r.ms / DAY_MS);
  const reasons = new Map<string, number>();
  for (const r of closedRows)
    if (r.closure_reason) reasons.set(r.closure_reason, (reasons.get(r.closure_reason) ?? 0) + 1);

  return {
    from: period.from,
    to: period.to,
    personsServed: persons.size,
    servedByPpks: byPpks.map((r) => ({ ppks: r.ppks, count: Number(r.n) })),
    servedByKecamatan: places(kecamatan),
    servedByKelurahan: places(kelurahan),
    opened: Number(opened.n),
    closed: closedRows.length,
    closureReasons: [...reasons.entries()]
      .map(([reason, count]) => ({ reason: reason as never, count }))
      .sort((a, b) => b.count - a.count),
    medianDaysToAssessmentApproval: median(approvals.map(days)),
    medianDaysToClosure: median(closedRows.map(days)),
    caseload: caseload.map((c) => ({
      caseworker: { id: c.caseworker_id, fullName: c.full_name },
      count: Number(c.n),
    })),
    referralsByAgency: refAgency.map((r) => ({ agencyKind: r.agency_kind, count: Number(r.n) })),
    referralsByOutcome: refOutcome.map((r) => ({
      state: r.state,
      outcome: r.outcome,
      count: Number(r.n),
    })),
  };
}
