/** The letter timeline: letter_events rows in the shared timeline shape. */
import type { Selectable } from 'kysely';
import { BLANK_EVENT, type TimelineEvent } from '../../../shared/contract/timeline';
import { letterFlow } from '../../../shared/workflow/letters';
import { stepInto } from '../../../shared/workflow/engine';
import type { LetterEventsTable } from '../db/tables/letters';
import { eventStamp, statusColumns, timelineBase, type EventWriter } from '../workflow/events';

export const writeLetterEvent: EventWriter = async (ctx, letterId, e) => {
  await ctx.db
    .insertInto('letter_events')
    .values({
      ...eventStamp(ctx, e),
      ...statusColumns(e),
      letter_id: letterId,
      kind: e.kind,
    })
    .execute();
};

export function letterTimelineEvent(
  e: Selectable<LetterEventsTable> & { user_name: string | null },
): TimelineEvent {
  const kind = e.kind as TimelineEvent['kind'];
  return {
    ...BLANK_EVENT,
    ...timelineBase(e),
    kind,
    action:
      kind === 'transition' && e.from_status && e.to_status
        ? (stepInto(letterFlow, e.from_status as never, e.to_status as never) ?? null)
        : null,
    fromState: e.from_status,
    toState: e.to_status,
  };
}
