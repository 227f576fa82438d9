/** `#/admin/shelters`: shelters, their rooms and beds (shelter.manage). */
import {
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconBedFlat, IconDoor, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import type { Shelter } from '../../../../shared/contract/shelter';
import { call } from '../../api/rpc';
import { AddButton } from '../../components/AddButton';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, PageLoader } from '../../components/PageStates';
import { useT } from '../../i18n/I18nProvider';
import { useQuery } from '../../lib/useQuery';
import { tn } from '../shelter/labels';
import { RoomKindBadge } from '../shelter/RoomKind';
import '../shelter/shelter.css';
import { BedForm, type Dialog, RoomForm, ShelterForm } from './ShelterForms';

function ShelterCard({ shelter, onDialog }: { shelter: Shelter; onDialog: (d: Dialog) => void }) {
  const t = useT();
  const beds = shelter.rooms.reduce((n, r) => n + r.beds.length, 0);
  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      data-testid="admin-shelter"
      opacity={shelter.active ? 1 : 0.7}
    >
      <Group justify="space-between" align="flex-start" mb="md" wrap="wrap" gap="sm">
        <div>
          <Group gap="sm">
            <Title order={2} fz="lg" fw={700}>
              {shelter.name}
            </Title>
            <Badge color={shelter.active ? 'teal' : 'gray'} variant="dot" tt="none">
              {t(shelter.active ? 'shelters.admin.active' : 'shelters.admin.inactive')}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {[
              shelter.address,
              `${t('shelter.capacity')} ${shelter.capacity}`,
              tn(t, 'shelters.admin.beds', beds, { count: beds }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </div>
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPencil size={14} />}
            onClick={() => onDialog({ kind: 'shelter', shelter })}
          >
            {t('common.edit')}
          </Button>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconDoor size={14} />}
            onClick={() => onDialog({ kind: 'room', shelter, room: null })}
          >
            {t('shelters.admin.addRoom')}
          </Button>
        </Group>
      </Group>
      {shelter.rooms.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('shelters.admin.noRooms')}
        </Text>
      ) : (
        <Stack gap="sm">
          {shelter.rooms.map((room) => (
            <Paper
              key={room.id}
              withBorder
              radius="md"
              p="sm"
              bg="var(--pelita-page-bg)"
              data-testid="admin-room"
            >
              <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
                <Group gap="xs">
                  <IconDoor size={16} />
                  <Text fw={600}>{room.name}</Text>
                  <RoomKindBadge room={room} size="sm" />
                  <Text size="xs" c="dimmed">
                    {tn(t, 'shelters.admin.beds', room.beds.length, { count: room.beds.length })}
                  </Text>
                </Group>
                <Group gap={4}>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    leftSection={<IconPencil size={14} />}
                    onClick={() => onDialog({ kind: 'room', shelter, room })}
                  >
                    {t('shelters.admin.editRoom')}
                  </Button>
                  <AddButton
                    variant="light"
                    size="compact-sm"
                    onClick={() => onDialog({ kind: 'bed', shelter, room, bed: null })}
                  >
                    {t('shelters.admin.addBed')}
                  </AddButton>
                </Group>
              </Group>
              {room.beds.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('shelters.admin.noBeds')}
                </Text>
              ) : (
                <SimpleGrid cols={{ base: 2, sm: 4, lg: 6 }} spacing="xs">
                  {room.beds.map((bed) => (
                    <UnstyledButton
                      key={bed.id}
                      className="pelita-bed"
                      data-state={bed.active ? 'occupied' : 'inactive'}
                      style={{ minHeight: 0 }}
                      onClick={() => onDialog({ kind: 'bed', shelter, room, bed })}
                      aria-label={t('shelters.admin.bedActions', { bed: bed.label })}
                      data-testid="admin-bed"
                    >
                      <Group gap={6} wrap="nowrap">
                        <IconBedFlat size={16} />
                        <Text fw={700}>{bed.label}</Text>
                      </Group>
                      {!bed.active && (
                        <Text size="xs" c="dimmed">
                          {t('shelter.bed.inactive')}
                        </Text>
                      )}
                    </UnstyledButton>
                  ))}
                </SimpleGrid>
              )}
            </Paper>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

export function SheltersAdminPage() {
  const t = useT();
  const [showInactive, setShowInactive] = useState(true);
  const q = useQuery(`admin-shelters:${showInactive}`, () =>
    call('shelters.list', { includeInactive: showInactive }),
  );
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  // Saved, or changed meanwhile by someone else: either way the list is read again.
  const done = () => {
    setDialog(null);
    q.reload();
  };
  const dialogProps = { onDone: done, onCancel: close, onReload: done };

  if (q.error && !q.data)
    return (
      <>
        <PageHeader title={t('shelters.admin.title')} subtitle={t('shelters.admin.subtitle')} />
        <LoadError error={q.error} onRetry={q.reload} />
      </>
    );

  return (
    <>
      <PageHeader
        title={t('shelters.admin.title')}
        subtitle={t('shelters.admin.subtitle')}
        actions={
          <AddButton onClick={() => setDialog({ kind: 'shelter', shelter: null })}>
            {t('shelters.admin.add')}
          </AddButton>
        }
      />
      <Group justify="flex-end" mb="sm">
        <Switch
          label={t('shelters.admin.showInactive')}
          checked={showInactive}
          onChange={(e) => setShowInactive(e.currentTarget.checked)}
        />
      </Group>
      {!q.data ? (
        <PageLoader />
      ) : q.data.shelters.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Text c="dimmed">{t('shelters.admin.empty')}</Text>
        </Paper>
      ) : (
        <Stack gap="lg">
          {q.data.shelters.map((s) => (
            <ShelterCard key={s.id} shelter={s} onDialog={setDialog} />
          ))}
        </Stack>
      )}
      {dialog?.kind === 'shelter' && <ShelterForm shelter={dialog.shelter} {...dialogProps} />}
      {dialog?.kind === 'room' && (
        <RoomForm shelter={dialog.shelter} room={dialog.room} {...dialogProps} />
      )}
      {dialog?.kind === 'bed' && (
        <BedForm shelter={dialog.shelter} room={dialog.room} bed={dialog.bed} {...dialogProps} />
      )}
    </>
  );
}
