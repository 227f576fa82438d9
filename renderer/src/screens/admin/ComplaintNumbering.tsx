/** Admin: the ticket number pattern, kind codes, default deadlines and the receipt's follow-up text. */
import {
  Alert,
  Box,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconDeviceFloppy, IconHash } from '@tabler/icons-react';
import type { ComplaintSettings } from '../../../../shared/contract/complaints';
import { todayInZone } from '../../../../shared/format';
import { formatTicketNumber, patternProblems } from '../../../../shared/ticketNumber';
import { call, callChecked } from '../../api/rpc';
import { PatternField } from '../../components/PatternField';
import { PageHeader } from '../../components/PageHeader';
import { Loaded } from '../../components/PageStates';
import { SectionCard } from '../../components/SectionCard';
import { FormActions, FormFrame } from '../../components/FormModal';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { useRecordForm } from '../../lib/recordForm';
import { useQuery } from '../../lib/useQuery';

const TOKENS = ['{seq}', '{seq:4}', '{year}', '{yy}', '{month}', '{romanMonth}', '{kind}'] as const;

interface Values {
  numberPattern: string;
  kindCodeComplaint: string;
  kindCodeDataService: string;
  verifyDays: number | string;
  answerDays: number | string;
  completeDays: number | string;
  followUpText: string;
}

function valuesOf(s: ComplaintSettings): Values {
  return {
    numberPattern: s.numberPattern,
    kindCodeComplaint: s.kindCodeComplaint,
    kindCodeDataService: s.kindCodeDataService,
    verifyDays: s.verifyDays,
    answerDays: s.answerDays,
    completeDays: s.completeDays,
    followUpText: s.followUpText,
  };
}

function SettingsForm({ initial }: { initial: ComplaintSettings }) {
  const t = useT();
  const fmt = useFormat();
  const { form, base } = useRecordForm(initial, valuesOf, {
    submit: (v, version) =>
      callChecked('complaints.saveSettings', {
        version,
        numberPattern: v.numberPattern,
        kindCodeComplaint: v.kindCodeComplaint,
        kindCodeDataService: v.kindCodeDataService,
        verifyDays: Number(v.verifyDays),
        answerDays: Number(v.answerDays),
        completeDays: Number(v.completeDays),
        followUpText: v.followUpText,
      }),
    load: () => call('complaints.settings', {}),
  });
  const v = form.values;
  const today = todayInZone(fmt.timeZone);
  const problems = patternProblems(v.numberPattern.trim());
  const sample = (code: string) =>
    problems.length > 0
      ? '—'
      : formatTicketNumber(v.numberPattern.trim(), {
          seq: 1,
          year: Number(today.slice(0, 4)),
          month: Number(today.slice(5, 7)),
          kindCode: code.trim().toUpperCase() || '?',
        });

  const num = (name: 'verifyDays' | 'answerDays' | 'completeDays', label: string) => (
    <NumberInput
      label={label}
      min={1}
      max={60}
      required
      value={v[name]}
      onChange={(n) => form.set(name, n)}
      error={form.errorText(name)}
      suffix={` ${t('complaintAdmin.workingDaysSuffix')}`}
    />
  );

  /** A kind's code in the ticket number (PGD, LYD): short, upper case, shown as typed. */
  const code = (name: 'kindCodeComplaint' | 'kindCodeDataService', label: string) => (
    <TextInput
      label={label}
      required
      maxLength={10}
      classNames={{ input: 'pelita-mono' }}
      {...form.text(name)}
    />
  );

  return (
    <Box maw={900}>
      <FormFrame form={form} gap="lg">
        <SectionCard title={t('complaintAdmin.numbering')} icon={<IconHash size={20} />}>
          <Stack gap="md">
            <PatternField
              label={t('complaintAdmin.pattern')}
              tokensLabel={t('complaintAdmin.tokens')}
              tokens={TOKENS}
              problems={problems}
              maxLength={80}
              input={form.text('numberPattern')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {code('kindCodeComplaint', t('complaintAdmin.codeComplaint'))}
              {code('kindCodeDataService', t('complaintAdmin.codeDataService'))}
            </SimpleGrid>
            <Table withTableBorder data-testid="numbering-preview">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  <Table.Th>{t('complaintAdmin.sample')}</Table.Th>
                  <Table.Th>{t('complaintAdmin.nextNumber')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Td>{t('complaint.kind.complaint')}</Table.Td>
                  <Table.Td ff="monospace">{sample(v.kindCodeComplaint)}</Table.Td>
                  <Table.Td ff="monospace">{base.preview.complaint}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Td>{t('complaint.kind.data_service')}</Table.Td>
                  <Table.Td ff="monospace">{sample(v.kindCodeDataService)}</Table.Td>
                  <Table.Td ff="monospace">{base.preview.dataService}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <Alert color="blue" role="note">
              {t('complaintAdmin.numberingHelp')}
            </Alert>
          </Stack>
        </SectionCard>
        <SectionCard title={t('complaintAdmin.defaultDeadlines')}>
          <Text size="sm" c="dimmed" mb="md">
            {t('complaintAdmin.defaultDeadlinesHelp')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {num('verifyDays', t('complaint.stage.verify'))}
            {num('answerDays', t('complaint.stage.answer'))}
            {num('completeDays', t('complaint.stage.complete'))}
          </SimpleGrid>
        </SectionCard>
        <Paper withBorder radius="md" p="lg">
          <Textarea
            label={t('complaintAdmin.followUp')}
            description={t('complaintAdmin.followUpHelp')}
            required
            minRows={3}
            maxLength={1000}
            {...form.text('followUpText')}
          />
        </Paper>
        <FormActions
          busy={form.busy}
          submitProps={{ leftSection: <IconDeviceFloppy size={18} /> }}
        />
      </FormFrame>
    </Box>
  );
}

export function ComplaintNumberingPage() {
  const t = useT();
  const settings = useQuery('complaint-settings-admin', () => call('complaints.settings', {}));
  return (
    <>
      <PageHeader
        title={t('nav.admin.complaintNumbering')}
        subtitle={t('complaintAdmin.numberingSubtitle')}
      />
      <Loaded query={settings}>{(s) => <SettingsForm initial={s} />}</Loaded>
    </>
  );
}
