/** Admin: complaint categories, each with its own working-day deadlines and PPKS hints. */
import {
  Badge,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import type { ComplaintCategory } from '../../../../shared/contract/complaints';
import { call, callChecked } from '../../api/rpc';
import { ActionsHeader, RowAction } from '../../components/RowActions';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, PageLoader } from '../../components/PageStates';
import { FormModal } from '../../components/FormModal';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { useForm } from '../../lib/form';
import { useQuery } from '../../lib/useQuery';
import { PpksSelect } from '../../components/PpksSelect';
import { AddButton } from '../../components/AddButton';

interface Values {
  name: string;
  nameEn: string;
  kind: ComplaintCategory['kind'];
  verifyDays: number | string;
  answerDays: number | string;
  completeDays: number | string;
  ppks: string[];
  active: boolean;
  sortOrder: number | string;
}

const days = (v: number | string) => (v === '' ? null : Number(v));

function CategoryForm({
  category,
  defaults,
  onSaved,
  onCancel,
  onReload,
}: {
  category: ComplaintCategory | null;
  defaults: { verifyDays: number; answerDays: number; completeDays: number };
  onSaved: () => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const t = useT();
  const form = useForm<Values>(
    {
      name: category?.name ?? '',
      nameEn: category?.nameEn ?? '',
      kind: category?.kind ?? 'complaint',
      verifyDays: category?.verifyDays ?? '',
      answerDays: category?.answerDays ?? '',
      completeDays: category?.completeDays ?? '',
      ppks: category?.ppks ?? [],
      active: category?.active ?? true,
      sortOrder: category?.sortOrder ?? 100,
    },
    {
      submit: (v) =>
        callChecked('complaints.saveCategory', {
          ...(category ? { id: category.id, version: category.version } : {}),
          name: v.name,
          nameEn: v.nameEn,
          kind: v.kind,
          verifyDays: days(v.verifyDays),
          answerDays: days(v.answerDays),
          completeDays: days(v.completeDays),
          ppks: v.ppks as ComplaintCategory['ppks'],
          active: v.active,
          sortOrder: Number(v.sortOrder) || 0,
        }),
      onSaved,
      onReload,
    },
  );
  const v = form.values;

  const dayInput = (
    name: 'verifyDays' | 'answerDays' | 'completeDays',
    label: string,
    fallback: number,
  ) => (
    <NumberInput
      label={label}
      placeholder={t('complaintAdmin.defaultDays', { days: fallback })}
      min={1}
      max={60}
      value={v[name]}
      onChange={(n) => form.set(name, n)}
      error={form.errorText(name)}
    />
  );

  return (
    <FormModal
      form={form}
      title={category ? t('complaintAdmin.editCategory') : t('complaintAdmin.newCategory')}
      onClose={onCancel}
      size="lg"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('complaintAdmin.name')}
          required
          data-autofocus
          {...form.text('name')}
        />
        <TextInput label={t('complaintAdmin.nameEn')} {...form.text('nameEn')} />
        <Select
          label={t('complaintAdmin.kind')}
          data={(['complaint', 'data_service', 'any'] as const).map((k) => ({
            value: k,
            label: t(`complaint.categoryKind.${k}`),
          }))}
          {...form.choice('kind')}
        />
        <NumberInput
          label={t('complaintAdmin.sortOrder')}
          min={0}
          max={9999}
          value={v.sortOrder}
          onChange={(n) => form.set('sortOrder', n)}
          error={form.errorText('sortOrder')}
        />
      </SimpleGrid>
      <div>
        <Text size="sm" fw={500}>
          {t('complaintAdmin.deadlines')}
        </Text>
        <Text size="xs" c="dimmed" mb={6}>
          {t('complaintAdmin.deadlinesHelp')}
        </Text>
        <SimpleGrid cols={3}>
          {dayInput('verifyDays', t('complaint.stage.verify'), defaults.verifyDays)}
          {dayInput('answerDays', t('complaint.stage.answer'), defaults.answerDays)}
          {dayInput('completeDays', t('complaint.stage.complete'), defaults.completeDays)}
        </SimpleGrid>
      </div>
      <PpksSelect
        label={t('complaintAdmin.ppks')}
        description={t('complaintAdmin.ppksHelp')}
        value={v.ppks}
        onChange={(p) => form.set('ppks', p)}
        testId="category-ppks"
      />
      <Switch
        label={t('complaintAdmin.active')}
        description={t('complaintAdmin.activeHelp')}
        checked={v.active}
        onChange={(e) => form.set('active', e.currentTarget.checked)}
      />
    </FormModal>
  );
}

