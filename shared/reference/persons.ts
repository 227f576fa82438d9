/** Value lists of the person registry; labels live in shared/i18n/messages/persons.json. */
export const SEXES = ['M', 'F'] as const;
export type Sex = (typeof SEXES)[number];
export const IDENTITY_STATUSES = ['document', 'disdukcapil', 'stated', 'unknown'] as const;
export type IdentityStatus = (typeof IDENTITY_STATUSES)[number];
export const MARITAL_STATUSES = ['single', 'married', 'divorced', 'widowed'] as const;
export type MaritalStatus = (typeof MARITAL_STATUSES)[number];
export const RELIGIONS = [
  'islam',
  'protestant',
  'catholic',
  'hindu',
  'buddhist',
  'confucian',
  'belief',
] as const;
export type Religion = (typeof RELIGIONS)[number];

/** Data-quality codes (after HMIS): how complete a key field is, or why it is missing. */
export const QUALITY_CODES = ['complete', 'partial', 'unknown', 'refused'] as const;
export const QUALITY_FIELDS = ['name', 'nik', 'birthDate', 'origin', 'address'] as const;

/** Identity counts as verified when it rests on documents or on Disdukcapil records. */
export const VERIFIED_IDENTITY = ['document', 'disdukcapil'] as const;

/** Evidence codes of the person matcher (electron/backend/persons/matchScore.ts). */
export const MATCH_EVIDENCE = [
  'nik_same',
  'nik_near',
  'nik_differs',
  'name_same',
  'name_variant',
  'name_typo',
  'name_initial',
  'name_order',
  'name_partial',
  'name_ignored',
  'birth_same',
  'birth_close',
  'birth_estimated',
  'birth_unknown',
  'sex_same',
  'sex_differs',
  'origin_same',
  'mother_same',
] as const;
export type MatchEvidenceCode = (typeof MATCH_EVIDENCE)[number];
