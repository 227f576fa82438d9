import {
  Alert,
  Box,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  IconArrowLeft,
  IconArrowRight,
  IconBuilding,
  IconCheck,
  IconPlugConnected,
  IconUserShield,
} from '@tabler/icons-react';
import { useState } from 'react';
import { officeInput } from '../../../shared/contract/office';
import { checkInput } from '../../../shared/validation';
import { callChecked, validationFailure } from '../api/rpc';
import { FormActions, FormFrame } from '../components/FormModal';
import {
  OfficeFields,
  defaultOfficeValues,
  officeInputFrom,
  type OfficeValues,
} from '../components/OfficeFields';
import { NewPasswordFields, passwordMismatch } from '../components/NewPasswordFields';
import { PublicLayout } from '../components/PublicLayout';
import { useI18n, useT } from '../i18n/I18nProvider';
import { useForm } from '../lib/form';
import { notify } from '../lib/notify';
import { useSession } from '../session/SessionProvider';
import { UsernameInput } from '../components/UsernameInput';
import { ConnectForm } from './network/ConnectForm';

export function SetupWizard() {
  const { t, locale } = useI18n();
  const session = useSession();
  const [step, setStep] = useState(0);
  // Step 1 is checked with the same office schema the backend uses before going on.
  const office = useForm<OfficeValues>(() => defaultOfficeValues(locale), {
    submit: (v) => {
      const issues = checkInput(officeInput, officeInputFrom(v));
      if (issues.length === 0) return Promise.resolve();
      // Worded as auth.setup would answer: under `office`.
      const prefixed = issues.map((i) => ({ ...i, path: ['office', ...i.path] }));
      return Promise.reject(validationFailure('auth.setup', prefixed));
    },
    prefix: 'office',
    success: false,
    onSaved: () => setStep(1),
  });
  const admin = useForm(
    { username: '', fullName: '', password: '', confirm: '' },
    {
      check: (v) => passwordMismatch(v.password, v.confirm),
      submit: (v) =>
        callChecked('auth.setup', {
          office: officeInputFrom(office.values),
          admin: { username: v.username, fullName: v.fullName, password: v.password },
        }),
      prefix: 'admin',
      success: 'setup.done',
      onSaved: (me) => session.signedIn(me),
      onFailure: (error) => {
        // Something about the office (checked again by the backend): back to step 1, at the field.
        if (error.code === 'VALIDATION' && error.issues?.some((i) => i.path[0] === 'office')) {
          office.fail(error);
          setStep(0);
          return true;
        }
        if (error.key === 'auth.error.setupDone') {
          notify({ color: 'orange', message: t('auth.error.setupDone') });
          session.retry();
          return true;
        }
        return false;
      },
    },
  );

  return (
    <PublicLayout size="md">
      <Stack gap="lg">
        <div>
          <Title order={1} fz={{ base: 26, sm: 32 }}>
            {t('setup.title')}
          </Title>
          <Text c="dimmed" mt={6} maw={680}>
            {t('setup.intro')}
          </Text>
        </div>
        <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} shadow="xs">
          <Stepper
            active={step}
            onStepClick={(s) => s < step && setStep(s)}
            allowNextStepsSelect={false}
            mb="xl"
            size="sm"
          >
            <Stepper.Step
              label={t('setup.step.office')}
              description={t('setup.step.office.desc')}
              icon={<IconBuilding size={18} />}
              color={Object.keys(office.errors).length ? 'red' : undefined}
            >
              <Box mt="lg">
                <FormFrame form={office} gap="lg">
                  <OfficeFields form={office} autoFocus />
                  <Group justify="flex-end" mt="md">
                    <Button type="submit" rightSection={<IconArrowRight size={16} />}>
                      {t('common.next')}
                    </Button>
                  </Group>
                </FormFrame>
              </Box>
            </Stepper.Step>
            <Stepper.Step
              label={t('setup.step.admin')}
              description={t('setup.step.admin.desc')}
              icon={<IconUserShield size={18} />}
            >
              <Box mt="lg">
                <FormFrame form={admin}>
                  <Text c="dimmed" size="sm">
                    {t('setup.admin.intro')}
                  </Text>
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <UsernameInput
                      description={t('user.username.help')}
                      data-autofocus
                      autoFocus
                      {...admin.text('username')}
                    />
                    <TextInput
                      label={t('user.fullName')}
                      required
                      autoComplete="name"
                      maxLength={120}
                      {...admin.text('fullName')}
                    />
                  </SimpleGrid>
                  <NewPasswordFields
                    form={admin}
                    name="password"
                    label={t('auth.password')}
                    username={admin.values.username}
                    side
                  />
                  <Group justify="space-between" mt="md">
                    <Button
                      variant="default"
                      leftSection={<IconArrowLeft size={16} />}
                      onClick={() => setStep(0)}
                      disabled={admin.busy}
                    >
                      {t('common.back')}
                    </Button>
                    <FormActions
                      busy={admin.busy}
                      submitLabel={t('setup.finish')}
                      submitProps={{ leftSection: <IconCheck size={16} /> }}
                    />
                  </Group>
                </FormFrame>
              </Box>
            </Stepper.Step>
          </Stepper>
        </Paper>
        <SetupConnect />
      </Stack>
    </PublicLayout>
  );
}

/** A new client PC: connect to the office host instead of setting up an office here. */
function SetupConnect() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [connected, setConnected] = useState<string | null>(null);
  return (
    <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} data-testid="setup-connect">
      <Stack gap="sm">
        <Group justify="space-between">
          <div>
            <Text fw={600}>{t('network.setup_title')}</Text>
            <Text size="sm" c="dimmed">
              {t('network.setup_help')}
            </Text>
          </div>
          {!open && !connected && (
            <Button
              variant="default"
              leftSection={<IconPlugConnected size={16} />}
              onClick={() => setOpen(true)}
            >
              {t('network.setup_open')}
            </Button>
          )}
        </Group>
        {connected ? (
          <Alert color="teal" data-testid="setup-connected">
            {t('network.setup_connected', { url: connected })}
          </Alert>
        ) : (
          open && (
            <ConnectForm
              probe={(url) => callChecked('network.setupProbe', { url })}
              save={(input) => callChecked('network.setupClient', input)}
              onSaved={(saved) => setConnected(saved.url)}
            />
          )
        )}
      </Stack>
    </Paper>
  );
}
