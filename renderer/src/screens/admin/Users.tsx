import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  Menu,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconDots,
  IconKey,
  IconLock,
  IconPencil,
  IconPlus,
  IconSearch,
  IconUserCheck,
  IconUserOff,
} from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { UserRow } from '../../../../shared/contract/users';
import { ROLES, type Role } from '../../../../shared/roles';
import { call } from '../../api/rpc';
import { FormFailureAlert } from '../../components/FormFailureAlert';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, PageLoader } from '../../components/PageStates';
import { PasswordRules } from '../../components/PasswordRules';
import { useT } from '../../i18n/I18nProvider';
import { useFailureHandler } from '../../lib/failures';
import { useFormat } from '../../lib/format';
import { useForm } from '../../lib/form';
import { useQuery } from '../../lib/useQuery';
import { useMe } from '../../session/SessionProvider';
import { PasswordField } from '../../components/PasswordField';

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

function isLocked(u: UserRow): boolean {
  return !!u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now();
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
  const fmt = useFormat();
  const me = useMe();
  const users = useQuery('users', () => call('users.list', { includeInactive: true }));
  const [search, setSearch] = useState('');
  const [showInactive, setShowInactive] = useState(true);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (users.data?.users ?? []).filter(
      (u) =>
        (showInactive || u.active) &&
        (!q ||
          [u.username, u.fullName, u.nip ?? '', u.position ?? ''].some((f) =>
            f.toLowerCase().includes(q),
          )),
    );
  }, [users.data, search, showInactive]);

  if (users.error && !users.data) {
    return (
      <>
        <PageHeader title={t('user.title')} subtitle={t('user.subtitle')} />
        <LoadError error={users.error} onRetry={users.reload} />
      </>
    );
  }

  const close = () => setDialog(null);
  const saved = () => {
    setDialog(null);
    users.reload();
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
      <Paper withBorder radius="md">
        <Group justify="space-between" p="md" gap="md" wrap="wrap">
          <TextInput
            placeholder={t('user.search')}
            aria-label={t('user.search')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={{ base: '100%', sm: 340 }}
          />
          <Group gap="lg">
            <Switch
              label={t('user.showInactive')}
              checked={showInactive}
              onChange={(e) => setShowInactive(e.currentTarget.checked)}
            />
            <Text size="sm" c="dimmed">
              {t('user.count', { count: rows.length })}
            </Text>
          </Group>
        </Group>
        {users.loading && !users.data ? (
          <PageLoader />
        ) : (
          <Table.ScrollContainer minWidth={1000}>
            <Table
              verticalSpacing="sm"
              horizontalSpacing="md"
              highlightOnHover
              data-testid="users-table"
            >
              <Table.Thead bg="var(--pelita-table-head)">
                <Table.Tr>
                  <Table.Th>{t('user.fullName')}</Table.Th>
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('auth.username')}</Table.Th>
                  <Table.Th>{t('user.nip')}</Table.Th>
                  <Table.Th>{t('user.position')}</Table.Th>
                  <Table.Th>{t('user.roles')}</Table.Th>
                  <Table.Th>{t('user.status')}</Table.Th>
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('user.lastLogin')}</Table.Th>
                  <Table.Th w={56}>
                    <span className="pelita-sr-only">{t('common.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={8}>
                      <Text c="dimmed" ta="center" py="lg">
                        {t('user.empty')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {rows.map((u) => (
                  <Table.Tr
                    key={u.id}
                    data-testid={`user-row-${u.username}`}
                    opacity={u.active ? 1 : 0.65}
                  >
                    <Table.Td miw={150}>
                      <Text size="sm" fw={600}>
                        {u.fullName}
                      </Text>
                      {u.id === me.id && (
                        <Text size="xs" c="pelita" fw={600}>
                          {t('user.you')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {u.username}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace" c={u.nip ? undefined : 'dimmed'}>
                        {u.nip ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={u.position ? undefined : 'dimmed'}>
                        {u.position ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} miw={150}>
                        {u.roles.map((r) => (
                          <Badge
                            key={r}
                            variant="light"
                            radius="sm"
                            tt="none"
                            color={r === 'admin' ? 'grape' : 'pelita'}
                          >
                            {t(`role.${r}`)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4} align="flex-start" miw={96}>
                        <Badge
                          color={u.active ? 'teal' : 'gray'}
                          variant="dot"
                          tt="none"
                          style={{ overflow: 'visible' }}
                        >
                          {t(u.active ? 'user.active' : 'user.inactive')}
                        </Badge>
                        {isLocked(u) && (
                          <Group gap={4} wrap="nowrap" align="flex-start">
                            <IconLock
                              size={14}
                              color="var(--mantine-color-orange-7)"
                              style={{ marginTop: 2, flexShrink: 0 }}
                            />
                            <Text size="xs" c="orange.8" fw={600} maw={180}>
                              {t('user.locked', { until: fmt.dateTime(u.lockedUntil!) })}
                            </Text>
                          </Group>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Text
                        size="sm"
                        c={u.lastLoginAt ? undefined : 'dimmed'}
                        style={{ whiteSpace: 'nowrap' }}
                      >
                        {u.lastLoginAt ? fmt.dateTime(u.lastLoginAt) : t('user.never')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Menu position="bottom-end" withinPortal shadow="md">
                        <Menu.Target>
                          <Tooltip label={t('common.actions')}>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={t('user.rowActions', { username: u.username })}
                            >
                              <IconDots size={18} />
                            </ActionIcon>
                          </Tooltip>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item
                            leftSection={<IconPencil size={16} />}
                            onClick={() => setDialog({ kind: 'edit', user: u })}
                          >
                            {t('common.edit')}
                          </Menu.Item>
                          <Menu.Item
                            leftSection={<IconKey size={16} />}
                            onClick={() => setDialog({ kind: 'reset', user: u })}
                          >
                            {t('user.resetPassword')}
                          </Menu.Item>
                          <Menu.Divider />
                          {u.active ? (
                            <Menu.Item
                              color="red"
                              leftSection={<IconUserOff size={16} />}
                              disabled={u.id === me.id}
                              onClick={() => setDialog({ kind: 'active', user: u })}
                            >
                              {t('user.disable')}
                            </Menu.Item>
                          ) : (
                            <Menu.Item
                              color="teal"
                              leftSection={<IconUserCheck size={16} />}
                              onClick={() => setDialog({ kind: 'active', user: u })}
                            >
                              {t('user.enable')}
                            </Menu.Item>
                          )}
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

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
            onReload={users.reload}
          />
        )}
      </Modal>
    </>
  );
}
