/**
 * Admin › Office network: serve this PC's Pelita to the office over TLS (and read its
 * certificate's fingerprint), or connect this PC's desktop app to the office host with the
 * host's certificate pinned. Changed only at this PC itself.
 */
import { Alert, Grid } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import type { NetworkStatus } from '../../../../shared/contract/network';
import { call } from '../../api/rpc';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, PageLoader } from '../../components/PageStates';
import { useT } from '../../i18n/I18nProvider';
import { useQuery } from '../../lib/useQuery';
import { ClientCard } from './ClientCard';
import { ServeCard } from './ServeCard';

export function NetworkPage() {
  const t = useT();
  const status = useQuery('network-status', () => call('network.status', {}));
  // What a save answered, until the page is loaded again.
  const [saved, setSaved] = useState<NetworkStatus | null>(null);
  if (status.error && !status.data)
    return <LoadError error={status.error} onRetry={status.reload} />;
  if (!status.data) return <PageLoader />;
  const s = saved ?? status.data;
  return (
    <>
      <PageHeader title={t('nav.admin.network')} subtitle={t('network.subtitle')} />
      {!s.local && (
        <Alert
          color="orange"
          icon={<IconInfoCircle size={18} />}
          mb="lg"
          data-testid="network-remote"
        >
          {t('network.remote_notice')}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <ServeCard key={s.serve.version} status={s} onSaved={setSaved} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <ClientCard status={s} onSaved={setSaved} />
        </Grid.Col>
      </Grid>
    </>
  );
}
