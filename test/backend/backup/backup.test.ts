/**
 * Backups: back up now (checked copy, manifest, stored files, the run recorded), a copy that
 * fails its checks never counts, rotation, restore refusals that leave everything as it was,
 * the restore drill (back up, change, restore, compare), and encrypted copies.
 */
import {
  existsSync,
  readdirSync,
  readFileSync,
  writeFileSync,
  openSync,
  writeSync,
  closeSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toRemove, DEFAULT_POLICY } from '../../../electron/backend/backup/rotation';
import type { Manifest } from '../../../electron/backend/backup/manifest';
import { verifyTrail } from '../../../electron/backend/audit/verify';
import { openOfficeKey } from '../../../electron/backend/keys/officeKey';
import { idOf, sessionFor, setUpOffice } from '../harness';
import { listBackups } from '../../../electron/backend/backup/folder';
import { storeBytes } from '../../../electron/backend/files/store';
import { createPerson } from '../registry';

type Office = Awaited<ReturnType<typeof setUpOffice>>;

function manifestAt(createdAt: string, kind: Manifest['kind'] = 'auto'): Manifest {
  return {
    format: 1,
    name: createdAt,
    kind,
    createdAt,
    appVersion: '0.1.0',
    schemaVersion: 17,
    sizeBytes: 1,
    sha256: '',
    counts: { persons: 0, stays: 0, complaints: 0, users: 0, files: 0, auditEntries: 0 },
    files: [],
    missingFiles: 0,
    auditHeadSeq: 1,
  };
}

async function persons(t: Office): Promise<string[]> {
  return (
    await t.backend.db.selectFrom('persons').select('full_name').orderBy('full_name').execute()
  ).map((r) => r.full_name);
}

async function backUp(t: Office) {
  return (await t.admin.call('backup.run', {})).backup;
}

describe('rotation', () => {
  it('keeps 7 daily, 4 weekly and 12 monthly by default, in the office zone', () => {
    // Four backups a day (WITA 08:00, 12:00, 16:00, 20:00) for 400 days up to Tue 1 Dec 2026.
    const all: Manifest[] = [];
    const end = Date.parse('2026-12-01T12:00:00Z');
    for (let d = 0; d < 400; d++)
      for (const h of [0, 4, 8, 12])
        all.push(manifestAt(new Date(end - d * 86_400_000 - h * 3_600_000).toISOString()));
    const removed = new Set(toRemove(all, DEFAULT_POLICY, 'Asia/Makassar'));
    const kept = all.filter((m) => !removed.has(m.name)).map((m) => m.createdAt);
    expect(kept).toEqual([
      // Everything of the last 24 hours.
      '2026-12-01T12:00:00.000Z',
      '2026-12-01T08:00:00.000Z',
      '2026-12-01T04:00:00.000Z',
      '2026-12-01T00:00:00.000Z',
      // The newest of each of the last 7 days (20:00 WITA = 12:00Z).
      '2026-11-30T12:00:00.000Z',
      '2026-11-29T12:00:00.000Z',
      '2026-11-28T12:00:00.000Z',
      '2026-11-27T12:00:00.000Z',
      '2026-11-26T12:00:00.000Z',
      '2026-11-25T12:00:00.000Z',
      // 4 weeks (Monday first): this week's and last week's newest are kept already (1 Dec,
      // Sunday 29 Nov); then the Sundays of the 2 weeks before.
      '2026-11-22T12:00:00.000Z',
      '2026-11-15T12:00:00.000Z',
      // Months: December's is kept already; the last day of each of the 11 months before.
      '2026-10-31T12:00:00.000Z',
      '2026-09-30T12:00:00.000Z',
      '2026-08-31T12:00:00.000Z',
      '2026-07-31T12:00:00.000Z',
      '2026-06-30T12:00:00.000Z',
      '2026-05-31T12:00:00.000Z',
      '2026-04-30T12:00:00.000Z',
      '2026-03-31T12:00:00.000Z',
      '2026-02-28T12:00:00.000Z',
      '2026-01-31T12:00:00.000Z',
    ]);
  });

  it('groups by the office day, not the UTC day', () => {
    // 2026-11-30T17:00Z is 1 Dec 01:00 WITA: the same office day as 1 Dec 12:00Z.
    const all = [manifestAt('2026-12-01T12:00:00.000Z'), manifestAt('2026-11-30T17:00:00.000Z')];
    const policy = { daily: 7, weekly: 0, monthly: 0, recentMs: 0 };
    expect(toRemove(all, policy, 'Asia/Makassar')).toEqual(['2026-11-30T17:00:00.000Z']);
    expect(toRemove(all, policy, 'UTC')).toEqual([]);
    // Within the last day both stay anyway.
    expect(toRemove(all, { ...policy, recentMs: undefined }, 'Asia/Makassar')).toEqual([]);
  });

  it('keeps the newest three safety copies apart from the rotation', () => {
    const all = [1, 2, 3, 4].map((d) => manifestAt(`2026-11-0${d}T01:00:00.000Z`, 'safety'));
    expect(toRemove(all, { daily: 1, weekly: 0, monthly: 0, recentMs: 0 }, 'UTC')).toEqual([
      '2026-11-01T01:00:00.000Z',
    ]);
  });

  it('removes backups and their stored files when they fall out', async () => {
    const t = await setUpOffice();
    const status = await t.admin.call('backup.status', {});
    await t.admin.call('backup.updateSettings', {
      folder: join(t.dir, 'elsewhere'),
      auto: true,
      intervalHours: 4,
      keepDaily: 2,
      keepWeekly: 0,
      keepMonthly: 0,
      version: status.version,
    });
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      // A different photo each day, so each backup brings a stored file of its own.
      const sha = storeBytes(t.dir, Buffer.from(`foto ${i}`));
      await t.backend.db
        .insertInto('files')
        .values({
          id: `f${i}`,
          sha256: sha,
          type: 'image/jpeg',
          size: 6,
          original_name: 'x.jpg',
          purpose: 'person_photo',
          created_at: t.clock.now.toISOString(),
          created_by: null,
        })
        .execute();
      if (i > 0)
        await t.backend.db
          .deleteFrom('files')
          .where('id', '=', `f${i - 1}`)
          .execute();
      const run = await t.backend.backups.run('auto');
      if (!run.ok) throw new Error(run.message);
      names.push(run.manifest.name);
      t.clock.advance(86_400_000);
    }
    const folder = join(t.dir, 'elsewhere');
    expect(listBackups(folder).map((b) => b.name)).toEqual([names[2], names[1]]);
    expect(existsSync(join(folder, names[0]!))).toBe(false);
    // The first day's photo went with its backup; the later ones stay.
    expect(
      readdirSync(join(folder, 'files')).flatMap((d) => readdirSync(join(folder, 'files', d)))
        .length,
    ).toBe(2);
  });
});

