import type { Migration } from './types';

/**
 * Kelurahan mode (issue 15, option b): a kelurahan without a connection to the city runs Pelita
 * on its own PC and sends its findings to the city as exchange packets. The installation names
 * its kelurahan here; its office code in key cards and packets is then that kelurahan's code, so
 * the city tells each kelurahan's key apart from its own.
 *
 * The outbox register gets findings: a finding may be about someone not yet in the registry, so
 * its row names no person (the table is rebuilt with its rows; a NOT NULL cannot be dropped).
 */
export const m0030: Migration = {
  version: 30,
  name: 'kelurahan_office',
  sql: `
ALTER TABLE office ADD COLUMN kelurahan_code TEXT REFERENCES regions(code);

CREATE TABLE exchange_outbox_records_new (
  packet_id TEXT NOT NULL REFERENCES exchange_outbox(id),
  record_type TEXT NOT NULL,
  record_id TEXT NOT NULL,
  record_version INTEGER NOT NULL,
  person_id TEXT REFERENCES persons(id),
  PRIMARY KEY (packet_id, record_type, record_id)
) STRICT, WITHOUT ROWID;
INSERT INTO exchange_outbox_records_new
  SELECT packet_id, record_type, record_id, record_version, person_id FROM exchange_outbox_records;
DROP TABLE exchange_outbox_records;
ALTER TABLE exchange_outbox_records_new RENAME TO exchange_outbox_records;
CREATE INDEX exchange_outbox_records_person ON exchange_outbox_records(person_id);
CREATE INDEX exchange_outbox_records_record ON exchange_outbox_records(record_type, record_id);
`,
};
