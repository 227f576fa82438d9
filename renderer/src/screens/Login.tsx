import { Alert, Box, Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconLogin } from '@tabler/icons-react';
import { useState } from 'react';
import { RpcError } from '../../../shared/errors';
import { callChecked } from '../api/rpc';
import { Brand } from '../components/Brand';
import { FormFrame } from '../components/FormModal';
import { PublicLayout } from '../components/PublicLayout';
import { useT } from '../i18n/I18nProvider';
import { useFormat } from '../lib/format';
import { useForm } from '../lib/form';
import { useSession } from '../session/SessionProvider';
import { PasswordField } from '../components/PasswordField';
import { UsernameInput } from '../components/UsernameInput';

export function Login() {
  const t = useT();
  const fmt = useFormat();
  const session = useSession();
  // Wrong password, locked account: its own notice above the fields (not "check the fields").
  const [failure, setFailure] = useState<RpcError | null>(null);
  const form = useForm(
    { username: '', password: '' },
    {
      submit: (v) => {
        setFailure(null);
        return callChecked('auth.login', v);
      },
      success: false,
      onSaved: (me) => session.signedIn(me),
      onFailure: (error) => {
        if (error.code === 'VALIDATION' && error.issues?.length) return false;
        setFailure(error);
        form.set('password', '');
        return true;
      },
    },
  );

  const locked = failure?.key === 'auth.error.tooMany';

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
            <FormFrame form={form}>
              <Title order={1} fz={26}>
                {t('auth.login.title')}
              </Title>
              {failure && (
                <Alert
                  color={locked ? 'orange' : 'red'}
                  icon={locked ? <IconLock size={20} /> : <IconAlertTriangle size={20} />}
                  title={t(locked ? 'auth.tooManyNotice' : 'auth.failedTitle')}
                  role="alert"
                  data-testid="login-error"
                >
                  {fmt.error(failure)}
                </Alert>
              )}
              <UsernameInput autoFocus {...form.text('username')} />
              <PasswordField
                label={t('auth.password')}
                required
                autoComplete="current-password"
                {...form.text('password')}
              />
              <Button
                type="submit"
                loading={form.busy}
                leftSection={<IconLogin size={18} />}
                mt="xs"
              >
                {t('auth.login.submit')}
              </Button>
            </FormFrame>
          </Box>
        </SimpleGrid>
      </Paper>
    </PublicLayout>
  );
}
