/** What complaints are judged by: settings and categories (the calendar is calendar/'s). */
import type { Kysely, Selectable } from 'kysely';
import type { ComplaintCategory, ComplaintSettings } from '../../../shared/contract/complaints';
import type { ComplaintKind } from '../../../shared/reference/complaints';
import { isPpksCode, type PpksCode } from '../../../shared/reference/ppks';
import type { DB } from '../db/schema';
import type { ComplaintCategoriesTable, ComplaintSettingsTable } from '../db/tables/complaints';
import { officeTimeZone } from '../office/store';
import { nextNumber, type IssueOptions } from '../registers/issue';
import type { DeadlineDays } from './deadlines';

/** The PPKS codes kept as a JSON list on complaints and categories. */
export function parseCodes(json: string): PpksCode[] {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter(isPpksCode) : [];
}

export function toCategory(r: Selectable<ComplaintCategoriesTable>): ComplaintCategory {
  return {
    id: r.id,
    name: r.name,
    nameEn: r.name_en,
    kind: r.kind,
    verifyDays: r.verify_days,
    answerDays: r.answer_days,
    completeDays: r.complete_days,
    ppks: parseCodes(r.ppks),
    active: r.active === 1,
    sortOrder: r.sort_order,
    version: r.version,
  };
}

export async function loadSettingsRow(db: Kysely<DB>): Promise<Selectable<ComplaintSettingsTable>> {
  return db
    .selectFrom('complaint_settings')
    .selectAll()
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
}

/** The deadlines of a category: its own, or the office defaults. */
export function categoryDays(
  category: Pick<
    Selectable<ComplaintCategoriesTable>,
    'verify_days' | 'answer_days' | 'complete_days'
  >,
  settings: Pick<
    Selectable<ComplaintSettingsTable>,
    'verify_days' | 'answer_days' | 'complete_days'
  >,
): DeadlineDays {
  return {
    verify: category.verify_days ?? settings.verify_days,
    answer: category.answer_days ?? settings.answer_days,
    complete: category.complete_days ?? settings.complete_days,
  };
}

/**
 * How a kind's tickets are numbered: its own register (keyed by the kind) with the office's one
 * pattern and the kind's code in it.
 */
export function ticketRegister(
  s: Pick<
    Selectable<ComplaintSettingsTable>,
    'number_pattern' | 'kind_code_complaint' | 'kind_code_data_service'
  >,
  kind: ComplaintKind,
  now: Date,
  timeZone: string,
): IssueOptions {
  const code = kind === 'data_service' ? s.kind_code_data_service : s.kind_code_complaint;
  return { pattern: s.number_pattern, code, now, timeZone };
}

export async function toSettings(
  db: Kysely<DB>,
  s: Selectable<ComplaintSettingsTable>,
  now: Date,
): Promise<ComplaintSettings> {
  const timeZone = await officeTimeZone(db);
  const preview = (kind: ComplaintKind) =>
    nextNumber(db, kind, ticketRegister(s, kind, now, timeZone));
  return {
    numberPattern: s.number_pattern,
    kindCodeComplaint: s.kind_code_complaint,
    kindCodeDataService: s.kind_code_data_service,
    verifyDays: s.verify_days,
    answerDays: s.answer_days,
    completeDays: s.complete_days,
    followUpText: s.follow_up_text,
    preview: { complaint: await preview('complaint'), dataService: await preview('data_service') },
    version: s.version,
  };
}
