/** What complaints hold about the person they concern, for persons/links. */
import { CLOSED_STATUSES } from '../../../shared/workflow/complaints';
import { HIDDEN } from '../audit/redaction';
import { rowsIn } from '../db/lookup';
import { movePersonRows, openedAndClosed, type PersonLink } from '../persons/links';
import { REPORTER_DETAIL_FIELDS } from './confidential';

export const complaintsPersonLink: PersonLink<'complaints'> = {
  domain: 'complaints',
  tables: ['complaints'],
  readPermission: 'complaints.read',

  async summary(db, personId) {
    const row = await db
      .selectFrom('complaints')
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn
          .count<number>(eb.case().when('status', 'not in', CLOSED_STATUSES).then(1).end())
          .as('open'),
      ])
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    return { open: Number(row.open), total: Number(row.total) };
  },

  async timeline(db, personId) {
    const rows = await db
      .selectFrom('complaints')
      .select(['id', 'number', 'subject', 'received_at', 'closed_at', 'status'])
      .where('person_id', '=', personId)
      .execute();
    return rows.flatMap((r) =>
      openedAndClosed(
        {
          domain: 'complaints',
          recordType: 'complaint',
          recordId: r.id,
          label: `${r.number} · ${r.subject}`,
        },
        { at: r.received_at, kind: 'created', toState: 'received' },
        r.closed_at ? { at: r.closed_at, kind: 'transition', toState: r.status } : null,
      ),
    );
  },

  async merge(ctx, keepId, goneId) {
    return { complaints: await movePersonRows(ctx, 'complaints', keepId, goneId, 'complaint') };
  },

  /**
   * The complaints about the person with their events. A confidential reporter is a third
   * party whose identity the person must not learn: those details stay out of the export.
   */
  async export(db, personId) {
    const complaints = await db
      .selectFrom('complaints')
      .innerJoin('complaint_categories', 'complaint_categories.id', 'complaints.category_id')
      .selectAll('complaints')
      .select('complaint_categories.name as category_name')
      .where('complaints.person_id', '=', personId)
      .orderBy('complaints.received_at')
      .execute();
    const ids = complaints.map((c) => c.id);
    const events = await rowsIn(db, 'complaint_events', 'complaint_id', ids, 'at');
    return {
      complaints: complaints.map((c) => {
        const out: Record<string, unknown> = { ...c };
        if (c.reporter_confidential === 1)
          for (const f of REPORTER_DETAIL_FIELDS) if (out[f] !== null) out[f] = HIDDEN;
        return { ...out, events: events.filter((e) => e.complaint_id === c.id) };
      }),
    };
  },
};
