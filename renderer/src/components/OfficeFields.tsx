import { NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { DEFAULT_OFFICE, type Office, type OfficeInput } from '../../../shared/contract/office';
import type { Locale } from '../../../shared/i18n';
import { translate } from '../../../shared/i18n';
import { useT } from '../i18n/I18nProvider';
import { NipInput } from './NipInput';
import type { Form } from '../lib/form';
import { RegionPicker } from './RegionPicker';

export interface OfficeValues {
  name: string;
  regionCode: string | null;
  address: string;
  phone: string;
  email: string;
  website: string;
  headName: string;
  headNip: string;
  headPosition: string;
  timeZone: string;
  maxStayDays: number | string;
  /** Kelurahan mode: the kelurahan this PC reports for; null at the city office. */
  kelurahanCode: string | null;
}

export const TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;

export function defaultOfficeValues(locale: Locale): OfficeValues {
  return {
    name: translate(locale, 'office.defaultName'),
    regionCode: DEFAULT_OFFICE.regionCode,
    address: translate(locale, 'office.defaultAddress'),
    phone: '',
    email: '',
    website: '',
    headName: '',
    headNip: '',
    headPosition: '',
    timeZone: DEFAULT_OFFICE.timeZone,
    maxStayDays: DEFAULT_OFFICE.maxStayDays,
    kelurahanCode: null,
  };
}

export function officeValuesFrom(o: Office): OfficeValues {
  return {
    name: o.name,
    regionCode: o.regionCode,
    address: o.address,
    phone: o.phone ?? '',
    email: o.email ?? '',
    website: o.website ?? '',
    headName: o.headName ?? '',
    headNip: o.headNip ?? '',
    headPosition: o.headPosition ?? '',
    timeZone: o.timeZone,
    maxStayDays: o.maxStayDays,
    kelurahanCode: o.kelurahanCode,
  };
}

export function officeInputFrom(v: OfficeValues): OfficeInput {
  return {
    name: v.name,
    regionCode: v.regionCode ?? '',
    address: v.address,
    phone: v.phone,
    email: v.email,
    website: v.website,
    headName: v.headName,
    headNip: v.headNip,
    headPosition: v.headPosition,
    timeZone: v.timeZone,
    maxStayDays: typeof v.maxStayDays === 'number' ? v.maxStayDays : Number(v.maxStayDays || NaN),
    kelurahanCode: v.kelurahanCode,
  };
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <Title order={3} fz="lg" fw={600}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** The office profile fields, used by the setup wizard and Admin → Profil Kantor. */
export function OfficeFields({
  form,
  autoFocus,
}: {
  form: Form<OfficeValues>;
  autoFocus?: boolean;
}) {
  const t = useT();
  const v = form.values;
  const tzOptions: { value: string; label: string }[] = TIME_ZONES.map((tz) => ({
    value: tz,
    label: t(`tz.${tz}`),
  }));
  if (!TIME_ZONES.includes(v.timeZone as (typeof TIME_ZONES)[number])) {
    tzOptions.push({ value: v.timeZone, label: v.timeZone });
  }
  return (
    <Stack gap="xl">
      <Section title={t('office.section.identity')}>
        <TextInput
          label={t('office.name')}
          required
          autoFocus={autoFocus}
          maxLength={160}
          {...form.text('name')}
        />
        <RegionPicker
          label={t('office.regionCode')}
          required
          levels={[2]}
          value={v.regionCode}
          onChange={(code) => form.set('regionCode', code)}
          error={form.errorText('regionCode')}
        />
        <Textarea label={t('office.address')} required maxLength={300} {...form.text('address')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('office.phone')}
            type="tel"
            placeholder="0511 1234567"
            {...form.text('phone')}
          />
          <TextInput
            label={t('office.email')}
            type="email"
            placeholder="dinsos@banjarbarukota.go.id"
            {...form.text('email')}
          />
          <TextInput
            label={t('office.website')}
            placeholder="dinsos.banjarbarukota.go.id"
            {...form.text('website')}
          />
        </SimpleGrid>
      </Section>

      <Section title={t('office.section.head')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('office.headName')} maxLength={120} {...form.text('headName')} />
          <TextInput
            label={t('office.headPosition')}
            maxLength={120}
            {...form.text('headPosition')}
          />
        </SimpleGrid>
        <NipInput
          label={t('office.headNip')}
          description={t('office.headNip.help')}
          w={{ base: '100%', sm: '50%' }}
          {...form.text('headNip')}
        />
      </Section>

      <Section title={t('office.section.settings')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('office.timeZone')}
            description={t('office.timeZone.help')}
            required
            allowDeselect={false}
            data={tzOptions}
            value={v.timeZone}
            onChange={(tz) => tz && form.set('timeZone', tz)}
            error={form.errorText('timeZone')}
          />
          <NumberInput
            label={t('office.maxStayDays')}
            description={t('office.maxStayDays.help')}
            required
            min={1}
            max={90}
            value={v.maxStayDays}
            onChange={(n) => form.set('maxStayDays', n)}
            error={form.errorText('maxStayDays')}
          />
        </SimpleGrid>
        <RegionPicker
          label={t('office.kelurahanCode')}
          description={t('office.kelurahanCode.help')}
          levels={[4]}
          within={v.regionCode ?? undefined}
          value={v.kelurahanCode}
          onChange={(code) => form.set('kelurahanCode', code)}
          error={form.errorText('kelurahanCode')}
        />
      </Section>
    </Stack>
  );
}
