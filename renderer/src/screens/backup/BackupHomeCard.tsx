/** Admin home: the last good backup, and a warning when it is older than a day or the last failed. */
import { Anchor, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDatabaseExport } from '@tabler/icons-react';
import { call } from '../../api/rpc';
import { Loaded } from '../../components/PageStates';
import { SectionCard } from '../../components/SectionCard';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { href } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';

export function BackupHomeCard() {
  const t = useT();
  const fmt = useFormat();
  const status = useQuery('backup-status', () => call('backup.status', {}));
  return (
    <SectionCard
      title={t('backup.home.title')}
      icon={<IconDatabaseExport size={20} />}
      testId="home-backup"
      action={
        <Anchor href={href('/admin/backup')} size="sm">
          {t('backup.home.open')}
        </Anchor>
      }
    >
      <Loaded query={status} loading={<Skeleton h={36} />}>
        {(s) => {
          const failed = s.lastRun && !s.lastRun.ok;
          const warn = s.stale || failed;
          return (
            <Stack gap={4}>
              <Group gap="sm" wrap="nowrap" c={warn ? 'orange.8' : 'teal.8'}>
                {warn ? <IconAlertTriangle size={20} /> : <IconCircleCheck size={20} />}
                <Text fw={600} data-testid="home-backup-last">
                  {s.lastGood
                    ? t('backup.lastGood', { at: fmt.dateTime(s.lastGood.startedAt) })
                    : t('backup.never')}
                </Text>
              </Group>
              {failed && (
                <Text size="sm" c="red.8">
                  {t('backup.home.failed', { at: fmt.dateTime(s.lastRun!.startedAt) })}
                </Text>
              )}
              {s.stale && !failed && (
                <Text size="sm" c="orange.8">
                  {t('backup.home.stale')}
                </Text>
              )}
            </Stack>
          );
        }}
      </Loaded>
    </SectionCard>
  );
}
