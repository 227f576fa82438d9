/**
 * "Tulis surat" on a person's, a shelter stay's or a case's page and on a referral: choose a letter type written from that
 * kind of record; the draft opens with every placeholder filled from it.
 */
import { Button, Modal, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMail } from '@tabler/icons-react';
import { callChecked, call } from '../../api/rpc';
import { FormActions, FormFrame } from '../../components/FormModal';
import { useT } from '../../i18n/I18nProvider';
import { useForm } from '../../lib/form';
import { navigate } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { useCan } from '../../session/can';

export function NewLetterButton({
  sourceKind,
  sourceId,
  size,
}: {
  sourceKind: string;
  sourceId: string;
  /** Smaller inside a row (a referral), the default in a page's header. */
  size?: 'xs';
}) {
  const t = useT();
  const can = useCan();
  const [opened, dialog] = useDisclosure(false);
  if (!can('letters.create')) return null;
  return (
    <>
      <Button
        variant={size ? 'subtle' : 'default'}
        size={size}
        leftSection={<IconMail size={16} />}
        onClick={dialog.open}
        data-testid={size ? `new-letter-${sourceKind}` : 'new-letter'}
      >
        {t('letter.new')}
      </Button>
      <Modal opened={opened} onClose={dialog.close} title={t('letter.new')} size="lg">
        {opened && (
          <NewLetterForm sourceKind={sourceKind} sourceId={sourceId} onCancel={dialog.close} />
        )}
      </Modal>
    </>
  );
}

function NewLetterForm({
  sourceKind,
  sourceId,
  onCancel,
}: {
  sourceKind: string;
  sourceId: string;
  onCancel: () => void;
}) {
  const t = useT();
  const templates = useQuery('letter-templates', () => call('letters.templates', {}));
  const form = useForm(
    { templateId: null as string | null },
    {
      submit: (v) =>
        callChecked('letters.create', { templateId: v.templateId ?? '', sourceKind, sourceId }),
      success: 'letter.created',
      onSaved: (letter) => navigate(`/letters/${letter.id}`),
    },
  );
  const options = (templates.data?.templates ?? [])
    .filter((x) => x.sourceKind === sourceKind)
    .map((x) => ({ value: x.id, label: x.name }));
  return (
    <FormFrame form={form}>
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {t('letter.new.help')}
        </Text>
      </Stack>
      <Select
        label={t('letter.template')}
        data={options}
        searchable
        data-autofocus
        data-testid="letter-template"
        {...form.field('templateId')}
      />
      <FormActions busy={form.busy} onCancel={onCancel} submitLabel={t('letter.new.submit')} />
    </FormFrame>
  );
}
