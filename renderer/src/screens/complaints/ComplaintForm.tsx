/**
 * `#/complaints/new` and `#/complaints/<id>/edit`: the intake form. Every field error comes back
 * from the backend next to its field; the deadlines the receipt will promise are shown while
 * typing, counted with the same working-day calculator the backend uses.
 */
import {
  Alert,
  Button,
  Checkbox,
  Grid,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCalendarDue, IconDeviceFloppy, IconEyeOff, IconLock } from '@tabler/icons-react';
import { useId, useMemo, useState } from 'react';
import { ReactNode } from 'react';
import { Input } from '../../../../shared/contract';
import { Complaint, ComplaintCategory } from '../../../../shared/contract/complaints';
import {
  CHANNELS_WITH_REQUIRED_REF,
  COMPLAINT_CHANNELS,
  DATA_SERVICE_TYPES,
  URGENCIES,
  type ComplaintChannel,
  type ComplaintKind,
  type Urgency,
} from '../../../../shared/reference/complaints';
import { dayInZone, isoToZonedTime, zonedTimeToIso } from '../../../../shared/time';
import { dueDate } from '../../../../shared/workdays';
import { call, callChecked } from '../../api/rpc';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, NotLoaded, PageLoader } from '../../components/PageStates';
import { DateTimeField } from '../../components/DateField';
import { FormFrame } from '../../components/FormModal';
import { RegionPicker } from '../../components/RegionPicker';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { useFailureHandler } from '../../lib/failures';
import { useFormat } from '../../lib/format';
import { textsOf, useForm } from '../../lib/form';
import { navigate } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';

import { PpksSelect } from '../../components/PpksSelect';
import { AssigneeSelect } from './Assignee';
import { categoryName } from './labels';
import { PersonLink, type LinkedPerson } from './PersonLink';

interface Values {
  kind: ComplaintKind;
  serviceType: string | null;
  categoryId: string | null;
  channel: ComplaintChannel | null;
  channelRef: string;
  receivedAt: string;
  backdateReason: string;
  urgency: Urgency;
  reporterAnonymous: boolean;
  reporterName: string;
  reporterPhone: string;
  reporterAddress: string;
  reporterRelation: string;
  reporterConfidential: boolean;
  subject: string;
  personId: string | null;
  regionCode: string | null;
  locationAddress: string;
  description: string;
  ppks: string[];
  assigneeId: string | null;
}

function emptyValues(timeZone: string): Values {
  return {
    kind: 'complaint',
    serviceType: null,
    categoryId: null,
    channel: null,
    channelRef: '',
    receivedAt: isoToZonedTime(new Date(), timeZone),
    backdateReason: '',
    urgency: 'normal',
    reporterAnonymous: false,
    reporterName: '',
    reporterPhone: '',
    reporterAddress: '',
    reporterRelation: '',
    reporterConfidential: false,
    subject: '',
    personId: null,
    regionCode: null,
    locationAddress: '',
    description: '',
    ppks: [],
    assigneeId: null,
  };
}

function valuesOf(c: Complaint, timeZone: string): Values {
  return {
    ...textsOf(c, [
      'channelRef',
      'backdateReason',
      'reporterName',
      'reporterPhone',
      'reporterAddress',
      'reporterRelation',
      'locationAddress',
    ]),
    kind: c.kind,
    serviceType: c.serviceType,
    categoryId: c.category.id,
    channel: c.channel,
    receivedAt: isoToZonedTime(c.receivedAt, timeZone),
    urgency: c.urgency,
    reporterAnonymous: c.reporterAnonymous,
    reporterConfidential: c.reporterConfidential,
    subject: c.subject,
    personId: c.person?.id ?? null,
    regionCode: c.region?.code ?? null,
    description: c.description,
    ppks: c.ppks,
    assigneeId: c.assignee?.id ?? null,
  };
}

function Section({
  title,
  children,
  aside,
}: {
  title: string;
  children: ReactNode;
  aside?: ReactNode;
}) {
  const id = useId();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="md">
        <Title order={2} fz="lg" fw={600} id={id}>
          {title}
        </Title>
        {aside}
      </Group>
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}

