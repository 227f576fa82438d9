import type { Migration } from './types';

/**
 * A bed's past stays by check-out time, so a backdated check-in or a correction can be checked
 * against the bed's history without scanning every stay.
 */
export const m0007: Migration = {
  version: 7,
  name: 'stay_history_index',
  sql: `
CREATE INDEX stays_bed_checkout ON stays(bed_id, checkout_at);
`,
};
