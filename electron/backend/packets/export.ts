/**
 * Export: which persons go to a partner office (origin in its area, or chosen by hand), which of
 * them the legal basis lets go (consent), which of their records are new or changed for that
 * partner, then the packet itself and the outbox register (UU PDP: who went to whom, when, by
 * whom).
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { ParsedInput } from '../../../shared/contract';
import type { LegalBasis } from '../../../shared/reference/packets';
import type { DB } from '../db/schema';
import type { ExchangePartnersTable } from '../db/tables/packets';
import { insertRows } from '../db/bulk';
import { insertTracked, loadForChange, updateBookkeeping } from '../db/tracked';
import { requireUser, type Ctx } from '../dispatch/context';
import { AppError, fieldError } from '../errors';
import { offerFile } from '../files/generated';
import { currentKey, openKey } from '../keys/exchangeKeys';
import { uuidv7 } from '../lib/ids';
import { sealPacket } from './container';
import { officeFacts } from './partners';
import { PERSONS, recordTypes, type PacketRecord } from './recordTypes';

type Selection = ParsedInput<'packets.exportPreview'>;
type PartnerRow = Selectable<ExchangePartnersTable>;

export interface LeftOut {
  personId: string;
  fullName: string;
  reason: 'no_consent' | 'refused';
}

/** Whom the legal basis lets go: consent sends only those who agreed; the others all but refusals. */
function allowed(basis: LegalBasis, consent: string | null): LeftOut['reason'] | null {
  if (consent === 'refused') return 'refused';
  if (basis === 'consent' && consent !== 'given') return 'no_consent';
  return null;
}

export async function loadPartnerFor(db: Kysely<DB>, partnerId: string): Promise<PartnerRow> {
  const p = await db
    .selectFrom('exchange_partners')
    .selectAll()
    .where('id', '=', partnerId)
    .executeTakeFirst();
  if (!p) throw fieldError(['partnerId'], 'error.not_found');
  if (p.status === 'blocked') throw fieldError(['partnerId'], 'packets.partner_blocked');
  return p;
}

/** The persons chosen, before consent. */
async function chosenPersons(db: Kysely<DB>, sel: Selection, partner: PartnerRow) {
  const area = partner.office_code;
  const rows = await sql<{ id: string; full_name: string; consent: string | null }>`
    SELECT p.id, p.full_name, c.consent FROM persons p
    LEFT JOIN exchange_consents c ON c.person_id = p.id
    WHERE p.merged_into IS NULL
      AND ${
        sel.choose === 'hand'
          ? sql`p.id IN (SELECT value FROM json_each(${JSON.stringify(sel.personIds)}))`
          : sql`(p.origin_code = ${area} OR p.origin_code LIKE ${area + '.%'})`
      }
      AND (${sel.from === null && sel.to === null ? 1 : 0}
        OR (p.updated_at >= ${sel.from ?? '0000'} AND p.updated_at < date(${sel.to ?? '9999-12-31'}, '+1 day'))
        OR EXISTS (SELECT 1 FROM stays s WHERE s.person_id = p.id
          AND s.checkin_at < date(${sel.to ?? '9999-12-31'}, '+1 day')
          AND (s.checkout_at IS NULL OR s.checkout_at >= ${sel.from ?? '0000'})))
    ORDER BY p.created_at`.execute(db);
  return rows.rows;
}

/** Persons record types send on their own account (a finding's person), after the chosen ones. */
async function addBrought(
  db: Kysely<DB>,
  chosen: { id: string; full_name: string; consent: string | null }[],
  period: { from: string | null; to: string | null },
) {
  const have = new Set(chosen.map((p) => p.id));
  const extra: string[] = [];
  for (const m of recordTypes()) {
    if (!m.brings || (m.sends && !(await m.sends(db)))) continue;
    for (const id of await m.brings(db, period))
      if (!have.has(id)) {
        have.add(id);
        extra.push(id);
      }
  }
  if (extra.length === 0) return;
  const rows = await sql<{ id: string; full_name: string; consent: string | null }>`
    SELECT p.id, p.full_name, c.consent FROM persons p
    LEFT JOIN exchange_consents c ON c.person_id = p.id
    WHERE p.merged_into IS NULL AND p.id IN (SELECT value FROM json_each(${JSON.stringify(extra)}))
    ORDER BY p.created_at`.execute(db);
  chosen.push(...rows.rows);
}

