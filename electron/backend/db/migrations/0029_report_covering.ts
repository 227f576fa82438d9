import type { Migration } from './types';

/**
 * The shelter report for a year reads some 200,000 stays and their people at a million persons
 * and two million stays (issue 13). Both tables' rows are wide (notes, belongings, name keys),
 * so reading them by row id touched a page per row. These two indexes hold just the columns the
 * report reads: the year's stays come from one range of stays_period, and each person's facts
 * from persons_report (reports/shelter.ts names it), never from the tables. The PPKS rekap
 * counts the same stays by the kelurahan people live in (rekap/sources.ts), from the same two.
 */
export const m0029: Migration = {
  version: 29,
  name: 'report_covering',
  sql: `
CREATE INDEX stays_period ON stays(checkin_at, checkout_at, person_id, exit_type,
  destination_code, origin_regency, id);
CREATE INDEX persons_report ON persons(id, sex, birth_date, birth_year, identity_status, nik,
  village_code);
`,
};