export function ComplaintCategoriesPage() {
  const t = useT();
  const { locale } = useI18n();
  const list = useQuery('admin-complaint-categories', () =>
    call('complaints.categories', { includeInactive: true }),
  );
  const settings = useQuery('complaint-settings', () => call('complaints.settings', {}));
  const [editing, setEditing] = useState<ComplaintCategory | 'new' | null>(null);

  if (list.error && !list.data) return <LoadError error={list.error} onRetry={list.reload} />;
  if (!list.data || !settings.data) return <PageLoader />;
  const s = settings.data;
  const dayCell = (own: number | null, fallback: number) =>
    own === null ? (
      <Text span c="dimmed" size="sm">
        {fallback}
      </Text>
    ) : (
      <Text span fw={700} size="sm">
        {own}
      </Text>
    );

  return (
    <>
      <PageHeader
        title={t('nav.admin.complaintCategories')}
        subtitle={t('complaintAdmin.categoriesSubtitle')}
        actions={
          <AddButton onClick={() => setEditing('new')}>{t('complaintAdmin.newCategory')}</AddButton>
        }
      />
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="categories-table">
            <Table.Thead bg="var(--pelita-table-head)">
              <Table.Tr>
                <Table.Th>{t('complaintAdmin.name')}</Table.Th>
                <Table.Th>{t('complaintAdmin.kind')}</Table.Th>
                <Table.Th ta="center">{t('complaint.stage.verify')}</Table.Th>
                <Table.Th ta="center">{t('complaint.stage.answer')}</Table.Th>
                <Table.Th ta="center">{t('complaint.stage.complete')}</Table.Th>
                <Table.Th>{t('complaintAdmin.ppks')}</Table.Th>
                <Table.Th>{t('user.status')}</Table.Th>
                <ActionsHeader w={56} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.categories.map((c) => (
                <Table.Tr key={c.id} opacity={c.active ? 1 : 0.6}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {locale === 'en' && c.nameEn ? c.nameEn : c.name}
                    </Text>
                    {c.nameEn && (
                      <Text size="xs" c="dimmed">
                        {locale === 'en' ? c.name : c.nameEn}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`complaint.categoryKind.${c.kind}`)}</Table.Td>
                  <Table.Td ta="center">{dayCell(c.verifyDays, s.verifyDays)}</Table.Td>
                  <Table.Td ta="center">{dayCell(c.answerDays, s.answerDays)}</Table.Td>
                  <Table.Td ta="center">{dayCell(c.completeDays, s.completeDays)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {c.ppks.map((p) => (
                        <Badge key={p} variant="outline" color="gray" size="sm">
                          {p}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={c.active ? 'teal' : 'gray'} variant="light" tt="none">
                      {t(c.active ? 'complaintAdmin.inUse' : 'complaintAdmin.retired')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <RowAction
                      label={t('common.edit')}
                      of={c.name}
                      Icon={IconPencil}
                      onClick={() => setEditing(c)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="xs" c="dimmed" p="md">
          {t('complaintAdmin.daysLegend')}
        </Text>
      </Paper>
      {editing !== null && (
        <CategoryForm
          key={editing === 'new' ? 'new' : editing.id}
          category={editing === 'new' ? null : editing}
          defaults={s}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
          onReload={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
    </>
  );
}
