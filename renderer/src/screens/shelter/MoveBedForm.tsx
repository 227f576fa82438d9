/** Moving a resident to another free bed; a room that does not fit them needs a reason. */
import { Text } from '@mantine/core';
import { useState } from 'react';
import { callChecked, validationError } from '../../api/rpc';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n/I18nProvider';
import { useForm } from '../../lib/form';
import { BedPicker } from './BedPicker';
import type { StayDialogProps } from './CheckoutForm';
import { overrideIssues, PlacementWarning, useMismatches } from './PlacementWarning';
import { useShelters } from './useShelters';

export function MoveBedForm({ stay, onSaved, onCancel, onReload }: StayDialogProps) {
  const t = useT();
  const { shelters } = useShelters();
  const shelter = shelters.find((s) => s.id === stay.shelterId) ?? null;
  const [refresh, setRefresh] = useState(0);
  const form = useForm(
    { bedId: null as string | null, overrideReason: '' },
    {
      check: (v) => [
        ...(v.bedId ? [] : [{ path: ['bedId'], key: 'checkin.bed.required' as const }]),
        ...overrideIssues(mismatches, v.overrideReason),
      ],
      submit: (v) =>
        callChecked('stays.moveBed', {
          id: stay.id,
          version: stay.version,
          bedId: v.bedId!,
          ...(mismatches.length > 0 ? { overrideReason: v.overrideReason } : {}),
        }),
      success: (saved) => t('stay.moved', { bed: saved.bedLabel }),
      onSaved,
      onReload,
      // Taken meanwhile: said at the beds, which are shown afresh.
      onFailure: (error) => {
        if (error.key !== 'stay.bed_occupied') return false;
        form.set('bedId', null);
        form.fail(
          validationError([{ path: ['bedId'], key: 'checkin.bedTaken', params: error.params }]),
        );
        setRefresh((n) => n + 1);
        return true;
      },
    },
  );
  const mismatches = useMismatches(stay.person, shelter, form.values.bedId);
  return (
    <FormModal form={form} title={t('stay.move')} onClose={onCancel} size="xl">
      <Text size="sm" c="dimmed">
        {t('stay.move.current', { room: stay.roomName, bed: stay.bedLabel })}
      </Text>
      <BedPicker
        shelterId={stay.shelterId}
        value={form.values.bedId}
        onChange={(id) => form.set('bedId', id)}
        error={form.errorText('bedId')}
        refresh={refresh}
      />
      <PlacementWarning mismatches={mismatches} reason={form.text('overrideReason')} />
    </FormModal>
  );
}
