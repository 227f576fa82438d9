/**
 * The complaint flow (SP4N-LAPOR!): received → verified → in follow-up → done, or rejected at
 * verification, or forwarded as not the office's authority until it is done. Closing in any of
 * the three ways needs the answer given to the reporter and how it reached them.
 */
import { z } from 'zod';
import { optionalLongText } from '../contract/schemas';
import { ANSWER_CHANNELS, type ComplaintStatus } from '../reference/complaints';
import { finalStates, isFinal, openStates } from './engine';
import { defineWorkflow, type Allow, type StepOf } from './types';

/** What the steps ask for, as the contract's `complaints.transition` accepts it. */
export const complaintStepFields = {
  /** Rejected: why. */
  reason: optionalLongText(1000),
  /** Forwarded: to whom (agency, office). */
  forwardedTo: optionalLongText(300),
  /** Done, rejected, forwarded: the answer given to the reporter and how. */
  finalAnswer: optionalLongText(4000),
  answerChannel: z
    .enum(ANSWER_CHANNELS)
    .nullish()
    .transform((v) => v ?? null),
};

const OFFICERS: readonly Allow[] = [{ permission: 'complaints.write' }];
const OPEN = ['received', 'verified', 'in_follow_up'] as const;
const CLOSING = ['finalAnswer', 'answerChannel'] as const;

export const complaintFlow = defineWorkflow({
  recordType: 'complaint',
  states: {
    received: { label: 'complaint.status.received' },
    verified: { label: 'complaint.status.verified' },
    in_follow_up: { label: 'complaint.status.in_follow_up' },
    done: { label: 'complaint.status.done', final: true },
    rejected: { label: 'complaint.status.rejected', final: true },
    forwarded: { label: 'complaint.status.forwarded', final: true },
  },
  initial: 'received',
  fields: {
    reason: {
      label: 'complaint.rejectionReason',
      missing: 'complaint.reason_required',
      schema: complaintStepFields.reason,
      input: { kind: 'longText', minRows: 2 },
      column: 'rejection_reason',
    },
    forwardedTo: {
      label: 'complaint.forwardedTo',
      help: 'complaint.forwardedTo.help',
      missing: 'complaint.forwarded_to_required',
      schema: complaintStepFields.forwardedTo,
      input: { kind: 'text' },
      column: 'forwarded_to',
    },
    finalAnswer: {
      label: 'complaint.finalAnswer',
      help: 'complaint.finalAnswer.help',
      missing: 'complaint.final_answer_required',
      schema: complaintStepFields.finalAnswer,
      input: { kind: 'longText', minRows: 3 },
      column: 'final_answer',
    },
    answerChannel: {
      label: 'complaint.answerChannel',
      missing: 'complaint.answer_channel_required',
      schema: complaintStepFields.answerChannel,
      input: {
        kind: 'choice',
        options: ANSWER_CHANNELS,
        optionLabel: (v) => `complaint.answerChannel.${v as (typeof ANSWER_CHANNELS)[number]}`,
      },
      column: 'answer_channel',
    },
  },
  steps: {
    // Verification within 3 working days: the complaint is true and worth following up.
    verify: {
      label: 'complaint.step.verified',
      help: 'complaint.step.verified.help',
      from: ['received'],
      to: 'verified',
      allow: OFFICERS,
      stamps: ['verified_at'],
      event: 'transition',
      emphasis: 'primary',
    },
    follow_up: {
      label: 'complaint.step.in_follow_up',
      help: 'complaint.step.in_follow_up.help',
      from: ['verified'],
      to: 'in_follow_up',
      allow: OFFICERS,
      stamps: ['follow_up_at'],
      event: 'transition',
      emphasis: 'primary',
    },
    // Done only after follow-up.
    complete: {
      label: 'complaint.step.done',
      help: 'complaint.step.done.help',
      from: ['in_follow_up'],
      to: 'done',
      allow: OFFICERS,
      requires: CLOSING,
      stamps: ['closed_at'],
      event: 'transition',
      emphasis: 'primary',
    },
    // Rejection is decided at verification, never after follow-up started.
    reject: {
      label: 'complaint.step.rejected',
      help: 'complaint.step.rejected.help',
      from: ['received', 'verified'],
      to: 'rejected',
      allow: OFFICERS,
      requires: ['reason', ...CLOSING],
      stamps: ['closed_at'],
      event: 'transition',
      emphasis: 'danger',
    },
    // Not the office's authority: forwarded to the agency in charge, until the complaint is done.
    forward: {
      label: 'complaint.step.forwarded',
      help: 'complaint.step.forwarded.help',
      from: OPEN,
      to: 'forwarded',
      allow: OFFICERS,
      requires: ['forwardedTo', ...CLOSING],
      stamps: ['closed_at'],
      event: 'transition',
      emphasis: 'caution',
    },
    assign: {
      label: 'complaint.assign',
      from: OPEN,
      allow: OFFICERS,
      event: 'assign',
    },
    // Follow-up visits are caseworkers' work too: the caseworker it is assigned to logs them.
    log_action: {
      label: 'complaint.action.log',
      from: OPEN,
      allow: [...OFFICERS, { permission: 'complaints.followUp', assigneeOnly: true }],
      event: 'action',
    },
  },
  assignees: ['complaint_officer', 'caseworker', 'admin'],
  messages: { notAllowed: 'complaint.transition_not_allowed', final: 'complaint.closed_in_state' },
});

export type ComplaintStep = StepOf<typeof complaintFlow>;

/** Closed complaints (done, rejected, forwarded) stay closed. */
export function isClosed(status: ComplaintStatus): boolean {
  return isFinal(complaintFlow, status);
}
export const OPEN_STATUSES = openStates(complaintFlow);
export const CLOSED_STATUSES = finalStates(complaintFlow);
