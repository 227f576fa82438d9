/**
 * Applying a staged packet, in the call's one transaction: accepted persons are created (or
 * linked to the person chosen here), their records follow them, newer versions of records the
 * sender created here update them, older ones never overwrite, and the sender's deletions and
 * merges touch only records that came from that sender. Each applied record keeps its
 * provenance (office, source id, version); every write is audited by the tracked helpers.
 */
import type { Selectable } from 'kysely';
import type { DB } from '../db/schema';
import type { ExchangeStagedTable } from '../db/tables/packets';
import { insertRows } from '../db/bulk';
import { loadForChange, updateVersioned } from '../db/tracked';
import type { Ctx } from '../dispatch/context';
import { AppError } from '../errors';
import { personHandlers } from '../persons/handlers';
import type { Manifest } from './container';
import { stagedInbox } from './inbox';
import { provenanceOf } from './open';
import { recordType, PERSONS, type NewRecord, type RecordModule, type Source } from './recordTypes';

type StagedRow = Selectable<ExchangeStagedTable>;

export async function applyPacket(ctx: Ctx, packetId: string): Promise<Record<string, number>> {
  const inbox = await stagedInbox(ctx.db, packetId);
  const manifest = JSON.parse(inbox.manifest) as Manifest;
  const office = manifest.sender.code;
  const source: Source = { office, officeName: manifest.sender.name, packetId };
  const pending = await ctx.db
    .selectFrom('exchange_staged')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('packet_id', '=', packetId)
    .where('decision', '=', 'pending')
    .executeTakeFirstOrThrow();
  if (Number(pending.n) > 0)
    throw new AppError('CONFLICT', 'packets.pending_left', { count: Number(pending.n) });

  const summary: Record<string, number> = {};
  const bump = (k: string) => (summary[k] = (summary[k] ?? 0) + 1);
  // Local person of each source person: known before, or made or linked in this call.
  const personHere = new Map<string, string>();
  const provenance: DB['exchange_provenance'][] = [];
  const keep = (r: StagedRow, localId: string, how: 'created' | 'linked') =>
    provenance.push({
      source_office: office,
      record_type: r.record_type,
      source_id: r.source_id,
      source_version: r.source_version,
      local_id: localId,
      how,
      packet_id: packetId,
    });

  // New records are created in batches of one type: a batch is written before anything that
  // could depend on it (another type, an update, a deletion or merge), so the order of effects
  // is the packet's order.
  let batch: { r: StagedRow; item: NewRecord }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const type = batch[0]!.r.record_type;
    const module = recordType(type)!;
    const items = batch.map((b) => b.item);
    const ids = module.insertMany
      ? await module.insertMany(ctx, items, source)
      : await insertEach(ctx, module, items, source);
    batch.forEach(({ r }, i) => {
      if (type === PERSONS) personHere.set(r.source_id, ids[i]!);
      keep(r, ids[i]!, 'created');
    });
    batch = [];
  };
  const create = async (r: StagedRow, item: NewRecord) => {
    if (batch.length >= BATCH) await flush();
    batch.push({ r, item });
    bump('created');
  };
  // The staged rows a page at a time, in the packet's order.
  for (let last = 0; ;) {
    const rows = await ctx.db
      .selectFrom('exchange_staged')
      .selectAll()
      .where('packet_id', '=', packetId)
      .where('n', '>', last)
      .orderBy('n')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    last = rows.at(-1)!.n;
    const how = await provenanceHow(ctx, office, rows);
    for (const r of rows) {
      if (batch.length > 0 && r.record_type !== batch[0]!.r.record_type) await flush();
      const module = recordType(r.record_type);
      if (r.action === 'deleted' || r.action === 'merged') {
        await flush();
        await applySide(ctx, r, how, office, source);
        bump(r.action);
        continue;
      }
      if (!module) continue;
      const record = module.schema.parse(JSON.parse(r.data));
      if (r.action === 'unchanged' || r.action === 'older') {
        if (r.record_type === PERSONS && r.local_id) personHere.set(r.source_id, r.local_id);
        bump(r.action);
        continue;
      }
      if (r.action === 'updated') {
        await flush();
        if (r.record_type === PERSONS) personHere.set(r.source_id, r.local_id!);
        // A record linked to one of ours stays ours: only the version seen moves on.
        if (how.get(key(r.record_type, r.source_id)) === 'created')
          await module.update(ctx, r.local_id!, record, source);
        keep(r, r.local_id!, how.get(key(r.record_type, r.source_id)) ?? 'created');
        bump('updated');
        continue;
      }
      // new / conflict
      if (r.decision === 'reject') {
        bump('rejected');
        continue;
      }
      if (r.record_type === PERSONS) {
        if (r.decision === 'link') {
          personHere.set(r.source_id, r.link_id!);
          keep(r, r.link_id!, 'linked');
          bump('linked');
        } else await create(r, { record, personId: '' });
        continue;
      }
      const personId =
        personHere.get(r.parent_id ?? '') ?? (await knownPerson(ctx, office, r.parent_id));
      if (!personId && !module.personOptional) {
        bump('skipped'); // its person was rejected here
        continue;
      }
      await create(r, { record, personId: personId ?? null });
    }
    // The page's audit entries join the trail now (same transaction): a large packet never
    // holds all of them at once.
    await ctx.flushAudit?.();
  }
  await flush();
  await insertRows(
    ctx.db,
    'exchange_provenance',
    provenance,
    `ON CONFLICT (source_office, record_type, source_id) DO UPDATE SET
      source_version = excluded.source_version, local_id = excluded.local_id,
      packet_id = excluded.packet_id`,
  );
  await updateVersioned(
    ctx,
    'exchange_inbox',
    inbox,
    { status: 'applied', applied_summary: JSON.stringify(summary) },
    { recordType: 'exchange_inbox' },
  );
  return summary;
}

