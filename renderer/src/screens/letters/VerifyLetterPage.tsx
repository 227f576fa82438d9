/**
 * `#/letters/verify`: checks a printed letter's verification code, typed or read from its QR by
 * a scanner that types. Says plainly that this is Pelita's own check, not a certified
 * electronic signature (TTE).
 */
import { Alert, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import type { Verification } from '../../../../shared/contract/letters';
import { callChecked } from '../../api/rpc';
import { Field } from '../../components/Field';
import { FormFrame } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { useForm } from '../../lib/form';

export function VerifyLetterPage() {
  const t = useT();
  const fmt = useFormat();
  const [result, setResult] = useState<Verification | null>(null);
  const form = useForm(
    { code: '' },
    {
      submit: (v) => callChecked('letters.verify', { code: v.code }),
      success: false,
      onSaved: setResult,
    },
  );
  return (
    <>
      <PageHeader title={t('letter.verify.title')} subtitle={t('letter.verify.subtitle')} />
      <Alert
        color="gray"
        icon={<IconInfoCircle size={18} />}
        mb="md"
        maw={760}
        data-testid="not-tte"
      >
        {t('letter.verify.notTte')}
      </Alert>
      <Card withBorder radius="md" maw={760}>
        <FormFrame form={form}>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t('letter.verify.code')}
              description={t('letter.verify.code.help')}
              style={{ flex: '1 1 320px' }}
              data-autofocus
              data-testid="verify-code"
              {...form.text('code')}
            />
            <Button type="submit" loading={form.busy} data-testid="verify-submit">
              {t('letter.verify.submit')}
            </Button>
          </Group>
        </FormFrame>
      </Card>
      {result && !result.found && (
        <Alert
          color="red"
          icon={<IconCircleX size={18} />}
          mt="md"
          maw={760}
          title={t('letter.verify.notFound')}
          data-testid="verify-result"
          data-found="false"
        >
          {t(`letter.verify.reason.${result.reason}`)}
        </Alert>
      )}
      {result?.found && (
        <Alert
          color={result.voided ? 'orange' : 'teal'}
          icon={<IconCircleCheck size={18} />}
          mt="md"
          maw={760}
          title={t(result.voided ? 'letter.verify.voided' : 'letter.verify.found')}
          data-testid="verify-result"
          data-found="true"
        >
          <Stack gap="xs" mt="xs">
            <Field label={t('letter.number')}>{result.number}</Field>
            <Field label={t('letter.date')}>{fmt.calendarDate(result.letterDate)}</Field>
            <Field label={t('letter.subject')}>{`${result.title} — ${result.subject}`}</Field>
            <Field label={t('letter.verify.office')}>{result.office}</Field>
            <Field label={t('letter.signatory')}>{result.signatoryName ?? '—'}</Field>
            {result.voided && (
              <Field label={t('letter.voidReason')}>{result.voidReason ?? ''}</Field>
            )}
            <Text size="sm" c="dimmed">
              {t(result.signatureChecked ? 'letter.verify.signed' : 'letter.verify.codeOnly')}
            </Text>
          </Stack>
        </Alert>
      )}
    </>
  );
}
