/** Check-in, the stay's event log, check-out and admin corrections. */
import { sql } from 'kysely';
import type { ParsedInput } from '../../../shared/contract';
import type { shelterContract } from '../../../shared/contract/shelter';
import type { FieldIssue } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { EXITS_WITH_DESTINATION } from '../../../shared/reference/shelter';
import { findRow, requireRow } from '../db/lookup';
import { insertEntry, insertTracked, loadForChange, updateVersioned } from '../db/tracked';
import type { Ctx, HandlersOf } from '../dispatch/context';
import { requireUser } from '../dispatch/context';
import { AppError, fieldError, fieldErrors, notFound } from '../errors';
import { loadSummaries } from '../persons/store';
import { regencyOf, regionRefs } from '../regions/refs';
import { checkPlacement, noteOverride } from './placement';
import { loadStay, ppksOf, shelterClock, stayDays, toBed } from './queries';

type StayMethods = Pick<
  typeof shelterContract,
  | 'stays.roster'
  | 'stays.checkIn'
  | 'stays.moveBed'
  | 'stays.get'
  | 'stays.logEvent'
  | 'stays.checkOut'
  | 'stays.correct'
>;

/** Clocks of office PCs drift a little; a time this far ahead still counts as "now". */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

function when(iso: string, timeZone: string): string {
  return formatDateTime(iso, { locale: 'id', timeZone });
}

/** A unique index refused the write: another PC checked someone in at the same moment. */
function constraintConflict(
  e: unknown,
  bedLabel: string,
  personName: string,
  since: string,
): never {
  const message = e instanceof Error ? e.message : '';
  if (message.includes('UNIQUE constraint failed: stays.bed_id')) {
    throw new AppError('CONFLICT', 'stay.bed_occupied', { bed: bedLabel });
  }
  if (message.includes('UNIQUE constraint failed: stays.person_id')) {
    throw new AppError('CONFLICT', 'stay.person_already_in', { name: personName, since });
  }
  throw e;
}

/**
 * A stay may not overlap another stay of the same person or on the same bed. Only backdated
 * times can: a check-in "now" is after every earlier check-out.
 */
async function overlapIssues(
  ctx: Ctx,
  f: {
    personId: string;
    bedId: string;
    checkinAt: string;
    checkoutAt: string | null;
    exceptStayId?: string;
  },
  timeZone: string,
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const end = f.checkoutAt ?? '9999';
  for (const [column, id, key] of [
    ['person_id', f.personId, 'stay.overlaps_person'],
    ['bed_id', f.bedId, 'stay.overlaps_bed'],
  ] as const) {
    const clash = await ctx.db
      .selectFrom('stays')
      .select(['checkin_at', 'checkout_at'])
      .where(column, '=', id)
      .where('id', '!=', f.exceptStayId ?? '')
      .where('checkin_at', '<', end)
      .where((eb) => eb.or([eb('checkout_at', 'is', null), eb('checkout_at', '>', f.checkinAt)]))
      .orderBy('checkin_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (clash) {
      issues.push({
        path: ['checkinAt'],
        key,
        params: {
          from: when(clash.checkin_at, timeZone),
          to: clash.checkout_at ? when(clash.checkout_at, timeZone) : '—',
        },
      });
    }
  }
  return issues;
}

async function checkoutIssues(
  ctx: Ctx,
  checkinAt: string,
  f: Pick<ParsedInput<'stays.checkOut'>, 'checkoutAt' | 'exitType' | 'destinationCode'>,
  timeZone: string,
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const out = new Date(f.checkoutAt).getTime();
  if (out < new Date(checkinAt).getTime()) {
    issues.push({
      path: ['checkoutAt'],
      key: 'stay.checkout_before_checkin',
      params: { checkin: when(checkinAt, timeZone) },
    });
  }
  if (out > ctx.now.getTime() + CLOCK_SKEW_MS)
    issues.push({ path: ['checkoutAt'], key: 'stay.checkout_future' });
  if ((EXITS_WITH_DESTINATION as readonly string[]).includes(f.exitType) && !f.destinationCode) {
    issues.push({ path: ['destinationCode'], key: 'stay.destination_required' });
  }
  if (
    f.destinationCode &&
    !(await regionRefs(ctx.db, [f.destinationCode])).has(f.destinationCode)
  ) {
    issues.push({
      path: ['destinationCode'],
      key: 'region.unknown',
      params: { code: f.destinationCode },
    });
  }
  return issues;
}

