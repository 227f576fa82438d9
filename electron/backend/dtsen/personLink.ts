/** The person page's DTSEN line and history, for persons/links. */
import type { PersonLink } from '../persons/links';
import { statusHistory } from './status';

export const dtsenPersonLink: PersonLink<'dtsen'> = {
  domain: 'dtsen',
  tables: ['dtsen_rows'],
  readPermission: 'persons.read',

  async summary(db, personId) {
    const history = await statusHistory(db, personId);
    return { latest: history[0] ?? null, history };
  },

  // A list's import is not an event in the person's life; the page shows the status line.
  async timeline() {
    return [];
  },

  /** List rows are evidence of what a list said; they follow the surviving person. */
  async merge(ctx, keepId, goneId) {
    const moved = await ctx.db
      .updateTable('dtsen_rows')
      .set({ person_id: keepId })
      .where('person_id', '=', goneId)
      .executeTakeFirst();
    return { dtsen_rows: Number(moved.numUpdatedRows) };
  },

  async export(db, personId) {
    const rows = await db
      .selectFrom('dtsen_rows as r')
      .innerJoin('dtsen_lists as l', 'l.id', 'r.list_id')
      .select([
        'l.list_date',
        'l.source',
        'r.line',
        'r.nik',
        'r.name',
        'r.desil',
        'r.programs',
        'r.match',
      ])
      .where('r.person_id', '=', personId)
      .execute();
    return { rows };
  },
};
