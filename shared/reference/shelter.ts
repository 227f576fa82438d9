/** Value lists of the rumah singgah; labels live in shared/i18n/messages/shelter.ts. */
export const BED_SECTIONS = ['men', 'women', 'children', 'family'] as const;
export const REFERRAL_SOURCES = [
  'satpol_pp',
  'police',
  'hospital',
  'community',
  'call_112',
  'self',
  'other_dinsos',
  'other',
] as const;
export const STAY_EVENT_KINDS = [
  'meal',
  'health_check',
  'counselling',
  'family_tracing',
  'identity_check',
  'visit',
  'other',
] as const;
export const EXIT_TYPES = [
  'reunited',
  'repatriated',
  'referred_institution',
  'referred_hospital',
  'left',
  'absconded',
  'died',
  'other',
] as const;
/** Exits that send the person somewhere specific, so a destination region is expected. */
export const EXITS_WITH_DESTINATION = [
  'reunited',
  'repatriated',
  'referred_institution',
  'referred_hospital',
] as const;
