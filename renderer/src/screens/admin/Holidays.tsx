/** Admin: the holiday calendar that complaint deadlines count working days with. */
import {
  Alert,
  Badge,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Holiday } from '../../../../shared/contract/calendar';
import { todayInZone } from '../../../../shared/format';
import { HOLIDAY_KINDS, type HolidayKind } from '../../../../shared/reference/calendar';
import { isWeekend } from '../../../../shared/workdays';
import { call, callChecked } from '../../api/rpc';
import { DateField } from '../../components/DateField';
import { ActionsHeader, RowAction } from '../../components/RowActions';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, PageLoader } from '../../components/PageStates';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { useForm } from '../../lib/form';
import { useQuery } from '../../lib/useQuery';
import { AddButton } from '../../components/AddButton';

const KIND_COLOR: Record<HolidayKind, string> = {
  national: 'red',
  cuti_bersama: 'orange',
  local: 'grape',
};
/** A year with fewer days than this is most likely not filled in from the SKB yet. */
const FEW = 12;

function HolidayDialog({
  holiday,
  onSaved,
  onCancel,
}: {
  holiday: Holiday | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const form = useForm(
    {
      date: holiday?.date ?? '',
      name: holiday?.name ?? '',
      kind: (holiday?.kind ?? 'national') as HolidayKind,
    },
    {
      submit: (v) =>
        callChecked('calendar.saveHoliday', {
          ...(holiday ? { id: holiday.id, version: holiday.version } : {}),
          ...v,
        }),
      onSaved,
    },
  );

  return (
    <FormModal
      form={form}
      title={holiday ? t('holiday.edit') : t('holiday.add')}
      onClose={onCancel}
    >
      <DateField
        label={t('holiday.date')}
        required
        data-autofocus
        value={form.values.date}
        onChange={(v) => form.set('date', v)}
        error={form.errorText('date')}
      />
      <TextInput label={t('holiday.name')} required maxLength={120} {...form.text('name')} />
      <Select
        label={t('holiday.kind')}
        data={HOLIDAY_KINDS.map((k) => ({ value: k, label: t(`holiday.kind.${k}`) }))}
        {...form.choice('kind')}
      />
      <Text size="xs" c="dimmed">
        {t('holiday.existingHelp')}
      </Text>
    </FormModal>
  );
}

function RemoveDialog({
  holiday,
  onDone,
  onCancel,
}: {
  holiday: Holiday;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const fmt = useFormat();
  const form = useForm(
    { reason: '' },
    {
      submit: (v) =>
        callChecked('calendar.removeHoliday', {
          id: holiday.id,
          version: holiday.version,
          reason: v.reason,
        }),
      success: false,
      onSaved: onDone,
    },
  );
  return (
    <FormModal
      form={form}
      title={t('holiday.remove')}
      onClose={onCancel}
      submitLabel={t('holiday.remove')}
      submitProps={{ color: 'red', leftSection: <IconTrash size={16} /> }}
    >
      <Text size="sm">
        {t('holiday.removeConfirm', { date: fmt.calendarDate(holiday.date), name: holiday.name })}
      </Text>
      <Textarea
        label={t('holiday.removeReason')}
        required
        data-autofocus
        {...form.text('reason')}
      />
    </FormModal>
  );
}

export function HolidaysPage() {
  const t = useT();
  const fmt = useFormat();
  const thisYear = Number(todayInZone(fmt.timeZone).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const list = useQuery(`holidays:${year}`, () => call('calendar.holidays', { year }));
  const [dialog, setDialog] = useState<
    { kind: 'edit'; holiday: Holiday | null } | { kind: 'remove'; holiday: Holiday } | null
  >(null);

  if (list.error && !list.data) return <LoadError error={list.error} onRetry={list.reload} />;
  if (!list.data) return <PageLoader />;
  const counts = new Map(list.data.years.map((y) => [y.year, y.count]));
  const years = [...new Set([thisYear - 1, thisYear, thisYear + 1, ...counts.keys()])].sort();
  const nextCount = counts.get(thisYear + 1) ?? 0;
  const done = () => {
    setDialog(null);
    list.reload();
  };

  return (
    <>
      <PageHeader
        title={t('nav.admin.holidays')}
        subtitle={t('holiday.subtitle')}
        actions={
          <AddButton onClick={() => setDialog({ kind: 'edit', holiday: null })}>
            {t('holiday.add')}
          </AddButton>
        }
      />
      {nextCount < FEW && (
        <Alert
          color="orange"
          icon={<IconAlertTriangle size={20} />}
          mb="lg"
          data-testid="holidays-incomplete"
          role="status"
        >
          {t('holiday.incomplete', { year: thisYear + 1, count: nextCount })}
        </Alert>
      )}
      <Group mb="md" justify="space-between">
        <SegmentedControl
          value={String(year)}
          onChange={(y) => setYear(Number(y))}
          data={years.map((y) => ({ value: String(y), label: `${y} (${counts.get(y) ?? 0})` }))}
          aria-label={t('holiday.year')}
        />
        <Text size="sm" c="dimmed">
          {t('holiday.onlyNew')}
        </Text>
      </Group>
      <Paper withBorder radius="md">
        <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="holidays-table">
          <Table.Thead bg="var(--pelita-table-head)">
            <Table.Tr>
              <Table.Th w={260}>{t('holiday.date')}</Table.Th>
              <Table.Th>{t('holiday.name')}</Table.Th>
              <Table.Th>{t('holiday.kind')}</Table.Th>
              <ActionsHeader w={96} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.holidays.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Text c="dimmed" ta="center" py="lg">
                    {t('holiday.empty', { year })}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {list.data.holidays.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td>
                  <Text size="sm">{fmt.dateLong(`${h.date}T12:00:00+08:00`)}</Text>
                  {isWeekend(h.date) && (
                    <Text size="xs" c="dimmed">
                      {t('holiday.onWeekend')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{h.name}</Table.Td>
                <Table.Td>
                  <Badge color={KIND_COLOR[h.kind]} variant="light" tt="none">
                    {t(`holiday.kind.${h.kind}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <RowAction
                      label={t('common.edit')}
                      of={h.name}
                      Icon={IconPencil}
                      onClick={() => setDialog({ kind: 'edit', holiday: h })}
                    />
                    <RowAction
                      label={t('holiday.remove')}
                      of={h.name}
                      Icon={IconTrash}
                      color="red"
                      onClick={() => setDialog({ kind: 'remove', holiday: h })}
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {dialog?.kind === 'edit' && (
        <HolidayDialog holiday={dialog.holiday} onSaved={done} onCancel={() => setDialog(null)} />
      )}
      {dialog?.kind === 'remove' && (
        <RemoveDialog holiday={dialog.holiday} onDone={done} onCancel={() => setDialog(null)} />
      )}
    </>
  );
}
