/**
 * A complaint a check-in comes from (`?complaint=<id>`). complaints.get belongs to the complaints
 * screens; it is read loosely here so this screen works whether or not that method exists yet.
 */
import { isMethodName } from '../../../../shared/contract';
import { call } from '../../api/rpc';

export interface ComplaintBrief {
  id: string;
  number: string | null;
  subject: string | null;
  ppks: string[];
  personId: string | null;
  channel: string | null;
  /** The channel's own reference (112 call id, LAPOR! ticket…). */
  channelRef: string | null;
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

export async function loadComplaint(id: string): Promise<ComplaintBrief | null> {
  if (!isMethodName('complaints.get')) return null;
  const loose = call as unknown as (method: string, input: unknown) => Promise<unknown>;
  const c = (await loose('complaints.get', { id })) as Record<string, unknown> | null;
  if (!c || typeof c !== 'object') return null;
  const person = c.person as { id?: unknown } | null | undefined;
  return {
    id,
    number: str(c.number),
    subject: str(c.subject),
    ppks: Array.isArray(c.ppks) ? c.ppks.filter((p): p is string => typeof p === 'string') : [],
    personId: str(c.personId) ?? str(person?.id),
    channel: str(c.channel),
    channelRef: str(c.channelRef),
  };
}
