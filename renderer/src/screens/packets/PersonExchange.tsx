/**
 * On a person's page: consent to sharing with partner offices (what export filters on), where
 * the record came from, where it was sent, and stays partner offices reported.
 */
import { Select, Stack, Text } from '@mantine/core';
import { IconTransfer } from '@tabler/icons-react';
import type { PersonLinks } from '../../../../shared/contract/persons';
import { call } from '../../api/rpc';
import { SectionCard } from '../../components/SectionCard';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { notify } from '../../lib/notify';
import { useAction } from '../../lib/useAction';

export function PersonExchange({
  personId,
  exchange,
  canWrite,
  onChanged,
}: {
  personId: string;
  exchange: NonNullable<PersonLinks['packets']>;
  canWrite: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const fmt = useFormat();
  const { busy, run } = useAction();
  const setConsent = (v: string | null) =>
    void run('consent', async () => {
      await call('packets.setConsent', {
        personId,
        consent: v === 'given' || v === 'refused' ? v : null,
        note: null,
      });
      notify({ color: 'teal', message: t('packets.consent.saved') });
      onChanged();
    });
  return (
    <SectionCard
      title={t('packets.consent.title')}
      icon={<IconTransfer size={20} />}
      testId="person-exchange"
    >
      <Stack gap="xs">
        <Select
          label={t('packets.consent.label')}
          maw={320}
          disabled={!canWrite || busy !== null}
          allowDeselect={false}
          value={exchange.consent ?? 'none'}
          onChange={setConsent}
          data={[
            { value: 'none', label: t('packets.consent.none') },
            { value: 'given', label: t('packets.consent.given') },
            { value: 'refused', label: t('packets.consent.refused') },
          ]}
          data-testid="person-consent"
        />
        {exchange.from.map((f) => (
          <Text size="sm" key={f.office} c="blue">
            {t(f.linked ? 'packets.consent.fromLinked' : 'packets.consent.from', {
              office: f.office,
            })}
          </Text>
        ))}
        {exchange.remoteStays.map((s) => (
          <Text size="sm" key={s.id}>
            {t('packets.consent.remoteStay', {
              shelter: s.shelterName,
              office: s.office,
              from: fmt.date(s.checkinAt),
              to: s.checkoutAt ? fmt.date(s.checkoutAt) : '…',
            })}
          </Text>
        ))}
        {exchange.sentTo.map((s) => (
          <Text size="sm" c="dimmed" key={`${s.office}${s.at}`}>
            {t('packets.consent.sentTo', { office: s.office, at: fmt.dateTime(s.at) })}
          </Text>
        ))}
      </Stack>
    </SectionCard>
  );
}
