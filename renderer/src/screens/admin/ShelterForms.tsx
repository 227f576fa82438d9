/** The dialogs of `#/admin/shelters`: a shelter, a room (who it is for, ages), a bed. */
import {
  Group,
  NumberInput,
  type NumberInputProps,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  type TextInputProps,
} from '@mantine/core';
import type { Shelter } from '../../../../shared/contract/shelter';
import { ROOM_KINDS, type RoomKind } from '../../../../shared/reference/shelter';
import { callChecked } from '../../api/rpc';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n/I18nProvider';
import { useForm } from '../../lib/form';

export type Room = Shelter['rooms'][number];
export type Bed = Room['beds'][number];

export type Dialog =
  | { kind: 'shelter'; shelter: Shelter | null }
  | { kind: 'room'; shelter: Shelter; room: Room | null }
  | { kind: 'bed'; shelter: Shelter; room: Room; bed: Bed | null };

export interface DialogProps {
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

/** Each dialog opens on its name (or label): required, and the cursor already in it. */
function FirstField(props: TextInputProps) {
  return <TextInput required data-autofocus {...props} />;
}

/** Whole years from a number field; left empty: no limit. */
const ageValue = (v: string) => (v === '' ? null : Number(v));

export function ShelterForm({ shelter, ...props }: DialogProps & { shelter: Shelter | null }) {
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
      <FirstField label={t('shelter.name')} maxLength={150} {...form.text('name')} />
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

export function RoomForm({
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
      <FirstField label={t('shelters.admin.roomName')} maxLength={100} {...form.text('name')} />
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

export function BedForm({
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
      <FirstField
        label={t('shelters.admin.bedLabel')}
        description={t('shelters.admin.bedLabel.help')}
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
