/** The finding timeline: finding_events rows in the shared timeline shape. */
import type { Selectable } from 'kysely';
import type { TimelineEvent } from '../../../shared/contract/timeline';
import type { FindingEventsTable } from '../db/tables/kelurahan';
import { uuidv7 } from '../lib/ids';
import type { EventWriter } from '../workflow/events';

export const writeFindingEvent: EventWriter = async (ctx, findingId, e) => {
  await ctx.db
    .insertInto('finding_events')
    .values({
      id: uuidv7(ctx.now.getTime()),
      finding_id: findingId,
      at: e.at ?? ctx.nowIso,
      kind: e.kind,
      action: e.action ?? null,
      from_status: e.fromState ?? null,
      to_status: e.toState ?? null,
      party: e.party ?? null,
      note: e.note ?? null,
      user_id: ctx.user?.id ?? null,
      created_at: ctx.nowIso,
    })
    .execute();
};

export function findingTimelineEvent(
  e: Selectable<FindingEventsTable> & { user_name: string | null },
): TimelineEvent {
  return {
    id: e.id,
    at: e.at,
    kind: e.kind,
    action: e.action,
    fromState: e.from_status,
    toState: e.to_status,
    party: e.party,
    note: e.note,
    by: e.user_id ? { id: e.user_id, fullName: e.user_name ?? '' } : null,
    details: {},
  };
}
