/** Office network › the office host: this PC serves the others over TLS; its certificate's fingerprint. */
import { Alert, Badge, Code, NumberInput, Stack, Switch, TagsInput, Text } from '@mantine/core';
import { IconAlertTriangle, IconServer } from '@tabler/icons-react';
import type { NetworkStatus, ServeState } from '../../../../shared/contract/network';
import type { MessageKey } from '../../../../shared/i18n';
import { call, callChecked } from '../../api/rpc';
import { Field } from '../../components/Field';
import { FormActions, FormFrame } from '../../components/FormModal';
import { SectionCard } from '../../components/SectionCard';
import { useT } from '../../i18n/I18nProvider';
import { useForm } from '../../lib/form';

const STATE_COLOR: Record<ServeState, string> = {
  off: 'gray',
  running: 'teal',
  failed: 'red',
  command: 'blue',
  unavailable: 'gray',
};

interface Values {
  enabled: boolean;
  port: number | string;
  names: string[];
}

const valuesOf = (s: NetworkStatus): Values => ({
  enabled: s.serve.enabled,
  port: s.serve.port,
  names: s.serve.names,
});

/** The fingerprint in groups the eye can compare: four pairs per group. */
export function Fingerprint({ value, testId }: { value: string; testId?: string }) {
  const pairs = value.split(':');
  const groups: string[] = [];
  for (let i = 0; i < pairs.length; i += 4) groups.push(pairs.slice(i, i + 4).join(':'));
  return (
    <Code
      block
      fz="md"
      data-testid={testId}
      data-fingerprint={value}
      style={{ lineHeight: 1.7, whiteSpace: 'pre-wrap' }}
    >
      {groups.join('  ')}
    </Code>
  );
}

export function ServeCard({
  status,
  onSaved,
}: {
  status: NetworkStatus;
  onSaved: (s: NetworkStatus) => void;
}) {
  const t = useT();
  const serve = status.serve;
  const fixed = serve.state === 'command' || serve.state === 'unavailable' || !status.local;
  const form = useForm<Values, NetworkStatus>(() => valuesOf(status), {
    submit: (v) =>
      callChecked('network.saveServe', {
        enabled: v.enabled,
        port: Number(v.port),
        names: v.names,
        version: serve.version,
      }),
    success: 'network.saved_serve',
    onSaved: (saved) => {
      form.setValues(valuesOf(saved));
      onSaved(saved);
    },
    onReload: () =>
      void call('network.status', {}).then((s) => {
        form.setValues(valuesOf(s));
        onSaved(s);
      }),
  });
  const suggest = [status.thisPc.hostname, ...status.thisPc.addresses].join(', ');
  const shown = serve.state === 'running' || serve.state === 'command';
  return (
    <SectionCard
      title={t('network.serve_title')}
      icon={<IconServer size={20} />}
      testId="network-serve"
      action={
        <Badge color={STATE_COLOR[serve.state]} variant="light" data-testid="network-serve-state">
          {t(`network.state.${serve.state}` as MessageKey)}
        </Badge>
      }
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('network.serve_help')}
        </Text>
        {serve.state === 'failed' && serve.error && (
          <Alert
            color="red"
            icon={<IconAlertTriangle size={18} />}
            p="sm"
            data-testid="network-serve-error"
          >
            {t(serve.error.key as MessageKey, serve.error.params)}
          </Alert>
        )}
        {shown && serve.fingerprint256 && (
          <>
            <Field label={t('network.urls')}>
              <Stack gap={2} data-testid="network-urls">
                {serve.urls.map((u) => (
                  <Text key={u} ff="monospace" size="sm">
                    {u}
                  </Text>
                ))}
              </Stack>
            </Field>
            <Field label={t('network.fingerprint')}>
              <Fingerprint value={serve.fingerprint256} testId="network-fingerprint" />
              <Text size="xs" c="dimmed" mt={4}>
                {t('network.fingerprint_help')}
              </Text>
            </Field>
            <Field label={t('network.spki')}>
              <Text size="xs" ff="monospace" data-testid="network-spki">
                {serve.spki}
              </Text>
            </Field>
          </>
        )}
        {serve.state === 'command' ? (
          <Text size="sm">{t('network.command_help')}</Text>
        ) : (
          <FormFrame form={form} testId="network-serve-form">
            <Switch
              label={t('network.serve_enable')}
              description={t('network.serve_enable_help')}
              checked={form.values.enabled}
              disabled={fixed}
              onChange={(e) => form.set('enabled', e.currentTarget.checked)}
              data-testid="network-serve-enabled"
            />
            <NumberInput
              label={t('network.port')}
              description={t('network.port_help')}
              min={1024}
              max={65535}
              maw={360}
              disabled={fixed}
              {...form.field('port')}
            />
            <TagsInput
              label={t('network.names')}
              description={t('network.names_help', { suggest })}
              data={[status.thisPc.hostname, ...status.thisPc.addresses]}
              disabled={fixed}
              value={form.values.names}
              onChange={(v) => form.set('names', v)}
              error={form.errorText('names')}
              splitChars={[',', ' ']}
              data-testid="network-names"
            />
            {!fixed && <FormActions busy={form.busy} />}
          </FormFrame>
        )}
      </Stack>
    </SectionCard>
  );
}
