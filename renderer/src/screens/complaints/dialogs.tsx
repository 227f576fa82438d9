/** The dialogs of a complaint: a status step, assignment, and a follow-up action. */
import {
  Button,
  SegmentedControl,
  Select,
  SimpleGrid,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { Complaint } from '../../../../shared/contract/complaints';
import {
  ACTION_TYPES,
  ANSWER_CHANNELS,
  isClosed,
  type ActionType,
  type AnswerChannel,
  type ComplaintStatus,
} from '../../../../shared/reference/complaints';
import { isoToZonedTime, zonedTimeToIso } from '../../../../shared/workdays';
import { call, callChecked } from '../../api/rpc';
import { DateTimeField } from '../../components/DateField';
import { FormActions, FormFrame } from '../../components/FormModal';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { useForm } from '../../lib/form';
import { useQuery } from '../../lib/useQuery';
import { useMe } from '../../session/SessionProvider';

interface DialogProps {
  complaint: Complaint;
  onDone: (c: Complaint) => void;
  onCancel: () => void;
  onReload: () => void;
}

export const STEP_LABEL: Record<ComplaintStatus, string> = {
  received: 'complaint.step.received',
  verified: 'complaint.step.verified',
  in_follow_up: 'complaint.step.in_follow_up',
  done: 'complaint.step.done',
  rejected: 'complaint.step.rejected',
  forwarded: 'complaint.step.forwarded',
};

export function TransitionDialog({
  complaint,
  to,
  onDone,
  onCancel,
  onReload,
}: DialogProps & { to: ComplaintStatus }) {
  const t = useT();
  const closing = isClosed(to);
  const form = useForm(
    {
      note: '',
      reason: '',
      forwardedTo: '',
      finalAnswer: '',
      answerChannel: null as AnswerChannel | null,
    },
    {
      submit: (v) =>
        callChecked('complaints.transition', {
          id: complaint.id,
          version: complaint.version,
          to,
          note: v.note,
          ...(to === 'rejected' ? { reason: v.reason } : {}),
          ...(to === 'forwarded' ? { forwardedTo: v.forwardedTo } : {}),
          ...(closing ? { finalAnswer: v.finalAnswer, answerChannel: v.answerChannel } : {}),
        }),
      success: false,
      onSaved: onDone,
      onReload,
    },
  );
  const v = form.values;

  return (
    <FormFrame form={form}>
      <Text size="sm" c="dimmed">
        {t(`complaint.step.${to}.help` as 'complaint.step.verified.help')}
      </Text>
      {to === 'rejected' && (
        <Textarea
          label={t('complaint.rejectionReason')}
          required
          autosize
          minRows={2}
          data-autofocus
          {...form.text('reason')}
        />
      )}
      {to === 'forwarded' && (
        <TextInput
          label={t('complaint.forwardedTo')}
          description={t('complaint.forwardedTo.help')}
          required
          data-autofocus
          {...form.text('forwardedTo')}
        />
      )}
      {closing && (
        <>
          <Textarea
            label={t('complaint.finalAnswer')}
            description={t('complaint.finalAnswer.help')}
            required
            autosize
            minRows={3}
            data-autofocus={to === 'done' || undefined}
            {...form.text('finalAnswer')}
          />
          <Select
            label={t('complaint.answerChannel')}
            required
            data={ANSWER_CHANNELS.map((c) => ({
              value: c,
              label: t(`complaint.answerChannel.${c}`),
            }))}
            value={v.answerChannel}
            onChange={(c) => form.set('answerChannel', c as AnswerChannel | null)}
            error={form.errorText('answerChannel')}
          />
        </>
      )}
      <Textarea
        label={t('complaint.stepNote')}
        description={t('complaint.stepNote.help')}
        autosize
        minRows={2}
        data-autofocus={!closing || undefined}
        {...form.text('note')}
      />
      <FormActions
        busy={form.busy}
        onCancel={onCancel}
        submitLabel={t(STEP_LABEL[to] as 'complaint.step.verified')}
        submitProps={{
          color: to === 'rejected' ? 'red' : to === 'forwarded' ? 'orange' : undefined,
          'data-testid': 'transition-confirm',
        }}
      />
    </FormFrame>
  );
}

export function AssignDialog({ complaint, onDone, onCancel, onReload }: DialogProps) {
  const t = useT();
  const me = useMe();
  const officers = useQuery('complaint-officers', () => call('complaints.officers', {}));
  const form = useForm(
    { assigneeId: complaint.assignee?.id ?? null, note: '' },
    {
      submit: (v) =>
        callChecked('complaints.assign', {
          id: complaint.id,
          version: complaint.version,
          assigneeId: v.assigneeId,
          note: v.note,
        }),
      success: false,
      onSaved: onDone,
      onReload,
    },
  );

  return (
    <FormFrame form={form}>
      <Select
        label={t('complaint.assignee')}
        placeholder={t('complaint.unassigned')}
        data={(officers.data?.officers ?? []).map((o) => ({
          value: o.id,
          label: o.id === me.id ? `${o.fullName} (${t('user.you')})` : o.fullName,
        }))}
        value={form.values.assigneeId}
        onChange={(a) => form.set('assigneeId', a)}
        error={form.errorText('assigneeId')}
        searchable
        clearable
        data-autofocus
        data-testid="assign-select"
      />
      <Textarea label={t('complaint.stepNote')} autosize minRows={2} {...form.text('note')} />
      <FormActions
        busy={form.busy}
        onCancel={onCancel}
        submitLabel={t('complaint.assign')}
        submitProps={{ 'data-testid': 'assign-confirm' }}
        extra={
          <Button
            variant="subtle"
            onClick={() => form.set('assigneeId', me.id)}
            disabled={!officers.data?.officers.some((o) => o.id === me.id)}
          >
            {t('complaint.assign.me')}
          </Button>
        }
      />
    </FormFrame>
  );
}

export function ActionDialog({ complaint, onDone, onCancel, onReload }: DialogProps) {
  const t = useT();
  const fmt = useFormat();
  const [opened] = useState(() => isoToZonedTime(new Date(), fmt.timeZone));
  const form = useForm(
    { type: 'call' as ActionType, at: opened, agency: '', outcome: '' },
    {
      check: (v) =>
        v.at !== opened && zonedTimeToIso(v.at, fmt.timeZone) === null
          ? [{ path: ['at'], key: 'date.invalidTime' }]
          : [],
      submit: (v) => {
        // Left as it was: "now", to the second, so the log stays in the order things happened.
        const at = v.at === opened ? undefined : zonedTimeToIso(v.at, fmt.timeZone);
        return callChecked('complaints.logAction', {
          id: complaint.id,
          type: v.type,
          ...(at ? { at } : {}),
          agency: v.type === 'coordination' ? v.agency : null,
          outcome: v.outcome,
        });
      },
      success: false,
      onSaved: onDone,
      onReload,
    },
  );
  const v = form.values;

  return (
    <FormFrame form={form}>
      <div>
        <Text size="sm" fw={500} mb={4}>
          {t('complaint.action.type')}
        </Text>
        <SegmentedControl
          fullWidth
          data={ACTION_TYPES.map((a) => ({ value: a, label: t(`complaint.actionShort.${a}`) }))}
          value={v.type}
          onChange={(a) => form.set('type', a as ActionType)}
          data-testid="action-type"
        />
        {v.type === 'answer' && (
          <Text size="xs" c="dimmed" mt={4}>
            {t('complaint.action.answerHelp')}
          </Text>
        )}
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateTimeField
          label={t('complaint.action.at')}
          description={fmt.zone}
          required
          value={form.values.at}
          onChange={(at) => form.set('at', at)}
          error={form.errorText('at')}
        />
        {v.type === 'coordination' && (
          <TextInput label={t('complaint.action.agency')} required {...form.text('agency')} />
        )}
      </SimpleGrid>
      <Textarea
        label={t('complaint.action.outcome')}
        required
        autosize
        minRows={3}
        data-autofocus
        {...form.text('outcome')}
      />
      <FormActions
        busy={form.busy}
        onCancel={onCancel}
        submitLabel={t('complaint.action.log')}
        submitProps={{ 'data-testid': 'action-confirm' }}
      />
    </FormFrame>
  );
}
