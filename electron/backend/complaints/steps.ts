/**
 * The complaint's workflow steps through applyTransition: status changes, assignment and the
 * follow-up log (shared/workflow/complaints.ts says who may take which, from where).
 */
import type { ParsedInput } from '../../../shared/contract';
import type { FieldIssue } from '../../../shared/errors';
import { complaintFlow } from '../../../shared/workflow/complaints';
import type { Ctx } from '../dispatch/context';
import { applyTransition, bindWorkflow } from '../workflow/applyTransition';
import { assigneeName, isAssignable } from './assignees';
import { nextDeadline } from './deadlines';
import { writeComplaintEvent } from './events';
import { CLOCK_SKEW_MS } from './intake';

export const complaintWorkflow = bindWorkflow({
  flow: complaintFlow,
  table: 'complaints',
  stateColumn: 'status',
  assigneeColumn: 'assigned_to',
  writeEvent: writeComplaintEvent,
  // The next deadline follows from the other columns: not a change of its own in the audit.
  auditView: ({ next_due: _due, next_stage: _stage, ...rest }) => rest,
  derive: (after) => nextDeadline(after),
});

/** One status step, named by the status it leads to. */
export async function transitionComplaint(
  ctx: Ctx,
  input: ParsedInput<'complaints.transition'>,
): Promise<void> {
  const { id, version, to, note, ...values } = input;
  await applyTransition(ctx, complaintWorkflow, { id, version, step: { to }, values, note });
}

/** Gives the complaint to a complaint officer, caseworker or admin, or takes it back (null). */
export async function assignComplaint(
  ctx: Ctx,
  input: ParsedInput<'complaints.assign'>,
): Promise<void> {
  const { assigneeId } = input;
  await applyTransition(ctx, complaintWorkflow, {
    id: input.id,
    version: input.version,
    step: 'assign',
    note: input.note,
    check: async (row): Promise<FieldIssue[]> => {
      if (assigneeId === row.assigned_to)
        return [{ path: ['assigneeId'], key: 'complaint.assignee_unchanged' }];
      if (assigneeId && !(await isAssignable(ctx.db, assigneeId)))
        return [{ path: ['assigneeId'], key: 'complaint.assignee_invalid' }];
      return [];
    },
    columns: () => ({ assigned_to: assigneeId }),
    event: { party: assigneeId ? await assigneeName(ctx.db, assigneeId) : null },
  });
}

/** Appends to the follow-up log; the first answer to the reporter meets the answer deadline. */
export async function logComplaintAction(
  ctx: Ctx,
  input: ParsedInput<'complaints.logAction'>,
): Promise<void> {
  const at = input.at ? new Date(input.at).toISOString() : ctx.nowIso;
  const logged: Record<string, [unknown, unknown]> = {
    action: [null, input.type],
    outcome: [null, input.outcome],
  };
  if (input.agency) logged.agency = [null, input.agency];
  await applyTransition(ctx, complaintWorkflow, {
    id: input.id,
    step: 'log_action',
    check: (row) => {
      const issues: FieldIssue[] = [];
      if (new Date(at).getTime() > ctx.now.getTime() + CLOCK_SKEW_MS)
        issues.push({ path: ['at'], key: 'complaint.action_future' });
      else if (at < row.received_at)
        issues.push({ path: ['at'], key: 'complaint.action_before_receipt' });
      if (input.type === 'coordination' && !input.agency)
        issues.push({ path: ['agency'], key: 'complaint.agency_required' });
      return issues;
    },
    columns: (row) =>
      input.type === 'answer' && (!row.first_answer_at || at < row.first_answer_at)
        ? { first_answer_at: at }
        : {},
    event: { at, action: input.type, party: input.agency, note: input.outcome },
    auditExtra: logged,
  });
}