/** What each record type would send, after consent and (for `changes`) what was sent before. */
async function plan(db: Kysely<DB>, sel: Selection, partner: PartnerRow) {
  const chosen = await chosenPersons(db, sel, partner);
  await addBrought(db, chosen, { from: sel.from, to: sel.to });
  const leftOut: LeftOut[] = [];
  const ids: string[] = [];
  for (const p of chosen) {
    const reason = allowed(sel.legalBasis, p.consent);
    if (reason) leftOut.push({ personId: p.id, fullName: p.full_name, reason });
    else ids.push(p.id);
  }
  // What this partner already has, newest version per record.
  const sentRows = await sql<{
    record_type: string;
    record_id: string;
    v: number;
    person_id: string | null;
  }>`
    SELECT r.record_type, r.record_id, max(r.record_version) AS v, r.person_id
    FROM exchange_outbox_records r JOIN exchange_outbox o ON o.id = r.packet_id
    WHERE o.partner_id = ${partner.id} GROUP BY r.record_type, r.record_id`.execute(db);
  const sent = new Map(sentRows.rows.map((r) => [`${r.record_type}\u0000${r.record_id}`, r]));

  // Persons sent before and merged here since: the sender's merge travels (and the survivor).
  const merges: { recordType: string; goneId: string; keepId: string; personId: string }[] = [];
  const sentPersons = sentRows.rows.filter((r) => r.record_type === PERSONS);
  if (sentPersons.length > 0) {
    const merged = await sql<{ id: string; keep: string }>`
      WITH RECURSIVE chain(id, keep) AS (
        SELECT p.id, p.merged_into FROM persons p
        WHERE p.merged_into IS NOT NULL
          AND p.id IN (SELECT value FROM json_each(${JSON.stringify(sentPersons.map((r) => r.record_id))}))
        UNION ALL SELECT chain.id, p.merged_into FROM chain JOIN persons p ON p.id = chain.keep
          WHERE p.merged_into IS NOT NULL)
      SELECT id, keep FROM chain c WHERE NOT EXISTS (
        SELECT 1 FROM persons p WHERE p.id = c.keep AND p.merged_into IS NOT NULL)`.execute(db);
    for (const m of merged.rows) {
      if (sent.has(`${PERSONS}.merge\u0000${m.id}`)) continue;
      merges.push({ recordType: PERSONS, goneId: m.id, keepId: m.keep, personId: m.keep });
      if (!ids.includes(m.keep) && !leftOut.some((l) => l.personId === m.keep)) ids.push(m.keep);
    }
  }

  const records = new Map<string, { record: PacketRecord; personId: string | null }[]>();
  const deletions: { recordType: string; id: string; personId: string | null }[] = [];
  for (const m of recordTypes()) {
    if (m.sends && !(await m.sends(db))) continue;
    const all = await m.collect(db, ids, { from: sel.from, to: sel.to });
    const out: { record: PacketRecord; personId: string | null }[] = [];
    for (const r of all) {
      const personId = m.type === PERSONS ? r.id : m.personOf(r);
      const before = sent.get(`${m.type}\u0000${r.id}`);
      if (sel.mode === 'changes' && before && before.v >= r.version) continue;
      out.push({ record: r, personId });
    }
    records.set(m.type, out);
    if (m.missing) {
      const earlier = sentRows.rows.filter((r) => r.record_type === m.type);
      const gone = new Set(
        await m.missing(
          db,
          earlier.map((r) => r.record_id),
        ),
      );
      for (const r of earlier)
        if (gone.has(r.record_id) && !sent.has(`${m.type}.deleted\u0000${r.record_id}`))
          deletions.push({ recordType: m.type, id: r.record_id, personId: r.person_id });
    }
  }
  return { records, leftOut, merges, deletions };
}

function countsOf(records: Map<string, unknown[]>) {
  return Object.fromEntries([...records].map(([type, list]) => [type, list.length]));
}

export async function previewExport(ctx: Ctx, sel: Selection) {
  const partner = await loadPartnerFor(ctx.db, sel.partnerId);
  const p = await plan(ctx.db, sel, partner);
  return {
    counts: countsOf(p.records),
    deletions: p.deletions.length,
    merges: p.merges.length,
    sampleIds: (p.records.get(PERSONS) ?? []).slice(0, 10).map((r) => r.record.id),
    leftOut: p.leftOut.slice(0, 100),
    leftOutTotal: p.leftOut.length,
    sequence: partner.next_sequence as unknown as number,
  };
}

