/** Check-out (stays.checkOut) and the admin correction after check-out (stays.correct). */
import { Alert, Group, Select, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { IconClockHour4, IconDeviceFloppy, IconLogout2 } from '@tabler/icons-react';
import type { Stay } from '../../../../shared/contract/shelter';
import {
  calendarDaysBetween,
  dayInZone,
  isoToZonedTime,
  zonedTimeToIso,
} from '../../../../shared/time';
import { EXIT_TYPES, EXITS_WITH_DESTINATION } from '../../../../shared/reference/shelter';
import type { FieldIssue } from '../../../../shared/errors';
import { callChecked } from '../../api/rpc';
import { DateTimeField } from '../../components/DateField';
import { SectionCard } from '../../components/SectionCard';
import { FormActions, FormFrame } from '../../components/FormModal';
import { RegionPicker } from '../../components/RegionPicker';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { useForm, type Form } from '../../lib/form';
import { tn } from './labels';

type ExitType = (typeof EXIT_TYPES)[number];

interface ExitValues {
  checkinAt: string;
  checkoutAt: string;
  exitType: ExitType | null;
  destinationCode: string | null;
  destinationDetail: string;
  escort: string;
  reason: string;
}

function needsDestination(exit: ExitType | null): boolean {
  return !!exit && (EXITS_WITH_DESTINATION as readonly string[]).includes(exit);
}

/** `origin`: the person's region of origin, suggested as destination for a repatriation. */
function ExitFields({ form, origin }: { form: Form<ExitValues>; origin?: string | null }) {
  const t = useT();
  const v = form.values;
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('stay.exit')}
          required
          placeholder={t('person.form.choose')}
          value={v.exitType}
          onChange={(x) => {
            form.set('exitType', x as ExitType);
            if (x === 'repatriated' && origin && !v.destinationCode)
              form.set('destinationCode', origin);
          }}
          data={EXIT_TYPES.map((x) => ({ value: x, label: t(`exit.${x}`) }))}
          error={form.errorText('exitType')}
          allowDeselect={false}
          data-testid="exit-type"
        />
        <RegionPicker
          label={t('stay.destination')}
          required={needsDestination(v.exitType)}
          levels={[2, 3, 4]}
          value={v.destinationCode}
          onChange={(code) => form.set('destinationCode', code)}
          error={form.errorText('destinationCode')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Textarea
          label={t('stay.destinationDetail')}
          description={t('stay.destinationDetail.help')}
          maxLength={500}
          {...form.text('destinationDetail')}
        />
        <TextInput
          label={t('stay.escort')}
          description={t('stay.escort.help')}
          maxLength={200}
          {...form.text('escort')}
        />
      </SimpleGrid>
    </>
  );
}

/** Office-zone times that are not whole date-and-times, as issues on their fields. */
function timeIssues(
  v: ExitValues,
  names: ('checkinAt' | 'checkoutAt')[],
  timeZone: string,
): FieldIssue[] {
  return names
    .filter((n) => !zonedTimeToIso(v[n], timeZone))
    .map((n) => ({ path: [n], key: 'date.invalidTime' }));
}

function LengthPreview({ checkinAt, checkoutLocal }: { checkinAt: string; checkoutLocal: string }) {
  const t = useT();
  const fmt = useFormat();
  const out = zonedTimeToIso(checkoutLocal, fmt.timeZone);
  if (!out || new Date(out) < new Date(checkinAt)) return null;
  const days = Math.max(0, calendarDaysBetween(checkinAt, out, fmt.timeZone));
  return (
    <Group gap={6} data-testid="checkout-preview">
      <IconClockHour4 size={16} />
      <Text size="sm" fw={600}>
        {tn(t, 'stay.checkout.preview', days, { days })}
      </Text>
    </Group>
  );
}

