/** The stay's log of services and events, newest first, with "record a service". */
import { Grid, Group, Select, Stack, Text, TextInput, Timeline } from '@mantine/core';
import { IconClipboardList, IconPlus } from '@tabler/icons-react';
import type { Stay } from '../../../../shared/contract/shelter';
import { isoToZonedTime, zonedTimeToIso } from '../../../../shared/time';
import { LOGGED_EVENT_KINDS } from '../../../../shared/reference/shelter';
import { callChecked } from '../../api/rpc';
import { DateTimeField } from '../../components/DateField';
import { FormActions, FormFrame } from '../../components/FormModal';
import { SectionCard } from '../../components/SectionCard';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { useForm } from '../../lib/form';

type Kind = (typeof LOGGED_EVENT_KINDS)[number];

function AddEvent({ stay, onSaved }: { stay: Stay; onSaved: (s: Stay) => void }) {
  const t = useT();
  const fmt = useFormat();
  const fresh = () => ({
    kind: null as Kind | null,
    at: isoToZonedTime(new Date(), fmt.timeZone),
    note: '',
  });
  const form = useForm(fresh, {
    check: (v) =>
      zonedTimeToIso(v.at, fmt.timeZone) ? [] : [{ path: ['at'], key: 'date.invalidTime' }],
    submit: (v) =>
      callChecked('stays.logEvent', {
        stayId: stay.id,
        // Not chosen: left out, so the check says "Wajib diisi" at the field.
        kind: (v.kind ?? undefined) as Kind,
        at: zonedTimeToIso(v.at, fmt.timeZone)!,
        note: v.note,
      }).then((saved) => ({ saved, kind: v.kind! })),
    success: ({ kind }) => t('stay.events.saved', { kind: t(`event.${kind}`) }),
    onSaved: ({ saved }) => {
      form.setValues(fresh());
      onSaved(saved);
    },
  });

  return (
    <FormFrame form={form} gap="sm" testId="event-form">
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label={t('stay.events.kind')}
            required
            placeholder={t('person.form.choose')}
            {...form.choice('kind')}
            data={LOGGED_EVENT_KINDS.map((k) => ({ value: k, label: t(`event.${k}`) }))}
            data-testid="event-kind"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <DateTimeField
            label={t('stay.events.at')}
            required
            value={form.values.at}
            onChange={(at) => form.set('at', at)}
            error={form.errorText('at')}
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
      <FormActions
        busy={form.busy}
        submitLabel={t('stay.events.add')}
        submitProps={{
          variant: 'light',
          leftSection: <IconPlus size={16} />,
          'data-testid': 'event-submit',
        }}
      />
    </FormFrame>
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
    <SectionCard title={t('stay.events')} icon={<IconClipboardList size={18} />}>
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
                // A placement against the room's rules stands out from the daily services.
                color={e.kind === 'placement_override' ? 'orange' : undefined}
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
    </SectionCard>
  );
}
