/** Admin: archive classification codes and the number pattern each is registered under. */
import { SimpleGrid, TextInput } from '@mantine/core';
import type { Classification } from '../../../../../shared/contract/letters';
import { DEFAULT_LETTER_PATTERN } from '../../../../../shared/reference/letters';
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

function ClassificationForm(props: EditorProps<Classification>) {
  const { record, onCancel } = props;
  const t = useT();
  const form = useEditorForm(
    props,
    {
      ...formTexts(record, ['code', 'name']),
      numberPattern: record?.numberPattern ?? DEFAULT_LETTER_PATTERN,
      active: record?.active ?? true,
    },
    (v) => callChecked('letters.saveClassification', v),
  );
  return (
    <FormModal
      form={form}
      title={t(record ? 'letterAdmin.editCode' : 'letterAdmin.newCode')}
      onClose={onCancel}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('letter.classification')}
          required
          data-autofocus
          {...form.text('code')}
        />
        <TextInput label={t('letterAdmin.codeName')} required {...form.text('name')} />
      </SimpleGrid>
      <TextInput
        label={t('letterAdmin.pattern')}
        description={t('letterAdmin.patternHelp')}
        ff="monospace"
        {...form.text('numberPattern')}
      />
      <ActiveSwitch form={form} />
    </FormModal>
  );
}

export function ClassificationsPage() {
  const t = useT();
  const q = useQuery('admin-letter-codes', () =>
    call('letters.classifications', { includeInactive: true }),
  );
  return (
    <EditableTable
      title={t('nav.admin.letterCodes')}
      subtitle={t('letterAdmin.codesSubtitle')}
      addLabel={t('letterAdmin.newCode')}
      query={q}
      rows={q.data?.classifications ?? []}
      nameOf={(c) => c.code}
      testId="letter-codes-table"
      Editor={ClassificationForm}
      columns={[
        { header: t('letter.classification'), render: (c) => c.code },
        { header: t('letterAdmin.codeName'), render: (c) => c.name },
        { header: t('letterAdmin.pattern'), render: (c) => c.numberPattern },
      ]}
    />
  );
}
