/** The case timeline: case_events rows in the shared timeline shape (shared/contract/timeline.ts). */
import type { Selectable } from 'kysely';
import type { TimelineEvent } from '../../../shared/contract/timeline';
import type { CaseEventsTable } from '../db/tables/cases';
import { eventStamp, timelineBase, type EventWriter } from '../workflow/events';

export const writeCaseEvent: EventWriter = async (ctx, caseId, e) => {
  await ctx.db
    .insertInto('case_events')
    .values({
      ...eventStamp(ctx, e),
      case_id: caseId,
      kind: e.kind,
      action: e.action ?? null,
      from_state: e.fromState ?? null,
      to_state: e.toState ?? null,
      party: e.party ?? null,
    })
    .execute();
};

export function caseTimelineEvent(
  e: Selectable<CaseEventsTable> & { user_name: string | null },
): TimelineEvent {
  return {
    ...timelineBase(e),
    kind: e.kind,
    action: e.action,
    fromState: e.from_state,
    toState: e.to_state,
    party: e.party,
    details: {},
  };
}
