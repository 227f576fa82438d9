/** This office's exchange keys and its partner offices' key cards (admin screens). */
import type { Kysely, Selectable } from 'kysely';
import type { HandlersOf } from '../dispatch/context';
import type { packetsContract } from '../../../shared/contract/packets';
import type { KeyCardView, Partner } from '../../../shared/contract/packets';
import type { DB } from '../db/schema';
import type { ExchangePartnersTable } from '../db/tables/packets';
import { findRow } from '../db/lookup';
import { insertTracked, loadForChange, updateVersioned } from '../db/tracked';
import { AppError, fieldError } from '../errors';
import { offerFile } from '../files/generated';
import { uploadedBytes } from '../files/references';
import {
  createKeys,
  currentKey,
  isUnlocked,
  listKeys,
  recoveryFile,
  restoreKeys,
  unlockKeys,
} from '../keys/exchangeKeys';
import {
  cardFileText,
  fingerprintGroups,
  parseKeyCard,
  rotatedFrom,
  type KeyCard,
} from '../keys/keyCard';
import { keyProtector } from '../keys/protector';

type PartnerRow = Selectable<ExchangePartnersTable>;

export async function officeFacts(db: Kysely<DB>) {
  const o = await db
    .selectFrom('office')
    .select(['name', 'region_code', 'kelurahan_code'])
    .executeTakeFirstOrThrow();
  // A kelurahan-mode installation is its kelurahan (63.72.01.1001), the city its kota (63.72).
  return { officeName: o.name, officeCode: o.kelurahan_code ?? o.region_code.slice(0, 5) };
}

export function cardView(card: KeyCard, rotationVerified: boolean | null = null): KeyCardView {
  return {
    officeCode: card.officeCode,
    officeName: card.officeName,
    fingerprint: card.fingerprint,
    fingerprintGroups: fingerprintGroups(card.fingerprint),
    ageRecipient: card.ageRecipient,
    minisignPublic: card.minisignPublic,
    createdAt: card.createdAt,
    validUntil: card.validUntil,
    previousFingerprint: card.previousFingerprint,
    rotationVerified,
  };
}

const storedCard = (json: string) => JSON.parse(json) as KeyCard;

/** Sequence numbers from `partnerId` below the newest received that never arrived. */
export async function missingSequences(db: Kysely<DB>, partnerId: string): Promise<number[]> {
  const got = await db
    .selectFrom('exchange_inbox')
    .select('sequence')
    .where('partner_id', '=', partnerId)
    .execute();
  const seen = new Set(got.map((g) => g.sequence));
  const max = Math.max(0, ...seen);
  const out: number[] = [];
  for (let s = 1; s < max && out.length < 50; s++) if (!seen.has(s)) out.push(s);
  return out;
}

export async function partnerView(db: Kysely<DB>, p: PartnerRow): Promise<Partner> {
  const sent = await db
    .selectFrom('exchange_outbox')
    .select((eb) => eb.fn.max('created_at').as('at'))
    .where('partner_id', '=', p.id)
    .executeTakeFirst();
  const received = await db
    .selectFrom('exchange_inbox')
    .select((eb) => eb.fn.max('created_at').as('at'))
    .where('partner_id', '=', p.id)
    .executeTakeFirst();
  return {
    id: p.id,
    version: p.version as unknown as number,
    status: p.status,
    card: cardView(storedCard(p.card)),
    nextSequence: p.next_sequence as unknown as number,
    lastSentAt: sent?.at ?? null,
    lastReceivedAt: received?.at ?? null,
    missing: await missingSequences(db, p.id),
  };
}

async function loadPartner(db: Kysely<DB>, id: string) {
  const row = await findRow(db, 'exchange_partners', { id });
  if (!row) throw new AppError('NOT_FOUND', 'error.not_found');
  return partnerView(db, row);
}

/** An uploaded card, checked: not this office's own, not expired. */
async function uploadedCard(ctx: Parameters<typeof uploadedBytes>[0], fileId: string) {
  const bytes = await uploadedBytes(ctx, fileId, 'exchangeKeyCard', ['fileId']);
  let card: KeyCard;
  try {
    card = parseKeyCard(Buffer.from(bytes).toString('utf8'));
  } catch (e) {
    if (e instanceof AppError) throw new AppError('VALIDATION', e.key);
    throw e;
  }
  const own = await officeFacts(ctx.db);
  // Said in the message itself: the card came from a file button, there is no field to mark.
  if (card.officeCode === own.officeCode) throw new AppError('VALIDATION', 'packets.card_own');
  if (card.validUntil < ctx.nowIso) throw new AppError('VALIDATION', 'packets.card_expired');
  return card;
}

function confirmFingerprint(card: KeyCard, typed: string) {
  if (typed.replace(/\s+/g, '').toLowerCase() !== card.fingerprint)
    throw fieldError(['fingerprint'], 'packets.fingerprint_mismatch');
}

const partnerColumns = (card: KeyCard) => ({
  office_code: card.officeCode,
  office_name: card.officeName,
  fingerprint: card.fingerprint,
  age_recipient: card.ageRecipient,
  sign_public: card.signPublic,
  valid_until: card.validUntil,
  card: JSON.stringify(card),
});
const AS_PARTNER = {
  recordType: 'exchange_partner',
  view: ({ card: _c, ...rest }: Record<string, unknown>) => rest,
};

