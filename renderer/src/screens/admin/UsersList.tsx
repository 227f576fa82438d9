/**
 * The users list of `#/admin/users`: searched, filtered, sorted and paged by the server, with
 * its filters in the address. Row actions open the page's dialogs.
 */
import {
  ActionIcon,
  Badge,
  Group,
  Menu,
  Select,
  Stack,
  Switch,
  Text,
  Tooltip,
} from '@mantine/core';
import {
  IconDots,
  IconKey,
  IconLock,
  IconPencil,
  IconUserCheck,
  IconUserOff,
} from '@tabler/icons-react';
import { Input } from '../../../../shared/contract';
import { USER_SORTS, type UserRow } from '../../../../shared/contract/users';
import { ROLES, type Role } from '../../../../shared/roles';
import { call } from '../../api/rpc';
import { DataList, type Column } from '../../components/DataList';
import { FilterBar, SearchFilter } from '../../components/FilterBar';
import { LoadError } from '../../components/PageStates';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { filterSelect, sortOf, useListState, type ListState } from '../../lib/list';
import { useQuery } from '../../lib/useQuery';
import { useMe } from '../../session/SessionProvider';

const FILTERS = { q: '', role: '', inactive: 'show' };
type Filters = typeof FILTERS;

export type UserAction = 'edit' | 'reset' | 'active';

export function isLocked(u: UserRow): boolean {
  return !!u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now();
}

function toInput(list: ListState<Filters>): Input<'users.list'> {
  const f = list.filters;
  const input: Input<'users.list'> = {
    includeInactive: f.inactive !== 'hide',
    sort: sortOf(list, USER_SORTS),
    page: list.page,
    pageSize: list.pageSize,
  };
  if (f.q) input.q = f.q;
  if (f.role) input.role = f.role as Role;
  return input;
}

function useColumns(onAction: (action: UserAction, u: UserRow) => void): Column<UserRow>[] {
  const t = useT();
  const fmt = useFormat();
  const me = useMe();
  return [
    {
      key: 'name',
      header: t('user.fullName'),
      sort: { asc: 'name', desc: 'name_desc' },
      miw: 160,
      render: (u) => (
        <>
          <Text size="sm" fw={600}>
            {u.fullName}
          </Text>
          {u.position && (
            <Text size="xs" c="dimmed">
              {u.position}
            </Text>
          )}
          {u.id === me.id && (
            <Text size="xs" c="pelita" fw={600}>
              {t('user.you')}
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'username',
      header: t('auth.username'),
      sort: { asc: 'username', desc: 'username_desc' },
      render: (u) => (
        <>
          <Text size="sm" ff="monospace">
            {u.username}
          </Text>
          {u.nip && (
            <Text size="xs" c="dimmed" ff="monospace" title={t('user.nip')}>
              {t('user.nip')} {u.nip}
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'roles',
      header: t('user.roles'),
      render: (u) => (
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
      ),
    },
    {
      key: 'status',
      header: t('user.status'),
      render: (u) => (
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
      ),
    },
    {
      key: 'lastLogin',
      header: t('user.lastLogin'),
      sort: { desc: 'last_login' },
      render: (u) => (
        <Text size="sm" c={u.lastLoginAt ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
          {u.lastLoginAt ? fmt.dateTime(u.lastLoginAt) : t('user.never')}
        </Text>
      ),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      hideHeader: true,
      w: 56,
      render: (u) => (
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
            <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => onAction('edit', u)}>
              {t('common.edit')}
            </Menu.Item>
            <Menu.Item leftSection={<IconKey size={16} />} onClick={() => onAction('reset', u)}>
              {t('user.resetPassword')}
            </Menu.Item>
            <Menu.Divider />
            {u.active ? (
              <Menu.Item
                color="red"
                leftSection={<IconUserOff size={16} />}
                disabled={u.id === me.id}
                onClick={() => onAction('active', u)}
              >
                {t('user.disable')}
              </Menu.Item>
            ) : (
              <Menu.Item
                color="teal"
                leftSection={<IconUserCheck size={16} />}
                onClick={() => onAction('active', u)}
              >
                {t('user.enable')}
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      ),
    },
  ];
}

/** `refresh` changes after a dialog saved, to load the list again. */
export function UsersList({
  refresh,
  onAction,
}: {
  refresh: number;
  onAction: (action: UserAction, u: UserRow) => void;
}) {
  const t = useT();
  const list = useListState(FILTERS, 'username');
  const f = list.filters;
  const input = toInput(list);
  const users = useQuery(`users:${JSON.stringify(input)}#${refresh}`, () =>
    call('users.list', input),
  );
  const columns = useColumns(onAction);

  if (users.error && !users.data) return <LoadError error={users.error} onRetry={users.reload} />;

  return (
    <>
      <FilterBar
        align="center"
        row={
          <>
            <SearchFilter
              list={list}
              placeholder={t('user.search')}
              label={t('user.search')}
              flex="1 1 260px"
              maw={400}
              testId="user-search"
            />
            <Select
              aria-label={t('user.roles')}
              placeholder={t('user.anyRole')}
              data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
              {...filterSelect(list, 'role')}
              w={220}
            />
            <Switch
              label={t('user.showInactive')}
              checked={f.inactive !== 'hide'}
              onChange={(e) =>
                list.setFilters({ inactive: e.currentTarget.checked ? 'show' : 'hide' })
              }
            />
          </>
        }
      />
      <DataList
        label={t('user.title')}
        testId="users-table"
        columns={columns}
        query={users}
        rowsOf={(d) => d.users}
        list={list}
        minWidth={860}
        onOpen={(u) => onAction('edit', u)}
        rowProps={(u) => ({
          'data-testid': `user-row-${u.username}`,
          'data-inactive': !u.active || undefined,
        })}
        empty={{ title: t('user.empty'), body: t('user.emptyHelp') }}
      />
    </>
  );
}
