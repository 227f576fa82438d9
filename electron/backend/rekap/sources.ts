/**
 * Where the PPKS rekap counts people from, one SQL source each, all with the same columns:
 * the kelurahan, the PPKS code, who (a registry person, or the finding itself when nobody was
 * linked), the record, its date and label. A finding counts in its own kelurahan; a shelter stay
 * counts in the kelurahan where the person lives, when it overlaps the period; so does a PPKS
 * case file open during the period (opened before its end, not closed before its start), under
 * each of the case's categories.
 */
import { sql, type RawBuilder } from 'kysely';
import type { RekapSource } from '../../../shared/contract/rekap';
import { CASE_STATES } from '../../../shared/reference/cases';

export interface RekapWindow {
  /** UTC bounds: start inclusive, end exclusive. */
  start: string;
  end: string;
  /** The city's code: only its kelurahans count. */
  city: string;
  /** One kelurahan only (an operator's, or a drill-down). */
  kelurahan: string | null;
  ppks: string | null;
}

/** Every state but closed (a case is closed exactly when closed_at is set): by the state index. */
const OPEN_STATES = CASE_STATES.filter((x) => x !== 'closed');

type SourceSql = (w: RekapWindow) => RawBuilder<unknown>;

const inKelurahan = (column: string, w: RekapWindow) =>
  w.kelurahan
    ? sql`AND ${sql.ref(column)} = ${w.kelurahan}`
    : sql`AND ${sql.ref(column)} LIKE ${`${w.city}.%`}`;
const ofCategory = (column: string, w: RekapWindow) =>
  w.ppks ? sql`AND ${sql.ref(column)} = ${w.ppks}` : sql``;

export const REKAP_SQL: Record<Exclude<RekapSource, 'addition'>, SourceSql> = {
  // Closed as needing no action: not a PPKS after all.
  finding: (w) => sql`
    SELECT 'finding' AS source, f.kelurahan_code AS k, j.value AS ppks,
      COALESCE(f.person_id, 'finding:' || f.id) AS who, f.id AS record_id, f.found_at AS at,
      f.number AS label, f.person_id AS person_id, COALESCE(p.full_name, f.subject_name) AS person_name
    FROM findings f JOIN json_each(f.ppks) j LEFT JOIN persons p ON p.id = f.person_id
    WHERE f.found_at >= ${w.start} AND f.found_at < ${w.end} AND f.status <> 'closed'
      ${inKelurahan('f.kelurahan_code', w)} ${ofCategory('j.value', w)}`,
  stay: (w) => sql`
    SELECT 'stay' AS source, p.village_code AS k, sp.ppks AS ppks, s.person_id AS who,
      s.id AS record_id, s.checkin_at AS at, h.name AS label, s.person_id AS person_id,
      p.full_name AS person_name
    FROM stays s
      JOIN stay_ppks sp ON sp.stay_id = s.id
      JOIN persons p ON p.id = s.person_id
      JOIN shelters h ON h.id = s.shelter_id
    WHERE s.id IN (
        SELECT id FROM stays WHERE checkin_at >= ${w.start} AND checkin_at < ${w.end}
        UNION SELECT id FROM stays WHERE checkout_at >= ${w.start} AND checkin_at < ${w.start}
        UNION SELECT id FROM stays WHERE checkout_at IS NULL AND checkin_at < ${w.start})
      ${inKelurahan('p.village_code', w)} ${ofCategory('sp.ppks', w)}`,
  case: (w) => sql`
    SELECT 'case' AS source, p.village_code AS k, cp.ppks AS ppks, c.person_id AS who,
      c.id AS record_id, c.opened_at AS at, c.number AS label, c.person_id AS person_id,
      p.full_name AS person_name
    FROM cases c
      JOIN case_ppks cp ON cp.case_id = c.id
      JOIN persons p ON p.id = c.person_id
    WHERE c.rowid IN (
        SELECT rowid FROM cases WHERE opened_at >= ${w.start} AND opened_at < ${w.end}
        UNION ALL SELECT rowid FROM cases WHERE closed_at >= ${w.start} AND opened_at < ${w.start}
        UNION ALL SELECT rowid FROM cases WHERE state IN (${sql.join(OPEN_STATES.map((x) => sql.lit(x)))})
          AND opened_at < ${w.start})
      ${inKelurahan('p.village_code', w)} ${ofCategory('cp.ppks', w)}`,
};

/**
 * The counts need only where, what and who: for shelter stays (some 200,000 in a year at a
 * million persons) read from the covering indexes of migration 29 alone, never the wide rows.
 * The same people as REKAP_SQL.stay (its three ranges are disjoint, so UNION ALL).
 */
const stayCounts: SourceSql = (w) => sql`
  SELECT 'stay' AS source, p.village_code AS k, sp.ppks AS ppks, s.person_id AS who
  FROM (
      SELECT id, person_id FROM stays WHERE checkin_at >= ${w.start} AND checkin_at < ${w.end}
      UNION ALL SELECT id, person_id FROM stays
        WHERE checkout_at >= ${w.start} AND +checkin_at < ${w.start}
      UNION ALL SELECT id, person_id FROM stays
        WHERE checkout_at IS NULL AND +checkin_at < ${w.start}) s
    JOIN stay_ppks sp ON sp.stay_id = s.id
    JOIN persons p INDEXED BY persons_report ON p.id = s.person_id
  WHERE 1 ${inKelurahan('p.village_code', w)} ${ofCategory('sp.ppks', w)}`;

/** The sources' source, k, ppks and who only, for the counts. */
export function countSources(w: RekapWindow): RawBuilder<unknown> {
  return sql.join(
    Object.entries(REKAP_SQL).map(([source, s]) =>
      source === 'stay' ? stayCounts(w) : sql`SELECT source, k, ppks, who FROM (${s(w)})`,
    ),
    sql` UNION ALL `,
  );
}

/** Every source in one union, for the counts and the drill-down alike. */
export function allSources(w: RekapWindow): RawBuilder<unknown> {
  return sql.join(
    Object.values(REKAP_SQL).map((s) => s(w)),
    sql` UNION ALL `,
  );
}
