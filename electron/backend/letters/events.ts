/** The letter timeline: letter_events rows in the shared timeline shape. */
import type { Selectable } from 'kysely';
import { BLANK_EVENT, type TimelineEvent } from '../../../shared/contract/timeline';
import { letterFlow } from '../../../shared/workflow/letters';
import { stepInto } from '../../../shared/workflow/engine';
import type { LetterEventsTable } from '../db/tables/letters';
import { uuidv7 } from '../lib/ids';
import type { EventWriter } from '../workflow/events';

export const writeLetterEvent: EventWriter = async (ctx, letterId, e) => {
  await ctx.db
    .insertInto('letter_events')
    .values({
      id: uuidv7(ctx.now.getTime()),
      letter_id: letterId,
      at: e.at ?? ctx.nowIso,
      kind: e.kind,
      from_status: e.fromState ?? null,
      to_status: e.toState ?? null,
      note: e.note ?? null,
      user_id: ctx.user?.id ?? null,
      created_at: ctx.nowIso,
    })
    .execute();
};

export function letterTimelineEvent(
  e: Selectable<LetterEventsTable> & { user_name: string | null },
): TimelineEvent {
  const kind = e.kind as TimelineEvent['kind'];
  return {
    ...BLANK_EVENT,
    id: e.id,
    at: e.at,
    kind,
    action:
      kind === 'transition' && e.from_status && e.to_status
        ? (stepInto(letterFlow, e.from_status as never, e.to_status as never) ?? null)
        : null,
    fromState: e.from_status,
    toState: e.to_status,
    note: e.note,
    by: e.user_id ? { id: e.user_id, fullName: e.user_name ?? '' } : null,
  };
}
