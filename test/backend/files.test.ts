/**
 * The file store and port: content-addressed blobs written atomically, types checked by content,
 * size caps enforced while streaming, sessions and permissions as in dispatch, every hand-over
 * audited, and nothing left behind by a refused or aborted upload.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/app';
import type { Ctx } from '../../electron/backend/dispatch/context';
import { offerFile } from '../../electron/backend/files/generated';
import { contradictions, detectKind, cleanFileName } from '../../electron/backend/files/kinds';
import { blobPath, keep, listBlobs, receive, TooLarge } from '../../electron/backend/files/store';
import { UPLOAD_PURPOSES } from '../../shared/files';
import { canAccess, ROLES } from '../../shared/roles';
import { Client, idOf, setUpOffice, userWithRoles } from './harness';
import { chunks, GIF, jpeg, pdf, png, upload, uploaded, webp } from './images';
import { auditOf, createPerson, DAY } from './registry';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const tmpFiles = (dir: string) =>
  existsSync(join(dir, 'files', 'tmp')) ? readdirSync(join(dir, 'files', 'tmp')) : [];

describe('kinds', () => {
  it('recognises PDF, JPEG, PNG and WebP by their first bytes only', () => {
    expect(detectKind(pdf())).toBe('pdf');
    expect(detectKind(jpeg())).toBe('jpeg');
    expect(detectKind(png())).toBe('png');
    expect(detectKind(webp())).toBe('webp');
    expect(detectKind(GIF)).toBeNull();
    expect(detectKind(Buffer.from('RIFF\0\0\0\0WAVE'))).toBeNull();
    expect(detectKind(Buffer.from('%PD'))).toBeNull();
    expect(detectKind(Buffer.alloc(0))).toBeNull();
  });

  it('names what the file name or declared type claim when the content disagrees', () => {
    expect(contradictions('foto.png', 'image/png', 'png')).toEqual([]);
    expect(contradictions('foto.JPEG', '', 'jpeg')).toEqual([]);
    expect(contradictions('foto', 'application/octet-stream', 'webp')).toEqual([]);
    expect(contradictions('Surat 12.2026', 'application/pdf', 'pdf')).toEqual([]);
    expect(contradictions('foto.png', 'image/png', 'jpeg')).toEqual(['PNG', 'PNG']);
    expect(contradictions('laporan.pdf', '', 'png')).toEqual(['PDF']);
    expect(contradictions('nota.docx', '', 'pdf')).toEqual(['.docx']);
    expect(contradictions('x', 'text/html; charset=utf-8', 'pdf')).toEqual(['text/html']);
  });

  it('keeps a safe file name', () => {
    expect(cleanFileName('C:\\Users\\siti\\foto ktp.jpg')).toBe('foto ktp.jpg');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b<c>.pdf')).toBe('abc.pdf');
    expect(cleanFileName('..')).toBeNull();
    expect(cleanFileName('   ')).toBeNull();
    const long = cleanFileName('x'.repeat(300) + '.pdf')!;
    expect(long).toHaveLength(200);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});

describe('store', () => {
  it('names a blob by its SHA-256 under a two-digit folder and stores equal content once', async () => {
    const t = await setUpOffice();
    const bytes = Buffer.concat([png(), Buffer.alloc(300_000, 7)]);
    const a = await receive(t.dir, chunks(bytes, 10_000), 1_000_000);
    expect(a).toMatchObject({ sha256: sha(bytes), size: bytes.length });
    keep(t.dir, a);
    const b = await receive(t.dir, chunks(bytes), 1_000_000);
    keep(t.dir, b);
    const path = blobPath(t.dir, sha(bytes));
    expect(path).toBe(join(t.dir, 'files', sha(bytes).slice(0, 2), sha(bytes)));
    expect(readFileSync(path)).toEqual(bytes);
    expect(listBlobs(t.dir)).toEqual([sha(bytes)]);
    expect(tmpFiles(t.dir)).toEqual([]);
  });

  it('shows a blob only once it is complete, and leaves nothing when the source fails', async () => {
    const t = await setUpOffice();
    const seen: string[][] = [];
    async function* slow() {
      yield png();
      // Half-way: bytes are in a temporary file, nothing is in the store yet.
      seen.push(listBlobs(t.dir), tmpFiles(t.dir));
      yield Buffer.alloc(1000);
    }
    const got = await receive(t.dir, slow(), 10_000);
    expect(seen).toEqual([[], [expect.stringMatching(/\.part$/)]]);
    expect(listBlobs(t.dir)).toEqual([]);
    keep(t.dir, got);
    expect(listBlobs(t.dir)).toEqual([got.sha256]);

    async function* broken() {
      yield png();
      throw new Error('client went away');
    }
    await expect(receive(t.dir, broken(), 10_000)).rejects.toThrow('client went away');
    expect(tmpFiles(t.dir)).toEqual([]);
    expect(listBlobs(t.dir)).toEqual([got.sha256]);
  });

  it('stops reading at the size cap and removes what it had', async () => {
    const t = await setUpOffice();
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled++;
        yield Buffer.alloc(64 * 1024);
      }
    }
    await expect(receive(t.dir, endless(), 200 * 1024)).rejects.toBeInstanceOf(TooLarge);
    expect(pulled).toBe(4);
    expect(tmpFiles(t.dir)).toEqual([]);
    expect(listBlobs(t.dir)).toEqual([]);
  });
});

describe('upload', () => {
  it('refuses a caller without a session before reading the body', async () => {
    const t = await setUpOffice();
    let pulled = false;
    async function* body() {
      pulled = true;
      yield png();
    }
    for (const token of [null, 'not-a-session']) {
      const r = await t.backend.upload(token, {
        purpose: 'personPhoto',
        name: 'foto.png',
        declaredType: 'image/png',
        body: body(),
      });
      expect(r.response.ok).toBe(false);
      expect(!r.response.ok && r.response.error.code).toBe('UNAUTHENTICATED');
    }
    expect(pulled).toBe(false);
    expect(listBlobs(t.dir)).toEqual([]);
  });

  it('refuses a role without the purpose permission, audited as denied', async () => {
    const t = await setUpOffice();
    const viewer = await userWithRoles(t, 'pimpinan', ['viewer']);
    const r = await upload(viewer, png());
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
    expect(auditOf(t.backend, 'files.upload')).toMatchObject([
      { username: 'pimpinan', outcome: 'denied' },
    ]);
    const unknown = await upload(t.admin, png(), { purpose: 'anything' });
    expect(!unknown.ok && unknown.error.key).toBe('file.unknown_purpose');
    expect(listBlobs(t.dir)).toEqual([]);
  });

  it('lets exactly the roles with each purpose permission upload, and every reader read', async () => {
    const t = await setUpOffice();
    for (const role of ROLES) {
      const c = role === 'admin' ? t.admin : await userWithRoles(t, `u_${role}`, [role]);
      for (const [purpose, rule] of Object.entries(UPLOAD_PURPOSES)) {
        const r = await upload(c, png(), { purpose });
        expect(r.ok, `${role} uploads ${purpose}`).toBe(canAccess(rule.access, [role]));
        // The admin's upload for this purpose: who may read it is the purpose's rule.
        const mine = await upload(t.admin, png(), { purpose });
        if (!mine.ok) throw new Error(mine.error.key);
        const read = await t.backend.download(c.token, mine.file.fileId);
        expect(read.response.ok, `${role} reads ${purpose}`).toBe(canAccess(rule.read, [role]));
      }
    }
  });

  it('refuses an announced size over the cap without reading', async () => {
    const t = await setUpOffice();
    let pulled = false;
    async function* body() {
      pulled = true;
      yield png();
    }
    const r = await t.backend.upload(t.admin.token, {
      purpose: 'personPhoto',
      name: 'foto.png',
      declaredType: 'image/png',
      declaredSize: 30 * 1024 * 1024,
      body: body(),
    });
    expect(!r.response.ok && r.response.error.key).toBe('file.too_large');
    expect(pulled).toBe(false);
  });
});

describe('download', () => {
  it('hands a photo to anyone who reads persons, audited each time', async () => {
    const t = await setUpOffice();
    const viewer = await userWithRoles(t, 'pimpinan', ['viewer']);
    const fileId = await uploaded(t.admin, png());
    const r = await t.backend.download(viewer.token, fileId);
    expect(r.response).toEqual({
      ok: true,
      data: { fileId, name: 'foto.png', type: 'image/png', size: png().length },
    });
    expect(readFileSync(r.path!)).toEqual(png());
    expect(auditOf(t.backend, 'files.download')).toMatchObject([
      { username: 'pimpinan', record_type: 'file', record_id: fileId, outcome: 'ok' },
    ]);
    expect((await t.backend.download(null, fileId)).response).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    const unknown = await t.backend.download(t.admin.token, '01900000-0000-7000-8000-000000000000');
    expect(unknown.response).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('hands a generated file only to the user it was made for', async () => {
    const t = await setUpOffice();
    const staff = await userWithRoles(t, 'petugas', ['shelter_staff']);
    const user = { id: await idOf(t.backend, 'petugas'), username: 'petugas', roles: [] };
    const ctx = {
      db: t.backend.db,
      user,
      now: t.clock.now,
      nowIso: t.clock.now.toISOString(),
      dataDir: t.dir,
    } as unknown as Ctx;
    const fileId = await offerFile(ctx, {
      bytes: pdf(),
      name: 'Surat 01.pdf',
      type: 'application/pdf',
    });
    const mine = await t.backend.download(staff.token, fileId);
    expect(mine.response).toMatchObject({
      ok: true,
      data: { name: 'Surat 01.pdf', type: 'application/pdf' },
    });
    expect(readFileSync(mine.path!)).toEqual(pdf());
    const theirs = await t.backend.download(t.admin.token, fileId);
    expect(theirs.response).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(auditOf(t.backend, 'files.download').map((a) => [a.username, a.outcome])).toEqual([
      ['petugas', 'ok'],
      ['admin', 'denied'],
    ]);
  });
});

describe('sweep at open', () => {
  it('removes day-old unattached uploads, orphan blobs and temporary files; keeps the rest', async () => {
    const t = await setUpOffice();
    const p = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    const attached = await uploaded(t.admin, png());
    await t.admin.call('persons.setPhoto', { id: p.id, version: 1, fileId: attached });
    const stale = await uploaded(t.admin, jpeg(), 'foto.jpg');
    const dayAgo = new Date(t.clock.now.getTime() - DAY - 1000).toISOString();
    const age = t.backend.sqlite.prepare('UPDATE files SET created_at = ? WHERE id = ?');
    age.run(dayAgo, stale);
    age.run(dayAgo, attached); // old too, but a person shows it
    const fresh = await uploaded(t.admin, webp(), 'foto.webp');
    mkdirSync(join(t.dir, 'files', 'tmp'), { recursive: true });
    writeFileSync(join(t.dir, 'files', 'tmp', 'cut-off.part'), 'half');
    const orphan = 'cd'.repeat(32);
    mkdirSync(join(t.dir, 'files', 'cd'), { recursive: true });
    writeFileSync(blobPath(t.dir, orphan), 'left by a rolled-back export');
    await t.backend.close();

    const reopened = await openBackend({ dataDir: t.dir, now: () => t.clock.now });
    try {
      const ids = (
        reopened.sqlite.prepare('SELECT id FROM files ORDER BY id').all() as {
          id: string;
        }[]
      ).map((r) => r.id);
      expect(ids).toEqual([attached, fresh].sort());
      expect(ids).not.toContain(stale);
      expect(listBlobs(t.dir).sort()).toEqual([sha(png()), sha(webp())].sort());
      expect(tmpFiles(t.dir)).toEqual([]);
      const admin = new Client(reopened, t.admin.token);
      expect((await admin.call('persons.get', { id: p.id })).person.photoFileId).toBe(attached);
    } finally {
      await reopened.close();
    }
  });
});
