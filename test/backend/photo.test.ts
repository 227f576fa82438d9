/**
 * Person photos on the file port: uploaded (checked by content, up to 600 kB), attached by file
 * id, shown through the audited download; a replaced photo is gone unless still shown elsewhere;
 * photos saved before migration 0009 are moved into the store when the backend opens.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/app';
import { listBlobs } from '../../electron/backend/files/store';
import { Client, setUpOffice } from './harness';
import { GIF, jpeg, png, upload, uploaded, webp } from './images';
import { auditOf, createPerson, snapshot } from './registry';

/** The bytes a download of the person's photo hands back, or null. */
async function photoBytes(c: Client, personId: string): Promise<Buffer | null> {
  const { person } = await c.call('persons.get', { id: personId });
  if (!person.photoFileId) return null;
  const result = await c.backend.download(c.token, person.photoFileId);
  if (!result.response.ok || !result.path) throw new Error('download refused');
  return readFileSync(result.path);
}

function fileRows(t: { backend: { sqlite: import('better-sqlite3').Database } }) {
  return t.backend.sqlite.prepare('SELECT * FROM files ORDER BY rowid').all() as {
    id: string;
    sha256: string;
    type: string;
    purpose: string;
  }[];
}

describe('persons.setPhoto with an uploaded file', () => {
  it('stores a PNG in the file store, attaches it and hands it back', async () => {
    const t = await setUpOffice();
    const p = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    const fileId = await uploaded(t.admin, png());
    const saved = await t.admin.call('persons.setPhoto', { id: p.id, version: 1, fileId });
    expect(saved).toMatchObject({ id: p.id, hasPhoto: true, photoFileId: fileId, version: 2 });
    expect(await photoBytes(t.admin, p.id)).toEqual(png());
    expect(fileRows(t)).toMatchObject([{ id: fileId, type: 'image/png', purpose: 'personPhoto' }]);
    const [audit] = auditOf(t.backend, 'persons.setPhoto');
    expect(audit).toMatchObject({ record_id: p.id, changes: { photo_file_id: [null, fileId] } });
    // The upload and the viewing are audited too.
    expect(auditOf(t.backend, 'files.upload')).toMatchObject([
      { record_type: 'file', record_id: fileId, note: 'personPhoto' },
    ]);
    expect(auditOf(t.backend, 'files.download')).toMatchObject([
      { record_id: fileId, outcome: 'ok', note: 'personPhoto: foto.png' },
    ]);
  });

  it('replaces it with a JPEG, removing the old file, and removes that on request', async () => {
    const t = await setUpOffice();
    const p = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    const first = await uploaded(t.admin, png());
    await t.admin.call('persons.setPhoto', { id: p.id, version: 1, fileId: first });
    const second = await uploaded(t.admin, jpeg(), 'foto.jpg');
    await t.admin.call('persons.setPhoto', { id: p.id, version: 2, fileId: second });
    expect(await photoBytes(t.admin, p.id)).toEqual(jpeg());
    expect(fileRows(t).map((r) => r.id)).toEqual([second]);
    expect(listBlobs(t.dir)).toEqual([fileRows(t)[0]!.sha256]);

    const removed = await t.admin.call('persons.setPhoto', { id: p.id, version: 3, fileId: null });
    expect(removed).toMatchObject({ hasPhoto: false, photoFileId: null });
    expect(fileRows(t)).toEqual([]);
    expect(listBlobs(t.dir)).toEqual([]);
  });

  it('keeps a replaced photo that a merged record still shows', async () => {
    const t = await setUpOffice();
    const keep = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    const gone = await createPerson(t.admin, { fullName: 'Siti A.' });
    const fileId = await uploaded(t.admin, jpeg(), 'foto.jpg');
    await t.admin.call('persons.setPhoto', { id: gone.id, version: 1, fileId });
    const merged = await t.admin.call('persons.merge', {
      keepId: keep.id,
      keepVersion: 1,
      mergeId: gone.id,
      mergeVersion: 2,
      reason: 'Ganda',
    });
    expect(merged.photoFileId).toBe(fileId);
    await t.admin.call('persons.setPhoto', { id: keep.id, version: merged.version, fileId: null });
    // The merged record still points at it: row and blob stay.
    expect(fileRows(t).map((r) => r.id)).toEqual([fileId]);
    expect(listBlobs(t.dir)).toHaveLength(1);
    expect(await photoBytes(t.admin, gone.id)).toEqual(jpeg());
  });

  it('shares one blob between two uploads of the same picture', async () => {
    const t = await setUpOffice();
    const a = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    const b = await createPerson(t.admin, { fullName: 'Budi Santoso' });
    const fa = await uploaded(t.admin, png());
    const fb = await uploaded(t.admin, png(), 'lagi.png');
    await t.admin.call('persons.setPhoto', { id: a.id, version: 1, fileId: fa });
    await t.admin.call('persons.setPhoto', { id: b.id, version: 1, fileId: fb });
    expect(listBlobs(t.dir)).toHaveLength(1);
    // Removing one person's photo leaves the other's content in place.
    await t.admin.call('persons.setPhoto', { id: a.id, version: 2, fileId: null });
    expect(listBlobs(t.dir)).toHaveLength(1);
    expect(await photoBytes(t.admin, b.id)).toEqual(png());
  });

  it('refuses what is not a JPEG, PNG or WebP by its content, and keeps nothing', async () => {
    const t = await setUpOffice();
    const before = snapshot(t.backend);
    const cases: [Buffer, string, string, string][] = [
      [Buffer.from('bukan gambar, hanya teks'), 'foto.png', 'image/png', 'file.unknown_kind'],
      [png(), 'foto.jpg', 'image/jpeg', 'file.kind_mismatch'], // a PNG labelled as JPEG
      [jpeg(), 'foto.png', '', 'file.kind_mismatch'], // a JPEG named .png
      [jpeg(), 'foto', 'image/png', 'file.kind_mismatch'], // a JPEG declared as PNG
      [GIF, 'foto.gif', 'image/gif', 'file.unknown_kind'],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'a.svg', '', 'file.unknown_kind'],
      [Buffer.from('%PDF-1.7\n'), 'surat.pdf', 'application/pdf', 'file.kind_not_allowed'],
      [Buffer.alloc(0), 'foto.png', 'image/png', 'file.empty'],
    ];
    for (const [bytes, name, type, key] of cases) {
      const r = await upload(t.admin, bytes, { name, type });
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.error.key, `${name} ${type}`).toBe(key);
    }
    const lying = await upload(t.admin, png(), { name: 'foto.jpg', type: 'image/jpeg' });
    expect(!lying.ok && lying.error.message).toEqual({
      id: 'Isi berkas "foto.jpg" bukan JPEG seperti nama atau jenisnya; berkas ditolak.',
      en: 'The content of "foto.jpg" is not JPEG as its name or type says; the file was refused.',
    });
    expect((await upload(t.admin, webp(), { name: 'foto.webp', type: 'image/webp' })).ok).toBe(
      true,
    );
    const after = snapshot(t.backend);
    expect(after.persons).toEqual(before.persons);
    expect(after.files).toHaveLength(1);
    expect(listBlobs(t.dir)).toHaveLength(1);
    expect(readdirSync(join(t.dir, 'files', 'tmp'))).toEqual([]);
  });

  it('takes a photo up to 600 kB and refuses one byte more', async () => {
    const t = await setUpOffice();
    const sized = (n: number) => {
      const b = Buffer.alloc(n, 0x20);
      png().copy(b, 0, 0, 8);
      return b;
    };
    const big = await upload(t.admin, sized(600 * 1024 + 1));
    expect(!big.ok && big.error).toMatchObject({
      code: 'VALIDATION',
      key: 'file.too_large',
      params: { name: 'foto.png', max: '600 kB' },
    });
    expect(fileRows(t)).toEqual([]);
    expect(listBlobs(t.dir)).toEqual([]);
    expect((await upload(t.admin, sized(600 * 1024))).ok).toBe(true);
  });

  it('refuses an unknown file id or a file kept for another purpose, changing nothing', async () => {
    const t = await setUpOffice();
    const p = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    const other = await uploaded(t.admin, png());
    t.backend.sqlite.prepare(`UPDATE files SET purpose = 'generated' WHERE id = ?`).run(other);
    const before = snapshot(t.backend);
    const unknown = '01900000-0000-7000-8000-000000000000';
    const missing = await t.admin.fail('persons.setPhoto', {
      id: p.id,
      version: 1,
      fileId: unknown,
    });
    expect(missing.issues).toEqual([{ path: ['fileId'], key: 'file.missing' }]);
    const wrong = await t.admin.fail('persons.setPhoto', { id: p.id, version: 1, fileId: other });
    expect(wrong.issues).toEqual([{ path: ['fileId'], key: 'file.wrong_purpose' }]);
    expect(snapshot(t.backend)).toEqual(before);
  });

  it('refuses a stale version and keeps showing the photo the record points at', async () => {
    const t = await setUpOffice();
    const p = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    await t.admin.call('persons.setPhoto', {
      id: p.id,
      version: 1,
      fileId: await uploaded(t.admin, png()),
    });
    const late = await uploaded(t.admin, jpeg(), 'foto.jpg');
    const before = snapshot(t.backend);
    const err = await t.admin.fail('persons.setPhoto', { id: p.id, version: 1, fileId: late });
    expect(err).toMatchObject({ code: 'CONFLICT', key: 'error.conflict_stale' });
    expect(snapshot(t.backend)).toEqual(before);
    expect(await photoBytes(t.admin, p.id)).toEqual(png());
  });

  it('answers NOT_FOUND for an unknown person', async () => {
    const t = await setUpOffice();
    const id = '01900000-0000-7000-8000-000000000000';
    const err = await t.admin.fail('persons.setPhoto', {
      id,
      version: 1,
      fileId: await uploaded(t.admin, png()),
    });
    expect(err.code).toBe('NOT_FOUND');
  });
});