/** Rows of the outbox register, in multi-row statements. */
async function register(
  db: Kysely<DB>,
  rows: {
    packet_id: string;
    record_type: string;
    record_id: string;
    record_version: number;
    person_id: string | null;
  }[],
) {
  await insertRows(db, 'exchange_outbox_records', rows);
}

/** Builds the packet, registers it in the outbox and offers the file. */
export async function exportPacket(
  ctx: Ctx,
  sel: Selection & { purpose: string },
): Promise<{ fileId: string; packetId: string; sequence: number; counts: Record<string, number> }> {
  const user = requireUser(ctx);
  const partnerRow = await loadPartnerFor(ctx.db, sel.partnerId);
  const key = await currentKey(ctx.db);
  if (!key) throw new AppError('CONFLICT', 'packets.no_keys');
  const open = openKey(ctx, key);
  const p = await plan(ctx.db, sel, partnerRow);
  const total = [...p.records.values()].reduce((n, l) => n + l.length, 0);
  if (total + p.deletions.length + p.merges.length === 0)
    throw new AppError('CONFLICT', 'packets.nothing_to_send');

  const own = await officeFacts(ctx.db);
  const packetId = uuidv7(ctx.now.getTime());
  const sequence = partnerRow.next_sequence as unknown as number;
  const { bytes, manifest } = await sealPacket({
    manifest: {
      kind: 'data',
      packetId,
      sequence,
      sender: { code: own.officeCode, name: own.officeName, fingerprint: key.fingerprint },
      recipient: {
        code: partnerRow.office_code,
        name: partnerRow.office_name,
        fingerprint: partnerRow.fingerprint,
      },
      createdAt: ctx.nowIso,
      createdBy: `${user.fullName} (${user.username})`,
      purpose: sel.purpose,
      legalBasis: sel.legalBasis,
      mode: sel.mode,
      period: { from: sel.from, to: sel.to },
      deletions: p.deletions.map((d) => ({ recordType: d.recordType, id: d.id })),
      merges: p.merges.map((m) => ({
        recordType: m.recordType,
        goneId: m.goneId,
        keepId: m.keepId,
      })),
      acknowledges: null,
    },
    files: [...p.records].map(([recordType, list]) => ({
      recordType,
      lines: list.map((r) => JSON.stringify(r.record)),
    })),
    signKey: open.signKey,
    signPublic: key.sign_public,
    recipients: [partnerRow.age_recipient, key.age_recipient],
  });
  const counts = {
    ...countsOf(p.records),
    deletions: p.deletions.length,
    merges: p.merges.length,
    leftOut: p.leftOut.length,
  };
  await insertTracked(
    ctx,
    'exchange_outbox',
    {
      id: packetId,
      partner_id: partnerRow.id,
      kind: 'data',
      sequence,
      purpose: sel.purpose,
      legal_basis: sel.legalBasis,
      mode: sel.mode,
      period_from: sel.from,
      period_to: sel.to,
      counts: JSON.stringify(counts),
      sha256: manifest.files.map((f) => f.sha256).join(','),
      acknowledged_at: null,
      ack_summary: null,
    },
    { recordType: 'exchange_packet' },
  );
  await register(ctx.db, [
    ...[...p.records].flatMap(([type, list]) =>
      list.map((r) => ({
        packet_id: packetId,
        record_type: type,
        record_id: r.record.id,
        record_version: r.record.version,
        person_id: r.personId,
      })),
    ),
    ...p.deletions.map((d) => ({
      packet_id: packetId,
      record_type: `${d.recordType}.deleted`,
      record_id: d.id,
      record_version: 0,
      person_id: d.personId,
    })),
    ...p.merges.map((m) => ({
      packet_id: packetId,
      record_type: `${m.recordType}.merge`,
      record_id: m.goneId,
      record_version: 0,
      person_id: m.personId,
    })),
  ]);
  await nextSequence(ctx, partnerRow.id);
  const fileId = await offerFile(ctx, {
    bytes,
    name: `Paket ${own.officeCode} ke ${partnerRow.office_code} no ${sequence}.pelita`,
    type: 'application/vnd.pelita.packet',
  });
  return { fileId, packetId, sequence, counts: countsOf(p.records) };
}

/** The partner's next packet number: a counter, not an edit of the partner. */
export async function nextSequence(ctx: Ctx, partnerId: string): Promise<void> {
  const row = await loadForChange(ctx.db, 'exchange_partners', partnerId);
  await updateBookkeeping(
    ctx,
    'exchange_partners',
    row,
    { next_sequence: (row.next_sequence as unknown as number) + 1 },
    { recordType: 'exchange_partner' },
  );
}
