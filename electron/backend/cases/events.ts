/** The case timeline: case_events rows in the shared timeline shape (shared/contract/timeline.ts). */
import type { Selectable } from 'kysely';
import type { TimelineEvent } from '../../../shared/contract/timeline';
import type { CaseEventsTable } from '../db/tables/cases';
import { uuidv7 } from '../lib/ids';
import type { EventWriter } from '../workflow/events';

export const writeCaseEvent: EventWriter = async (ctx, caseId, e) => {
  await ctx.db
    .insertInto('case_events')
    .values({
      id: uuidv7(ctx.now.getTime()),
      case_id: caseId,
      at: e.at ?? ctx.nowIso,
      kind: e.kind,
      action: e.action ?? null,
      from_state: e.fromState ?? null,
      to_state: e.toState ?? null,
      party: e.party ?? null,
      note: e.note ?? null,
      user_id: ctx.user?.id ?? null,
      created_at: ctx.nowIso,
    })
    .execute();
};

export function caseTimelineEvent(
  e: Selectable<CaseEventsTable> & { user_name: string | null },
): TimelineEvent {
  return {
    id: e.id,
    at: e.at,
    kind: e.kind,
    action: e.action,
    fromState: e.from_state,
    toState: e.to_state,
    party: e.party,
    note: e.note,
    by: e.user_id ? { id: e.user_id, fullName: e.user_name ?? '' } : null,
    details: {},
  };
}
