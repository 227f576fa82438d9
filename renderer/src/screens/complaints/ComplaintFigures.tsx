/**
 * `#/complaints/figures`: figures for a period — received by channel and category, done within
 * the deadline, median working days to verify and to close; open and overdue work by officer.
 */
import { Anchor, Group, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { callChecked } from '../../api/rpc';
import { Bars, Figure, FiguresFrame } from '../../components/Figures';
import { PageHeader } from '../../components/PageHeader';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { href } from '../../lib/router';
import { categoryName } from './labels';

export function ComplaintFiguresPage() {
  const t = useT();
  const { locale } = useI18n();
  const fmt = useFormat();
  const days = (v: number | null) =>
    v === null ? '—' : t('complaint.figures.days', { days: fmt.decimal(v) });
  return (
    <>
      <PageHeader title={t('nav.complaints.figures')} subtitle={t('complaint.figures.subtitle')} />
      <FiguresFrame
        name="complaint-stats"
        load={(p) => callChecked('complaints.stats', p)}
        periodText={(dates) => t('complaint.figures.period', dates)}
        testId="complaint-figures"
      >
        {(s) => (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
              <Figure label={t('complaint.figures.received')} value={s.received} />
              <Figure
                label={t('complaint.figures.onTime')}
                value={s.onTimePercent === null ? '—' : `${fmt.decimal(s.onTimePercent)}%`}
                hint={t('complaint.figures.onTimeHint', {
                  onTime: s.closedOnTime,
                  closed: s.closed,
                })}
                color={s.onTimePercent !== null && s.onTimePercent < 80 ? 'red.7' : 'teal.7'}
              />
              <Figure
                label={t('complaint.figures.medianVerify')}
                value={days(s.medianDaysToVerify)}
                hint={t('complaint.figures.verifiedHint', {
                  onTime: s.verifiedOnTime,
                  verified: s.verified,
                })}
              />
              <Figure
                label={t('complaint.figures.medianClose')}
                value={days(s.medianDaysToClose)}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <Bars
                title={t('complaint.figures.byChannel')}
                total={s.received}
                rows={s.byChannel.map((r) => ({
                  label: t(`complaint.channel.${r.channel}`),
                  count: r.count,
                }))}
              />
              <Bars
                title={t('complaint.figures.byCategory')}
                total={s.received}
                rows={s.byCategory.map((r) => ({ label: categoryName(r, locale), count: r.count }))}
              />
              <Bars
                title={t('complaint.figures.byStatus')}
                total={s.received}
                rows={[
                  ...s.byKind.map((r) => ({
                    label: t(`complaint.kind.${r.kind}`),
                    count: r.count,
                  })),
                  ...s.byStatus.map((r) => ({
                    label: t(`complaint.status.${r.status}`),
                    count: r.count,
                  })),
                ]}
              />
            </SimpleGrid>
            <Paper withBorder radius="md">
              <Group justify="space-between" p="md">
                <Title order={2} fz="md" fw={600}>
                  {t('complaint.figures.byOfficer')}
                </Title>
                <Text size="xs" c="dimmed">
                  {t('complaint.figures.asOf', { date: fmt.calendarDate(s.today) })}
                </Text>
              </Group>
              <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="figures-officers">
                <Table.Thead bg="var(--pelita-table-head)">
                  <Table.Tr>
                    <Table.Th>{t('complaint.assignee')}</Table.Th>
                    <Table.Th ta="right">{t('complaint.figures.open')}</Table.Th>
                    <Table.Th ta="right">{t('complaint.figures.overdue')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.byOfficer.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={3}>
                        <Text size="sm" c="dimmed" ta="center" py="md">
                          {t('complaint.figures.noOpen')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {s.byOfficer.map((o) => {
                    const assignee = o.officer ? o.officer.id : 'none';
                    return (
                      <Table.Tr key={assignee}>
                        <Table.Td>
                          {o.officer ? (
                            o.officer.fullName
                          ) : (
                            <Text span fs="italic" c="dimmed" size="sm">
                              {t('complaint.unassigned')}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td ta="right">
                          <Anchor href={href('/complaints', { assignee })}>{o.open}</Anchor>
                        </Table.Td>
                        <Table.Td ta="right">
                          {o.overdue > 0 ? (
                            <Anchor
                              href={href('/complaints', { assignee, due: 'overdue' })}
                              c="red.7"
                              fw={700}
                            >
                              <Group gap={4} justify="flex-end" wrap="nowrap">
                                <IconAlertTriangle size={14} />
                                {o.overdue}
                              </Group>
                            </Anchor>
                          ) : (
                            <Text span c="dimmed" size="sm">
                              0
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Paper>
          </>
        )}
      </FiguresFrame>
    </>
  );
}
