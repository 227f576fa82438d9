import type { Migration } from './types';

/**
 * The letter register at 100,000 letters (issue 11): each filter the register screen offers
 * reads the newest letters of that status, year or classification straight from an index in
 * order, instead of walking every letter's entry in letters_created until a page is found (a
 * rare status such as voided walked them all, twice with the count). Each index also holds the
 * other filter columns, so a page and its count never read the rows; the year's also holds the
 * searched texts, as a search within a year is the usual one.
 */
export const m0028: Migration = {
  version: 28,
  name: 'letter_register_indexes',
  sql: `
CREATE INDEX letters_status_created ON letters(status, created_at DESC, id DESC,
  seq_year, classification_id, template_id);
CREATE INDEX letters_year_created ON letters(seq_year, created_at DESC, id DESC,
  status, classification_id, template_id, number, subject);
CREATE INDEX letters_class_created ON letters(classification_id, created_at DESC, id DESC,
  seq_year, status, template_id);
`,
};
