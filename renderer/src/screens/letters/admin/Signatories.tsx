/** Admin: who signs letters, with pangkat/golongan, NIP (checked) and a.n./Plt./Plh. */
import { Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import type { Signatory } from '../../../../../shared/contract/letters';
import { formatNip } from '../../../../../shared/nip';
import { SIGN_PREFIXES, type SignPrefix } from '../../../../../shared/reference/letters';
import { call, callChecked } from '../../../api/rpc';
import { FormModal } from '../../../components/FormModal';
import { useT } from '../../../i18n/I18nProvider';
import { useQuery } from '../../../lib/useQuery';
import {
  ActiveSwitch,
  EditableTable,
  formTexts,
  useEditorForm,
  type EditorProps,
} from './EditableTable';

function SignatoryForm(props: EditorProps<Signatory>) {
  const { record, onCancel } = props;
  const t = useT();
  const form = useEditorForm(
    props,
    {
      ...formTexts(record, ['name', 'rank', 'nip', 'position', 'onBehalfOf']),
      prefix: (record?.prefix ?? '') as SignPrefix,
      active: record?.active ?? true,
    },
    (v) => callChecked('letters.saveSignatory', v),
  );
  return (
    <FormModal
      form={form}
      title={t(record ? 'letterAdmin.editSignatory' : 'letterAdmin.newSignatory')}
      onClose={onCancel}
      size="lg"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('letterAdmin.name')} required data-autofocus {...form.text('name')} />
        <TextInput label={t('letterAdmin.rank')} {...form.text('rank')} />
        <TextInput
          label="NIP"
          description={t('letterAdmin.nipHelp')}
          inputMode="numeric"
          {...form.text('nip')}
        />
        <TextInput label={t('letterAdmin.position')} required {...form.text('position')} />
        <Select
          label={t('letterAdmin.prefix')}
          data={SIGN_PREFIXES.map((p) => ({ value: p, label: p || t('letterAdmin.prefixNone') }))}
          {...form.choice('prefix')}
        />
        <TextInput
          label={t('letterAdmin.onBehalfOf')}
          description={t('letterAdmin.onBehalfOfHelp')}
          {...form.text('onBehalfOf')}
        />
      </SimpleGrid>
      <ActiveSwitch form={form} />
    </FormModal>
  );
}

export function SignatoriesPage() {
  const t = useT();
  const q = useQuery('admin-signatories', () =>
    call('letters.signatories', { includeInactive: true }),
  );
  return (
    <EditableTable
      title={t('nav.admin.signatories')}
      subtitle={t('letterAdmin.signatoriesSubtitle')}
      addLabel={t('letterAdmin.newSignatory')}
      query={q}
      rows={q.data?.signatories ?? []}
      nameOf={(s) => s.name}
      testId="signatories-table"
      Editor={SignatoryForm}
      columns={[
        {
          header: t('letterAdmin.name'),
          render: (s) => (
            <>
              <Text size="sm" fw={600}>
                {s.prefix ? `${s.prefix} ` : ''}
                {s.name}
              </Text>
              <Text size="xs" c="dimmed">
                {s.rank ?? ''}
              </Text>
            </>
          ),
        },
        { header: 'NIP', render: (s) => (s.nip ? formatNip(s.nip) : '—') },
        { header: t('letterAdmin.position'), render: (s) => s.position },
      ]}
    />
  );
}
