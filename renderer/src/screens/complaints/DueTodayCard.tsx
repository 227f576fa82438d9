/** Home: the signed-in officer's complaints due today or already late. */
import { Anchor, Badge, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconMessageReport } from '@tabler/icons-react';
import { call } from '../../api/rpc';
import { LoadError } from '../../components/PageStates';
import { SectionCard } from '../../components/SectionCard';
import { useT } from '../../i18n/I18nProvider';
import { href } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import './complaints.css';
import { NextDeadline } from './Deadlines';

const SHOWN = 6;

export function DueTodayCard() {
  const t = useT();
  const due = useQuery('home-complaints-due', () =>
    call('complaints.list', {
      assignee: 'me',
      due: 'today_or_overdue',
      sort: 'deadline',
      pageSize: SHOWN,
    }),
  );
  const rows = due.data?.rows ?? [];
  const late = rows.filter((r) => r.next?.overdue).length;
  return (
    <SectionCard
      title={t('complaint.home.title')}
      icon={<IconMessageReport size={20} />}
      testId="home-complaints-due"
      action={
        due.data &&
        due.data.total > 0 && (
          <Badge color={late > 0 ? 'red' : 'orange'} variant="light" size="lg">
            {due.data.total}
          </Badge>
        )
      }
    >
      {due.error ? (
        <LoadError error={due.error} onRetry={due.reload} />
      ) : !due.data ? (
        <Stack gap="xs">
          <Skeleton h={16} />
          <Skeleton h={16} />
        </Stack>
      ) : rows.length === 0 ? (
        <Group gap="xs" c="teal.7">
          <IconCircleCheck size={18} />
          <Text size="sm">{t('complaint.home.none')}</Text>
        </Group>
      ) : (
        <Stack gap="sm">
          {rows.map((r) => (
            <Group
              key={r.id}
              justify="space-between"
              wrap="nowrap"
              align="flex-start"
              className={r.next?.overdue ? 'pelita-home-due pelita-row-overdue' : 'pelita-home-due'}
              data-testid="home-due-row"
              data-overdue={r.next?.overdue || undefined}
              p={6}
              style={{ borderRadius: 6 }}
            >
              <div style={{ minWidth: 0 }}>
                <Anchor href={href(`/complaints/${r.id}`)} ff="monospace" size="sm" fw={600}>
                  {r.number}
                </Anchor>
                <Text size="sm" lineClamp={1}>
                  {r.subject}
                </Text>
              </div>
              <NextDeadline next={r.next} />
            </Group>
          ))}
          {due.data.total > rows.length && (
            <Anchor
              href={href('/complaints', { assignee: 'me', due: 'today_or_overdue' })}
              size="sm"
            >
              {t('complaint.home.more', { count: due.data.total - rows.length })}
            </Anchor>
          )}
          {late > 0 && (
            <Group gap={4} c="red.7">
              <IconAlertTriangle size={14} />
              <Text size="xs">{t('complaint.home.lateHint')}</Text>
            </Group>
          )}
        </Stack>
      )}
    </SectionCard>
  );
}
