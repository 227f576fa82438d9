/**
 * `#/findings/:id`: one finding — who, where, what was reported — with its two clocks, the
 * person matcher's candidates for the city to link, the workflow steps the user may take, the
 * outcome and the timeline. A kelurahan operator sees the same page without the registry.
 */
import {
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { Finding } from '../../../../shared/contract/findings';
import { offeredSteps } from '../../../../shared/workflow/engine';
import { findingFlow, type FindingStep } from '../../../../shared/workflow/findings';
import { call, callChecked } from '../../api/rpc';
import { Field } from '../../components/Field';
import { FormActions, FormFrame } from '../../components/FormModal';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { Loaded } from '../../components/PageStates';
import { PpksBadges } from '../../components/PpksBadges';
import { StepFields, StepHelp } from '../../components/StepField';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { useForm } from '../../lib/form';
import { useQuery } from '../../lib/useQuery';
import { useCan } from '../../session/can';
import { useMe } from '../../session/SessionProvider';
import { FindingClock, FindingStatusBadge } from './FindingBadges';

export function FindingPage({ id }: { id: string }) {
  const q = useQuery(`finding:${id}`, () => call('findings.get', { id }));
  return <Loaded query={q}>{(f) => <FindingView f={f} reload={q.reload} />}</Loaded>;
}

function FindingView({ f, reload }: { f: Finding; reload: () => void }) {
  const t = useT();
  const fmt = useFormat();
  const me = useMe();
  const can = useCan();
  const [step, setStep] = useState<FindingStep | null>(null);
  const offered = offeredSteps(findingFlow, f.status, { roles: me.roles, isAssignee: false });
  const link = async (personId: string) => {
    await call('findings.linkPerson', { id: f.id, version: f.version, personId });
    reload();
  };
  return (
    <>
      <PageHeader
        title={`${t('finding.title')} ${f.number}`}
        subtitle={`${f.kelurahan.name}, ${f.kelurahan.kecamatan} · ${fmt.dateTime(f.foundAt)}`}
        actions={
          <Group gap="xs">
            {offered.map((s) => (
              <Button
                key={s}
                variant={findingFlow.steps[s].emphasis === 'primary' ? 'filled' : 'default'}
                color={findingFlow.steps[s].emphasis === 'caution' ? 'orange' : undefined}
                onClick={() => setStep(s)}
                data-testid={`finding-step-${s}`}
              >
                {t(findingFlow.steps[s].label)}
              </Button>
            ))}
          </Group>
        }
      />
      <SimpleGrid cols={{ base: 1, md: 3 }} mb="md">
        <Paper withBorder radius="md" p="md">
          <Group justify="space-between" mb="xs">
            <FindingStatusBadge f={f} />
            {f.urgency !== 'normal' && (
              <Text size="sm" c="red.8" fw={700}>
                {t(`complaint.urgency.${f.urgency}`)}
              </Text>
            )}
          </Group>
          <FindingClock next={f.next} />
          <Text size="xs" c="dimmed" mt="xs">
            {t('finding.clock.triage')}: {fmt.calendarDate(f.triage.due)}
            {f.triage.metAt ? ` ✓ ${fmt.dateTime(f.triage.metAt)}` : ''} · {t('finding.clock.act')}:{' '}
            {fmt.calendarDate(f.act.due)}
            {f.act.metAt ? ` ✓ ${fmt.dateTime(f.act.metAt)}` : ''}
          </Text>
        </Paper>
        <Paper
          withBorder
          radius="md"
          p="md"
          style={{ gridColumn: 'span 2' }}
          data-testid="finding-outcome"
        >
          <Title order={2} size="h5" mb="xs">
            {t('finding.outcome')}
          </Title>
          {f.outcome ? (
            <Text size="sm">
              <b>{t(`finding.outcome.${f.outcome}`)}</b>
              {f.stay &&
                ` — ${f.stay.shelterName}, ${t('finding.since')} ${fmt.dateTime(f.stay.checkinAt)}`}
              {f.complaint && ` — ${f.complaint.number}: ${f.complaint.subject}`}
              {f.referredTo && ` — ${f.referredTo}`}
              {f.closeReason && ` — ${f.closeReason}`}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {t(f.status === 'received' ? 'finding.outcome.waiting' : 'finding.outcome.triaged')}
            </Text>
          )}
          {f.triageNote && (
            <Text size="sm" mt="xs">
              {t('finding.triageNote')}: {f.triageNote}
            </Text>
          )}
        </Paper>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} mb="md">
        <SectionCard title={t('finding.section.who')}>
          <SimpleGrid cols={2} spacing="sm">
            <Field label={t('finding.subject.name')}>
              {f.subject.name ?? t('finding.unknownName')}
            </Field>
            <Field label={t('finding.subject.nik')}>{f.subject.nik ?? '—'}</Field>
            <Field label={t('finding.subject.sex')}>
              {f.subject.sex ? t(`person.sex.${f.subject.sex}`) : '—'}
            </Field>
            <Field label={t('finding.subject.birthDate')}>
              {f.subject.birthDate
                ? fmt.calendarDate(f.subject.birthDate)
                : f.subject.age !== null
                  ? t('finding.ageYears', { age: f.subject.age })
                  : '—'}
            </Field>
          </SimpleGrid>
          {f.subject.description && (
            <Text size="sm" mt="sm">
              {f.subject.description}
            </Text>
          )}
          {f.person && (
            <Group mt="sm" gap="xs">
              <Text size="sm">
                {t('finding.person')}: <b>{f.person.fullName}</b>
              </Text>
              {can('persons.get') && (
                <LinkButton to={`/persons/${f.person.id}`} size="compact-sm" variant="subtle">
                  {t('finding.openPerson')}
                </LinkButton>
              )}
            </Group>
          )}
        </SectionCard>
        <SectionCard title={t('finding.section.where')}>
          <Stack gap="xs">
            <Field label={t('finding.place')}>{f.place}</Field>
            <Field label={t('finding.ppks')}>
              <PpksBadges codes={f.ppks} numbered />
            </Field>
            <Field label={t('finding.condition')}>{f.condition}</Field>
            {f.actionTaken && <Field label={t('finding.actionTaken')}>{f.actionTaken}</Field>}
            <Field label={t('finding.reporter')}>
              {f.reporterName} ({t(`finding.reporterRole.${f.reporterRole}`)})
              {f.reporterContact ? ` · ${f.reporterContact}` : ''}
            </Field>
          </Stack>
        </SectionCard>
      </SimpleGrid>
      {!f.person && can('findings.linkPerson') && f.outcome === null && (
        <Paper withBorder radius="md" p="md" mb="md" data-testid="finding-candidates">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h5">
              {t('finding.candidates')}
            </Title>
            {can('persons.create') && (
              <LinkButton to="/persons/new" size="compact-sm" variant="default">
                {t('finding.registerPerson')}
              </LinkButton>
            )}
          </Group>
          {f.candidates.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('finding.candidates.none')}
            </Text>
          ) : (
            <Table>
              <Table.Tbody>
                {f.candidates.map((c) => (
                  <Table.Tr key={c.id} data-testid="finding-candidate">
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {c.fullName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {[c.nik, c.birthDate && fmt.calendarDate(c.birthDate), c.villageName]
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t(`person.match.level.${c.level}`)}</Table.Td>
                    <Table.Td align="right">
                      <Button
                        size="compact-sm"
                        onClick={() => void link(c.id)}
                        data-testid="finding-link-person"
                      >
                        {t('finding.linkPerson')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      )}
      <SectionCard title={t('finding.timeline')}>
        <Stack gap={4}>
          {f.events.map((e) => (
            <Text size="sm" key={e.id}>
              {fmt.dateTime(e.at)} ·{' '}
              {e.toState
                ? t(`finding.status.${e.toState as Finding['status']}`)
                : t('finding.event.linkPerson')}
              {e.by ? ` · ${e.by.fullName}` : ''}
              {e.note ? ` — ${e.note}` : ''}
            </Text>
          ))}
        </Stack>
      </SectionCard>
      <Modal
        opened={step !== null}
        onClose={() => setStep(null)}
        title={step ? t(findingFlow.steps[step].label) : ''}
        size="lg"
      >
        {step && (
          <StepDialog
            f={f}
            step={step}
            onCancel={() => setStep(null)}
            onDone={() => {
              setStep(null);
              reload();
            }}
          />
        )}
      </Modal>
    </>
  );
}

function StepDialog({
  f,
  step,
  onCancel,
  onDone,
}: {
  f: Finding;
  step: FindingStep;
  onCancel: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const fmt = useFormat();
  const def = findingFlow.steps[step];
  const fields = def.requires ?? [];
  const complaints = useQuery(fields.includes('complaintId') ? 'open-complaints' : null, () =>
    call('complaints.list', { status: 'open', pageSize: 100 }),
  );
  const form = useForm(
    {
      triageNote: '',
      stayId: null as string | null,
      complaintId: null as string | null,
      referredTo: '',
      closeReason: '',
      note: '',
    },
    {
      submit: (v) =>
        callChecked('findings.transition', {
          id: f.id,
          version: f.version,
          step,
          note: v.note,
          ...Object.fromEntries(fields.map((k) => [k, v[k]])),
        }),
      success: false,
      onSaved: onDone,
    },
  );
  return (
    <FormFrame form={form}>
      <StepHelp def={def} />
      {fields.includes('stayId') &&
        (f.openStays.length === 0 ? (
          <Alert color="orange">
            {t(f.person ? 'finding.stay.none' : 'finding.person_required')}
          </Alert>
        ) : (
          <Select
            label={t('finding.stay')}
            required
            data={f.openStays.map((s) => ({
              value: s.id,
              label: `${s.shelterName} · ${fmt.dateTime(s.checkinAt)}`,
            }))}
            {...form.field('stayId')}
            data-testid="finding-stay-select"
          />
        ))}
      {fields.includes('complaintId') && (
        <Select
          label={t('finding.complaint')}
          required
          searchable
          data={(complaints.data?.rows ?? []).map((c) => ({
            value: c.id,
            label: `${c.number} · ${c.subject}`,
          }))}
          {...form.field('complaintId')}
        />
      )}
      <StepFields
        names={fields.filter(
          (k) => k === 'triageNote' || k === 'referredTo' || k === 'closeReason',
        )}
        defs={findingFlow.fields}
        form={form}
        blank=""
      />
      {!fields.includes('triageNote') && (
        <Textarea label={t('complaint.stepNote')} {...form.text('note')} />
      )}
      <FormActions
        busy={form.busy}
        onCancel={onCancel}
        submitLabel={t(def.label)}
        submitProps={{ 'data-testid': 'finding-step-confirm' }}
      />
    </FormFrame>
  );
}
