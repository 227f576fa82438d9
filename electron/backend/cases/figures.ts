/**
 * Case figures for a period (office-zone days `from`–`to`): the SPM count of PPKS served (persons
 * with a case open at any time in the period) by category and by kecamatan/kelurahan of the city,
 * cases opened and closed, closure reasons, median days to assessment approval and to closure,
 * caseload per caseworker at the end of the period, referrals by destination and outcome.
 * The reports domain calls `caseFigures` directly for its PPKS report.
 */
import { sql, type Kysely } from 'kysely';
import type { CaseFigures } from '../../../shared/contract/cases';
import { endOfDayUtc, startOfDayUtc } from '../../../shared/time';
import { median } from '../../../shared/workdays';
import type { DB } from '../db/schema';
import { regionRefs } from '../regions/refs';

const DAY_MS = 86_400_000;

export async function caseFigures(
  db: Kysely<DB>,
  period: { from: string; to: string },
  timeZone: string,
): Promise<CaseFigures> {
  const start = startOfDayUtc(period.from, timeZone);
  const end = endOfDayUtc(period.to, timeZone);
  const office = await db.selectFrom('office').select('region_code').executeTakeFirst();
  const city = office?.region_code ?? '';

  // Cases open at some time in [start, end).
  const served = () =>
    db
      .selectFrom('cases as c')
      .where('c.opened_at', '<', end)
      .where((eb) => eb.or([eb('c.closed_at', 'is', null), eb('c.closed_at', '>=', start)]));

  const inCity = sql<string | null>`CASE WHEN c.location_region_code > ${city + '.'}
    AND c.location_region_code < ${city + '/'} THEN c.location_region_code END`;

  const [persons, byPpks, byPlace, opened, closedRows, approvals, caseload, refAgency, refOutcome] =
    await Promise.all([
      served()
        .select(sql<number>`count(DISTINCT c.person_id)`.as('n'))
        .executeTakeFirstOrThrow(),
      served()
        .innerJoin('case_ppks as cp', 'cp.case_id', 'c.id')
        .select(['cp.ppks', sql<number>`count(DISTINCT c.person_id)`.as('n')])
        .groupBy('cp.ppks')
        .orderBy('cp.ppks')
        .execute(),
      served()
        .select([inCity.as('place'), sql<number>`count(DISTINCT c.person_id)`.as('n')])
        .groupBy('place')
        .execute(),
      db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('opened_at', '>=', start)
        .where('opened_at', '<', end)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('cases')
        .select(['closure_reason', 'opened_at', 'closed_at'])
        .where('closed_at', '>=', start)
        .where('closed_at', '<', end)
        .execute(),
      db
        .selectFrom('cases')
        .select(['opened_at', 'assessment_approved_at'])
        .where('assessment_approved_at', '>=', start)
        .where('assessment_approved_at', '<', end)
        .execute(),
      db
        .selectFrom('cases as c')
        .innerJoin('users as u', 'u.id', 'c.caseworker_id')
        .select(['c.caseworker_id', 'u.full_name', sql<number>`count(*)`.as('n')])
        .where('c.opened_at', '<', end)
        .where((eb) => eb.or([eb('c.closed_at', 'is', null), eb('c.closed_at', '>=', end)]))
        .groupBy('c.caseworker_id')
        .orderBy('n', 'desc')
        .execute(),
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

  // Kelurahan rows fold into their kecamatan (63.72.01.1001 → 63.72.01).
  const kelurahan = new Map<string | null, number>();
  const kecamatan = new Map<string | null, number>();
  for (const p of byPlace) {
    const kel = p.place && p.place.length > 8 ? p.place : null;
    const kec = p.place ? p.place.slice(0, 8) : null;
    kelurahan.set(kel, (kelurahan.get(kel) ?? 0) + Number(p.n));
    kecamatan.set(kec, (kecamatan.get(kec) ?? 0) + Number(p.n));
  }
  const refs = await regionRefs(db, [...kelurahan.keys(), ...kecamatan.keys()]);
  const places = (m: Map<string | null, number>) =>
    [...m.entries()]
      .map(([code, count]) => ({ region: code ? (refs.get(code) ?? null) : null, count }))
      .sort((a, b) => b.count - a.count);

  const days = (from: string, to: string) =>
    Math.floor((Date.parse(to) - Date.parse(from)) / DAY_MS);
  const reasons = new Map<string, number>();
  for (const r of closedRows)
    if (r.closure_reason) reasons.set(r.closure_reason, (reasons.get(r.closure_reason) ?? 0) + 1);

  return {
    from: period.from,
    to: period.to,
    personsServed: Number(persons.n),
    servedByPpks: byPpks.map((r) => ({ ppks: r.ppks, count: Number(r.n) })),
    servedByKecamatan: places(kecamatan),
    servedByKelurahan: places(kelurahan),
    opened: Number(opened.n),
    closed: closedRows.length,
    closureReasons: [...reasons.entries()]
      .map(([reason, count]) => ({ reason: reason as never, count }))
      .sort((a, b) => b.count - a.count),
    medianDaysToAssessmentApproval: median(
      approvals.map((a) => days(a.opened_at, a.assessment_approved_at!)),
    ),
    medianDaysToClosure: median(closedRows.map((r) => days(r.opened_at, r.closed_at!))),
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
