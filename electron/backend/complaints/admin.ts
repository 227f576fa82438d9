/**
 * The admin's side of complaints: categories (with their own deadlines), the holiday calendar
 * and the settings (numbering pattern, kind codes, default deadlines, receipt text).
 *
 * Deadlines already set on complaints stay as they were when a holiday or a category changes:
 * they were promised on the receipt.
 */
import type { complaintsContract } from '../../../shared/contract/complaints';
import type { FieldIssue } from '../../../shared/errors';
import { KIND_CODE, patternProblems } from '../../../shared/ticketNumber';
import { diffRecords } from '../audit/diff';
import { assertUpdated, nextVersion } from '../db/versioned';
import type { HandlersOf } from '../dispatch/context';
import { requireUser } from '../dispatch/context';
import { fieldError, notFound, staleRecord } from '../errors';
import { uuidv7 } from '../lib/ids';
import { categoryDays, loadSettingsRow, toCategory, toHoliday, toSettings } from './config';
import { daysInOrder, throwIfAny } from './intake';

export const complaintAdminHandlers: HandlersOf<
  Pick<
    typeof complaintsContract,
    | 'complaints.categories'
    | 'complaints.saveCategory'
    | 'complaints.holidays'
    | 'complaints.saveHoliday'
    | 'complaints.removeHoliday'
    | 'complaints.settings'
    | 'complaints.saveSettings'
  >
