import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Office } from '../../../../shared/contract/office';
import { call } from '../../api/rpc';
import { FormFailureAlert } from '../../components/FormFailureAlert';
import {
  OfficeFields,
  officeInputFrom,
  officeValuesFrom,
  type OfficeValues,
} from '../../components/OfficeFields';
import { PageHeader } from '../../components/PageHeader';
import { AccessDenied, LoadError, PageLoader } from '../../components/PageStates';
import { useT } from '../../i18n/I18nProvider';
import { useFailureHandler } from '../../lib/failures';
import { useFormat } from '../../lib/format';
import { useForm } from '../../lib/form';
import { useQuery } from '../../lib/useQuery';
import { useMe, useSession } from '../../session/SessionProvider';

function OfficeForm({ office }: { office: Office }) {
  const t = useT();
  const fmt = useFormat();
  const session = useSession();
  const handle = useFailureHandler();
  const [base, setBase] = useState(office);
  const form = useForm<OfficeValues>(() => officeValuesFrom(office));
  const [busy, setBusy] = useState(false);

  const reload = async () => {
    try {
      const fresh = await call('office.get', {});
      setBase(fresh);
      form.setValues(officeValuesFrom(fresh));
    } catch (e) {
      handle(e);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    form.clear();
    try {
      const saved = await call('office.update', {
        ...officeInputFrom(form.values),
        version: base.version,
      });
      setBase(saved);
      form.setValues(officeValuesFrom(saved));
      session.officeChanged(saved);
      notifications.show({ color: 'teal', message: t('office.saved') });
    } catch (err) {
      handle(err, { form, onReload: () => void reload() });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
        <Stack gap="lg">
          <FormFailureAlert failure={form.failure} onReload={() => void reload()} summary />
          <OfficeFields form={form} />
          <Group
            justify="space-between"
            pt="md"
            style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
          >
            <Text size="sm" c="dimmed" data-testid="office-updated">
              {t('office.updatedAt', { at: fmt.dateTime(base.updatedAt) })}
            </Text>
            <Button type="submit" loading={busy} leftSection={<IconDeviceFloppy size={18} />}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}

export function OfficePage() {
  const t = useT();
  const me = useMe();
  const office = useQuery('office', () => call('office.get', {}));
  // office.get is open to every signed-in user (the header shows the office name); editing needs
  // office.manage, which the backend checks on every save. Without it this page has nothing to do.
  const denied = !me.permissions.includes('office.manage');
  return (
    <>
      <PageHeader title={t('office.title')} subtitle={t('office.subtitle')} />
      {denied ? (
        <AccessDenied />
      ) : office.error ? (
        <LoadError error={office.error} onRetry={office.reload} />
      ) : !office.data ? (
        <PageLoader />
      ) : (
        <OfficeForm office={office.data} />
      )}
    </>
  );
}
