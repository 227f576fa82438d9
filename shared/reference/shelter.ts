/** Value lists of the rumah singgah; labels live in shared/i18n/messages/shelter.json. */
export const BED_SECTIONS = ['men', 'women', 'children', 'family'] as const;
export type BedSection = (typeof BED_SECTIONS)[number];
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
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];
export const STAY_EVENT_KINDS = [
  'meal',
  'health_check',
  'counselling',
  'family_tracing',
  'identity_check',
  'visit',
  'other',
] as const;
export type StayEventKind = (typeof STAY_EVENT_KINDS)[number];
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
export type ExitType = (typeof EXIT_TYPES)[number];
/** Exits that send the person somewhere specific, so a destination region is expected. */
export const EXITS_WITH_DESTINATION = [
  'reunited',
  'repatriated',
  'referred_institution',
  'referred_hospital',
] as const;
