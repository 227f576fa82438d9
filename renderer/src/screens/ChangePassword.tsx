import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconKey, IconLogout } from '@tabler/icons-react';
import { callChecked } from '../api/rpc';
import { FormActions, FormFrame } from '../components/FormModal';
import { NewPasswordFields, passwordMismatch } from '../components/NewPasswordFields';
import { PublicLayout } from '../components/PublicLayout';
import { useT } from '../i18n/I18nProvider';
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
  const form = useForm(
    { currentPassword: '', newPassword: '', confirm: '' },
    {
      check: (v) => passwordMismatch(v.newPassword, v.confirm),
      submit: (v) =>
        callChecked('auth.changePassword', {
          currentPassword: v.currentPassword,
          newPassword: v.newPassword,
        }),
      success: 'auth.passwordChanged',
      onSaved: onDone,
    },
  );

  return (
    <FormFrame form={form}>
      <PasswordField
        label={t('auth.currentPassword')}
        required
        autoComplete="current-password"
        data-autofocus
        {...form.text('currentPassword')}
      />
      <NewPasswordFields
        form={form}
        name="newPassword"
        label={t('auth.newPassword')}
        username={me.username}
      />
      <Text size="sm" c="dimmed">
        {t('auth.changePassword.intro')}
      </Text>
      <FormActions
        busy={form.busy}
        onCancel={onCancel}
        submitLabel={t('auth.changePassword')}
        submitProps={{ leftSection: <IconKey size={16} /> }}
      />
    </FormFrame>
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
          <Alert color="pelita" icon={<IconInfoCircle size={20} />}>
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
