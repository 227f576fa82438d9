/**
 * The server side of the room rules (shared/placement.ts): a person who does not fit the bed's
 * room is refused unless staff give a reason, and an override is kept in the stay's log.
 */
import type { FieldIssue } from '../../../shared/errors';
import { todayInZone } from '../../../shared/format';
import { type Mismatch, placementMismatches } from '../../../shared/placement';
import { insertEntry } from '../db/tracked';
import type { Ctx } from '../dispatch/context';
import { requireUser } from '../dispatch/context';
import { fieldErrors } from '../errors';

/**
 * What does not fit when `personId` sleeps in `roomId`; throws (naming each mismatch) when
 * something does not fit and no reason was given.
 */
export async function checkPlacement(
  ctx: Ctx,
  f: { personId: string; roomId: string; overrideReason: string | null },
  timeZone: string,
): Promise<Mismatch[]> {
  const person = await ctx.db
    .selectFrom('persons')
    .select(['full_name', 'sex', 'birth_date', 'birth_year'])
    .where('id', '=', f.personId)
    .executeTakeFirstOrThrow();
  const room = await ctx.db
    .selectFrom('shelter_rooms')
    .select(['name', 'kind', 'age_min', 'age_max'])
    .where('id', '=', f.roomId)
    .executeTakeFirstOrThrow();
  const mismatches = placementMismatches(
    {
      fullName: person.full_name,
      sex: person.sex,
      birthDate: person.birth_date,
      birthYear: person.birth_year,
    },
    { name: room.name, kind: room.kind, ageMin: room.age_min, ageMax: room.age_max },
    todayInZone(timeZone, ctx.now),
  );
  if (mismatches.length > 0 && !f.overrideReason) {
    const issues: FieldIssue[] = mismatches.map((m) => ({ path: ['bedId'], ...m }));
    issues.push({ path: ['overrideReason'], key: 'stay.override_reason_required' });
    throw fieldErrors(issues);
  }
  return mismatches;
}

/** Keeps an override in the stay's event log (audited like every event). */
export async function noteOverride(
  ctx: Ctx,
  stay: { id: string; at: string },
  reason: string,
  mismatches: Mismatch[],
): Promise<void> {
  await insertEntry(
    ctx,
    'stay_events',
    {
      stay_id: stay.id,
      at: stay.at,
      kind: 'placement_override',
      note: reason,
      staff_id: requireUser(ctx).id,
    },
    { recordType: 'stay_event', extra: { mismatch: [null, mismatches.map((m) => m.key)] } },
  );
}
