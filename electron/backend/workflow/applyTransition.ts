/**
 * The one function that takes a workflow step (shared/workflow): it loads the record for change,
 * refuses what the description does not allow, then sets the new state, the stamped columns and
 * the step's fields, bumps the version, writes the timeline event and the audit entry — all in
 * the caller's transaction. Every refusal happens before anything is written.
 */
import type { Selectable } from 'kysely';
import type { FieldIssue } from '../../../shared/errors';
import { refusal, stepInto, type Actor } from '../../../shared/workflow/engine';
import type { WorkflowDef } from '../../../shared/workflow/types';
import type { DB } from '../db/schema';
import {
  loadForChange,
  updateVersioned,
  type AuditOptions,
  type ChangedValues,
  type TrackedTable,
} from '../db/tracked';
import type { Ctx } from '../dispatch/context';
import { AppError, fieldErrors } from '../errors';
import type { EventWriter, NewEvent } from './events';

type Row<T extends TrackedTable> = Selectable<DB[T]>;

/** Where a record type keeps what its workflow needs. */
export interface WorkflowBinding<
  T extends TrackedTable,
  S extends string,
  A extends string,
  F extends string,
> {
  flow: WorkflowDef<S, A, F>;
  table: T;
  /** The column holding the record's state. */
  stateColumn: keyof Row<T> & string;
  /** The column naming the assigned user, for steps allowed to the assignee only. */
  assigneeColumn?: keyof Row<T> & string;
  writeEvent: EventWriter;
  /** Which columns enter the audit diff (derived helper columns left out). */
  auditView?: AuditOptions['view'];
  /** Columns that follow from the row as the step leaves it (the next deadline). */
  derive?: (after: Row<T>) => ChangedValues<T>;
}

/** Binds a workflow description to its table, keeping its names as literal types. */
export function bindWorkflow<
  T extends TrackedTable,
  S extends string,
  A extends string,
  F extends string,
>(binding: WorkflowBinding<T, S, A, F>): WorkflowBinding<T, S, A, F> {
  return binding;
}

export interface StepRequest<
  T extends TrackedTable,
  S extends string,
  A extends string,
  F extends string,
> {
  id: string;
  /** The version the caller saw; left out for a step that only appends (a log entry). */
  version?: number;
  /** The step by name, or by the state it leads to from the record's current state. */
  step: A | { to: S };
  /** The step's fields, by their names in the description. */
  values?: Partial<Record<F, unknown>>;
  /** Kept on the event and the audit entry. */
  note?: string | null;
  /** The record type's own checks of this call, reported with the missing fields. */
  check?: (row: Row<T>) => FieldIssue[] | Promise<FieldIssue[]>;
  /** Further columns the step sets, beyond the state, the stamps and the fields. */
  columns?: (row: Row<T>) => ChangedValues<T>;
  /** What the event says beyond its kind, states and note. */
  event?: Pick<NewEvent, 'at' | 'action' | 'party' | 'note'>;
  /** Extra fields of the audit diff (what was logged). */
  auditExtra?: Record<string, [unknown, unknown]>;
}

/**
 * Takes one step. Refusals, in order: NOT_FOUND; a stale `version` (CONFLICT); a step not
 * allowed from the current state (CONFLICT naming the state); an actor the step does not allow
 * (FORBIDDEN); missing fields and the record type's checks (VALIDATION, all at once).
 * A step that changes no column (a log entry) leaves the row and its version alone, so nobody's
 * open edit goes stale; its event and audit entry are still written.
 * Returns the row as it was before the step, and the step taken.
 */
export async function applyTransition<
  T extends TrackedTable,
  S extends string,
  A extends string,
  F extends string,
>(
  ctx: Ctx,
  binding: WorkflowBinding<T, S, A, F>,
  req: StepRequest<T, S, A, F>,
): Promise<{ before: Row<T>; step: A }> {
  const flow = binding.flow;
  const before = await loadForChange(ctx.db, binding.table, req.id as never, req.version);
  const row = before as Record<string, unknown>;
  const state = row[binding.stateColumn] as S;
  const action = typeof req.step === 'string' ? req.step : stepInto(flow, state, req.step.to);
  const actor: Actor = {
    roles: ctx.user?.roles ?? [],
    isAssignee:
      !!ctx.user && !!binding.assigneeColumn && row[binding.assigneeColumn] === ctx.user.id,
  };
  const values: Partial<Record<F, unknown>> = req.values ?? {};

  const refused = refusal(flow, state, action, actor, values);
  if (refused && refused.code !== 'VALIDATION')
    throw new AppError(refused.code, refused.key, refused.params);
  const issues = [...(refused?.issues ?? []), ...((await req.check?.(before)) ?? [])];
  if (issues.length > 0) throw fieldErrors(issues);

  const step = flow.steps[action!];
  const set: Record<string, unknown> = {};
  if (step.to !== undefined && step.to !== state) set[binding.stateColumn] = step.to;
  for (const column of step.stamps ?? []) set[column] = ctx.nowIso;
  for (const field of step.requires ?? []) set[flow.fields[field].column] = values[field];
  Object.assign(set, req.columns?.(before));

  if (Object.keys(set).length > 0) {
    Object.assign(set, binding.derive?.({ ...before, ...set } as Row<T>));
    await updateVersioned(ctx, binding.table, before, set as ChangedValues<T>, {
      recordType: flow.recordType,
      ...(binding.auditView ? { view: binding.auditView } : {}),
      ...(req.auditExtra ? { extra: req.auditExtra } : {}),
      ...(req.note ? { note: req.note } : {}),
    });
  } else {
    ctx.audit({
      recordType: flow.recordType,
      recordId: req.id,
      changes: req.auditExtra ?? {},
      ...(req.note ? { note: req.note } : {}),
    });
  }
  await binding.writeEvent(ctx, req.id, {
    kind: step.event,
    action: action!,
    fromState: step.to !== undefined ? state : null,
    toState: step.to ?? null,
    note: req.note ?? null,
    ...req.event,
  });
  return { before, step: action! };
}
