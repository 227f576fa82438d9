/**
 * Admin: letter types. The body takes placeholders from the source's fixed list (shown beside
 * it); an unknown one is refused when saved. Templates are text only, never code.
 */
import {
  Code,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { LetterTemplate } from '../../../../../shared/contract/letters';
import {
  LETTER_LAYOUTS,
  type LetterLayout,
  type LetterPaper,
} from '../../../../../shared/reference/letters';
import { call, callChecked } from '../../../api/rpc';
import { FormModal } from '../../../components/FormModal';
import { useT } from '../../../i18n/I18nProvider';
import { useQuery } from '../../../lib/useQuery';
import { LetterSetupFields, LetterTextFields } from '../LetterSetupFields';
import {
  ActiveSwitch,
  EditableTable,
  formTexts,
  useEditorForm,
  type EditorProps,
} from './EditableTable';

const TEXTS = [
  'name',
  'title',
  'subject',
  'addressee',
  'addresseePlace',
  'sifat',
  'lampiran',
  'body',
  'closing',
  'tembusan',
] as const;

function useLists() {
  const templates = useQuery('admin-letter-templates', () =>
    call('letters.templates', { includeInactive: true }),
  );
  return { templates };
}

function TemplateForm(props: EditorProps<LetterTemplate>) {
  const { record, onCancel } = props;
  const t = useT();
  const { templates } = useLists();
  const sources = templates.data?.sources ?? [];
  const form = useEditorForm(
    props,
    {
      ...formTexts(record, TEXTS),
      layout: (record?.layout ?? 'letter') as LetterLayout,
      sourceKind: record?.sourceKind ?? 'person',
      paper: (record?.paper ?? 'F4') as LetterPaper,
      classificationId: record?.classificationId ?? null,
      signatoryId: record?.signatoryId ?? null,
      active: record?.active ?? true,
    },
    (v) =>
      callChecked('letters.saveTemplate', {
        ...v,
        classificationId: v.classificationId ?? '',
      }),
  );
  const v = form.values;
  const placeholders = sources.find((s) => s.kind === v.sourceKind)?.placeholders ?? [];
  return (
    <FormModal
      form={form}
      title={t(record ? 'letterAdmin.editTemplate' : 'letterAdmin.newTemplate')}
      onClose={onCancel}
      size="xl"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('letterAdmin.templateName')} required {...form.text('name')} />
        <TextInput label={t('letterAdmin.templateTitle')} required {...form.text('title')} />
        <Select
          label={t('letterAdmin.source')}
          data={sources.map((s) => ({
            value: s.kind,
            label: t(`letterAdmin.source.${s.kind}` as 'letterAdmin.source.person'),
          }))}
          {...form.choice('sourceKind')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('letterAdmin.layout')}
          </Text>
          <SegmentedControl
            data={LETTER_LAYOUTS.map((l) => ({ value: l, label: t(`letterAdmin.layout.${l}`) }))}
            {...form.field('layout')}
          />
        </Stack>
      </SimpleGrid>
      <LetterTextFields
        form={form}
        korespondensi={v.layout === 'letter'}
        afterBody={
          <Group gap={6}>
            <Text size="xs" c="dimmed">
              {t('letterAdmin.placeholders')}
            </Text>
            {placeholders.map((p) => (
              <Code key={p}>{`{{${p}}}`}</Code>
            ))}
          </Group>
        }
      />
      <LetterSetupFields form={form} />
      <ActiveSwitch form={form} />
    </FormModal>
  );
}

export function TemplatesPage() {
  const t = useT();
  const { templates } = useLists();
  return (
    <EditableTable
      title={t('nav.admin.letterTemplates')}
      subtitle={t('letterAdmin.templatesSubtitle')}
      addLabel={t('letterAdmin.newTemplate')}
      query={templates}
      rows={templates.data?.templates ?? []}
      nameOf={(x) => x.name}
      testId="letter-templates-table"
      Editor={TemplateForm}
      columns={[
        {
          header: t('letterAdmin.templateName'),
          render: (x) => (
            <>
              <Text size="sm" fw={600}>
                {x.name}
              </Text>
              <Text size="xs" c="dimmed">
                {x.title}
              </Text>
            </>
          ),
        },
        {
          header: t('letterAdmin.source'),
          render: (x) => t(`letterAdmin.source.${x.sourceKind}` as 'letterAdmin.source.person'),
        },
        { header: t('letterAdmin.layout'), render: (x) => t(`letterAdmin.layout.${x.layout}`) },
        { header: t('letter.paper'), render: (x) => x.paper },
      ]}
    />
  );
}
