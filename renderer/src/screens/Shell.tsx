import {
  AppShell,
  Avatar,
  Box,
  Burger,
  Container,
  Group,
  Menu,
  Modal,
  NavLink,
  ScrollArea,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBed,
  IconBuildingCommunity,
  IconCalendarOff,
  IconCopy,
  IconCategory,
  IconHash,
  IconMessageReport,
  IconGitMerge,
  IconId,
  IconChevronDown,
  IconDevicesOff,
  IconHome,
  IconKey,
  IconListSearch,
  IconLogout,
  IconSettings,
  IconUsers,
} from '@tabler/icons-react';
import { useEffect, type ReactNode } from 'react';
import type { Permission } from '../../../shared/roles';
import type { MessageKey } from '../../../shared/i18n';
import { call } from '../api/rpc';
import { Brand } from '../components/Brand';
import { NotFound } from '../components/PageStates';
import { ReindexBanner } from '../components/ReindexBanner';
import { LanguageSwitch, ThemeToggle } from '../components/Toggles';
import { useT } from '../i18n/I18nProvider';
import { useFailureHandler } from '../lib/failures';
import { href, navigate, renderRoute, route, useRoute } from '../lib/router';
import { useMe, useSession } from '../session/SessionProvider';
import { ChangePasswordForm } from './ChangePassword';
import { Home } from './Home';
import { AuditPage } from './admin/Audit';
import { OfficePage } from './admin/Office';
import { UsersPage } from './admin/Users';
import { PersonMergePage } from './admin/PersonMerge';
import { DuplicateReviewPage } from './admin/DuplicateReview';
import { SheltersAdminPage } from './admin/Shelters';
import { ComplaintCategoriesPage } from './admin/ComplaintCategories';
import { ComplaintNumberingPage } from './admin/ComplaintNumbering';
import { HolidaysPage } from './admin/Holidays';
import { complaintRoutes } from './complaints/routes';
import { personRoutes } from './persons/routes';
import { shelterRoutes } from './shelter/routes';
import { notify } from '../lib/notify';

interface AdminEntry {
  path: string;
  label: MessageKey;
  permission: Permission;
  icon: ReactNode;
  page: () => ReactNode;
}

const ADMIN_ENTRIES: AdminEntry[] = [
  {
    path: '/admin/users',
    label: 'nav.admin.users',
    permission: 'users.manage',
    icon: <IconUsers size={18} />,
    page: () => <UsersPage />,
  },
  {
    path: '/admin/office',
    label: 'nav.admin.office',
    permission: 'office.manage',
    icon: <IconBuildingCommunity size={18} />,
    page: () => <OfficePage />,
  },
  {
    path: '/admin/audit',
    label: 'nav.admin.audit',
    permission: 'audit.read',
    icon: <IconListSearch size={18} />,
    page: () => <AuditPage />,
  },
  {
    path: '/admin/shelters',
    label: 'nav.admin.shelters',
    permission: 'shelter.manage',
    icon: <IconBed size={18} />,
    page: () => <SheltersAdminPage />,
  },
  {
    path: '/admin/merge',
    label: 'nav.admin.merge',
    permission: 'persons.merge',
    icon: <IconGitMerge size={18} />,
    page: () => <PersonMergePage />,
  },
  {
    path: '/admin/duplicates',
    label: 'nav.admin.review',
    permission: 'persons.merge',
    icon: <IconCopy size={18} />,
    page: () => <DuplicateReviewPage />,
  },
  {
    path: '/admin/complaint-categories',
    label: 'nav.admin.complaintCategories',
    permission: 'complaints.manage',
    icon: <IconCategory size={18} />,
    page: () => <ComplaintCategoriesPage />,
  },
  {
    path: '/admin/holidays',
    label: 'nav.admin.holidays',
    permission: 'calendar.manage',
    icon: <IconCalendarOff size={18} />,
    page: () => <HolidaysPage />,
  },
  {
    path: '/admin/complaint-numbering',
    label: 'nav.admin.complaintNumbering',
    permission: 'complaints.manage',
    icon: <IconHash size={18} />,
    page: () => <ComplaintNumberingPage />,
  },
];

/** Main sections in the side navigation; `match` is the path prefix that marks them active. */
const SECTION_ENTRIES: {
  match: string;
  label: MessageKey;
  permission: Permission;
  icon: ReactNode;
}[] = [
  {
    match: '/persons',
    label: 'nav.persons',
    permission: 'persons.read',
    icon: <IconId size={18} />,
  },
  {
    match: '/shelter',
    label: 'nav.shelter',
    permission: 'shelter.read',
    icon: <IconBed size={18} />,
  },
  {
    match: '/complaints',
    label: 'nav.complaints',
    permission: 'complaints.read',
    icon: <IconMessageReport size={18} />,
  },
];

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (
    (parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')
  ).toUpperCase();
}

/** Every page of the signed-in app: the domains' route tables and the admin pages. */
const ROUTES = [
  route('/', () => <Home />),
  ...personRoutes,
  ...shelterRoutes,
  ...complaintRoutes,
  ...ADMIN_ENTRIES.map((e) => route(e.path, e.page)),
];

