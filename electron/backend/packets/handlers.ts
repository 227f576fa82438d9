/** Handlers of packets.* (contract: shared/contract/packets.ts). */
import type { packetsContract } from '../../../shared/contract/packets';
import type { HandlersOf } from '../dispatch/context';
import { deleteVersioned, insertTracked, saveTracked } from '../db/tracked';
import { findRow, requireRow } from '../db/lookup';
import { AppError } from '../errors';
import { uploadedBytes } from '../files/references';
import { loadSummaries } from '../persons/store';
import { acknowledge, receiveAck } from './ack';
import { applyPacket } from './apply';
import { sha256Hex, refuse } from './container';
import { exportPacket, previewExport } from './export';
import { decide, decideAll, inboxEntry, loadInbox, stagedPersons } from './inbox';
import { stagePacket, verifyPacket } from './open';
import { keyHandlers } from './partners';

const AS_CONSENT = { recordType: 'exchange_consent' };

export const packetHandlers: HandlersOf<typeof packetsContract> = {
  ...keyHandlers,

  async 'packets.exportPreview'(input, ctx) {
    const p = await previewExport(ctx, input);
    const { sampleIds, ...rest } = p;
    return { ...rest, sample: await loadSummaries(ctx.db, sampleIds, { lastStay: true }) };
  },

  async 'packets.export'(input, ctx) {
    return exportPacket(ctx, input);
  },

  async 'packets.outbox'(input, ctx) {
    const total = await ctx.db
      .selectFrom('exchange_outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await ctx.db
      .selectFrom('exchange_outbox as o')
      .innerJoin('exchange_partners as p', 'p.id', 'o.partner_id')
      .leftJoin('users as u', 'u.id', 'o.created_by')
      .selectAll('o')
      .select(['p.office_name', 'p.office_code', 'u.full_name as by_name'])
      .orderBy('o.created_at', 'desc')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute();
    return {
      rows: rows.map((r) => {
        const ack = r.ack_summary
          ? (JSON.parse(r.ack_summary) as { accepted: number; linked: number; rejected: number })
          : null;
        return {
          id: r.id,
          partnerName: r.office_name,
          partnerCode: r.office_code,
          kind: r.kind,
          sequence: r.sequence,
          purpose: r.purpose,
          legalBasis: r.legal_basis,
          mode: r.mode,
          counts: JSON.parse(r.counts) as Record<string, number>,
          createdAt: r.created_at,
          createdBy: r.by_name,
          acknowledgedAt: r.acknowledged_at,
          ack: ack ? { accepted: ack.accepted + ack.linked, rejected: ack.rejected } : null,
        };
      }),
      total: Number(total.n),
      page: input.page,
      pageSize: input.pageSize,
    };
  },

  async 'packets.sentPersons'(input, ctx) {
    const rows = await ctx.db
      .selectFrom('exchange_outbox_records')
      .select('person_id')
      .distinct()
      .where('packet_id', '=', input.packetId)
      .where('person_id', 'is not', null)
      .limit(1000)
      .execute();
    return loadSummaries(
      ctx.db,
      rows.flatMap((r) => (r.person_id ? [r.person_id] : [])),
      { lastStay: false },
    );
  },

  async 'packets.open'(input, ctx) {
    const bytes = await uploadedBytes(ctx, input.fileId, 'exchangePacket', ['fileId']);
    const p = await verifyPacket(ctx, bytes);
    const m = p.manifest;
    const seen = await findRow(ctx.db, 'exchange_inbox', { id: m.packetId });
    if (seen) {
      // The same packet again: a staged one is taken up where it was; an applied one changes nothing.
      if (seen.status === 'staged')
        return { packetId: seen.id, kind: seen.kind, entry: await inboxEntry(ctx.db, seen) };
      throw refuse('packets.bad.replayed', {
        sequence: m.sequence,
        name: m.sender.name,
        at: seen.created_at,
      });
    }
    await insertTracked(
      ctx,
      'exchange_inbox',
      {
        id: m.packetId,
        partner_id: p.partner.id,
        kind: m.kind,
        sequence: m.sequence,
        manifest: JSON.stringify(m),
        sha256: sha256Hex(bytes),
        status: m.kind === 'ack' ? 'applied' : 'staged',
        applied_summary: null,
      },
      { recordType: 'exchange_inbox', view: ({ manifest: _m, ...rest }) => rest },
    );
    if (m.kind === 'ack') await receiveAck(ctx, p);
    else await stagePacket(ctx, p);
    const row = await loadInbox(ctx.db, m.packetId);
    return { packetId: row.id, kind: row.kind, entry: await inboxEntry(ctx.db, row) };
  },

  async 'packets.inbox'(_input, ctx) {
    const rows = await ctx.db
      .selectFrom('exchange_inbox')
      .selectAll()
      .orderBy('created_at', 'desc')
      .limit(200)
      .execute();
    return Promise.all(rows.map((r) => inboxEntry(ctx.db, r)));
  },

  async 'packets.staged'(input, ctx) {
    const row = await loadInbox(ctx.db, input.packetId);
    const { rows, total } = await stagedPersons(ctx.db, row.id, input.page, input.pageSize);
    return {
      entry: await inboxEntry(ctx.db, row),
      rows,
      total,
      page: input.page,
      pageSize: input.pageSize,
    };
  },

  async 'packets.decide'(input, ctx) {
    await decide(ctx, input.packetId, input.decisions);
    return { ok: true as const };
  },

  async 'packets.decideAll'(input, ctx) {
    return { changed: await decideAll(ctx, input.packetId, input.choice) };
  },

  async 'packets.apply'(input, ctx) {
    return { applied: await applyPacket(ctx, input.packetId) };
  },

  async 'packets.acknowledge'(input, ctx) {
    return { fileId: await acknowledge(ctx, input.packetId) };
  },

  async 'packets.setConsent'(input, ctx) {
    const person = await requireRow(ctx.db, 'persons', input.personId, 'personId');
    if (person.merged_into) throw new AppError('CONFLICT', 'person.merged');
    const before = await findRow(ctx.db, 'exchange_consents', { person_id: input.personId });
    if (input.consent === null) {
      if (before)
        await deleteVersioned(
          ctx,
          'exchange_consents',
          before.id,
          before.version as unknown as number,
          AS_CONSENT,
        );
      return { ok: true as const };
    }
    await saveTracked(
      ctx,
      'exchange_consents',
      before,
      { person_id: input.personId, consent: input.consent, note: input.note },
      AS_CONSENT,
    );
    return { ok: true as const };
  },
};
