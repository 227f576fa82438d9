/**
 * What the exchange holds about a person: the consent to sharing, which packets carried them
 * to which office (the outbox register), and stays partner offices reported.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { deleteVersioned } from '../db/tracked';
import { movePersonRows, openedAndClosed, type PersonLink } from '../persons/links';

async function consentOf(db: Kysely<DB>, personId: string) {
  return db
    .selectFrom('exchange_consents')
    .selectAll()
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

function remoteStays(db: Kysely<DB>, personId: string) {
  return db
    .selectFrom('exchange_remote_stays as s')
    .leftJoin('exchange_partners as p', 'p.office_code', 's.source_office')
    .selectAll('s')
    .select('p.office_name')
    .where('s.person_id', '=', personId)
    .orderBy('s.checkin_at')
    .execute();
}

async function sentTo(db: Kysely<DB>, personId: string) {
  return db
    .selectFrom('exchange_outbox_records as r')
    .innerJoin('exchange_outbox as o', 'o.id', 'r.packet_id')
    .innerJoin('exchange_partners as p', 'p.id', 'o.partner_id')
    .select(['o.id as packetId', 'o.sequence', 'o.created_at as at', 'p.office_name as office'])
    .distinct()
    .where('r.person_id', '=', personId)
    .orderBy('o.created_at')
    .execute();
}

export const packetsPersonLink: PersonLink<'packets'> = {
  domain: 'packets',
  tables: ['exchange_outbox_records', 'exchange_remote_stays', 'exchange_consents'],
  readPermission: 'persons.read',

  async summary(db, personId) {
    const consent = await consentOf(db, personId);
    const stays = await remoteStays(db, personId);
    const provenance = await db
      .selectFrom('exchange_provenance as v')
      .leftJoin('exchange_partners as p', 'p.office_code', 'v.source_office')
      .select(['p.office_name', 'v.source_office', 'v.how'])
      .where('v.record_type', '=', 'persons')
      .where('v.local_id', '=', personId)
      .execute();
    return {
      consent: consent?.consent ?? null,
      consentVersion: consent ? (consent.version as unknown as number) : null,
      from: provenance.map((p) => ({
        office: p.office_name ?? p.source_office,
        linked: p.how === 'linked',
      })),
      sentTo: (await sentTo(db, personId)).map((s) => ({ office: s.office, at: s.at })),
      remoteStays: stays.map((s) => ({
        id: s.id,
        office: s.office_name ?? s.source_office,
        shelterName: s.shelter_name,
        checkinAt: s.checkin_at,
        checkoutAt: s.checkout_at,
        exitType: s.exit_type,
      })),
    };
  },

  async timeline(db, personId) {
    return (await remoteStays(db, personId)).flatMap((s) =>
      openedAndClosed(
        {
          domain: 'packets',
          recordType: 'remote_stay',
          recordId: s.id,
          label: `${s.shelter_name} (${s.office_name ?? s.source_office})`,
        },
        { at: s.checkin_at, kind: 'created', action: 'checkin' },
        s.checkout_at
          ? {
              at: s.checkout_at,
              kind: 'transition',
              action: 'checkout',
              details: { exitType: s.exit_type },
            }
          : null,
      ),
    );
  },

  async merge(ctx, keepId, goneId) {
    const moved = await movePersonRows(ctx, 'exchange_remote_stays', keepId, goneId, 'remote_stay');
    const keepConsent = await consentOf(ctx.db, keepId);
    const goneConsent = await consentOf(ctx.db, goneId);
    // The surviving record's own answer wins; the other one's goes with the merged record.
    let consents = 0;
    if (goneConsent && keepConsent)
      await deleteVersioned(
        ctx,
        'exchange_consents',
        goneConsent.id,
        goneConsent.version as unknown as number,
        { recordType: 'exchange_consent', note: `merged into ${keepId}` },
      );
    else if (goneConsent)
      consents = await movePersonRows(ctx, 'exchange_consents', keepId, goneId, 'exchange_consent');
    // The register keeps who was sent; it follows the person like every other record.
    const register = await ctx.db
      .updateTable('exchange_outbox_records')
      .set({ person_id: keepId })
      .where('person_id', '=', goneId)
      .executeTakeFirst();
    return {
      exchange_remote_stays: moved,
      exchange_consents: consents,
      exchange_outbox_records: Number(register.numUpdatedRows),
    };
  },

  async export(db, personId) {
    return {
      consent: (await consentOf(db, personId)) ?? null,
      sentTo: await sentTo(db, personId),
      remoteStays: await remoteStays(db, personId),
    };
  },
};
