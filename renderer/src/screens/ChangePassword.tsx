import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconKey, IconLogout } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { call, isRpcFailure } from '../api/rpc';
import { FormFailureAlert } from '../components/FormFailureAlert';
import { PasswordRules } from '../components/PasswordRules';
import { PublicLayout } from '../components/PublicLayout';
import { useT } from '../i18n/I18nProvider';
import { useFailureHandler } from '../lib/failures';
import { useForm } from '../lib/form';
import { useMe, useSession } from '../session/SessionProvider';
import { PasswordField } from '../components/PasswordField';

/** Change one's own password: in a modal from the user menu, or forced after an admin reset. */
export function ChangePasswordForm({
  onDone,
  onCancel,
}: {
  onDone: () => void;
  onCancel?: () => void;
}) {
  const t = useT();
  const me = useMe();
  const handle = useFailureHandler();
  const [busy, setBusy] = useState(false);
  const form = useForm({ currentPassword: '', newPassword: '', confirm: '' });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v = form.values;
    if (v.newPassword !== v.confirm) {
      form.setError('confirm', { key: 'auth.passwordMismatch' });
      return;
    }
    setBusy(true);
    form.clear();
    try {
      await call('auth.changePassword', {
        currentPassword: v.currentPassword,
        newPassword: v.newPassword,
      });
      notifications.show({ color: 'teal', message: t('auth.passwordChanged') });
      onDone();
    } catch (err) {
      setBusy(false);
      if (isRpcFailure(err) && err.error.key === 'auth.error.wrongCurrent') {
        form.setError('currentPassword', { key: err.error.key });
        return;
      }
      if (isRpcFailure(err) && err.error.key === 'auth.error.sameAsOld') {
        form.setError('newPassword', { key: err.error.key });
        return;
      }
      handle(err, { form });
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormFailureAlert failure={form.failure} />
        <PasswordField
          label={t('auth.currentPassword')}
          required
          autoComplete="current-password"
          data-autofocus
          {...form.text('currentPassword')}
        />
        <PasswordField
          label={t('auth.newPassword')}
          required
          autoComplete="new-password"
          {...form.text('newPassword')}
        />
        <PasswordField
          label={t('auth.confirmPassword')}
          required
          autoComplete="new-password"
          {...form.text('confirm')}
        />
        <PasswordRules
          password={form.values.newPassword}
          username={me.username}
          confirm={form.values.confirm}
        />
        <Text size="sm" c="dimmed">
          {t('auth.changePassword.intro')}
        </Text>
        <Group justify="flex-end" mt="xs">
          {onCancel && (
            <Button variant="default" onClick={onCancel} disabled={busy}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={busy} leftSection={<IconKey size={16} />}>
            {t('auth.changePassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Shown instead of the app while `me.mustChangePassword` is true. */
export function ForcedPasswordChange({ onSignOut }: { onSignOut: () => void }) {
  const t = useT();
  const session = useSession();
  const me = useMe();
  return (
    <PublicLayout officeName={session.officeName} size="xs">
      <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} shadow="xs">
        <Stack gap="md">
          <div>
            <Title order={1} fz={24}>
              {t('auth.mustChange.title')}
            </Title>
            <Text c="dimmed" size="sm" mt={4}>
              {me.fullName} · {me.username}
            </Text>
          </div>
          <Alert color="pelita" variant="light" icon={<IconInfoCircle size={20} />}>
            {t('auth.mustChange')}
          </Alert>
          <ChangePasswordForm onDone={() => void session.refreshMe()} />
          <Group justify="center">
            <Button
              variant="subtle"
              color="gray"
              size="xs"
              leftSection={<IconLogout size={14} />}
              onClick={onSignOut}
            >
              {t('auth.logout')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </PublicLayout>
  );
}
