/**
 * Acknowledgements: after applying a packet, the receiver sends back which persons it accepted,
 * linked or rejected (with the reason), and which findings reached its triage queue. The sender imports it like any packet; it marks the
 * outbox entry it answers.
 */
import type { Ctx } from '../dispatch/context';
import { requireUser } from '../dispatch/context';
import { insertTracked, loadForChange, updateVersioned } from '../db/tracked';
import { AppError } from '../errors';
import { offerFile } from '../files/generated';
import { currentKey, openKey } from '../keys/exchangeKeys';
import { uuidv7 } from '../lib/ids';
import { refuse, sealPacket } from './container';
import { loadPartnerFor, nextSequence } from './export';
import { loadInbox } from './inbox';
import { ACKS, type AckLine, type VerifiedPacket } from './open';
import { officeFacts } from './partners';
import { PERSONS } from './recordTypes';
import { FINDINGS } from './types/findings';

export async function acknowledge(ctx: Ctx, packetId: string): Promise<string> {
  const user = requireUser(ctx);
  const inbox = await loadInbox(ctx.db, packetId);
  if (inbox.kind !== 'data' || inbox.status !== 'applied')
    throw new AppError('CONFLICT', 'packets.ack_not_applied');
  const partner = await loadPartnerFor(ctx.db, inbox.partner_id);
  const key = await currentKey(ctx.db);
  if (!key) throw new AppError('CONFLICT', 'packets.no_keys');
  const open = openKey(ctx, key);
  const rows = await ctx.db
    .selectFrom('exchange_staged')
    .select(['record_type', 'source_id', 'action', 'decision', 'reason'])
    .where('packet_id', '=', packetId)
    // A kelurahan learns its findings reached the triage queue.
    .where('record_type', 'in', [PERSONS, FINDINGS])
    .orderBy('n')
    .execute();
  const lines: AckLine[] = rows.map((r) => ({
    recordType: r.record_type,
    id: r.source_id,
    decision:
      r.decision === 'reject'
        ? 'rejected'
        : r.decision === 'link'
          ? 'linked'
          : r.action === 'unchanged' || r.action === 'older'
            ? 'unchanged'
            : 'accepted',
    reason: r.reason,
  }));
  const own = await officeFacts(ctx.db);
  const ackId = uuidv7(ctx.now.getTime());
  const sequence = partner.next_sequence as unknown as number;
  const { bytes } = await sealPacket({
    manifest: {
      kind: 'ack',
      packetId: ackId,
      sequence,
      sender: { code: own.officeCode, name: own.officeName, fingerprint: key.fingerprint },
      recipient: {
        code: partner.office_code,
        name: partner.office_name,
        fingerprint: partner.fingerprint,
      },
      createdAt: ctx.nowIso,
      createdBy: `${user.fullName} (${user.username})`,
      purpose: `Tanda terima paket ${inbox.sequence}`,
      legalBasis: 'public_task',
      mode: 'full',
      period: { from: null, to: null },
      deletions: [],
      merges: [],
      acknowledges: packetId,
    },
    files: [{ recordType: ACKS, lines: lines.map((l) => JSON.stringify(l)) }],
    signKey: open.signKey,
    signPublic: key.sign_public,
    recipients: [partner.age_recipient, key.age_recipient],
  });
  const tally = tallyOf(lines);
  await insertTracked(
    ctx,
    'exchange_outbox',
    {
      id: ackId,
      partner_id: partner.id,
      kind: 'ack',
      sequence,
      purpose: `ack ${packetId}`,
      legal_basis: 'public_task',
      mode: 'full',
      period_from: null,
      period_to: null,
      counts: JSON.stringify(tally),
      sha256: '',
      acknowledged_at: null,
      ack_summary: null,
    },
    { recordType: 'exchange_packet' },
  );
  await nextSequence(ctx, partner.id);
  return offerFile(ctx, {
    bytes,
    name: `Tanda terima ${own.officeCode} ke ${partner.office_code} no ${sequence}.pelita`,
    type: 'application/vnd.pelita.packet',
  });
}

function tallyOf(lines: AckLine[]) {
  const t = { accepted: 0, linked: 0, rejected: 0, unchanged: 0 };
  for (const l of lines) t[l.decision]++;
  return t;
}

/** An acknowledgement arrived: the outbox entry it answers is marked. */
export async function receiveAck(ctx: Ctx, p: VerifiedPacket): Promise<void> {
  const answered = p.manifest.acknowledges;
  const row = answered
    ? await ctx.db
        .selectFrom('exchange_outbox')
        .selectAll()
        .where('id', '=', answered)
        .where('partner_id', '=', p.partner.id)
        .where('kind', '=', 'data')
        .executeTakeFirst()
    : undefined;
  if (!row) throw refuse('packets.bad.ack_unknown');
  const before = await loadForChange(ctx.db, 'exchange_outbox', row.id);
  const tally = tallyOf(p.acks);
  const reasons = p.acks
    .filter((a) => a.reason)
    .slice(0, 50)
    .map((a) => ({ id: a.id, reason: a.reason }));
  await updateVersioned(
    ctx,
    'exchange_outbox',
    before,
    { acknowledged_at: p.manifest.createdAt, ack_summary: JSON.stringify({ ...tally, reasons }) },
    { recordType: 'exchange_packet' },
  );
}
