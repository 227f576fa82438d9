import type { Migration } from './types';

/**
 * Case list and figures at 200,000 cases (issue 10, performance). Every list index ends in
 * (opened_at, id), the list's order, and holds the state (the filter most often combined), so a
 * page and its count read the index alone: before, the
 * id of every matching case came from the table, and a filter matching 20,000 cases read 20,000
 * rows to sort them. Open cases (a tenth of the table) get their own partial index holding every
 * list filter column, so any filter combined with "open" reads at most that index; a category
 * filter reaches its cases by id through an index holding the list columns too. The figures
 * read covering indexes per part (opened in, closed in, still open) instead of the table.
 * The list writes the open states as `state <> 'closed'` so these partial indexes apply.
 */
export const m0026: Migration = {
  version: 26,
  name: 'case_list_indexes',
  sql: `
DROP INDEX cases_state;
DROP INDEX cases_opened;
DROP INDEX cases_closed;
DROP INDEX cases_assessment_approved;
DROP INDEX cases_caseworker;
DROP INDEX cases_supervisor;
DROP INDEX cases_location;
DROP INDEX cases_origin_region;
DROP INDEX cases_risk;
DROP INDEX cases_awaiting;
DROP INDEX cases_due;

CREATE INDEX cases_state ON cases(state, opened_at, id);
CREATE INDEX cases_opened ON cases(opened_at, id, person_id, location_region_code);
CREATE INDEX cases_caseworker ON cases(caseworker_id, opened_at, id, state);
CREATE INDEX cases_supervisor ON cases(supervisor_id, opened_at, id, state);
CREATE INDEX cases_location ON cases(location_region_code, opened_at, id, state);
CREATE INDEX cases_origin_region ON cases(origin_region_code, opened_at, id, state);
CREATE INDEX cases_risk ON cases(risk_level, opened_at, id, state);
CREATE INDEX cases_awaiting ON cases(awaiting, opened_at, id, supervisor_id, caseworker_id)
  WHERE awaiting IS NOT NULL;
CREATE INDEX cases_due ON cases(due_on, due_kind, opened_at, id, caseworker_id)
  WHERE due_on IS NOT NULL;
CREATE INDEX cases_open ON cases(opened_at, id, state, caseworker_id, supervisor_id,
  location_region_code, origin_region_code, risk_level, due_on, due_kind, awaiting, person_id)
  WHERE state <> 'closed';
-- A category filter finds its cases by id (case_ppks): their list columns from here, not the table.
CREATE INDEX cases_id_list ON cases(id, opened_at, state, caseworker_id, supervisor_id,
  location_region_code, origin_region_code, risk_level, due_on, due_kind, awaiting);
-- The "due" sort's own order.
CREATE INDEX cases_due_order ON cases(due_on IS NULL, due_on, opened_at, id);
CREATE INDEX cases_closed ON cases(closed_at, opened_at, id, person_id, location_region_code,
  caseworker_id, closure_reason) WHERE closed_at IS NOT NULL;
CREATE INDEX cases_assessment_approved ON cases(assessment_approved_at, opened_at)
  WHERE assessment_approved_at IS NOT NULL;
ANALYZE cases;
ANALYZE case_ppks;
`,
};
