/** Admin › Backups: where backups go, how often, and how many are kept. */
import { Alert, NumberInput, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy } from '@tabler/icons-react';
import type { BackupStatus } from '../../../../shared/contract/backup';
import { call, callChecked } from '../../api/rpc';
import { FormActions, FormFrame } from '../../components/FormModal';
import { SectionCard } from '../../components/SectionCard';
import { useT } from '../../i18n/I18nProvider';
import { useRecordForm } from '../../lib/recordForm';

interface Values {
  folder: string;
  auto: boolean;
  intervalHours: number | string;
  keepDaily: number | string;
  keepWeekly: number | string;
  keepMonthly: number | string;
}

const valuesOf = (s: BackupStatus): Values => ({
  folder: s.folderChosen ? s.folder : '',
  auto: s.auto,
  intervalHours: s.intervalHours,
  keepDaily: s.keepDaily,
  keepWeekly: s.keepWeekly,
  keepMonthly: s.keepMonthly,
});

export function BackupSettingsForm({
  status,
  onSaved,
}: {
  status: BackupStatus;
  onSaved: (s: BackupStatus) => void;
}) {
  const t = useT();
  const { form, base } = useRecordForm(status, valuesOf, {
    submit: (v, version) =>
      callChecked('backup.updateSettings', {
        folder: v.folder.trim() || null,
        auto: v.auto,
        intervalHours: Number(v.intervalHours),
        keepDaily: Number(v.keepDaily),
        keepWeekly: Number(v.keepWeekly),
        keepMonthly: Number(v.keepMonthly),
        version,
      }),
    load: () => call('backup.status', {}),
    success: 'backup.settingsSaved',
    onSaved,
  });
  const v = form.values;
  const number = (name: 'intervalHours' | 'keepDaily' | 'keepWeekly' | 'keepMonthly') => ({
    value: v[name],
    onChange: (n: number | string) => form.set(name, n),
    error: form.errorText(name),
  });
  return (
    <SectionCard title={t('backup.settings')} icon={<IconDeviceFloppy size={20} />}>
      <FormFrame form={form} testId="backup-settings">
        <TextInput
          label={t('backup.folder')}
          description={t('backup.folderHelp')}
          placeholder={base.folderChosen ? undefined : base.folder}
          maxLength={500}
          {...form.text('folder')}
        />
        {!base.folderChosen && (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} p="sm">
            {t('backup.sameDisk')}
          </Alert>
        )}
        <Switch
          label={t('backup.auto')}
          description={t('backup.autoHelp')}
          checked={v.auto}
          onChange={(e) => form.set('auto', e.currentTarget.checked)}
        />
        <SimpleGrid cols={{ base: 2, xl: 4 }}>
          <NumberInput
            label={t('backup.intervalHours')}
            min={1}
            max={168}
            {...number('intervalHours')}
          />
          <NumberInput label={t('backup.keepDaily')} min={1} max={366} {...number('keepDaily')} />
          <NumberInput label={t('backup.keepWeekly')} min={0} max={520} {...number('keepWeekly')} />
          <NumberInput
            label={t('backup.keepMonthly')}
            min={0}
            max={1200}
            {...number('keepMonthly')}
          />
        </SimpleGrid>
        <FormActions busy={form.busy} />
      </FormFrame>
    </SectionCard>
  );
}
