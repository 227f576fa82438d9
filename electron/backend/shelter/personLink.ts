/** What the shelter holds about a person (stays, their PPKS and service log), for persons/links. */
import { sql, type Kysely } from 'kysely';
import { PersonLinks } from '../../../shared/contract/persons';
import { rowsIn } from '../db/lookup';
import { DB } from '../db/schema';

import { fieldError } from '../errors';
import { movePersonRows, openedAndClosed, type PersonLink } from '../persons/links';
import { regionRefs } from '../regions/refs';
import { ppksOf, staysWithPlace, toStayBrief } from './queries';

type StayBrief = NonNullable<PersonLinks['shelter']>['stays'][number];

/** The kabupaten/kota part of an origin code, as stays keep it for the figures. */
function regencyOf(originCode: string | null): string | null {
  const parts = originCode?.split('.') ?? [];
  return parts.length >= 2 ? `${parts[0]}.${parts[1]}` : null;
}

/** The person's stays, oldest first, with where they were. */
function personStays(db: Kysely<DB>, personId: string) {
  return staysWithPlace(db)
    .where('stays.person_id', '=', personId)
    .orderBy('stays.checkin_at')
    .execute();
}

export const shelterPersonLink: PersonLink<'shelter'> = {
  domain: 'shelter',
  tables: ['stays'],
  readPermission: 'shelter.read',

  async summary(db, personId) {
    const rows = (await personStays(db, personId)).reverse();
    const refs = await regionRefs(
      db,
      rows.map((r) => r.destination_code),
    );
    const ppks = await ppksOf(
      db,
      rows.map((r) => r.id),
    );
    const stays: StayBrief[] = rows.map((r) => toStayBrief(r, refs, ppks));
    return { stays };
  },

  async timeline(db, personId) {
    return (await personStays(db, personId)).flatMap((r) =>
      openedAndClosed(
        { domain: 'shelter', recordType: 'stay', recordId: r.id, label: r.shelter_name },
        { at: r.checkin_at, kind: 'created', action: 'checkin' },
        r.checkout_at
          ? {
              at: r.checkout_at,
              kind: 'transition',
              action: 'checkout',
              details: { exitType: r.exit_type },
            }
          : null,
      ),
    );
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
    return { stays: await movePersonRows(ctx, 'stays', keepId, goneId, 'stay') };
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
    const stays = await personStays(db, personId);
    const ids = stays.map((s) => s.id);
    const ppks = await rowsIn(db, 'stay_ppks', 'stay_id', ids, 'ppks');
    const events = await rowsIn(db, 'stay_events', 'stay_id', ids, 'at');
    return {
      stays: stays.map((s) => ({
        ...s,
        ppks: ppks.filter((p) => p.stay_id === s.id).map((p) => p.ppks),
        events: events.filter((e) => e.stay_id === s.id),
      })),
    };
  },
};
