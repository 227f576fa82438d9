/**
 * `#/findings/new`: a finding (laporan temuan PPKS) as the kelurahan sees it — who was found,
 * where and when, the PPKS categories, the condition and urgency, what was done on the spot, who
 * reports. A kelurahan operator reports for its own kelurahan; city staff choose one. Nobody is
 * registered here: the city matches the person at triage.
 */
import {
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  NumberInput,
} from '@mantine/core';
import type { Input } from '../../../../shared/contract';
import { URGENCIES } from '../../../../shared/reference/complaints';
import { REPORTER_ROLES } from '../../../../shared/reference/findings';
import { isoToZonedTime, zonedTimeToIso } from '../../../../shared/time';
import { callChecked } from '../../api/rpc';
import { DateField, DateTimeField } from '../../components/DateField';
import { FormActions, FormFrame } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { PpksSelect } from '../../components/PpksSelect';
import { RegionPicker } from '../../components/RegionPicker';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { useForm } from '../../lib/form';
import { navigate } from '../../lib/router';
import { useMe } from '../../session/SessionProvider';
import { call } from '../../api/rpc';
import { useQuery } from '../../lib/useQuery';
import type { PpksCode } from '../../../../shared/reference/ppks';

interface Values {
  kelurahanCode: string | null;
  place: string;
  foundAt: string;
  ppks: PpksCode[];
  condition: string;
  urgency: (typeof URGENCIES)[number];
  actionTaken: string;
  reporterRole: (typeof REPORTER_ROLES)[number] | null;
  reporterName: string;
  reporterContact: string;
  name: string;
  nik: string;
  sex: 'M' | 'F' | null;
  birthDate: string;
  age: number | string;
  description: string;
}

