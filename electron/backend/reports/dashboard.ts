/**
 * The home screen's charts, each part only for who may read its domain: beds taken per night
 * (shelter), complaints received per day with open and overdue ones (complaint desk,
 * supervisor), active and locked accounts (admin).
 */
import { sql } from 'kysely';
import type { Output } from '../../../shared/contract';
import { dayInZone } from '../../../shared/time';
import { daysOf } from '../../../shared/reports/period';
import { addCalendarDays } from '../../../shared/workdays';
import { canAccess } from '../../../shared/roles';
import { requireUser, type Ctx } from '../dispatch/context';
import { officeTimeZone } from '../office/store';
import { shelterReport } from './shelter';

const DAYS = 14;

export async function dashboard(ctx: Ctx): Promise<Output<'reports.dashboard'>> {
  const roles = requireUser(ctx).roles;
  const tz = await officeTimeZone(ctx.db);
  const today = dayInZone(ctx.now, tz);
  const first = addCalendarDays(today, 1 - DAYS);

  let shelter: Output<'reports.dashboard'>['shelter'] = null;
  if (canAccess('shelter.read', roles)) {
    // The shelter report's own night count, so home and report never disagree.
    const r = await shelterReport(ctx.db, { from: first, to: today, now: ctx.now });
    const nights = r.tables.find((t) => t.key === 'occupancy')!.rows;
    const beds = (
      await sql<{ beds: number }>`
        SELECT count(*) AS beds FROM shelter_beds b JOIN shelters s ON s.id = b.shelter_id
        WHERE b.active = 1 AND s.active = 1`.execute(ctx.db)
    ).rows[0]!.beds;
    const days = daysOf(first, today);
    shelter = {
      beds: Number(beds),
      nights: nights.map((n, i) => ({ day: days[i]!, occupied: n.values[0] ?? 0 })),
    };
  }

  let complaints: Output<'reports.dashboard'>['complaints'] = null;
  if (canAccess('complaints.read', roles)) {
    const per = await ctx.db
      .selectFrom('complaints')
      .select(['received_day', (eb) => eb.fn.countAll<number>().as('count')])
      .where('received_day', '>=', first)
      .groupBy('received_day')
      .execute();
    const open = (
      await sql<{ open: number; overdue: number }>`
        SELECT count(*) AS open, coalesce(sum(CASE WHEN next_due < ${today} THEN 1 ELSE 0 END), 0) AS overdue
        FROM complaints WHERE next_due IS NOT NULL`.execute(ctx.db)
    ).rows[0]!;
    const byDay = new Map(per.map((p) => [p.received_day, Number(p.count)]));
    complaints = {
      open: Number(open.open),
      overdue: Number(open.overdue),
      received: daysOf(first, today).map((day) => ({ day, count: byDay.get(day) ?? 0 })),
    };
  }

  let users: Output<'reports.dashboard'>['users'] = null;
  if (canAccess('users.manage', roles)) {
    const u = (
      await sql<{ active: number; locked: number }>`
        SELECT coalesce(sum(active), 0) AS active,
          coalesce(sum(CASE WHEN active = 1 AND locked_until > ${ctx.nowIso} THEN 1 ELSE 0 END), 0) AS locked
        FROM users`.execute(ctx.db)
    ).rows[0]!;
    users = { active: Number(u.active), locked: Number(u.locked) };
  }
  return { today, shelter, complaints, users };
}
