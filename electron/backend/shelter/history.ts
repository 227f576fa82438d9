/** Stay history and period figures for the shelter page. */
import { sql, type Kysely } from 'kysely';
import type { shelterContract } from '../../../shared/contract/shelter';
import { VERIFIED_IDENTITY } from '../../../shared/reference/persons';
import type { ExitType } from '../../../shared/reference/shelter';
import { endOfDayUtc, startOfDayUtc, zoneOffsetMinutes } from '../../../shared/time';
import type { DB } from '../db/schema';
import type { HandlersOf } from '../dispatch/context';
import { fieldError } from '../errors';
import { keysetPage, keysetPlan } from '../lib/keyset';
import { regionRefs } from '../regions/refs';
import { ppksOf, shelterClock, stayDays, toStayBrief } from './queries';

type HistoryMethods = Pick<typeof shelterContract, 'stays.history' | 'stays.stats'>;

function encodeCursor(checkinAt: string, id: string): string {
  return Buffer.from(`${checkinAt}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string, field: string): [string, string] {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id) throw fieldError([field], 'validation.invalid_format');
  return [at, id];
}

interface Row {
  id: string;
  person_id: string;
  full_name: string;
  nik: string | null;
  origin_code: string | null;
  shelter_name: string;
  bed_label: string;
  checkin_at: string;
  checkout_at: string | null;
  exit_type: ExitType | null;
  destination_code: string | null;
}

async function historyPage(
  db: Kysely<DB>,
  input: Parameters<HandlersOf<HistoryMethods>['stays.history']>[0],
  timeZone: string,
  plan: ReturnType<typeof keysetPlan>,
) {
  const where = [];
  // CROSS JOIN keeps stays (or the category index) as the outer loop, so a page comes straight
  // from the check-in index whatever statistics the planner has or lacks.
  // With a category filter, page through that category's index in check-in order.
  const driver = input.ppks
    ? sql`stay_ppks d CROSS JOIN stays s ON s.id = d.stay_id`
    : sql`stays s`;
  const at = input.ppks ? sql.ref('d.checkin_at') : sql.ref('s.checkin_at');
  const idRef = input.ppks ? sql.ref('d.stay_id') : sql.ref('s.id');
  if (input.ppks) where.push(sql`d.ppks = ${input.ppks}`);
  if (input.shelterId) where.push(sql`s.shelter_id = ${input.shelterId}`);
  if (input.originRegency) where.push(sql`s.origin_regency = ${input.originRegency}`);
  if (input.exitType === 'active') where.push(sql`s.exit_type IS NULL`);
  else if (input.exitType) where.push(sql`s.exit_type = ${input.exitType}`);
  if (input.from) where.push(sql`${at} >= ${startOfDayUtc(input.from, timeZone)}`);
  if (input.to) where.push(sql`${at} < ${endOfDayUtc(input.to, timeZone)}`);
  if (plan.cursor) {
    const [cAt, cId] = decodeCursor(plan.cursor, input.after ? 'after' : 'before');
    where.push(sql`(${at}, ${idRef}) ${sql.raw(plan.op)} (${cAt}, ${cId})`);
  }
  const order = sql.raw(plan.order);
  const filter = where.length > 0 ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``;
  const rows = await sql<Row>`
    SELECT s.id, s.person_id, p.full_name, p.nik, p.origin_code, sh.name AS shelter_name,
      b.label AS bed_label, s.checkin_at, s.checkout_at, s.exit_type, s.destination_code
    FROM ${driver}
    CROSS JOIN persons p ON p.id = s.person_id
    CROSS JOIN shelters sh ON sh.id = s.shelter_id
    CROSS JOIN shelter_beds b ON b.id = s.bed_id
    ${filter}
    ORDER BY ${at} ${order}, ${idRef} ${order}
    LIMIT ${input.limit + 1}`.execute(db);
  return rows.rows;
}

export const historyHandlers: HandlersOf<HistoryMethods> = {
  async 'stays.history'(input, ctx) {
    const clock = await shelterClock(ctx.db, ctx.now);
    const plan = keysetPlan(input, input.sort === 'newest');
    const read = await historyPage(ctx.db, input, clock.timeZone, plan);
    const {
      rows: page,
      next,
      prev,
    } = keysetPage(read, input, plan, (r) => encodeCursor(r.checkin_at, r.id));
    const refs = await regionRefs(
      ctx.db,
      page.flatMap((r) => [r.origin_code, r.destination_code]),
    );
    const ppks = await ppksOf(
      ctx.db,
      page.map((r) => r.id),
    );
    return {
      rows: page.map((r) => ({
        ...toStayBrief(r, refs, ppks),
        personId: r.person_id,
        personName: r.full_name,
        nik: r.nik,
        origin: (r.origin_code && refs.get(r.origin_code)) || null,
        days: stayDays(r.checkin_at, r.checkout_at, ctx.now, clock.timeZone),
      })),
      next,
      prev,
    };
  },

  async 'stays.stats'(input, ctx) {
    if (input.to < input.from) throw fieldError(['to'], 'stats.range');
    const clock = await shelterClock(ctx.db, ctx.now);
    const start = startOfDayUtc(input.from, clock.timeZone);
    const end = endOfDayUtc(input.to, clock.timeZone);
    const shelter = input.shelterId ? sql` AND s.shelter_id = ${input.shelterId}` : sql``;
    // Stays that overlap the period: checked in before it ends, not checked out before it starts.
    const overlap = sql`s.checkin_at < ${end} AND (s.checkout_at IS NULL OR s.checkout_at >= ${start})${shelter}`;
    const verified = sql.join(VERIFIED_IDENTITY.map((v) => sql`${v}`));
    // Lengths of stay in calendar days of the office zone, as each stay shows them.
    const shift = `${zoneOffsetMinutes(clock.timeZone, ctx.now)} minutes`;

    const totals = (
      await sql<{ people: number; stays: number; unverified: number; still_in: number }>`
        SELECT count(DISTINCT s.person_id) AS people, count(*) AS stays,
          count(DISTINCT CASE WHEN p.identity_status NOT IN (${verified}) THEN s.person_id END) AS unverified,
          sum(CASE WHEN s.checkout_at IS NULL OR s.checkout_at >= ${end} THEN 1 ELSE 0 END) AS still_in
        FROM stays s JOIN persons p ON p.id = s.person_id WHERE ${overlap}`.execute(ctx.db)
    ).rows[0]!;
    const origins = (
      await sql<{ regency: string | null; people: number }>`
        SELECT s.origin_regency AS regency, count(DISTINCT s.person_id) AS people
        FROM stays s WHERE ${overlap} GROUP BY s.origin_regency ORDER BY people DESC`.execute(
        ctx.db,
      )
    ).rows;
    const exits = (
      await sql<{ exit_type: ExitType; stays: number }>`
        SELECT s.exit_type, count(*) AS stays
        FROM stays s WHERE s.checkout_at >= ${start} AND s.checkout_at < ${end}${shelter}
        GROUP BY s.exit_type ORDER BY stays DESC`.execute(ctx.db)
    ).rows;
    const avg = (
      await sql<{ avg_days: number | null }>`
        SELECT avg(julianday(date(s.checkout_at, ${shift})) - julianday(date(s.checkin_at, ${shift}))) AS avg_days
        FROM stays s WHERE s.checkout_at >= ${start} AND s.checkout_at < ${end}${shelter}`.execute(
        ctx.db,
      )
    ).rows[0]!;

    const refs = await regionRefs(
      ctx.db,
      origins.map((o) => o.regency),
    );
    const own = origins.find((o) => o.regency === clock.regionCode)?.people ?? 0;
    const unknown = origins.find((o) => o.regency === null)?.people ?? 0;
    return {
      peopleServed: Number(totals.people),
      stays: Number(totals.stays),
      fromOwnCity: own,
      fromElsewhere: Number(totals.people) - own - unknown,
      originUnknown: unknown,
      byOrigin: origins
        .filter((o) => o.regency !== null)
        .map((o) => ({
          code: o.regency!,
          name: refs.get(o.regency!)?.name ?? o.regency!,
          people: Number(o.people),
        })),
      exits: exits.map((e) => ({ exitType: e.exit_type, stays: Number(e.stays) })),
      averageStayDays: avg.avg_days === null ? null : Math.round(avg.avg_days * 10) / 10,
      withoutVerifiedIdentity: Number(totals.unverified),
      stillInShelter: Number(totals.still_in ?? 0),
    };
  },
};
