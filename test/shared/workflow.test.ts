/**
 * Workflow descriptions: the engine reads any record type's flow the same way (a referral flow
 * here, as the next domains will describe theirs), and the complaint flow is SP4N-LAPOR!'s.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { translate } from '../../shared/i18n';
import { COMPLAINT_STATUSES } from '../../shared/reference/complaints';
import type { Role } from '../../shared/roles';
import {
  CLOSED_STATUSES,
  complaintFlow,
  isClosed,
  OPEN_STATUSES,
} from '../../shared/workflow/complaints';
import {
  assigneeRole,
  missingFields,
  offeredSteps,
  refusal,
  stepInto,
  stepsFrom,
} from '../../shared/workflow/engine';
import { defineWorkflow } from '../../shared/workflow/types';

/**
 * A referral (Primero's states): sent → accepted or rejected by the receiver; an accepted one
 * is done, or withdrawn by the sender. Labels borrow existing keys; only the shape matters.
 */
const referralFlow = defineWorkflow({
  recordType: 'referral',
  states: {
    sent: { label: 'complaint.status.received' },
    accepted: { label: 'complaint.status.verified' },
    rejected: { label: 'complaint.status.rejected', final: true },
    done: { label: 'complaint.status.done', final: true },
    withdrawn: { label: 'complaint.status.forwarded', final: true },
  },
  initial: 'sent',
  fields: {
    reason: {
      label: 'complaint.rejectionReason',
      missing: 'complaint.reason_required',
      schema: z.string().nullable(),
      input: { kind: 'longText', minRows: 2 },
      column: 'rejection_reason',
    },
  },
  steps: {
    accept: {
      label: 'complaint.step.verified',
      from: ['sent'],
      to: 'accepted',
      allow: [{ permission: 'shelter.write' }],
      stamps: ['accepted_at'],
      event: 'transition',
    },
    reject: {
      label: 'complaint.step.rejected',
      from: ['sent'],
      to: 'rejected',
      allow: [{ permission: 'shelter.write' }],
      requires: ['reason'],
      event: 'transition',
    },
    complete: {
      label: 'complaint.step.done',
      from: ['accepted'],
      to: 'done',
      // The caseworker who owns the referral, or a manager.
      allow: [{ permission: 'persons.merge' }, { permission: 'persons.write', assigneeOnly: true }],
      event: 'transition',
    },
    withdraw: {
      label: 'complaint.step.forwarded',
      from: ['sent', 'accepted'],
      to: 'withdrawn',
      allow: [{ permission: 'persons.write', assigneeOnly: true }],
      requires: ['reason'],
      event: 'transition',
    },
    note: {
      label: 'complaint.action.log',
      from: ['sent', 'accepted'],
      allow: [{ permission: 'persons.read' }],
      event: 'action',
    },
  },
  assignees: ['caseworker'],
  messages: { notAllowed: 'complaint.transition_not_allowed', final: 'complaint.closed_in_state' },
});

const as = (roles: Role[], isAssignee = false) => ({ roles, isAssignee });

