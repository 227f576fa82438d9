/**
 * DTSEN (Data Tunggal Sosial Ekonomi Nasional, formerly DTKS) lists exported from SIKS-NG: the
 * columns a list can be mapped from, the programme flags, and how each row was matched.
 */
export const DTSEN_COLUMNS = [
  'nik',
  'name',
  'birthDate',
  'address',
  'kelurahan',
  'desil',
  'pkh',
  'bpnt',
  'pbiJk',
] as const;
export type DtsenColumn = (typeof DTSEN_COLUMNS)[number];
/** A list without these cannot be read at all. */
export const DTSEN_REQUIRED_COLUMNS: readonly DtsenColumn[] = ['nik', 'name'];
export const DTSEN_PROGRAMS = ['pkh', 'bpnt', 'pbiJk'] as const satisfies readonly DtsenColumn[];
export type DtsenProgram = (typeof DTSEN_PROGRAMS)[number];

/**
 * How a row met the registry: by NIK; by the person matcher (a likely match); `review` when the
 * matcher was unsure and a person must decide; `confirmed`/`rejected` after that decision;
 * `unmatched` when it matched nobody (kept as a reviewable list, never made into a person).
 */
export const DTSEN_MATCHES = [
  'nik',
  'matcher',
  'review',
  'confirmed',
  'rejected',
  'unmatched',
] as const;
export type DtsenMatch = (typeof DTSEN_MATCHES)[number];
/** Matches that say the row is this person. */
export const DTSEN_MATCHED: readonly DtsenMatch[] = ['nik', 'matcher', 'confirmed'];
export const DESIL_MIN = 1;
export const DESIL_MAX = 10;
