/** The dialogs of the user admin screen: create or edit a user, reset a password, (de)activate. */
import { Checkbox, Group, SimpleGrid, Text, TextInput } from '@mantine/core';
import { IconKey, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import type { UserRow } from '../../../../shared/contract/users';
import { KELURAHAN_ROLES, ROLES, type Role } from '../../../../shared/roles';
import { RegionPicker } from '../../components/RegionPicker';
import { call, callChecked } from '../../api/rpc';
import { FormModal } from '../../components/FormModal';
import { NewPasswordFields, passwordMismatch } from '../../components/NewPasswordFields';
import { NipInput } from '../../components/NipInput';
import { useT } from '../../i18n/I18nProvider';
import { useFailureHandler } from '../../lib/failures';
import { useForm } from '../../lib/form';
import { UsernameInput } from '../../components/UsernameInput';

interface UserValues {
  username: string;
  fullName: string;
  nip: string;
  position: string;
  roles: Role[];
  /** The kelurahan of a kelurahan operator. */
  kelurahanCode: string | null;
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
    kelurahanCode: u?.kelurahan?.code ?? null,
    password: '',
    confirm: '',
  };
}

/** Create (user = null) or edit a user. */
/** What a user dialog reports: closed, saved, or the list is stale and must be read again. */
interface DialogEvents {
  onClose: () => void;
  onSaved: () => void;
  onReload: () => void;
}

function UserFormModal({
  user,
  onClose,
  onSaved,
}: { user: UserRow | null } & Omit<DialogEvents, 'onReload'>) {
  const t = useT();
  const handle = useFailureHandler();
  const [base, setBase] = useState<UserRow | null>(user);
  const creating = user === null;
  const form = useForm<UserValues, UserRow>(() => valuesFrom(user), {
    check: (v) => (creating ? passwordMismatch(v.password, v.confirm) : []),
    submit: (v) => {
      const scoped = v.roles.some((r) => KELURAHAN_ROLES.includes(r));
      const profile = {
        fullName: v.fullName,
        nip: v.nip,
        position: v.position,
        roles: v.roles,
        kelurahanCode: scoped ? v.kelurahanCode : null,
      };
      return creating
        ? callChecked('users.create', { username: v.username, password: v.password, ...profile })
        : callChecked('users.update', { id: base!.id, version: base!.version, ...profile });
    },
    success: (saved) => t(creating ? 'user.created' : 'user.updated', { username: saved.username }),
    onSaved,
    onReload: () => void reload(),
  });
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

  return (
    <FormModal
      form={form}
      title={creating ? t('user.create') : t('user.edit')}
      onClose={onClose}
      size="xl"
      centered
      submitLabel={creating ? t('user.create') : t('common.save')}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <UsernameInput
          description={creating ? t('user.username.help') : undefined}
          disabled={!creating}
          // An admin types someone else's name: no saved names offered.
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
        <NipInput label={t('user.nip')} description={t('user.nip.help')} {...form.text('nip')} />
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
      {v.roles.some((r) => KELURAHAN_ROLES.includes(r)) && (
        <RegionPicker
          label={t('user.kelurahan')}
          description={t('user.kelurahan.help')}
          required
          levels={[4]}
          value={v.kelurahanCode}
          onChange={(code) => form.set('kelurahanCode', code)}
          error={form.errorText('kelurahanCode')}
        />
      )}
      {creating && (
        <NewPasswordFields
          form={form}
          name="password"
          label={t('user.initialPassword')}
          description={t('user.initialPassword.help')}
          username={v.username}
          side
        />
      )}
    </FormModal>
  );
}

function ResetPasswordModal({
  user,
  onClose,
  onSaved,
}: { user: UserRow } & Omit<DialogEvents, 'onReload'>) {
  const t = useT();
  const form = useForm(
    { newPassword: '', confirm: '' },
    {
      check: (v) => passwordMismatch(v.newPassword, v.confirm),
      submit: (v) =>
        callChecked('users.resetPassword', { id: user.id, newPassword: v.newPassword }),
      success: () => t('user.passwordReset', { username: user.username }),
      onSaved,
    },
  );

  return (
    <FormModal
      form={form}
      title={t('user.resetPassword')}
      onClose={onClose}
      centered
      submitLabel={t('user.resetPassword')}
      submitProps={{ leftSection: <IconKey size={16} /> }}
    >
      <Text size="sm">
        <b>{user.fullName}</b> ·{' '}
        <Text span ff="monospace" size="sm">
          {user.username}
        </Text>
      </Text>
      <Text size="sm" c="dimmed">
        {t('user.resetPassword.help')}
      </Text>
      <NewPasswordFields
        form={form}
        name="newPassword"
        label={t('auth.newPassword')}
        username={user.username}
        autoFocus
      />
    </FormModal>
  );
}

function SetActiveModal({ user, onClose, onSaved, onReload }: { user: UserRow } & DialogEvents) {
  const t = useT();
  const enabling = !user.active;
  const form = useForm(
    {},
    {
      submit: () =>
        callChecked('users.setActive', { id: user.id, version: user.version, active: enabling }),
      success: () => t(enabling ? 'user.enabled' : 'user.disabled', { username: user.username }),
      onSaved,
      onReload: () => {
        onClose();
        onReload();
      },
    },
  );

  return (
    <FormModal
      form={form}
      title={t(enabling ? 'user.enable' : 'user.disable')}
      onClose={onClose}
      centered
      submitLabel={t(enabling ? 'user.enable' : 'user.disable')}
      submitProps={{
        color: enabling ? 'teal' : 'red',
        leftSection: enabling ? <IconUserCheck size={16} /> : <IconUserOff size={16} />,
      }}
    >
      <Text size="sm">
        {t(enabling ? 'user.enable.confirm' : 'user.disable.confirm', { username: user.username })}
      </Text>
    </FormModal>
  );
}

export type UserDialogKind =
  | { kind: 'create' }
  | { kind: 'edit'; user: UserRow }
  | { kind: 'reset'; user: UserRow }
  | { kind: 'active'; user: UserRow };

/** The open dialog of the users screen, if any. */
export function UserDialog({
  dialog,
  ...events
}: { dialog: UserDialogKind | null } & DialogEvents) {
  switch (dialog?.kind) {
    case 'create':
      return <UserFormModal user={null} {...events} />;
    case 'edit':
      return <UserFormModal key={dialog.user.id} user={dialog.user} {...events} />;
    case 'reset':
      return <ResetPasswordModal user={dialog.user} {...events} />;
    case 'active':
      return <SetActiveModal user={dialog.user} {...events} />;
    default:
      return null;
  }
}
