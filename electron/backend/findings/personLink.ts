/** What findings hold about a person: the findings linked to them, for the person page. */
import { movePersonRows, openedAndClosed, type PersonLink } from '../persons/links';

export const findingsPersonLink: PersonLink<'findings'> = {
  domain: 'findings',
  tables: ['findings'],
  readPermission: 'findings.read',

  async summary(db, personId) {
    const rows = await db
      .selectFrom('findings')
      .select(['id', 'number', 'found_at', 'status'])
      .where('person_id', '=', personId)
      .orderBy('found_at', 'desc')
      .execute();
    return {
      findings: rows.map((r) => ({
        id: r.id,
        number: r.number,
        foundAt: r.found_at,
        status: r.status,
      })),
    };
  },

  async timeline(db, personId) {
    const rows = await db
      .selectFrom('findings')
      .select(['id', 'number', 'place', 'found_at', 'acted_at', 'status'])
      .where('person_id', '=', personId)
      .execute();
    return rows.flatMap((r) =>
      openedAndClosed(
        {
          domain: 'findings',
          recordType: 'finding',
          recordId: r.id,
          label: `${r.number} · ${r.place}`,
        },
        { at: r.found_at, kind: 'created', toState: 'received' },
        r.acted_at ? { at: r.acted_at, kind: 'transition', toState: r.status } : null,
      ),
    );
  },

  async merge(ctx, keepId, goneId) {
    return { findings: await movePersonRows(ctx, 'findings', keepId, goneId, 'finding') };
  },

  async export(db, personId) {
    return {
      findings: await db
        .selectFrom('findings')
        .selectAll()
        .where('person_id', '=', personId)
        .execute(),
    };
  },
};
