import type { Kysely, Selectable } from 'kysely';
import type { Shelter, Stay } from '../../../shared/contract/shelter';
import type { PpksCode } from '../../../shared/reference/ppks';
import { rowsIn } from '../db/lookup';
import type { DB } from '../db/schema';
import type { ShelterBedsTable, ShelterRoomsTable, StaysTable } from '../db/tables/shelter';
import { calendarDaysBetween } from '../../../shared/time';
import { loadSummaries } from '../persons/store';
import { regionRefs, type RegionRef } from '../regions/refs';

type Room = Shelter['rooms'][number];
type Bed = Room['beds'][number];
type BedRow = Pick<Selectable<ShelterBedsTable>, 'id' | 'room_id' | 'label' | 'active' | 'version'>;

/** A bed as the contract shows it (shelter lists and the board). */
export function toBed(b: BedRow): Bed {
  return {
    id: b.id,
    roomId: b.room_id,
    label: b.label,
    active: b.active === 1,
    version: b.version,
  };
}

function toRoom(r: Selectable<ShelterRoomsTable>, beds: BedRow[]): Room {
  return {
    id: r.id,
    shelterId: r.shelter_id,
    name: r.name,
    kind: r.kind,
    ageMin: r.age_min,
    ageMax: r.age_max,
    version: r.version,
    beds: beds.filter((b) => b.room_id === r.id).map(toBed),
  };
}

/** Shelters with their rooms and beds, in name order. */
export async function loadShelters(
  db: Kysely<DB>,
  opts: { ids?: string[]; includeInactive?: boolean } = {},
) {
  let q = db.selectFrom('shelters').selectAll().orderBy('name');
  if (opts.ids) q = q.where('id', 'in', opts.ids);
  if (!opts.includeInactive && !opts.ids) q = q.where('active', '=', 1);
  const shelters = await q.execute();
  const ids = shelters.map((s) => s.id);
  const rooms = await rowsIn(db, 'shelter_rooms', 'shelter_id', ids, 'name');
  const beds = await rowsIn(db, 'shelter_beds', 'shelter_id', ids, 'label');
  return shelters.map((s): Shelter => ({
    id: s.id,
    name: s.name,
    address: s.address,
    capacity: s.capacity,
    active: s.active === 1,
    version: s.version,
    rooms: rooms.filter((r) => r.shelter_id === s.id).map((r) => toRoom(r, beds)),
  }));
}

export async function loadShelter(db: Kysely<DB>, id: string): Promise<Shelter | undefined> {
  return (await loadShelters(db, { ids: [id] }))[0];
}

export function stayDays(
  checkinAt: string,
  checkoutAt: string | null,
  now: Date,
  timeZone: string,
): number {
  return Math.max(0, calendarDaysBetween(checkinAt, checkoutAt ?? now, timeZone));
}

export async function ppksOf(db: Kysely<DB>, stayIds: string[]): Promise<Map<string, PpksCode[]>> {
  const out = new Map<string, PpksCode[]>();
  if (stayIds.length === 0) return out;
  const rows = await db
    .selectFrom('stay_ppks')
    .select(['stay_id', 'ppks'])
    .where('stay_id', 'in', stayIds)
    .orderBy('ppks')
    .execute();
  for (const r of rows) {
    const list = out.get(r.stay_id) ?? [];
    list.push(r.ppks);
    out.set(r.stay_id, list);
  }
  return out;
}

/** A stay row's place, dates and exit (history rows and a person's stays read the same). */
export type StayBriefRow = Pick<
  Selectable<StaysTable>,
  'id' | 'checkin_at' | 'checkout_at' | 'exit_type' | 'destination_code'
> & { shelter_name: string; bed_label: string };

/** A stay in brief, as a person's page and the stay history list show it. */
export function toStayBrief(
  r: StayBriefRow,
  refs: Map<string, RegionRef>,
  ppks: Map<string, PpksCode[]>,
) {
  return {
    id: r.id,
    shelterName: r.shelter_name,
    bedLabel: r.bed_label,
    checkinAt: r.checkin_at,
    checkoutAt: r.checkout_at,
    exitType: r.exit_type,
    destination: (r.destination_code && refs.get(r.destination_code)) || null,
    ppks: ppks.get(r.id) ?? [],
  };
}

/** Stays with where they are (shelter and room name, bed label); the caller adds where and order. */
export function staysWithPlace(db: Kysely<DB>) {
  return db
    .selectFrom('stays')
    .innerJoin('shelters', 'shelters.id', 'stays.shelter_id')
    .innerJoin('shelter_beds', 'shelter_beds.id', 'stays.bed_id')
    .innerJoin('shelter_rooms', 'shelter_rooms.id', 'shelter_beds.room_id')
    .selectAll('stays')
    .select([
      'shelters.name as shelter_name',
      'shelter_beds.label as bed_label',
      'shelter_rooms.name as room_name',
    ]);
}

/** One stay with its person, bed, categories and event log. */
export async function loadStay(
  db: Kysely<DB>,
  id: string,
  clock: { now: Date; timeZone: string; maxStayDays: number },
): Promise<Stay | undefined> {
  const s = await staysWithPlace(db).where('stays.id', '=', id).executeTakeFirst();
  if (!s) return undefined;
  const [person] = await loadSummaries(db, [s.person_id]);
  const events = await db
    .selectFrom('stay_events')
    .leftJoin('users', 'users.id', 'stay_events.staff_id')
    .select([
      'stay_events.id',
      'stay_events.stay_id',
      'stay_events.at',
      'stay_events.kind',
      'stay_events.note',
      'stay_events.staff_id',
      'users.full_name as staffName',
    ])
    .where('stay_events.stay_id', '=', id)
    .orderBy('stay_events.at', 'desc')
    .orderBy('stay_events.id', 'desc')
    .execute();
  const refs = await regionRefs(db, [s.destination_code]);
  const days = stayDays(s.checkin_at, s.checkout_at, clock.now, clock.timeZone);
  return {
    id: s.id,
    person: person!,
    shelterId: s.shelter_id,
    shelterName: s.shelter_name,
    bedId: s.bed_id,
    bedLabel: s.bed_label,
    roomName: s.room_name,
    checkinAt: s.checkin_at,
    referralSource: s.referral_source,
    referralDetail: s.referral_detail,
    ppks: (await ppksOf(db, [s.id])).get(s.id) ?? [],
    condition: s.condition,
    healthNotes: s.health_notes,
    belongings: s.belongings,
    checkoutAt: s.checkout_at,
    exitType: s.exit_type,
    destination: (s.destination_code && refs.get(s.destination_code)) || null,
    destinationDetail: s.destination_detail,
    escort: s.escort,
    days,
    overdue: s.checkout_at === null && days > clock.maxStayDays,
    complaintId: s.complaint_id,
    events: events.map((e) => ({
      id: e.id,
      stayId: e.stay_id,
      at: e.at,
      kind: e.kind,
      note: e.note,
      staffId: e.staff_id,
      staffName: e.staffName,
    })),
    version: s.version,
  };
}

/** The office settings the shelter screens need. */
export async function shelterClock(db: Kysely<DB>, now: Date) {
  const o = await db
    .selectFrom('office')
    .select(['time_zone', 'max_stay_days', 'region_code'])
    .executeTakeFirst();
  return {
    now,
    timeZone: o?.time_zone ?? 'Asia/Makassar',
    maxStayDays: o?.max_stay_days ?? 7,
    regionCode: o?.region_code ?? '63.72',
  };
}
