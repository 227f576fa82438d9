/**
 * The office's exchange keys (issue 12): an age X25519 identity to open packets and an Ed25519
 * key to sign them. They are a second key pair, apart from the audit key (officeKey.ts): the
 * audit key must sign every write unattended, so it cannot wait for a passphrase, while the
 * exchange key speaks for the office to other offices and is kept sealed (protector.ts). Rotating
 * it does not touch the audit trail's checkpoints, and losing the audit key does not let anyone
 * send packets in the office's name.
 */
import { generateKeyPairSync, createPublicKey, sign as edSign, type KeyObject } from 'node:crypto';
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { sql, type Kysely, type Selectable } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema';
import type { ExchangeKeysTable } from '../db/tables/packets';
import { insertEntry } from '../db/tracked';
import type { Ctx } from '../dispatch/context';
import { AppError, fieldError } from '../errors';
import { cardSignedPart, unsignedCard, type KeyCard } from './keyCard';
import { privateKeyFromPkcs8 } from './minisign';
import { keyProtector } from './protector';

export type KeyRow = Selectable<ExchangeKeysTable>;

/** The private parts, as sealed and as written to the recovery file. */
const secretsSchema = z.strictObject({
  ageIdentity: z.string().startsWith('AGE-SECRET-KEY-1'),
  signPkcs8: z.string(),
});
type Secrets = z.infer<typeof secretsSchema>;

export interface OpenKey {
  row: KeyRow;
  ageIdentity: string;
  signKey: KeyObject;
}

/** Keys opened with the passphrase stay open in this process (per data folder and key). */
const unlocked = new Map<string, Secrets>();
const slot = (dataDir: string, id: string) => `${dataDir}\u0000${id}`;

const VALID_YEARS = 3;

/** Newest first: the first is the current key. */
export function listKeys(db: Kysely<DB>): Promise<KeyRow[]> {
  // A card's validity starts when it was made (restored keys keep their own dates).
  return db
    .selectFrom('exchange_keys')
    .selectAll()
    .orderBy('valid_until', 'desc')
    .orderBy(sql`rowid`, 'desc')
    .execute();
}

export async function currentKey(db: Kysely<DB>): Promise<KeyRow | undefined> {
  return (await listKeys(db))[0];
}

function rawPublic(key: KeyObject): string {
  return createPublicKey(key)
    .export({ type: 'spki', format: 'der' })
    .subarray(-32)
    .toString('base64');
}

function sealSecrets(ctx: Ctx, secrets: Secrets, passphrase: string | null) {
  const protector = keyProtector(ctx.dataDir);
  const sealed = protector.seal(Buffer.from(JSON.stringify(secrets), 'utf8'), passphrase);
  return { protection: protector.kind, sealed };
}

function openSecrets(ctx: Ctx, row: KeyRow, passphrase: string | null): Secrets {
  const known = unlocked.get(slot(ctx.dataDir, row.id));
  if (known) return known;
  const protector = keyProtector(ctx.dataDir);
  if (row.protection !== protector.kind) throw new AppError('CONFLICT', 'packets.key_os_locked');
  if (row.protection === 'passphrase' && passphrase === null)
    throw new AppError('CONFLICT', 'packets.keys_locked');
  const plain = protector.open(row.sealed, passphrase);
  const secrets = secretsSchema.parse(JSON.parse(Buffer.from(plain).toString('utf8')));
  unlocked.set(slot(ctx.dataDir, row.id), secrets);
  return secrets;
}

function toOpen(row: KeyRow, s: Secrets): OpenKey {
  return {
    row,
    ageIdentity: s.ageIdentity,
    signKey: privateKeyFromPkcs8(Buffer.from(s.signPkcs8, 'base64')),
  };
}

/** A key ready to sign and open packets; CONFLICT `packets.keys_locked` until unlocked. */
export function openKey(ctx: Ctx, row: KeyRow, passphrase: string | null = null): OpenKey {
  return toOpen(row, openSecrets(ctx, row, passphrase));
}

export function isUnlocked(ctx: Ctx, row: KeyRow): boolean {
  return unlocked.has(slot(ctx.dataDir, row.id)) || keyProtector(ctx.dataDir).kind === 'os';
}

/** Opens every key of the office with the passphrase (the current one must open). */
export async function unlockKeys(ctx: Ctx, passphrase: string): Promise<void> {
  const rows = await listKeys(ctx.db);
  if (rows.length === 0) throw new AppError('NOT_FOUND', 'packets.no_keys');
  for (const row of rows) openSecrets(ctx, row, passphrase);
}

