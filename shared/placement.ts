/**
 * Does a person fit a shelter room? Men's and women's rooms are for that sex, a children's room
 * for under-18s, and a room may set its own age range. The check-in form and the bed move show
 * these as warnings; the backend refuses them unless staff give a reason (stays/placement.ts).
 */
import { ageOn } from './age';
import type { MessageKey } from './i18n';
import type { RoomKind } from './reference/shelter';

/** The age from which a person no longer belongs in a children's room. */
export const ADULT_AGE = 18;

export interface PlacementPerson {
  fullName: string;
  sex: 'M' | 'F' | null;
  /** YYYY-MM-DD when known exactly. */
  birthDate: string | null;
  /** Known or estimated year of birth. */
  birthYear: number | null;
}

export interface PlacementRoom {
  name: string;
  kind: RoomKind;
  ageMin: number | null;
  ageMax: number | null;
}

export interface Mismatch {
  key: MessageKey;
  params: Record<string, string>;
}

/** "5–17", "≥ 60" or "≤ 12": the same in both languages. */
export function ageRangeText(room: Pick<PlacementRoom, 'ageMin' | 'ageMax'>): string | null {
  const { ageMin: min, ageMax: max } = room;
  if (min !== null && max !== null) return `${min}–${max}`;
  if (min !== null) return `≥ ${min}`;
  if (max !== null) return `≤ ${max}`;
  return null;
}

/** Everything about the room that does not fit the person; empty when it fits. */
export function placementMismatches(
  person: PlacementPerson,
  room: PlacementRoom,
  today: string,
): Mismatch[] {
  const out: Mismatch[] = [];
  const base = { name: person.fullName, room: room.name };
  if (room.kind === 'men' && person.sex === 'F') {
    out.push({ key: 'stay.mismatch_men_room', params: base });
  }
  if (room.kind === 'women' && person.sex === 'M') {
    out.push({ key: 'stay.mismatch_women_room', params: base });
  }
  const age = ageOn(person, today);
  if (age === null) return out;
  const range = ageRangeText(room);
  if (range !== null) {
    if ((room.ageMin !== null && age < room.ageMin) || (room.ageMax !== null && age > room.ageMax))
      out.push({ key: 'stay.mismatch_age', params: { ...base, age: String(age), range } });
  } else if (room.kind === 'children' && age >= ADULT_AGE) {
    out.push({ key: 'stay.mismatch_adult', params: { ...base, age: String(age) } });
  }
  return out;
}
