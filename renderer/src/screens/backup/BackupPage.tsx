/**
 * Admin › Backups: the last good backup, back up now, the settings, and every backup in the
 * folder with restore and encrypted copies. A restore reloads the window afterwards, since every
 * screen's data changed under it.
 */
import { Alert, Badge, Button, Grid, Group, Paper, Stack, Table, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconDatabaseExport,
  IconFileImport,
  IconLock,
  IconRestore,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { BackupStatus } from '../../../../shared/contract/backup';
import { call } from '../../api/rpc';
import { Field } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, PageLoader } from '../../components/PageStates';
import { ActionsHeader, RowAction } from '../../components/RowActions';
import { SectionCard } from '../../components/SectionCard';
import { useT } from '../../i18n/I18nProvider';
import { useFailureHandler } from '../../lib/failures';
import { useFormat } from '../../lib/format';
import { notify } from '../../lib/notify';
import { useQuery } from '../../lib/useQuery';
import { ExportDialog, ImportDialog, RestoreDialog } from './BackupDialogs';
import { BackupSettingsForm } from './BackupSettingsForm';
import { formatSize } from './size';

const KIND_COLOR = { auto: 'blue', manual: 'teal', safety: 'grape' } as const;

function StatusCard({ status, onRan }: { status: BackupStatus; onRan: () => void }) {
  const t = useT();
  const fmt = useFormat();
  const handle = useFailureHandler();
  const [busy, setBusy] = useState(false);
  const failed = status.lastRun && !status.lastRun.ok ? status.lastRun : null;
  const run = () => {
    setBusy(true);
    call('backup.run', {})
      .then((r) => notify({ message: t('backup.done', { name: r.backup.name }) }), handle)
      .finally(() => {
        setBusy(false);
        // A failed run is recorded too: show it.
        onRan();
      });
  };
  return (
    <SectionCard
      title={t('backup.status')}
      icon={<IconDatabaseExport size={20} />}
      testId="backup-status"
    >
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap">
          {status.stale ? (
            <IconAlertTriangle size={22} color="var(--mantine-color-orange-7)" />
          ) : (
            <IconCircleCheck size={22} color="var(--mantine-color-teal-7)" />
          )}
          <Text fw={600} data-testid="backup-last-good">
            {status.lastGood
              ? t('backup.lastGood', { at: fmt.dateTime(status.lastGood.startedAt) })
              : t('backup.never')}
          </Text>
        </Group>
        {failed && (
          <Alert
            color="red"
            icon={<IconAlertTriangle size={18} />}
            p="sm"
            data-testid="backup-failed"
          >
            {t('backup.lastFailed', {
              at: fmt.dateTime(failed.startedAt),
              message: failed.message ?? '',
            })}
          </Alert>
        )}
        <Field label={t('backup.folder')}>
          <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
            {status.folder}
          </Text>
        </Field>
        <Text size="sm" c="dimmed">
          {status.auto
            ? t('backup.autoSummary', {
                hours: status.intervalHours,
                daily: status.keepDaily,
                weekly: status.keepWeekly,
                monthly: status.keepMonthly,
              })
            : t('backup.autoOff')}
        </Text>
        <Group>
          <Button
            loading={busy}
            onClick={run}
            leftSection={<IconDatabaseExport size={18} />}
            data-testid="backup-now"
          >
            {t('backup.now')}
          </Button>
        </Group>
      </Stack>
    </SectionCard>
  );
}

type Dialog =
  { kind: 'restore'; name: string } | { kind: 'export'; name: string } | { kind: 'import' } | null;

export function BackupPage() {
  const t = useT();
  const fmt = useFormat();
  const status = useQuery('backup-status', () => call('backup.status', {}));
  const list = useQuery('backup-list', () => call('backup.list', {}));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const reload = () => {
    status.reload();
    list.reload();
  };

  if (status.error && !status.data) return <LoadError error={status.error} onRetry={reload} />;
  if (!status.data) return <PageLoader />;
  return (
    <>
      <PageHeader
        title={t('nav.admin.backup')}
        subtitle={t('backup.subtitle')}
        actions={
          <Button
            variant="default"
            leftSection={<IconFileImport size={18} />}
            onClick={() => setDialog({ kind: 'import' })}
          >
            {t('backup.importTitle')}
          </Button>
        }
      />
      {restored && (
        <Alert color="teal" mb="lg" data-testid="restore-done" role="status">
          {t('backup.restored', { safety: restored })}
          <Button size="xs" ml="md" onClick={() => window.location.reload()}>
            {t('backup.reloadNow')}
          </Button>
        </Alert>
      )}
      <Grid gap="lg" mb="lg">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <StatusCard status={status.data} onRan={reload} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <BackupSettingsForm key={status.data.version} status={status.data} onSaved={reload} />
        </Grid.Col>
      </Grid>
      <Paper withBorder radius="md">
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="backup-table">
            <Table.Thead bg="var(--pelita-table-head)">
              <Table.Tr>
                <Table.Th>{t('backup.createdAt')}</Table.Th>
                <Table.Th>{t('backup.kind')}</Table.Th>
                <Table.Th>{t('backup.size')}</Table.Th>
                <Table.Th>{t('backup.persons')}</Table.Th>
                <Table.Th>{t('backup.appVersion')}</Table.Th>
                <ActionsHeader w={96} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(list.data?.backups ?? []).length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text c="dimmed" size="sm" py="md" ta="center">
                      {list.data ? t('backup.none') : t('common.loading')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {(list.data?.backups ?? []).map((b) => (
                <Table.Tr key={b.name} data-testid="backup-row" data-kind={b.kind}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {fmt.dateTime(b.createdAt)}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {b.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={KIND_COLOR[b.kind]} tt="none">
                      {t(`backup.kind.${b.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatSize(b.sizeBytes)}</Table.Td>
                  <Table.Td>{b.counts.persons}</Table.Td>
                  <Table.Td>{b.appVersion}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <RowAction
                        label={t('backup.restore')}
                        of={fmt.dateTime(b.createdAt)}
                        Icon={IconRestore}
                        onClick={() => setDialog({ kind: 'restore', name: b.name })}
                      />
                      <RowAction
                        label={t('backup.exportTitle')}
                        of={fmt.dateTime(b.createdAt)}
                        Icon={IconLock}
                        onClick={() => setDialog({ kind: 'export', name: b.name })}
                      />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {dialog?.kind === 'restore' && (
        <RestoreDialog
          name={dialog.name}
          onCancel={() => setDialog(null)}
          onDone={(safety) => {
            setDialog(null);
            setRestored(safety);
            reload();
          }}
        />
      )}
      {dialog?.kind === 'export' && (
        <ExportDialog name={dialog.name} onCancel={() => setDialog(null)} />
      )}
      {dialog?.kind === 'import' && (
        <ImportDialog
          onCancel={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            list.reload();
          }}
        />
      )}
    </>
  );
}