describe('the workflow engine, on a referral flow', () => {
  it('lists the steps leaving a state and finds a step by its target', () => {
    expect(stepsFrom(referralFlow, 'sent')).toEqual(['accept', 'reject', 'withdraw', 'note']);
    expect(stepsFrom(referralFlow, 'done')).toEqual([]);
    expect(stepInto(referralFlow, 'accepted', 'done')).toBe('complete');
    expect(stepInto(referralFlow, 'sent', 'done')).toBeUndefined();
  });

  it('offers each user only the steps their roles, and their assignment, allow', () => {
    expect(offeredSteps(referralFlow, 'sent', as(['shelter_staff']))).toEqual([
      'accept',
      'reject',
      'note',
    ]);
    expect(offeredSteps(referralFlow, 'accepted', as(['caseworker']))).toEqual(['note']);
    expect(offeredSteps(referralFlow, 'accepted', as(['caseworker'], true))).toEqual([
      'complete',
      'withdraw',
      'note',
    ]);
    expect(offeredSteps(referralFlow, 'accepted', as(['admin']))).toEqual(['complete', 'note']);
    expect(offeredSteps(referralFlow, 'accepted', as(['viewer']))).toEqual(['note']);
  });

  it('refuses by state first (naming it), then by actor, then by missing fields', () => {
    expect(refusal(referralFlow, 'accepted', 'reject', as(['admin']), {})).toEqual({
      code: 'CONFLICT',
      key: 'complaint.transition_not_allowed',
      params: { stateKey: 'complaint.status.verified' },
    });
    expect(refusal(referralFlow, 'done', 'note', as(['admin']), {})).toMatchObject({
      code: 'CONFLICT',
      key: 'complaint.closed_in_state',
    });
    expect(refusal(referralFlow, 'sent', undefined, as(['admin']), {})?.code).toBe('CONFLICT');
    expect(refusal(referralFlow, 'sent', 'withdraw', as(['caseworker']), {})).toEqual({
      code: 'FORBIDDEN',
      key: 'error.forbidden',
    });
    expect(refusal(referralFlow, 'sent', 'withdraw', as(['caseworker'], true), {})).toEqual({
      code: 'VALIDATION',
      key: 'error.validation',
      issues: [{ path: ['reason'], key: 'complaint.reason_required' }],
    });
    expect(
      refusal(referralFlow, 'sent', 'withdraw', as(['caseworker'], true), { reason: 'Pindah' }),
    ).toBeNull();
  });

  it('counts null, undefined and blank text as missing', () => {
    for (const reason of [null, undefined, '', '   '])
      expect(missingFields(referralFlow, 'reject', { reason })).toHaveLength(1);
    expect(missingFields(referralFlow, 'reject', { reason: 'x' })).toEqual([]);
  });

  it('names an assignee by the first of the flow’s assignee roles they hold', () => {
    expect(assigneeRole(complaintFlow, ['caseworker', 'complaint_officer'])).toBe(
      'complaint_officer',
    );
    expect(assigneeRole(complaintFlow, ['viewer', 'caseworker'])).toBe('caseworker');
    expect(assigneeRole(complaintFlow, ['shelter_staff'])).toBeNull();
    expect(assigneeRole(referralFlow, ['admin'])).toBeNull();
  });

  it('translates a state named in a refusal into each language', () => {
    const r = refusal(complaintFlow, 'done', 'verify', as(['complaint_officer']), {})!;
    expect(translate('id', r.key, r.params)).toBe(
      'Pengaduan ini sudah ditutup (Selesai) dan tidak dapat diubah lagi.',
    );
    expect(translate('en', r.key, r.params)).toBe(
      'This complaint is closed (Done) and can no longer be changed.',
    );
    // A plain param wins over a key, and a param that is not a message key stays as it is.
    expect(translate('en', 'complaint.closed_in_state', { state: 'x', stateKey: 'y' })).toContain(
      '(x)',
    );
    expect(translate('en', 'complaint.closed_in_state', { stateKey: 'no.such' })).toContain(
      '({state})',
    );
  });
});

describe('the complaint flow', () => {
  it('has exactly the complaint statuses; done, rejected and forwarded are final', () => {
    expect(Object.keys(complaintFlow.states).sort()).toEqual([...COMPLAINT_STATUSES].sort());
    expect(OPEN_STATUSES).toEqual(['received', 'verified', 'in_follow_up']);
    expect(CLOSED_STATUSES).toEqual(['done', 'rejected', 'forwarded']);
    expect(isClosed('forwarded')).toBe(true);
    expect(isClosed('verified')).toBe(false);
  });

  it('moves as SP4N-LAPOR! says: verify, follow up, then done; reject at verification; forward until done', () => {
    const moves = Object.fromEntries(
      COMPLAINT_STATUSES.map((s) => [
        s,
        stepsFrom(complaintFlow, s)
          .map((a) => complaintFlow.steps[a].to)
          .filter(Boolean),
      ]),
    );
    expect(moves).toEqual({
      received: ['verified', 'rejected', 'forwarded'],
      verified: ['in_follow_up', 'rejected', 'forwarded'],
      in_follow_up: ['done', 'forwarded'],
      done: [],
      rejected: [],
      forwarded: [],
    });
  });

  it('asks a reason to reject, a destination to forward, and the answer and its channel to close', () => {
    const needs = (a: keyof typeof complaintFlow.steps) => complaintFlow.steps[a].requires ?? [];
    expect(needs('verify')).toEqual([]);
    expect(needs('follow_up')).toEqual([]);
    expect(needs('complete')).toEqual(['finalAnswer', 'answerChannel']);
    expect(needs('reject')).toEqual(['reason', 'finalAnswer', 'answerChannel']);
    expect(needs('forward')).toEqual(['forwardedTo', 'finalAnswer', 'answerChannel']);
  });

  it('lets officers and admins take every step; caseworkers only log on complaints given to them', () => {
    for (const roles of [['complaint_officer'], ['admin']] as Role[][])
      expect(offeredSteps(complaintFlow, 'verified', as(roles))).toEqual([
        'follow_up',
        'reject',
        'forward',
        'assign',
        'log_action',
      ]);
    expect(offeredSteps(complaintFlow, 'verified', as(['caseworker']))).toEqual([]);
    expect(offeredSteps(complaintFlow, 'verified', as(['caseworker'], true))).toEqual([
      'log_action',
    ]);
    expect(offeredSteps(complaintFlow, 'verified', as(['viewer'], true))).toEqual([]);
    expect(offeredSteps(complaintFlow, 'verified', as(['shelter_staff'], true))).toEqual([]);
    expect(offeredSteps(complaintFlow, 'done', as(['admin']))).toEqual([]);
  });
});
