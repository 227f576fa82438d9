/**
 * The inbox: packets opened here, their staged records with the likely matches in this office's
 * registry, and the human decisions on each incoming person (accept as new, link to an existing
 * person, reject with a reason). Nothing here touches live data; apply.ts does, in one go.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { InboxEntry, StagedPerson } from '../../../shared/contract/packets';
import type { PersonSummary } from '../../../shared/contract/persons';
import { STAGED_ACTIONS } from '../../../shared/reference/packets';
import type { DB } from '../db/schema';
import type { ExchangeInboxTable, ExchangeStagedTable } from '../db/tables/packets';
import { findRow } from '../db/lookup';
import type { Ctx } from '../dispatch/context';
import { AppError, fieldError } from '../errors';
import { findMatches, kyselyReader, recordOf } from '../persons/duplicates';
import { loadSummaries } from '../persons/store';
import { regionRefs } from '../regions/refs';
import type { Manifest } from './container';
import { missingSequences } from './partners';
import { PERSONS } from './recordTypes';
import type { PersonRecord } from './types/persons';

type InboxRow = Selectable<ExchangeInboxTable>;
type StagedRow = Selectable<ExchangeStagedTable>;

export async function loadInbox(db: Kysely<DB>, packetId: string): Promise<InboxRow> {
  const row = await db
    .selectFrom('exchange_inbox')
    .selectAll()
    .where('id', '=', packetId)
    .executeTakeFirst();
  if (!row) throw fieldError(['packetId'], 'error.not_found');
  return row;
}

export async function inboxEntry(db: Kysely<DB>, row: InboxRow): Promise<InboxEntry> {
  const m = JSON.parse(row.manifest) as Manifest;
  const counts = Object.fromEntries(STAGED_ACTIONS.map((a) => [a, 0])) as InboxEntry['counts'];
  const grouped = await db
    .selectFrom('exchange_staged')
    .select(['action', (eb) => eb.fn.countAll<number>().as('n')])
    .where('packet_id', '=', row.id)
    .groupBy('action')
    .execute();
  for (const g of grouped) counts[g.action] = Number(g.n);
  const pending = await db
    .selectFrom('exchange_staged')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('packet_id', '=', row.id)
    .where('decision', '=', 'pending')
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    partnerName: m.sender.name,
    partnerCode: m.sender.code,
    kind: row.kind,
    sequence: row.sequence,
    status: row.status,
    purpose: m.purpose,
    legalBasis: m.legalBasis,
    sentAt: m.createdAt,
    sentBy: m.createdBy,
    receivedAt: row.created_at,
    counts,
    pending: Number(pending.n),
    missing: await missingSequences(db, row.partner_id),
  };
}

/** Likely matches of an incoming person here: the same NIK first, then the duplicate finder's. */
export async function matchesOf(db: Kysely<DB>, r: PersonRecord) {
  const probe = recordOf({
    rowid: 0,
    id: '',
    full_name: r.fullName,
    aliases: JSON.stringify(r.aliases),
    nik: r.nik,
    sex: r.sex,
    birth_date: r.birthDate,
    birth_year: r.birthYear,
    birth_date_estimated: r.birthDateEstimated ? 1 : 0,
    origin_code: r.originCode,
    mother_name: r.motherName,
  });
  const found = (await findMatches(kyselyReader(db), probe)).slice(0, 5);
  return found.map((m) => ({
    id: m.row.id,
    level: r.nik && m.row.nik === r.nik ? ('same_nik' as const) : m.result.level,
    score: m.result.score,
  }));
}