function checkoutColumns(f: ParsedInput<'stays.checkOut'>) {
  return {
    checkout_at: new Date(f.checkoutAt).toISOString(),
    exit_type: f.exitType,
    destination_code: f.destinationCode,
    destination_detail: f.destinationDetail,
    escort: f.escort,
  };
}

/** An existing bed in use; the room's rules are checked separately (placement.ts). */
async function usableBed(ctx: Ctx, bedId: string) {
  const bed = await requireRow(ctx.db, 'shelter_beds', bedId, 'bedId');
  if (bed.active !== 1) throw fieldError(['bedId'], 'stay.bed_inactive');
  return bed;
}

/** A stay about to move or check out: still open, at the version the caller read. */
function loadOpenStay(ctx: Ctx, input: { id: string; version: number }, timeZone: string) {
  return loadForChange(ctx.db, 'stays', input.id, input.version, (stay) => {
    if (stay.checkout_at) {
      throw new AppError('CONFLICT', 'stay.already_checked_out', {
        at: when(stay.checkout_at, timeZone),
      });
    }
  });
}

/** The stay open now on a bed or for a person, if any. */
function openStay(ctx: Ctx, column: 'bed_id' | 'person_id', id: string) {
  return findRow(ctx.db, 'stays', { [column]: id, checkout_at: null });
}

/** Someone already sleeps there (the unique index would refuse it too, less politely). */
async function refuseTaken(ctx: Ctx, bed: { id: string; label: string }): Promise<void> {
  const taken = await openStay(ctx, 'bed_id', bed.id);
  if (taken) throw new AppError('CONFLICT', 'stay.bed_occupied', { bed: bed.label });
}

