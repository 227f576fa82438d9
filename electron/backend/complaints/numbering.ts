/**
 * Ticket numbers: each kind (complaint, data service) has its own gapless yearly register
 * (registers/issue.ts) under the office's one pattern.
 */
import type { Kysely } from 'kysely';
import type { ComplaintKind } from '../../../shared/reference/complaints';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { issueNumber, type IssuedNumber } from '../registers/issue';
import { loadSettingsRow, ticketRegister } from './config';

export async function issueTicketNumber(
  db: Kysely<DB>,
  kind: ComplaintKind,
  now: Date,
  timeZone: string,
): Promise<IssuedNumber> {
  const settings = await loadSettingsRow(db);
  const issued = await issueNumber(db, kind, ticketRegister(settings, kind, now, timeZone));
  // Only a pattern edited into an earlier one's shape can collide; say so instead of a crash.
  const taken = await db
    .selectFrom('complaints')
    .select('id')
    .where('number', '=', issued.number)
    .executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', 'complaint.number_taken', { number: issued.number });
  return issued;
}