describe('back up now', () => {
  it('makes a checked copy with its manifest and records the run', async () => {
    const t = await setUpOffice();
    await createPerson(t.admin, { fullName: 'Siti Aminah' });
    const before = await t.admin.call('backup.status', {});
    expect(before.stale).toBe(true);
    expect(before.folder).toBe(join(t.dir, 'backups'));
    expect(before.folderChosen).toBe(false);

    const b = await backUp(t);
    expect(b.kind).toBe('manual');
    expect(b.counts.persons).toBe(1);
    expect(b.counts.users).toBe(1);
    const dir = join(t.dir, 'backups', b.name);
    expect(readdirSync(dir).sort()).toEqual(['keys', 'manifest.json', 'pelita.sqlite']);
    // A standalone file: no WAL, opens on its own.
    expect(existsSync(join(dir, 'pelita.sqlite-wal'))).toBe(false);

    const after = await t.admin.call('backup.status', {});
    expect(after.stale).toBe(false);
    expect(after.lastGood?.name).toBe(b.name);
    const audit = await t.backend.db
      .selectFrom('audit_log')
      .select(['method', 'note'])
      .where('method', '=', 'backup.run')
      .execute();
    expect(audit).toEqual([{ method: 'backup.run', note: b.name }]);

    // A day later without a new backup, the admin home warns.
    t.clock.advance(25 * 3_600_000);
    const later = await sessionFor(t.backend, await idOf(t.backend, 'admin'), t.clock.now);
    expect((await later.call('backup.status', {})).stale).toBe(true);
  });

  it('does not count a copy whose audit trail fails verification', async () => {
    const t = await setUpOffice();
    await createPerson(t.admin, { fullName: 'Siti Aminah' });
    // Someone edits the trail in the file, outside Pelita.
    t.backend.sqlite.exec(`DROP TRIGGER audit_log_no_update;
      UPDATE audit_log SET note = 'diubah' WHERE seq = 1;`);
    const e = await t.admin.fail('backup.run', {});
    expect(e.key).toBe('backup.failed');
    expect(e.message.en).toMatch(/audit trail: \d+ problem/);
    const status = await t.admin.call('backup.status', {});
    expect(status.lastGood).toBeNull();
    expect(status.lastRun).toMatchObject({ ok: false, kind: 'manual' });
    expect(status.stale).toBe(true);
    expect((await t.admin.call('backup.list', {})).backups).toEqual([]);
    expect(readdirSync(join(t.dir, 'backups'))).toEqual([]);
  });
});

