/**
 * Shelter stays in a packet: where and when the person stayed, how they left and where to.
 * Health notes, belongings, the escort and the referral's details stay here. At the receiver a
 * stay is kept as the partner's (exchange_remote_stays), never as one of its own beds.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import { isoDateTime, regionCode } from '../../../../shared/contract/schemas';
import { PPKS_CODES } from '../../../../shared/reference/ppks';
import { EXIT_TYPES } from '../../../../shared/reference/shelter';
import {
  deleteVersioned,
  insertTracked,
  insertTrackedMany,
  loadForChange,
  updateVersioned,
} from '../../db/tracked';
import { personRequired, type RecordModule } from '../recordTypes';

const sourceId = z.string().min(1).max(64);

export const stayRecord = z.strictObject({
  id: sourceId,
  version: z.number().int().min(1),
  personId: sourceId,
  shelterName: z.string().min(1).max(200),
  checkinAt: isoDateTime,
  checkoutAt: isoDateTime.nullable(),
  exitType: z.enum(EXIT_TYPES).nullable(),
  destinationCode: regionCode.nullable(),
  ppks: z.array(z.enum(PPKS_CODES)).max(PPKS_CODES.length),
});
export type StayRecord = z.output<typeof stayRecord>;

const columnsOf = (r: StayRecord) => ({
  shelter_name: r.shelterName,
  checkin_at: r.checkinAt,
  checkout_at: r.checkoutAt,
  exit_type: r.exitType,
  destination_code: r.destinationCode,
  ppks: JSON.stringify(r.ppks),
});

const AS_REMOTE_STAY = { recordType: 'remote_stay' };

export const staysModule: RecordModule<StayRecord> = {
  type: 'stays',
  schema: stayRecord,
  personOf: (r) => r.personId,

  async collect(db, personIds, period) {
    const rows = await sql<{
      id: string;
      version: number;
      person_id: string;
      shelter_name: string;
      checkin_at: string;
      checkout_at: string | null;
      exit_type: StayRecord['exitType'];
      destination_code: string | null;
      ppks: string | null;
    }>`SELECT s.id, s.version, s.person_id, sh.name AS shelter_name, s.checkin_at, s.checkout_at,
        s.exit_type, s.destination_code,
        (SELECT json_group_array(ppks) FROM stay_ppks WHERE stay_id = s.id) AS ppks
      FROM json_each(${JSON.stringify(personIds)}) p
      JOIN stays s ON s.person_id = p.value
      JOIN shelters sh ON sh.id = s.shelter_id
      WHERE (${period.to} IS NULL OR s.checkin_at < date(${period.to}, '+1 day'))
        AND (${period.from} IS NULL OR s.checkout_at IS NULL OR s.checkout_at >= ${period.from})
      ORDER BY s.checkin_at`.execute(db);
    return rows.rows.map((r) => ({
      id: r.id,
      version: r.version,
      personId: r.person_id,
      shelterName: r.shelter_name,
      checkinAt: r.checkin_at,
      checkoutAt: r.checkout_at,
      exitType: r.exit_type,
      destinationCode: r.destination_code,
      ppks: (JSON.parse(r.ppks ?? '[]') as StayRecord['ppks']).sort(),
    }));
  },

  async insert(ctx, r, personId, source) {
    return insertTracked(
      ctx,
      'exchange_remote_stays',
      { person_id: personRequired(personId), source_office: source.office, ...columnsOf(r) },
      AS_REMOTE_STAY,
    );
  },

  async insertMany(ctx, items, source) {
    return insertTrackedMany(
      ctx,
      'exchange_remote_stays',
      items.map(({ record, personId }) => ({
        person_id: personRequired(personId),
        source_office: source.office,
        ...columnsOf(record),
      })),
      AS_REMOTE_STAY,
    );
  },

  async update(ctx, localId, r) {
    const before = await loadForChange(ctx.db, 'exchange_remote_stays', localId);
    await updateVersioned(ctx, 'exchange_remote_stays', before, columnsOf(r), AS_REMOTE_STAY);
  },

  async missing(db, ids) {
    if (ids.length === 0) return [];
    const rows = await sql<{ id: string }>`SELECT value AS id FROM json_each(${JSON.stringify(ids)})
      WHERE value NOT IN (SELECT id FROM stays)`.execute(db);
    return rows.rows.map((r) => r.id);
  },

  async remove(ctx, localId) {
    const row = await loadForChange(ctx.db, 'exchange_remote_stays', localId);
    await deleteVersioned(
      ctx,
      'exchange_remote_stays',
      localId,
      row.version as unknown as number,
      AS_REMOTE_STAY,
    );
  },
};
