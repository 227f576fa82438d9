/**
 * Correcting a case's opening details (cases.update): in which states, which fields changed (the
 * timeline names them), and that a new supervisor comes only from someone who may reassign.
 */
import type { Selectable } from 'kysely';
import {
  OPENING_EDIT_STATES,
  OPENING_FIELDS,
  type OpeningField,
} from '../../../shared/reference/cases';
import { canAccess } from '../../../shared/roles';
import type { SessionUser } from '../auth/sessions';
import type { CasesTable } from '../db/tables/cases';
import { AppError, fieldError } from '../errors';

type Row = Selectable<CasesTable>;

export interface OpeningValues {
  ppks: readonly string[];
  origin: string;
  originDetail: string | null;
  complaintId: string | null;
  stayId: string | null;
  originRegionCode: string | null;
  locationRegionCode: string | null;
  locationAddress: string | null;
  supervisorId: string | null;
}

/** The case's opening details as the form names them. */
export function openingOf(row: Row, ppks: readonly string[]): OpeningValues {
  return {
    ppks,
    origin: row.origin,
    originDetail: row.origin_detail,
    complaintId: row.complaint_id,
    stayId: row.stay_id,
    originRegionCode: row.origin_region_code,
    locationRegionCode: row.location_region_code,
    locationAddress: row.location_address,
    supervisorId: row.supervisor_id,
  };
}

/** Refuses a correction in a state that no longer allows one (closure waiting, closed). */
export function requireOpeningEditable(row: Row): void {
  if (!(OPENING_EDIT_STATES as readonly string[]).includes(row.state))
    throw new AppError(
      'CONFLICT',
      row.state === 'closed' ? 'case.closed' : 'case.not_editable_state',
      { stateKey: `case.state.${row.state}` },
    );
}

/** The fields whose value differs, in the form's order (categories compared in order). */
export function changedOpeningFields(before: OpeningValues, after: OpeningValues): OpeningField[] {
  return OPENING_FIELDS.filter((f) =>
    f === 'ppks' ? before.ppks.join() !== after.ppks.join() : before[f] !== after[f],
  );
}

/** A caseworker corrects the details but changes the supervisor only through reassignment. */
export function checkSupervisorChange(
  changed: readonly OpeningField[],
  user: Pick<SessionUser, 'roles'>,
): void {
  if (changed.includes('supervisorId') && !canAccess('cases.approve', user.roles))
    throw fieldError(['supervisorId'], 'case.supervisor_via_reassign');
}
