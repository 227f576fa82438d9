import type { Migration } from './types';

/**
 * Number registers: the complaint counters become the general gapless register per (key, year)
 * that complaint tickets use now and case and letter numbers next. The holiday calendar keeps
 * its table (`holidays`); only its code moved to the calendar module.
 */
export const m0008: Migration = {
  version: 8,
  name: 'registers_calendar',
  sql: `
CREATE TABLE number_registers (
  key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 40 AND key NOT GLOB '*[^a-z0-9_.]*'),
  year INTEGER NOT NULL,
  last INTEGER NOT NULL CHECK (last >= 1),
  PRIMARY KEY (key, year)
) STRICT, WITHOUT ROWID;

INSERT INTO number_registers (key, year, last) SELECT kind, year, last FROM complaint_counters;
DROP TABLE complaint_counters;
`,
};