> = {
  async 'complaints.categories'(input, ctx) {
    let q = ctx.db
      .selectFrom('complaint_categories')
      .selectAll()
      .orderBy('sort_order')
      .orderBy('name');
    if (!input.includeInactive) q = q.where('active', '=', 1);
    return { categories: (await q.execute()).map(toCategory) };
  },

  async 'complaints.saveCategory'(input, ctx) {
    const user = requireUser(ctx);
    const before = input.id
      ? await ctx.db
          .selectFrom('complaint_categories')
          .selectAll()
          .where('id', '=', input.id)
          .executeTakeFirst()
      : undefined;
    if (input.id && !before) throw notFound();
    if (before && before.version !== input.version) throw staleRecord();

    const issues: FieldIssue[] = [];
    const sameName = await ctx.db
      .selectFrom('complaint_categories')
      .select('id')
      .where('name', '=', input.name)
      .executeTakeFirst();
    if (sameName && sameName.id !== input.id)
      issues.push({
        path: ['name'],
        key: 'complaint.category_name_taken',
        params: { name: input.name },
      });
    const columns = {
      name: input.name,
      name_en: input.nameEn,
      kind: input.kind,
      verify_days: input.verifyDays,
      answer_days: input.answerDays,
      complete_days: input.completeDays,
      ppks: JSON.stringify([...new Set(input.ppks)]),
      active: input.active ? 1 : 0,
      sort_order: input.sortOrder,
    };
    if (!daysInOrder(categoryDays(columns, await loadSettingsRow(ctx.db))))
      issues.push({ path: ['answerDays'], key: 'complaint.days_order' });
    throwIfAny(issues);

    const id = before?.id ?? uuidv7(ctx.now.getTime());
    if (before) {
      const updated = await ctx.db
        .updateTable('complaint_categories')
        .set({ ...columns, updated_at: ctx.nowIso, updated_by: user.id, version: nextVersion })
        .where('id', '=', id)
        .where('version', '=', before.version)
        .executeTakeFirst();
      assertUpdated(updated);
    } else {
      await ctx.db
        .insertInto('complaint_categories')
        .values({
          id,
          ...columns,
          created_at: ctx.nowIso,
          created_by: user.id,
          updated_at: ctx.nowIso,
          updated_by: user.id,
        })
        .execute();
    }
    ctx.audit({
      recordType: 'complaint_category',
      recordId: id,
      changes: diffRecords(before ?? null, columns),
    });
    const saved = await ctx.db
      .selectFrom('complaint_categories')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return toCategory(saved);
  },

  async 'complaints.holidays'(input, ctx) {
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

  async 'complaints.saveHoliday'(input, ctx) {
    const user = requireUser(ctx);
    const before = input.id
      ? await ctx.db
          .selectFrom('holidays')
          .selectAll()
          .where('id', '=', input.id)
          .executeTakeFirst()
      : undefined;
    if (input.id && !before) throw notFound();
    if (before && before.version !== input.version) throw staleRecord();
    const sameDate = await ctx.db
      .selectFrom('holidays')
      .select(['id', 'name'])
      .where('date', '=', input.date)
      .executeTakeFirst();
    if (sameDate && sameDate.id !== input.id)
      throw fieldError(['date'], 'holiday.date_taken', { date: input.date, name: sameDate.name });
    const columns = { date: input.date, name: input.name, kind: input.kind };
    const id = before?.id ?? uuidv7(ctx.now.getTime());
    if (before) {
      const updated = await ctx.db
        .updateTable('holidays')
        .set({ ...columns, updated_at: ctx.nowIso, updated_by: user.id, version: nextVersion })
        .where('id', '=', id)
        .where('version', '=', before.version)
        .executeTakeFirst();
      assertUpdated(updated);
    } else {
      await ctx.db
        .insertInto('holidays')
        .values({
          id,
          ...columns,
          created_at: ctx.nowIso,
          created_by: user.id,
          updated_at: ctx.nowIso,
          updated_by: user.id,
        })
        .execute();
    }
    ctx.audit({
      recordType: 'holiday',
      recordId: id,
      changes: diffRecords(before ?? null, columns),
    });
    return toHoliday(
      await ctx.db
        .selectFrom('holidays')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    );
  },

  async 'complaints.removeHoliday'(input, ctx) {
    const before = await ctx.db
      .selectFrom('holidays')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!before) throw notFound();
    const removed = await ctx.db
      .deleteFrom('holidays')
      .where('id', '=', input.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw staleRecord();
    ctx.audit({
      recordType: 'holiday',
      recordId: input.id,
      changes: diffRecords(
        { date: before.date, name: before.name, kind: before.kind },
        { date: null, name: null, kind: null },
      ),
      note: input.reason,
    });
    return { ok: true as const };
  },

  async 'complaints.settings'(_input, ctx) {
    return toSettings(ctx.db, await loadSettingsRow(ctx.db), ctx.now);
  },

  async 'complaints.saveSettings'(input, ctx) {
    const user = requireUser(ctx);
    const before = await loadSettingsRow(ctx.db);
    if (before.version !== input.version) throw staleRecord();
    const issues: FieldIssue[] = [];
    for (const key of patternProblems(input.numberPattern))
      issues.push({ path: ['numberPattern'], key });
    if (!KIND_CODE.test(input.kindCodeComplaint))
      issues.push({ path: ['kindCodeComplaint'], key: 'complaint.kind_code_format' });
    if (!KIND_CODE.test(input.kindCodeDataService))
      issues.push({ path: ['kindCodeDataService'], key: 'complaint.kind_code_format' });
    else if (input.kindCodeDataService === input.kindCodeComplaint)
      issues.push({ path: ['kindCodeDataService'], key: 'complaint.kind_codes_same' });
    const defaults = {
      verify_days: input.verifyDays,
      answer_days: input.answerDays,
      complete_days: input.completeDays,
    };
    if (
      !daysInOrder(
        categoryDays({ verify_days: null, answer_days: null, complete_days: null }, defaults),
      )
    )
      issues.push({ path: ['answerDays'], key: 'complaint.days_order' });
    else {
      // Categories with their own deadlines must stay in order with the new defaults.
      const categories = await ctx.db
        .selectFrom('complaint_categories')
        .selectAll()
        .where('active', '=', 1)
        .execute();
      const broken = categories.find((c) => !daysInOrder(categoryDays(c, defaults)));
      if (broken)
        issues.push({
          path: ['answerDays'],
          key: 'complaint.days_order_category',
          params: { name: broken.name },
        });
    }
    throwIfAny(issues);

    const columns = {
      number_pattern: input.numberPattern,
      kind_code_complaint: input.kindCodeComplaint,
      kind_code_data_service: input.kindCodeDataService,
      ...defaults,
      follow_up_text: input.followUpText,
    };
    const updated = await ctx.db
      .updateTable('complaint_settings')
      .set({ ...columns, updated_at: ctx.nowIso, updated_by: user.id, version: nextVersion })
      .where('id', '=', 1)
      .where('version', '=', input.version)
      .executeTakeFirst();
    assertUpdated(updated);
    ctx.audit({
      recordType: 'complaint_settings',
      recordId: '1',
      changes: diffRecords(before, columns),
    });
    return toSettings(ctx.db, await loadSettingsRow(ctx.db), ctx.now);
  },
};
