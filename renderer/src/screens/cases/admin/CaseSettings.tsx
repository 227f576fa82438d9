/**
 * Admin → case settings: the case number pattern, the working days to the assessment, the days
 * between reviews, and the service types a plan chooses from (retired ones stay on old plans).
 */
import {
  Alert,
  Badge,
  Box,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import {
  IconClockHour4,
  IconDeviceFloppy,
  IconHash,
  IconListCheck,
  IconPencil,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { Output } from '../../../../../shared/contract';
import type { ServiceType } from '../../../../../shared/contract/cases';
import { todayInZone } from '../../../../../shared/format';
import { formatNumber, patternProblems } from '../../../../../shared/registers/pattern';
import { call, callChecked } from '../../../api/rpc';
import { AddButton } from '../../../components/AddButton';
import { FormActions, FormFrame, FormModal } from '../../../components/FormModal';
import { PatternField } from '../../../components/PatternField';
import { PageHeader } from '../../../components/PageHeader';
import { Loaded } from '../../../components/PageStates';
import { ActionsHeader, RowAction } from '../../../components/RowActions';
import { SectionCard } from '../../../components/SectionCard';
import { useI18n, useT } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../lib/format';
import { useForm } from '../../../lib/form';
import { useRecordForm } from '../../../lib/recordForm';
import { useQuery } from '../../../lib/useQuery';

type Settings = Output<'cases.settings'>;
const TOKENS = ['{seq}', '{seq:4}', '{year}', '{yy}', '{month}', '{romanMonth}'] as const;

interface SettingsValues {
  numberPattern: string;
  assessmentDays: number | string;
  reviewDays: number | string;
}

const settingsValues = (s: Settings): SettingsValues => ({
  numberPattern: s.numberPattern,
  assessmentDays: s.assessmentDays,
  reviewDays: s.reviewDays,
});

function SettingsForm({ initial }: { initial: Settings }) {
  const t = useT();
  const fmt = useFormat();
  const { form, base } = useRecordForm(initial, settingsValues, {
    submit: (v, version) =>
      callChecked('cases.saveSettings', {
        version,
        numberPattern: v.numberPattern,
        assessmentDays: Number(v.assessmentDays),
        reviewDays: Number(v.reviewDays),
      }),
    load: () => call('cases.settings', {}),
  });
  const v = form.values;
  const pattern = v.numberPattern.trim();
  const problems = patternProblems(pattern);
  const today = todayInZone(fmt.timeZone);
  const sample =
    problems.length > 0
      ? '—'
      : formatNumber(pattern, {
          seq: 1,
          year: Number(today.slice(0, 4)),
          month: Number(today.slice(5, 7)),
          code: '',
        });

  return (
    <FormFrame form={form} gap="lg" testId="case-settings-form">
      <SectionCard title={t('caseAdmin.numbering')} icon={<IconHash size={20} />}>
        <Stack gap="md">
          <PatternField
            label={t('caseAdmin.pattern')}
            tokensLabel={t('caseAdmin.tokens')}
            tokens={TOKENS}
            problems={problems}
            maxLength={100}
            input={form.text('numberPattern')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <div>
              <Text size="sm" c="dimmed">
                {t('caseAdmin.sample')}
              </Text>
              <Text ff="monospace" fw={600} data-testid="case-pattern-sample">
                {sample}
              </Text>
            </div>
            <div>
              <Text size="sm" c="dimmed">
                {t('caseAdmin.nextNumber')}
              </Text>
              <Text ff="monospace" fw={600} data-testid="case-next-number">
                {base.preview}
              </Text>
            </div>
          </SimpleGrid>
          <Alert color="blue" role="note">
            {t('caseAdmin.numberingHelp')}
          </Alert>
        </Stack>
      </SectionCard>
      <SectionCard title={t('caseAdmin.deadlines')} icon={<IconClockHour4 size={20} />}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('caseAdmin.assessmentDays')}
            description={t('caseAdmin.assessmentDaysHelp')}
            required
            min={1}
            max={60}
            suffix={` ${t('caseAdmin.workingDays')}`}
            value={v.assessmentDays}
            onChange={(n) => form.set('assessmentDays', n)}
            error={form.errorText('assessmentDays')}
            data-testid="case-assessment-days"
          />
          <NumberInput
            label={t('caseAdmin.reviewDays')}
            description={t('caseAdmin.reviewDaysHelp')}
            required
            min={1}
            max={365}
            suffix={` ${t('caseAdmin.days')}`}
            value={v.reviewDays}
            onChange={(n) => form.set('reviewDays', n)}
            error={form.errorText('reviewDays')}
          />
        </SimpleGrid>
      </SectionCard>
      <FormActions
        busy={form.busy}
        submitProps={{
          leftSection: <IconDeviceFloppy size={18} />,
          'data-testid': 'case-settings-save',
        }}
      />
    </FormFrame>
  );
}

interface TypeValues {
  name: string;
  nameEn: string;
  active: boolean;
  sortOrder: number | string;
}

function ServiceTypeForm({
  type,
  onSaved,
  onCancel,
  onReload,
}: {
  type: ServiceType | null;
  onSaved: () => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const t = useT();
  const form = useForm<TypeValues>(
    {
      name: type?.name ?? '',
      nameEn: type?.nameEn ?? '',
      active: type?.active ?? true,
      sortOrder: type?.sortOrder ?? 100,
    },
    {
      submit: (v) =>
        callChecked('cases.saveServiceType', {
          ...(type ? { id: type.id, version: type.version } : {}),
          name: v.name,
          nameEn: v.nameEn,
          active: v.active,
          sortOrder: Number(v.sortOrder) || 0,
        }),
      onSaved,
      onReload,
    },
  );
  const v = form.values;
  return (
    <FormModal
      form={form}
      title={type ? t('caseAdmin.editType') : t('caseAdmin.newType')}
      onClose={onCancel}
      size="lg"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('caseAdmin.typeName')}
          required
          maxLength={150}
          data-autofocus
          {...form.text('name')}
        />
        <TextInput label={t('caseAdmin.typeNameEn')} maxLength={150} {...form.text('nameEn')} />
        <NumberInput
          label={t('caseAdmin.sortOrder')}
          description={t('caseAdmin.sortOrderHelp')}
          min={0}
          max={10000}
          value={v.sortOrder}
          onChange={(n) => form.set('sortOrder', n)}
          error={form.errorText('sortOrder')}
        />
      </SimpleGrid>
      <Switch
        label={t('caseAdmin.typeActive')}
        description={t('caseAdmin.typeActiveHelp')}
        checked={v.active}
        onChange={(e) => form.set('active', e.currentTarget.checked)}
      />
    </FormModal>
  );
}

function ServiceTypes() {
  const t = useT();
  const { locale } = useI18n();
  const list = useQuery('case-service-types', () => call('cases.serviceTypes', {}));
  const [editing, setEditing] = useState<ServiceType | 'new' | null>(null);
  const close = () => {
    setEditing(null);
    list.reload();
  };
  return (
    <SectionCard
      title={t('caseAdmin.serviceTypes')}
      icon={<IconListCheck size={20} />}
      testId="case-service-types"
      action={<AddButton onClick={() => setEditing('new')}>{t('caseAdmin.newType')}</AddButton>}
    >
      <Text size="sm" c="dimmed" mb="md">
        {t('caseAdmin.serviceTypesHelp')}
      </Text>
      <Loaded query={list}>
        {({ types }) => (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="xs" horizontalSpacing="md">
                <Table.Thead bg="var(--pelita-table-head)">
                  <Table.Tr>
                    <Table.Th w={70} ta="center">
                      {t('caseAdmin.sortOrder')}
                    </Table.Th>
                    <Table.Th>{t('caseAdmin.typeName')}</Table.Th>
                    <Table.Th>{t('user.status')}</Table.Th>
                    <ActionsHeader w={56} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {types.map((s) => (
                    <Table.Tr
                      key={s.id}
                      opacity={s.active ? 1 : 0.6}
                      data-testid="service-type-row"
                    >
                      <Table.Td ta="center" c="dimmed">
                        {s.sortOrder}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {locale === 'en' && s.nameEn ? s.nameEn : s.name}
                        </Text>
                        {s.nameEn && (
                          <Text size="xs" c="dimmed">
                            {locale === 'en' ? s.name : s.nameEn}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={s.active ? 'teal' : 'gray'} variant="light" tt="none">
                          {t(s.active ? 'caseAdmin.inUse' : 'caseAdmin.retired')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <RowAction
                          label={t('common.edit')}
                          of={s.name}
                          Icon={IconPencil}
                          onClick={() => setEditing(s)}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </Loaded>
      {editing !== null && (
        <ServiceTypeForm
          key={editing === 'new' ? 'new' : editing.id}
          type={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={close}
          onReload={close}
        />
      )}
    </SectionCard>
  );
}

export function CaseSettingsPage() {
  const t = useT();
  const settings = useQuery('case-settings-admin', () => call('cases.settings', {}));
  return (
    <>
      <PageHeader title={t('nav.admin.caseSettings')} subtitle={t('caseAdmin.subtitle')} />
      <Box maw={960}>
        <Stack gap="lg">
          <Loaded query={settings}>{(s) => <SettingsForm initial={s} />}</Loaded>
          <ServiceTypes />
        </Stack>
      </Box>
    </>
  );
}
