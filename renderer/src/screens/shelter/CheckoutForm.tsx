/** Check-out (stays.checkOut) and the admin correction after check-out (stays.correct). */
import {
  Alert,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconClockHour4, IconDeviceFloppy, IconLogout2 } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Stay } from '../../../../shared/contract/shelter';
import { calendarDaysBetween, isoToZonedTime, zonedTimeToIso } from '../../../../shared/time';
import { EXIT_TYPES, EXITS_WITH_DESTINATION } from '../../../../shared/reference/shelter';
import { call } from '../../api/rpc';
import { FormFailureAlert } from '../../components/FormFailureAlert';
import { RegionPicker } from '../../components/RegionPicker';
import { useT } from '../../i18n/I18nProvider';
import { useFailureHandler } from '../../lib/failures';
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
          autosize
          minRows={2}
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
  const handle = useFailureHandler();
  const form = useForm<ExitValues>(() => ({
    checkinAt: '',
    checkoutAt: isoToZonedTime(new Date(), fmt.timeZone),
    exitType: null,
    destinationCode: null,
    destinationDetail: '',
    escort: '',
    reason: '',
  }));
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.clear();
    const v = form.values;
    const at = zonedTimeToIso(v.checkoutAt, fmt.timeZone);
    if (!at || !v.exitType) {
      if (!at) form.setError('checkoutAt', { key: 'validation.invalid_format' });
      if (!v.exitType) form.setError('exitType', { key: 'validation.required' });
      return;
    }
    setBusy(true);
    try {
      const saved = await call('stays.checkOut', {
        id: stay.id,
        version: stay.version,
        checkoutAt: at,
        exitType: (v.exitType ?? undefined) as ExitType,
        destinationCode: v.destinationCode,
        destinationDetail: v.destinationDetail,
        escort: v.escort,
      });
      notifications.show({
        color: 'teal',
        message: tn(t, 'stay.checkout.done', saved.days, {
          name: saved.person.fullName,
          days: saved.days,
          exit: t(`exit.${saved.exitType!}`),
        }),
      });
      onSaved(saved);
    } catch (err) {
      setBusy(false);
      handle(err, { form, onReload });
    }
  };

  return (
    <Paper withBorder radius="md" p="lg" data-testid="checkout-form">
      <Group gap="xs" mb={4}>
        <IconLogout2 size={20} />
        <Title order={2} fz="lg" fw={600}>
          {t('stay.checkout')}
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('stay.checkout.subtitle')}
      </Text>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="datetime-local"
              label={t('stay.checkout.at')}
              description={t('checkin.at.help', { zone: fmt.zone })}
              required
              min={isoToZonedTime(stay.checkinAt, fmt.timeZone)}
              {...form.text('checkoutAt')}
              data-testid="checkout-at"
            />
          </SimpleGrid>
          <ExitFields form={form} origin={stay.person.origin?.code} />
          <FormFailureAlert failure={form.failure} onReload={onReload} />
          <Group justify="space-between">
            <LengthPreview checkinAt={stay.checkinAt} checkoutLocal={form.values.checkoutAt} />
            <Button
              type="submit"
              color="pelita"
              loading={busy}
              leftSection={<IconLogout2 size={18} />}
              data-testid="checkout-submit"
            >
              {t('stay.checkout.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function CorrectionForm({
  stay,
  onSaved,
  onCancel,
  onReload,
}: {
  stay: Stay;
  onSaved: (s: Stay) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const t = useT();
  const fmt = useFormat();
  const handle = useFailureHandler();
  const form = useForm<ExitValues>(() => ({
    checkinAt: isoToZonedTime(stay.checkinAt, fmt.timeZone),
    checkoutAt: stay.checkoutAt ? isoToZonedTime(stay.checkoutAt, fmt.timeZone) : '',
    exitType: stay.exitType,
    destinationCode: stay.destination?.code ?? null,
    destinationDetail: stay.destinationDetail ?? '',
    escort: stay.escort ?? '',
    reason: '',
  }));
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.clear();
    const v = form.values;
    const inAt = zonedTimeToIso(v.checkinAt, fmt.timeZone);
    const outAt = zonedTimeToIso(v.checkoutAt, fmt.timeZone);
    if (!inAt || !outAt) {
      if (!inAt) form.setError('checkinAt', { key: 'validation.invalid_format' });
      if (!outAt) form.setError('checkoutAt', { key: 'validation.invalid_format' });
      return;
    }
    setBusy(true);
    try {
      const saved = await call('stays.correct', {
        id: stay.id,
        version: stay.version,
        checkinAt: inAt,
        checkoutAt: outAt,
        exitType: (v.exitType ?? undefined) as ExitType,
        destinationCode: v.destinationCode,
        destinationDetail: v.destinationDetail,
        escort: v.escort,
        reason: v.reason,
      });
      notifications.show({ color: 'teal', message: t('stay.correct.done') });
      onSaved(saved);
    } catch (err) {
      setBusy(false);
      handle(err, { form, onReload });
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="correction-form">
      <Stack gap="md">
        <Alert color="grape" variant="light">
          {t('stay.correct.subtitle')}
        </Alert>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="datetime-local"
            label={t('stay.checkinAt')}
            required
            {...form.text('checkinAt')}
          />
          <TextInput
            type="datetime-local"
            label={t('stay.checkoutAt')}
            required
            {...form.text('checkoutAt')}
          />
        </SimpleGrid>
        <ExitFields form={form} />
        <Textarea
          label={t('stay.correct.reason')}
          required
          autosize
          minRows={2}
          maxLength={500}
          {...form.text('reason')}
          data-testid="correction-reason"
        />
        <FormFailureAlert failure={form.failure} onReload={onReload} />
        <Group justify="space-between">
          <LengthPreview
            checkinAt={zonedTimeToIso(form.values.checkinAt, fmt.timeZone) ?? stay.checkinAt}
            checkoutLocal={form.values.checkoutAt}
          />
          <Group gap="sm">
            <Button variant="default" onClick={onCancel} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              color="grape"
              loading={busy}
              leftSection={<IconDeviceFloppy size={18} />}
            >
              {t('stay.correct.submit')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
