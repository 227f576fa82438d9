/** The finding timeline: finding_events rows in the shared timeline shape. */
import type { Selectable } from 'kysely';
import type { TimelineEvent } from '../../../shared/contract/timeline';
import type { FindingEventsTable } from '../db/tables/kelurahan';
import { eventStamp, statusColumns, timelineBase, type EventWriter } from '../workflow/events';

export const writeFindingEvent: EventWriter = async (ctx, findingId, e) => {
  await ctx.db
    .insertInto('finding_events')
    .values({
      ...eventStamp(ctx, e),
      ...statusColumns(e),
      finding_id: findingId,
      kind: e.kind,
      action: e.action ?? null,
      party: e.party ?? null,
    })
    .execute();
};

export function findingTimelineEvent(
  e: Selectable<FindingEventsTable> & { user_name: string | null },
): TimelineEvent {
  return {
    ...timelineBase(e),
    kind: e.kind,
    action: e.action,
    fromState: e.from_status,
    toState: e.to_status,
    party: e.party,
    details: {},
  };
}
