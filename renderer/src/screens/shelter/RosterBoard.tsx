/** Current residents by room and bed (stays.roster); overdue stays are marked in red. */
import {
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconAlertTriangle, IconLogin2 } from '@tabler/icons-react';
import type { z } from 'zod';
import type { rosterBed } from '../../../../shared/contract/shelter';
import { todayInZone } from '../../../../shared/format';
import { placementMismatches } from '../../../../shared/placement';
import { call } from '../../api/rpc';
import { LoadError } from '../../components/PageStates';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../lib/format';
import { href } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { PpksBadges } from '../../components/PpksBadges';
import { tn } from './labels';
import { RoomKindBadge, roomRules } from './RoomKind';
import './shelter.css';

type RosterBed = z.infer<typeof rosterBed>;

const BedLabel = ({ label }: { label: string }) => (
  <Text fw={800} fz="lg">
    {label}
  </Text>
);

/** "masuk hari ini", "3 hari". */
export function daysLabel(days: number, t: ReturnType<typeof useT>): string {
  return days === 0 ? t('shelter.today') : tn(t, 'shelter.daysCount', days, { days });
}

function BedCard({ b, max, canWrite }: { b: RosterBed; max: number; canWrite: boolean }) {
  const t = useT();
  const fmt = useFormat();
  const today = todayInZone(fmt.timeZone);
  const s = b.stay;
  if (!s) {
    const inactive = !b.bed.active;
    return (
      <div
        className="pelita-bed"
        data-state={inactive ? 'inactive' : 'empty'}
        data-testid="bed-card"
        data-bed={b.bed.label}
      >
        <BedLabel label={b.bed.label} />
        <Text c="dimmed" fw={600} style={{ flex: 1 }}>
          {t(inactive ? 'shelter.bed.inactive' : 'shelter.bed.empty')}
        </Text>
        {canWrite && !inactive && (
          <Button
            component="a"
            href={href('/shelter/checkin', { bed: b.bed.id })}
            size="xs"
            variant="light"
            leftSection={<IconLogin2 size={14} />}
            aria-label={t('shelter.bed.checkin', { bed: b.bed.label })}
          >
            {t('shelter.checkin')}
          </Button>
        )}
      </div>
    );
  }
  const over = s.days - max;
  const mismatches = placementMismatches(s.person, { name: b.roomName, ...roomRules(b) }, today);
  return (
    <a
      className="pelita-bed"
      data-state={s.overdue ? 'overdue' : 'occupied'}
      href={href(`/shelter/stays/${s.id}`)}
      data-testid="bed-card"
      data-bed={b.bed.label}
    >
      <Group justify="space-between" wrap="nowrap" gap={4}>
        <BedLabel label={b.bed.label} />
        {/* Placed against the room's rules (with a reason, in the stay's log): visible at a glance. */}
        {mismatches.length > 0 && (
          <Tooltip label={mismatches.map((m) => t(m.key, m.params)).join(' ')} multiline w={280}>
            <Badge color="orange" variant="light" tt="none" data-testid="bed-mismatch">
              {t('shelter.bed.mismatch')}
            </Badge>
          </Tooltip>
        )}
      </Group>
      <Text className="pelita-bed-name" c="var(--mantine-color-anchor)">
        {s.person.fullName}
      </Text>
      <Text size="sm">
        <b>{daysLabel(s.days, t)}</b>{' '}
        <Text span size="xs" c="dimmed">
          · {t('shelter.since', { date: fmt.date(s.checkinAt) })}
        </Text>
      </Text>
      {s.overdue && (
        <Badge
          color="red"
          variant="filled"
          tt="none"
          leftSection={<IconAlertTriangle size={12} />}
          data-testid="overdue-badge"
          className="pelita-wrap-badge"
          style={{ alignSelf: 'flex-start' }}
        >
          {tn(t, 'shelter.overdue', over, { over, max })}
        </Badge>
      )}
      <div style={{ marginTop: 'auto' }}>
        <PpksBadges codes={s.ppks} max={2} size="xs" variant="outline" />
      </div>
    </a>
  );
}

export function RosterBoard({ shelterId, canWrite }: { shelterId: string; canWrite: boolean }) {
  const t = useT();
  const roster = useQuery(`roster:${shelterId}`, () => call('stays.roster', { shelterId }));
  if (roster.error && !roster.data)
    return <LoadError error={roster.error} onRetry={roster.reload} />;
  if (!roster.data)
    return (
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }}>
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} h={148} radius="md" />
        ))}
      </SimpleGrid>
    );
  const { beds, maxStayDays } = roster.data;
  const rooms = new Map<string, RosterBed[]>();
  for (const b of beds) rooms.set(b.roomName, [...(rooms.get(b.roomName) ?? []), b]);
  const active = beds.filter((b) => b.bed.active || b.stay);
  const occupied = beds.filter((b) => b.stay).length;
  const overdue = beds.filter((b) => b.stay?.overdue).length;
  return (
    <Stack gap="md" data-testid="roster">
      <Text size="sm" c="dimmed" data-testid="roster-summary">
        {t('shelter.board.summary', {
          occupied,
          beds: active.length,
          overdue,
          max: maxStayDays,
        })}
      </Text>
      {beds.length === 0 && (
        <Paper withBorder radius="md" p="lg">
          <Text c="dimmed">{t('shelter.board.noBeds')}</Text>
        </Paper>
      )}
      {[...rooms.entries()].map(([room, list]) => (
        <Paper key={room} withBorder radius="md" p="md" data-testid="roster-room">
          <Group justify="space-between" mb="sm">
            <Group gap="sm">
              <Title order={3} fz="md" fw={700}>
                {room}
              </Title>
              <RoomKindBadge room={roomRules(list[0]!)} />
            </Group>
            <Text size="sm" c="dimmed">
              {t('shelter.room.occupancy', {
                occupied: list.filter((b) => b.stay).length,
                beds: list.length,
              })}
            </Text>
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="sm">
            {list.map((b) => (
              <BedCard key={b.bed.id} b={b} max={maxStayDays} canWrite={canWrite} />
            ))}
          </SimpleGrid>
        </Paper>
      ))}
    </Stack>
  );
}
