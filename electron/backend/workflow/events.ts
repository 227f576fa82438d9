/**
 * Timeline events as every record type writes them (shared/contract/timeline.ts). Each record
 * type keeps its events in its own table and supplies the writer that maps this shape onto it.
 */
import type { TimelineEvent } from '../../../shared/contract/timeline';
import type { Ctx } from '../dispatch/context';

/** What a handler says happened; the writer adds the id, who, and when (unless `at` is given). */
export type NewEvent = Pick<TimelineEvent, 'kind'> &
  Partial<Pick<TimelineEvent, 'at' | 'action' | 'fromState' | 'toState' | 'party' | 'note'>>;

/** Appends one event to a record's timeline, inside the caller's transaction. */
export type EventWriter = (ctx: Ctx, recordId: string, event: NewEvent) => Promise<void>;
