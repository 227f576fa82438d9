/** What case files hold about their person, for persons/links (summary, timeline, merge, export). */
import { OPEN_CASE_STATES } from '../../../shared/workflow/cases';
import { HIDDEN } from '../audit/redaction';
import { rowsIn } from '../db/lookup';
import { fieldError } from '../errors';
import { movePersonRows, openedAndClosed, type PersonLink } from '../persons/links';
import { openCaseSharing } from './rules';

export const casesPersonLink: PersonLink<'cases'> = {
  domain: 'cases',
  tables: ['cases'],
  readPermission: 'cases.read',

  async summary(db, personId) {
    const rows = await db
      .selectFrom('cases')
      .select(['id', 'number', 'state'])
      .where('person_id', '=', personId)
      .orderBy('opened_at')
      .execute();
    return {
      open: rows.filter((r) => OPEN_CASE_STATES.includes(r.state)),
      total: rows.length,
    };
  },

  async timeline(db, personId) {
    const rows = await db
      .selectFrom('cases')
      .select(['id', 'number', 'main_ppks', 'opened_at', 'closed_at', 'closure_reason'])
      .where('person_id', '=', personId)
      .execute();
    return rows.flatMap((r) =>
      openedAndClosed(
        {
          domain: 'cases',
          recordType: 'case',
          recordId: r.id,
          label: `${r.number} · ${r.main_ppks}`,
        },
        { at: r.opened_at, kind: 'created', toState: 'opened' },
        r.closed_at
          ? { at: r.closed_at, kind: 'transition', toState: 'closed', note: r.closure_reason }
          : null,
      ),
    );
  },

  /** One open case per PPKS category: two persons with open cases of the same one are not merged. */
  async checkMerge(db, keepId, goneId) {
    const gone = await db
      .selectFrom('cases as c')
      .innerJoin('case_ppks as cp', 'cp.case_id', 'c.id')
      .select(['c.number', 'cp.ppks'])
      .where('c.person_id', '=', goneId)
      .where('c.state', 'in', OPEN_CASE_STATES)
      .execute();
    const clash = await openCaseSharing(
      db,
      [keepId],
      gone.map((g) => g.ppks),
      null,
    );
    if (clash) {
      const other = gone.find((g) => g.ppks === clash.ppks);
      throw fieldError(['mergeId'], 'case.merge_open_same_ppks', {
        numbers: `${clash.number}, ${other?.number ?? ''}`,
      });
    }
  },

  async merge(ctx, keepId, goneId) {
    return { cases: await movePersonRows(ctx, 'cases', keepId, goneId, 'case') };
  },

  /** The person's cases with their timeline; sensitive notes' text stays out (UU PDP: third parties). */
  async export(db, personId) {
    const cases = await db
      .selectFrom('cases')
      .selectAll()
      .where('person_id', '=', personId)
      .orderBy('opened_at')
      .execute();
    const ids = cases.map((c) => c.id);
    const [ppks, events, services, referrals, notes, attachments] = await Promise.all([
      rowsIn(db, 'case_ppks', 'case_id', ids, 'position'),
      rowsIn(db, 'case_events', 'case_id', ids, 'at'),
      rowsIn(db, 'case_services', 'case_id', ids, 'delivered_on'),
      rowsIn(db, 'case_referrals', 'case_id', ids, 'sent_at'),
      rowsIn(db, 'case_notes', 'case_id', ids, 'at'),
      rowsIn(db, 'case_attachments', 'case_id', ids, 'created_at'),
    ]);
    const of = <T extends { case_id: string }>(rows: T[], id: string) =>
      rows.filter((r) => r.case_id === id);
    return {
      cases: cases.map((c) => ({
        ...c,
        ppks: of(ppks, c.id).map((p) => p.ppks),
        events: of(events, c.id),
        services: of(services, c.id),
        referrals: of(referrals, c.id),
        notes: of(notes, c.id).map((n) => (n.sensitive === 1 ? { ...n, text: HIDDEN } : n)),
        attachments: of(attachments, c.id),
      })),
    };
  },
};
