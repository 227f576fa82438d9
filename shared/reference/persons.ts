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
