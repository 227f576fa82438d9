/**
 * Timeline events as every record type writes them (shared/contract/timeline.ts). Each record
 * type keeps its events in its own table and supplies the writer that maps this shape onto it.
 */
import type { TimelineEvent } from '../../../shared/contract/timeline';
import type { Ctx } from '../dispatch/context';
import { uuidv7 } from '../lib/ids';

/** What a handler says happened; the writer adds the id, who, and when (unless `at` is given). */
export type NewEvent = Pick<TimelineEvent, 'kind'> &
  Partial<Pick<TimelineEvent, 'at' | 'action' | 'fromState' | 'toState' | 'party' | 'note'>>;

/** Appends one event to a record's timeline, inside the caller's transaction. */
export type EventWriter = (ctx: Ctx, recordId: string, event: NewEvent) => Promise<void>;

/** The columns every event table stamps the same way: id, when, note, who, written at. */
export function eventStamp(ctx: Ctx, e: NewEvent) {
  return {
    id: uuidv7(ctx.now.getTime()),
    at: e.at ?? ctx.nowIso,
    note: e.note ?? null,
    user_id: ctx.user?.id ?? null,
    created_at: ctx.nowIso,
  };
}

/** An event's states in tables whose columns say `status` (complaints, findings, letters). */
export function statusColumns(e: NewEvent) {
  return { from_status: e.fromState ?? null, to_status: e.toState ?? null };
}

/** A stored event row as read back with its author's name. */
type StoredEvent = {
  id: string;
  at: string;
  note: string | null;
  user_id: string | null;
  user_name: string | null;
};

/** The timeline fields every event table reads back the same way. */
export function timelineBase(e: StoredEvent) {
  return {
    id: e.id,
    at: e.at,
    note: e.note,
    by: e.user_id ? { id: e.user_id, fullName: e.user_name ?? '' } : null,
  };
}
