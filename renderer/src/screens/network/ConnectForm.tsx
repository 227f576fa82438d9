/**
 * Connecting to the office host, in two steps: the certificate the host presents is shown, and
 * only once the admin ticks that its fingerprint is the one on the host's screen is it pinned
 * (the backend checks the host again at that moment). Used by the office network screen and,
 * on a new PC, by first-run setup.
 */
import { Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ProbeResult } from '../../../../shared/contract/network';
import { isRpcFailure } from '../../api/rpc';
import { Field } from '../../components/Field';
import { FormActions, FormFrame } from '../../components/FormModal';
import { useT } from '../../i18n/I18nProvider';
import { useForm } from '../../lib/form';
import { useFormat } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { Fingerprint } from './ServeCard';

interface Values {
  url: string;
  confirm: boolean;
}

export interface ConnectInput {
  url: string;
  fingerprint256: string;
  confirm: true;
}

export function ConnectForm<R>({
  probe: probeHost,
  save,
  onSaved,
}: {
  probe: (url: string) => Promise<ProbeResult>;
  save: (input: ConnectInput) => Promise<R>;
  onSaved: (saved: R) => void;
}) {
  const t = useT();
  const fmt = useFormat();
  const { busy, run } = useAction();
  const [seen, setSeen] = useState<ProbeResult | null>(null);
  const form = useForm<Values, R>(
    { url: '', confirm: false },
    {
      submit: (v) =>
        save({
          url: v.url,
          fingerprint256: seen?.fingerprint256 ?? '',
          confirm: v.confirm as true,
        }),
      success: 'network.client_saved',
      onSaved: (saved) => {
        setSeen(null);
        form.setValues({ url: '', confirm: false });
        onSaved(saved);
      },
    },
  );
  const probe = () =>
    run('probe', async () => {
      setSeen(null);
      form.set('confirm', false);
      form.clear();
      try {
        setSeen(await probeHost(form.values.url));
      } catch (e) {
        // Shown at the address field and in the form's banner.
        if (isRpcFailure(e)) form.fail(e.error);
        else throw e;
      }
    });
  return (
    <FormFrame form={form} testId="network-client-form">
      <Group align="flex-end" wrap="nowrap">
        <TextInput
          label={t('network.url')}
          placeholder="https://pelita-kantor:5871/"
          style={{ flex: 1 }}
          maxLength={300}
          {...form.text('url')}
          onChange={(e) => {
            form.set('url', e.currentTarget.value);
            setSeen(null);
          }}
          data-testid="network-client-url"
        />
        <Button
          variant="default"
          loading={busy === 'probe'}
          onClick={probe}
          disabled={!form.values.url.trim()}
          data-testid="network-probe"
        >
          {t('network.probe')}
        </Button>
      </Group>
      {seen && (
        <Stack gap="sm" data-testid="network-probe-result">
          <Field label={t('network.probe_result')}>
            <Fingerprint value={seen.fingerprint256} testId="network-probe-fingerprint" />
          </Field>
          <Group gap="xl">
            <Field label={t('network.subject')}>
              <Text size="sm">{seen.subject}</Text>
            </Field>
            <Field label={t('network.valid_to')}>
              <Text size="sm">{fmt.dateTime(seen.validTo)}</Text>
            </Field>
          </Group>
          <Checkbox
            label={t('network.confirm_same')}
            checked={form.values.confirm}
            onChange={(e) => form.set('confirm', e.currentTarget.checked)}
            error={form.errorText('confirm')}
            data-testid="network-confirm"
          />
          <FormActions
            busy={form.busy}
            submitLabel={t('network.client_save')}
            submitProps={{
              disabled: !form.values.confirm,
              'data-testid': 'network-client-save',
            }}
          />
        </Stack>
      )}
    </FormFrame>
  );
}
