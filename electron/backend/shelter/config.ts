/** Admin configuration of shelters, rooms and beds. */
import type { shelterContract } from '../../../shared/contract/shelter';
import {
  insertTracked,
  loadForChange,
  readVersion,
  saveTracked,
  updateVersioned,
} from '../db/tracked';
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
    const clash = await ctx.db
      .selectFrom('shelters')
      .select('id')
      .where('name', '=', input.name)
      .$if(Boolean(input.id), (q) => q.where('id', '!=', input.id!))
      .executeTakeFirst();
    if (clash) throw fieldError(['name'], 'shelter.name_taken', { name: input.name });
    const before = input.id
      ? await loadForChange(ctx.db, 'shelters', input.id, readVersion(input.version))
      : undefined;
    const id = await saveTracked(ctx, 'shelters', before, values, { recordType: 'shelter' });
    return (await loadShelter(ctx.db, id))!;
  },

  async 'shelters.saveRoom'(input, ctx) {
    const shelter = await ctx.db
      .selectFrom('shelters')
      .select('id')
      .where('id', '=', input.shelterId)
      .executeTakeFirst();
    if (!shelter) throw fieldError(['shelterId'], 'error.not_found');
    const clash = await ctx.db
      .selectFrom('shelter_rooms')
      .select('id')
      .where('shelter_id', '=', input.shelterId)
      .where('name', '=', input.name)
      .$if(Boolean(input.id), (q) => q.where('id', '!=', input.id!))
      .executeTakeFirst();
    if (clash) throw fieldError(['name'], 'shelter.room_taken', { name: input.name });
    if (input.ageMin !== null && input.ageMax !== null && input.ageMin > input.ageMax)
      throw fieldError(['ageMax'], 'shelter.age_range_order');
    const values = {
      name: input.name,
      kind: input.kind,
      age_min: input.ageMin,
      age_max: input.ageMax,
    };
    const opts = { recordType: 'shelter_room' };
    if (!input.id) {
      await insertTracked(ctx, 'shelter_rooms', { shelter_id: input.shelterId, ...values }, opts);
      return (await loadShelter(ctx.db, input.shelterId))!;
    }
    const before = await loadForChange(
      ctx.db,
      'shelter_rooms',
      input.id,
      readVersion(input.version),
      (room) => {
        if (room.shelter_id !== input.shelterId)
          throw fieldError(['shelterId'], 'stay.room_wrong_shelter');
      },
    );
    await updateVersioned(ctx, 'shelter_rooms', before, values, opts);
    return (await loadShelter(ctx.db, input.shelterId))!;
  },

  async 'shelters.saveBed'(input, ctx) {
    const room = await ctx.db
      .selectFrom('shelter_rooms')
      .selectAll()
      .where('id', '=', input.roomId)
      .executeTakeFirst();
    if (!room) throw fieldError(['roomId'], 'error.not_found');
    const clash = await ctx.db
      .selectFrom('shelter_beds')
      .select('id')
      .where('room_id', '=', input.roomId)
      .where('label', '=', input.label)
      .$if(Boolean(input.id), (q) => q.where('id', '!=', input.id!))
      .executeTakeFirst();
    if (clash) throw fieldError(['label'], 'stay.bed_label_taken', { label: input.label });
    const values = { label: input.label, active: input.active ? 1 : 0 };
    const opts = { recordType: 'shelter_bed' };
    if (!input.id) {
      await insertTracked(
        ctx,
        'shelter_beds',
        { room_id: room.id, shelter_id: room.shelter_id, ...values },
        // The shelter follows from the room; the audit names the room only.
        { ...opts, view: ({ shelter_id: _s, ...rest }) => rest },
      );
      return (await loadShelter(ctx.db, room.shelter_id))!;
    }
    const before = await loadForChange(
      ctx.db,
      'shelter_beds',
      input.id,
      readVersion(input.version),
    );
    // A bed can move to another room of the same shelter; the composite key refuses other shelters.
    if (room.shelter_id !== before.shelter_id)
      throw fieldError(['roomId'], 'stay.room_wrong_shelter');
    await updateVersioned(ctx, 'shelter_beds', before, { room_id: room.id, ...values }, opts);
    return (await loadShelter(ctx.db, room.shelter_id))!;
  },
};
