/**
 * Export to a partner office: whom (persons from the partner's kabupaten/kota, or chosen by
 * hand), which period, everything or the changes since the last packet, the legal basis; a
 * preview of the counts, a sample and those left out for want of consent; then one `.pelita`.
 */
import {
  Alert,
  Button,
  Group,
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconEye, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import type { Output, ParsedInput } from '../../../../shared/contract';
import type { PersonSummary } from '../../../../shared/contract/persons';
import { LEGAL_BASES, type LegalBasis } from '../../../../shared/reference/packets';
import { saveFile } from '../../api/files';
import { call, callChecked } from '../../api/rpc';
import { DateField } from '../../components/DateField';
import { FormActions, FormFrame } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { useT } from '../../i18n/I18nProvider';
import { useForm } from '../../lib/form';
import { useFormat } from '../../lib/format';
import { navigate } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { useAction } from '../../lib/useAction';

type Preview = Awaited<ReturnType<typeof previewOf>>;
const previewOf = (input: ParsedInput<'packets.exportPreview'>) =>
  call('packets.exportPreview', input);

function PersonPicker({
  value,
  onChange,
}: {
  value: PersonSummary[];
  onChange: (p: PersonSummary[]) => void;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const found = useQuery(q.trim().length >= 2 ? `pick:${q}` : null, () =>
    call('persons.search', { q, limit: 20 }),
  );
  const known = new Map([...value, ...(found.data?.results ?? [])].map((p) => [p.id, p]));
  return (
    <MultiSelect
      label={t('packets.export.persons')}
      searchable
      searchValue={q}
      onSearchChange={setQ}
      filter={({ options }) => options}
      data={[...known.values()].map((p) => ({
        value: p.id,
        label: `${p.fullName}${p.origin ? ` — ${p.origin.name}` : ''}`,
      }))}
      value={value.map((p) => p.id)}
      onChange={(ids) => onChange(ids.flatMap((id) => known.get(id) ?? []))}
      placeholder={t('packets.export.personsHelp')}
      data-testid="export-persons"
    />
  );
}

/** A SegmentedControl with a label above it, like the other fields of the form. */
function LabeledSegments(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  data: { value: string; label: string }[];
}) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {props.label}
      </Text>
      <SegmentedControl value={props.value} onChange={props.onChange} data={props.data} />
    </Stack>
  );
}

