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
  IconChevronDown,
  IconDevicesOff,
  IconKey,
  IconLogout,
  IconSettings,
} from '@tabler/icons-react';
import { useEffect, type ReactNode } from 'react';
import { call } from '../api/rpc';
import { Brand } from '../components/Brand';
import { AccessDenied, NotFound } from '../components/PageStates';
import { ReindexBanner } from '../components/ReindexBanner';
import { LanguageSwitch, ThemeToggle } from '../components/Toggles';
import { useT } from '../i18n/I18nProvider';
import { useFailureHandler } from '../lib/failures';
import { href, navigate, resolveRoute, useRoute } from '../lib/router';
import { useCan, type Can } from '../session/can';
import { useMe, useSession } from '../session/SessionProvider';
import { ADMIN_ENTRIES, HOME, ROUTES, SECTION_ENTRIES, type NavEntry } from './appRoutes';
import { ChangePasswordForm } from './ChangePassword';
import { notify } from '../lib/notify';

function NavItem({ entry: e, active }: { entry: Omit<NavEntry, 'needs'>; active: boolean }) {
  const t = useT();
  return (
    <NavLink
      href={href(e.path)}
      label={t(e.label)}
      leftSection={<e.Icon size={18} />}
      active={active}
      variant="light"
      className="pelita-navlink"
    />
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (
    (parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')
  ).toUpperCase();
}

/**
 * The page at `path`. A route whose method the user may not call shows the no-access page instead
 * (the backend refuses the method anyway); the navigation lists only what the user may open.
 */
function pageFor(path: string, can: Can): ReactNode {
  const to = resolveRoute(ROUTES, path, can);
  if (to.kind === 'denied') return <AccessDenied />;
  return to.kind === 'page' ? to.page : <NotFound />;
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
  const session = useSession();
  const route = useRoute();
  const [navOpened, nav] = useDisclosure(false);
  const [pwOpened, pw] = useDisclosure(false);
  const can = useCan();
  const adminEntries = ADMIN_ENTRIES.filter((e) => can(e.needs));

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
          <NavItem entry={HOME} active={route === '/'} />
          {SECTION_ENTRIES.filter((e) => can(e.needs)).map((e) => (
            <NavItem
              key={e.path}
              entry={e}
              active={route === e.path || route.startsWith(e.path + '/')}
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
                <NavItem key={e.path} entry={e} active={route === e.path} />
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
          {pageFor(route, can)}
        </Container>
      </AppShell.Main>

      <Modal opened={pwOpened} onClose={pw.close} title={t('auth.changePassword')} centered>
        <ChangePasswordForm onDone={pw.close} onCancel={pw.close} />
      </Modal>
    </AppShell>
  );
}
