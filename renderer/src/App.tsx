import { Button, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlugConnectedX, IconRefresh } from '@tabler/icons-react';
import { call } from './api/rpc';
import { PublicLayout } from './components/PublicLayout';
import { useT } from './i18n/I18nProvider';
import { useFormat } from './lib/format';
import { isRpcFailure } from './api/rpc';
import { useSession } from './session/SessionProvider';
import { ForcedPasswordChange } from './screens/ChangePassword';
import { Login } from './screens/Login';
import { SetupWizard } from './screens/SetupWizard';
import { Shell } from './screens/Shell';
import { navigate } from './lib/router';

function Unreachable() {
  const t = useT();
  const fmt = useFormat();
  const session = useSession();
  const e = session.startError;
  return (
    <PublicLayout size="xs">
      <Paper withBorder radius="lg" p="xl">
        <Stack align="center" ta="center" gap="sm">
          <IconPlugConnectedX size={40} color="var(--mantine-color-red-6)" />
          <Title order={1} fz={22}>
            {t('common.errorTitle')}
          </Title>
          <Text c="dimmed">{isRpcFailure(e) ? fmt.error(e.error) : t('error.network')}</Text>
          <Button leftSection={<IconRefresh size={16} />} onClick={session.retry}>
            {t('common.tryAgain')}
          </Button>
        </Stack>
      </Paper>
    </PublicLayout>
  );
}

export function App() {
  const session = useSession();
  switch (session.phase) {
    case 'loading':
      return (
        <Center h="100vh">
          <Loader />
        </Center>
      );
    case 'unreachable':
      return <Unreachable />;
    case 'setup':
      return <SetupWizard />;
    case 'signedOut':
      return <Login />;
    case 'signedIn':
      if (session.me?.mustChangePassword) {
        return (
          <ForcedPasswordChange
            onSignOut={() => {
              void call('auth.logout', {}).finally(() => {
                navigate('/');
                session.signedOut();
              });
            }}
          />
        );
      }
      return <Shell />;
  }
}