const key = (type: string, id: string) => `${type}\u0000${id}`;

/** Records per multi-row write: large enough to share the statements, small enough to hold. */
const BATCH = 5000;

async function insertEach(
  ctx: Ctx,
  module: RecordModule,
  items: readonly NewRecord[],
  source: Source,
): Promise<string[]> {
  const ids: string[] = [];
  for (const { record, personId } of items)
    ids.push(await module.insert(ctx, record, personId, source));
  return ids;
}

/** How each record this packet names came here before: created from the sender, or linked. */
async function provenanceHow(ctx: Ctx, office: string, rows: StagedRow[]) {
  const out = new Map<string, 'created' | 'linked'>();
  const byType = new Map<string, string[]>();
  for (const r of rows)
    if (r.local_id) byType.set(r.record_type, [...(byType.get(r.record_type) ?? []), r.source_id]);
  for (const [type, ids] of byType)
    for (const [id, p] of await provenanceOf(ctx.db, office, type, ids))
      out.set(key(type, id), p.how);
  return out;
}

async function knownPerson(ctx: Ctx, office: string, sourceId: string | null) {
  if (!sourceId) return undefined;
  const row = await ctx.db
    .selectFrom('exchange_provenance')
    .select('local_id')
    .where('source_office', '=', office)
    .where('record_type', '=', PERSONS)
    .where('source_id', '=', sourceId)
    .executeTakeFirst();
  return row?.local_id;
}

/** A deletion or merge: staged as such only when the record came from this sender. */
async function applySide(
  ctx: Ctx,
  r: StagedRow,
  how: Map<string, 'created' | 'linked'>,
  office: string,
  source: Source,
) {
  if (how.get(key(r.record_type, r.source_id)) !== 'created') return;
  if (r.action === 'deleted') {
    await recordType(r.record_type)?.remove?.(ctx, r.local_id!);
    await ctx.db
      .deleteFrom('exchange_provenance')
      .where('source_office', '=', office)
      .where('record_type', '=', r.record_type)
      .where('source_id', '=', r.source_id)
      .execute();
    return;
  }
  // A merge: both records must have come from the sender, and both still be here.
  const keepHere = await ctx.db
    .selectFrom('exchange_provenance')
    .select(['local_id', 'how'])
    .where('source_office', '=', office)
    .where('record_type', '=', PERSONS)
    .where('source_id', '=', r.parent_id!)
    .executeTakeFirst();
  if (!keepHere || keepHere.how !== 'created' || keepHere.local_id === r.local_id) return;
  const keepRow = await loadForChange(ctx.db, 'persons', keepHere.local_id);
  const goneRow = await loadForChange(ctx.db, 'persons', r.local_id!);
  if (keepRow.merged_into || goneRow.merged_into) return;
  await personHandlers['persons.merge'](
    {
      keepId: keepRow.id,
      keepVersion: keepRow.version as unknown as number,
      mergeId: goneRow.id,
      mergeVersion: goneRow.version as unknown as number,
      reason: `Digabung oleh ${source.officeName} (paket ${source.packetId})`,
    },
    ctx,
  );
}
