/**
 * Tamper evidence beyond the chain (issue 8): rows changed in the file outside Pelita, signed
 * checkpoints (start, stop, on demand, exported), the office key on disk, refused writes.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkpointMessage } from '../../electron/backend/audit/signatures';
import { openBackend } from '../../electron/backend/app';
import {
  KEY_FOLDER,
  SIGNING_KEY_FILE,
  verifySignature,
} from '../../electron/backend/keys/officeKey';
import { phoneComplaint } from './complaintsFixtures';
import { Client, setUpOffice } from './harness';
import { checkInInput, createPerson, makeNik, makeShelter } from './registry';

describe('rows changed outside Pelita', () => {
  it("lists a person's NIK and a complaint's confidential flag edited in the file", async () => {
    const t = await setUpOffice();
    const person = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    const other = await createPerson(t.admin, { fullName: 'Rahmat' });
    const complaint = await t.admin.call(
      'complaints.create',
      phoneComplaint({ reporterConfidential: true }),
    );
    expect((await t.admin.call('audit.verify', {})).intact).toBe(true);

    const nik = makeNik('63.72.04', '1990-05-17', 'F');
    t.backend.sqlite.prepare('UPDATE persons SET nik = ? WHERE id = ?').run(nik, person.id);
    t.backend.sqlite
      .prepare('UPDATE complaints SET reporter_confidential = 0 WHERE id = ?')
      .run(complaint.id);
    t.backend.sqlite.prepare('DELETE FROM persons WHERE id = ?').run(other.id);
    // Derived columns Pelita rebuilds itself are not edits.
    t.backend.sqlite.prepare(`UPDATE persons SET search_names = 'x' WHERE id = ?`).run(person.id);

    const report = await t.admin.call('audit.verify', {});
    expect(report.intact).toBe(false);
    const rows = report.problems.map((p) => [p.kind, p.recordType, p.recordId]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['row_changed', 'person', person.id],
        ['row_changed', 'complaint', complaint.id],
        ['row_removed', 'person', other.id],
      ]),
    );
    expect(rows).toHaveLength(3);
    expect(report.rowsChecked).toBeGreaterThanOrEqual(3);
  });

  it('does not flag rows Pelita itself changed: edits, merges, check-outs', async () => {
    const t = await setUpOffice();
    const s = await makeShelter(t.admin);
    const keep = await createPerson(t.admin, { fullName: 'Ahmad Fauzi' });
    const gone = await createPerson(t.admin, { fullName: 'Ahmad F.', originCode: '63.03' });
    const stay = await t.admin.call('stays.checkIn', checkInInput(gone.id, s.beds.P1!));
    t.clock.advance(20 * 60_000);
    await t.admin.call('stays.checkOut', {
      id: stay.id,
      version: stay.version,
      checkoutAt: t.clock.now.toISOString(),
      exitType: 'left',
    });
    await t.admin.call('persons.update', {
      id: keep.id,
      version: keep.version,
      fullName: 'Ahmad Fauzi Rahman',
      identityStatus: 'stated',
      originCode: '63.72',
    });
    const fresh = (id: string) => t.admin.call('persons.get', { id }).then((r) => r.person);
    const [k, g] = [await fresh(keep.id), await fresh(gone.id)];
    await t.admin.call('persons.merge', {
      keepId: k.id,
      keepVersion: k.version,
      mergeId: g.id,
      mergeVersion: g.version,
      reason: 'Orang yang sama',
    });
    const report = await t.admin.call('audit.verify', {});
    expect(report.problems).toEqual([]);
    expect(report.intact).toBe(true);
  });
});

describe('signed checkpoints', () => {
  it('are signed on demand, listed, exported as text and checkable with the public key', async () => {
    const t = await setUpOffice();
    const cp = await t.admin.call('audit.checkpoint', {});
    expect(cp).toMatchObject({ reason: 'admin' });
    const { checkpoints, publicKey, keyId } = await t.admin.call('audit.checkpoints', {});
    expect(checkpoints[0]).toEqual(cp);
    expect(cp.keyId).toBe(keyId);
    expect(verifySignature(publicKey, checkpointMessage(cp), cp.signature)).toBe(true);
    expect(verifySignature(publicKey, checkpointMessage({ ...cp, seq: 1 }), cp.signature)).toBe(
      false,
    );

    const { fileId } = await t.admin.call('audit.exportCheckpoint', {});
    const file = await t.backend.download(t.admin.token, fileId);
    const text = readFileSync(file.path!, 'utf8');
    expect(text).toContain(String(cp.seq));
    expect(text).toContain(cp.hash);
    expect(text).toContain(cp.signature);
    expect(text).toContain(publicKey);
    expect(text).toMatch(/WITA/);
  });

  it('keep the office key in the data folder, readable only by its owner', async () => {
    const t = await setUpOffice();
    const dir = join(t.dir, KEY_FOLDER);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, SIGNING_KEY_FILE)).mode & 0o777).toBe(0o600);
  });

  it('are signed at stop and start, but never over rows added while Pelita was closed', async () => {
    const t = await setUpOffice();
    await t.backend.close();
    const reopen = async () => {
      const backend = await openBackend({ dataDir: t.dir, now: () => t.clock.now });
      t.backend = backend;
      return backend;
    };
    let b = await reopen();
    const reasons = () =>
      (
        b.sqlite.prepare('SELECT reason FROM audit_checkpoints ORDER BY id').all() as {
          reason: string;
        }[]
      ).map((r) => r.reason);
    expect(reasons().slice(-2)).toEqual(['stop', 'start']);
    await b.close();

    // Someone adds a row with a correct hash while Pelita is closed.
    const { sqlite } = await import('../../electron/backend/db/open').then((m) =>
      m.openDatabase(join(t.dir, 'pelita.sqlite')),
    );
    const last = sqlite.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
      seq: number;
      hash: string;
    };
    const { entryHash } = await import('../../electron/backend/audit/chain');
    const forged: Parameters<typeof entryHash>[1] = {
      seq: last.seq + 1,
      at: '2026-11-27T02:00:00.000Z',
      user_id: null,
      username: null,
      method: 'persons.update',
      record_type: null,
      record_id: null,
      outcome: 'ok',
      changes: null,
      note: null,
      row_table: null,
      row_hash: null,
    };
    sqlite
      .prepare(
        `INSERT INTO audit_log (seq, at, method, outcome, prev_hash, hash) VALUES (?, ?, ?, 'ok', ?, ?)`,
      )
      .run(forged.seq, forged.at, forged.method, last.hash, entryHash(last.hash, forged));
    sqlite.close();

    b = await reopen();
    expect(reasons().at(-1), 'no start checkpoint over the forged row').toBe('stop');
    const admin = new Client(b, t.admin.token);
    await admin.call('auth.login', { username: 'admin', password: 'Banjarbaru-2026x' });
    const report = await admin.call('audit.verify', {});
    expect(report.problems.map((p) => [p.kind, p.seq])).toEqual([['unsigned_tail', last.seq + 1]]);
    await b.close();
  });
});

describe('refused writes', () => {
  it('are recorded with the reason and the record, never the refused input', async () => {
    const t = await setUpOffice();
    const s = await makeShelter(t.admin);
    const a = await createPerson(t.admin, { fullName: 'Siti Aminah' });
    const b = await createPerson(t.admin, { fullName: 'Rusmini Binti Ahmad' });
    await t.admin.call('stays.checkIn', checkInInput(a.id, s.beds.P1!));
    const err = await t.admin.fail(
      'stays.checkIn',
      checkInInput(b.id, s.beds.P1!, { condition: 'Rusmini sakit' }),
    );
    expect(err.key).toBe('stay.bed_occupied');
    const stale = await t.admin.fail('persons.update', {
      id: a.id,
      version: 99,
      fullName: 'Siti Rahasia',
      identityStatus: 'stated',
    });
    expect(stale.code).toBe('CONFLICT');

    const refused = t.backend.sqlite
      .prepare(`SELECT * FROM audit_log WHERE outcome = 'refused' ORDER BY seq`)
      .all() as Record<string, unknown>[];
    expect(refused.map((r) => [r.method, r.record_id, r.note, r.changes])).toEqual([
      ['stays.checkIn', null, 'stay.bed_occupied', null],
      ['persons.update', a.id, 'error.conflict_stale', null],
    ]);
    expect(JSON.stringify(refused)).not.toMatch(/Rusmini|Rahasia/);
    const list = await t.admin.call('audit.list', { method: 'persons.update' });
    expect(list.rows[0]).toMatchObject({ outcome: 'refused', recordLabel: 'Siti Aminah' });
    expect((await t.admin.call('audit.verify', {})).intact).toBe(true);
  });

  it('are bounded per user and minute', async () => {
    const t = await setUpOffice();
    for (let i = 0; i < 30; i++) {
      await t.admin.fail('persons.update', {
        id: '01900000-0000-7000-8000-000000000000',
        version: 1,
        fullName: 'X',
        identityStatus: 'stated',
      });
    }
    const count = () =>
      (
        t.backend.sqlite
          .prepare(`SELECT count(*) AS n FROM audit_log WHERE outcome = 'refused'`)
          .get() as { n: number }
      ).n;
    expect(count()).toBe(20);
    t.clock.advance(60_000);
    await t.admin.fail('persons.update', {
      id: '01900000-0000-7000-8000-000000000000',
      version: 1,
      fullName: 'X',
      identityStatus: 'stated',
    });
    expect(count()).toBe(21);
  });
});
