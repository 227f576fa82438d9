/**
 * The assessment and the plan of a case: a form while the assigned caseworker drafts them
 * (assessment in `opened`, plan in `plan` before it is submitted), read-only afterwards.
 */
import {
  Button,
  Checkbox,
  Grid,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { CaseFile } from '../../../../shared/contract/cases';
import {
  ASSESSMENT_SECTIONS,
  RISK_LEVELS,
  type RiskLevel,
} from '../../../../shared/reference/cases';
import { call, callChecked } from '../../api/rpc';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { FormActions, FormFrame } from '../../components/FormModal';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { useForm } from '../../lib/form';
import { useQuery } from '../../lib/useQuery';
import { RiskBadge } from './CaseBadges';

/** A part of the case file edited in place: the file, whether it is being edited, and what follows a save. */
interface PartProps {
  file: CaseFile;
  editing: boolean;
  onSaved: (c: CaseFile) => void;
  onReload: () => void;
}

type Sections = Record<(typeof ASSESSMENT_SECTIONS)[number], string>;

export function AssessmentPart({ file, editing, onSaved, onReload }: PartProps) {
  const t = useT();
  const a = file.assessment;
  const form = useForm(
    {
      ...(Object.fromEntries(ASSESSMENT_SECTIONS.map((s) => [s, a?.[s] ?? ''])) as Sections),
      summary: a?.summary ?? '',
      riskLevel: (a?.riskLevel ?? null) as RiskLevel | null,
      immediateDanger: a?.immediateDanger ?? false,
    },
    {
      submit: ({ riskLevel, ...v }) =>
        callChecked('cases.saveAssessment', {
          id: file.id,
          version: file.version,
          assessment: { ...v, riskLevel: riskLevel ?? ('' as RiskLevel) },
        }),
      // The server names the assessment's fields under `assessment.`.
      prefix: 'assessment',
      success: 'case.ui.assessmentSaved',
      onSaved,
      onReload,
    },
  );
  if (!editing) {
    if (!a)
      return (
        <Text c="dimmed" size="sm">
          {t('case.ui.noAssessment')}
        </Text>
      );
    return (
      <Stack gap="sm" data-testid="assessment-view">
        <RiskBadge risk={a.riskLevel} danger={a.immediateDanger} />
        <Grid gap="sm">
          {ASSESSMENT_SECTIONS.filter((s) => a[s]).map((s) => (
            <Grid.Col key={s} span={{ base: 12, sm: 6 }}>
              <Field label={t(`case.assessment.${s}`)}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {a[s]}
                </Text>
              </Field>
            </Grid.Col>
          ))}
        </Grid>
        {a.summary && <Field label={t('case.assessment.summary')}>{a.summary}</Field>}
      </Stack>
    );
  }
  return (
    <FormFrame form={form} label={t('case.ui.assessment')} testId="assessment-form" gap="sm">
      <Grid gap="sm">
        {ASSESSMENT_SECTIONS.map((s) => (
          <Grid.Col key={s} span={{ base: 12, lg: 6 }}>
            <Textarea
              label={t(`case.assessment.${s}`)}
              autosize
              minRows={2}
              maxRows={6}
              {...form.text(s)}
            />
          </Grid.Col>
        ))}
      </Grid>
      <Textarea
        label={t('case.assessment.summary')}
        autosize
        minRows={2}
        {...form.text('summary')}
      />
      <Group gap="lg" align="flex-end">
        <Select
          label={t('case.riskLevel')}
          data={RISK_LEVELS.map((r) => ({ value: r, label: t(`case.risk.${r}`) }))}
          value={form.values.riskLevel}
          onChange={(r) => form.set('riskLevel', r as RiskLevel | null)}
          error={form.errorText('riskLevel')}
          required
          w={200}
          data-testid="assessment-risk"
        />
        <Checkbox
          label={t('case.immediateDanger')}
          checked={form.values.immediateDanger}
          onChange={(e) => form.set('immediateDanger', e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      <FormActions
        busy={form.busy}
        submitLabel={t('case.ui.saveAssessment')}
        submitProps={{ variant: 'light', 'data-testid': 'assessment-save' }}
      />
    </FormFrame>
  );
}

interface PlanRow {
  serviceTypeId: string | null;
  responsible: string;
  dueOn: string | null;
}

export function PlanPart({ file, editing, onSaved, onReload }: PartProps) {
  const t = useT();
  const fmt = useFormat();
  const types = useQuery('case-service-types', () => call('cases.serviceTypes', {}));
  const form = useForm(
    {
      goals: file.planGoals ?? '',
      services: file.planServices.map((p): PlanRow => ({
        serviceTypeId: p.serviceTypeId,
        responsible: p.responsible,
        dueOn: p.dueOn,
      })),
    },
    {
      submit: (v) =>
        callChecked('cases.savePlan', {
          id: file.id,
          version: file.version,
          goals: v.goals,
          services: v.services.map((s) => ({
            serviceTypeId: s.serviceTypeId ?? '',
            responsible: s.responsible,
            dueOn: s.dueOn,
          })),
        }),
      success: 'case.ui.planSaved',
      onSaved,
      onReload,
    },
  );
  if (!editing) {
    if (!file.planGoals)
      return (
        <Text c="dimmed" size="sm">
          {t('case.ui.noPlan')}
        </Text>
      );
    return (
      <Stack gap="sm" data-testid="plan-view">
        <Field label={t('case.ui.goals')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {file.planGoals}
          </Text>
        </Field>
        <Table withTableBorder verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('case.ui.serviceType')}</Table.Th>
              <Table.Th>{t('case.ui.responsible')}</Table.Th>
              <Table.Th>{t('case.ui.dueOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {file.planServices.map((p) => (
              <Table.Tr key={p.id} data-testid="plan-service">
                <Table.Td>{p.serviceType}</Table.Td>
                <Table.Td>{p.responsible}</Table.Td>
                <Table.Td>{p.dueOn ? fmt.calendarDate(p.dueOn) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    );
  }
  const rows = form.values.services;
  const setRow = (i: number, row: Partial<PlanRow>) =>
    form.set(
      'services',
      rows.map((r, k) => (k === i ? { ...r, ...row } : r)),
    );
  const options = (types.data?.types ?? [])
    .filter((x) => x.active)
    .map((x) => ({ value: x.id, label: x.name }));
  return (
    <FormFrame form={form} label={t('case.ui.plan')} testId="plan-form" gap="sm">
      <Textarea label={t('case.ui.goals')} required autosize minRows={2} {...form.text('goals')} />
      <Text size="sm" fw={500}>
        {t('case.ui.plannedServices')}
      </Text>
      {rows.length > 0 && (
        // One header over the rows instead of a label on every input.
        <Grid gap="sm" visibleFrom="md">
          {(['serviceType', 'responsible', 'dueOn'] as const).map((k, i) => (
            <Grid.Col key={k} span={i === 2 ? 3 : 4}>
              <Text size="xs" c="dimmed" fw={600}>
                {t(`case.ui.${k}`)}
              </Text>
            </Grid.Col>
          ))}
        </Grid>
      )}
      {rows.map((r, i) => (
        <Grid key={i} gap="sm" align="flex-end" data-testid="plan-row">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Select
              aria-label={t('case.ui.serviceType')}
              placeholder={t('case.ui.serviceType')}
              data={options}
              value={r.serviceTypeId}
              onChange={(v) => setRow(i, { serviceTypeId: v })}
              error={form.errorText(`services.${i}.serviceTypeId`)}
              searchable
              data-testid={`plan-type-${i}`}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput
              aria-label={t('case.ui.responsible')}
              placeholder={t('case.ui.responsible')}
              value={r.responsible}
              onChange={(e) => setRow(i, { responsible: e.currentTarget.value })}
              error={form.errorText(`services.${i}.responsible`)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 9, md: 3 }}>
            <DateField
              aria-label={t('case.ui.dueOn')}
              value={r.dueOn ?? ''}
              onChange={(v) => setRow(i, { dueOn: v || null })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 3, md: 1 }}>
            <Button
              variant="subtle"
              color="red"
              aria-label={t('case.ui.removeService')}
              onClick={() =>
                form.set(
                  'services',
                  rows.filter((_, k) => k !== i),
                )
              }
            >
              <IconTrash size={16} />
            </Button>
          </Grid.Col>
        </Grid>
      ))}
      <Group justify="space-between">
        <Button
          variant="default"
          leftSection={<IconPlus size={16} />}
          onClick={() =>
            form.set('services', [...rows, { serviceTypeId: null, responsible: '', dueOn: null }])
          }
          data-testid="plan-add"
        >
          {t('case.ui.addService')}
        </Button>
        <FormActions
          busy={form.busy}
          submitLabel={t('case.ui.savePlan')}
          submitProps={{ variant: 'light', 'data-testid': 'plan-save' }}
        />
      </Group>
    </FormFrame>
  );
}