/**
 * Every page is reachable by its hash, whatever the permissions: a page the user may not use
 * asks the backend anyway and shows the FORBIDDEN answer ("Akses ditolak"). The navigation only
 * lists what the user may open.
 */
function pageFor(path: string): ReactNode {
  return renderRoute(ROUTES, path) ?? <NotFound />;
}

function UserMenu({ onChangePassword }: { onChangePassword: () => void }) {
  const t = useT();
  const me = useMe();
  const session = useSession();
  const handle = useFailureHandler();

  const signOut = async (everywhere: boolean) => {
    try {
      await call(everywhere ? 'auth.logoutEverywhere' : 'auth.logout', {});
    } catch (e) {
      handle(e);
      return;
    }
    navigate('/');
    session.signedOut();
    notify({
      color: 'pelita',
      message: t(everywhere ? 'auth.loggedOutEverywhere' : 'auth.loggedOut'),
    });
  };

  const roles = me.roles.map((r) => t(`role.${r}`)).join(', ');
  return (
    <Menu position="bottom-end" width={260} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton
          aria-label={t('nav.userMenu')}
          data-testid="user-menu"
          className="pelita-user-button"
          px="xs"
          py={4}
        >
          <Group gap="sm" wrap="nowrap">
            <Avatar color="pelita" radius="xl" size={34}>
              {initials(me.fullName)}
            </Avatar>
            <Box visibleFrom="md" maw={200}>
              <Text size="sm" fw={600} truncate lh={1.2}>
                {me.fullName}
              </Text>
              <Text size="xs" c="dimmed" truncate lh={1.2}>
                {roles}
              </Text>
            </Box>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Box px="sm" py="xs">
          <Text size="sm" fw={600}>
            {me.fullName}
          </Text>
          <Text size="xs" c="dimmed">
            {me.username} · {roles}
          </Text>
        </Box>
        <Menu.Divider />
        <Menu.Item leftSection={<IconKey size={16} />} onClick={onChangePassword}>
          {t('auth.changePassword')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void signOut(false)}>
          {t('auth.logout')}
        </Menu.Item>
        <Menu.Item
          color="red"
          leftSection={<IconDevicesOff size={16} />}
          onClick={() => void signOut(true)}
        >
          {t('auth.logoutEverywhere')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export function Shell() {
  const t = useT();
  const me = useMe();
  const session = useSession();
  const route = useRoute();
  const [navOpened, nav] = useDisclosure(false);
  const [pwOpened, pw] = useDisclosure(false);
  const perms = new Set(me.permissions);
  const adminEntries = ADMIN_ENTRIES.filter((e) => perms.has(e.permission));

  // '#/admin' alone opens the first admin page the user may use.
  useEffect(() => {
    if (route === '/admin') navigate(adminEntries[0]?.path ?? '/');
  }, [route, adminEntries]);

  useEffect(() => {
    nav.close();
    window.scrollTo(0, 0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [route]);

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 264, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding={0}
    >
      <a
        className="pelita-skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('nav.skip')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggleMenu')}
            />
            <Brand subtitle={session.officeName ?? t('nav.officeFallback')} />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Box visibleFrom="xs">
              <LanguageSwitch />
            </Box>
            <ThemeToggle />
            <UserMenu onChangePassword={pw.open} />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t('nav.menu')}>
        <AppShell.Section grow component={ScrollArea}>
          <NavLink
            href={href('/')}
            label={t('nav.home')}
            leftSection={<IconHome size={18} />}
            active={route === '/'}
            variant="light"
            className="pelita-navlink"
          />
          {SECTION_ENTRIES.filter((e) => perms.has(e.permission)).map((e) => (
            <NavLink
              key={e.match}
              href={href(e.match)}
              label={t(e.label)}
              leftSection={e.icon}
              active={route === e.match || route.startsWith(e.match + '/')}
              variant="light"
              className="pelita-navlink"
            />
          ))}
          {adminEntries.length > 0 && (
            <NavLink
              label={t('nav.admin')}
              leftSection={<IconSettings size={18} />}
              defaultOpened
              childrenOffset={20}
              className="pelita-navlink"
            >
              {adminEntries.map((e) => (
                <NavLink
                  key={e.path}
                  href={href(e.path)}
                  label={t(e.label)}
                  leftSection={e.icon}
                  active={route === e.path}
                  variant="light"
                  className="pelita-navlink"
                />
              ))}
            </NavLink>
          )}
        </AppShell.Section>
        <AppShell.Section hiddenFrom="xs" pt="sm">
          <LanguageSwitch testId="language-switch-nav" />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main bg="var(--pelita-page-bg)">
        <ReindexBanner />
        <Container
          size="xl"
          py={{ base: 'md', sm: 'xl' }}
          px={{ base: 'md', sm: 'xl' }}
          id="main"
          tabIndex={-1}
        >
          {pageFor(route)}
        </Container>
      </AppShell.Main>

      <Modal opened={pwOpened} onClose={pw.close} title={t('auth.changePassword')} centered>
        <ChangePasswordForm onDone={pw.close} onCancel={pw.close} />
      </Modal>
    </AppShell>
  );
}