export function FindingNewPage() {
  const t = useT();
  const fmt = useFormat();
  const me = useMe();
  const operator = me.roles.includes('kelurahan_operator');
  const office = useQuery('office', () => call('office.get', {}));
  const form = useForm<Values, { id: string }>(
    {
      kelurahanCode: null,
      place: '',
      foundAt: isoToZonedTime(new Date(), fmt.timeZone),
      ppks: [],
      condition: '',
      urgency: 'normal',
      actionTaken: '',
      reporterRole: operator ? 'kelurahan_staff' : null,
      reporterName: operator ? me.fullName : '',
      reporterContact: '',
      name: '',
      nik: '',
      sex: null,
      birthDate: '',
      age: '',
      description: '',
    },
    {
      submit: (v) => {
        const input: Input<'findings.create'> = {
          place: v.place,
          foundAt: zonedTimeToIso(v.foundAt, fmt.timeZone) ?? v.foundAt,
          ppks: v.ppks,
          condition: v.condition,
          urgency: v.urgency,
          actionTaken: v.actionTaken,
          reporterRole: v.reporterRole as NonNullable<Values['reporterRole']>,
          reporterName: v.reporterName,
          reporterContact: v.reporterContact,
          subject: {
            name: v.name,
            nik: v.nik,
            sex: v.sex,
            birthDate: v.birthDate || null,
            age: v.age === '' ? null : Number(v.age),
            description: v.description,
          },
          ...(operator ? {} : { kelurahanCode: v.kelurahanCode ?? undefined }),
        };
        return callChecked('findings.create', input);
      },
      success: 'finding.saved',
      onSaved: (f) => navigate(`/findings/${f.id}`),
    },
  );
  const v = form.values;
  return (
    <>
      <PageHeader title={t('finding.new')} subtitle={t('finding.new.subtitle')} />
      <FormFrame form={form} testId="finding-form">
        <SectionCard title={t('finding.section.who')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
              <TextInput
                label={t('finding.subject.name')}
                description={t('finding.subject.name.help')}
                {...form.text('name')}
                data-testid="finding-name"
              />
              <TextInput
                label={t('finding.subject.nik')}
                inputMode="numeric"
                maxLength={20}
                {...form.text('nik')}
                error={form.errorText('subject.nik')}
              />
              <Select
                label={t('finding.subject.sex')}
                data={[
                  { value: 'F', label: t('person.sex.F') },
                  { value: 'M', label: t('person.sex.M') },
                ]}
                clearable
                {...form.field('sex')}
                onChange={(s) => form.set('sex', (s as Values['sex']) ?? null)}
                data-testid="finding-sex"
              />
              <DateField
                label={t('finding.subject.birthDate')}
                startLevel="decade"
                {...form.field('birthDate')}
                error={form.errorText('subject.birthDate')}
              />
              <NumberInput
                label={t('finding.subject.age')}
                min={0}
                max={130}
                value={v.age}
                onChange={(n) => form.set('age', n)}
                data-testid="finding-age"
              />
            </SimpleGrid>
            <Textarea
              label={t('finding.subject.description')}
              description={t('finding.subject.description.help')}
              autosize
              minRows={2}
              {...form.text('description')}
              error={form.errorText('subject.name')}
            />
          </Stack>
        </SectionCard>
        <SectionCard title={t('finding.section.where')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {operator ? (
                <div>
                  <Text size="sm" fw={500}>
                    {t('finding.kelurahan')}
                  </Text>
                  <Text size="sm" c="dimmed" mt={6}>
                    {t('finding.kelurahan.own')}
                  </Text>
                </div>
              ) : (
                <RegionPicker
                  label={t('finding.kelurahan')}
                  value={v.kelurahanCode}
                  onChange={(code) => form.set('kelurahanCode', code)}
                  levels={[4]}
                  within={office.data?.regionCode}
                  required
                  error={form.errorText('kelurahanCode')}
                />
              )}
              <TextInput
                label={t('finding.place')}
                description={t('finding.place.help')}
                required
                {...form.text('place')}
                data-testid="finding-place"
              />
              <DateTimeField label={t('finding.foundAt')} required {...form.field('foundAt')} />
            </SimpleGrid>
            <PpksSelect
              label={t('finding.ppks')}
              description={t('finding.ppks.help')}
              value={v.ppks}
              onChange={(p) => form.set('ppks', p)}
              error={form.errorText('ppks')}
              required
              testId="finding-ppks"
            />
            <Textarea
              label={t('finding.condition')}
              description={t('finding.condition.help')}
              required
              autosize
              minRows={2}
              {...form.text('condition')}
              data-testid="finding-condition"
            />
            <div>
              <Text size="sm" fw={500} mb={4}>
                {t('finding.urgency')}
              </Text>
              <SegmentedControl
                data={URGENCIES.map((u) => ({ value: u, label: t(`complaint.urgency.${u}`) }))}
                value={v.urgency}
                onChange={(u) => form.set('urgency', u as Values['urgency'])}
                data-testid="finding-urgency"
              />
            </div>
            <Textarea
              label={t('finding.actionTaken')}
              description={t('finding.actionTaken.help')}
              autosize
              minRows={2}
              {...form.text('actionTaken')}
            />
          </Stack>
        </SectionCard>
        <SectionCard title={t('finding.section.reporter')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('finding.reporterRole')}
              data={REPORTER_ROLES.map((r) => ({
                value: r,
                label: t(`finding.reporterRole.${r}`),
              }))}
              required
              {...form.field('reporterRole')}
              onChange={(r) => form.set('reporterRole', r as Values['reporterRole'])}
              data-testid="finding-reporter-role"
            />
            <TextInput label={t('finding.reporterName')} required {...form.text('reporterName')} />
            <TextInput label={t('finding.reporterContact')} {...form.text('reporterContact')} />
          </SimpleGrid>
        </SectionCard>
        <FormActions
          busy={form.busy}
          onCancel={() => navigate('/findings')}
          submitLabel={t('finding.submit')}
          submitProps={{ 'data-testid': 'finding-submit' }}
        />
      </FormFrame>
    </>
  );
}
