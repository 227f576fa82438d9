/**
 * The `.pelita` file: a zip holding `manifest.json`, its minisign signature
 * `manifest.json.minisig` and one NDJSON file per record type, encrypted with age to the
 * partner's recipient and to the sender's own (so the sender can open what it sent). age does
 * not say who wrote a file, so the signed manifest names sender and recipient and lists every
 * data file's SHA-256: the signature covers everything. Standard tools open it:
 * `age -d -i key.txt p.pelita > p.zip`, `unzip p.zip`, `minisign -Vm manifest.json -P …`.
 */
import { createHash, type KeyObject } from 'node:crypto';
import { Decrypter, Encrypter } from 'age-encryption';
import { unzipSync, zipSync } from 'fflate';
import { z } from 'zod';
import {
  OFFICE_CODE,
  PACKET_FORMAT,
  PACKET_KINDS,
  PACKET_MODES,
} from '../../../shared/reference/packets';
import type { MessageKey } from '../../../shared/i18n';
import type { MessageParams } from '../../../shared/errors';
import { AppError } from '../errors';
import { minisignSign, minisignVerify } from '../keys/minisign';

export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.json.minisig';
/** A packet bigger than this is refused before anything is read. */
export const MAX_PACKET_BYTES = 256 * 1024 * 1024;
/** The sum of the sizes of the files inside. */
export const MAX_CONTENT_BYTES = 1024 * 1024 * 1024;

const office = z.strictObject({
  code: z.string().regex(OFFICE_CODE),
  name: z.string().min(1).max(200),
  fingerprint: z.string().regex(/^[0-9a-f]{32}$/),
});
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const sourceId = z.string().min(1).max(64);

