/**
 * Office network › client mode: this PC's desktop app opens the office host. The admin types its
 * address, Pelita shows the certificate it presents, and only after the admin ticks that the
 * fingerprint is the one on the host's screen is it pinned (the backend checks it again).
 */
import { Alert, Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconPlugConnected, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { NetworkStatus, ProbeResult } from '../../../../shared/contract/network';
import { call, callChecked, isRpcFailure } from '../../api/rpc';
import { Field } from '../../components/Field';
import { FormActions, FormFrame } from '../../components/FormModal';
import { SectionCard } from '../../components/SectionCard';
import { useT } from '../../i18n/I18nProvider';
import { useAction } from '../../lib/useAction';
import { useForm } from '../../lib/form';
import { useFormat } from '../../lib/format';
import { notify } from '../../lib/notify';
import { Fingerprint } from './ServeCard';

interface Values {
  url: string;
  confirm: boolean;
}

export function ClientCard({
  status,
  onSaved,
}: {
  status: NetworkStatus;
  onSaved: (s: NetworkStatus) => void;
}) {
  const t = useT();
  const fmt = useFormat();
  const { busy, run } = useAction();
  const [seen, setSeen] = useState<ProbeResult | null>(null);
  const fixed = !status.local;
  const form = useForm<Values, NetworkStatus>(
    { url: '', confirm: false },
    {
      submit: (v) =>
        callChecked('network.saveClient', {
          url: v.url,
          fingerprint256: seen?.fingerprint256 ?? '',
          confirm: v.confirm as true,
        }),
      success: 'network.client_saved',
      onSaved: (saved) => {
        setSeen(null);
        form.setValues({ url: '', confirm: false });
        onSaved(saved);
      },
    },
  );
  const probe = () =>
    run('probe', async () => {
      setSeen(null);
      form.set('confirm', false);
      form.clear();
      try {
        setSeen(await callChecked('network.probe', { url: form.values.url }));
      } catch (e) {
        // Shown at the address field and in the form's banner.
        if (isRpcFailure(e)) form.fail(e.error);
        else throw e;
      }
    });
  const clear = () =>
    run('clear', async () => {
      onSaved(await call('network.clearClient', {}));
      notify({ message: t('network.client_cleared') });
    });
  const serving = status.serve.enabled || status.serve.state === 'command';
  return (
    <SectionCard
      title={t('network.client_title')}
      icon={<IconPlugConnected size={20} />}
      testId="network-client"
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('network.client_help')}
        </Text>
        {status.clientProblem && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} p="sm">
            <Text size="sm" ff="monospace">
              {status.clientProblem}
            </Text>
          </Alert>
        )}
        {status.client && (
          <Alert
            color="teal"
            icon={<IconShieldCheck size={18} />}
            data-testid="network-client-current"
          >
            <Stack gap="xs">
              <Text fw={600}>{t('network.client_current', { url: status.client.url })}</Text>
              <Field label={t('network.client_pinned')}>
                <Fingerprint value={status.client.fingerprint256} />
              </Field>
              <Text size="sm">{t('network.next_start')}</Text>
              {!fixed && (
                <Group>
                  <Button
                    variant="default"
                    size="xs"
                    loading={busy === 'clear'}
                    onClick={clear}
                    data-testid="network-client-clear"
                  >
                    {t('network.client_clear')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Alert>
        )}
        {!status.client && !serving && !fixed && (
          <FormFrame form={form} testId="network-client-form">
            <Group align="flex-end" wrap="nowrap">
              <TextInput
                label={t('network.url')}
                placeholder="https://pelita-kantor:5871/"
                style={{ flex: 1 }}
                maxLength={300}
                {...form.text('url')}
                onChange={(e) => {
                  form.set('url', e.currentTarget.value);
                  setSeen(null);
                }}
                data-testid="network-client-url"
              />
              <Button
                variant="default"
                loading={busy === 'probe'}
                onClick={probe}
                disabled={!form.values.url.trim()}
                data-testid="network-probe"
              >
                {t('network.probe')}
              </Button>
            </Group>
            {seen && (
              <Stack gap="sm" data-testid="network-probe-result">
                <Field label={t('network.probe_result')}>
                  <Fingerprint value={seen.fingerprint256} testId="network-probe-fingerprint" />
                </Field>
                <Group gap="xl">
                  <Field label={t('network.subject')}>
                    <Text size="sm">{seen.subject}</Text>
                  </Field>
                  <Field label={t('network.valid_to')}>
                    <Text size="sm">{fmt.dateTime(seen.validTo)}</Text>
                  </Field>
                </Group>
                <Checkbox
                  label={t('network.confirm_same')}
                  checked={form.values.confirm}
                  onChange={(e) => form.set('confirm', e.currentTarget.checked)}
                  error={form.errorText('confirm')}
                  data-testid="network-confirm"
                />
                <FormActions
                  busy={form.busy}
                  submitLabel={t('network.client_save')}
                  submitProps={{
                    disabled: !form.values.confirm,
                    'data-testid': 'network-client-save',
                  }}
                />
              </Stack>
            )}
          </FormFrame>
        )}
      </Stack>
    </SectionCard>
  );
}
