/**
 * Figures for a period (complaints received in it): by channel, category, kind and status; how
 * many were closed by their completion deadline; median working days to verify and to close.
 * Open and overdue by officer are as of today, whatever the period.
 */
import { sql, type Kysely } from 'kysely';
import type { Output } from '../../../shared/contract';
import { dayInZone } from '../../../shared/time';
import { median, workingDaysBetween } from '../../../shared/workdays';
import type { DB } from '../db/schema';
import type { Calendar } from '../calendar/workdays';
import { stageMetAt } from './deadlines';

type Stats = Output<'complaints.stats'>;

/** How many rows hold each value of `column`, most first, as `{ [name]: value, count }`. */
function countBy<R extends Record<C, string>, C extends keyof R, N extends string>(
  rows: R[],
  column: C,
  name: N,
): (Record<N, R[C]> & { count: number })[] {
  const m = new Map<R[C], number>();
  for (const r of rows) m.set(r[column], (m.get(r[column]) ?? 0) + 1);
  return [...m.entries()]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([value, count]) => ({ [name]: value, count }) as Record<N, R[C]> & { count: number });
}

export async function complaintStats(
  db: Kysely<DB>,
  from: string,
  to: string,
  cal: Calendar,
): Promise<Stats> {
  const rows = await db
    .selectFrom('complaints as c')
    .innerJoin('complaint_categories as cat', 'cat.id', 'c.category_id')
    .select([
      'c.kind',
      'c.channel',
      'c.status',
      'c.category_id',
      'cat.name',
      'cat.name_en',
      'c.received_day',
      'c.verify_due',
      'c.answer_due',
      'c.complete_due',
      'c.verified_at',
      'c.first_answer_at',
      'c.closed_at',
    ])
    .where('c.received_day', '>=', from)
    .where('c.received_day', '<=', to)
    .execute();

  const categories = new Map<string, { name: string; nameEn: string | null }>();
  for (const r of rows) categories.set(r.category_id, { name: r.name, nameEn: r.name_en });

  // Each deadline met on time (the stage's day on or before its due day), and working days to it.
  const stage = (
    name: 'verify' | 'answer' | 'complete',
    due: (r: (typeof rows)[number]) => string,
  ) => {
    let met = 0;
    let onTime = 0;
    const days: number[] = [];
    for (const r of rows) {
      const at = stageMetAt(r, name);
      if (!at) continue;
      const day = dayInZone(at, cal.timeZone);
      met += 1;
      if (day <= due(r)) onTime += 1;
      days.push(workingDaysBetween(r.received_day, day, cal.holidays));
    }
    return { met, onTime, median: median(days) };
  };
  const verify = stage('verify', (r) => r.verify_due);
  const answer = stage('answer', (r) => r.answer_due);
  const complete = stage('complete', (r) => r.complete_due);
  const { met: closed, onTime: closedOnTime } = complete;

  const officers = await db
    .selectFrom('complaints as c')
    .leftJoin('users as u', 'u.id', 'c.assigned_to')
    .select([
      'c.assigned_to',
      'u.full_name',
      (eb) => eb.fn.countAll<number>().as('open'),
      sql<number>`SUM(CASE WHEN c.next_due < ${cal.today} THEN 1 ELSE 0 END)`.as('overdue'),
    ])
    .where('c.next_due', 'is not', null)
    .groupBy(['c.assigned_to', 'u.full_name'])
    .execute();

  return {
    from,
    to,
    received: rows.length,
    byChannel: countBy(rows, 'channel', 'channel'),
    byCategory: countBy(rows, 'category_id', 'id').map((c) => ({
      ...c,
      ...categories.get(c.id)!,
    })),
    byKind: countBy(rows, 'kind', 'kind'),
    byStatus: countBy(rows, 'status', 'status'),
    closed,
    closedOnTime,
    onTimePercent: closed > 0 ? Math.round((closedOnTime / closed) * 1000) / 10 : null,
    verified: verify.met,
    verifiedOnTime: verify.onTime,
    answered: answer.met,
    answeredOnTime: answer.onTime,
    medianDaysToVerify: verify.median,
    medianDaysToAnswer: answer.median,
    medianDaysToClose: complete.median,
    today: cal.today,
    byOfficer: officers
      .map((o) => ({
        officer: o.assigned_to ? { id: o.assigned_to, fullName: o.full_name ?? '' } : null,
        open: Number(o.open),
        overdue: Number(o.overdue),
      }))
      .sort(
        (a, b) =>
          b.overdue - a.overdue ||
          b.open - a.open ||
          (a.officer?.fullName ?? '').localeCompare(b.officer?.fullName ?? ''),
      ),
  };
}
