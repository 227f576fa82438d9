/**
 * PPKS case files: opened → assessment (submitted, waiting for a supervisor) → plan → in service
 * ⇄ review → closure requested → closed, and reopened with a reason. Caseworkers take the steps
 * on cases assigned to them; supervisors (and admins) approve or return assessments, plans and
 * closures and may take any step. Referrals have their own small flow (sent → accepted /
 * rejected → done / withdrawn), taken by whoever may edit the referral's case.
 */
import { z } from 'zod';
import { optionalLongText } from '../contract/schemas';
import {
  CLOSURE_REASONS,
  REFERRAL_FAILURES,
  REFERRAL_OUTCOMES,
  type CaseState,
} from '../reference/cases';
import { defineWorkflow, type Allow, type StepOf } from './types';

/** The assigned caseworker, or a supervisor/admin: who may work on a case. */
export const CASE_EDITORS: readonly Allow[] = [
  { permission: 'cases.write', assigneeOnly: true },
  { permission: 'cases.approve' },
];
/** Supervisors and admins: approvals, returns and reassignment. */
const APPROVERS: readonly Allow[] = [{ permission: 'cases.approve' }];

/** What the steps ask for, as `cases.transition` accepts it. */
export const caseStepFields = {
  /** A supervisor's reason for sending an assessment, plan or closure back. */
  comment: optionalLongText(2000),
  closureReason: z
    .enum(CLOSURE_REASONS)
    .nullish()
    .transform((v) => v ?? null),
  closureSummary: optionalLongText(4000),
  reopenReason: optionalLongText(1000),
};

const OPEN = ['opened', 'assessment', 'plan', 'in_service', 'review', 'closure_requested'] as const;

export const caseFlow = defineWorkflow({
  recordType: 'case',
  states: {
    opened: { label: 'case.state.opened' },
    assessment: { label: 'case.state.assessment' },
    plan: { label: 'case.state.plan' },
    in_service: { label: 'case.state.in_service' },
    review: { label: 'case.state.review' },
    closure_requested: { label: 'case.state.closure_requested' },
    // Not final: a closed case can be reopened with a reason.
    closed: { label: 'case.state.closed' },
  },
  initial: 'opened',
  fields: {
    comment: {
      label: 'case.returnComment',
      missing: 'case.comment_required',
      schema: caseStepFields.comment,
      input: { kind: 'longText', minRows: 3 },
      column: 'return_comment',
    },
    closureReason: {
      label: 'case.closureReason',
      missing: 'case.closure_reason_required',
      schema: caseStepFields.closureReason,
      input: {
        kind: 'choice',
        options: CLOSURE_REASONS,
        optionLabel: (v) => `case.closureReason.${v as (typeof CLOSURE_REASONS)[number]}`,
      },
      column: 'closure_reason',
    },
    closureSummary: {
      label: 'case.closureSummary',
      missing: 'case.closure_summary_required',
      schema: caseStepFields.closureSummary,
      input: { kind: 'longText', minRows: 3 },
      column: 'closure_summary',
    },
    reopenReason: {
      label: 'case.reopenReason',
      missing: 'case.reopen_reason_required',
      schema: caseStepFields.reopenReason,
      input: { kind: 'longText', minRows: 2 },
      column: 'reopen_reason',
    },
  },
  steps: {
    submit_assessment: {
      label: 'case.step.submit_assessment',
      help: 'case.step.submit_assessment.help',
      from: ['opened'],
      to: 'assessment',
      allow: CASE_EDITORS,
      stamps: ['assessment_submitted_at'],
      event: 'transition',
      emphasis: 'primary',
    },
    approve_assessment: {
      label: 'case.step.approve_assessment',
      from: ['assessment'],
      to: 'plan',
      allow: APPROVERS,
      stamps: ['assessment_approved_at'],
      event: 'transition',
      emphasis: 'primary',
    },
    return_assessment: {
      label: 'case.step.return_assessment',
      help: 'case.step.return.help',
      from: ['assessment'],
      to: 'opened',
      allow: APPROVERS,
      requires: ['comment'],
      event: 'transition',
      emphasis: 'caution',
    },
    // The plan is drafted in the `plan` state; submitting it stamps it for the supervisor.
    submit_plan: {
      label: 'case.step.submit_plan',
      help: 'case.step.submit_plan.help',
      from: ['plan'],
      allow: CASE_EDITORS,
      stamps: ['plan_submitted_at'],
      event: 'transition',
      emphasis: 'primary',
    },
    approve_plan: {
      label: 'case.step.approve_plan',
      from: ['plan'],
      to: 'in_service',
      allow: APPROVERS,
      stamps: ['plan_approved_at'],
      event: 'transition',
      emphasis: 'primary',
    },
    return_plan: {
      label: 'case.step.return_plan',
      help: 'case.step.return.help',
      from: ['plan'],
      allow: APPROVERS,
      requires: ['comment'],
      event: 'transition',
      emphasis: 'caution',
    },
    start_review: {
      label: 'case.step.start_review',
      from: ['in_service'],
      to: 'review',
      allow: CASE_EDITORS,
      event: 'transition',
    },
    complete_review: {
      label: 'case.step.complete_review',
      help: 'case.step.complete_review.help',
      from: ['review'],
      to: 'in_service',
      allow: CASE_EDITORS,
      stamps: ['last_review_at'],
      event: 'transition',
      emphasis: 'primary',
    },
    // A case may end before its plan (the person died, refused, moved away).
    request_closure: {
      label: 'case.step.request_closure',
      help: 'case.step.request_closure.help',
      from: ['opened', 'plan', 'in_service', 'review'],
      to: 'closure_requested',
      allow: CASE_EDITORS,
      requires: ['closureReason', 'closureSummary'],
      stamps: ['closure_requested_at'],
      event: 'transition',
      emphasis: 'danger',
    },
    approve_closure: {
      label: 'case.step.approve_closure',
      from: ['closure_requested'],
      to: 'closed',
      allow: APPROVERS,
      stamps: ['closed_at'],
      event: 'transition',
      emphasis: 'primary',
    },
    // Back to the state the closure was requested from (handlers set it from closure_from).
    return_closure: {
      label: 'case.step.return_closure',
      help: 'case.step.return.help',
      from: ['closure_requested'],
      allow: APPROVERS,
      requires: ['comment'],
      event: 'transition',
      emphasis: 'caution',
    },
    // A reopened case starts over with a new assessment: the situation has changed.
    reopen: {
      label: 'case.step.reopen',
      help: 'case.step.reopen.help',
      from: ['closed'],
      to: 'opened',
      allow: CASE_EDITORS,
      requires: ['reopenReason'],
      event: 'transition',
      emphasis: 'caution',
    },
    reassign: {
      label: 'case.reassign',
      from: OPEN,
      allow: APPROVERS,
      event: 'assign',
    },
  },
  assignees: ['caseworker', 'supervisor', 'admin'],
  messages: { notAllowed: 'case.transition_not_allowed', final: 'case.transition_not_allowed' },
});

