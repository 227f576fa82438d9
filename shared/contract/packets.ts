/**
 * Exchange packets with partner offices (issue 12): the office's exchange keys, partner offices,
 * export with preview, the outbox register, import (open → stage → decide → apply) and the
 * acknowledgement back. Keys and partners: `packets.keys` (admin); packets: `packets.exchange`
 * (admin, or a role given it); a person's consent to sharing: whoever edits people.
 */
import { z } from 'zod';
import {
  CONSENT_VALUES,
  KEY_PROTECTIONS,
  LEGAL_BASES,
  PACKET_KINDS,
  PACKET_MODES,
  PARTNER_STATUSES,
  STAGED_ACTIONS,
} from '../reference/packets';
import { method } from './method';
import { personSummary } from './persons';
import {
  calendarDate,
  empty,
  id,
  isoDateTime,
  longText,
  ok,
  optionalLongText,
  pageInput,
  pageOutput,
  text,
  version,
} from './schemas';

const passphrase = text(200);
const fileResult = z.object({ fileId: id });

export const keyCardView = z.object({
  officeCode: z.string(),
  officeName: z.string(),
  fingerprint: z.string(),
  /** The fingerprint in groups of four, for reading over the phone. */
  fingerprintGroups: z.string(),
  ageRecipient: z.string(),
  minisignPublic: z.string(),
  createdAt: isoDateTime,
  validUntil: isoDateTime,
  previousFingerprint: z.string().nullable(),
  /** A rotated card carries the previous key's signature; true when it checks. */
  rotationVerified: z.boolean().nullable(),
});
export type KeyCardView = z.infer<typeof keyCardView>;

export const partner = z.object({
  id,
  version,
  status: z.enum(PARTNER_STATUSES),
  card: keyCardView,
  /** The next sequence number of a packet to this office. */
  nextSequence: z.number().int(),
  lastSentAt: isoDateTime.nullable(),
  lastReceivedAt: isoDateTime.nullable(),
  /** Sequence numbers from this office that never arrived (below the newest received). */
  missing: z.array(z.number().int()),
});
export type Partner = z.infer<typeof partner>;

const selection = z.strictObject({
  partnerId: id,
  /** `area`: persons whose origin lies in the partner's kabupaten/kota; `hand`: the ids given. */
  choose: z.enum(['area', 'hand']),
  personIds: z.array(id).max(10_000).default([]),
  from: calendarDate.nullish().transform((v) => v ?? null),
  to: calendarDate.nullish().transform((v) => v ?? null),
  mode: z.enum(PACKET_MODES),
  legalBasis: z.enum(LEGAL_BASES),
});

const counts = z.record(z.string(), z.number().int());
const leftOut = z.object({
  personId: id,
  fullName: z.string(),
  reason: z.enum(['no_consent', 'refused']),
});

export const exportPreview = z.object({
  counts,
  deletions: z.number().int(),
  merges: z.number().int(),
  sample: z.array(personSummary),
  leftOut: z.array(leftOut),
  leftOutTotal: z.number().int(),
  sequence: z.number().int(),
});

export const outboxEntry = z.object({
  id,
  partnerName: z.string(),
  partnerCode: z.string(),
  kind: z.enum(PACKET_KINDS),
  sequence: z.number().int(),
  purpose: z.string(),
  legalBasis: z.string(),
  mode: z.enum(PACKET_MODES),
  counts,
  createdAt: isoDateTime,
  createdBy: z.string().nullable(),
  acknowledgedAt: isoDateTime.nullable(),
  ack: z.object({ accepted: z.number().int(), rejected: z.number().int() }).nullable(),
});

export const inboxEntry = z.object({
  id,
  partnerName: z.string(),
  partnerCode: z.string(),
  kind: z.enum(PACKET_KINDS),
  sequence: z.number().int(),
  status: z.enum(['staged', 'applied']),
  purpose: z.string(),
  legalBasis: z.string(),
  sentAt: isoDateTime,
  sentBy: z.string(),
  receivedAt: isoDateTime,
  counts: z.record(z.enum(STAGED_ACTIONS), z.number().int()),
  pending: z.number().int(),
  missing: z.array(z.number().int()),
});
export type InboxEntry = z.infer<typeof inboxEntry>;

export const stagedPerson = z.object({
  n: z.number().int(),
  sourceId: z.string(),
  action: z.enum(STAGED_ACTIONS),
  decision: z.enum(['pending', 'accept', 'link', 'reject']),
  linkId: id.nullable(),
  reason: z.string().nullable(),
  fullName: z.string(),
  nik: z.string().nullable(),
  sex: z.string().nullable(),
  birthDate: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  originCode: z.string().nullable(),
  originName: z.string().nullable(),
  stays: z.number().int(),
  /** The record here it came in as before (updated, unchanged, …). */
  localId: id.nullable(),
  matches: z.array(
    z.object({
      person: personSummary,
      level: z.enum(['same_nik', 'likely', 'possibly']),
      score: z.number(),
    }),
  ),
});
export type StagedPerson = z.infer<typeof stagedPerson>;

const decision = z.discriminatedUnion('decision', [
  z.strictObject({ n: z.number().int(), decision: z.literal('accept') }),
  z.strictObject({ n: z.number().int(), decision: z.literal('link'), linkId: id }),
  z.strictObject({ n: z.number().int(), decision: z.literal('reject'), reason: longText(300) }),
]);

