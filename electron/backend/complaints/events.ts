/**
 * The complaint timeline: complaint_events rows written from, and read back into, the timeline
 * shape every record type shares (shared/contract/timeline.ts).
 */
import type { Selectable } from 'kysely';
import type { TimelineEvent } from '../../../shared/contract/timeline';
import { complaintFlow } from '../../../shared/workflow/complaints';
import { stepInto } from '../../../shared/workflow/engine';
import type { ComplaintEventsTable } from '../db/tables/complaints';
import { eventStamp, statusColumns, timelineBase, type EventWriter } from '../workflow/events';

/** The table's name for a transition, kept from before the shared shape. */
const STATUS_KIND = 'status';

export const writeComplaintEvent: EventWriter = async (ctx, complaintId, e) => {
  await ctx.db
    .insertInto('complaint_events')
    .values({
      ...eventStamp(ctx, e),
      ...statusColumns(e),
      complaint_id: complaintId,
      kind: e.kind === 'transition' ? STATUS_KIND : e.kind,
      // A transition's step follows from its two states; a logged action keeps its type.
      action_type: e.kind === 'action' ? (e.action ?? null) : null,
      agency: e.party ?? null,
    })
    .execute();
};

type EventRow = Selectable<ComplaintEventsTable> & { user_name: string | null };

export function complaintTimelineEvent(e: EventRow): TimelineEvent {
  const kind = e.kind === STATUS_KIND ? 'transition' : (e.kind as TimelineEvent['kind']);
  const from = e.from_status;
  const to = e.to_status;
  return {
    ...timelineBase(e),
    kind,
    action:
      kind === 'transition' && from && to
        ? (stepInto(complaintFlow, from, to) ?? null)
        : kind === 'assign'
          ? 'assign'
          : e.action_type,
    fromState: from,
    toState: to,
    party: e.agency,
    details: {},
  };
}