export const manifestSchema = z.strictObject({
  format: z.number().int(),
  kind: z.enum(PACKET_KINDS),
  packetId: z.uuid(),
  sequence: z.number().int().min(1),
  sender: office,
  recipient: office,
  createdAt: z.iso.datetime(),
  createdBy: z.string().min(1).max(200),
  purpose: z.string().min(1).max(500),
  legalBasis: z.string().min(1).max(50),
  mode: z.enum(PACKET_MODES),
  period: z.strictObject({ from: z.iso.date().nullable(), to: z.iso.date().nullable() }),
  files: z
    .array(
      z.strictObject({
        name: z.string().regex(/^data\/[a-z_]+\.ndjson$/),
        recordType: z.string().regex(/^[a-z_]+$/),
        sha256,
        records: z.number().int().min(0),
        bytes: z.number().int().min(0),
      }),
    )
    .max(20),
  deletions: z.array(z.strictObject({ recordType: z.string(), id: sourceId })).max(1_000_000),
  merges: z
    .array(z.strictObject({ recordType: z.string(), goneId: sourceId, keepId: sourceId }))
    .max(1_000_000),
  /** An acknowledgement: the packet it answers. */
  acknowledges: z.uuid().nullable(),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** A refused packet: the message itself says what was wrong (there is no field to mark). */
export function refuse(key: MessageKey, params?: MessageParams) {
  return new AppError('VALIDATION', key, params);
}

export const sha256Hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export interface DataFile {
  recordType: string;
  /** One JSON text per record. */
  lines: string[];
}

export function trustedComment(
  m: Pick<Manifest, 'packetId' | 'sequence' | 'sender' | 'recipient'>,
) {
  return `pelita packet ${m.packetId} seq ${m.sequence} from ${m.sender.code} to ${m.recipient.code}`;
}

/** Builds, signs and encrypts a packet. */
export async function sealPacket(opts: {
  manifest: Omit<Manifest, 'files' | 'format'>;
  files: DataFile[];
  signKey: KeyObject;
  signPublic: string;
  recipients: string[];
}): Promise<{ bytes: Uint8Array; manifest: Manifest }> {
  const zipped: Record<string, Uint8Array> = {};
  const listed: Manifest['files'] = [];
  for (const f of opts.files) {
    const name = `data/${f.recordType}.ndjson`;
    const bytes = Buffer.from(f.lines.length ? f.lines.join('\n') + '\n' : '', 'utf8');
    zipped[name] = bytes;
    listed.push({
      name,
      recordType: f.recordType,
      sha256: sha256Hex(bytes),
      records: f.lines.length,
      bytes: bytes.length,
    });
  }
  const manifest: Manifest = { format: PACKET_FORMAT, ...opts.manifest, files: listed };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8');
  zipped[MANIFEST] = manifestBytes;
  zipped[SIGNATURE] = Buffer.from(
    minisignSign(manifestBytes, opts.signKey, opts.signPublic, trustedComment(manifest)),
    'utf8',
  );
  const zip = zipSync(zipped, { level: 6 });
  const e = new Encrypter();
  for (const r of opts.recipients) e.addRecipient(r);
  return { bytes: await e.encrypt(zip), manifest };
}

/** What a packet holds once decrypted and unzipped; nothing is trusted yet. */
export interface OpenedPacket {
  manifest: Manifest;
  manifestBytes: Uint8Array;
  minisig: string;
  files: Record<string, Uint8Array>;
}

const AGE_HEADER = 'age-encryption.org/v1\n';

/** The zip inside a packet, decrypted with any of `identities`; a refusal says what failed. */
export async function decryptPacket(bytes: Uint8Array, identities: string[]): Promise<Uint8Array> {
  if (bytes.length > MAX_PACKET_BYTES)
    throw refuse('packets.bad.too_large', { max: MAX_PACKET_BYTES / (1024 * 1024) });
  if (Buffer.from(bytes.subarray(0, AGE_HEADER.length)).toString('latin1') !== AGE_HEADER)
    throw refuse('packets.bad.not_packet');
  const d = new Decrypter();
  for (const i of identities) d.addIdentity(i);
  try {
    return await d.decrypt(bytes);
  } catch (e) {
    const message = e instanceof Error ? e.message : '';
    if (/no identity matched/i.test(message)) throw refuse('packets.bad.not_for_us');
    throw refuse('packets.bad.damaged');
  }
}

/** The zip's files and its manifest, parsed (nothing trusted yet). */
export function unpackPacket(zip: Uint8Array): OpenedPacket {
  let files: Record<string, Uint8Array>;
  try {
    let total = 0;
    files = unzipSync(zip, {
      filter: (f) => {
        total += f.originalSize;
        if (total > MAX_CONTENT_BYTES) throw new Error('too large');
        return true;
      },
    });
  } catch {
    throw refuse('packets.bad.damaged');
  }
  const manifestBytes = files[MANIFEST];
  const minisig = files[SIGNATURE];
  if (!manifestBytes || !minisig) throw refuse('packets.bad.manifest');
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(manifestBytes).toString('utf8'));
  } catch {
    throw refuse('packets.bad.manifest');
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format !== PACKET_FORMAT)
    throw refuse('packets.bad.format_version', { version: format, supported: PACKET_FORMAT });
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw refuse('packets.bad.manifest');
  return {
    manifest: parsed.data,
    manifestBytes,
    minisig: Buffer.from(minisig).toString('utf8'),
    files,
  };
}

/** The signature against the sender's pinned key, then every file against the manifest. */
export function checkContents(p: OpenedPacket, senderSignPublic: string): void {
  if (!minisignVerify(p.manifestBytes, p.minisig, senderSignPublic))
    throw refuse('packets.bad.signature');
  const comment = p.minisig.split('\n')[2] ?? '';
  if (comment !== `trusted comment: ${trustedComment(p.manifest)}`)
    throw refuse('packets.bad.signature');
  const listed = new Set(p.manifest.files.map((f) => f.name));
  for (const name of Object.keys(p.files))
    if (name !== MANIFEST && name !== SIGNATURE && !listed.has(name))
      throw refuse('packets.bad.extra_file', { name });
  for (const f of p.manifest.files) {
    const bytes = p.files[f.name];
    if (!bytes) throw refuse('packets.bad.missing_file', { name: f.name });
    if (bytes.length !== f.bytes || sha256Hex(bytes) !== f.sha256)
      throw refuse('packets.bad.hash', { name: f.name });
  }
}

/** The records of one data file, each parsed; a line that is not JSON is a refusal. */
export function* ndjsonLines(bytes: Uint8Array, name: string): Generator<unknown> {
  const text = Buffer.from(bytes).toString('utf8');
  let start = 0;
  let line = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    try {
      yield JSON.parse(text.slice(start, end));
    } catch {
      throw refuse('packets.bad.record', { name, line, field: '-' });
    }
    start = end + 1;
  }
}
