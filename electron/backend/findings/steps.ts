/**
 * The finding's workflow steps through applyTransition (shared/workflow/findings.ts). An acting
 * step points at the record that shows what was done: the person's stay, a complaint.
 */
import type { ParsedInput } from '../../../shared/contract';
import type { FieldIssue } from '../../../shared/errors';
import { findingFlow, STEP_OUTCOME } from '../../../shared/workflow/findings';
import type { Ctx } from '../dispatch/context';
import { applyTransition, bindWorkflow } from '../workflow/applyTransition';
import { writeFindingEvent } from './events';

export const findingWorkflow = bindWorkflow({
  flow: findingFlow,
  table: 'findings',
  stateColumn: 'status',
  writeEvent: writeFindingEvent,
});

export async function transitionFinding(
  ctx: Ctx,
  input: ParsedInput<'findings.transition'>,
): Promise<void> {
  const { id, version, step, note, ...values } = input;
  await applyTransition(ctx, findingWorkflow, {
    id,
    version,
    step,
    values,
    note,
    check: async (row) => {
      const issues: FieldIssue[] = [];
      if (step === 'check_in' && values.stayId) {
        // The stay must be the found person's: link the person first.
        const stay = await ctx.db
          .selectFrom('stays')
          .select(['person_id'])
          .where('id', '=', values.stayId)
          .executeTakeFirst();
        if (!row.person_id) issues.push({ path: ['stayId'], key: 'finding.person_required' });
        else if (!stay || stay.person_id !== row.person_id)
          issues.push({ path: ['stayId'], key: 'finding.stay_not_person' });
      }
      if (step === 'link_complaint' && values.complaintId) {
        const found = await ctx.db
          .selectFrom('complaints')
          .select('id')
          .where('id', '=', values.complaintId)
          .executeTakeFirst();
        if (!found) issues.push({ path: ['complaintId'], key: 'finding.complaint_not_found' });
      }
      return issues;
    },
    columns: () =>
      step in STEP_OUTCOME ? { outcome: STEP_OUTCOME[step as keyof typeof STEP_OUTCOME] } : {},
    event: values.referredTo ? { party: values.referredTo } : {},
  });
}
