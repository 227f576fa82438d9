/**
 * Office network › client mode: this PC's desktop app opens the office host. The admin types its
 * address, Pelita shows the certificate it presents, and only after the admin ticks that the
 * fingerprint is the one on the host's screen is it pinned (the backend checks it again).
 */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconPlugConnected, IconShieldCheck } from '@tabler/icons-react';
import type { NetworkStatus } from '../../../../shared/contract/network';
import { call, callChecked } from '../../api/rpc';
import { Field } from '../../components/Field';
import { SectionCard } from '../../components/SectionCard';
import { useT } from '../../i18n/I18nProvider';
import { notify } from '../../lib/notify';
import { useAction } from '../../lib/useAction';
import { ConnectForm } from './ConnectForm';
import { Fingerprint } from './ServeCard';

export function ClientCard({
  status,
  onSaved,
}: {
  status: NetworkStatus;
  onSaved: (s: NetworkStatus) => void;
}) {
  const t = useT();
  const { busy, run } = useAction();
  const fixed = !status.local;
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
          <ConnectForm
            probe={(url) => callChecked('network.probe', { url })}
            save={(input) => callChecked('network.saveClient', input)}
            onSaved={onSaved}
          />
        )}
      </Stack>
    </SectionCard>
  );
}