/** A key's row: its card, and its private parts sealed (never in the audit diff). */
async function storeKey(
  ctx: Ctx,
  card: KeyCard,
  secrets: Secrets,
  passphrase: string | null,
  note: string | undefined,
): Promise<string> {
  return insertEntry(
    ctx,
    'exchange_keys',
    {
      fingerprint: card.fingerprint,
      age_recipient: card.ageRecipient,
      sign_public: card.signPublic,
      valid_until: card.validUntil,
      card: JSON.stringify(card),
      ...sealSecrets(ctx, secrets, passphrase),
    },
    { recordType: 'exchange_key', view: ({ sealed: _s, ...rest }) => rest, note },
  );
}

interface OfficeFacts {
  officeCode: string;
  officeName: string;
}

/**
 * Makes a key pair and its card. With an existing key this is a rotation: the old key (opened
 * with the same passphrase) signs the new card.
 */
export async function createKeys(
  ctx: Ctx,
  office: OfficeFacts,
  passphrase: string | null,
): Promise<KeyRow> {
  const previous = await currentKey(ctx.db);
  const old = previous ? openKey(ctx, previous, passphrase) : null;
  const ageIdentity = await generateX25519Identity();
  const { privateKey } = generateKeyPairSync('ed25519');
  const secrets: Secrets = {
    ageIdentity,
    signPkcs8: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
  };
  const validUntil = new Date(ctx.now);
  validUntil.setUTCFullYear(validUntil.getUTCFullYear() + VALID_YEARS);
  const body = unsignedCard({
    officeCode: office.officeCode,
    officeName: office.officeName,
    ageRecipient: await identityToRecipient(ageIdentity),
    signPublic: rawPublic(privateKey),
    createdAt: ctx.nowIso,
    validUntil: validUntil.toISOString(),
    previousFingerprint: previous?.fingerprint ?? null,
  });
  const signed = Buffer.from(cardSignedPart(body), 'utf8');
  const card: KeyCard = {
    ...body,
    selfSignature: edSign(null, signed, privateKey).toString('base64'),
    rotationSignature: old ? edSign(null, signed, old.signKey).toString('base64') : null,
  };
  const id = await storeKey(
    ctx,
    card,
    secrets,
    passphrase,
    previous ? `rotated from ${previous.fingerprint}` : undefined,
  );
  unlocked.set(slot(ctx.dataDir, id), secrets);
  return (await ctx.db
    .selectFrom('exchange_keys')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow()) as KeyRow;
}

/**
 * The recovery file: every key's card and private parts, encrypted with a passphrase the admin
 * keeps apart from the PC (age's scrypt format: `age -d` opens it too).
 */
export async function recoveryFile(ctx: Ctx, passphrase: string): Promise<Uint8Array> {
  const rows = await listKeys(ctx.db);
  if (rows.length === 0) throw new AppError('NOT_FOUND', 'packets.no_keys');
  const keys = rows.map((row) => ({
    card: JSON.parse(row.card) as unknown,
    ...openSecrets(ctx, row, null),
  }));
  const e = new Encrypter();
  e.setPassphrase(passphrase);
  e.setScryptWorkFactor(15);
  return e.encrypt(JSON.stringify({ type: 'pelita-key-recovery', format: 1, keys }, null, 2));
}

const recoverySchema = z.object({
  type: z.literal('pelita-key-recovery'),
  format: z.literal(1),
  keys: z.array(secretsSchema.extend({ card: z.unknown() })).min(1),
});

/**
 * Restores keys from a recovery file into an office that lost them (a new PC): each key the
 * office does not have is sealed again with `passphrase` (the new protection).
 */
export async function restoreKeys(
  ctx: Ctx,
  file: Uint8Array,
  recoveryPassphrase: string,
  passphrase: string | null,
): Promise<number> {
  const d = new Decrypter();
  d.addPassphrase(recoveryPassphrase);
  let parsed;
  try {
    parsed = recoverySchema.parse(JSON.parse(await d.decrypt(file, 'text')));
  } catch {
    throw fieldError(['recoveryPassphrase'], 'packets.recovery_wrong');
  }
  const have = new Set((await listKeys(ctx.db)).map((r) => r.fingerprint));
  let restored = 0;
  // Oldest first, so the newest restored key is the current one.
  for (const k of [...parsed.keys].reverse()) {
    const card = k.card as KeyCard;
    if (have.has(card.fingerprint)) continue;
    const secrets = { ageIdentity: k.ageIdentity, signPkcs8: k.signPkcs8 };
    if ((await identityToRecipient(secrets.ageIdentity)) !== card.ageRecipient)
      throw fieldError(['fileId'], 'packets.recovery_wrong');
    const id = await storeKey(ctx, card, secrets, passphrase, 'restored');
    unlocked.set(slot(ctx.dataDir, id), secrets);
    restored++;
  }
  return restored;
}