describe('photos saved before migration 0009', () => {
  it('move into the file store when the backend opens; replaced ones are removed', async () => {
    const t = await setUpOffice();
    const a = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    const b = await createPerson(t.admin, { fullName: 'Siti A.' });
    const lost = await createPerson(t.admin, { fullName: 'Budi Santoso' });
    const photos = join(t.dir, 'photos');
    mkdirSync(photos);
    const current = `${a.id}-01900000-0000-7000-8000-00000000000a.png`;
    const replaced = `${a.id}-01900000-0000-7000-8000-000000000009.jpg`;
    const missing = `${lost.id}-01900000-0000-7000-8000-00000000000b.png`;
    writeFileSync(join(photos, current), png());
    writeFileSync(join(photos, replaced), jpeg());
    const set = t.backend.sqlite.prepare('UPDATE persons SET photo_file = ? WHERE id = ?');
    set.run(current, a.id);
    set.run(current, b.id); // a merged record shares its photo
    set.run(missing, lost.id);
    await t.backend.close();

    const reopened = await openBackend({ dataDir: t.dir, now: () => t.clock.now });
    try {
      const admin = new Client(reopened, t.admin.token);
      const { person: pa } = await admin.call('persons.get', { id: a.id });
      const { person: pb } = await admin.call('persons.get', { id: b.id });
      expect(pa.photoFileId).not.toBeNull();
      expect(pb.photoFileId).toBe(pa.photoFileId);
      expect(await photoBytes(admin, a.id)).toEqual(png());
      // A photo whose file is gone stays named on the record (nothing is lost silently).
      const rows = reopened.sqlite
        .prepare('SELECT id, photo_file, photo_file_id FROM persons WHERE id IN (?, ?, ?)')
        .all(a.id, b.id, lost.id);
      expect(rows).toEqual(
        expect.arrayContaining([
          { id: a.id, photo_file: null, photo_file_id: pa.photoFileId },
          { id: lost.id, photo_file: missing, photo_file_id: null },
        ]),
      );
      // Adopted and replaced files are gone, and with them the emptied folder.
      expect(existsSync(join(photos, replaced))).toBe(false);
      expect(existsSync(photos)).toBe(false);
      expect(listBlobs(t.dir)).toHaveLength(1);
    } finally {
      await reopened.close();
    }
  });
});
