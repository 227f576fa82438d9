/**
 * Persons in a packet: who they are and where they come from. Internal notes, the identity
 * evidence note and the photo stay here; the receiver gets what it needs to find the family.
 */
import { sql, type Selectable } from 'kysely';
import { z } from 'zod';
import { personInput } from '../../../../shared/contract/persons';
import { isoDateTime } from '../../../../shared/contract/schemas';
import { yearInZone } from '../../../../shared/time';
import type { PersonsTable } from '../../db/tables/persons';
import { insertTracked, insertTrackedMany, loadForChange, updateVersioned } from '../../db/tracked';
import { officeTimeZone } from '../../office/store';
import { AS_PERSON, personColumns, type PersonFields } from '../../persons/columns';
import { parseAliases } from '../../persons/store';
import { PERSONS, type RecordModule } from '../recordTypes';

const sourceId = z.string().min(1).max(64);

export const personRecord = personInput
  .omit({ notes: true, identityEvidence: true, estimatedAge: true })
  .extend({
    id: sourceId,
    version: z.number().int().min(1),
    updatedAt: isoDateTime,
    birthYear: z.number().int().min(1900).max(2200).nullable(),
    birthDateEstimated: z.boolean(),
  });
export type PersonRecord = z.output<typeof personRecord>;

type Row = Selectable<PersonsTable>;

const MISSING = ['unknown', 'refused'] as const;
function missingReasons(quality: string): PersonRecord['missingReasons'] {
  const q = JSON.parse(quality) as Record<string, string>;
  const out: PersonRecord['missingReasons'] = {};
  for (const k of ['nik', 'birthDate', 'origin', 'address'] as const) {
    const code = q[k] as (typeof MISSING)[number];
    if (MISSING.includes(code)) out[k] = code;
  }
  return out;
}

export function toPersonRecord(r: Row): PersonRecord {
  return {
    id: r.id,
    version: r.version as unknown as number,
    updatedAt: r.updated_at,
    nik: r.nik,
    kk: r.kk,
    fullName: r.full_name,
    aliases: parseAliases(r.aliases),
    sex: r.sex,
    birthPlace: r.birth_place,
    birthDate: r.birth_date,
    birthYear: r.birth_year,
    birthDateEstimated: r.birth_date_estimated === 1,
    motherName: r.mother_name,
    maritalStatus: r.marital_status,
    religion: r.religion,
    phone: r.phone,
    address: r.address,
    rt: r.rt,
    rw: r.rw,
    villageCode: r.village_code,
    originCode: r.origin_code,
    identityStatus: r.identity_status,
    disabilities: r.disabilities,
    missingReasons: missingReasons(r.quality),
    namePartial: (JSON.parse(r.quality) as { name?: string }).name === 'partial',
  };
}

/**
 * The person's fields as a local record (no notes of ours; the year as the sender knew it).
 * Writing many: the office's time zone read once and the origin texts remembered.
 */
async function columnsOf(
  ctx: Parameters<RecordModule['insert']>[0],
  r: PersonRecord,
  many?: { timeZone: string; year: number; origins: Map<string, string> },
) {
  const timeZone = many?.timeZone ?? (await officeTimeZone(ctx.db));
  const estimatedAge =
    !r.birthDate && r.birthDateEstimated && r.birthYear !== null
      ? Math.max(0, Math.min(120, (many?.year ?? yearInZone(ctx.now, timeZone)) - r.birthYear))
      : null;
  const { id: _i, version: _v, updatedAt: _u, birthYear, birthDateEstimated: _e, ...own } = r;
  const fields: PersonFields = { ...own, estimatedAge, notes: null, identityEvidence: null };
  return {
    ...(await personColumns(ctx.db, fields, ctx.now, timeZone, many)),
    birth_year: birthYear,
  };
}

const note = (s: { officeName: string; packetId: string }) =>
  `from ${s.officeName}, packet ${s.packetId}`;

export const personsModule: RecordModule<PersonRecord> = {
  type: PERSONS,
  schema: personRecord,
  personOf: (r) => r.id,

  async collect(db, personIds) {
    const rows = await db
      .selectFrom('persons')
      .selectAll()
      .where('id', 'in', sql<string>`(SELECT value FROM json_each(${JSON.stringify(personIds)}))`)
      .orderBy('created_at')
      .execute();
    return rows.map(toPersonRecord);
  },

  async insert(ctx, r, _personId, source) {
    return insertTracked(ctx, 'persons', await columnsOf(ctx, r), {
      ...AS_PERSON,
      note: note(source),
    });
  },

  async insertMany(ctx, items, source) {
    const timeZone = await officeTimeZone(ctx.db);
    const year = yearInZone(ctx.now, timeZone);
    const many = { timeZone, year, origins: new Map<string, string>() };
    const values = [];
    for (const { record } of items) values.push(await columnsOf(ctx, record, many));
    return insertTrackedMany(ctx, 'persons', values, { ...AS_PERSON, note: note(source) });
  },

  async update(ctx, localId, r, source) {
    const before = await loadForChange(ctx.db, 'persons', localId);
    if (before.merged_into) return; // merged here since: the surviving record is ours
    await updateVersioned(ctx, 'persons', before, await columnsOf(ctx, r), {
      ...AS_PERSON,
      note: note(source),
    });
  },
};
