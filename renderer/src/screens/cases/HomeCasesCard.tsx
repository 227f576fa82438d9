/** Home: the caseworker's assessments and reviews due within a week or already late. */
import { Anchor, Badge, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconFolder } from '@tabler/icons-react';
import { call } from '../../api/rpc';
import { LoadError } from '../../components/PageStates';
import { SectionCard } from '../../components/SectionCard';
import { useT } from '../../i18n/I18nProvider';
import { href } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { DueText } from './CaseBadges';
import '../complaints/complaints.css';

const SHOWN = 6;

export function HomeCasesCard() {
  const t = useT();
  const due = useQuery('home-cases-due', () =>
    call('cases.list', { caseworker: 'me', due: 'soon', sort: 'due', pageSize: SHOWN }),
  );
  const rows = due.data?.rows ?? [];
  const late = rows.filter((r) => r.due?.overdue).length;
  return (
    <SectionCard
      title={t('case.ui.home.title')}
      icon={<IconFolder size={20} />}
      testId="home-cases-due"
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
          <Text size="sm">{t('case.ui.home.none')}</Text>
        </Group>
      ) : (
        <Stack gap="sm">
          {rows.map((r) => (
            <Group
              key={r.id}
              justify="space-between"
              wrap="nowrap"
              align="flex-start"
              className={r.due?.overdue ? 'pelita-home-due pelita-row-overdue' : 'pelita-home-due'}
              data-testid="home-case-row"
              data-overdue={r.due?.overdue || undefined}
              p={6}
              style={{ borderRadius: 6 }}
            >
              <div style={{ minWidth: 0 }}>
                <Anchor href={href(`/cases/${r.id}`)} ff="monospace" size="sm" fw={600}>
                  {r.number}
                </Anchor>
                <Text size="sm" lineClamp={1}>
                  {r.person.fullName}
                </Text>
              </div>
              <DueText due={r.due} />
            </Group>
          ))}
          {due.data.total > rows.length && (
            <Anchor href={href('/cases', { view: 'mine', due: 'soon', state: 'open' })} size="sm">
              {t('case.ui.home.more', { count: due.data.total - rows.length })}
            </Anchor>
          )}
        </Stack>
      )}
    </SectionCard>
  );
}
