/**
 * A home card of the signed-in user's work that is due or late (complaints, cases): the count,
 * the first few rows with the late ones in red, a link to the rest, and a calm line when nothing
 * is due.
 */
import { Anchor, Badge, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { QueryState } from '../lib/useQuery';
import { LoadError } from './PageStates';
import { SectionCard } from './SectionCard';
// The red overdue row is the complaints list's: one look for late work everywhere.
import '../screens/complaints/complaints.css';

export interface DueRow {
  id: string;
  /** The record's page, its number and one line about it. */
  href: string;
  number: string;
  line: string;
  overdue: boolean;
  /** The due date as the domain shows it. */
  due: ReactNode;
}

export function DueCard({
  title,
  icon,
  testId,
  rowTestId,
  query,
  none,
  more,
  lateHint,
}: {
  title: string;
  icon: ReactNode;
  testId: string;
  rowTestId: string;
  query: QueryState<{ rows: DueRow[]; total: number }>;
  none: string;
  more: (count: number) => { href: string; label: string };
  lateHint?: string;
}) {
  const rows = query.data?.rows ?? [];
  const late = rows.filter((r) => r.overdue).length;
  const left = (query.data?.total ?? 0) - rows.length;
  return (
    <SectionCard
      title={title}
      icon={icon}
      testId={testId}
      action={
        query.data &&
        query.data.total > 0 && (
          <Badge color={late > 0 ? 'red' : 'orange'} variant="light" size="lg">
            {query.data.total}
          </Badge>
        )
      }
    >
      {query.error ? (
        <LoadError error={query.error} onRetry={query.reload} />
      ) : !query.data ? (
        <Stack gap="xs">
          <Skeleton h={16} />
          <Skeleton h={16} />
        </Stack>
      ) : rows.length === 0 ? (
        <Group gap="xs" c="teal.7">
          <IconCircleCheck size={18} />
          <Text size="sm">{none}</Text>
        </Group>
      ) : (
        <Stack gap="sm">
          {rows.map((r) => (
            <Group
              key={r.id}
              justify="space-between"
              wrap="nowrap"
              align="flex-start"
              className={r.overdue ? 'pelita-home-due pelita-row-overdue' : 'pelita-home-due'}
              data-testid={rowTestId}
              data-overdue={r.overdue || undefined}
              p={6}
              style={{ borderRadius: 6 }}
            >
              <div style={{ minWidth: 0 }}>
                <Anchor href={r.href} ff="monospace" size="sm" fw={600}>
                  {r.number}
                </Anchor>
                <Text size="sm" lineClamp={1}>
                  {r.line}
                </Text>
              </div>
              {r.due}
            </Group>
          ))}
          {left > 0 && (
            <Anchor href={more(left).href} size="sm">
              {more(left).label}
            </Anchor>
          )}
          {late > 0 && lateHint && (
            <Group gap={4} c="red.7">
              <IconAlertTriangle size={14} />
              <Text size="xs">{lateHint}</Text>
            </Group>
          )}
        </Stack>
      )}
    </SectionCard>
  );
}
