/**
 * The dialogs of a case: a workflow step, reassignment, a service delivered, a note, consent,
 * a referral and its steps, an attachment and its removal. Each answers with the case file.
 */
import {
  Checkbox,
  FileInput,
  Grid,
  Select,
  SegmentedControl,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { Input } from '../../../../shared/contract';
import type { CaseFile, CaseReferral } from '../../../../shared/contract/cases';
import {
  ATTACHMENT_TYPES,
  NOTE_KINDS,
  REFERRAL_AGENCIES,
  REFERRAL_FAILURES,
  type AttachmentType,
  type NoteKind,
  type ReferralAgency,
  type ReferralFailure,
} from '../../../../shared/reference/cases';
import { zonedTimeToIso } from '../../../../shared/time';
import {
  caseFlow,
  caseStepFields,
  referralFlow,
  referralStepFields,
  type CaseStep,
  type ReferralStep,
} from '../../../../shared/workflow/cases';
import { call, callChecked } from '../../api/rpc';
import { uploadFile } from '../../api/files';
import { DateField, DateTimeField } from '../../components/DateField';
import { FormActions, FormFrame } from '../../components/FormModal';
import { RegionPicker } from '../../components/RegionPicker';
import { stepColor, StepField, StepFields, StepHelp } from '../../components/StepField';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { useDialogForm } from '../../lib/form';
import { useQuery } from '../../lib/useQuery';

export interface DialogProps {
  file: CaseFile;
  onDone: (c: CaseFile) => void;
  onCancel: () => void;
  onReload: () => void;
}

type CaseField = keyof typeof caseStepFields;

/** A step of the case flow: asks for exactly the fields the step requires, and a note. */
export function StepDialog(props: DialogProps & { step: CaseStep }) {
  const { file, step, onCancel } = props;
  const t = useT();
  const def = caseFlow.steps[step];
  const fields = (def.requires ?? []) as CaseField[];
  const form = useDialogForm<Record<CaseField, string | null> & { note: string }, CaseFile>(
    { note: '', comment: '', closureReason: null, closureSummary: '', reopenReason: '' },
    props,
    {
      submit: (v) =>
        callChecked('cases.transition', {
          id: file.id,
          version: file.version,
          step: step as Input<'cases.transition'>['step'],
          note: v.note,
          ...(Object.fromEntries(fields.map((f) => [f, v[f]])) as Partial<
            Pick<Input<'cases.transition'>, CaseField>
          >),
        }),
    },
  );
  return (
    <FormFrame form={form}>
      <StepHelp def={def} />
      <StepFields names={fields} defs={caseFlow.fields} form={form} />
      {/* A step's own checks (assessment missing, plan not submitted) land on the step. */}
      {form.errorText('step') && (
        <Text size="sm" c="red">
          {form.errorText('step')}
        </Text>
      )}
      {form.errorText('assessment') && (
        <Text size="sm" c="red">
          {form.errorText('assessment')}
        </Text>
      )}
      {form.errorText('plan') && (
        <Text size="sm" c="red">
          {form.errorText('plan')}
        </Text>
      )}
      <Textarea
        label={t('case.ui.stepNote')}
        data-autofocus={fields.length === 0 || undefined}
        {...form.text('note')}
      />
      <FormActions
        busy={form.busy}
        onCancel={onCancel}
        submitLabel={t(def.label)}
        submitProps={{ color: stepColor(def.emphasis), 'data-testid': 'step-confirm' }}
      />
    </FormFrame>
  );
}

export function ReassignDialog(props: DialogProps) {
  const { file, onCancel } = props;
  const t = useT();
  const staff = useQuery('case-staff', () => call('cases.staff', {}));
  const form = useDialogForm(
    {
      caseworkerId: file.caseworker.id as string | null,
      supervisorId: file.supervisor?.id ?? null,
      note: '',
    },
    props,
    {
      submit: (v) =>
        callChecked('cases.reassign', {
          id: file.id,
          version: file.version,
          caseworkerId: v.caseworkerId ?? '',
          supervisorId: v.supervisorId,
          note: v.note,
        }),
    },
  );
  const people = (list: { id: string; fullName: string }[] | undefined) =>
    (list ?? []).map((u) => ({ value: u.id, label: u.fullName }));
  return (
    <FormFrame form={form}>
      <Select
        label={t('case.ui.caseworker')}
        data={people(staff.data?.caseworkers)}
        {...form.field('caseworkerId')}
        searchable
        required
        data-autofocus
      />
      <Select
        label={t('case.ui.supervisor')}
        data={people(staff.data?.supervisors)}
        {...form.field('supervisorId')}
        searchable
        clearable
      />
      <Textarea label={t('case.ui.stepNote')} {...form.text('note')} />
      <FormActions busy={form.busy} onCancel={onCancel} submitLabel={t('case.reassign')} />
    </FormFrame>
  );
}

export function ServiceDialog(props: DialogProps) {
  const { file, onCancel } = props;
  const t = useT();
  const types = useQuery('case-service-types', () => call('cases.serviceTypes', {}));
  const form = useDialogForm(
    {
      planServiceId: null as string | null,
      serviceTypeId: null as string | null,
      deliveredOn: file.today,
      deliveredBy: '',
      outcome: '',
    },
    props,
    {
      submit: (v) =>
        callChecked('cases.logService', {
          caseId: file.id,
          planServiceId: v.planServiceId,
          serviceTypeId: v.serviceTypeId ?? '',
          deliveredOn: v.deliveredOn,
          deliveredBy: v.deliveredBy,
          outcome: v.outcome,
        }),
    },
  );
  const v = form.values;
  return (
    <FormFrame form={form}>
      {file.planServices.length > 0 && (
        <Select
          label={t('case.ui.planService')}
          description={t('case.ui.planServiceHelp')}
          data={file.planServices.map((p) => ({
            value: p.id,
            label: `${p.serviceType} · ${p.responsible}`,
          }))}
          value={v.planServiceId}
          onChange={(id) => {
            const p = file.planServices.find((x) => x.id === id);
            form.setValues({
              ...v,
              planServiceId: id,
              serviceTypeId: p?.serviceTypeId ?? v.serviceTypeId,
              deliveredBy: v.deliveredBy || (p?.responsible ?? ''),
            });
          }}
          clearable
        />
      )}
      <Select
        label={t('case.ui.serviceType')}
        data={(types.data?.types ?? [])
          .filter((x) => x.active)
          .map((x) => ({ value: x.id, label: x.name }))}
        {...form.field('serviceTypeId')}
        searchable
        required
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 5 }}>
          <DateField label={t('case.ui.deliveredOn')} required {...form.field('deliveredOn')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 7 }}>
          <TextInput label={t('case.ui.deliveredBy')} required {...form.text('deliveredBy')} />
        </Grid.Col>
      </Grid>
      <Textarea label={t('case.ui.outcome')} required minRows={3} {...form.text('outcome')} />
      <FormActions
        busy={form.busy}
        onCancel={onCancel}
        submitLabel={t('case.ui.logService')}
        submitProps={{ 'data-testid': 'service-save' }}
      />
    </FormFrame>
  );
}

