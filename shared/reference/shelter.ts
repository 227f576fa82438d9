/** Value lists of the rumah singgah; labels live in shared/i18n/messages/shelter.json. */

/** Who a room is for; check-in and bed moves warn when the person does not fit (placement.ts). */
export const ROOM_KINDS = ['men', 'women', 'children', 'family', 'health'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];
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
/** The kinds of event staff log by hand. */
export const LOGGED_EVENT_KINDS = [
  'meal',
  'health_check',
  'counselling',
  'family_tracing',
  'identity_check',
  'visit',
  'other',
] as const;
/** All kinds: the system also notes a placement that overrode the room's kind or ages. */
export const STAY_EVENT_KINDS = [...LOGGED_EVENT_KINDS, 'placement_override'] as const;
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
