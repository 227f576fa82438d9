/**
 * One shape for the timeline of every record type (complaints now; stays, case files, letters
 * and referrals next): what happened, when, by whom, and between which workflow states.
 */
import { z } from 'zod';
import { id, isoDateTime } from './schemas';

export const TIMELINE_KINDS = [
  /** The record was made. */
  'created',
  /** A workflow step from one state to another. */
  'transition',
  /** Given to someone (or taken back). */
  'assign',
  /** Something done for the record: a call, a visit, a coordination. */
  'action',
  /** Its details were corrected. */
  'edit',
  /** A paper copy was printed. */
  'print',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const timelineEvent = z.object({
  id,
  at: isoDateTime,
  kind: z.enum(TIMELINE_KINDS),
  /** The workflow step of a transition, or what kind of action was logged (`visit`, `call`). */
  action: z.string().nullable(),
  /** States of the record's workflow, around a transition (`toState` alone when created). */
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  /** The other party: the person assigned, the agency coordinated with. */
  party: z.string().nullable(),
  note: z.string().nullable(),
  by: z.object({ id, fullName: z.string() }).nullable(),
  /** Facts particular to the record type, shown beside the event. */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type TimelineEvent = z.infer<typeof timelineEvent>;

/** The optional parts of an event, empty: spread first, then set what the event has. */
export const BLANK_EVENT = {
  action: null,
  fromState: null,
  toState: null,
  party: null,
  note: null,
  by: null,
  details: {},
} satisfies Partial<TimelineEvent>;
