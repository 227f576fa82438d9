/**
 * Person photos: a real JPEG or PNG (already resized by the client) is stored in the data folder
 * and read back; anything else is refused; earlier photos are kept on disk.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { setUpOffice } from './harness';
import { auditOf, createPerson, snapshot } from './registry';

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A real 2×2 RGB PNG. */
function png(): Buffer {
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
function jpeg(): Buffer {
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

const dataUrl = (mime: string, bytes: Buffer) => `data:${mime};base64,${bytes.toString('base64')}`;

function photoFiles(dir: string): string[] {
  const photos = join(dir, 'photos');
  return existsSync(photos) ? readdirSync(photos).sort() : [];
}

describe('persons.setPhoto and persons.photo', () => {
  it('stores a PNG in the data folder and gives it back', async () => {
    const t = await setUpOffice();
    const p = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    const url = dataUrl('image/png', png());
    const saved = await t.admin.call('persons.setPhoto', { id: p.id, version: 1, dataUrl: url });
    expect(saved).toMatchObject({ id: p.id, hasPhoto: true, version: 2 });

    const files = photoFiles(t.dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^${p.id}-[0-9a-f-]{36}\\.png$`));
    expect(readFileSync(join(t.dir, 'photos', files[0]!))).toEqual(png());
    expect(await t.admin.call('persons.photo', { id: p.id })).toEqual({ dataUrl: url });
    const [audit] = auditOf(t.backend, 'persons.setPhoto');
    expect(audit).toMatchObject({ record_id: p.id, changes: { photo_file: [null, files[0]] } });
  });

  it('replaces it with a JPEG, keeping the old file, and removes it on request', async () => {
    const t = await setUpOffice();
    const p = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    await t.admin.call('persons.setPhoto', {
      id: p.id,
      version: 1,
      dataUrl: dataUrl('image/png', png()),
    });
    const jpg = dataUrl('image/jpeg', jpeg());
    await t.admin.call('persons.setPhoto', { id: p.id, version: 2, dataUrl: jpg });
    expect(await t.admin.call('persons.photo', { id: p.id })).toEqual({ dataUrl: jpg });
    const files = photoFiles(t.dir);
    expect(files.map((f) => f.slice(-4)).sort()).toEqual(['.jpg', '.png']);

    const removed = await t.admin.call('persons.setPhoto', { id: p.id, version: 3, dataUrl: null });
    expect(removed.hasPhoto).toBe(false);
    expect(await t.admin.call('persons.photo', { id: p.id })).toEqual({ dataUrl: null });
    expect(photoFiles(t.dir)).toEqual(files);
  });

  it('refuses what is not a JPEG or PNG, whatever the label, and writes no file', async () => {
    const t = await setUpOffice();
    const p = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    const gif = Buffer.from('474946383961010001000000002c00000000010001000002003b', 'hex');
    const before = snapshot(t.backend);
    for (const url of [
      dataUrl('image/png', Buffer.from('bukan gambar, hanya teks')),
      dataUrl('image/jpeg', png()), // a PNG labelled as JPEG
      dataUrl('image/png', jpeg()),
      dataUrl('image/jpeg', gif),
      dataUrl('image/gif', gif),
      dataUrl('image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')),
      dataUrl('image/png', Buffer.alloc(0)),
      'data:image/png;base64,%%%',
      `data:image/png,${png().toString('latin1')}`,
    ]) {
      const err = await t.admin.fail('persons.setPhoto', { id: p.id, version: 1, dataUrl: url });
      expect(err.issues, url.slice(0, 40)).toEqual([
        { path: ['dataUrl'], key: 'person.photo_invalid' },
      ]);
    }
    expect(snapshot(t.backend)).toEqual(before);
    expect(photoFiles(t.dir)).toEqual([]);
  });

  it('takes a photo up to 600 kB and refuses one byte more', async () => {
    const t = await setUpOffice();
    const p = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    const sized = (n: number) => {
      const b = Buffer.alloc(n, 0x20);
      png().copy(b, 0, 0, 8);
      return b;
    };
    const before = snapshot(t.backend);
    const big = await t.admin.fail('persons.setPhoto', {
      id: p.id,
      version: 1,
      dataUrl: dataUrl('image/png', sized(600 * 1024 + 1)),
    });
    expect(big.issues).toEqual([{ path: ['dataUrl'], key: 'person.photo_invalid' }]);
    // Far larger still is refused by the input check itself, before decoding.
    const huge = await t.admin.fail('persons.setPhoto', {
      id: p.id,
      version: 1,
      dataUrl: dataUrl('image/png', sized(2 * 1024 * 1024)),
    });
    expect(huge.issues).toEqual([
      { path: ['dataUrl'], key: 'validation.too_long', params: { max: 820_000 } },
    ]);
    expect(snapshot(t.backend)).toEqual(before);
    expect(photoFiles(t.dir)).toEqual([]);
    const ok = await t.admin.call('persons.setPhoto', {
      id: p.id,
      version: 1,
      dataUrl: dataUrl('image/png', sized(600 * 1024)),
    });
    expect(ok.hasPhoto).toBe(true);
  });

  it('refuses a stale version and keeps showing the photo the record points at', async () => {
    const t = await setUpOffice();
    const p = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    const first = dataUrl('image/png', png());
    await t.admin.call('persons.setPhoto', { id: p.id, version: 1, dataUrl: first });
    const before = snapshot(t.backend);
    const err = await t.admin.fail('persons.setPhoto', {
      id: p.id,
      version: 1,
      dataUrl: dataUrl('image/jpeg', jpeg()),
    });
    expect(err).toMatchObject({ code: 'CONFLICT', key: 'error.conflict_stale' });
    expect(snapshot(t.backend)).toEqual(before);
    // Refused before any file was written.
    expect(photoFiles(t.dir)).toHaveLength(1);
    expect(await t.admin.call('persons.photo', { id: p.id })).toEqual({ dataUrl: first });
  });

  it('answers NOT_FOUND for an unknown person', async () => {
    const t = await setUpOffice();
    const id = '01900000-0000-7000-8000-000000000000';
    expect((await t.admin.fail('persons.photo', { id })).code).toBe('NOT_FOUND');
    const err = await t.admin.fail('persons.setPhoto', {
      id,
      version: 1,
      dataUrl: dataUrl('image/png', png()),
    });
    expect(err.code).toBe('NOT_FOUND');
  });

  it('passes the photo on in a merge when the surviving record has none', async () => {
    const t = await setUpOffice();
    const keep = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    const gone = await createPerson(t.admin, { fullName: 'Siti A.' });
    const url = dataUrl('image/jpeg', jpeg());
    await t.admin.call('persons.setPhoto', { id: gone.id, version: 1, dataUrl: url });
    const merged = await t.admin.call('persons.merge', {
      keepId: keep.id,
      keepVersion: 1,
      mergeId: gone.id,
      mergeVersion: 2,
      reason: 'Ganda',
    });
    expect(merged.hasPhoto).toBe(true);
    expect(await t.admin.call('persons.photo', { id: keep.id })).toEqual({ dataUrl: url });
  });
});
