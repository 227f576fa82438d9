/** What letters hold about the person they concern, for persons/links. */
import { rowsIn } from '../db/lookup';
import { movePersonRows, openedAndClosed, type PersonLink } from '../persons/links';

export const lettersPersonLink: PersonLink<'letters'> = {
  domain: 'letters',
  tables: ['letters'],
  readPermission: 'letters.read',

  async summary(db, personId) {
    const row = await db
      .selectFrom('letters')
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn.count<number>(eb.case().when('status', '=', 'issued').then(1).end()).as('issued'),
      ])
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    return { issued: Number(row.issued), total: Number(row.total) };
  },

  async timeline(db, personId) {
    const rows = await db
      .selectFrom('letters')
      .select(['id', 'number', 'title', 'created_at', 'issued_at'])
      .where('person_id', '=', personId)
      .execute();
    return rows.flatMap((r) =>
      openedAndClosed(
        {
          domain: 'letters',
          recordType: 'letter',
          recordId: r.id,
          label: r.number ? `${r.title} ${r.number}` : r.title,
        },
        { at: r.created_at, kind: 'created', toState: 'draft' },
        r.issued_at ? { at: r.issued_at, kind: 'transition', toState: 'issued' } : null,
      ),
    );
  },

  async merge(ctx, keepId, goneId) {
    return { letters: await movePersonRows(ctx, 'letters', keepId, goneId, 'letter') };
  },

  async export(db, personId) {
    const letters = await db
      .selectFrom('letters')
      .selectAll()
      .where('person_id', '=', personId)
      .orderBy('created_at')
      .execute();
    const events = await rowsIn(
      db,
      'letter_events',
      'letter_id',
      letters.map((l) => l.id),
      'at',
    );
    return {
      letters: letters.map((l) => ({ ...l, events: events.filter((e) => e.letter_id === l.id) })),
    };
  },
};