export function NoteDialog(props: DialogProps) {
  const { file, onCancel } = props;
  const t = useT();
  const fmt = useFormat();
  const form = useDialogForm(
    { kind: 'visit' as NoteKind, at: '', text: '', sensitive: false },
    props,
    {
      submit: (v) =>
        callChecked('cases.addNote', {
          caseId: file.id,
          kind: v.kind,
          ...(v.at ? { at: zonedTimeToIso(v.at, fmt.timeZone) ?? v.at } : {}),
          text: v.text,
          sensitive: v.sensitive,
        }),
    },
  );
  return (
    <FormFrame form={form}>
      <SegmentedControl
        fullWidth
        data={NOTE_KINDS.map((k) => ({ value: k, label: t(`case.noteKind.${k}`) }))}
        value={form.values.kind}
        onChange={(k) => form.set('kind', k as NoteKind)}
      />
      <DateTimeField
        label={t('case.ui.noteAt')}
        description={t('case.ui.noteAtHelp')}
        {...form.field('at')}
      />
      <Textarea
        label={t('case.ui.noteText')}
        required
        minRows={4}
        data-autofocus
        {...form.text('text')}
      />
      <Checkbox
        label={t('case.ui.sensitive')}
        description={t('case.ui.sensitiveHelp')}
        checked={form.values.sensitive}
        onChange={(e) => form.set('sensitive', e.currentTarget.checked)}
        data-testid="note-sensitive"
      />
      <FormActions
        busy={form.busy}
        onCancel={onCancel}
        submitLabel={t('case.ui.addNote')}
        submitProps={{ 'data-testid': 'note-save' }}
      />
    </FormFrame>
  );
}

