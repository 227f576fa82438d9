import { Group, Paper, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import type { Office } from '../../../../shared/contract/office';
import { call, callChecked } from '../../api/rpc';
import { FormActions, FormFrame } from '../../components/FormModal';
import { OfficeFields, officeInputFrom, officeValuesFrom } from '../../components/OfficeFields';
import { PageHeader } from '../../components/PageHeader';
import { Loaded } from '../../components/PageStates';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { useRecordForm } from '../../lib/recordForm';
import { useQuery } from '../../lib/useQuery';
import { useSession } from '../../session/SessionProvider';
import { OfficeLogo } from './OfficeLogo';

function OfficeForm({ office }: { office: Office }) {
  const t = useT();
  const fmt = useFormat();
  const session = useSession();
  const { form, base } = useRecordForm(office, officeValuesFrom, {
    submit: (v, version) => callChecked('office.update', { ...officeInputFrom(v), version }),
    load: () => call('office.get', {}),
    success: 'office.saved',
    onSaved: (saved) => session.officeChanged(saved),
  });

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
      <FormFrame form={form} gap="lg">
        <OfficeFields form={form} />
        <Group
          justify="space-between"
          pt="md"
          style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
        >
          <Text size="sm" c="dimmed" data-testid="office-updated">
            {t('office.updatedAt', { at: fmt.dateTime(base.updatedAt) })}
          </Text>
          <FormActions
            busy={form.busy}
            submitProps={{ leftSection: <IconDeviceFloppy size={18} /> }}
          />
        </Group>
      </FormFrame>
    </Paper>
  );
}

export function OfficePage() {
  const t = useT();
  // office.get is open to every signed-in user (the header shows the office name); the route
  // needs office.update, so a user who cannot edit never gets here.
  const office = useQuery('office', () => call('office.get', {}));
  return (
    <>
      <PageHeader title={t('office.title')} subtitle={t('office.subtitle')} />
      <Loaded query={office}>
        {(o) => (
          <>
            <OfficeLogo key={o.version} office={o} onSaved={() => office.reload()} />
            <OfficeForm key={`form-${o.version}`} office={o} />
          </>
        )}
      </Loaded>
    </>
  );
}
