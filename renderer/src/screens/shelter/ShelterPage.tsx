/** `#/shelter`: pick a shelter, see who is in which bed, and the figures for a period. */
import { Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconHistory, IconLogin2, IconRefresh, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, PageLoader } from '../../components/PageStates';
import { useT } from '../../i18n/I18nProvider';
import { href } from '../../lib/router';
import { useMe } from '../../session/SessionProvider';
import { RosterBoard } from './RosterBoard';
import { StatsPanel } from './StatsPanel';
import { useShelters } from './useShelters';

export function ShelterPage() {
  const t = useT();
  const me = useMe();
  const { list, shelters, selected, choose } = useShelters();
  const [tick, setTick] = useState(0);
  const canWrite = me.permissions.includes('shelter.write');
  const canManage = me.permissions.includes('shelter.manage');

  if (list.error && !list.data) return <LoadError error={list.error} onRetry={list.reload} />;
  if (!list.data) return <PageLoader />;

  return (
    <>
      <PageHeader
        title={t('shelter.title')}
        subtitle={t('shelter.subtitle')}
        actions={
          <>
            <Button
              variant="default"
              component="a"
              href={href('/shelter/history')}
              leftSection={<IconHistory size={16} />}
            >
              {t('shelter.history')}
            </Button>
            {canWrite && selected && (
              <Button
                component="a"
                href={href('/shelter/checkin', { shelter: selected.id })}
                leftSection={<IconLogin2 size={16} />}
              >
                {t('shelter.checkin')}
              </Button>
            )}
          </>
        }
      />
      {!selected ? (
        <Paper withBorder radius="md" p="xl">
          <Stack align="flex-start" gap="sm">
            <Text>{t('shelter.none')}</Text>
            {canManage && (
              <Button
                component="a"
                href={href('/admin/shelters')}
                leftSection={<IconSettings size={16} />}
              >
                {t('shelter.none.admin')}
              </Button>
            )}
          </Stack>
        </Paper>
      ) : (
        <Stack gap="xl">
          <section>
            <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap" gap="sm">
              <Group gap="md" align="flex-end">
                <Title order={2} fz="xl" fw={700}>
                  {t('shelter.board')}
                </Title>
                {shelters.length > 1 ? (
                  <Select
                    aria-label={t('shelter.choose')}
                    value={selected.id}
                    onChange={(v) => v && choose(v)}
                    data={shelters.map((s) => ({ value: s.id, label: s.name }))}
                    allowDeselect={false}
                    w={280}
                    data-testid="shelter-select"
                  />
                ) : (
                  <Text c="dimmed" fw={600}>
                    {selected.name}
                  </Text>
                )}
              </Group>
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconRefresh size={14} />}
                onClick={() => setTick((n) => n + 1)}
              >
                {t('shelter.refresh')}
              </Button>
            </Group>
            <RosterBoard
              key={`${selected.id}:${tick}`}
              shelterId={selected.id}
              canWrite={canWrite}
            />
          </section>
          <StatsPanel shelters={shelters} />
        </Stack>
      )}
    </>
  );
}
