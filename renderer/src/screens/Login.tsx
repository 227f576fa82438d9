import {
  Alert,
  Box,
  Button,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconLock, IconLogin } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { RpcError } from '../../../shared/errors';
import { call, isRpcFailure } from '../api/rpc';
import { Brand } from '../components/Brand';
import { PublicLayout } from '../components/PublicLayout';
import { useT } from '../i18n/I18nProvider';
import { useFormat } from '../lib/format';
import { placeIssues, useForm } from '../lib/form';
import { useSession } from '../session/SessionProvider';
import { PasswordField } from '../components/PasswordField';

export function Login() {
  const t = useT();
  const fmt = useFormat();
  const session = useSession();
  const form = useForm({ username: '', password: '' });
  const [failure, setFailure] = useState<RpcError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    form.clear();
    try {
      const me = await call('auth.login', {
        username: form.values.username,
        password: form.values.password,
      });
      session.signedIn(me);
    } catch (err) {
      setBusy(false);
      if (!isRpcFailure(err)) {
        setFailure({ code: 'INTERNAL', key: 'error.internal', message: { id: '', en: '' } });
        return;
      }
      if (err.code === 'VALIDATION' && err.error.issues?.length) {
        const leftovers = placeIssues(form, err.error.issues);
        if (leftovers.length) setFailure(err.error);
        return;
      }
      setFailure(err.error);
      form.set('password', '');
    }
  };

  const locked = failure?.key === 'auth.error.locked';

  return (
    <PublicLayout size="md" hideBrand>
      <Paper
        withBorder
        radius="lg"
        shadow="sm"
        style={{ overflow: 'hidden' }}
        mt={{ base: 0, sm: 'xl' }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={0}>
          <Box
            p={{ base: 'lg', sm: 40 }}
            style={{
              background:
                'linear-gradient(150deg, var(--mantine-color-pelita-8) 0%, var(--mantine-color-pelita-6) 100%)',
              color: 'white',
            }}
          >
            <Stack justify="space-between" h="100%" gap="xl">
              <Brand inverted subtitle={t('app.tagline')} />
              <div>
                <Text fz={{ base: 'lg', sm: 22 }} fw={700} lh={1.3}>
                  {session.officeName ?? t('nav.officeFallback')}
                </Text>
                <Text size="sm" mt="xs" c="rgba(255,255,255,0.85)">
                  {t('auth.login.intro')}
                </Text>
              </div>
            </Stack>
          </Box>
          <Box p={{ base: 'lg', sm: 40 }}>
            <form onSubmit={submit} noValidate>
              <Stack gap="md">
                <Title order={1} fz={26}>
                  {t('auth.login.title')}
                </Title>
                {failure && (
                  <Alert
                    color={locked ? 'orange' : 'red'}
                    variant="light"
                    icon={locked ? <IconLock size={20} /> : <IconAlertTriangle size={20} />}
                    title={t(locked ? 'auth.lockedNotice' : 'auth.failedTitle')}
                    role="alert"
                    data-testid="login-error"
                  >
                    {fmt.error(failure)}
                  </Alert>
                )}
                <TextInput
                  label={t('auth.username')}
                  required
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  autoFocus
                  {...form.text('username')}
                />
                <PasswordField
                  label={t('auth.password')}
                  required
                  autoComplete="current-password"
                  {...form.text('password')}
                />
                <Button type="submit" loading={busy} leftSection={<IconLogin size={18} />} mt="xs">
                  {t('auth.login.submit')}
                </Button>
              </Stack>
            </form>
          </Box>
        </SimpleGrid>
      </Paper>
    </PublicLayout>
  );
}