export function CheckoutForm({
  stay,
  onSaved,
  onReload,
}: {
  stay: Stay;
  onSaved: (s: Stay) => void;
  onReload: () => void;
}) {
  const t = useT();
  const fmt = useFormat();
  const form = useForm<ExitValues, Stay>(
    () => ({
      checkinAt: '',
      checkoutAt: isoToZonedTime(new Date(), fmt.timeZone),
      exitType: null,
      destinationCode: null,
      destinationDetail: '',
      escort: '',
      reason: '',
    }),
    {
      check: (v) => timeIssues(v, ['checkoutAt'], fmt.timeZone),
      submit: (v) =>
        callChecked('stays.checkOut', {
          id: stay.id,
          version: stay.version,
          checkoutAt: zonedTimeToIso(v.checkoutAt, fmt.timeZone)!,
          // Not chosen: left out, so the check says "Wajib diisi" at the field.
          exitType: (v.exitType ?? undefined) as ExitType,
          destinationCode: v.destinationCode,
          destinationDetail: v.destinationDetail,
          escort: v.escort,
        }),
      success: (saved) =>
        tn(t, 'stay.checkout.done', saved.days, {
          name: saved.person.fullName,
          days: saved.days,
          exit: t(`exit.${saved.exitType!}`),
        }),
      onSaved,
      onReload,
    },
  );

  return (
    <SectionCard title={t('stay.checkout')} icon={<IconLogout2 size={18} />} testId="checkout-form">
      <Text size="sm" c="dimmed" mb="md" mt={-8}>
        {t('stay.checkout.subtitle')}
      </Text>
      <FormFrame form={form}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateTimeField
            label={t('stay.checkout.at')}
            description={t('checkin.at.help', { zone: fmt.zone })}
            required
            minDate={dayInZone(stay.checkinAt, fmt.timeZone)}
            value={form.values.checkoutAt}
            onChange={(at) => form.set('checkoutAt', at)}
            error={form.errorText('checkoutAt')}
            data-testid="checkout-at"
          />
        </SimpleGrid>
        <ExitFields form={form} origin={stay.person.origin?.code} />
        <FormActions
          busy={form.busy}
          submitLabel={t('stay.checkout.submit')}
          submitProps={{
            color: 'pelita',
            leftSection: <IconLogout2 size={18} />,
            'data-testid': 'checkout-submit',
          }}
          extra={
            <LengthPreview checkinAt={stay.checkinAt} checkoutLocal={form.values.checkoutAt} />
          }
        />
      </FormFrame>
    </SectionCard>
  );
}

/** What a dialog of the stay page gets: the stay, and what to do after saving or giving up. */
export interface StayDialogProps {
  stay: Stay;
  onSaved: (s: Stay) => void;
  onCancel: () => void;
  onReload: () => void;
}

export function CorrectionForm({ stay, onSaved, onCancel, onReload }: StayDialogProps) {
  const t = useT();
  const fmt = useFormat();
  const form = useForm<ExitValues, Stay>(
    () => ({
      checkinAt: isoToZonedTime(stay.checkinAt, fmt.timeZone),
      checkoutAt: stay.checkoutAt ? isoToZonedTime(stay.checkoutAt, fmt.timeZone) : '',
      exitType: stay.exitType,
      destinationCode: stay.destination?.code ?? null,
      destinationDetail: stay.destinationDetail ?? '',
      escort: stay.escort ?? '',
      reason: '',
    }),
    {
      check: (v) => timeIssues(v, ['checkinAt', 'checkoutAt'], fmt.timeZone),
      submit: (v) =>
        callChecked('stays.correct', {
          id: stay.id,
          version: stay.version,
          checkinAt: zonedTimeToIso(v.checkinAt, fmt.timeZone)!,
          checkoutAt: zonedTimeToIso(v.checkoutAt, fmt.timeZone)!,
          exitType: (v.exitType ?? undefined) as ExitType,
          destinationCode: v.destinationCode,
          destinationDetail: v.destinationDetail,
          escort: v.escort,
          reason: v.reason,
        }),
      success: 'stay.correct.done',
      onSaved,
      onReload,
    },
  );

  const moment = (name: 'checkinAt' | 'checkoutAt') => ({
    value: form.values[name],
    onChange: (at: string) => form.set(name, at),
    error: form.errorText(name),
  });
  return (
    <FormFrame form={form} testId="correction-form">
      <Alert color="grape" variant="light">
        {t('stay.correct.subtitle')}
      </Alert>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateTimeField label={t('stay.checkinAt')} required {...moment('checkinAt')} />
        <DateTimeField label={t('stay.checkoutAt')} required {...moment('checkoutAt')} />
      </SimpleGrid>
      <ExitFields form={form} />
      <Textarea
        label={t('stay.correct.reason')}
        required
        maxLength={500}
        {...form.text('reason')}
        data-testid="correction-reason"
      />
      <FormActions
        busy={form.busy}
        onCancel={onCancel}
        submitLabel={t('stay.correct.submit')}
        submitProps={{ color: 'grape', leftSection: <IconDeviceFloppy size={18} /> }}
        extra={
          <LengthPreview
            checkinAt={zonedTimeToIso(form.values.checkinAt, fmt.timeZone) ?? stay.checkinAt}
            checkoutLocal={form.values.checkoutAt}
          />
        }
      />
    </FormFrame>
  );
}
