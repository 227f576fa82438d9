/**
 * Gapless number registers: one counter per (key, year), e.g. `complaint`, `data_service`, and
 * next case and letter numbers. A new key needs no code: its first number creates its row.
 *
 * The counter is incremented with INSERT … ON CONFLICT DO UPDATE … RETURNING inside the caller's
 * write transaction: the backend runs writes one at a time (BEGIN IMMEDIATE on one connection),
 * and a failed save rolls the counter back with everything else, so no number is skipped or
 * issued twice. The year is the registration day's, in the office zone.
 */
import { sql, type Kysely } from 'kysely';
import { formatNumber } from '../../../shared/registers/pattern';
import { dayInZone } from '../../../shared/time';
import type { DB } from '../db/schema';

export interface IssueOptions {
  /** A pattern without problems (shared/registers/pattern.ts checks it when it is saved). */
  pattern: string;
  /** What {code} stands for: a complaint kind's code, a letter's classification. */
  code: string;
  now: Date;
  timeZone: string;
}

export interface IssuedNumber {
  number: string;
  seq: number;
  year: number;
}

/** The year and month a number issued at `now` carries (registration day in the office zone). */
export function numberDate(now: Date, timeZone: string): { year: number; month: number } {
  const day = dayInZone(now, timeZone);
  return { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) };
}

/** Takes the next number of register `key`. Call it inside the write that uses the number. */
export async function issueNumber(
  db: Kysely<DB>,
  key: string,
  opts: IssueOptions,
): Promise<IssuedNumber> {
  const { year, month } = numberDate(opts.now, opts.timeZone);
  const { last } = await db
    .insertInto('number_registers')
    .values({ key, year, last: 1 })
    .onConflict((oc) => oc.columns(['key', 'year']).doUpdateSet({ last: sql<number>`last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return {
    number: formatNumber(opts.pattern, { seq: last, year, month, code: opts.code }),
    seq: last,
    year,
  };
}

/** The number register `key` would issue next, without taking it (settings previews). */
export async function nextNumber(db: Kysely<DB>, key: string, opts: IssueOptions): Promise<string> {
  const { year, month } = numberDate(opts.now, opts.timeZone);
  const row = await db
    .selectFrom('number_registers')
    .select('last')
    .where('key', '=', key)
    .where('year', '=', year)
    .executeTakeFirst();
  return formatNumber(opts.pattern, { seq: (row?.last ?? 0) + 1, year, month, code: opts.code });
}
