/**
 * The case's workflow steps through applyTransition (shared/workflow/cases.ts says who may take
 * which, from where). Here: the checks a step needs beyond its fields, and the columns it clears
 * or schedules (a returned assessment is no longer submitted; an approved plan sets the review).
 */
import type { Selectable } from 'kysely';
import type { ParsedInput } from '../../../shared/contract';
import type { FieldIssue } from '../../../shared/errors';
import { addCalendarDays, addWorkingDays } from '../../../shared/workdays';
import { caseFlow, type CaseStep } from '../../../shared/workflow/cases';
import { loadCalendar } from '../calendar/workdays';
import type { ChangedValues } from '../db/tracked';
import type { CasesTable } from '../db/tables/cases';
import type { Ctx } from '../dispatch/context';
import { applyTransition, bindWorkflow } from '../workflow/applyTransition';
import { loadCaseSettings, holdsRole, CASEWORKER_ROLES, SUPERVISOR_ROLES } from './config';
import { writeCaseEvent } from './events';
import { openCaseSharing } from './rules';

type Row = Selectable<CasesTable>;

/** What waits for a supervisor, and the date being watched, from the row as a step leaves it. */
export function caseDerived(r: Row): Pick<Row, 'awaiting' | 'due_kind' | 'due_on'> {
  const awaiting =
    r.state === 'assessment'
      ? 'assessment'
      : r.state === 'plan' && r.plan_submitted_at
        ? 'plan'
        : r.state === 'closure_requested'
          ? 'closure'
          : null;
  if (r.state === 'opened') return { awaiting, due_kind: 'assessment', due_on: r.assessment_due };
  if ((r.state === 'in_service' || r.state === 'review') && r.review_due)
    return { awaiting, due_kind: 'review', due_on: r.review_due };
  return { awaiting, due_kind: null, due_on: null };
}

/** Derived columns stay out of the audit diff: they follow from the others. */
export function caseAuditView({
  awaiting: _a,
  due_kind: _k,
  due_on: _d,
  seq: _s,
  seq_year: _y,
  opened_day: _o,
  ...rest
}: Record<string, unknown>): Record<string, unknown> {
  return rest;
}

export const caseWorkflow = bindWorkflow({
  flow: caseFlow,
  table: 'cases',
  stateColumn: 'state',
  assigneeColumn: 'caseworker_id',
  writeEvent: writeCaseEvent,
  auditView: caseAuditView,
  derive: caseDerived,
});

async function stepChecks(ctx: Ctx, step: CaseStep, row: Row): Promise<FieldIssue[]> {
  switch (step) {
    case 'submit_assessment':
      return row.assessment ? [] : [{ path: ['assessment'], key: 'case.assessment_missing' }];
    case 'submit_plan': {
      if (row.plan_submitted_at) return [{ path: ['step'], key: 'case.plan_submitted' }];
      const planned = await ctx.db
        .selectFrom('case_plan_services')
        .select('id')
        .where('case_id', '=', row.id)
        .executeTakeFirst();
      return row.plan_goals && planned ? [] : [{ path: ['plan'], key: 'case.plan_missing' }];
    }
    case 'approve_plan':
      if (!row.assessment_approved_at)
        return [{ path: ['step'], key: 'case.assessment_not_approved' }];
      return row.plan_submitted_at ? [] : [{ path: ['step'], key: 'case.plan_not_submitted' }];
    case 'return_plan':
      return row.plan_submitted_at ? [] : [{ path: ['step'], key: 'case.plan_not_submitted' }];
    case 'reopen': {
      const codes = await ctx.db
        .selectFrom('case_ppks')
        .select('ppks')
        .where('case_id', '=', row.id)
        .execute();
      const clash = await openCaseSharing(
        ctx.db,
        [row.person_id],
        codes.map((c) => c.ppks),
        row.id,
      );
      return clash
        ? [
            {
              path: ['reopenReason'],
              key: 'case.open_same_ppks',
              params: { person: '', number: clash.number, ppks: clash.ppks },
            },
          ]
        : [];
    }
    default:
      return [];
  }
}

/** One step of the case flow, by name. */
export async function transitionCase(
  ctx: Ctx,
  input: ParsedInput<'cases.transition'>,
): Promise<void> {
  const { id, version, step, note, ...values } = input;
  const cal = await loadCalendar(ctx.db, ctx.now);
  const settings = await loadCaseSettings(ctx.db);
  const nextReview = addCalendarDays(cal.today, settings.review_days);
  const columns = (row: Row): ChangedValues<'cases'> => {
    switch (step) {
      case 'approve_assessment':
      case 'approve_closure':
        return { return_comment: null };
      case 'return_assessment':
        return { assessment_submitted_at: null };
      case 'return_plan':
        return { plan_submitted_at: null };
      case 'approve_plan':
        return { return_comment: null, review_due: nextReview };
      case 'complete_review':
        return { review_due: nextReview };
      case 'request_closure':
        return { closure_from: row.state };
      case 'return_closure':
        return {
          state: row.closure_from ?? 'in_service',
          closure_from: null,
          closure_reason: null,
          closure_requested_at: null,
        };
      case 'reopen':
        return {
          closed_at: null,
          closure_reason: null,
          closure_summary: null,
          closure_requested_at: null,
          closure_from: null,
          assessment_submitted_at: null,
          assessment_approved_at: null,
          plan_submitted_at: null,
          plan_approved_at: null,
          review_due: null,
          return_comment: null,
          assessment_due: addWorkingDays(cal.today, settings.assessment_days, cal.holidays),
        };
      default:
        return {};
    }
  };
  await applyTransition(ctx, caseWorkflow, {
    id,
    version,
    step,
    values,
    note: note ?? values.comment ?? values.reopenReason ?? null,
    check: (row) => stepChecks(ctx, step, row),
    columns,
  });
}

/** Gives the case to another caseworker and/or supervisor (supervisors and admins). */
export async function reassignCase(ctx: Ctx, input: ParsedInput<'cases.reassign'>): Promise<void> {
  const worker = await ctx.db
    .selectFrom('users')
    .select('full_name')
    .where('id', '=', input.caseworkerId)
    .executeTakeFirst();
  await applyTransition(ctx, caseWorkflow, {
    id: input.id,
    version: input.version,
    step: 'reassign',
    note: input.note,
    check: async (row) => {
      const issues: FieldIssue[] = [];
      if (!(await holdsRole(ctx.db, input.caseworkerId, CASEWORKER_ROLES)))
        issues.push({ path: ['caseworkerId'], key: 'case.caseworker_invalid' });
      if (input.supervisorId && !(await holdsRole(ctx.db, input.supervisorId, SUPERVISOR_ROLES)))
        issues.push({ path: ['supervisorId'], key: 'case.supervisor_invalid' });
      if (input.caseworkerId === row.caseworker_id && input.supervisorId === row.supervisor_id)
        issues.push({ path: ['caseworkerId'], key: 'case.caseworker_unchanged' });
      return issues;
    },
    columns: () => ({ caseworker_id: input.caseworkerId, supervisor_id: input.supervisorId }),
    event: { party: worker?.full_name ?? null },
  });
}
