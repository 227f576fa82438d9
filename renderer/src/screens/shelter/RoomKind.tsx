/** Who a room is for, as a coloured badge: "Perempuan", "Anak · ≤ 12 th". */
import { Badge, type BadgeProps } from '@mantine/core';
import type { z } from 'zod';
import type { rosterBed, Shelter } from '../../../../shared/contract/shelter';
import { ageRangeText } from '../../../../shared/placement';
import { useT } from '../../i18n/I18nProvider';

type RoomRules = Pick<Shelter['rooms'][number], 'kind' | 'ageMin' | 'ageMax'>;

/** The rules of a board bed's room. */
export function roomRules(b: z.infer<typeof rosterBed>): RoomRules {
  return { kind: b.roomKind, ageMin: b.ageMin, ageMax: b.ageMax };
}

export const ROOM_KIND_COLOR = {
  men: 'blue',
  women: 'pink',
  children: 'orange',
  family: 'grape',
  health: 'teal',
} as const;

export function RoomKindBadge({ room, ...props }: { room: RoomRules } & BadgeProps) {
  const t = useT();
  const range = ageRangeText(room);
  return (
    <Badge
      variant="light"
      color={ROOM_KIND_COLOR[room.kind]}
      tt="none"
      data-testid="room-kind"
      {...props}
    >
      {t(`shelter.roomKind.${room.kind}`)}
      {range && ` · ${t('shelter.ageYears', { range })}`}
    </Badge>
  );
}
