/** Kysely types of migration 0005 (shelters, rooms, beds, stays). */
import type { PpksCode } from '../../../../shared/reference/ppks';
import type {
  ExitType,
  ReferralSource,
  RoomKind,
  StayEventKind,
} from '../../../../shared/reference/shelter';
import type { Tracked } from './tracked';

export interface SheltersTable extends Tracked {
  id: string;
  name: string;
  address: string | null;
  capacity: number;
  active: number;
}

export interface ShelterRoomsTable extends Tracked {
  id: string;
  shelter_id: string;
  name: string;
  /** Migration 0012. */
  kind: RoomKind;
  age_min: number | null;
  age_max: number | null;
}

export interface ShelterBedsTable extends Tracked {
  id: string;
  room_id: string;
  shelter_id: string;
  label: string;
  active: number;
}

export interface StaysTable extends Tracked {
  id: string;
  person_id: string;
  shelter_id: string;
  bed_id: string;
  checkin_at: string;
  referral_source: ReferralSource;
  referral_detail: string | null;
  condition: string | null;
  health_notes: string | null;
  belongings: string | null;
  checkout_at: string | null;
  exit_type: ExitType | null;
  destination_code: string | null;
  destination_detail: string | null;
  escort: string | null;
  origin_regency: string | null;
  complaint_id: string | null;
}

export interface StayPpksTable {
  stay_id: string;
  ppks: PpksCode;
  checkin_at: string;
}

export interface StayEventsTable {
  id: string;
  stay_id: string;
  at: string;
  kind: StayEventKind;
  note: string | null;
  staff_id: string | null;
  created_at: string;
  created_by: string | null;
}

export interface ShelterTables {
  shelters: SheltersTable;
  shelter_rooms: ShelterRoomsTable;
  shelter_beds: ShelterBedsTable;
  stays: StaysTable;
  stay_ppks: StayPpksTable;
  stay_events: StayEventsTable;
}