const REF_LABEL: Partial<Record<ComplaintChannel, string>> = {
  lapor: 'complaint.channelRef.lapor',
  call_112: 'complaint.channelRef.call_112',
  letter: 'complaint.channelRef.letter',
  email: 'complaint.channelRef.email',
  social_media: 'complaint.channelRef.social_media',
  kelurahan: 'complaint.channelRef.letter',
};

/** The deadlines a receipt would promise, counted like the backend does. */
function DeadlinePreview({
  receivedAt,
  category,
  kept,
}: {
  receivedAt: string;
  category: ComplaintCategory | undefined;
  /** A correction that keeps the category keeps the deadlines already on the receipt. */
  kept?: Complaint['deadlines'];
}) {
  const t = useT();
  const fmt = useFormat();
  const settings = useQuery('complaint-settings', () => call('complaints.settings', {}));
  const holidays = useQuery('complaint-holidays', () => call('calendar.holidays', {}));
  const preview = useMemo(() => {
    if (kept) {
      const due = (stage: string) => kept.find((d) => d.stage === stage)!.due;
      return {
        verify: due('verify'),
        answer: due('answer'),
        complete: due('complete'),
        days: null,
      };
    }
    if (!settings.data || !holidays.data || !category) return null;
    const iso = zonedTimeToIso(receivedAt, fmt.timeZone) ?? new Date().toISOString();
    const day = dayInZone(iso, fmt.timeZone);
    const set = new Set(holidays.data.holidays.map((h) => h.date));
    const s = settings.data;
    return {
      verify: dueDate(day, category.verifyDays ?? s.verifyDays, set),
      answer: dueDate(day, category.answerDays ?? s.answerDays, set),
      complete: dueDate(day, category.completeDays ?? s.completeDays, set),
      days: {
        verify: category.verifyDays ?? s.verifyDays,
        answer: category.answerDays ?? s.answerDays,
        complete: category.completeDays ?? s.completeDays,
      },
    };
  }, [settings.data, holidays.data, category, receivedAt, fmt.timeZone, kept]);
  return (
    <Paper withBorder radius="md" p="lg" data-testid="deadline-preview">
      <Group gap="sm" mb="sm">
        <IconCalendarDue size={20} color="var(--mantine-color-pelita-7)" />
        <Title order={2} fz="md" fw={600}>
          {t(kept ? 'complaint.deadlines' : 'complaint.form.deadlines')}
        </Title>
      </Group>
      {!preview ? (
        <Text size="sm" c="dimmed">
          {t('complaint.form.deadlinesPick')}
        </Text>
      ) : (
        <Stack gap={6}>
          {(['verify', 'answer', 'complete'] as const).map((s) => (
            <Group key={s} justify="space-between" wrap="nowrap">
              <Text size="sm">
                {t(`complaint.stage.${s}`)}{' '}
                {preview.days && (
                  <Text span size="xs" c="dimmed">
                    ({t('complaint.form.workingDays', { days: preview.days[s] })})
                  </Text>
                )}
              </Text>
              <Text size="sm" fw={600}>
                {fmt.calendarDate(preview[s])}
              </Text>
            </Group>
          ))}
          <Text size="xs" c="dimmed" mt={4}>
            {t(kept ? 'complaint.form.deadlinesKept' : 'complaint.form.deadlinesHelp')}
          </Text>
        </Stack>
      )}
    </Paper>
  );
}

