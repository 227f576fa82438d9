/**
 * Gapless yearly ticket numbers. The counter row of (kind, year) is incremented with
 * INSERT … ON CONFLICT DO UPDATE … RETURNING inside the creating write's transaction: the
 * backend runs writes one at a time (BEGIN IMMEDIATE on one connection), and a failed save
 * rolls the counter back with everything else, so no number is skipped or issued twice.
 */
import { sql, type Kysely } from 'kysely';
import { formatTicketNumber } from '../../../shared/ticketNumber';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { kindCode, loadSettingsRow, numberDate } from './config';

export interface IssuedNumber {
  number: string;
  seq: number;
  year: number;
}

export async function issueNumber(
  db: Kysely<DB>,
  kind: 'complaint' | 'data_service',
  now: Date,
  timeZone: string,
): Promise<IssuedNumber> {
  const settings = await loadSettingsRow(db);
  const { year, month } = numberDate(now, timeZone);
  const { last } = await db
    .insertInto('complaint_counters')
    .values({ kind, year, last: 1 })
    .onConflict((oc) => oc.columns(['kind', 'year']).doUpdateSet({ last: sql<number>`last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  const number = formatTicketNumber(settings.number_pattern, {
    seq: last,
    year,
    month,
    kindCode: kindCode(settings, kind),
  });
  // Only a pattern edited into an earlier one's shape can collide; say so instead of a crash.
  const taken = await db
    .selectFrom('complaints')
    .select('id')
    .where('number', '=', number)
    .executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', 'complaint.number_taken', { number });
  return { number, seq: last, year };
}
