/**
 * Create or edit a person. Before saving, likely duplicates are shown (persons.duplicates): the
 * same NIK refuses with a link, a similar person warns and the user decides.
 */
import {
  Checkbox,
  Fieldset,
  Group,
  Input,
  NumberInput,
  Radio,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { Person } from '../../../../shared/contract/persons';
import {
  IDENTITY_STATUSES,
  MARITAL_STATUSES,
  RELIGIONS,
} from '../../../../shared/reference/persons';
import { todayInZone } from '../../../../shared/format';
import { call, callChecked } from '../../api/rpc';
import { DateField } from '../../components/DateField';
import { FormActions, FormFrame } from '../../components/FormModal';
import { RegionPicker } from '../../components/RegionPicker';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { useForm } from '../../lib/form';
import { DuplicatesAlert, type DuplicateCandidate } from './DuplicatesAlert';
import { NikField } from './NikField';
import {
  emptyValues,
  probeOf,
  toInput,
  valuesFrom,
  type MissingReason,
  type PersonValues,
} from './personValues';

export interface PersonFormProps {
  /** The record being edited; absent for a new person. */
  person?: Person;
  /** Initial values for a new person (e.g. the name typed in a search). */
  prefill?: Partial<PersonValues>;
  onSaved: (p: Person) => void;
  onCancel?: () => void;
  /** A record picked from the duplicate list ("open existing"). */
  onUseExisting: (c: DuplicateCandidate) => void;
  useExistingLabel?: string;
  /** Stale edit: load the record again. */
  onReload?: () => void;
}

function MissingSelect({
  value,
  onChange,
  label,
  testId,
}: {
  value: MissingReason;
  onChange: (v: MissingReason) => void;
  label: string;
  testId?: string;
}) {
  const t = useT();
  return (
    <Select
      label={label}
      value={value}
      onChange={(v) => onChange((v as MissingReason) ?? 'unknown')}
      allowDeselect={false}
      data={[
        { value: 'unknown', label: t('person.form.missing.unknown') },
        { value: 'refused', label: t('person.form.missing.refused') },
      ]}
      data-testid={testId}
    />
  );
}

function Section({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Fieldset legend={legend} radius="md" variant="default">
      <Stack gap="md">{children}</Stack>
    </Fieldset>
  );
}

export function PersonForm({
  person,
  prefill,
  onSaved,
  onCancel,
  onUseExisting,
  useExistingLabel,
  onReload,
}: PersonFormProps) {
  const t = useT();
  const fmt = useFormat();
  const currentYear = Number(todayInZone(fmt.timeZone).slice(0, 4));
  const initial = useRef<PersonValues>(
    person ? valuesFrom(person, currentYear) : emptyValues(prefill),
  );
  const [dupes, setDupes] = useState<{ key: string; candidates: DuplicateCandidate[] } | null>(
    null,
  );
  const dupesRef = useRef<HTMLDivElement>(null);
  const editing = Boolean(person);

  /** Saves, unless the registry already holds people like this the user has not seen yet. */
  const save = async (values: PersonValues): Promise<Person | null> => {
    const probe = probeOf(values, person?.id);
    const key = JSON.stringify(probe);
    const unchanged = editing && key === JSON.stringify(probeOf(initial.current, person?.id));
    if (!unchanged && probe.fullName && dupes?.key !== key) {
      const { candidates } = await call('persons.duplicates', probe);
      if (candidates.length > 0) {
        setDupes({ key, candidates });
        requestAnimationFrame(() =>
          dupesRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' }),
        );
        return null;
      }
    }
    const input = toInput(values);
    return person
      ? callChecked('persons.update', { ...input, id: person.id, version: person.version })
      : callChecked('persons.create', input);
  };

  const form = useForm<PersonValues, Person | null>(() => initial.current, {
    // A missing choice reads "Wajib diisi" rather than "Pilihan tidak valid".
    check: (v) => [
      ...(v.identityStatus
        ? []
        : [{ path: ['identityStatus'], key: 'validation.required' as const }]),
      ...(v.fullName.trim() ? [] : [{ path: ['fullName'], key: 'validation.required' as const }]),
    ],
    submit: save,
    success: (saved) =>
      saved && t(person ? 'person.updated' : 'person.created', { name: saved.fullName }),
    onSaved: (saved) => {
      if (!saved) return;
      setDupes(null);
      onSaved(saved);
    },
    onReload,
  });
  const v = form.values;

  const nikIssue = form.errors.nik;
  const takenBy =
    nikIssue?.key === 'person.nik_taken' && nikIssue.params?.personId
      ? { id: String(nikIssue.params.personId), name: String(nikIssue.params.name ?? '') }
      : null;

  const currentDupes = dupes && dupes.key === JSON.stringify(probeOf(v, person?.id)) ? dupes : null;

  return (
    <FormFrame form={form} gap="lg" testId="person-form">
      <Section legend={t('person.section.identity')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap={6}>
            <TextInput
              label={t('person.fullName')}
              required
              maxLength={150}
              data-autofocus
              autoComplete="off"
              {...form.text('fullName')}
            />
            <Checkbox
              label={t('person.namePartial')}
              checked={v.namePartial}
              onChange={(e) => form.set('namePartial', e.currentTarget.checked)}
            />
          </Stack>
          <TagsInput
            label={t('person.aliases')}
            description={t('person.form.aliases.help')}
            value={v.aliases}
            onChange={(a) => form.set('aliases', a)}
            maxTags={10}
            error={form.errorText('aliases')}
            clearable
            data-testid="aliases-input"
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap="md">
            <NikField
              value={v.nik}
              onChange={(nik) => form.set('nik', nik)}
              serverError={form.errorText('nik')}
              takenBy={takenBy}
              birthDate={v.birthMode === 'date' ? v.birthDate : undefined}
              sex={v.sex}
              onApply={(d) => {
                form.setValues({
                  ...form.values,
                  ...(d.birthDate
                    ? { birthMode: 'date' as const, birthDate: d.birthDate, estimatedAge: '' }
                    : {}),
                  ...(d.sex ? { sex: d.sex } : {}),
                });
              }}
            />
            {!v.nik.trim() && (
              <MissingSelect
                label={`${t('person.form.missingReason')}: ${t('person.nik')}`}
                value={v.nikMissing}
                onChange={(r) => form.set('nikMissing', r)}
                testId="nik-missing"
              />
            )}
          </Stack>
          <TextInput
            label={t('person.kk')}
            inputMode="numeric"
            maxLength={24}
            classNames={{ input: 'pelita-mono' }}
            autoComplete="off"
            {...form.text('kk')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('person.identityStatus')}
            description={t('person.form.identity.help')}
            required
            placeholder={t('person.form.choose')}
            {...form.choice('identityStatus')}
            data={IDENTITY_STATUSES.map((s) => ({ value: s, label: t(`person.identity.${s}`) }))}
            data-testid="identity-status"
          />
          <Textarea
            label={t('person.identityEvidence')}
            description={t('person.form.identityEvidence.help')}
            maxLength={500}
            {...form.text('identityEvidence')}
          />
        </SimpleGrid>
      </Section>

      <Section legend={t('person.section.birth')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Radio.Group
            label={t('person.sex')}
            value={v.sex ?? ''}
            onChange={(s) => form.set('sex', (s || null) as PersonValues['sex'])}
            error={form.errorText('sex')}
          >
            <Group gap="lg" mt={8}>
              <Radio value="M" label={t('person.sex.M')} />
              <Radio value="F" label={t('person.sex.F')} />
            </Group>
          </Radio.Group>
          <TextInput label={t('person.birthPlace')} maxLength={100} {...form.text('birthPlace')} />
        </SimpleGrid>
        <Stack gap={6}>
          <Input.Label id="birth-mode-label">{t('person.form.birthMode.label')}</Input.Label>
          <SegmentedControl
            aria-labelledby="birth-mode-label"
            value={v.birthMode}
            onChange={(m) => form.set('birthMode', m as PersonValues['birthMode'])}
            data={[
              { value: 'date', label: t('person.form.birthMode.date') },
              { value: 'age', label: t('person.form.birthMode.age') },
              { value: 'none', label: t('person.form.birthMode.none') },
            ]}
            w={{ base: '100%', sm: 'auto' }}
            style={{ alignSelf: 'flex-start' }}
            data-testid="birth-mode"
          />
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {v.birthMode === 'date' && (
            <DateField
              label={t('person.birthDate')}
              maxDate={todayInZone(fmt.timeZone)}
              {...form.field('birthDate')}
            />
          )}
          {v.birthMode === 'age' && (
            <NumberInput
              label={t('person.estimatedAge')}
              description={t('person.form.age.help')}
              min={0}
              max={120}
              allowDecimal={false}
              allowNegative={false}
              value={v.estimatedAge}
              onChange={(n) => form.set('estimatedAge', String(n))}
              error={form.errorText('estimatedAge')}
              w={{ base: '100%', sm: 300 }}
            />
          )}
          {v.birthMode === 'none' && (
            <MissingSelect
              label={`${t('person.form.missingReason')}: ${t('person.birthDate')}`}
              value={v.birthMissing}
              onChange={(r) => form.set('birthMissing', r)}
            />
          )}
          {v.birthMode !== 'age' && form.errorText('estimatedAge') && (
            <Text size="sm" c="red">
              {form.errorText('estimatedAge')}
            </Text>
          )}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('person.motherName')} maxLength={150} {...form.text('motherName')} />
          <Select
            label={t('person.maritalStatus')}
            placeholder={t('person.form.choose')}
            value={v.maritalStatus}
            onChange={(s) => form.set('maritalStatus', s as PersonValues['maritalStatus'])}
            data={MARITAL_STATUSES.map((s) => ({ value: s, label: t(`person.marital.${s}`) }))}
            clearable
          />
          <Select
            label={t('person.religion')}
            placeholder={t('person.form.choose')}
            value={v.religion}
            onChange={(s) => form.set('religion', s as PersonValues['religion'])}
            data={RELIGIONS.map((s) => ({ value: s, label: t(`person.religion.${s}`) }))}
            clearable
          />
        </SimpleGrid>
      </Section>

      <Section legend={t('person.section.address')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap="md">
            <RegionPicker
              label={t('person.origin')}
              description={t('person.origin.help')}
              placeholder={t('person.form.origin.placeholder')}
              levels={[2, 3, 4]}
              {...form.field('originCode')}
            />
            {!v.originCode && (
              <MissingSelect
                label={`${t('person.form.missingReason')}: ${t('person.origin')}`}
                value={v.originMissing}
                onChange={(r) => form.set('originMissing', r)}
              />
            )}
          </Stack>
          <TextInput
            label={t('person.phone')}
            inputMode="tel"
            maxLength={20}
            {...form.text('phone')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Group gap="sm" align="flex-start" wrap="nowrap">
            <TextInput
              label={t('person.address')}
              maxLength={300}
              style={{ flex: 1 }}
              {...form.text('address')}
            />
            {(['rt', 'rw'] as const).map((k) => (
              <TextInput
                key={k}
                label={t(`person.${k}`)}
                maxLength={3}
                w={64}
                inputMode="numeric"
                {...form.text(k)}
              />
            ))}
          </Group>
          <RegionPicker label={t('person.village')} levels={[4]} {...form.field('villageCode')} />
        </SimpleGrid>
        {!v.address.trim() && !v.villageCode && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MissingSelect
              label={`${t('person.form.missingReason')}: ${t('person.address')}`}
              value={v.addressMissing}
              onChange={(r) => form.set('addressMissing', r)}
            />
          </SimpleGrid>
        )}
      </Section>

      <Section legend={t('person.section.other')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea
            label={t('person.disabilities')}
            maxLength={300}
            {...form.text('disabilities')}
          />
          <Textarea label={t('person.notes')} maxLength={2000} {...form.text('notes')} />
        </SimpleGrid>
      </Section>

      <div ref={dupesRef}>
        {currentDupes && (
          <DuplicatesAlert
            candidates={currentDupes.candidates}
            onUse={onUseExisting}
            useLabel={useExistingLabel ?? t('person.duplicates.open')}
            onSaveAnyway={() => form.onSubmit()}
            busy={form.busy}
          />
        )}
      </div>
      <FormActions
        busy={form.busy}
        onCancel={onCancel}
        submitLabel={editing ? t('common.save') : t('person.form.saveNew')}
        submitProps={{
          leftSection: <IconDeviceFloppy size={18} />,
          disabled: Boolean(currentDupes),
          'data-testid': 'person-save',
        }}
      />
    </FormFrame>
  );
}