export async function stagedPersons(db: Kysely<DB>, packetId: string, page: number, size: number) {
  const base = db
    .selectFrom('exchange_staged')
    .where('packet_id', '=', packetId)
    .where('record_type', '=', PERSONS);
  const total = await base
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    // Those waiting for a decision first, then in the packet's order.
    .orderBy(sql`decision = 'pending'`, 'desc')
    .orderBy('n')
    .limit(size)
    .offset((page - 1) * size)
    .execute();
  const stays = await sql<{ parent_id: string; n: number }>`SELECT parent_id, count(*) AS n
    FROM exchange_staged WHERE packet_id = ${packetId} AND record_type <> ${PERSONS}
      AND parent_id IN (SELECT value FROM json_each(${JSON.stringify(rows.map((r) => r.source_id))}))
    GROUP BY parent_id`.execute(db);
  const stayCount = new Map(stays.rows.map((s) => [s.parent_id, Number(s.n)]));
  const records = rows.map((r) => JSON.parse(r.data) as PersonRecord);
  const matchLists = await Promise.all(
    rows.map((r, i) =>
      r.action === 'new' || r.action === 'conflict' ? matchesOf(db, records[i]!) : [],
    ),
  );
  const summaries = new Map<string, PersonSummary>(
    (await loadSummaries(db, [...new Set(matchLists.flat().map((m) => m.id))])).map((s) => [
      s.id,
      s,
    ]),
  );
  const refs = await regionRefs(
    db,
    records.map((r) => r.originCode),
  );
  const out: StagedPerson[] = rows.map((r, i) => {
    const rec = records[i]!;
    return {
      n: r.n,
      sourceId: r.source_id,
      action: r.action,
      decision: r.decision as StagedPerson['decision'],
      linkId: r.link_id,
      reason: r.reason,
      fullName: rec.fullName,
      nik: rec.nik,
      sex: rec.sex,
      birthDate: rec.birthDate,
      birthYear: rec.birthYear,
      originCode: rec.originCode,
      originName: (rec.originCode && refs.get(rec.originCode)?.path) || null,
      stays: stayCount.get(r.source_id) ?? 0,
      localId: r.local_id,
      matches: matchLists[i]!.flatMap((m) => {
        const person = summaries.get(m.id);
        return person ? [{ person, level: m.level, score: m.score }] : [];
      }),
    };
  });
  return { rows: out, total: Number(total.n) };
}

/** A packet whose decisions may still change. */
export async function stagedInbox(db: Kysely<DB>, packetId: string): Promise<InboxRow> {
  const row = await loadInbox(db, packetId);
  if (row.status !== 'staged') throw new AppError('CONFLICT', 'packets.already_applied');
  return row;
}

type Decision =
  | { n: number; decision: 'accept' }
  | { n: number; decision: 'link'; linkId: string }
  | { n: number; decision: 'reject'; reason: string };

export async function decide(ctx: Ctx, packetId: string, decisions: Decision[]): Promise<void> {
  await stagedInbox(ctx.db, packetId);
  for (const [i, d] of decisions.entries()) {
    const row = await ctx.db
      .selectFrom('exchange_staged')
      .selectAll()
      .where('packet_id', '=', packetId)
      .where('n', '=', d.n)
      .executeTakeFirst();
    if (!row || row.record_type !== PERSONS || (row.action !== 'new' && row.action !== 'conflict'))
      throw fieldError(['decisions', i, 'n'], 'packets.not_decidable');
    if (d.decision === 'accept' && row.action === 'conflict')
      throw fieldError(['decisions', i, 'decision'], 'packets.nik_taken_link');
    if (d.decision === 'link') {
      const person = await findRow(ctx.db, 'persons', { id: d.linkId });
      if (!person) throw fieldError(['decisions', i, 'linkId'], 'error.not_found');
      if (person.merged_into) throw fieldError(['decisions', i, 'linkId'], 'person.merged');
    }
    await setDecision(ctx.db, row, d);
  }
  ctx.audit({
    recordType: 'exchange_inbox',
    recordId: packetId,
    note: decisions.map((d) => `${d.n}:${d.decision}`).join(' '),
  });
}

function setDecision(db: Kysely<DB>, row: StagedRow, d: Decision) {
  return db
    .updateTable('exchange_staged')
    .set({
      decision: d.decision,
      link_id: d.decision === 'link' ? d.linkId : null,
      reason: d.decision === 'reject' ? d.reason : null,
    })
    .where('packet_id', '=', row.packet_id)
    .where('n', '=', row.n)
    .execute();
}

/** Bulk: accept every undecided new person with no match here, or reject every undecided one. */
export async function decideAll(
  ctx: Ctx,
  packetId: string,
  d: { decision: 'accept' } | { decision: 'reject'; reason: string },
): Promise<number> {
  await stagedInbox(ctx.db, packetId);
  const pending = await ctx.db
    .selectFrom('exchange_staged')
    .selectAll()
    .where('packet_id', '=', packetId)
    .where('record_type', '=', PERSONS)
    .where('decision', '=', 'pending')
    .execute();
  let changed = 0;
  for (const row of pending) {
    if (d.decision === 'accept') {
      if (row.action !== 'new') continue;
      if ((await matchesOf(ctx.db, JSON.parse(row.data) as PersonRecord)).length > 0) continue;
      await setDecision(ctx.db, row, { n: row.n, decision: 'accept' });
    } else await setDecision(ctx.db, row, { n: row.n, decision: 'reject', reason: d.reason });
    changed++;
  }
  ctx.audit({
    recordType: 'exchange_inbox',
    recordId: packetId,
    note: `all ${d.decision}: ${changed}`,
  });
  return changed;
}
