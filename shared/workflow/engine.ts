/**
 * Reading a workflow description: which steps leave a state, who may take them, what they still
 * need. Pure, so the backend's checks and the renderer's offered buttons are the same code.
 */
import type { FieldIssue, MessageParams } from '../errors';
import type { MessageKey } from '../i18n';
import { canAccess, type Role } from '../roles';
import type { StepDef, WorkflowDef } from './types';

/** Who is asking: their roles, and whether the record is assigned to them. */
export interface Actor {
  roles: readonly Role[];
  isAssignee: boolean;
}

type Flow = WorkflowDef<string, string, string>;

export function isFinal<S extends string>(flow: WorkflowDef<S, string, string>, state: S): boolean {
  return flow.states[state]?.final === true;
}

/** States where the flow ends, or where it is still under way, in the order they are declared. */
export function finalStates<S extends string>(flow: WorkflowDef<S, string, string>): S[] {
  return (Object.keys(flow.states) as S[]).filter((s) => isFinal(flow, s));
}
export function openStates<S extends string>(flow: WorkflowDef<S, string, string>): S[] {
  return (Object.keys(flow.states) as S[]).filter((s) => !isFinal(flow, s));
}

/** Steps that may start from `state`, in the order they are declared. */
export function stepsFrom<S extends string, A extends string>(
  flow: WorkflowDef<S, A, string>,
  state: S,
): A[] {
  return (Object.keys(flow.steps) as A[]).filter((a) => flow.steps[a].from.includes(state));
}

/** The step that leads from `from` to `to`, if the flow has one. */
export function stepInto<S extends string, A extends string>(
  flow: WorkflowDef<S, A, string>,
  from: S,
  to: S,
): A | undefined {
  return stepsFrom(flow, from).find((a) => flow.steps[a].to === to);
}

/** Whether `actor` may take the step (on this record), whatever the record's state. */
export function mayTake(stepDef: Pick<StepDef, 'allow'>, actor: Actor): boolean {
  return stepDef.allow.some(
    (a) => canAccess(a.permission, actor.roles) && (!a.assigneeOnly || actor.isAssignee),
  );
}

/** The steps to offer: allowed from the state and to this actor. */
export function offeredSteps<S extends string, A extends string>(
  flow: WorkflowDef<S, A, string>,
  state: S,
  actor: Actor,
): A[] {
  return stepsFrom(flow, state).filter((a) => mayTake(flow.steps[a], actor));
}

/**
 * The role a record's assignee is named by (Petugas pengaduan, Pekerja sosial): the first of the
 * flow's assignee roles the user holds. Null: the user may no longer be assigned.
 */
export function assigneeRole(
  flow: Pick<WorkflowDef, 'assignees'>,
  roles: readonly Role[],
): Role | null {
  return flow.assignees?.find((r) => roles.includes(r)) ?? null;
}

/** A required field counts as missing when null, undefined or blank. */
function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** The step's required fields left empty, as issues at their input paths. */
export function missingFields<A extends string, F extends string>(
  flow: WorkflowDef<string, A, F>,
  action: A,
  values: Partial<Record<F, unknown>>,
): FieldIssue[] {
  return (flow.steps[action].requires ?? [])
    .filter((f) => isEmpty(values[f]))
    .map((f) => ({ path: [f], key: flow.fields[f].missing }));
}

export interface Refusal {
  code: 'CONFLICT' | 'FORBIDDEN' | 'VALIDATION';
  key: MessageKey;
  params?: MessageParams;
  issues?: FieldIssue[];
}

/**
 * Why a step cannot be taken now, checked in this order: the record's state (CONFLICT naming it),
 * the actor (FORBIDDEN), the required fields (VALIDATION, all at once). Null: it can.
 * `action` undefined means no step of the flow leads where the caller asked.
 */
export function refusal<S extends string, A extends string, F extends string>(
  flow: WorkflowDef<S, A, F>,
  state: S,
  action: A | undefined,
  actor: Actor,
  values: Partial<Record<F, unknown>>,
): Refusal | null {
  const f = flow as unknown as Flow;
  if (action === undefined || !f.steps[action]?.from.includes(state)) {
    return {
      code: 'CONFLICT',
      key: isFinal(flow, state) ? flow.messages.final : flow.messages.notAllowed,
      params: { stateKey: flow.states[state]?.label ?? state },
    };
  }
  if (!mayTake(flow.steps[action], actor)) return { code: 'FORBIDDEN', key: 'error.forbidden' };
  const issues = missingFields(flow, action, values);
  if (issues.length > 0) return { code: 'VALIDATION', key: 'error.validation', issues };
  return null;
}
