/** Admin › Backups: restore (what the backup holds, checked, then confirmed), encrypted copies. */
import {
  Alert,
  Checkbox,
  Loader,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle, IconLock, IconRestore } from '@tabler/icons-react';
import type { BackupInfo } from '../../../../shared/contract/backup';
import { call, callChecked } from '../../api/rpc';
import { Field } from '../../components/Field';
import { FormModal } from '../../components/FormModal';
import { LoadError } from '../../components/PageStates';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { useForm } from '../../lib/form';
import { useQuery } from '../../lib/useQuery';
import { formatSize } from './size';

/** What a backup holds: when, which Pelita, and how many records. */
export function BackupFacts({ backup }: { backup: BackupInfo }) {
  const t = useT();
  const fmt = useFormat();
  const c = backup.counts;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" data-testid="backup-facts">
      <Field label={t('backup.createdAt')}>{fmt.dateTime(backup.createdAt)}</Field>
      <Field label={t('backup.appVersion')}>
        {t('backup.versionSchema', { version: backup.appVersion, schema: backup.schemaVersion })}
      </Field>
      <Field label={t('backup.size')}>{formatSize(backup.sizeBytes)}</Field>
      <Field label={t('backup.persons')}>{c.persons}</Field>
      <Field label={t('backup.stays')}>{c.stays}</Field>
      <Field label={t('backup.complaints')}>{c.complaints}</Field>
      <Field label={t('backup.users')}>{c.users}</Field>
      <Field label={t('backup.files')}>{backup.files}</Field>
      <Field label={t('backup.auditEntries')}>{c.auditEntries}</Field>
    </SimpleGrid>
  );
}

export function RestoreDialog({
  name,
  onDone,
  onCancel,
}: {
  name: string;
  onDone: (safetyCopy: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const checked = useQuery(`backup-inspect:${name}`, () => call('backup.inspect', { name }));
  const form = useForm(
    { confirm: false },
    {
      submit: (v) => callChecked('backup.restore', { name, confirm: v.confirm as true }),
      success: false,
      onSaved: (r) => onDone(r.safetyCopy),
    },
  );
  return (
    <FormModal
      form={form}
      title={t('backup.restoreTitle')}
      onClose={onCancel}
      size="lg"
      submitLabel={t('backup.restore')}
      submitProps={{
        color: 'red',
        leftSection: <IconRestore size={16} />,
        disabled: !checked.data || !form.values.confirm,
        'data-testid': 'restore-submit',
      }}
    >
      {checked.error ? (
        <LoadError error={checked.error} onRetry={checked.reload} />
      ) : !checked.data ? (
        <Stack align="center" py="md" gap="xs">
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            {t('backup.checking')}
          </Text>
        </Stack>
      ) : (
        <Stack gap="md">
          <Text size="sm" c="teal.8" fw={600} data-testid="backup-verified">
            {t('backup.verified')}
          </Text>
          <BackupFacts backup={checked.data.backup} />
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} p="sm">
            {t('backup.restoreWarning')}
          </Alert>
          <Checkbox
            label={t('backup.restoreConfirm')}
            checked={form.values.confirm}
            onChange={(e) => form.set('confirm', e.currentTarget.checked)}
            error={form.errorText('confirm')}
            data-testid="restore-confirm"
          />
        </Stack>
      )}
    </FormModal>
  );
}

export function ExportDialog({ name, onCancel }: { name: string; onCancel: () => void }) {
  const t = useT();
  const form = useForm(
    { passphrase: '', again: '', targetFolder: '' },
    {
      check: (v) =>
        v.again === v.passphrase ? [] : [{ path: ['again'], key: 'backup.passphraseMismatch' }],
      submit: (v) =>
        callChecked('backup.exportEncrypted', {
          name,
          passphrase: v.passphrase,
          targetFolder: v.targetFolder.trim() || null,
        }),
      success: (r) => t('backup.exported', { path: r.path }),
      onSaved: onCancel,
    },
  );
  return (
    <FormModal
      form={form}
      title={t('backup.exportTitle')}
      onClose={onCancel}
      submitLabel={t('backup.export')}
      submitProps={{ leftSection: <IconLock size={16} /> }}
    >
      <Text size="sm">{t('backup.exportHelp')}</Text>
      <PasswordInput
        label={t('backup.passphrase')}
        required
        data-autofocus
        {...form.text('passphrase')}
      />
      <PasswordInput label={t('backup.passphraseAgain')} required {...form.text('again')} />
      <TextInput
        label={t('backup.targetFolder')}
        description={t('backup.targetFolderHelp')}
        {...form.text('targetFolder')}
      />
    </FormModal>
  );
}

export function ImportDialog({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const t = useT();
  const form = useForm(
    { path: '', passphrase: '' },
    {
      submit: (v) => callChecked('backup.importEncrypted', v),
      success: (r) => t('backup.imported', { name: r.backup.name }),
      onSaved: onDone,
    },
  );
  return (
    <FormModal
      form={form}
      title={t('backup.importTitle')}
      onClose={onCancel}
      submitLabel={t('backup.import')}
    >
      <Text size="sm">{t('backup.importHelp')}</Text>
      <TextInput label={t('backup.sealedPath')} required data-autofocus {...form.text('path')} />
      <PasswordInput label={t('backup.passphrase')} required {...form.text('passphrase')} />
    </FormModal>
  );
}
