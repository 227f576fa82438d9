/**
 * A workflow description: the states a record type moves through and the steps between them,
 * with who may take each step, what it asks for, what it stamps and which event it writes.
 * The backend enforces it (electron/backend/workflow/applyTransition.ts); the renderer reads the
 * same description to offer only the steps the user may take and to ask for their fields.
 *
 * A new record type (a PPKS case, a letter, a referral) plugs in by:
 * 1. describing its flow with defineWorkflow in shared/workflow/<domain>.ts (the step fields'
 *    zod schemas are spread into its contract's step method);
 * 2. binding it in the backend with bindWorkflow (table, state column, assignee column, event
 *    writer, derived columns) and calling applyTransition from its handlers;
 * 3. offering offeredSteps(...) as buttons and StepField for each required field in the renderer;
 * 4. mapping its event rows to the shared timeline shape (shared/contract/timeline.ts).
 */
import type { z } from 'zod';
import type { TimelineKind } from '../contract/timeline';
import type { MessageKey } from '../i18n';
import type { Permission, Role } from '../roles';

export interface StateDef {
  label: MessageKey;
  /** A final state ends the flow: no step leaves it and the record is no longer changed. */
  final?: boolean;
}

/**
 * Who may take a step: holders of `permission` (through any of their roles). With
 * `assigneeOnly`, only on a record assigned to them (a caseworker logging a visit on a complaint
 * given to them).
 */
export interface Allow {
  permission: Permission;
  assigneeOnly?: boolean;
}

/** How the renderer asks for a field. */
export type FieldInput =
  | { kind: 'text' }
  | { kind: 'longText'; minRows: number }
  | {
      kind: 'choice';
      options: readonly string[];
      optionLabel: (value: string) => MessageKey;
    };

/** A value a step asks for, and where it is kept. */
export interface FieldDef {
  label: MessageKey;
  help?: MessageKey;
  /** Shown at the field when a step needs it and it was left empty. */
  missing: MessageKey;
  /** The input schema; the contract's step input is built from these. */
  schema: z.ZodType;
  input: FieldInput;
  /** The record's column the value is saved to. */
  column: string;
}

export interface StepDef<S extends string = string, F extends string = string> {
  /** The button, and the dialog's title. */
  label: MessageKey;
  /** What the step means, at the top of its dialog. */
  help?: MessageKey;
  from: readonly S[];
  /** The state after the step; left out, the record stays where it is (assignment, a log entry). */
  to?: S;
  allow: readonly Allow[];
  /** Fields the step needs, in the order they are asked; each must be filled. */
  requires?: readonly F[];
  /** Columns set to the time of the step. */
  stamps?: readonly string[];
  /** The kind of timeline event the step writes. */
  event: TimelineKind;
  /** How the step is offered: the way forward, or an ending other than the usual one. */
  emphasis?: 'primary' | 'danger' | 'caution';
}

export interface WorkflowDef<
  S extends string = string,
  A extends string = string,
  F extends string = string,
> {
  /** The record type in the audit trail, e.g. `complaint`. */
  recordType: string;
  states: Record<S, StateDef>;
  /** The state a new record starts in. */
  initial: S;
  fields: Record<F, FieldDef>;
  steps: Record<A, StepDef<S, F>>;
  /** Roles whose holders may be assigned a record, in the order a holder's role is named. */
  assignees?: readonly Role[];
  /**
   * Refusals naming the current state (`{state}`): a step not allowed from it, and any step on a
   * record in a final state.
   */
  messages: { notAllowed: MessageKey; final: MessageKey };
}

/** Declares a workflow, keeping its state, step and field names as literal types. */
export function defineWorkflow<
  const S extends string,
  const A extends string,
  const F extends string = never,
>(def: WorkflowDef<S, A, F>): WorkflowDef<S, A, F> {
  return def;
}

export type StateOf<W> = W extends WorkflowDef<infer S, string, string> ? S : never;
export type StepOf<W> = W extends WorkflowDef<string, infer A, string> ? A : never;
export type FieldOf<W> = W extends WorkflowDef<string, string, infer F> ? F : never;