type KeyHandlers = Pick<
  HandlersOf<typeof packetsContract>,
  | 'packets.keys'
  | 'packets.createKeys'
  | 'packets.unlock'
  | 'packets.keyCard'
  | 'packets.recoveryFile'
  | 'packets.restoreKeys'
  | 'packets.partners'
  | 'packets.readCard'
  | 'packets.addPartner'
  | 'packets.replacePartner'
  | 'packets.blockPartner'
>;

export const keyHandlers: KeyHandlers = {
  async 'packets.keys'(_input, ctx) {
    const [current, ...older] = await listKeys(ctx.db);
    return {
      protection: keyProtector(ctx.dataDir).kind,
      current: current ? cardView(storedCard(current.card)) : null,
      unlocked: current ? isUnlocked(ctx, current) : false,
      previous: older.map((k) => cardView(storedCard(k.card))),
      ...(await officeFacts(ctx.db)),
    };
  },

  async 'packets.createKeys'(input, ctx) {
    const row = await createKeys(ctx, await officeFacts(ctx.db), input.passphrase);
    return cardView(storedCard(row.card));
  },

  async 'packets.unlock'(input, ctx) {
    await unlockKeys(ctx, input.passphrase);
    ctx.audit({ recordType: 'exchange_key', note: 'unlocked' });
    return { ok: true as const };
  },

  async 'packets.keyCard'(_input, ctx) {
    const key = await currentKey(ctx.db);
    if (!key) throw new AppError('NOT_FOUND', 'packets.no_keys');
    const card = storedCard(key.card);
    ctx.audit({ recordType: 'exchange_key', recordId: key.id, note: 'card offered' });
    return {
      fileId: await offerFile(ctx, {
        bytes: Buffer.from(cardFileText(card), 'utf8'),
        name: `Kartu kunci ${card.officeCode} ${card.officeName}.pelitakey`,
        type: 'application/vnd.pelita.keycard',
      }),
    };
  },

  async 'packets.recoveryFile'(input, ctx) {
    const bytes = await recoveryFile(ctx, input.recoveryPassphrase);
    ctx.audit({ recordType: 'exchange_key', note: 'recovery file made' });
    const { officeCode } = await officeFacts(ctx.db);
    return {
      fileId: await offerFile(ctx, {
        bytes,
        name: `Pemulihan kunci ${officeCode}.age`,
        type: 'application/vnd.pelita.packet',
      }),
    };
  },

  async 'packets.restoreKeys'(input, ctx) {
    const bytes = await uploadedBytes(ctx, input.fileId, 'exchangeRecovery', ['fileId']);
    const restored = await restoreKeys(ctx, bytes, input.recoveryPassphrase, input.passphrase);
    return { restored };
  },

  async 'packets.partners'(_input, ctx) {
    const rows = await ctx.db
      .selectFrom('exchange_partners')
      .selectAll()
      .orderBy('office_name')
      .execute();
    return Promise.all(rows.map((r) => partnerView(ctx.db, r)));
  },

  async 'packets.readCard'(input, ctx) {
    const card = await uploadedCard(ctx, input.fileId);
    const known = await findRow(ctx.db, 'exchange_partners', { office_code: card.officeCode });
    const rotation = known && card.previousFingerprint ? rotatedFrom(card, known) : null;
    return {
      card: cardView(card, rotation),
      replaces: known
        ? {
            id: known.id,
            version: known.version as unknown as number,
            fingerprint: known.fingerprint,
          }
        : null,
    };
  },

  async 'packets.addPartner'(input, ctx) {
    const card = await uploadedCard(ctx, input.fileId);
    confirmFingerprint(card, input.fingerprint);
    if (await findRow(ctx.db, 'exchange_partners', { office_code: card.officeCode }))
      throw fieldError(['fileId'], 'packets.partner_exists', { name: card.officeName });
    const id = await insertTracked(
      ctx,
      'exchange_partners',
      { ...partnerColumns(card), status: 'active' },
      AS_PARTNER,
    );
    return loadPartner(ctx.db, id);
  },

  async 'packets.replacePartner'(input, ctx) {
    const before = await loadForChange(ctx.db, 'exchange_partners', input.id, input.version);
    const card = await uploadedCard(ctx, input.fileId);
    if (card.officeCode !== before.office_code)
      throw fieldError(['fileId'], 'packets.card_other_office', { name: before.office_name });
    confirmFingerprint(card, input.fingerprint);
    await updateVersioned(ctx, 'exchange_partners', before, partnerColumns(card), {
      ...AS_PARTNER,
      note: rotatedFrom(card, before) ? 'rotation signed by the previous key' : 'new card',
    });
    return loadPartner(ctx.db, input.id);
  },

  async 'packets.blockPartner'(input, ctx) {
    const before = await loadForChange(ctx.db, 'exchange_partners', input.id, input.version);
    await updateVersioned(
      ctx,
      'exchange_partners',
      before,
      { status: input.blocked ? 'blocked' : 'active' },
      AS_PARTNER,
    );
    return loadPartner(ctx.db, input.id);
  },
};
