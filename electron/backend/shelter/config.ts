/** Admin configuration of shelters, rooms and beds. */
import type { shelterContract } from '../../../shared/contract/shelter';
import { diffRecords } from '../audit/diff';
import { assertUpdated, nextVersion } from '../db/versioned';
import type { Ctx, HandlersOf } from '../dispatch/context';
import { requireUser } from '../dispatch/context';
import { fieldError, notFound, staleRecord } from '../errors';
import { uuidv7 } from '../lib/ids';
import { loadShelter, loadShelters } from './queries';

type ConfigMethods = Pick<
  typeof shelterContract,
  'shelters.list' | 'shelters.save' | 'shelters.saveRoom' | 'shelters.saveBed'
>;

function tracked(ctx: Ctx) {
  const user = requireUser(ctx);
  return {
    created_at: ctx.nowIso,
    created_by: user.id,
    updated_at: ctx.nowIso,
    updated_by: user.id,
  };
}

function touched(ctx: Ctx) {
  return { updated_at: ctx.nowIso, updated_by: requireUser(ctx).id, version: nextVersion };
}

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
    if (!input.id) {
      const id = uuidv7(ctx.now.getTime());
      await ctx.db
        .insertInto('shelters')
        .values({ id, ...values, ...tracked(ctx) })
        .execute();
      ctx.audit({ recordType: 'shelter', recordId: id, changes: diffRecords(null, values) });
      return (await loadShelter(ctx.db, id))!;
    }
    const before = await ctx.db
      .selectFrom('shelters')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!before) throw notFound();
    if (input.version === undefined || before.version !== input.version) throw staleRecord();
    assertUpdated(
      await ctx.db
        .updateTable('shelters')
        .set({ ...values, ...touched(ctx) })
        .where('id', '=', input.id)
        .where('version', '=', input.version)
        .executeTakeFirst(),
    );
    ctx.audit({ recordType: 'shelter', recordId: input.id, changes: diffRecords(before, values) });
    return (await loadShelter(ctx.db, input.id))!;
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
    if (!input.id) {
      const id = uuidv7(ctx.now.getTime());
      await ctx.db
        .insertInto('shelter_rooms')
        .values({ id, shelter_id: input.shelterId, name: input.name, ...tracked(ctx) })
        .execute();
      ctx.audit({
        recordType: 'shelter_room',
        recordId: id,
        changes: diffRecords(null, { shelter_id: input.shelterId, name: input.name }),
      });
      return (await loadShelter(ctx.db, input.shelterId))!;
    }
    const before = await ctx.db
      .selectFrom('shelter_rooms')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!before) throw notFound();
    if (before.shelter_id !== input.shelterId)
      throw fieldError(['shelterId'], 'stay.room_wrong_shelter');
    if (input.version === undefined || before.version !== input.version) throw staleRecord();
    assertUpdated(
      await ctx.db
        .updateTable('shelter_rooms')
        .set({ name: input.name, ...touched(ctx) })
        .where('id', '=', input.id)
        .where('version', '=', input.version)
        .executeTakeFirst(),
    );
    ctx.audit({
      recordType: 'shelter_room',
      recordId: input.id,
      changes: diffRecords(before, { name: input.name }),
    });
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
    const values = { label: input.label, section: input.section, active: input.active ? 1 : 0 };
    if (!input.id) {
      const id = uuidv7(ctx.now.getTime());
      await ctx.db
        .insertInto('shelter_beds')
        .values({ id, room_id: room.id, shelter_id: room.shelter_id, ...values, ...tracked(ctx) })
        .execute();
      ctx.audit({
        recordType: 'shelter_bed',
        recordId: id,
        changes: diffRecords(null, { room_id: room.id, ...values }),
      });
      return (await loadShelter(ctx.db, room.shelter_id))!;
    }
    const before = await ctx.db
      .selectFrom('shelter_beds')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!before) throw notFound();
    if (input.version === undefined || before.version !== input.version) throw staleRecord();
    // A bed can move to another room of the same shelter; the composite key refuses other shelters.
    if (room.shelter_id !== before.shelter_id)
      throw fieldError(['roomId'], 'stay.room_wrong_shelter');
    assertUpdated(
      await ctx.db
        .updateTable('shelter_beds')
        .set({ room_id: room.id, ...values, ...touched(ctx) })
        .where('id', '=', input.id)
        .where('version', '=', input.version)
        .executeTakeFirst(),
    );
    ctx.audit({
      recordType: 'shelter_bed',
      recordId: input.id,
      changes: diffRecords(before, { room_id: room.id, ...values }),
    });
    return (await loadShelter(ctx.db, room.shelter_id))!;
  },
};
