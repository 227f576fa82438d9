import {
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
import { notifications } from '@mantine/notifications';
import {
  IconArrowLeft,
  IconArrowRight,
  IconBuilding,
  IconCheck,
  IconUserShield,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { call, isRpcFailure } from '../api/rpc';
import { FormFailureAlert } from '../components/FormFailureAlert';
import {
  OfficeFields,
  defaultOfficeValues,
  officeInputFrom,
  type OfficeValues,
} from '../components/OfficeFields';
import { PasswordRules } from '../components/PasswordRules';
import { PublicLayout } from '../components/PublicLayout';
import { useI18n } from '../i18n/I18nProvider';
import { useFailureHandler } from '../lib/failures';
import { placeIssues, useForm, type FieldMessage } from '../lib/form';
import { useSession } from '../session/SessionProvider';
import { PasswordField } from '../components/PasswordField';

interface AdminValues {
  username: string;
  fullName: string;
  password: string;
  confirm: string;
}

const REQUIRED: FieldMessage = { key: 'validation.required' };

export function SetupWizard() {
  const { t, locale } = useI18n();
  const session = useSession();
  const handle = useFailureHandler();
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const office = useForm<OfficeValues>(() => defaultOfficeValues(locale));
  const admin = useForm<AdminValues>({ username: '', fullName: '', password: '', confirm: '' });

  /** Quick checks before leaving step 1; the backend checks everything again. */
  const officeReady = () => {
    const v = office.values;
    const errors: Record<string, FieldMessage> = {};
    if (!v.name.trim()) errors.name = REQUIRED;
    if (!v.regionCode) errors.regionCode = REQUIRED;
    if (!v.address.trim()) errors.address = REQUIRED;
    if (v.maxStayDays === '' || v.maxStayDays === null) errors.maxStayDays = REQUIRED;
    office.setErrors(errors);
    return Object.keys(errors).length === 0;
  };

  const submit = async () => {
    const v = admin.values;
    if (v.password !== v.confirm) {
      admin.setError('confirm', { key: 'auth.passwordMismatch' });
      return;
    }
    setBusy(true);
    office.clear();
    admin.clear();
    try {
      const me = await call('auth.setup', {
        office: officeInputFrom(office.values),
        admin: { username: v.username, fullName: v.fullName, password: v.password },
      });
      notifications.show({ color: 'teal', message: t('setup.done') });
      session.signedIn(me);
    } catch (e) {
      setBusy(false);
      if (isRpcFailure(e) && e.code === 'VALIDATION') {
        const issues = e.error.issues ?? [];
        const notOffice = placeIssues(office, issues, 'office');
        const leftovers = placeIssues(admin, notOffice, 'admin');
        const officeHasErrors = notOffice.length < issues.length;
        if (officeHasErrors) {
          office.setFailure({ error: e.error, leftovers });
          setStep(0);
        } else {
          admin.setFailure({ error: e.error, leftovers });
        }
        return;
      }
      if (isRpcFailure(e) && e.error.key === 'auth.error.setupDone') {
        notifications.show({ color: 'orange', message: t('auth.error.setupDone') });
        session.retry();
        return;
      }
      handle(e, { form: admin });
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (step === 0) {
      if (officeReady()) {
        office.setFailure(null);
        setStep(1);
      }
    } else {
      void submit();
    }
  };

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
          <form onSubmit={onSubmit} noValidate>
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
                <Stack gap="lg" mt="lg">
                  <FormFailureAlert failure={office.failure} summary />
                  <OfficeFields form={office} autoFocus />
                </Stack>
              </Stepper.Step>
              <Stepper.Step
                label={t('setup.step.admin')}
                description={t('setup.step.admin.desc')}
                icon={<IconUserShield size={18} />}
              >
                <Stack gap="md" mt="lg">
                  <Text c="dimmed" size="sm">
                    {t('setup.admin.intro')}
                  </Text>
                  <FormFailureAlert failure={admin.failure} />
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <TextInput
                      label={t('auth.username')}
                      description={t('user.username.help')}
                      required
                      autoComplete="username"
                      autoCapitalize="none"
                      spellCheck={false}
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
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <PasswordField
                      label={t('auth.password')}
                      required
                      autoComplete="new-password"
                      {...admin.text('password')}
                    />
                    <PasswordField
                      label={t('auth.confirmPassword')}
                      required
                      autoComplete="new-password"
                      {...admin.text('confirm')}
                    />
                  </SimpleGrid>
                  <PasswordRules
                    password={admin.values.password}
                    username={admin.values.username}
                    confirm={admin.values.confirm}
                  />
                </Stack>
              </Stepper.Step>
            </Stepper>
            <Group justify="space-between" mt="xl">
              {step > 0 ? (
                <Button
                  variant="default"
                  leftSection={<IconArrowLeft size={16} />}
                  onClick={() => setStep(0)}
                  disabled={busy}
                >
                  {t('common.back')}
                </Button>
              ) : (
                <span />
              )}
              {step === 0 ? (
                <Button type="submit" rightSection={<IconArrowRight size={16} />}>
                  {t('common.next')}
                </Button>
              ) : (
                <Button type="submit" loading={busy} leftSection={<IconCheck size={16} />}>
                  {t('setup.finish')}
                </Button>
              )}
            </Group>
          </form>
        </Paper>
      </Stack>
    </PublicLayout>
  );
}