export function ExportPage() {
  const t = useT();
  const fmt = useFormat();
  const partners = useQuery('packets.partners', () => call('packets.partners', {}));
  const [picked, setPicked] = useState<PersonSummary[]>([]);
  const [preview, setPreview] = useState<Preview | null>(null);
  const { busy, run } = useAction();
  type Values = {
    partnerId: string;
    choose: 'area' | 'hand';
    from: string;
    to: string;
    mode: 'full' | 'changes';
    legalBasis: LegalBasis;
    purpose: string;
  };
  const selection = (v: Values) => ({
    ...v,
    personIds: v.choose === 'hand' ? picked.map((p) => p.id) : [],
    from: v.from || null,
    to: v.to || null,
  });
  const form = useForm<Values, Output<'packets.export'>>(
    {
      partnerId: '',
      choose: 'area',
      from: '',
      to: '',
      mode: 'full',
      legalBasis: 'consent',
      purpose: '',
    },
    {
      submit: async (v) => {
        const r = await callChecked('packets.export', selection(v));
        await saveFile(r.fileId);
        return r;
      },
      success: (r) => t('packets.export.done', { sequence: r.sequence }),
      onSaved: () => navigate('/packets'),
    },
  );
  const showPreview = () =>
    run('preview', async () => {
      const { purpose: _p, ...rest } = selection(form.values);
      setPreview(await previewOf(rest));
    });
  const partner = partners.data?.find((p) => p.id === form.values.partnerId);
  return (
    <>
      <PageHeader title={t('packets.export.title')} subtitle={t('packets.export.subtitle')} />
      <FormFrame form={form} gap="lg">
        <SectionCard title={t('packets.export.what')} step={1}>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Select
              label={t('packets.export.partner')}
              required
              data={(partners.data ?? [])
                .filter((p) => p.status === 'active')
                .map((p) => ({
                  value: p.id,
                  label: `${p.card.officeName} (${p.card.officeCode})`,
                }))}
              {...form.field('partnerId')}
              onChange={(v) => {
                form.set('partnerId', v ?? '');
                setPreview(null);
              }}
              data-testid="export-partner"
            />
            <LabeledSegments
              label={t('packets.export.choose')}
              value={form.values.choose}
              onChange={(v) => form.set('choose', v as 'area' | 'hand')}
              data={[
                {
                  value: 'area',
                  label: t('packets.export.area', {
                    name: partner ? `(${partner.card.officeCode})` : '',
                  }),
                },
                { value: 'hand', label: t('packets.export.hand') },
              ]}
            />
          </SimpleGrid>
          {form.values.choose === 'hand' && <PersonPicker value={picked} onChange={setPicked} />}
          <SimpleGrid cols={{ base: 1, md: 2 }} mt="md">
            <Group grow align="flex-start">
              <DateField label={t('packets.export.from')} {...form.field('from')} />
              <DateField label={t('packets.export.to')} {...form.field('to')} />
            </Group>
            <LabeledSegments
              label={t('packets.export.mode')}
              value={form.values.mode}
              onChange={(v) => form.set('mode', v as 'full' | 'changes')}
              data={[
                { value: 'full', label: t('packets.mode.full') },
                { value: 'changes', label: t('packets.mode.changes') },
              ]}
            />
            <Select
              label={t('packets.export.basis')}
              data={LEGAL_BASES.map((b) => ({ value: b, label: t(`packets.basis.${b}`) }))}
              {...form.choice('legalBasis')}
            />
            <Text size="xs" c="dimmed" mt={{ base: 0, md: 28 }}>
              {t('packets.export.basisHelp')}
            </Text>
          </SimpleGrid>
          <Group mt="md">
            <Button
              variant="default"
              leftSection={<IconEye size={16} />}
              loading={busy === 'preview'}
              disabled={!form.values.partnerId}
              onClick={() => void showPreview()}
              data-testid="export-preview"
            >
              {t('packets.export.preview')}
            </Button>
          </Group>
        </SectionCard>
        {preview && (
          <SectionCard
            title={t('packets.export.previewTitle')}
            step={2}
            testId="export-preview-card"
          >
            <Text fw={600} data-testid="export-counts">
              {t('packets.export.counts', {
                persons: preview.counts.persons ?? 0,
                stays: preview.counts.stays ?? 0,
                sequence: preview.sequence,
              })}
              {(preview.counts.findings ?? 0) > 0 &&
                ` · ${t('packets.export.findings', { count: preview.counts.findings ?? 0 })}`}
              {preview.deletions + preview.merges > 0 &&
                ` · ${t('packets.export.sideCounts', { deletions: preview.deletions, merges: preview.merges })}`}
            </Text>
            {preview.sample.length > 0 && (
              <Table mt="sm" verticalSpacing={4}>
                <Table.Tbody>
                  {preview.sample.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>{p.fullName}</Table.Td>
                      <Table.Td>{p.origin?.path ?? '—'}</Table.Td>
                      <Table.Td>
                        {p.lastStay
                          ? `${p.lastStay.shelterName}, ${fmt.date(p.lastStay.checkinAt)}`
                          : ''}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {preview.leftOutTotal > 0 && (
              <Alert color="orange" mt="md" data-testid="export-left-out">
                <Text size="sm" fw={600}>
                  {t('packets.export.leftOut', { count: preview.leftOutTotal })}
                </Text>
                {preview.leftOut.map((l) => (
                  <Text size="sm" key={l.personId}>
                    {l.fullName} — {t(`packets.leftOut.${l.reason}`)}
                  </Text>
                ))}
              </Alert>
            )}
          </SectionCard>
        )}
        {preview && (
          <SectionCard title={t('packets.export.create')} step={3}>
            <TextInput
              label={t('packets.export.purpose')}
              required
              placeholder={t('packets.export.purposeHelp')}
              {...form.text('purpose')}
              data-testid="export-purpose"
            />
            <FormActions
              busy={form.busy}
              submitLabel={t('packets.export.create')}
              submitProps={{ leftSection: <IconSend size={16} /> }}
            />
          </SectionCard>
        )}
      </FormFrame>
    </>
  );
}
