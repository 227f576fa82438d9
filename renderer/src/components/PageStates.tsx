/** Whole-page states: access denied, not found, a failed load, loading; `Loaded` picks one. */
import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconLock, IconMapQuestion, IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { isRpcFailure } from '../api/rpc';
import { useT } from '../i18n/I18nProvider';
import { useFormat } from '../lib/format';
import type { QueryState } from '../lib/useQuery';
import { href } from '../lib/router';

function StatePanel({
  icon,
  color,
  title,
  body,
  action,
  testId,
}: {
  icon: ReactNode;
  color: string;
  title: string;
  body: ReactNode;
  action?: ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder radius="md" p="xl" maw={640} mx="auto" mt="xl" data-testid={testId}>
      <Stack align="center" gap="sm" ta="center">
        <ThemeIcon size={56} radius="xl" variant="light" color={color}>
          {icon}
        </ThemeIcon>
        <Title order={2} fz={22}>
          {title}
        </Title>
        <Text c="dimmed">{body}</Text>
        {action}
      </Stack>
    </Paper>
  );
}

/** The way out of a page that has nothing to show. */
function BackHome() {
  const t = useT();
  return (
    <Button component="a" href={href('/')} variant="light" mt="sm">
      {t('common.backHome')}
    </Button>
  );
}

export function AccessDenied() {
  const t = useT();
  return (
    <StatePanel
      testId="access-denied"
      icon={<IconLock size={30} />}
      color="red"
      title={t('common.accessDenied.title')}
      body={t('common.accessDenied.body')}
      action={<BackHome />}
    />
  );
}

export function NotFound() {
  const t = useT();
  return (
    <StatePanel
      icon={<IconMapQuestion size={30} />}
      color="gray"
      title={t('common.notFound.title')}
      body={t('common.notFound.body')}
      action={<BackHome />}
    />
  );
}

/** The failure of a page's main load: FORBIDDEN gets the "Akses ditolak" panel. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const fmt = useFormat();
  if (isRpcFailure(error) && error.code === 'FORBIDDEN') return <AccessDenied />;
  const text = isRpcFailure(error) ? fmt.error(error.error) : t('error.internal');
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle size={20} />}
      title={t('common.errorTitle')}
      role="alert"
    >
      <Text size="sm">{text}</Text>
      {onRetry && (
        <Button
          mt="sm"
          size="xs"
          variant="white"
          color="red"
          leftSection={<IconRefresh size={16} />}
          onClick={onRetry}
        >
          {t('common.tryAgain')}
        </Button>
      )}
    </Alert>
  );
}

export function PageLoader() {
  const t = useT();
  return (
    <Center py={80}>
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed">{t('common.loading')}</Text>
      </Group>
    </Center>
  );
}

/** A page whose query has no data yet: its failure with a retry, or the loader. */
export function NotLoaded({
  query,
  loading = <PageLoader />,
}: {
  query: { error: unknown; reload: () => void };
  loading?: ReactNode;
}) {
  return query.error ? <LoadError error={query.error} onRetry={query.reload} /> : loading;
}

/**
 * A query's data, drawn by `children` once it is there (and kept while reloading); before that
 * its failure as `LoadError` with a retry, or `loading` (a skeleton of the final shape).
 */
export function Loaded<T>({
  query,
  loading,
  children,
}: {
  query: QueryState<T>;
  loading?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.data !== undefined) return children(query.data);
  return <NotLoaded query={query} loading={loading} />;
}