export function ConsentDialog(props: DialogProps) {
  const { file, onCancel } = props;
  const t = useT();
  const c = file.consent;
  const form = useDialogForm(
    {
      processing: c.processing ?? true,
      sharing: c.sharing ?? false,
      by: (c.by ?? 'person') as 'person' | 'guardian',
      guardian: c.guardian ?? '',
      method: (c.method ?? 'signed_form') as 'signed_form' | 'verbal_witness',
      witness: c.witness ?? '',
    },
    props,
    {
      submit: (v) =>
        callChecked('cases.setConsent', {
          id: file.id,
          version: file.version,
          processing: v.processing,
          sharing: v.sharing,
          by: v.by,
          guardian: v.guardian,
          method: v.method,
          witness: v.witness,
        }),
    },
  );
  const v = form.values;
  return (
    <FormFrame form={form}>
      <Checkbox
        label={t('case.ui.consent.processing')}
        checked={v.processing}
        onChange={(e) => form.set('processing', e.currentTarget.checked)}
      />
      <Checkbox
        label={t('case.ui.consent.sharing')}
        description={t('case.ui.consent.sharingHelp')}
        checked={v.sharing}
        onChange={(e) => form.set('sharing', e.currentTarget.checked)}
        data-testid="consent-sharing"
      />
      <SegmentedControl
        fullWidth
        data={[
          { value: 'person', label: t('case.ui.consent.byPerson') },
          { value: 'guardian', label: t('case.ui.consent.byGuardian') },
        ]}
        value={v.by}
        onChange={(x) => form.set('by', x as 'person' | 'guardian')}
      />
      {v.by === 'guardian' && (
        <TextInput label={t('case.ui.consent.guardian')} required {...form.text('guardian')} />
      )}
      <SegmentedControl
        fullWidth
        data={[
          { value: 'signed_form', label: t('case.ui.consent.signed') },
          { value: 'verbal_witness', label: t('case.ui.consent.verbal') },
        ]}
        value={v.method}
        onChange={(x) => form.set('method', x as 'signed_form' | 'verbal_witness')}
      />
      {v.method === 'verbal_witness' && (
        <TextInput label={t('case.ui.consent.witness')} required {...form.text('witness')} />
      )}
      <FormActions
        busy={form.busy}
        onCancel={onCancel}
        submitLabel={t('case.ui.consent.record')}
        submitProps={{ 'data-testid': 'consent-save' }}
      />
    </FormFrame>
  );
}

export function WithdrawConsentDialog(props: DialogProps) {
  const { file, onCancel } = props;
  const t = useT();
  const form = useDialogForm({ note: '' }, props, {
    submit: (v) =>
      callChecked('cases.withdrawConsent', { id: file.id, version: file.version, note: v.note }),
  });
  return (
    <FormFrame form={form}>
      <Textarea
        label={t('case.ui.consent.withdrawNote')}
        required
        data-autofocus
        {...form.text('note')}
      />
      <FormActions
        busy={form.busy}
        onCancel={onCancel}
        submitLabel={t('case.ui.consent.withdraw')}
        submitProps={{ color: 'red' }}
      />
    </FormFrame>
  );
}

export function ReferralDialog(props: DialogProps) {
  const { file, onCancel } = props;
  const t = useT();
  const form = useDialogForm(
    {
      agencyKind: 'panti' as ReferralAgency,
      agencyName: '',
      regionCode: null as string | null,
      reason: '',
    },
    props,
    {
      submit: (v) =>
        callChecked('cases.refer', {
          caseId: file.id,
          agencyKind: v.agencyKind,
          agencyName: v.agencyName,
          regionCode: v.regionCode,
          reason: v.reason,
        }),
    },
  );
  const v = form.values;
  return (
    <FormFrame form={form}>
      <Select
        label={t('case.ui.referral.agencyKind')}
        data={REFERRAL_AGENCIES.map((a) => ({ value: a, label: t(`referral.agency.${a}`) }))}
        {...form.choice('agencyKind')}
        data-testid="referral-kind"
      />
      <TextInput
        label={t('case.ui.referral.agencyName')}
        required
        data-autofocus
        {...form.text('agencyName')}
      />
      <RegionPicker
        label={t('case.ui.referral.region')}
        description={t('case.ui.referral.regionHelp')}
        required={v.agencyKind === 'dinsos_region'}
        {...form.field('regionCode')}
        levels={v.agencyKind === 'dinsos_region' ? [1, 2] : [1, 2, 3, 4]}
      />
      <Textarea
        label={t('case.ui.referral.reason')}
        required
        minRows={3}
        {...form.text('reason')}
      />
      <FormActions
        busy={form.busy}
        onCancel={onCancel}
        submitLabel={t('case.ui.referral.send')}
        submitProps={{ 'data-testid': 'referral-send' }}
      />
    </FormFrame>
  );
}

