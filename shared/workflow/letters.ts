/**
 * The letter flow: a caseworker's draft is submitted, then issued by a supervisor (Kepala
 * Seksi/Bidang) or sent back; issuing gives the number and seals the text. An issued letter is
 * never edited: a mistake is voided with its reason (the number stays in the register) and
 * corrected by a new letter that refers to it. A draft no one wants is voided the same way.
 */
import { optionalLongText } from '../contract/schemas';
import type { LetterStatus } from '../reference/letters';
import { isFinal } from './engine';
import { defineWorkflow, type Allow, type StepOf } from './types';

export const letterStepFields = {
  /** Voided: why. */
  voidReason: optionalLongText(500),
};

const WRITERS: readonly Allow[] = [{ permission: 'letters.write' }];
const ISSUERS: readonly Allow[] = [{ permission: 'letters.issue' }];

export const letterFlow = defineWorkflow({
  recordType: 'letter',
  states: {
    draft: { label: 'letter.status.draft' },
    submitted: { label: 'letter.status.submitted' },
    issued: { label: 'letter.status.issued' },
    voided: { label: 'letter.status.voided', final: true },
  },
  initial: 'draft',
  fields: {
    voidReason: {
      label: 'letter.voidReason',
      missing: 'letter.void_reason_required',
      schema: letterStepFields.voidReason,
      input: { kind: 'longText', minRows: 2 },
      column: 'void_reason',
    },
  },
  steps: {
    submit: {
      label: 'letter.step.submit',
      help: 'letter.step.submit.help',
      from: ['draft'],
      to: 'submitted',
      allow: WRITERS,
      stamps: ['submitted_at'],
      event: 'transition',
      emphasis: 'primary',
    },
    send_back: {
      label: 'letter.step.send_back',
      help: 'letter.step.send_back.help',
      from: ['submitted'],
      to: 'draft',
      allow: ISSUERS,
      event: 'transition',
      emphasis: 'caution',
    },
    // Issuing takes the number from the register in the same transaction (letters/issue.ts).
    issue: {
      label: 'letter.step.issue',
      help: 'letter.step.issue.help',
      from: ['submitted'],
      to: 'issued',
      allow: ISSUERS,
      stamps: ['issued_at'],
      event: 'transition',
      emphasis: 'primary',
    },
    void: {
      label: 'letter.step.void',
      help: 'letter.step.void.help',
      from: ['draft', 'submitted', 'issued'],
      to: 'voided',
      allow: ISSUERS,
      requires: ['voidReason'],
      stamps: ['voided_at'],
      event: 'transition',
      emphasis: 'danger',
    },
  },
  messages: { notAllowed: 'letter.transition_not_allowed', final: 'letter.closed_in_state' },
});

export type LetterStep = StepOf<typeof letterFlow>;

/** A draft's text may change; from submission on it is what will be (or was) issued. */
export function isEditable(status: LetterStatus): boolean {
  return status === 'draft';
}
export function isVoided(status: LetterStatus): boolean {
  return isFinal(letterFlow, status);
}
