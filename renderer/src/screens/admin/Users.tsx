import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Menu,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
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
import type { UserRow } from '../../../../shared/contract/users';
import { call } from '../../api/rpc';
import { LoadError, PageHeader, PageLoader } from '../../components/Panels';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { useQuery } from '../../lib/useQuery';
import { useMe } from '../../session/SessionProvider';
import { UserDialog, type UserDialogKind } from './UserDialogs';

function isLocked(u: UserRow): boolean {
  return !!u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now();
}

export function UsersPage() {
  const t = useT();
  const fmt = useFormat();
  const me = useMe();
  const users = useQuery('users', () => call('users.list', { includeInactive: true }));
  const [search, setSearch] = useState('');
  const [showInactive, setShowInactive] = useState(true);
  const [dialog, setDialog] = useState<UserDialogKind | null>(null);

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

      <UserDialog dialog={dialog} onClose={close} onSaved={saved} onReload={users.reload} />
    </>
  );
}
