/**
 * A complaint a check-in comes from (`?complaint=<id>`), read through complaints.forCheckin:
 * what the check-in needs (person, PPKS hints, what was found, the referral) and no reporter
 * details, so shelter staff can use it without reading complaints otherwise.
 */
import type { Output } from '../../../../shared/contract';
import { call } from '../../api/rpc';

export type ComplaintBrief = Output<'complaints.forCheckin'>;

export function loadComplaint(id: string): Promise<ComplaintBrief> {
  return call('complaints.forCheckin', { id });
}
