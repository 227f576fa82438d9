/** Free beds of a shelter, grouped by room, as radio cards (from stays.roster). */
import { Group, Radio, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { call } from '../../api/rpc';
import { LoadError } from '../../components/PageStates';
import { useT } from '../../i18n/I18nProvider';
import { useQuery } from '../../lib/useQuery';
import { FieldAlert } from './FieldAlert';
import { RoomKindBadge, roomRules } from './RoomKind';
import './shelter.css';

export function BedPicker({
  shelterId,
  value,
  onChange,
  error,
  refresh,
}: {
  shelterId: string;
  value: string | null;
  onChange: (bedId: string | null) => void;
  error?: string;
  /** Change it to load the roster again (e.g. after a bed was just taken). */
  refresh: number;
}) {
  const t = useT();
  const roster = useQuery(`checkin-roster:${shelterId}:${refresh}`, () =>
    call('stays.roster', { shelterId }),
  );
  const free = (roster.data?.beds ?? []).filter((b) => b.bed.active && !b.stay);
  const freeIds = free.map((b) => b.bed.id).join(',');

  // A chosen bed that is no longer free (taken meanwhile, other shelter) is dropped.
  useEffect(() => {
    if (roster.data && value && !freeIds.split(',').includes(value)) onChange(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [freeIds, roster.data]);

  if (roster.error && !roster.data)
    return <LoadError error={roster.error} onRetry={roster.reload} />;
  const rooms = new Map<string, typeof free>();
  for (const b of free) rooms.set(b.roomName, [...(rooms.get(b.roomName) ?? []), b]);

  return (
    <Radio.Group
      value={value ?? ''}
      onChange={(v) => onChange(v || null)}
      aria-label={t('checkin.bed')}
      data-testid="bed-picker"
    >
      <Stack gap="md">
        {roster.data && free.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('checkin.bed.free', { count: free.length })}
          </Text>
        )}
        {error && <FieldAlert testId="bed-error">{error}</FieldAlert>}
        {!roster.data ? (
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {[0, 1, 2, 3].map((i) => (
              <Skeleton key={i} h={56} radius="md" />
            ))}
          </SimpleGrid>
        ) : free.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('checkin.bed.none')}
          </Text>
        ) : (
          [...rooms.entries()].map(([room, beds]) => (
            <div key={room}>
              <Group gap="xs" mb={6}>
                <Text size="sm" fw={600}>
                  {room}
                </Text>
                <RoomKindBadge room={roomRules(beds[0]!)} size="sm" />
              </Group>
              <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="xs">
                {beds.map((b) => (
                  <Radio.Card
                    key={b.bed.id}
                    value={b.bed.id}
                    radius="md"
                    p="sm"
                    className="pelita-bed-choice"
                    data-testid="bed-choice"
                    data-bed={b.bed.label}
                    aria-label={`${room} · ${b.bed.label} · ${t(`shelter.roomKind.${b.roomKind}`)}`}
                  >
                    <Group wrap="nowrap" gap="sm">
                      <Radio.Indicator />
                      <Text fw={700}>{b.bed.label}</Text>
                    </Group>
                  </Radio.Card>
                ))}
              </SimpleGrid>
            </div>
          ))
        )}
      </Stack>
    </Radio.Group>
  );
}