export function ComplaintForm({ existing }: { existing?: Complaint }) {
  const t = useT();
  const { locale } = useI18n();
  const fmt = useFormat();
  const handle = useFailureHandler();
  const creating = !existing;
  const [base, setBase] = useState<Complaint | undefined>(existing);
  const [person, setPerson] = useState<LinkedPerson | null>(existing?.person ?? null);
  const form = useForm<Values, Complaint>(
    () => (existing ? valuesOf(existing, fmt.timeZone) : emptyValues(fmt.timeZone)),
    {
      check: (v) =>
        creating && !zonedTimeToIso(v.receivedAt, fmt.timeZone)
          ? [{ path: ['receivedAt'], key: 'date.invalidTime' }]
          : [],
      submit: (v) => save(v),
      success: false,
      onSaved: (saved) =>
        navigate(creating ? `/complaints/${saved.id}?new=1` : `/complaints/${saved.id}`),
      onReload: () => void reload(),
    },
  );
  const categories = useQuery('complaint-categories', () => call('complaints.categories', {}));
  const officers = useQuery('complaint-officers', () => call('complaints.officers', {}));
  const v = form.values;
  const reporterHidden = base?.reporterHidden ?? false;

  const categoryList = useMemo(() => {
    const list = categories.data?.categories ?? [];
    // An existing complaint keeps a category retired since.
    if (base && !list.some((c) => c.id === base.category.id)) {
      return [
        ...list,
        {
          ...base.category,
          kind: 'any',
          verifyDays: null,
          answerDays: null,
          completeDays: null,
          ppks: [],
          active: false,
          sortOrder: 999,
          version: 1,
        } as ComplaintCategory,
      ];
    }
    return list;
  }, [categories.data, base]);
  const fitting = categoryList.filter((c) => c.kind === 'any' || c.kind === v.kind);
  const category = categoryList.find((c) => c.id === v.categoryId);

  const receivedIso = zonedTimeToIso(v.receivedAt, fmt.timeZone);
  const backdated =
    creating &&
    receivedIso !== null &&
    dayInZone(receivedIso, fmt.timeZone) < dayInZone(new Date(), fmt.timeZone);

  const pickCategory = (id: string | null) => {
    form.set('categoryId', id);
    const c = categoryList.find((x) => x.id === id);
    // The category's PPKS hints, unless the officer already chose some.
    if (c && c.ppks.length > 0 && v.ppks.length === 0) form.set('ppks', c.ppks);
  };

  const reload = async () => {
    if (!base) return;
    try {
      const fresh = await call('complaints.get', { id: base.id });
      setBase(fresh);
      form.setValues(valuesOf(fresh, fmt.timeZone));
      setPerson(fresh.person);
    } catch (e) {
      handle(e);
    }
  };

  const save = (v: Values): Promise<Complaint> => {
    const intake = {
      serviceType:
        v.kind === 'data_service'
          ? (v.serviceType as Input<'complaints.create'>['serviceType'])
          : null,
      // Not chosen: left out, so the check answers "required" at the field.
      categoryId: (v.categoryId ?? undefined) as string,
      channel: (v.channel ?? undefined) as ComplaintChannel,
      channelRef: v.channelRef,
      subject: v.subject,
      personId: person?.id ?? null,
      regionCode: v.regionCode,
      locationAddress: v.locationAddress,
      description: v.description,
      urgency: v.urgency,
      ppks: v.ppks as Input<'complaints.create'>['ppks'],
    };
    const reporter = {
      reporterAnonymous: v.reporterAnonymous,
      reporterName: v.reporterAnonymous ? null : v.reporterName,
      reporterPhone: v.reporterPhone,
      reporterAddress: v.reporterAddress,
      reporterRelation: v.reporterRelation,
      reporterConfidential: v.reporterConfidential,
    };
    if (creating) {
      return callChecked('complaints.create', {
        kind: v.kind,
        ...intake,
        ...reporter,
        receivedAt: receivedIso!,
        backdateReason: backdated ? v.backdateReason : null,
        assigneeId: v.assigneeId,
      });
    }
    return callChecked('complaints.update', {
      id: base!.id,
      version: base!.version,
      ...intake,
      // Details this user may not see are left out, so they stay as they are.
      ...(reporterHidden ? {} : reporter),
    });
  };

  if (!categories.data) return <NotLoaded query={categories} />;

  const refLabel = v.channel ? REF_LABEL[v.channel] : undefined;
  const refRequired = !!v.channel && CHANNELS_WITH_REQUIRED_REF.includes(v.channel);

  return (
    <FormFrame form={form} label={t(creating ? 'nav.complaints.new' : 'complaint.edit')}>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <Section title={t('complaint.form.intake')}>
              <div>
                <Text size="sm" fw={500} mb={4}>
                  {t('complaint.kind')}
                </Text>
                <SegmentedControl
                  value={v.kind}
                  disabled={!creating}
                  onChange={(k) => {
                    form.set('kind', k as ComplaintKind);
                    if (category && category.kind !== 'any' && category.kind !== k)
                      form.set('categoryId', null);
                  }}
                  data={[
                    { value: 'complaint', label: t('complaint.kind.complaint') },
                    { value: 'data_service', label: t('complaint.kind.data_service') },
                  ]}
                  data-testid="complaint-kind"
                />
              </div>
              {v.kind === 'data_service' && (
                <Select
                  label={t('complaint.serviceType')}
                  required
                  data={DATA_SERVICE_TYPES.map((s) => ({
                    value: s,
                    label: t(`complaint.serviceType.${s}`),
                  }))}
                  {...form.field('serviceType')}
                />
              )}
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t('complaint.channel')}
                  required
                  data={COMPLAINT_CHANNELS.map((c) => ({
                    value: c,
                    label: t(`complaint.channel.${c}`),
                  }))}
                  value={v.channel}
                  onChange={(c) => form.set('channel', c as ComplaintChannel | null)}
                  error={form.errorText('channel')}
                  autoFocus={creating}
                />
                <TextInput
                  label={t((refLabel ?? 'complaint.channelRef') as 'complaint.channelRef')}
                  required={refRequired}
                  maxLength={100}
                  {...form.text('channelRef')}
                />
                <Select
                  label={t('complaint.category')}
                  required
                  data={fitting.map((c) => ({ value: c.id, label: categoryName(c, locale) }))}
                  value={v.categoryId}
                  onChange={pickCategory}
                  error={form.errorText('categoryId')}
                  searchable
                  nothingFoundMessage={t('common.noResults')}
                />
                <div>
                  <Text size="sm" fw={500} mb={4}>
                    {t('complaint.urgency')}
                  </Text>
                  <SegmentedControl
                    fullWidth
                    value={v.urgency}
                    onChange={(u) => form.set('urgency', u as Urgency)}
                    data={URGENCIES.map((u) => ({ value: u, label: t(`complaint.urgency.${u}`) }))}
                    color={
                      v.urgency === 'emergency'
                        ? 'red'
                        : v.urgency === 'high'
                          ? 'orange'
                          : undefined
                    }
                    data-testid="complaint-urgency"
                  />
                </div>
                <DateTimeField
                  label={t('complaint.receivedAt')}
                  description={
                    creating ? t('complaint.receivedAt.help', { zone: fmt.zone }) : undefined
                  }
                  disabled={!creating}
                  required={creating}
                  maxDate={dayInZone(new Date(), fmt.timeZone)}
                  {...form.field('receivedAt')}
                />
                {backdated && (
                  <TextInput
                    label={t('complaint.backdateReason')}
                    description={t('complaint.backdateReason.help')}
                    required
                    maxLength={300}
                    {...form.text('backdateReason')}
                  />
                )}
              </SimpleGrid>
            </Section>

            <Section
              title={t('complaint.form.reporter')}
              aside={
                !reporterHidden && (
                  <Checkbox
                    label={t('complaint.reporter.anonymousLabel')}
                    checked={v.reporterAnonymous}
                    onChange={(e) => {
                      const anon = e.currentTarget.checked;
                      form.set('reporterAnonymous', anon);
                      if (anon) form.set('reporterConfidential', false);
                    }}
                    data-testid="reporter-anonymous"
                  />
                )
              }
            >
              {reporterHidden ? (
                <Alert color="gray" variant="light" role="note" icon={<IconEyeOff size={18} />}>
                  {t('complaint.reporter.hiddenEdit')}
                </Alert>
              ) : (
                <>
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <TextInput
                      label={t('complaint.reporter.name')}
                      required={!v.reporterAnonymous}
                      disabled={v.reporterAnonymous}
                      maxLength={150}
                      {...form.text('reporterName')}
                    />
                    <TextInput
                      label={t('complaint.reporter.phone')}
                      inputMode="tel"
                      maxLength={20}
                      {...form.text('reporterPhone')}
                    />
                    <TextInput
                      label={t('complaint.reporter.address')}
                      maxLength={300}
                      {...form.text('reporterAddress')}
                    />
                    <TextInput
                      label={t('complaint.reporter.relation')}
                      description={t('complaint.reporter.relation.help')}
                      maxLength={100}
                      {...form.text('reporterRelation')}
                    />
                  </SimpleGrid>
                  <Switch
                    label={t('complaint.reporter.confidential')}
                    description={t('complaint.reporter.confidential.help')}
                    checked={v.reporterConfidential}
                    disabled={v.reporterAnonymous}
                    onChange={(e) => form.set('reporterConfidential', e.currentTarget.checked)}
                    thumbIcon={v.reporterConfidential ? <IconLock size={10} /> : undefined}
                    data-testid="reporter-confidential"
                  />
                </>
              )}
            </Section>

            <Section title={t('complaint.form.subject')}>
              <TextInput
                label={t('complaint.subject')}
                description={t('complaint.subject.help')}
                required
                maxLength={200}
                {...form.text('subject')}
              />
              <PersonLink
                value={person}
                onChange={(p) => {
                  setPerson(p);
                  form.setError('personId', null);
                }}
                error={form.errorText('personId')}
                subject={v.subject}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <RegionPicker
                  label={t('complaint.region')}
                  description={t('complaint.region.help')}
                  value={v.regionCode}
                  onChange={(code) => form.set('regionCode', code)}
                  levels={[3, 4]}
                  error={form.errorText('regionCode')}
                />
                <TextInput
                  label={t('complaint.locationAddress')}
                  description={t('complaint.locationAddress.help')}
                  maxLength={300}
                  {...form.text('locationAddress')}
                />
              </SimpleGrid>
              <Textarea
                label={t('complaint.description')}
                required
                minRows={4}
                maxLength={4000}
                {...form.text('description')}
              />
              <PpksSelect
                label={t('complaint.ppks')}
                description={t('complaint.ppks.help')}
                {...form.field('ppks')}
                testId="complaint-ppks"
              />
            </Section>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg" pos="sticky" top={80}>
            <DeadlinePreview
              receivedAt={creating ? v.receivedAt : isoToZonedTime(base!.receivedAt, fmt.timeZone)}
              kept={base && v.categoryId === base.category.id ? base.deadlines : undefined}
              category={category}
            />
            {creating && (
              <Paper withBorder radius="md" p="lg">
                <AssigneeSelect
                  officers={officers.data?.officers}
                  description={t('complaint.form.assignHelp')}
                  {...form.field('assigneeId')}
                />
              </Paper>
            )}
            <Group justify="flex-end">
              <LinkButton variant="default" to={base ? `/complaints/${base.id}` : '/complaints'}>
                {t('common.cancel')}
              </LinkButton>
              <Button
                type="submit"
                loading={form.busy}
                leftSection={<IconDeviceFloppy size={18} />}
                data-testid="complaint-save"
              >
                {creating ? t('complaint.form.saveNew') : t('common.save')}
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
      </Grid>
    </FormFrame>
  );
}

export function ComplaintNewPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('nav.complaints.new')} subtitle={t('complaint.form.subtitle')} />
      <ComplaintForm />
    </>
  );
}

export function ComplaintEditPage({ id }: { id: string }) {
  const t = useT();
  const complaint = useQuery(`complaint-edit:${id}`, () => call('complaints.get', { id }));
  if (complaint.error && !complaint.data)
    return <LoadError error={complaint.error} onRetry={complaint.reload} />;
  if (!complaint.data) return <PageLoader />;
  return (
    <>
      <PageHeader
        title={t('complaint.edit')}
        subtitle={<span className="pelita-mono">{complaint.data.number}</span>}
      />
      <ComplaintForm existing={complaint.data} />
    </>
  );
}