describe('restore', () => {
  it('drill: back up, change, restore, compare; the safety copy holds the change', async () => {
    const t = await setUpOffice();
    await createPerson(t.admin, { fullName: 'Siti Aminah' });
    const b = await backUp(t);
    const snapshot = await persons(t);
    await createPerson(t.admin, { fullName: 'Budi Santoso' });
    expect(await persons(t)).toEqual(['Budi Santoso', 'Siti Aminah']);

    const seen = await t.admin.call('backup.inspect', { name: b.name });
    expect(seen.backup.counts.persons).toBe(1);
    const r = await t.admin.call('backup.restore', { name: b.name, confirm: true });
    expect(r.restored.name).toBe(b.name);

    expect(await persons(t)).toEqual(snapshot);
    // The admin's session carries on, the trail verifies and says who restored what.
    const status = await t.admin.call('backup.status', {});
    const report = await verifyTrail(t.backend.db, openOfficeKey(t.dir));
    expect(report.intact).toBe(true);
    const last = await t.backend.db
      .selectFrom('audit_log')
      .select(['method', 'username', 'note'])
      .orderBy('seq', 'desc')
      .where('method', '=', 'backup.restore')
      .executeTakeFirstOrThrow();
    expect(last.username).toBe('admin');
    expect(last.note).toContain(b.name);
    expect(last.note).toContain(r.safetyCopy);
    expect(t.backend.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

    // The safety copy is listed and holds the person the restore took away.
    const list = (await t.admin.call('backup.list', {})).backups;
    const safety = list.find((x) => x.name === r.safetyCopy)!;
    expect(safety.kind).toBe('safety');
    expect(safety.counts.persons).toBe(2);
    expect(status.folder).toBe(join(t.dir, 'backups'));
    // And it restores too: undo the restore.
    await t.admin.call('backup.restore', { name: r.safetyCopy, confirm: true });
    expect(await persons(t)).toEqual(['Budi Santoso', 'Siti Aminah']);
  });

  async function refusedLeavesAll(t: Office, name: string, key: string) {
    const before = await persons(t);
    const backups = readdirSync(join(t.dir, 'backups')).sort();
    const e = await t.admin.fail('backup.restore', { name, confirm: true });
    expect(e.key).toBe(key);
    expect(await persons(t)).toEqual(before);
    // No safety copy was made for a refused restore.
    expect(readdirSync(join(t.dir, 'backups')).sort()).toEqual(backups);
    return e;
  }

  it('refuses a backup from a newer schema, naming the versions', async () => {
    const t = await setUpOffice();
    const b = await backUp(t);
    const file = join(t.dir, 'backups', b.name, 'manifest.json');
    const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    writeFileSync(file, JSON.stringify({ ...m, schemaVersion: 99, appVersion: '9.0.0' }));
    await createPerson(t.admin, { fullName: 'Budi Santoso' });
    const e = await refusedLeavesAll(t, b.name, 'backup.newer_schema');
    expect(e.message.id).toContain('9.0.0');
    expect(e.message.en).toContain('schema 99');
  });

  it('refuses a damaged copy', async () => {
    const t = await setUpOffice();
    const b = await backUp(t);
    const file = join(t.dir, 'backups', b.name, 'pelita.sqlite');
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.from('rusak!'), 0, 6, Math.floor(statSync(file).size / 2));
    closeSync(fd);
    await createPerson(t.admin, { fullName: 'Budi Santoso' });
    const e = await refusedLeavesAll(t, b.name, 'backup.corrupt');
    expect(e.code).toBe('CONFLICT');
    expect((await t.admin.fail('backup.inspect', { name: b.name })).key).toBe('backup.corrupt');
  });

  it('refuses an unknown backup and one without confirmation', async () => {
    const t = await setUpOffice();
    const b = await backUp(t);
    await refusedLeavesAll(t, 'pelita-20200101T000000000Z-auto', 'backup.not_found');
    const e = await t.admin.fail('backup.restore', { name: b.name });
    expect(e.issues?.[0]?.key).toBe('backup.confirm_required');
  });
});

describe('encrypted copies', () => {
  it('seal with a passphrase, open elsewhere, restore from it', async () => {
    const t = await setUpOffice();
    await createPerson(t.admin, { fullName: 'Siti Aminah' });
    const b = await backUp(t);
    const usb = join(t.dir, 'usb');
    const short = await t.admin.fail('backup.exportEncrypted', {
      name: b.name,
      passphrase: 'pendek',
      targetFolder: usb,
    });
    expect(short.issues?.[0]).toMatchObject({
      path: ['passphrase'],
      key: 'backup.passphrase_short',
    });
    const sealed = await t.admin.call('backup.exportEncrypted', {
      name: b.name,
      passphrase: 'kunci rahasia kantor',
      targetFolder: usb,
    });
    expect(sealed.path).toBe(join(usb, `${b.name}.pelita-backup.age`));
    // Not readable without the passphrase: no SQLite header, no names.
    const bytes = readFileSync(sealed.path);
    expect(bytes.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);

    // Another office PC (a fresh backup folder) opens it.
    const other = await setUpOffice();
    const wrong = await other.admin.fail('backup.importEncrypted', {
      path: sealed.path,
      passphrase: 'kunci yang salah sekali',
    });
    expect(wrong.issues?.[0]?.key).toBe('backup.passphrase_wrong');
    const opened = await other.admin.call('backup.importEncrypted', {
      path: sealed.path,
      passphrase: 'kunci rahasia kantor',
    });
    expect(opened.backup.name).toBe(b.name);
    expect(opened.backup.counts.persons).toBe(1);
  }, 60_000);
});
