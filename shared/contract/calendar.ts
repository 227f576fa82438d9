/**
 * The office calendar: holidays that working-day counts skip (complaint deadlines today, case
 * and letter deadlines next). Everyone signed in reads it; only admins edit it.
 */
import { z } from 'zod';
import { HOLIDAY_KINDS } from '../reference/calendar';
import { method } from './method';
import { dateFrom, id, longText, saveKeys, text, version } from './schemas';

export const holidayKind = z.enum(HOLIDAY_KINDS);

export const holiday = z.object({
  id,
  date: z.string(),
  name: z.string(),
  kind: holidayKind,
  version,
});
export type Holiday = z.infer<typeof holiday>;

export const calendarContract = {
  /** The holiday calendar (all years, or one), with how many days each year has. */
  'calendar.holidays': method({
    access: 'signedIn',
    write: false,
    input: z.strictObject({ year: z.number().int().min(2000).max(2100).optional() }),
    output: z.object({
      holidays: z.array(holiday),
      years: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
    }),
  }),
  'calendar.saveHoliday': method({
    access: 'calendar.manage',
    write: true,
    input: z.strictObject({
      ...saveKeys,
      /** Holidays from 2000 to 2100, the years the calendar shows. */
      date: dateFrom('2000-01-01', 'holiday.date_range').refine((d) => d <= '2100-12-31', {
        error: 'holiday.date_range',
      }),
      name: text(120),
      kind: holidayKind,
    }),
    output: holiday,
  }),
  /** A real delete (a holiday entered by mistake), audited with the reason. */
  'calendar.removeHoliday': method({
    access: 'calendar.manage',
    write: true,
    input: z.strictObject({ id, version, reason: longText(300) }),
    output: z.object({ ok: z.literal(true) }),
  }),
};
