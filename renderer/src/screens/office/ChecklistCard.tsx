/**
 * Home, for admins: the next steps after first-run setup (office.checklist). Each step ticks
 * itself from the data and links to the screen where it is done; the card can be hidden, for
 * every admin, and offers to close once all steps are done.
 */
import {
  Anchor,
  Button,
  Card,
  Group,
  Progress,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Title,
  Tooltip,
} from '@mantine/core';
import {
  IconArrowRight,
  IconCircleCheckFilled,
  IconCircleDashed,
  IconListCheck,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { Checklist } from '../../../../shared/contract/office';
import type { MessageKey } from '../../../../shared/i18n';
import { call } from '../../api/rpc';
import { Loaded } from '../../components/PageStates';
import { useT } from '../../i18n/I18nProvider';
import { useFailureHandler } from '../../lib/failures';
import { href } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';

interface Step {
  key: 'shelter' | 'users' | 'holidays' | 'office';
  path: string;
  done: boolean;
  params: Record<string, string | number>;
}

function steps(c: Checklist): Step[] {
  const { shelter, users, holidays, office } = c;
  return [
    {
      key: 'shelter',
      path: '/admin/shelters',
      done: shelter.done,
      params: { rooms: shelter.rooms, beds: shelter.beds },
    },
    { key: 'users', path: '/admin/users', done: users.done, params: { count: users.count } },
    {
      key: 'holidays',
      path: '/admin/holidays',
      done: holidays.done,
      params: { year: holidays.year, count: holidays.count },
    },
    { key: 'office', path: '/admin/office', done: office.done, params: {} },
  ];
}

function StepItem({ step }: { step: Step }) {
  const t = useT();
  const text = (part: 'title' | 'todo' | 'done' | 'link') =>
    t(`checklist.${step.key}.${part}` as MessageKey, step.params);
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      data-testid={`checklist-${step.key}`}
      data-done={step.done}
      bg={step.done ? 'var(--mantine-color-teal-light)' : undefined}
    >
      <Stack gap={6} h="100%">
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <ThemeIcon
            variant="transparent"
            color={step.done ? 'teal' : 'gray'}
            size={22}
            aria-label={t(step.done ? 'checklist.done' : 'checklist.todo')}
            role="img"
          >
            {step.done ? <IconCircleCheckFilled size={22} /> : <IconCircleDashed size={22} />}
          </ThemeIcon>
          <Text fw={600} size="sm" lh={1.4}>
            {text('title')}
          </Text>
        </Group>
        <Text size="sm" c="dimmed" style={{ flexGrow: 1 }}>
          {text(step.done ? 'done' : 'todo')}
        </Text>
        <Anchor href={href(step.path)} size="sm" fw={500}>
          <Group gap={4} wrap="nowrap" component="span">
            {text('link')}
            <IconArrowRight size={14} />
          </Group>
        </Anchor>
      </Stack>
    </Card>
  );
}

export function ChecklistCard() {
  const t = useT();
  const handle = useFailureHandler();
  const q = useQuery('office-checklist', () => call('office.checklist', {}));
  const [hiding, setHiding] = useState(false);
  const [hidden, setHidden] = useState(false);
  const c = q.data;
  if (hidden || c?.hidden) return null;

  const list = c ? steps(c) : [];
  const done = list.filter((s) => s.done).length;
  const allDone = c !== undefined && done === list.length;

  const hide = async () => {
    setHiding(true);
    try {
      await call('office.hideChecklist', {});
      setHidden(true);
    } catch (e) {
      handle(e);
    } finally {
      setHiding(false);
    }
  };

  return (
    <Card withBorder radius="md" padding="lg" data-testid="home-checklist">
      <Group justify="space-between" mb="xs" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" radius="md" size={36} color={allDone ? 'teal' : undefined}>
            <IconListCheck size={20} />
          </ThemeIcon>
          <div>
            <Title order={2} fz="lg" fw={600}>
              {t('checklist.title')}
            </Title>
            {c && (
              <Text size="sm" c="dimmed" data-testid="checklist-progress">
                {t('checklist.progress', { done, total: list.length })}
              </Text>
            )}
          </div>
        </Group>
        {c && (
          <Tooltip label={t('checklist.hide.hint')} disabled={allDone} withArrow multiline w={240}>
            <Button
              variant={allDone ? 'filled' : 'subtle'}
              color={allDone ? 'teal' : 'gray'}
              size="xs"
              loading={hiding}
              onClick={() => void hide()}
              data-testid="checklist-hide"
            >
              {t(allDone ? 'checklist.close' : 'checklist.hide')}
            </Button>
          </Tooltip>
        )}
      </Group>
      <Loaded query={q} loading={<Skeleton h={120} />}>
        {() => (
          <Stack gap="md">
            <Progress
              value={(done / list.length) * 100}
              color="teal"
              size="sm"
              aria-label={t('checklist.progress', { done, total: list.length })}
            />
            {allDone ? (
              <Text size="sm" c="teal" fw={600}>
                {t('checklist.allDone')}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {t('checklist.intro')}
              </Text>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2, xl: 4 }} spacing="md">
              {list.map((s) => (
                <StepItem key={s.key} step={s} />
              ))}
            </SimpleGrid>
          </Stack>
        )}
      </Loaded>
    </Card>
  );
}
