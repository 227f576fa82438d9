/**
 * The office's public key card: office code and name, the age recipient (encryption) and the
 * Ed25519 key (signing, also as a minisign public key), validity, and a self-signature. A card
 * made by rotation also names the previous key and carries its signature, so a partner can see
 * the new key comes from the same office. The fingerprint, read over the phone in groups of
 * four, covers both public keys.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { OFFICE_CODE } from '../../../shared/reference/packets';
import { AppError } from '../errors';
import { canonicalJson } from '../lib/canonicalJson';
import { minisignPublicKey } from './minisign';
import { verifySignature } from './officeKey';

export const KEY_CARD_HEADER = 'PELITA-KEYCARD-1';

const base64Key = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);
export const keyCardSchema = z.strictObject({
  type: z.literal('pelita-key-card'),
  format: z.literal(1),
  officeCode: z.string().regex(OFFICE_CODE),
  officeName: z.string().min(1).max(200),
  ageRecipient: z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/),
  signPublic: base64Key,
  minisignPublic: z.string().max(100),
  fingerprint: z.string().regex(/^[0-9a-f]{32}$/),
  createdAt: z.iso.datetime(),
  validUntil: z.iso.datetime(),
  previousFingerprint: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .nullable(),
  selfSignature: z.string().max(100),
  rotationSignature: z.string().max(100).nullable(),
});
export type KeyCard = z.infer<typeof keyCardSchema>;
export type UnsignedCard = Omit<KeyCard, 'selfSignature' | 'rotationSignature'>;

/** 32 hex digits of SHA-256 over both public keys. */
export function cardFingerprint(ageRecipient: string, signPublic: string): string {
  return createHash('sha256')
    .update(`${ageRecipient}\n${signPublic}`, 'utf8')
    .digest('hex')
    .slice(0, 32);
}

/** "3F2A 9C01 …": the fingerprint as it is read over the phone. */
export function fingerprintGroups(fingerprint: string): string {
  return (fingerprint.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}

export function unsignedCard(
  fields: Omit<UnsignedCard, 'type' | 'format' | 'fingerprint' | 'minisignPublic'>,
): UnsignedCard {
  return {
    type: 'pelita-key-card',
    format: 1,
    ...fields,
    minisignPublic: minisignPublicKey(fields.signPublic),
    fingerprint: cardFingerprint(fields.ageRecipient, fields.signPublic),
  };
}

/** The bytes both signatures cover. */
export function cardSignedPart(card: UnsignedCard | KeyCard): string {
  const { selfSignature: _s, rotationSignature: _r, ...rest } = card as KeyCard;
  return canonicalJson(rest);
}

export function cardFileText(card: KeyCard): string {
  return `${KEY_CARD_HEADER}\n${JSON.stringify(card, null, 2)}\n`;
}

/** Reads a key card file and checks its fingerprint and self-signature. */
export function parseKeyCard(text: string): KeyCard {
  const bad = () => new AppError('VALIDATION', 'packets.card_invalid');
  if (!text.startsWith(KEY_CARD_HEADER + '\n')) throw bad();
  let raw: unknown;
  try {
    raw = JSON.parse(text.slice(KEY_CARD_HEADER.length + 1));
  } catch {
    throw bad();
  }
  const parsed = keyCardSchema.safeParse(raw);
  if (!parsed.success) throw bad();
  const card = parsed.data;
  if (card.fingerprint !== cardFingerprint(card.ageRecipient, card.signPublic)) throw bad();
  if (card.minisignPublic !== minisignPublicKey(card.signPublic)) throw bad();
  if (!verifySignature(card.signPublic, cardSignedPart(card), card.selfSignature))
    throw new AppError('VALIDATION', 'packets.card_signature');
  return card;
}

/** Whether `card` was signed by the key of `previous` (a rotation the partner can trust). */
export function rotatedFrom(card: KeyCard, previous: { sign_public: string; fingerprint: string }) {
  return (
    card.previousFingerprint === previous.fingerprint &&
    card.rotationSignature !== null &&
    verifySignature(previous.sign_public, cardSignedPart(card), card.rotationSignature)
  );
}
