/** Home: current residents and overdue stays across the active shelters (shelter.read). */
import { Anchor, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { IconBed } from '@tabler/icons-react';
import { call } from '../../api/rpc';
import { Loaded } from '../../components/PageStates';
import { SectionCard } from '../../components/SectionCard';
import { useT } from '../../i18n/I18nProvider';
import { href } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { tn } from './labels';

async function loadCounts() {
  const { shelters } = await call('shelters.list', {});
  const rosters = await Promise.all(shelters.map((s) => call('stays.roster', { shelterId: s.id })));
  let residents = 0;
  let overdue = 0;
  let free = 0;
  let max = 0;
  for (const r of rosters) {
    max = r.maxStayDays;
    for (const b of r.beds) {
      if (b.stay) {
        residents++;
        if (b.stay.overdue) overdue++;
      } else if (b.bed.active) free++;
    }
  }
  return { shelters: shelters.length, residents, overdue, free, max };
}

export function HomeShelterCard() {
  const t = useT();
  const q = useQuery('home-shelter', loadCounts);
  return (
    <SectionCard title={t('home.shelter')} icon={<IconBed size={20} />} testId="home-shelter">
      <Loaded query={q} loading={<Skeleton h={64} />}>
        {(d) =>
          d.shelters === 0 ? (
            <Text size="sm" c="dimmed">
              {t('shelter.none')}
            </Text>
          ) : (
            <SimpleGrid cols={2} spacing="lg">
              <Stack gap={2}>
                <Text size="sm" c="dimmed">
                  {t('home.shelter.residents')}
                </Text>
                <Text fz={32} fw={800} lh={1} data-testid="home-residents">
                  {d.residents}
                </Text>
                <Text size="xs" c="dimmed">
                  {tn(t, 'home.shelter.beds', d.free, { free: d.free })}
                </Text>
              </Stack>
              <Stack gap={2}>
                <Text size="sm" c="dimmed">
                  {t('home.shelter.overdue', { max: d.max })}
                </Text>
                <Text
                  fz={32}
                  fw={800}
                  lh={1}
                  c={d.overdue > 0 ? 'red' : undefined}
                  data-testid="home-overdue"
                >
                  {d.overdue}
                </Text>
              </Stack>
            </SimpleGrid>
          )
        }
      </Loaded>
      <Anchor href={href('/shelter')} size="sm" mt="md" display="block">
        {t('home.shelter.open')}
      </Anchor>
    </SectionCard>
  );
}
