/**
 * Corrects a case's opening details (categories, origin, where the person is, the supervisor for
 * those who may reassign) while the state allows it; the reason goes on the timeline with the
 * fields corrected. The person, the number and the links to a complaint or stay stay as opened.
 */
import { Select, Textarea } from '@mantine/core';
import type { CaseFile } from '../../../../shared/contract/cases';
import {
  OPENING_EDIT_STATES,
  type CaseOrigin,
  type OpeningField,
} from '../../../../shared/reference/cases';
import type { PpksCode } from '../../../../shared/reference/ppks';
import type { MessageKey } from '../../../../shared/i18n';
import { call, callChecked } from '../../api/rpc';
import { FormActions, FormFrame } from '../../components/FormModal';
import { PpksSelect } from '../../components/PpksSelect';
import { useT } from '../../i18n/I18nProvider';
import { useDialogForm } from '../../lib/form';
import { useQuery } from '../../lib/useQuery';
import { useCan } from '../../session/can';
import type { DialogProps } from './dialogs';
import { OpeningOriginFields } from './OpeningFields';

/** Where the opening form labels each field; the timeline names corrected fields with these. */
export const OPENING_FIELD_LABELS: Record<OpeningField, MessageKey> = {
  ppks: 'case.ui.ppks',
  origin: 'case.ui.origin',
  originDetail: 'case.ui.originDetail',
  complaintId: 'case.ui.fromComplaint',
  stayId: 'case.ui.fromStay',
  originRegionCode: 'case.ui.originRegion',
  locationRegionCode: 'case.ui.location',
  locationAddress: 'case.ui.locationAddress',
  supervisorId: 'case.ui.supervisor',
};

/** Whether the case's state still allows correcting its opening details. */
export function openingEditable(k: CaseFile): boolean {
  return (OPENING_EDIT_STATES as readonly string[]).includes(k.state);
}

interface Values {
  ppks: PpksCode[];
  origin: CaseOrigin;
  originDetail: string;
  originRegionCode: string | null;
  locationRegionCode: string | null;
  locationAddress: string;
  supervisorId: string | null;
  reason: string;
}

export function EditOpeningDialog(props: DialogProps) {
  const { file: k, onCancel } = props;
  const t = useT();
  const can = useCan();
  const mayReassign = can('cases.reassign');
  const staff = useQuery('case-staff', () => call('cases.staff', {}));
  const form = useDialogForm<Values, CaseFile>(
    {
      ppks: k.ppks,
      origin: k.origin,
      originDetail: k.originDetail ?? '',
      originRegionCode: k.originRegion?.code ?? null,
      locationRegionCode: k.location?.code ?? null,
      locationAddress: k.locationAddress ?? '',
      supervisorId: k.supervisor?.id ?? null,
      reason: '',
    },
    props,
    {
      submit: (v) =>
        callChecked('cases.update', {
          id: k.id,
          version: k.version,
          ppks: v.ppks,
          origin: v.origin,
          originDetail: v.originDetail,
          complaintId: k.complaint?.id ?? null,
          stayId: k.stay?.id ?? null,
          originRegionCode: v.originRegionCode,
          locationRegionCode: v.locationRegionCode,
          locationAddress: v.locationAddress,
          supervisorId: v.supervisorId,
          reason: v.reason,
        }),
    },
  );
  const v = form.values;
  return (
    <FormFrame form={form} testId="case-edit-form">
      <PpksSelect
        label={t('case.ui.ppks')}
        description={t('case.ui.ppksHelp')}
        required
        value={v.ppks}
        onChange={(x) => form.set('ppks', x)}
        error={form.errorText('ppks')}
      />
      <OpeningOriginFields form={form} />
      {mayReassign && (
        <Select
          label={t('case.ui.supervisor')}
          data={(staff.data?.supervisors ?? []).map((u) => ({ value: u.id, label: u.fullName }))}
          {...form.field('supervisorId')}
          searchable
          clearable
        />
      )}
      <Textarea
        label={t('case.ui.editReason')}
        description={t('case.ui.editReasonHelp')}
        maxLength={500}
        {...form.text('reason')}
      />
      <FormActions
        busy={form.busy}
        onCancel={onCancel}
        submitProps={{ 'data-testid': 'case-edit-save' }}
      />
    </FormFrame>
  );
}
