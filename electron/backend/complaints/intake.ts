/**
 * Checks of an intake (new complaint or correction) that need the database. Every problem is
 * collected so the officer sees them all at once, next to their fields; nothing is written
 * until all pass.
 */
import type { Kysely, Selectable } from 'kysely';
import type { ParsedInput } from '../../../shared/contract';
import type { FieldIssue } from '../../../shared/errors';
import {
  CHANNELS_WITH_REQUIRED_REF,
  MAX_BACKDATE_DAYS,
  type ComplaintChannel,
} from '../../../shared/reference/complaints';
import { dayInZone } from '../../../shared/time';
import { addCalendarDays } from '../../../shared/workdays';
import type { DB } from '../db/schema';
import type { ComplaintCategoriesTable } from '../db/tables/complaints';
import { fieldErrors } from '../errors';
import { categoryDays, loadSettingsRow } from './config';
import type { DeadlineDays } from './deadlines';

/** A few minutes of clock difference between PCs is not "the future". */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface IntakeFields {
  kind: 'complaint' | 'data_service';
  serviceType: string | null;
  categoryId: string;
  channel: ComplaintChannel;
  channelRef: string | null;
  personId: string | null;
  regionCode: string | null;
  reporterAnonymous: boolean;
  reporterName: string | null;
}

export function daysInOrder(d: DeadlineDays): boolean {
  return d.verify <= d.answer && d.answer <= d.complete;
}

/**
 * Checks the fields shared by create and update; returns the category and its deadlines.
 * `keepCategoryId`: an existing complaint may stay in a category deactivated since.
 */
export async function checkIntake(
  db: Kysely<DB>,
  f: IntakeFields,
  issues: FieldIssue[],
  keepCategoryId?: string,
): Promise<{ category: Selectable<ComplaintCategoriesTable>; days: DeadlineDays } | null> {
  const category = await db
    .selectFrom('complaint_categories')
    .selectAll()
    .where('id', '=', f.categoryId)
    .executeTakeFirst();
  if (!category) issues.push({ path: ['categoryId'], key: 'complaint.category_unknown' });
  else if (category.active !== 1 && category.id !== keepCategoryId)
    issues.push({ path: ['categoryId'], key: 'complaint.category_inactive' });
  else if (category.kind !== 'any' && category.kind !== f.kind)
    issues.push({ path: ['categoryId'], key: 'complaint.category_kind' });

  if (f.kind === 'data_service' && !f.serviceType)
    issues.push({ path: ['serviceType'], key: 'complaint.service_type_required' });
  if (f.kind === 'complaint' && f.serviceType)
    issues.push({ path: ['serviceType'], key: 'complaint.service_type_not_for_complaint' });

  if (CHANNELS_WITH_REQUIRED_REF.includes(f.channel) && !f.channelRef)
    issues.push({
      path: ['channelRef'],
      key: f.channel === 'lapor' ? 'complaint.lapor_ref_required' : 'complaint.call_ref_required',
    });

  if (f.reporterAnonymous && f.reporterName)
    issues.push({ path: ['reporterName'], key: 'complaint.anonymous_with_name' });
  if (!f.reporterAnonymous && !f.reporterName)
    issues.push({ path: ['reporterName'], key: 'complaint.reporter_name_required' });

  if (f.personId) {
    const person = await db
      .selectFrom('persons')
      .select(['id', 'merged_into'])
      .where('id', '=', f.personId)
      .executeTakeFirst();
    if (!person) issues.push({ path: ['personId'], key: 'complaint.person_unknown' });
    else if (person.merged_into)
      issues.push({ path: ['personId'], key: 'complaint.person_merged' });
  }
  if (f.regionCode) {
    const region = await db
      .selectFrom('regions')
      .select('code')
      .where('code', '=', f.regionCode)
      .executeTakeFirst();
    if (!region)
      issues.push({ path: ['regionCode'], key: 'region.unknown', params: { code: f.regionCode } });
  }

  if (!category) return null;
  const days = categoryDays(category, await loadSettingsRow(db));
  if (!daysInOrder(days)) issues.push({ path: ['categoryId'], key: 'complaint.days_order' });
  return { category, days };
}

/** The receipt time of a new complaint: now, or an earlier day with a reason. */
export function checkReceivedAt(
  input: Pick<ParsedInput<'complaints.create'>, 'receivedAt' | 'backdateReason'>,
  now: Date,
  timeZone: string,
  issues: FieldIssue[],
): { receivedAt: string; receivedDay: string; backdated: boolean } {
  const receivedAt = input.receivedAt
    ? new Date(input.receivedAt).toISOString()
    : now.toISOString();
  const receivedDay = dayInZone(receivedAt, timeZone);
  const today = dayInZone(now, timeZone);
  if (new Date(receivedAt).getTime() > now.getTime() + CLOCK_SKEW_MS) {
    issues.push({ path: ['receivedAt'], key: 'complaint.received_future' });
  } else if (receivedDay < addCalendarDays(today, -MAX_BACKDATE_DAYS)) {
    issues.push({
      path: ['receivedAt'],
      key: 'complaint.received_too_old',
      params: { days: MAX_BACKDATE_DAYS },
    });
  } else if (receivedDay < today && !input.backdateReason) {
    issues.push({ path: ['backdateReason'], key: 'complaint.backdate_reason_required' });
  }
  return { receivedAt, receivedDay, backdated: receivedDay < today };
}

export function throwIfAny(issues: FieldIssue[]): void {
  if (issues.length > 0) throw fieldErrors(issues);
}
