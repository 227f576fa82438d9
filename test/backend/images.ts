/** Small real images (and look-alikes) for file and photo tests, plus an upload helper. */
import { crc32, deflateSync } from 'node:zlib';
import type { StoredFile } from '../../shared/files';
import type { RpcError } from '../../shared/errors';
import type { Client } from './harness';

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A real 2×2 RGB PNG. */
export function png(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const row = Buffer.from([0, 0xc0, 0x80, 0x40, 0x20, 0x60, 0xa0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat([row, row]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A real baseline JPEG: 8×8 mid-grey, one component, quantisation all 1, Huffman tables with a
 * single one-bit code each (DC difference 0, end of block).
 */
export function jpeg(): Buffer {
  const seg = (marker: number, data: number[]) => [
    0xff,
    marker,
    (data.length + 2) >> 8,
    (data.length + 2) & 0xff,
    ...data,
  ];
  const oneCode = (tableClassId: number, symbol: number) => [
    tableClassId,
    1,
    ...new Array<number>(15).fill(0),
    symbol,
  ];
  return Buffer.from([
    0xff,
    0xd8, // SOI
    ...seg(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]), // JFIF
    ...seg(0xdb, [0x00, ...new Array<number>(64).fill(1)]), // DQT
    ...seg(0xc0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]), // SOF0 8×8, 1 component
    ...seg(0xc4, oneCode(0x00, 0)), // DHT DC 0
    ...seg(0xc4, oneCode(0x10, 0)), // DHT AC 0 (EOB)
    ...seg(0xda, [1, 1, 0x00, 0, 63, 0]), // SOS
    0x3f, // DC "0" + EOB "0", padded with ones
    0xff,
    0xd9, // EOI
  ]);
}

/** A minimal WebP container header (RIFF....WEBPVP8 ) with a few payload bytes. */
export function webp(): Buffer {
  const payload = Buffer.from('VP8 \x04\x00\x00\x00\x00\x00\x00\x00', 'latin1');
  const size = Buffer.alloc(4);
  size.writeUInt32LE(4 + payload.length);
  return Buffer.concat([Buffer.from('RIFF', 'ascii'), size, Buffer.from('WEBP', 'ascii'), payload]);
}

export function pdf(): Buffer {
  return Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
}

export const GIF = Buffer.from('474946383961010001000000002c00000000010001000002003b', 'hex');

/** Yields `bytes` in chunks of `size`, like a request body arriving. */
export async function* chunks(bytes: Buffer, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** Uploads through the backend's file port as the client's session. */
export async function upload(
  c: Client,
  bytes: Buffer,
  opts: { purpose?: string; name?: string; type?: string } = {},
): Promise<{ ok: true; file: StoredFile } | { ok: false; error: RpcError }> {
  const result = await c.backend.upload(c.token, {
    purpose: opts.purpose ?? 'personPhoto',
    name: opts.name ?? 'foto.png',
    declaredType: opts.type ?? '',
    body: chunks(bytes),
  });
  return result.response.ok
    ? { ok: true, file: result.response.data }
    : { ok: false, error: result.response.error };
}

/** Uploads and returns the file id, failing the test on refusal. */
export async function uploaded(
  c: Client,
  bytes: Buffer,
  name = 'foto.png',
  purpose = 'personPhoto',
): Promise<string> {
  const r = await upload(c, bytes, { name, purpose });
  if (!r.ok) throw new Error(`upload refused: ${r.error.key}`);
  return r.file.fileId;
}
