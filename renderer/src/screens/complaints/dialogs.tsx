/** The dialogs of a complaint: a status step, assignment, and a follow-up action. */
import { Button, SegmentedControl, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { type Input } from '../../../../shared/contract';
import type { Complaint } from '../../../../shared/contract/complaints';
import { ACTION_TYPES, type ActionType } from '../../../../shared/reference/complaints';
import {
  complaintFlow,
  complaintStepFields,
  type ComplaintStep,
} from '../../../../shared/workflow/complaints';
import { isoToZonedTime, zonedTimeToIso } from '../../../../shared/time';
import { call, callChecked } from '../../api/rpc';
import { stepColor, StepField, StepFields, StepHelp } from '../../components/StepField';
import { DateTimeField } from '../../components/DateField';
import { FormActions, FormFrame } from '../../components/FormModal';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { useDialogForm } from '../../lib/form';
import { useQuery } from '../../lib/useQuery';
import { useMe } from '../../session/SessionProvider';
import { AssigneeSelect } from './Assignee';

interface DialogProps {
  complaint: Complaint;
  onDone: (c: Complaint) => void;
  onCancel: () => void;
  onReload: () => void;
}

type StepField = keyof typeof complaintStepFields;
type StepValues = Record<StepField, string | null> & { note: string };

/** A status step: asks for exactly the fields the workflow says the step requires. */
export function TransitionDialog(props: DialogProps & { step: ComplaintStep }) {
  const { complaint, step, onCancel } = props;
  const t = useT();
  const def = complaintFlow.steps[step];
  const fields = def.requires ?? [];
  const form = useDialogForm<StepValues, Complaint>(
    { note: '', reason: '', forwardedTo: '', finalAnswer: '', answerChannel: null },
    props,
    {
      submit: (v) =>
        callChecked('complaints.transition', {
          id: complaint.id,
          version: complaint.version,
          to: def.to!,
          note: v.note ?? '',
          ...(Object.fromEntries(fields.map((f) => [f, v[f]])) as Partial<
            Pick<Input<'complaints.transition'>, StepField>
          >),
        }),
    },
  );
  return (
    <FormFrame form={form}>
      <StepHelp def={def} />
      <StepFields names={fields} defs={complaintFlow.fields} form={form} />
      <Textarea
        label={t('complaint.stepNote')}
        description={t('complaint.stepNote.help')}
        data-autofocus={fields.length === 0 || undefined}
        {...form.text('note')}
      />
      <FormActions
        busy={form.busy}
        onCancel={onCancel}
        submitLabel={t(def.label)}
        submitProps={{ color: stepColor(def.emphasis), 'data-testid': 'transition-confirm' }}
      />
    </FormFrame>
  );
}

export function AssignDialog(props: DialogProps) {
  const { complaint, onCancel } = props;
  const t = useT();
  const me = useMe();
  const officers = useQuery('complaint-officers', () => call('complaints.officers', {}));
  const form = useDialogForm({ assigneeId: complaint.assignee?.id ?? null, note: '' }, props, {
    submit: (v) =>
      callChecked('complaints.assign', {
        id: complaint.id,
        version: complaint.version,
        assigneeId: v.assigneeId,
        note: v.note,
      }),
  });

  return (
    <FormFrame form={form}>
      <AssigneeSelect
        officers={officers.data?.officers}
        {...form.field('assigneeId')}
        // Focused on opening, but closed: the list would cover "assign to me".
        openOnFocus={false}
        data-autofocus
        data-testid="assign-select"
      />
      <Textarea label={t('complaint.stepNote')} {...form.text('note')} />
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

export function ActionDialog(props: DialogProps) {
  const { complaint, onCancel } = props;
  const t = useT();
  const fmt = useFormat();
  const [opened] = useState(() => isoToZonedTime(new Date(), fmt.timeZone));
  const form = useDialogForm(
    { type: 'call' as ActionType, at: opened, agency: '', outcome: '' },
    props,
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
          {...form.field('at')}
        />
        {v.type === 'coordination' && (
          <TextInput label={t('complaint.action.agency')} required {...form.text('agency')} />
        )}
      </SimpleGrid>
      <Textarea
        label={t('complaint.action.outcome')}
        required
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
