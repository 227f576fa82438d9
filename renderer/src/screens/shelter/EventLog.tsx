/** The stay's log of services and events, newest first, with "record a service". */
import {
  Button,
  Grid,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconClipboardList, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Stay } from '../../../../shared/contract/shelter';
import { isoToZonedTime, zonedTimeToIso } from '../../../../shared/time';
import { STAY_EVENT_KINDS } from '../../../../shared/reference/shelter';
import { call } from '../../api/rpc';
import { FormFailureAlert } from '../../components/FormFailureAlert';
import { useT } from '../../i18n/I18nProvider';
import { useFailureHandler } from '../../lib/failures';
import { useFormat } from '../../lib/format';
import { useForm } from '../../lib/form';

type Kind = (typeof STAY_EVENT_KINDS)[number];

function AddEvent({ stay, onSaved }: { stay: Stay; onSaved: (s: Stay) => void }) {
  const t = useT();
  const fmt = useFormat();
  const handle = useFailureHandler();
  const form = useForm<{ kind: Kind | null; at: string; note: string }>(() => ({
    kind: null,
    at: isoToZonedTime(new Date(), fmt.timeZone),
    note: '',
  }));
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.clear();
    if (!form.values.kind) {
      form.setError('kind', { key: 'validation.required' });
      return;
    }
    const at = zonedTimeToIso(form.values.at, fmt.timeZone);
    if (!at) {
      form.setError('at', { key: 'validation.invalid_format' });
      return;
    }
    setBusy(true);
    try {
      const saved = await call('stays.logEvent', {
        stayId: stay.id,
        kind: form.values.kind,
        at,
        note: form.values.note,
      });
      notifications.show({
        color: 'teal',
        message: t('stay.events.saved', { kind: t(`event.${form.values.kind}`) }),
      });
      form.setValues({ kind: null, at: isoToZonedTime(new Date(), fmt.timeZone), note: '' });
      onSaved(saved);
    } catch (err) {
      handle(err, { form });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="event-form">
      <Stack gap="sm">
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('stay.events.kind')}
              required
              placeholder={t('person.form.choose')}
              value={form.values.kind}
              onChange={(k) => form.set('kind', k as Kind)}
              data={STAY_EVENT_KINDS.map((k) => ({ value: k, label: t(`event.${k}`) }))}
              error={form.errorText('kind')}
              allowDeselect={false}
              data-testid="event-kind"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              type="datetime-local"
              label={t('stay.events.at')}
              required
              {...form.text('at')}
              data-testid="event-at"
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput
              label={t('stay.events.note')}
              maxLength={1000}
              {...form.text('note')}
              data-testid="event-note"
            />
          </Grid.Col>
        </Grid>
        <FormFailureAlert failure={form.failure} />
        <Group justify="flex-end">
          <Button
            type="submit"
            variant="light"
            loading={busy}
            leftSection={<IconPlus size={16} />}
            data-testid="event-submit"
          >
            {t('stay.events.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function EventLog({
  stay,
  canWrite,
  onSaved,
}: {
  stay: Stay;
  canWrite: boolean;
  onSaved: (s: Stay) => void;
}) {
  const t = useT();
  const fmt = useFormat();
  return (
    <Paper withBorder radius="md" p="lg">
      <Group gap="xs" mb="md">
        <IconClipboardList size={20} />
        <Title order={2} fz="lg" fw={600}>
          {t('stay.events')}
        </Title>
      </Group>
      <Stack gap="lg">
        {canWrite && <AddEvent stay={stay} onSaved={onSaved} />}
        {stay.events.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('stay.events.empty')}
          </Text>
        ) : (
          <Timeline bulletSize={14} lineWidth={2} data-testid="event-log">
            {stay.events.map((e) => (
              <Timeline.Item
                key={e.id}
                title={
                  <Group gap="xs" wrap="wrap">
                    <Text fw={600} size="sm">
                      {t(`event.${e.kind}`)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {fmt.dateTime(e.at)}
                      {e.staffName ? ` · ${t('stay.events.by', { name: e.staffName })}` : ''}
                    </Text>
                  </Group>
                }
                data-testid="event-item"
              >
                {e.note && (
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                    {e.note}
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Stack>
    </Paper>
  );
}
