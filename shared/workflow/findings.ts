/**
 * The finding flow at the city: received → triaged → acted on (the person checked in to the
 * shelter, a complaint linked, referred elsewhere), or closed as needing no action, with the
 * reason. Each way of acting is one step leading to `acted_on` with the record it points at; a
 * PPKS case opened from a finding becomes one more such step once case files land.
 */
import { optionalLongText, optionalText } from '../contract/schemas';
import { z } from 'zod';
import { defineWorkflow, type Allow, type StepOf } from './types';

const ref = z
  .string()
  .regex(/^[0-9a-f-]{36}$/i, { error: 'validation.invalid_format' })
  .nullish()
  .transform((v) => v ?? null);

/** What the steps ask for, as `findings.transition` accepts it. */
export const findingStepFields = {
  triageNote: optionalLongText(1000),
  stayId: ref,
  complaintId: ref,
  referredTo: optionalText(300),
  closeReason: optionalLongText(1000),
};

const TRIAGERS: readonly Allow[] = [{ permission: 'findings.triage' }];

export const findingFlow = defineWorkflow({
  recordType: 'finding',
  states: {
    received: { label: 'finding.status.received' },
    triaged: { label: 'finding.status.triaged' },
    acted_on: { label: 'finding.status.acted_on', final: true },
    closed: { label: 'finding.status.closed', final: true },
  },
  initial: 'received',
  fields: {
    triageNote: {
      label: 'finding.triageNote',
      help: 'finding.triageNote.help',
      missing: 'finding.triage_note_required',
      schema: findingStepFields.triageNote,
      input: { kind: 'longText', minRows: 2 },
      column: 'triage_note',
    },
    stayId: {
      label: 'finding.stay',
      missing: 'finding.stay_required',
      schema: findingStepFields.stayId,
      input: { kind: 'text' },
      column: 'stay_id',
    },
    complaintId: {
      label: 'finding.complaint',
      missing: 'finding.complaint_required',
      schema: findingStepFields.complaintId,
      input: { kind: 'text' },
      column: 'complaint_id',
    },
    referredTo: {
      label: 'finding.referredTo',
      missing: 'finding.referred_to_required',
      schema: findingStepFields.referredTo,
      input: { kind: 'text' },
      column: 'referred_to',
    },
    closeReason: {
      label: 'finding.closeReason',
      missing: 'finding.close_reason_required',
      schema: findingStepFields.closeReason,
      input: { kind: 'longText', minRows: 2 },
      column: 'close_reason',
    },
  },
  steps: {
    triage: {
      label: 'finding.step.triage',
      help: 'finding.step.triage.help',
      from: ['received'],
      to: 'triaged',
      allow: TRIAGERS,
      requires: ['triageNote'],
      stamps: ['triaged_at'],
      event: 'transition',
      emphasis: 'primary',
    },
    check_in: {
      label: 'finding.step.check_in',
      help: 'finding.step.check_in.help',
      from: ['triaged'],
      to: 'acted_on',
      allow: TRIAGERS,
      requires: ['stayId'],
      stamps: ['acted_at'],
      event: 'transition',
      emphasis: 'primary',
    },
    link_complaint: {
      label: 'finding.step.link_complaint',
      help: 'finding.step.link_complaint.help',
      from: ['triaged'],
      to: 'acted_on',
      allow: TRIAGERS,
      requires: ['complaintId'],
      stamps: ['acted_at'],
      event: 'transition',
    },
    refer: {
      label: 'finding.step.refer',
      help: 'finding.step.refer.help',
      from: ['triaged'],
      to: 'acted_on',
      allow: TRIAGERS,
      requires: ['referredTo'],
      stamps: ['acted_at'],
      event: 'transition',
    },
    close: {
      label: 'finding.step.close',
      help: 'finding.step.close.help',
      from: ['received', 'triaged'],
      to: 'closed',
      allow: TRIAGERS,
      requires: ['closeReason'],
      stamps: ['acted_at'],
      event: 'transition',
      emphasis: 'caution',
    },
  },
  messages: { notAllowed: 'finding.transition_not_allowed', final: 'finding.closed_in_state' },
});

export type FindingStep = StepOf<typeof findingFlow>;
export const FINDING_STEPS = Object.keys(findingFlow.steps) as [FindingStep, ...FindingStep[]];

/** The outcome each acting step records. */
export const STEP_OUTCOME = {
  check_in: 'shelter_checkin',
  link_complaint: 'complaint_linked',
  refer: 'referred',
  close: 'no_action',
} as const satisfies Partial<Record<FindingStep, string>>;
