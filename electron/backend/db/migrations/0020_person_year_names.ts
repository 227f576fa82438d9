import type { Migration } from './types';

/**
 * A person search with a birth year ("siti 1985") reads the folded names of everyone born that
 * year: about a hundredth of the registry, over ten thousand rows at a million persons. This
 * index holds those names by year (living records only, as search lists them), so the words are
 * matched in the index and only the matching rows are read (persons/search.ts).
 */
export const m0020: Migration = {
  version: 20,
  name: 'person_year_names',
  sql: `
CREATE INDEX persons_year_names ON persons(birth_year, search_names) WHERE merged_into IS NULL;
`,
};