export const stayHandlers: HandlersOf<StayMethods> = {
  async 'stays.roster'(input, ctx) {
    const clock = await shelterClock(ctx.db, ctx.now);
    const beds = await ctx.db
      .selectFrom('shelter_beds')
      .innerJoin('shelter_rooms', 'shelter_rooms.id', 'shelter_beds.room_id')
      .leftJoin('stays', (j) =>
        j.onRef('stays.bed_id', '=', 'shelter_beds.id').on('stays.checkout_at', 'is', null),
      )
      .select([
        'shelter_beds.id',
        'shelter_beds.room_id',
        'shelter_beds.label',
        'shelter_beds.active',
        'shelter_beds.version',
        'shelter_rooms.name as roomName',
        'shelter_rooms.kind as roomKind',
        'shelter_rooms.age_min',
        'shelter_rooms.age_max',
        'stays.id as stayId',
        'stays.person_id',
        'stays.checkin_at',
      ])
      .where('shelter_beds.shelter_id', '=', input.shelterId)
      .where((eb) => eb.or([eb('shelter_beds.active', '=', 1), eb('stays.id', 'is not', null)]))
      .orderBy('shelter_rooms.name')
      .orderBy('shelter_beds.label')
      .execute();
    const stayIds = beds.flatMap((b) => (b.stayId ? [b.stayId] : []));
    const people = await loadSummaries(
      ctx.db,
      beds.flatMap((b) => (b.person_id ? [b.person_id] : [])),
      { lastStay: false },
    );
    const byId = new Map(people.map((p) => [p.id, p]));
    const ppks = await ppksOf(ctx.db, stayIds);
    return {
      maxStayDays: clock.maxStayDays,
      beds: beds.map((b) => {
        const days = b.checkin_at ? stayDays(b.checkin_at, null, ctx.now, clock.timeZone) : 0;
        return {
          bed: toBed(b),
          roomName: b.roomName,
          roomKind: b.roomKind,
          ageMin: b.age_min,
          ageMax: b.age_max,
          stay:
            b.stayId && b.person_id && b.checkin_at
              ? {
                  id: b.stayId,
                  person: byId.get(b.person_id)!,
                  checkinAt: b.checkin_at,
                  days,
                  overdue: days > clock.maxStayDays,
                  ppks: ppks.get(b.stayId) ?? [],
                }
              : null,
        };
      }),
    };
  },

  async 'stays.checkIn'(input, ctx) {
    const clock = await shelterClock(ctx.db, ctx.now);
    const person = await requireRow(ctx.db, 'persons', input.personId, 'personId');
    if (person.merged_into) throw fieldError(['personId'], 'stay.person_merged');
    const bed = await usableBed(ctx, input.bedId);
    const checkinAt = input.checkinAt ? new Date(input.checkinAt).toISOString() : ctx.nowIso;
    if (new Date(checkinAt).getTime() > ctx.now.getTime() + CLOCK_SKEW_MS) {
      throw fieldError(['checkinAt'], 'stay.checkin_future');
    }
    if (input.complaintId) {
      const found = await sql<{
        id: string;
      }>`SELECT id FROM complaints WHERE id = ${input.complaintId}`.execute(ctx.db);
      if (found.rows.length === 0) throw fieldError(['complaintId'], 'error.not_found');
    }
    const current = await openStay(ctx, 'person_id', person.id);
    if (current) {
      throw new AppError('CONFLICT', 'stay.person_already_in', {
        name: person.full_name,
        since: when(current.checkin_at, clock.timeZone),
      });
    }
    await refuseTaken(ctx, bed);
    const overlaps = await overlapIssues(
      ctx,
      { personId: person.id, bedId: bed.id, checkinAt, checkoutAt: null },
      clock.timeZone,
    );
    if (overlaps.length > 0) throw fieldErrors(overlaps);
    const { overrideReason } = input;
    const mismatches = await checkPlacement(
      ctx,
      { personId: person.id, roomId: bed.room_id, overrideReason },
      clock.timeZone,
    );

    const values = {
      person_id: person.id,
      shelter_id: bed.shelter_id,
      bed_id: bed.id,
      checkin_at: checkinAt,
      referral_source: input.referralSource,
      referral_detail: input.referralDetail,
      condition: input.condition,
      health_notes: input.healthNotes,
      belongings: input.belongings,
      origin_regency: regencyOf(person.origin_code),
      complaint_id: input.complaintId ?? null,
    };
    const ppks = [...new Set(input.ppks)];
    let id: string;
    try {
      id = await insertTracked(ctx, 'stays', values, {
        recordType: 'stay',
        extra: { ppks: [null, ppks] },
        ...(mismatches.length > 0 && overrideReason ? { note: overrideReason } : {}),
      });
    } catch (e) {
      constraintConflict(e, bed.label, person.full_name, when(checkinAt, clock.timeZone));
    }
    await ctx.db
      .insertInto('stay_ppks')
      .values(ppks.map((p) => ({ stay_id: id, ppks: p, checkin_at: checkinAt })))
      .execute();
    if (mismatches.length > 0 && overrideReason) {
      await noteOverride(ctx, { id, at: checkinAt }, overrideReason, mismatches);
    }
    return (await loadStay(ctx.db, id, clock))!;
  },

  async 'stays.moveBed'(input, ctx) {
    const clock = await shelterClock(ctx.db, ctx.now);
    const before = await loadOpenStay(ctx, input, clock.timeZone);
    if (before.bed_id === input.bedId) throw fieldError(['bedId'], 'stay.move_same_bed');
    const bed = await usableBed(ctx, input.bedId);
    await refuseTaken(ctx, bed);
    const overlaps = await overlapIssues(
      ctx,
      { personId: before.person_id, bedId: bed.id, checkinAt: before.checkin_at, checkoutAt: null },
      clock.timeZone,
    );
    // Only the bed can clash: the person's own stay is this one.
    const bedClash = overlaps.filter((i) => i.key === 'stay.overlaps_bed');
    if (bedClash.length > 0) throw fieldErrors(bedClash.map((i) => ({ ...i, path: ['bedId'] })));
    const { overrideReason } = input;
    const mismatches = await checkPlacement(
      ctx,
      { personId: before.person_id, roomId: bed.room_id, overrideReason },
      clock.timeZone,
    );
    const override = mismatches.length > 0 && overrideReason ? { note: overrideReason } : {};
    const columns = { bed_id: bed.id, shelter_id: bed.shelter_id };
    await updateVersioned(ctx, 'stays', before, columns, { recordType: 'stay', ...override });
    if (mismatches.length > 0 && overrideReason) {
      await noteOverride(ctx, { id: before.id, at: ctx.nowIso }, overrideReason, mismatches);
    }
    return (await loadStay(ctx.db, before.id, clock))!;
  },

  async 'stays.get'(input, ctx) {
    const stay = await loadStay(ctx.db, input.id, await shelterClock(ctx.db, ctx.now));
    if (!stay) throw notFound();
    return stay;
  },

  async 'stays.logEvent'(input, ctx) {
    const user = requireUser(ctx);
    const clock = await shelterClock(ctx.db, ctx.now);
    const stay = await ctx.db
      .selectFrom('stays')
      .select(['id', 'checkin_at', 'checkout_at'])
      .where('id', '=', input.stayId)
      .executeTakeFirst();
    if (!stay) throw notFound();
    const at = input.at ? new Date(input.at).toISOString() : ctx.nowIso;
    const t = new Date(at).getTime();
    if (
      t < new Date(stay.checkin_at).getTime() ||
      (stay.checkout_at && t > new Date(stay.checkout_at).getTime()) ||
      t > ctx.now.getTime() + CLOCK_SKEW_MS
    ) {
      throw fieldError(['at'], 'stay.event_outside_stay');
    }
    await insertEntry(
      ctx,
      'stay_events',
      { stay_id: stay.id, at, kind: input.kind, note: input.note, staff_id: user.id },
      { recordType: 'stay_event' },
    );
    return (await loadStay(ctx.db, stay.id, clock))!;
  },

  async 'stays.checkOut'(input, ctx) {
    const clock = await shelterClock(ctx.db, ctx.now);
    const before = await loadOpenStay(ctx, input, clock.timeZone);
    const issues = await checkoutIssues(ctx, before.checkin_at, input, clock.timeZone);
    if (issues.length > 0) throw fieldErrors(issues);
    await updateVersioned(ctx, 'stays', before, checkoutColumns(input), { recordType: 'stay' });
    return (await loadStay(ctx.db, input.id, clock))!;
  },

  async 'stays.correct'(input, ctx) {
    const clock = await shelterClock(ctx.db, ctx.now);
    const before = await loadForChange(ctx.db, 'stays', input.id, input.version, (stay) => {
      if (!stay.checkout_at) throw new AppError('CONFLICT', 'stay.not_checked_out');
    });
    const checkinAt = new Date(input.checkinAt).toISOString();
    const issues: FieldIssue[] = [];
    if (new Date(checkinAt).getTime() > ctx.now.getTime() + CLOCK_SKEW_MS) {
      issues.push({ path: ['checkinAt'], key: 'stay.checkin_future' });
    }
    issues.push(...(await checkoutIssues(ctx, checkinAt, input, clock.timeZone)));
    const values = { checkin_at: checkinAt, ...checkoutColumns(input) };
    issues.push(
      ...(await overlapIssues(
        ctx,
        {
          personId: before.person_id,
          bedId: before.bed_id,
          checkinAt,
          checkoutAt: values.checkout_at,
          exceptStayId: before.id,
        },
        clock.timeZone,
      )),
    );
    if (issues.length > 0) throw fieldErrors(issues);
    await updateVersioned(ctx, 'stays', before, values, {
      recordType: 'stay',
      note: input.reason,
    });
    if (checkinAt !== before.checkin_at) {
      await ctx.db
        .updateTable('stay_ppks')
        .set({ checkin_at: checkinAt })
        .where('stay_id', '=', input.id)
        .execute();
    }
    return (await loadStay(ctx.db, input.id, clock))!;
  },
};