export const packetsContract = {
  /** This office's exchange keys: the current card, whether it is open, older keys. */
  'packets.keys': method({
    access: 'packets.keys',
    write: false,
    input: empty,
    output: z.object({
      protection: z.enum(KEY_PROTECTIONS),
      current: keyCardView.nullable(),
      unlocked: z.boolean(),
      previous: z.array(keyCardView),
      officeName: z.string(),
      officeCode: z.string(),
    }),
  }),
  /** Makes the office's keys, or rotates them (the old key signs the new card). */
  'packets.createKeys': method({
    access: 'packets.keys',
    write: true,
    input: z.strictObject({ passphrase: passphrase.nullish().transform((v) => v ?? null) }),
    output: keyCardView,
  }),
  /** Opens the keys with the passphrase for this run of the host (browser host only). */
  'packets.unlock': method({
    access: 'packets.exchange',
    write: true,
    input: z.strictObject({ passphrase }),
    output: ok,
  }),
  /** The office's key card as a file to send to partners. */
  'packets.keyCard': method({
    access: 'packets.keys',
    write: true,
    input: empty,
    output: fileResult,
  }),
  /** The recovery file: every key, encrypted with a passphrase kept apart from the PC. */
  'packets.recoveryFile': method({
    access: 'packets.keys',
    write: true,
    input: z.strictObject({ recoveryPassphrase: passphrase }),
    output: fileResult,
  }),
  'packets.restoreKeys': method({
    access: 'packets.keys',
    write: true,
    input: z.strictObject({
      fileId: id,
      recoveryPassphrase: passphrase,
      passphrase: passphrase.nullish().transform((v) => v ?? null),
    }),
    output: z.object({ restored: z.number().int() }),
  }),
  'packets.partners': method({
    access: 'packets.exchange',
    write: false,
    input: empty,
    output: z.array(partner),
  }),
  /** Reads an uploaded key card and shows it (with its fingerprint) before it is imported. */
  'packets.readCard': method({
    access: 'packets.keys',
    write: false,
    input: z.strictObject({ fileId: id }),
    output: z.object({
      card: keyCardView,
      /** The partner this card would replace (same office code), if any. */
      replaces: z.object({ id, version, fingerprint: z.string() }).nullable(),
    }),
  }),
  /** Imports a partner's card; `fingerprint` is the one the admin confirmed over the phone. */
  'packets.addPartner': method({
    access: 'packets.keys',
    write: true,
    input: z.strictObject({ fileId: id, fingerprint: text(64) }),
    output: partner,
  }),
  'packets.replacePartner': method({
    access: 'packets.keys',
    write: true,
    input: z.strictObject({ id, version, fileId: id, fingerprint: text(64) }),
    output: partner,
  }),
  'packets.blockPartner': method({
    access: 'packets.keys',
    write: true,
    input: z.strictObject({ id, version, blocked: z.boolean() }),
    output: partner,
  }),
  'packets.exportPreview': method({
    access: 'packets.exchange',
    write: false,
    input: selection,
    output: exportPreview,
  }),
  'packets.export': method({
    access: 'packets.exchange',
    write: true,
    input: selection.extend({ purpose: text(500) }),
    output: z.object({
      fileId: id,
      packetId: id,
      sequence: z.number().int(),
      counts,
    }),
  }),
  /** The outbox register: every packet sent, to whom, when, by whom, and its acknowledgement. */
  'packets.outbox': method({
    access: 'packets.exchange',
    write: false,
    input: z.strictObject({ ...pageInput }),
    output: z.object({ rows: z.array(outboxEntry), ...pageOutput }),
  }),
  /** Which persons a sent packet carried (UU PDP: answerable for each). */
  'packets.sentPersons': method({
    access: 'packets.exchange',
    write: false,
    input: z.strictObject({ packetId: id }),
    output: z.array(personSummary),
  }),
  /** Opens a packet: verifies it and stages every record without touching live data. */
  'packets.open': method({
    access: 'packets.exchange',
    write: true,
    input: z.strictObject({ fileId: id }),
    output: z.object({ packetId: id, kind: z.enum(PACKET_KINDS), entry: inboxEntry }),
  }),
  'packets.inbox': method({
    access: 'packets.exchange',
    write: false,
    input: empty,
    output: z.array(inboxEntry),
  }),
  /** The staged persons of a packet with their likely matches here. */
  'packets.staged': method({
    access: 'packets.exchange',
    write: false,
    input: z.strictObject({ packetId: id, ...pageInput }),
    output: z.object({ entry: inboxEntry, rows: z.array(stagedPerson), ...pageOutput }),
  }),
  'packets.decide': method({
    access: 'packets.exchange',
    write: true,
    input: z.strictObject({ packetId: id, decisions: z.array(decision).min(1).max(500) }),
    output: ok,
  }),
  /** In bulk: accept every new person without a match, or reject every undecided one. */
  'packets.decideAll': method({
    access: 'packets.exchange',
    write: true,
    // A strict object (like every input), the choice inside it: accept, or reject with a reason.
    input: z.strictObject({
      packetId: id,
      choice: z.discriminatedUnion('decision', [
        z.strictObject({ decision: z.literal('accept') }),
        z.strictObject({ decision: z.literal('reject'), reason: longText(300) }),
      ]),
    }),
    output: z.object({ changed: z.number().int() }),
  }),
  /** Applies the accepted records in one transaction, with provenance and audit. */
  'packets.apply': method({
    access: 'packets.exchange',
    write: true,
    input: z.strictObject({ packetId: id }),
    output: z.object({ applied: counts }),
  }),
  /** The acknowledgement packet back to the sender: what was accepted and rejected. */
  'packets.acknowledge': method({
    access: 'packets.exchange',
    write: true,
    input: z.strictObject({ packetId: id }),
    output: fileResult,
  }),
  /** A person's consent to sharing with partner offices. */
  'packets.setConsent': method({
    access: 'persons.write',
    write: true,
    input: z.strictObject({
      personId: id,
      consent: z.enum(CONSENT_VALUES).nullable(),
      note: optionalLongText(300),
    }),
    output: ok,
  }),
};
