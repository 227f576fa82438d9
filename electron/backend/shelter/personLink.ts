/** What the shelter holds about a person (stays, their PPKS and service log), for persons/links. */
import { BLANK_EVENT } from '../../../shared/contract/timeline';
import { sql, type ExpressionBuilder } from 'kysely';
import type { PersonLinks } from '../../../shared/contract/persons';
import type { DB } from '../db/schema';
import { reassignRows } from '../db/tracked';
import { fieldError } from '../errors';
import type { PersonLink } from '../persons/links';
import { regionRefs } from '../regions/refs';

type StayBrief = NonNullable<PersonLinks['shelter']>['stays'][number];

/** The kabupaten/kota part of an origin code, as stays keep it for the figures. */
function regencyOf(originCode: string | null): string | null {
  const parts = originCode?.split('.') ?? [];
  return parts.length >= 2 ? `${parts[0]}.${parts[1]}` : null;
}

export const shelterPersonLink: PersonLink<'shelter'> = {
  domain: 'shelter',
  tables: ['stays'],
  readPermission: 'shelter.read',

  async summary(db, personId) {
    const rows = await db
      .selectFrom('stays')
      .innerJoin('shelters', 'shelters.id', 'stays.shelter_id')
      .innerJoin('shelter_beds', 'shelter_beds.id', 'stays.bed_id')
      .select([
        'stays.id',
        'shelters.name as shelterName',
        'shelter_beds.label as bedLabel',
        'stays.checkin_at',
        'stays.checkout_at',
        'stays.exit_type',
        'stays.destination_code',
        sql<string>`(SELECT group_concat(ppks, ',') FROM stay_ppks WHERE stay_id = stays.id)`.as(
          'ppks',
        ),
      ])
      .where('stays.person_id', '=', personId)
      .orderBy('stays.checkin_at', 'desc')
      .execute();
    const refs = await regionRefs(
      db,
      rows.map((r) => r.destination_code),
    );
    const stays: StayBrief[] = rows.map((r) => ({
      id: r.id,
      shelterName: r.shelterName,
      bedLabel: r.bedLabel,
      checkinAt: r.checkin_at,
      checkoutAt: r.checkout_at,
      exitType: r.exit_type,
      destination: (r.destination_code && refs.get(r.destination_code)) || null,
      ppks: r.ppks ? r.ppks.split(',').sort() : [],
    }));
    return { stays };
  },

  async timeline(db, personId) {
    const rows = await db
      .selectFrom('stays')
      .innerJoin('shelters', 'shelters.id', 'stays.shelter_id')
      .select([
        'stays.id',
        'shelters.name',
        'stays.checkin_at',
        'stays.checkout_at',
        'stays.exit_type',
      ])
      .where('stays.person_id', '=', personId)
      .execute();
    return rows.flatMap((r) => {
      const base = {
        ...BLANK_EVENT,
        id: r.id,
        domain: 'shelter',
        recordType: 'stay',
        recordId: r.id,
        label: r.name,
      };
      return [
        { ...base, at: r.checkin_at, kind: 'created' as const, action: 'checkin' },
        ...(r.checkout_at
          ? [
              {
                ...base,
                at: r.checkout_at,
                kind: 'transition' as const,
                action: 'checkout',
                details: { exitType: r.exit_type },
              },
            ]
          : []),
      ];
    });
  },

  /** The newest stay of each person, in one query (an indexed lookup per person inside it). */
  async listFacts(db, ids) {
    const rows = await sql<{
      person_id: string;
      id: string;
      name: string;
      checkin_at: string;
      checkout_at: string | null;
    }>`SELECT s.person_id, s.id, sh.name, s.checkin_at, s.checkout_at
      FROM json_each(${JSON.stringify(ids)}) AS p
      JOIN stays s ON s.id = (SELECT s2.id FROM stays s2 WHERE s2.person_id = p.value
        ORDER BY s2.checkin_at DESC LIMIT 1)
      JOIN shelters sh ON sh.id = s.shelter_id`.execute(db);
    return new Map(
      rows.rows.map((s) => [
        s.person_id,
        {
          lastStay: {
            stayId: s.id,
            shelterName: s.name,
            checkinAt: s.checkin_at,
            checkoutAt: s.checkout_at,
          },
        },
      ]),
    );
  },

  /** One person cannot be in the shelter twice at once. */
  async checkMerge(db, keepId, goneId) {
    const active = await db
      .selectFrom('stays')
      .select('person_id')
      .where('person_id', 'in', [keepId, goneId])
      .where('checkout_at', 'is', null)
      .execute();
    if (active.length > 1) throw fieldError(['mergeId'], 'person.merge_both_active');
  },

  async merge(ctx, keepId, goneId) {
    return {
      stays: await reassignRows(ctx, 'stays', 'person_id', goneId, keepId, { recordType: 'stay' }),
    };
  },

  /** Stays keep a copy of the person's origin kabupaten/kota for the figures and filters. */
  async personChanged(ctx, personId, person) {
    await ctx.db
      .updateTable('stays')
      .set({ origin_regency: regencyOf(person.originCode) })
      .where('person_id', '=', personId)
      .execute();
  },

  async export(db, personId) {
    const stays = await db
      .selectFrom('stays')
      .innerJoin('shelters', 'shelters.id', 'stays.shelter_id')
      .innerJoin('shelter_beds', 'shelter_beds.id', 'stays.bed_id')
      .selectAll('stays')
      .select(['shelters.name as shelter_name', 'shelter_beds.label as bed_label'])
      .where('stays.person_id', '=', personId)
      .orderBy('stays.checkin_at')
      .execute();
    const theirStays = (eb: ExpressionBuilder<DB, 'stay_ppks' | 'stay_events'>) =>
      eb.selectFrom('stays').select('id').where('person_id', '=', personId);
    const ppks = await db
      .selectFrom('stay_ppks')
      .selectAll()
      .where('stay_id', 'in', theirStays)
      .execute();
    const events = await db
      .selectFrom('stay_events')
      .selectAll()
      .where('stay_id', 'in', theirStays)
      .orderBy('at')
      .execute();
    return {
      stays: stays.map((s) => ({
        ...s,
        ppks: ppks.filter((p) => p.stay_id === s.id).map((p) => p.ppks),
        events: events.filter((e) => e.stay_id === s.id),
      })),
    };
  },
};
