/** Admin configuration of shelters, rooms and beds. */
import type { shelterContract } from '../../../shared/contract/shelter';
import { requireRow, takenBy } from '../db/lookup';
import { loadForSave, saveTracked } from '../db/tracked';
import type { HandlersOf } from '../dispatch/context';
import { fieldError } from '../errors';
import { loadShelter, loadShelters } from './queries';

type ConfigMethods = Pick<
  typeof shelterContract,
  'shelters.list' | 'shelters.save' | 'shelters.saveRoom' | 'shelters.saveBed'
>;

export const shelterConfigHandlers: HandlersOf<ConfigMethods> = {
  async 'shelters.list'(input, ctx) {
    return { shelters: await loadShelters(ctx.db, { includeInactive: input.includeInactive }) };
  },

  async 'shelters.save'(input, ctx) {
    const values = {
      name: input.name,
      address: input.address,
      capacity: input.capacity,
      active: input.active ? 1 : 0,
    };
    if (await takenBy(ctx.db, 'shelters', { name: input.name }, input.id))
      throw fieldError(['name'], 'shelter.name_taken', { name: input.name });
    const before = await loadForSave(ctx.db, 'shelters', input);
    const id = await saveTracked(ctx, 'shelters', before, values, { recordType: 'shelter' });
    return (await loadShelter(ctx.db, id))!;
  },

  async 'shelters.saveRoom'(input, ctx) {
    await requireRow(ctx.db, 'shelters', input.shelterId, 'shelterId');
    if (
      await takenBy(
        ctx.db,
        'shelter_rooms',
        { shelter_id: input.shelterId, name: input.name },
        input.id,
      )
    )
      throw fieldError(['name'], 'shelter.room_taken', { name: input.name });
    if (input.ageMin !== null && input.ageMax !== null && input.ageMin > input.ageMax)
      throw fieldError(['ageMax'], 'shelter.age_range_order');
    const before = await loadForSave(ctx.db, 'shelter_rooms', input, (r) => {
      if (r.shelter_id !== input.shelterId)
        throw fieldError(['shelterId'], 'stay.room_wrong_shelter');
    });
    const room = {
      shelter_id: input.shelterId,
      name: input.name,
      kind: input.kind,
      age_min: input.ageMin,
      age_max: input.ageMax,
    };
    await saveTracked(ctx, 'shelter_rooms', before, room, { recordType: 'shelter_room' });
    return (await loadShelter(ctx.db, input.shelterId))!;
  },

  async 'shelters.saveBed'(input, ctx) {
    const room = await requireRow(ctx.db, 'shelter_rooms', input.roomId, 'roomId');
    if (await takenBy(ctx.db, 'shelter_beds', { room_id: room.id, label: input.label }, input.id))
      throw fieldError(['label'], 'stay.bed_label_taken', { label: input.label });
    const values = { label: input.label, active: input.active ? 1 : 0 };
    // A bed can move to another room of the same shelter; the composite key refuses other shelters.
    const before = await loadForSave(ctx.db, 'shelter_beds', input, (bed) => {
      if (bed.shelter_id !== room.shelter_id)
        throw fieldError(['roomId'], 'stay.room_wrong_shelter');
    });
    await saveTracked(
      ctx,
      'shelter_beds',
      before,
      { room_id: room.id, shelter_id: room.shelter_id, ...values },
      // The shelter follows from the room; the audit names the room only.
      { recordType: 'shelter_bed', view: ({ shelter_id: _s, ...rest }) => rest },
    );
    return (await loadShelter(ctx.db, room.shelter_id))!;
  },
};
