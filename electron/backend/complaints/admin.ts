/**
 * The admin's side of complaints: categories (with their own deadlines) and the settings
 * (numbering pattern, kind codes, default deadlines, receipt text). The holiday calendar is the
 * calendar module's.
 *
 * Deadlines already set on complaints stay as they were when a category changes: they were
 * promised on the receipt.
 */
import type { complaintsContract } from '../../../shared/contract/complaints';
import type { FieldIssue } from '../../../shared/errors';
import { KIND_CODE, patternProblems } from '../../../shared/ticketNumber';
import { loadForChange, loadForSave, saveTracked, updateVersioned } from '../db/tracked';
import type { HandlersOf } from '../dispatch/context';
import { categoryDays, loadSettingsRow, toCategory, toSettings } from './config';
import { daysInOrder, throwIfAny } from './intake';

export const complaintAdminHandlers: HandlersOf<
  Pick<
    typeof complaintsContract,
    | 'complaints.categories'
    | 'complaints.saveCategory'
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
    const before = await loadForSave(ctx.db, 'complaint_categories', input);

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

    const id = await saveTracked(ctx, 'complaint_categories', before, columns, {
      recordType: 'complaint_category',
    });
    const saved = await ctx.db
      .selectFrom('complaint_categories')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return toCategory(saved);
  },

  async 'complaints.settings'(_input, ctx) {
    return toSettings(ctx.db, await loadSettingsRow(ctx.db), ctx.now);
  },

  async 'complaints.saveSettings'(input, ctx) {
    const before = await loadForChange(ctx.db, 'complaint_settings', 1, input.version);
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
    await updateVersioned(ctx, 'complaint_settings', before, columns);
    return toSettings(ctx.db, await loadSettingsRow(ctx.db), ctx.now);
  },
};
