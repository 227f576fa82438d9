/**
 * The holiday calendar. Deadlines already set (complaint receipts) stay as they were when a
 * holiday changes: they were promised to the reporter.
 */
import type { Selectable } from 'kysely';
import type { calendarContract, Holiday } from '../../../shared/contract/calendar';
import { deleteVersioned, loadForSave, saveTracked } from '../db/tracked';
import type { HolidaysTable } from '../db/tables/calendar';
import type { HandlersOf } from '../dispatch/context';
import { fieldError } from '../errors';

function toHoliday(r: Selectable<HolidaysTable>): Holiday {
  return { id: r.id, date: r.date, name: r.name, kind: r.kind, version: r.version };
}

/** What a holiday says; its id and stamps stay out of the audit. */
const AS_HOLIDAY = {
  recordType: 'holiday',
  view: (r: Record<string, unknown>) => ({ date: r.date, name: r.name, kind: r.kind }),
};

export const calendarHandlers: HandlersOf<typeof calendarContract> = {
  async 'calendar.holidays'(input, ctx) {
    let q = ctx.db.selectFrom('holidays').selectAll().orderBy('date');
    if (input.year !== undefined) {
      q = q.where('date', '>=', `${input.year}-01-01`).where('date', '<=', `${input.year}-12-31`);
    }
    const years = await ctx.db
      .selectFrom('holidays')
      .select([
        (eb) => eb.fn<string>('substr', ['date', eb.val(1), eb.val(4)]).as('year'),
        (eb) => eb.fn.countAll<number>().as('count'),
      ])
      .groupBy('year')
      .orderBy('year')
      .execute();
    return {
      holidays: (await q.execute()).map(toHoliday),
      years: years.map((y) => ({ year: Number(y.year), count: Number(y.count) })),
    };
  },

  async 'calendar.saveHoliday'(input, ctx) {
    const before = await loadForSave(ctx.db, 'holidays', input);
    const sameDate = await ctx.db
      .selectFrom('holidays')
      .select(['id', 'name'])
      .where('date', '=', input.date)
      .executeTakeFirst();
    if (sameDate && sameDate.id !== input.id)
      throw fieldError(['date'], 'holiday.date_taken', { date: input.date, name: sameDate.name });
    const columns = { date: input.date, name: input.name, kind: input.kind };
    const id = await saveTracked(ctx, 'holidays', before, columns, AS_HOLIDAY);
    return toHoliday(
      await ctx.db
        .selectFrom('holidays')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    );
  },

  async 'calendar.removeHoliday'(input, ctx) {
    await deleteVersioned(ctx, 'holidays', input.id, input.version, {
      ...AS_HOLIDAY,
      note: input.reason,
    });
    return { ok: true as const };
  },
};
