/**
 * Opening a packet: decrypt with this office's keys, check the sender against its pinned card
 * (known, not blocked, signature), that this office is the recipient, every file's hash and
 * count, the format version and each record's schema; then stage the records. Any failure is a
 * refusal naming what was wrong, and nothing is staged (the call's transaction rolls back; the
 * refusal is recorded in the audit by dispatch).
 */
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { insertRows } from '../db/bulk';
import type { DB } from '../db/schema';
import type { ExchangePartnersTable, ExchangeStagedTable } from '../db/tables/packets';
import { findRow } from '../db/lookup';
import type { Ctx } from '../dispatch/context';
import { listKeys, openKey } from '../keys/exchangeKeys';
import {
  checkContents,
  decryptPacket,
  ndjsonLines,
  refuse,
  unpackPacket,
  type Manifest,
  type OpenedPacket,
} from './container';
import { officeFacts } from './partners';
import { recordType, PERSONS, type PacketRecord } from './recordTypes';

type PartnerRow = Selectable<ExchangePartnersTable>;

export const ACKS = 'acks';

export interface VerifiedPacket {
  manifest: Manifest;
  partner: PartnerRow;
  /** Records per type, parsed with the type's schema (data packets). */
  records: { type: string; records: PacketRecord[] }[];
  /** The acknowledgement's lines (ack packets). */
  acks: AckLine[];
}

export interface AckLine {
  recordType: string;
  id: string;
  decision: 'accepted' | 'linked' | 'rejected' | 'unchanged';
  reason: string | null;
}

/** Everything short of writing: returns the verified packet or throws a refusal. */
export async function verifyPacket(ctx: Ctx, bytes: Uint8Array): Promise<VerifiedPacket> {
  const keys = await listKeys(ctx.db);
  if (keys.length === 0) throw refuse('packets.no_keys');
  const identities = keys.map((k) => openKey(ctx, k).ageIdentity);
  return verifyContents(ctx, unpackPacket(await decryptPacket(bytes, identities)));
}

/** The checks after decryption: sender, signature, recipient, files, records. */
export async function verifyContents(ctx: Ctx, opened: OpenedPacket): Promise<VerifiedPacket> {
  const keys = await listKeys(ctx.db);
  const m = opened.manifest;
  const partner = await findRow(ctx.db, 'exchange_partners', { office_code: m.sender.code });
  if (!partner || partner.fingerprint !== m.sender.fingerprint)
    throw refuse('packets.bad.unknown_sender', { code: m.sender.code, name: m.sender.name });
  if (partner.status === 'blocked')
    throw refuse('packets.bad.blocked_sender', { name: partner.office_name });
  checkContents(opened, partner.sign_public);
  const own = await officeFacts(ctx.db);
  if (
    m.recipient.code !== own.officeCode ||
    !keys.some((k) => k.fingerprint === m.recipient.fingerprint)
  )
    throw refuse('packets.bad.wrong_recipient', { code: m.recipient.code, name: m.recipient.name });
  const read = readRecords(opened);
  for (const { type, records } of read.records)
    await recordType(type)!.check?.(ctx.db, records, m.sender);
  return { manifest: m, partner, ...read };
}

function readRecords(opened: OpenedPacket): Pick<VerifiedPacket, 'records' | 'acks'> {
  const m = opened.manifest;
  const records: VerifiedPacket['records'] = [];
  const acks: AckLine[] = [];
  const seen = new Set<string>();
  for (const f of m.files) {
    if (seen.has(f.recordType)) throw refuse('packets.bad.manifest');
    seen.add(f.recordType);
    const bytes = opened.files[f.name]!;
    let count = 0;
    if (m.kind === 'ack') {
      if (f.recordType !== ACKS) throw refuse('packets.bad.record_type', { type: f.recordType });
      for (const raw of ndjsonLines(bytes, f.name)) {
        count++;
        acks.push(parseAck(raw, f.name, count));
      }
    } else {
      const module = recordType(f.recordType);
      if (!module) throw refuse('packets.bad.record_type', { type: f.recordType });
      const list: PacketRecord[] = [];
      for (const raw of ndjsonLines(bytes, f.name)) {
        count++;
        const parsed = module.schema.safeParse(raw);
        if (!parsed.success)
          throw refuse('packets.bad.record', {
            name: f.name,
            line: count,
            field: parsed.error.issues[0]?.path.join('.') || '-',
          });
        list.push(parsed.data);
      }
      records.push({ type: f.recordType, records: list });
    }
    if (count !== f.records) throw refuse('packets.bad.count', { name: f.name });
  }
  // Persons first: every other record hangs on one.
  records.sort((a, b) => (a.type === PERSONS ? -1 : b.type === PERSONS ? 1 : 0));
  for (const d of m.deletions)
    if (!recordType(d.recordType)?.remove)
      throw refuse('packets.bad.record_type', { type: d.recordType });
  for (const g of m.merges)
    if (g.recordType !== PERSONS) throw refuse('packets.bad.record_type', { type: g.recordType });
  return { records, acks };
}

