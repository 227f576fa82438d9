/**
 * "Next steps" after first-run setup, read from the data itself so each step ticks itself
 * when done. Reads other domains' tables directly on purpose: counts only, no records, and
 * the holidays table rather than a method that may change its name.
 */
import type { Kysely } from 'kysely';
import type { Checklist } from '../../../shared/contract/office';
import type { DB } from '../db/schema';
import type { Ctx } from '../dispatch/context';
import { yearInZone } from '../../../shared/time';
import { officeTimeZone } from './store';

/** app_meta key set when an admin hides the card. */
const HIDDEN_KEY = 'office.checklistHidden';

const count = async (q: Promise<{ n: number | string | bigint } | undefined>): Promise<number> =>
  Number((await q)?.n ?? 0);

export async function loadChecklist(db: Kysely<DB>, now: Date): Promise<Checklist> {
  const nextYear = yearInZone(now, await officeTimeZone(db)) + 1;
  const nextYearHolidays = db
    .selectFrom('holidays')
    .where('date', '>=', `${nextYear}-01-01`)
    .where('date', '<=', `${nextYear}-12-31`);
  const [rooms, beds, users, holidays, entered, office, hidden] = await Promise.all([
    count(
      db
        .selectFrom('shelter_rooms')
        .innerJoin('shelters', 'shelters.id', 'shelter_rooms.shelter_id')
        .where('shelters.active', '=', 1)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst(),
    ),
    count(
      db
        .selectFrom('shelter_beds')
        .innerJoin('shelters', 'shelters.id', 'shelter_beds.shelter_id')
        .where('shelters.active', '=', 1)
        .where('shelter_beds.active', '=', 1)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst(),
    ),
    count(
      db
        .selectFrom('users')
        .where('active', '=', 1)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst(),
    ),
    count(nextYearHolidays.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()),
    // The fixed-date holidays come with Pelita (no author); the moving ones and cuti bersama
    // follow the yearly SKB and must be entered by someone.
    count(
      nextYearHolidays
        .where((eb) => eb.or([eb('created_by', 'is not', null), eb('updated_by', 'is not', null)]))
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst(),
    ),
    db.selectFrom('office').select(['head_name', 'head_nip']).executeTakeFirst(),
    db.selectFrom('app_meta').select('value').where('key', '=', HIDDEN_KEY).executeTakeFirst(),
  ]);
  return {
    shelter: { done: rooms > 0 && beds > 0, rooms, beds },
    // More than the admin who ran the setup.
    users: { done: users > 1, count: users },
    holidays: { done: entered > 0, year: nextYear, count: holidays },
    office: { done: Boolean(office?.head_name && office.head_nip) },
    hidden: hidden !== undefined,
  };
}

export async function hideChecklist(ctx: Ctx): Promise<void> {
  await ctx.db
    .insertInto('app_meta')
    .values({ key: HIDDEN_KEY, value: ctx.nowIso })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: ctx.nowIso }))
    .execute();
  ctx.audit({ recordType: 'office', note: 'checklist hidden' });
}