type ReferralField = keyof typeof referralStepFields;

export function ReferralStepDialog(
  props: DialogProps & { referral: CaseReferral; step: ReferralStep },
) {
  const { referral, step, onCancel } = props;
  const t = useT();
  const def = referralFlow.steps[step];
  const fields = (def.requires ?? []) as ReferralField[];
  const form = useDialogForm(
    { outcome: null as string | null, failureReason: null as string | null, responseNote: '' },
    props,
    {
      submit: (v) =>
        callChecked('cases.referralStep', {
          id: referral.id,
          version: referral.version,
          to: def.to as Input<'cases.referralStep'>['to'],
          outcome: v.outcome as Input<'cases.referralStep'>['outcome'],
          failureReason: v.failureReason as ReferralFailure | null,
          responseNote: v.responseNote,
        }),
    },
  );
  const v = form.values;
  return (
    <FormFrame form={form}>
      <Text size="sm" fw={600}>
        {referral.agencyName}
      </Text>
      {fields.map((f, i) => (
        <StepField
          key={f}
          def={referralFlow.fields[f as 'outcome' | 'responseNote']}
          name={f}
          value={v[f] as string | null}
          onChange={(value) => form.set(f, value as never)}
          error={form.errorText(f)}
          autoFocus={i === 0}
        />
      ))}
      {step === 'complete' && v.outcome === 'unsuccessful' && (
        <Select
          label={t('referral.failureReason')}
          data={REFERRAL_FAILURES.map((r) => ({ value: r, label: t(`referral.failure.${r}`) }))}
          {...form.field('failureReason')}
          required
        />
      )}
      {!fields.includes('responseNote') && (
        <Textarea label={t('referral.responseNote')} {...form.text('responseNote')} />
      )}
      <FormActions
        busy={form.busy}
        onCancel={onCancel}
        submitLabel={t(def.label)}
        submitProps={{ color: stepColor(def.emphasis), 'data-testid': 'referral-step-confirm' }}
      />
    </FormFrame>
  );
}

export function AttachDialog(props: DialogProps) {
  const { file, onCancel } = props;
  const t = useT();
  const [picked, setPicked] = useState<File | null>(null);
  const form = useDialogForm({ docType: 'ktp' as AttachmentType, note: '' }, props, {
    check: () => (picked ? [] : [{ path: ['fileId'], key: 'case.ui.file_required' }]),
    submit: async (v) => {
      const stored = await uploadFile(picked!, 'caseAttachment');
      return callChecked('cases.attach', {
        caseId: file.id,
        fileId: stored.fileId,
        docType: v.docType,
        note: v.note,
      });
    },
  });
  return (
    <FormFrame form={form}>
      <Select
        label={t('case.ui.docType')}
        data={ATTACHMENT_TYPES.map((d) => ({ value: d, label: t(`case.docType.${d}`) }))}
        {...form.choice('docType')}
      />
      <FileInput
        label={t('case.ui.file')}
        description={t('case.ui.fileHelp')}
        accept="application/pdf,image/jpeg,image/png"
        value={picked}
        onChange={setPicked}
        error={form.errorText('fileId')}
        required
        clearable
        data-testid="attachment-file"
      />
      <TextInput label={t('case.ui.attachmentNote')} {...form.text('note')} />
      <FormActions
        busy={form.busy}
        onCancel={onCancel}
        submitLabel={t('case.ui.attach')}
        submitProps={{ 'data-testid': 'attachment-save' }}
      />
    </FormFrame>
  );
}

export function RemoveAttachmentDialog(
  props: DialogProps & { attachment: CaseFile['attachments'][number] },
) {
  const { attachment, onCancel } = props;
  const t = useT();
  const form = useDialogForm({ reason: '' }, props, {
    submit: (v) =>
      callChecked('cases.removeAttachment', {
        id: attachment.id,
        version: attachment.version,
        reason: v.reason,
      }),
  });
  return (
    <FormFrame form={form}>
      <Text size="sm">{attachment.name}</Text>
      <Textarea
        label={t('case.ui.removeReason')}
        required
        data-autofocus
        {...form.text('reason')}
      />
      <FormActions
        busy={form.busy}
        onCancel={onCancel}
        submitLabel={t('case.ui.remove')}
        submitProps={{ color: 'red' }}
      />
    </FormFrame>
  );
}
