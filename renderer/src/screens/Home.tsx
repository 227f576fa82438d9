import { Anchor, Badge, Box, Grid, Group, Skeleton, Stack, Text, ThemeIcon } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import {
  IconBuildingCommunity,
  IconCalendar,
  IconHistory,
  IconShieldCheck,
  IconShieldX,
  IconUserCircle,
  IconUsers,
} from '@tabler/icons-react';

import { call } from '../api/rpc';
import { Field } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { Loaded } from '../components/PageStates';
import { useT } from '../i18n/I18nProvider';
import { useFormat } from '../lib/format';
import { href } from '../lib/router';
import { useQuery, type QueryState } from '../lib/useQuery';
import { useMe } from '../session/SessionProvider';
import { MethodLabel, OutcomeBadge, recordTypeLabel } from './admin/auditParts';
import { HomeCasesCard } from './cases/HomeCasesCard';
import { DueTodayCard } from './complaints/DueTodayCard';
import { ChecklistCard } from './office/ChecklistCard';
import { BackupHomeCard } from './backup/BackupHomeCard';
import { HomeShelterCard } from './shelter/HomeShelterCard';
import { SectionCard } from '../components/SectionCard';
import { useCan } from '../session/can';

// The charts library loads with the first chart, not with the app.
const HomeCharts = lazy(() =>
  import('./reports/HomeCharts').then((m) => ({ default: m.HomeCharts })),
);

function OfficeCard() {
  const t = useT();
  const office = useQuery('office', () => call('office.get', {}));
  const loading = (
    <Stack gap="xs">
      <Skeleton h={18} w="70%" />
      <Skeleton h={14} />
      <Skeleton h={14} w="50%" />
    </Stack>
  );
  return (
    <SectionCard title={t('home.office')} icon={<IconBuildingCommunity size={20} />}>
      <Loaded query={office} loading={loading}>
        {(o) => (
          <Stack gap="sm">
            <Text fw={700} fz="lg" lh={1.3}>
              {o.name}
            </Text>
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Field label={t('home.region')}>
                  {o.regionName ?? o.regionCode} ({o.regionCode})
                </Field>
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Field label={t('home.timeZone')}>
                  {o.timeZone === 'Asia/Jakarta' ||
                  o.timeZone === 'Asia/Makassar' ||
                  o.timeZone === 'Asia/Jayapura'
                    ? t(`tz.${o.timeZone}`)
                    : o.timeZone}
                </Field>
              </Grid.Col>
              <Grid.Col span={12}>
                <Field label={t('office.address')}>{o.address}</Field>
              </Grid.Col>
              {(o.phone || o.email) && (
                <Grid.Col span={12}>
                  <Field label={t('home.contact')}>
                    {[o.phone, o.email].filter(Boolean).join(' · ')}
                  </Field>
                </Grid.Col>
              )}
              {o.headName && (
                <Grid.Col span={12}>
                  <Field label={o.headPosition ?? t('office.headName')}>
                    {o.headName}
                    {o.headNip ? ` · ${t('home.headNip', { nip: o.headNip })}` : ''}
                  </Field>
                </Grid.Col>
              )}
            </Grid>
            <Badge variant="light" color="gray" size="lg" radius="sm" tt="none" fw={500}>
              {t('home.maxStay', { days: o.maxStayDays })}
            </Badge>
          </Stack>
        )}
      </Loaded>
    </SectionCard>
  );
}

function RecentActivity() {
  const t = useT();
  const fmt = useFormat();
  const mine = useQuery('mine', () => call('audit.mine', { limit: 10 }));
  const loading = (
    <Stack gap="xs">
      <Skeleton h={16} />
      <Skeleton h={16} />
      <Skeleton h={16} />
    </Stack>
  );
  return (
    <SectionCard title={t('home.recent')} icon={<IconHistory size={20} />}>
      <Loaded query={mine} loading={loading}>
        {({ rows }) =>
          rows.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('home.recent.empty')}
            </Text>
          ) : (
            <Stack gap={0} data-testid="recent-activity">
              {rows.map((r, i) => (
                <Group
                  key={r.seq}
                  justify="space-between"
                  wrap="nowrap"
                  gap="sm"
                  py="xs"
                  style={{
                    borderTop: i ? '1px solid var(--mantine-color-default-border)' : undefined,
                  }}
                >
                  <div style={{ minWidth: 0 }}>
                    <MethodLabel method={r.method} />
                    <Text size="xs" c="dimmed">
                      {fmt.dateTime(r.at)}
                      {r.recordType ? ` · ${recordTypeLabel(r.recordType, t)}` : ''}
                    </Text>
                  </div>
                  <OutcomeBadge outcome={r.outcome} />
                </Group>
              ))}
            </Stack>
          )
        }
      </Loaded>
    </SectionCard>
  );
}

