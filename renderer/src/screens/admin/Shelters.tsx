/** `#/admin/shelters`: shelters, their rooms and beds (shelter.manage). */
import {
  Badge,
  Button,
  Group,
  NumberInput,
  type NumberInputProps,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconBedFlat, IconDoor, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import type { Shelter } from '../../../../shared/contract/shelter';
import { ROOM_KINDS, type RoomKind } from '../../../../shared/reference/shelter';
import { call, callChecked } from '../../api/rpc';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, PageLoader } from '../../components/PageStates';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n/I18nProvider';
import { useForm } from '../../lib/form';
import { useQuery } from '../../lib/useQuery';
import { tn } from '../shelter/labels';
import { RoomKindBadge } from '../shelter/RoomKind';
import '../shelter/shelter.css';
import { AddButton } from '../../components/AddButton';

type Room = Shelter['rooms'][number];
type Bed = Room['beds'][number];

type Dialog =
  | { kind: 'shelter'; shelter: Shelter | null }
  | { kind: 'room'; shelter: Shelter; room: Room | null }
  | { kind: 'bed'; shelter: Shelter; room: Room; bed: Bed | null };

interface DialogProps {
  onDone: () => void;
  onCancel: () => void;
  onReload: () => void;
}

/** The three dialogs save alike: the same notice, then close (or reload a stale record). */
function useSaveForm<T extends object>(
  initial: T,
  props: DialogProps,
  submit: (values: T) => Promise<unknown>,
) {
  return useForm(initial, {
    submit,
    success: 'shelters.admin.saved',
    onSaved: props.onDone,
    onReload: props.onReload,
  });
}

/** Whole years from a number field; left empty: no limit. */
const ageValue = (v: string) => (v === '' ? null : Number(v));

function ShelterForm({ shelter, ...props }: DialogProps & { shelter: Shelter | null }) {
  const t = useT();
  const initial = {
    name: shelter?.name ?? '',
    address: shelter?.address ?? '',
    capacity: shelter ? String(shelter.capacity) : '',
    active: shelter?.active ?? true,
  };
  const form = useSaveForm(initial, props, (v) =>
    callChecked('shelters.save', {
      ...(shelter ? { id: shelter.id, version: shelter.version } : {}),
      name: v.name,
      address: v.address,
      // Left empty: sent as missing, so the check says "Wajib diisi" at the field.
      capacity: (v.capacity === '' ? undefined : Number(v.capacity)) as number,
      active: v.active,
    }),
  );
  return (
    <FormModal
      form={form}
      title={t(shelter ? 'shelters.admin.edit' : 'shelters.admin.add')}
      onClose={props.onCancel}
    >
      <TextInput
        label={t('shelter.name')}
        required
        data-autofocus
        maxLength={150}
        {...form.text('name')}
      />
      <TextInput label={t('shelter.address')} maxLength={300} {...form.text('address')} />
      <WholeNumber
        label={t('shelter.capacity')}
        description={t('shelters.admin.capacity.help')}
        required
        max={1000}
        value={form.values.capacity}
        onChange={(v) => form.set('capacity', v)}
        error={form.errorText('capacity')}
      />
      {shelter && (
        <Switch
          label={t('shelters.admin.active')}
          checked={form.values.active}
          onChange={(e) => form.set('active', e.currentTarget.checked)}
        />
      )}
    </FormModal>
  );
}

/** A count or an age: whole, not negative, kept as typed text so empty stays empty. */
function WholeNumber(
  props: Omit<NumberInputProps, 'value' | 'onChange'> & {
    value: string;
    onChange: (value: string) => void;
  },
) {
  const { onChange, ...rest } = props;
  return (
    <NumberInput
      min={0}
      allowDecimal={false}
      allowNegative={false}
      w={200}
      {...rest}
      onChange={(v) => onChange(String(v))}
    />
  );
}