const ACK_DECISIONS = new Set(['accepted', 'linked', 'rejected', 'unchanged']);
function parseAck(raw: unknown, name: string, line: number): AckLine {
  const r = raw as Partial<AckLine> | null;
  const ok =
    r !== null &&
    typeof r === 'object' &&
    typeof r.recordType === 'string' &&
    typeof r.id === 'string' &&
    r.id.length <= 64 &&
    ACK_DECISIONS.has(r.decision as string) &&
    (r.reason === null || (typeof r.reason === 'string' && r.reason.length <= 300)) &&
    Object.keys(r).length === 4;
  if (!ok) throw refuse('packets.bad.record', { name, line, field: '-' });
  return r as AckLine;
}

type Prov = { source_version: number; local_id: string; how: 'created' | 'linked' };

/** Provenance of the sender's records here, by type and source id. */
export async function provenanceOf(
  db: Kysely<DB>,
  office: string,
  type: string,
  ids: string[],
): Promise<Map<string, Prov>> {
  const out = new Map<string, Prov>();
  for (let i = 0; i < ids.length; i += 20000) {
    const rows = await sql<Prov & { source_id: string }>`
      SELECT source_id, source_version, local_id, how FROM exchange_provenance
      WHERE source_office = ${office} AND record_type = ${type}
        AND source_id IN (SELECT value FROM json_each(${JSON.stringify(ids.slice(i, i + 20000))}))`.execute(
      db,
    );
    for (const r of rows.rows) out.set(r.source_id, r);
  }
  return out;
}

/** Local persons already holding these NIKs (a new person with one must be linked or rejected). */
async function takenNiks(db: Kysely<DB>, niks: string[]): Promise<Set<string>> {
  if (niks.length === 0) return new Set();
  const rows = await sql<{ nik: string }>`SELECT nik FROM persons WHERE merged_into IS NULL
    AND nik IN (SELECT value FROM json_each(${JSON.stringify(niks)}))`.execute(db);
  return new Set(rows.rows.map((r) => r.nik));
}

type StagedRow = Insertable<ExchangeStagedTable> & { decision: 'pending' | 'accept' };

/** Writes the staging rows of a verified data packet (live tables untouched). */
export async function stagePacket(ctx: Ctx, p: VerifiedPacket): Promise<void> {
  const office = p.partner.office_code;
  const packetId = p.manifest.packetId;
  const rows: StagedRow[] = [];
  let n = 0;
  for (const { type, records } of p.records) {
    const module = recordType(type)!;
    const prov = await provenanceOf(
      ctx.db,
      office,
      type,
      records.map((r) => r.id),
    );
    const niks =
      type === PERSONS
        ? await takenNiks(
            ctx.db,
            records.flatMap((r) => {
              const nik = (r as { nik?: string | null }).nik;
              return nik && !prov.has(r.id) ? [nik] : [];
            }),
          )
        : new Set<string>();
    for (const r of records) {
      const known = prov.get(r.id);
      const nik = (r as { nik?: string | null }).nik;
      const action: StagedRow['action'] = known
        ? r.version > known.source_version
          ? 'updated'
          : r.version === known.source_version
            ? 'unchanged'
            : 'older'
        : type === PERSONS && nik && niks.has(nik)
          ? 'conflict'
          : 'new';
      rows.push({
        packet_id: packetId,
        n: ++n,
        record_type: type,
        source_id: r.id,
        source_version: r.version,
        parent_id: type === PERSONS ? null : module.personOf(r),
        data: JSON.stringify(r),
        action,
        local_id: known?.local_id ?? null,
        // A new person waits for a human; everything else follows its person or the sender.
        decision:
          type === PERSONS && (action === 'new' || action === 'conflict') ? 'pending' : 'accept',
        link_id: null,
        reason: null,
      });
    }
  }
  for (const d of p.manifest.deletions) {
    const known = (await provenanceOf(ctx.db, office, d.recordType, [d.id])).get(d.id);
    rows.push(sideRow(packetId, ++n, d.recordType, d.id, null, d, known));
  }
  for (const g of p.manifest.merges) {
    const known = (await provenanceOf(ctx.db, office, g.recordType, [g.goneId])).get(g.goneId);
    rows.push(sideRow(packetId, ++n, g.recordType, g.goneId, g.keepId, g, known, 'merged'));
  }
  await insertRows(ctx.db, 'exchange_staged', rows);
}

/** A deletion or merge: it applies only to a record that came from this sender. */
function sideRow(
  packetId: string,
  n: number,
  type: string,
  id: string,
  parent: string | null,
  data: unknown,
  known: Prov | undefined,
  action: 'deleted' | 'merged' = 'deleted',
): StagedRow {
  return {
    packet_id: packetId,
    n,
    record_type: type,
    source_id: id,
    source_version: 0,
    parent_id: parent,
    data: JSON.stringify(data),
    action: known ? action : 'unchanged',
    local_id: known?.local_id ?? null,
    decision: 'accept',
    link_id: null,
    reason: null,
  };
}
