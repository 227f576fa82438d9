/**
 * Every table whose rows belong to a person. A merge moves them all to the surviving record,
 * so a new domain that links to persons must be listed here (a test checks the schema for it).
 */
export const PERSON_LINKS = [
  { table: 'stays', column: 'person_id' },
  { table: 'complaints', column: 'person_id' },
] as const;