/** A small figure of the admin card: its label, the figure once loaded, a link to its page. */
function AdminFigure<T>({
  label,
  query,
  loadingWidth,
  link,
  children,
}: {
  label: string;
  query: QueryState<T>;
  loadingWidth: number;
  link: { path: string; label: string };
  children: (data: T) => ReactNode;
}) {
  return (
    <Stack gap={6}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Loaded query={query} loading={<Skeleton h={28} w={loadingWidth} />}>
        {children}
      </Loaded>
      <Anchor href={href(link.path)} size="sm">
        {link.label}
      </Anchor>
    </Stack>
  );
}

function AuditStatus() {
  const t = useT();
  const verify = useQuery('verify', () => call('audit.verify', {}));
  return (
    <AdminFigure
      label={t('home.auditStatus')}
      query={verify}
      loadingWidth={160}
      link={{ path: '/admin/audit', label: t('home.openAudit') }}
    >
      {(v) => (
        <Group gap="sm" data-testid="home-audit-status">
          <ThemeIcon color={v.intact ? 'teal' : 'red'} variant="light" radius="xl" size={32}>
            {v.intact ? <IconShieldCheck size={18} /> : <IconShieldX size={18} />}
          </ThemeIcon>
          <div>
            <Text fw={700} c={v.intact ? 'teal' : 'red'}>
              {t(v.intact ? 'home.audit.intact' : 'home.audit.broken')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('home.audit.checked', { checked: v.checked })}
            </Text>
          </div>
        </Group>
      )}
    </AdminFigure>
  );
}

function ActiveUsers() {
  const t = useT();
  const users = useQuery('users', () => call('users.list', { includeInactive: true }));
  return (
    <AdminFigure
      label={t('home.users')}
      query={users}
      loadingWidth={120}
      link={{ path: '/admin/users', label: t('home.openUsers') }}
    >
      {({ users: list }) => (
        <Group gap="sm" align="baseline">
          <Text fz={32} fw={800} lh={1} data-testid="home-active-users">
            {list.filter((u) => u.active).length}
          </Text>
          <Text size="sm" c="dimmed">
            {t('home.users.detail', { total: list.length })}
          </Text>
        </Group>
      )}
    </AdminFigure>
  );
}

function LockedUsers() {
  const t = useT();
  const dashboard = useQuery('home-locked', () => call('reports.dashboard', {}));
  return (
    <AdminFigure
      label={t('home.users.locked')}
      query={dashboard}
      loadingWidth={60}
      link={{ path: '/admin/users', label: t('home.openUsers') }}
    >
      {(d) => (
        <Text
          fz={32}
          fw={800}
          lh={1}
          c={d.users?.locked ? 'red' : undefined}
          data-testid="home-locked"
        >
          {d.users?.locked ?? 0}
        </Text>
      )}
    </AdminFigure>
  );
}

export function Home() {
  const t = useT();
  const fmt = useFormat();
  const me = useMe();
  const can = useCan();
  const canAudit = can('audit.verify');
  const canUsers = can('users.list');
  return (
    <>
      <PageHeader
        title={t('home.greeting', { name: me.fullName })}
        subtitle={
          <Group gap={6} component="span">
            <IconCalendar size={16} />
            <span data-testid="today">{t('home.today', { date: fmt.dateLong(new Date()) })}</span>
          </Group>
        }
      />
      {can('office.checklist') && (
        <Box mb="lg">
          <ChecklistCard />
        </Box>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg" h="100%">
            <SectionCard title={t('home.yourRoles')} icon={<IconUserCircle size={20} />}>
              <Stack gap="sm" data-testid="home-roles">
                {me.roles.map((r) => (
                  <div key={r}>
                    <Badge variant="light" size="lg" radius="sm" tt="none">
                      {t(`role.${r}`)}
                    </Badge>
                    <Text size="sm" c="dimmed" mt={4}>
                      {t(`role.${r}.desc`)}
                    </Text>
                  </div>
                ))}
              </Stack>
            </SectionCard>
            {(canAudit || canUsers) && (
              <SectionCard title={t('home.adminTitle')} icon={<IconUsers size={20} />}>
                <Grid gap="lg">
                  {canAudit && (
                    <Grid.Col span={{ base: 12, xs: 6 }}>
                      <AuditStatus />
                    </Grid.Col>
                  )}
                  {canUsers && (
                    <Grid.Col span={{ base: 12, xs: 6 }}>
                      <ActiveUsers />
                    </Grid.Col>
                  )}
                  {canUsers && (
                    <Grid.Col span={{ base: 12, xs: 6 }}>
                      <LockedUsers />
                    </Grid.Col>
                  )}
                </Grid>
              </SectionCard>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            {can('backup.status') && <BackupHomeCard />}
            {can('cases.create') && <HomeCasesCard />}
            {can('complaints.logAction') && <DueTodayCard />}
            {can('stays.roster') && <HomeShelterCard />}
            {(can('stays.roster') || can('complaints.list')) && (
              <Suspense fallback={<Skeleton h={220} />}>
                <HomeCharts />
              </Suspense>
            )}
            <OfficeCard />
            <RecentActivity />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