function RoomForm({
  shelter,
  room,
  ...props
}: DialogProps & { shelter: Shelter; room: Room | null }) {
  const t = useT();
  const initial = {
    name: room?.name ?? '',
    kind: room?.kind ?? ('men' as RoomKind),
    ageMin: room?.ageMin?.toString() ?? '',
    ageMax: room?.ageMax?.toString() ?? '',
  };
  const form = useSaveForm(initial, props, (v) =>
    callChecked('shelters.saveRoom', {
      ...(room ? { id: room.id, version: room.version } : {}),
      shelterId: shelter.id,
      name: v.name,
      kind: v.kind,
      ageMin: ageValue(v.ageMin),
      ageMax: ageValue(v.ageMax),
    }),
  );
  return (
    <FormModal
      form={form}
      title={t(room ? 'shelters.admin.editRoom' : 'shelters.admin.addRoom')}
      onClose={props.onCancel}
      size="lg"
    >
      <Text size="sm" c="dimmed">
        {shelter.name}
      </Text>
      <TextInput
        label={t('shelters.admin.roomName')}
        required
        data-autofocus
        maxLength={100}
        {...form.text('name')}
      />
      <Stack gap={6}>
        <Text size="sm" fw={500} id="room-kind-label">
          {t('shelter.roomKind')}
        </Text>
        <SegmentedControl
          aria-labelledby="room-kind-label"
          value={form.values.kind}
          onChange={(k) => form.set('kind', k as RoomKind)}
          data={ROOM_KINDS.map((k) => ({ value: k, label: t(`shelter.roomKind.${k}`) }))}
          data-testid="room-kind"
        />
      </Stack>
      <Stack gap={6}>
        <Group gap="md" align="flex-start">
          {(['ageMin', 'ageMax'] as const).map((name) => (
            <WholeNumber
              key={name}
              label={t(`shelter.${name}`)}
              max={120}
              value={form.values[name]}
              onChange={(v) => form.set(name, v)}
              error={form.errorText(name)}
            />
          ))}
        </Group>
        <Text size="xs" c="dimmed">
          {t('shelter.ageRangeHint')}
        </Text>
      </Stack>
    </FormModal>
  );
}

function BedForm({
  shelter,
  room,
  bed,
  ...props
}: DialogProps & { shelter: Shelter; room: Room; bed: Bed | null }) {
  const t = useT();
  const initial = { roomId: room.id, label: bed?.label ?? '', active: bed?.active ?? true };
  const form = useSaveForm(initial, props, (v) =>
    callChecked('shelters.saveBed', { ...(bed ? { id: bed.id, version: bed.version } : {}), ...v }),
  );
  return (
    <FormModal
      form={form}
      title={t(bed ? 'shelters.admin.editBed' : 'shelters.admin.addBed')}
      onClose={props.onCancel}
    >
      <Text size="sm" c="dimmed">
        {shelter.name} · {room.name}
      </Text>
      <TextInput
        label={t('shelters.admin.bedLabel')}
        description={t('shelters.admin.bedLabel.help')}
        required
        data-autofocus
        maxLength={50}
        {...form.text('label')}
      />
      {bed && (
        <>
          <Select
            label={t('shelter.room')}
            value={form.values.roomId}
            onChange={(v) => v && form.set('roomId', v)}
            data={shelter.rooms.map((r) => ({ value: r.id, label: r.name }))}
            allowDeselect={false}
            error={form.errorText('roomId')}
          />
          <Switch
            label={t('shelters.admin.bedActive')}
            checked={form.values.active}
            onChange={(e) => form.set('active', e.currentTarget.checked)}
          />
        </>
      )}
    </FormModal>
  );
}

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
  const done = () => {
    setDialog(null);
    q.reload();
  };
  const reloadAndClose = () => {
    setDialog(null);
    q.reload();
  };

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
      {dialog?.kind === 'shelter' && (
        <ShelterForm
          shelter={dialog.shelter}
          onDone={done}
          onCancel={close}
          onReload={reloadAndClose}
        />
      )}
      {dialog?.kind === 'room' && (
        <RoomForm
          shelter={dialog.shelter}
          room={dialog.room}
          onDone={done}
          onCancel={close}
          onReload={reloadAndClose}
        />
      )}
      {dialog?.kind === 'bed' && (
        <BedForm
          shelter={dialog.shelter}
          room={dialog.room}
          bed={dialog.bed}
          onDone={done}
          onCancel={close}
          onReload={reloadAndClose}
        />
      )}
    </>
  );
}
