import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey, IconPlus, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { UserRow } from '../../../../shared/contract/users';
import { ROLES, type Role } from '../../../../shared/roles';
import { call } from '../../api/rpc';
import { FormFailureAlert } from '../../components/FormFailureAlert';
import { PageHeader } from '../../components/PageHeader';
import { PasswordRules } from '../../components/PasswordRules';
import { useT } from '../../i18n/I18nProvider';
import { useFailureHandler } from '../../lib/failures';
import { useForm } from '../../lib/form';
import { PasswordField } from '../../components/PasswordField';
import { UsersList } from './UsersList';

interface UserValues {
  username: string;
  fullName: string;
  nip: string;
  position: string;
  roles: Role[];
  password: string;
  confirm: string;
}

function valuesFrom(u: UserRow | null): UserValues {
  return {
    username: u?.username ?? '',
    fullName: u?.fullName ?? '',
    nip: u?.nip ?? '',
    position: u?.position ?? '',
    roles: u ? [...u.roles] : [],
    password: '',
    confirm: '',
  };
}

/** Create (user = null) or edit a user. */
function UserFormModal({
  user,
  onClose,
  onSaved,
}: {
  user: UserRow | null;
  onClose: () => void;
  onSaved: (u: UserRow) => void;
}) {
  const t = useT();
  const handle = useFailureHandler();
  const [base, setBase] = useState<UserRow | null>(user);
  const form = useForm<UserValues>(() => valuesFrom(user));
  const [busy, setBusy] = useState(false);
  const creating = user === null;
  const v = form.values;

  const reload = async () => {
    if (!base) return;
    try {
      const { users } = await call('users.list', { includeInactive: true });
      const fresh = users.find((u) => u.id === base.id);
      if (fresh) {
        setBase(fresh);
        form.setValues(valuesFrom(fresh));
      }
    } catch (e) {
      handle(e);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (creating && v.password !== v.confirm) {
      form.setError('confirm', { key: 'auth.passwordMismatch' });
      return;
    }
    setBusy(true);
    form.clear();
    try {
      const profile = { fullName: v.fullName, nip: v.nip, position: v.position, roles: v.roles };
      const saved = creating
        ? await call('users.create', { username: v.username, password: v.password, ...profile })
        : await call('users.update', { id: base!.id, version: base!.version, ...profile });
      notifications.show({
        color: 'teal',
        message: t(creating ? 'user.created' : 'user.updated', { username: saved.username }),
      });
      onSaved(saved);
    } catch (err) {
      setBusy(false);
      handle(err, { form, onReload: () => void reload() });
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormFailureAlert failure={form.failure} onReload={() => void reload()} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('auth.username')}
            description={creating ? t('user.username.help') : undefined}
            required
            disabled={!creating}
            autoCapitalize="none"
            spellCheck={false}
            autoComplete="off"
            data-autofocus={creating || undefined}
            {...form.text('username')}
          />
          <TextInput
            label={t('user.fullName')}
            required
            maxLength={120}
            data-autofocus={!creating || undefined}
            {...form.text('fullName')}
          />
          <TextInput
            label={t('user.nip')}
            description={t('user.nip.help')}
            inputMode="numeric"
            maxLength={18}
            classNames={{ input: 'pelita-mono' }}
            {...form.text('nip')}
          />
          <TextInput label={t('user.position')} maxLength={120} {...form.text('position')} />
        </SimpleGrid>
        <Checkbox.Group
          label={t('user.roles')}
          description={t('user.roles.help')}
          required
          value={v.roles}
          onChange={(roles) => form.set('roles', roles as Role[])}
          error={form.errorText('roles')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="sm">
            {ROLES.map((r) => (
              <Checkbox.Card
                key={r}
                value={r}
                radius="md"
                p="sm"
                className="pelita-role-card"
                data-testid={`role-${r}`}
              >
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Checkbox.Indicator mt={2} />
                  <div>
                    <Text fw={600} size="sm">
                      {t(`role.${r}`)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`role.${r}.desc`)}
                    </Text>
                  </div>
                </Group>
              </Checkbox.Card>
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        {creating && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <PasswordField
                label={t('user.initialPassword')}
                description={t('user.initialPassword.help')}
                required
                autoComplete="new-password"
                {...form.text('password')}
              />
              <PasswordField
                label={t('auth.confirmPassword')}
                required
                autoComplete="new-password"
                {...form.text('confirm')}
              />
            </SimpleGrid>
            <PasswordRules password={v.password} username={v.username} confirm={v.confirm} />
          </>
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {creating ? t('user.create') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ResetPasswordModal({
  user,
  onClose,
  onSaved,
}: {
  user: UserRow;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const handle = useFailureHandler();
  const form = useForm({ newPassword: '', confirm: '' });
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (form.values.newPassword !== form.values.confirm) {
      form.setError('confirm', { key: 'auth.passwordMismatch' });
      return;
    }
    setBusy(true);
    form.clear();
    try {
      await call('users.resetPassword', { id: user.id, newPassword: form.values.newPassword });
      notifications.show({
        color: 'teal',
        message: t('user.passwordReset', { username: user.username }),
      });
      onSaved();
    } catch (err) {
      setBusy(false);
      handle(err, { form });
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          <b>{user.fullName}</b> ·{' '}
          <Text span ff="monospace" size="sm">
            {user.username}
          </Text>
        </Text>
        <Text size="sm" c="dimmed">
          {t('user.resetPassword.help')}
        </Text>
        <FormFailureAlert failure={form.failure} />
        <PasswordField
          label={t('auth.newPassword')}
          required
          autoComplete="new-password"
          data-autofocus
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
          username={user.username}
          confirm={form.values.confirm}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} leftSection={<IconKey size={16} />}>
            {t('user.resetPassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SetActiveModal({
  user,
  onClose,
  onSaved,
  onReload,
}: {
  user: UserRow;
  onClose: () => void;
  onSaved: () => void;
  onReload: () => void;
}) {
  const t = useT();
  const handle = useFailureHandler();
  const [busy, setBusy] = useState(false);
  const enabling = !user.active;

  const confirm = async () => {
    setBusy(true);
    try {
      await call('users.setActive', { id: user.id, version: user.version, active: enabling });
      notifications.show({
        color: 'teal',
        message: t(enabling ? 'user.enabled' : 'user.disabled', { username: user.username }),
      });
      onSaved();
    } catch (err) {
      setBusy(false);
      handle(err, {
        onReload: () => {
          onClose();
          onReload();
        },
      });
    }
  };

  return (
    <Stack gap="md">
      <Text size="sm">
        {t(enabling ? 'user.enable.confirm' : 'user.disable.confirm', { username: user.username })}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={busy} data-autofocus>
          {t('common.cancel')}
        </Button>
        <Button
          color={enabling ? 'teal' : 'red'}
          loading={busy}
          onClick={() => void confirm()}
          leftSection={enabling ? <IconUserCheck size={16} /> : <IconUserOff size={16} />}
        >
          {t(enabling ? 'user.enable' : 'user.disable')}
        </Button>
      </Group>
    </Stack>
  );
}

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: UserRow }
  | { kind: 'reset'; user: UserRow }
  | { kind: 'active'; user: UserRow };

export function UsersPage() {
  const t = useT();
  const [refresh, setRefresh] = useState(0);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const close = () => setDialog(null);
  const saved = () => {
    setDialog(null);
    setRefresh((n) => n + 1);
  };

  const modalTitle =
    dialog?.kind === 'create'
      ? t('user.create')
      : dialog?.kind === 'edit'
        ? t('user.edit')
        : dialog?.kind === 'reset'
          ? t('user.resetPassword')
          : dialog?.kind === 'active'
            ? t(dialog.user.active ? 'user.disable' : 'user.enable')
            : '';

  return (
    <>
      <PageHeader
        title={t('user.title')}
        subtitle={t('user.subtitle')}
        actions={
          <Button
            leftSection={<IconPlus size={18} />}
            onClick={() => setDialog({ kind: 'create' })}
          >
            {t('user.create')}
          </Button>
        }
      />
      <UsersList refresh={refresh} onAction={(kind, user) => setDialog({ kind, user })} />

      <Modal
        opened={dialog !== null}
        onClose={close}
        title={modalTitle}
        size={dialog?.kind === 'create' || dialog?.kind === 'edit' ? 'xl' : 'md'}
        centered
      >
        {dialog?.kind === 'create' && <UserFormModal user={null} onClose={close} onSaved={saved} />}
        {dialog?.kind === 'edit' && (
          <UserFormModal key={dialog.user.id} user={dialog.user} onClose={close} onSaved={saved} />
        )}
        {dialog?.kind === 'reset' && (
          <ResetPasswordModal user={dialog.user} onClose={close} onSaved={saved} />
        )}
        {dialog?.kind === 'active' && (
          <SetActiveModal
            user={dialog.user}
            onClose={close}
            onSaved={saved}
            onReload={() => setRefresh((n) => n + 1)}
          />
        )}
      </Modal>
    </>
  );
}