export type CaseStep = StepOf<typeof caseFlow>;
/** Steps the case page offers as buttons (reassignment has its own dialog). */
export const CASE_BUTTON_STEPS = (Object.keys(caseFlow.steps) as CaseStep[]).filter(
  (s) => s !== 'reassign',
);
/** Every state but `closed`: the case is still being worked on. */
export const OPEN_CASE_STATES: readonly CaseState[] = OPEN;

/** What referral steps ask for. */
export const referralStepFields = {
  outcome: z
    .enum(REFERRAL_OUTCOMES)
    .nullish()
    .transform((v) => v ?? null),
  failureReason: z
    .enum(REFERRAL_FAILURES)
    .nullish()
    .transform((v) => v ?? null),
  responseNote: optionalLongText(2000),
};

/** Editing rights come from the referral's case (checked before the step), so `cases.write`. */
const REFERRERS: readonly Allow[] = [
  { permission: 'cases.write' },
  { permission: 'cases.approve' },
];

export const referralFlow = defineWorkflow({
  recordType: 'case_referral',
  states: {
    sent: { label: 'referral.state.sent' },
    accepted: { label: 'referral.state.accepted' },
    rejected: { label: 'referral.state.rejected', final: true },
    done: { label: 'referral.state.done', final: true },
    withdrawn: { label: 'referral.state.withdrawn', final: true },
  },
  initial: 'sent',
  fields: {
    outcome: {
      label: 'referral.outcome',
      missing: 'referral.outcome_required',
      schema: referralStepFields.outcome,
      input: {
        kind: 'choice',
        options: REFERRAL_OUTCOMES,
        optionLabel: (v) => `referral.outcome.${v as (typeof REFERRAL_OUTCOMES)[number]}`,
      },
      column: 'outcome',
    },
    responseNote: {
      label: 'referral.responseNote',
      missing: 'referral.response_note_required',
      schema: referralStepFields.responseNote,
      input: { kind: 'longText', minRows: 2 },
      column: 'response_note',
    },
  },
  steps: {
    accept: {
      label: 'referral.step.accept',
      from: ['sent'],
      to: 'accepted',
      allow: REFERRERS,
      stamps: ['responded_at'],
      event: 'transition',
      emphasis: 'primary',
    },
    reject: {
      label: 'referral.step.reject',
      from: ['sent'],
      to: 'rejected',
      allow: REFERRERS,
      requires: ['responseNote'],
      stamps: ['responded_at', 'ended_at'],
      event: 'transition',
      emphasis: 'danger',
    },
    complete: {
      label: 'referral.step.complete',
      from: ['accepted'],
      to: 'done',
      allow: REFERRERS,
      requires: ['outcome'],
      stamps: ['ended_at'],
      event: 'transition',
      emphasis: 'primary',
    },
    withdraw: {
      label: 'referral.step.withdraw',
      from: ['sent', 'accepted'],
      to: 'withdrawn',
      allow: REFERRERS,
      requires: ['responseNote'],
      stamps: ['ended_at'],
      event: 'transition',
      emphasis: 'caution',
    },
  },
  messages: {
    notAllowed: 'referral.transition_not_allowed',
    final: 'referral.closed_in_state',
  },
});
export type ReferralStep = StepOf<typeof referralFlow>;
