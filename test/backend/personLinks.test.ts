/**
 * Domains own their tables: persons gathers what shelter and complaints register (summary,
 * timeline, merge, export) and never reads their tables itself. Reads of a person's full page
 * and exports are audited (UU PDP); searching and listing are not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { m0005 } from '../../electron/backend/db/migrations/0005_shelter';
import { m0006 } from '../../electron/backend/db/migrations/0006_complaints';
import '../../electron/backend/handlers';
import type { PersonExport } from '../../shared/contract/persons';
import { dayInZone } from '../../shared/time';
import { personLinks, registerPersonLink } from '../../electron/backend/persons/links';
import { phoneComplaint } from './complaintsFixtures';
import { auditRows, setUpOffice, userWithRoles } from './harness';
import { auditOf, checkInInput, createPerson, makeShelter } from './registry';

const PERSONS_DIR = join(__dirname, '../../electron/backend/persons');

describe('person link registry', () => {
  it('covers every table that points at a person, each by exactly one domain', async () => {
    const t = await setUpOffice();
    const tables = t.backend.sqlite
      // The persons domain's own tables (the review queue's pairs) are merged by persons itself.
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table'
          AND name NOT IN ('persons', 'person_match_pairs')`,
      )
      .all() as { name: string }[];
    const pointing = tables
      .filter((tb) => {
        const fks = t.backend.sqlite
          .prepare(`SELECT "table" FROM pragma_foreign_key_list(?)`)
          .all(tb.name) as { table: string }[];
        const cols = t.backend.sqlite
          .prepare(`SELECT name FROM pragma_table_info(?)`)
          .all(tb.name) as { name: string }[];
        return fks.some((f) => f.table === 'persons') || cols.some((c) => c.name === 'person_id');
      })
      .map((tb) => tb.name)
      .sort();
    const covered = personLinks().flatMap((l) => l.tables);
    expect(pointing, 'a table pointing at persons needs a registered person link').toEqual(
      [...covered].sort(),
    );
    expect(new Set(covered).size).toBe(covered.length);
    expect(personLinks().map((l) => l.domain)).toEqual([
      'shelter',
      'complaints',
      'cases',
      'letters',
      'packets',
      'findings',
      'dtsen',
    ]);
  });

  it('refuses a second, different registration for a domain', () => {
    const shelter = personLinks().find((l) => l.domain === 'shelter')!;
    expect(() => registerPersonLink({ ...shelter })).toThrow(/registered twice/);
    // The same object again (a module evaluated twice) is harmless.
    expect(() => registerPersonLink(shelter as never)).not.toThrow();
  });

  it('leaves persons/ without a word of SQL about other domains’ tables', () => {
    const theirs = [m0005, m0006].flatMap((m) =>
      [...m.sql.matchAll(/CREATE TABLE (\w+)/g)].map((x) => x[1]!),
    );
    expect(theirs).toEqual(expect.arrayContaining(['stays', 'complaints', 'stay_ppks']));
    const offending: string[] = [];
    for (const file of readdirSync(PERSONS_DIR)) {
      const text = readFileSync(join(PERSONS_DIR, file), 'utf8');
      for (const table of theirs) {
        const named = new RegExp(
          `(['"\`])${table}\\1|\\b(FROM|JOIN|UPDATE|INTO)\\s+${table}\\b`,
          'i',
        );
        if (named.test(text)) offending.push(`${file}: ${table}`);
      }
      // A table chosen at run time would slip past the names above.
      if (/sql\.table\(/.test(text)) offending.push(`${file}: sql.table(…)`);
    }
    expect(offending).toEqual([]);
  });
});

/** An office with a shelter, a person with a finished and a current stay, and a complaint. */
async function personWithHistory() {
  const t = await setUpOffice();
  const s = await makeShelter(t.admin);
  const budi = await createPerson(t.admin, { fullName: 'Budi Santoso', originCode: '63.03' });
  const now = t.clock.now.getTime();
  const past = await t.admin.call(
    'stays.checkIn',
    checkInInput(budi.id, s.beds['P1']!, {
      checkinAt: new Date(now - 20 * 86_400_000).toISOString(),
      ppks: ['PPKS-11', 'PPKS-12'],
    }),
  );
  await t.admin.call('stays.logEvent', { stayId: past.id, kind: 'meal', note: 'Makan siang' });
  await t.admin.call('stays.checkOut', {
    id: past.id,
    version: (await t.admin.call('stays.get', { id: past.id })).version,
    checkoutAt: new Date(now - 15 * 86_400_000).toISOString(),
    exitType: 'left',
  });
  const complaint = await t.admin.call(
    'complaints.create',
    phoneComplaint({
      personId: budi.id,
      reporterName: 'Siti Nurhaliza',
      reporterPhone: '0813 4999 1234',
      reporterConfidential: true,
    }),
  );
  return { ...t, s, budi, past, complaint };
}

describe('a person’s page gathers every domain', () => {
  it('shows stays and open complaints, and a timeline newest first', async () => {
    const t = await personWithHistory();
    const page = await t.admin.call('persons.get', { id: t.budi.id });
    expect(page.links.shelter!.stays.map((x) => [x.id, x.ppks])).toEqual([
      [t.past.id, ['PPKS-11', 'PPKS-12']],
    ]);
    expect(page.links.complaints).toEqual({ open: 1, total: 1 });
    expect(
      page.timeline.map((e) => [e.recordType, e.kind, e.action ?? e.toState, e.recordId]),
    ).toEqual([
      ['complaint', 'created', 'received', t.complaint.id],
      ['stay', 'transition', 'checkout', t.past.id],
      ['stay', 'created', 'checkin', t.past.id],
    ]);
    expect(page.timeline[0]!.label).toContain(t.complaint.number);
  });

  it('leaves out what the caller may not read', async () => {
    const t = await personWithHistory();
    const staff = await userWithRoles(t, 'petugas', ['shelter_staff']);
    const page = await staff.call('persons.get', { id: t.budi.id });
    expect(page.links.complaints).toBeNull();
    expect(page.links.shelter!.stays).toHaveLength(1);
    expect(page.timeline.map((e) => e.domain)).toEqual(['shelter', 'shelter']);
    expect(JSON.stringify(page)).not.toContain(t.complaint.number);
  });

  it('keeps the last stay in search results from one batch', async () => {
    const t = await personWithHistory();
    const found = await t.admin.call('persons.search', { q: 'budi santoso' });
    expect(found.results[0]).toMatchObject({
      id: t.budi.id,
      lastStay: { stayId: t.past.id, checkoutAt: expect.any(String) },
    });
  });
});

describe('reads are audited (UU PDP), searches are not', () => {
  it('records each opening of a person’s page as a small read row', async () => {
    const t = await personWithHistory();
    const viewer = await userWithRoles(t, 'pimpinan', ['viewer']);
    await viewer.call('persons.get', { id: t.budi.id });
    const rows = auditOf(t.backend, 'persons.get');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      username: 'pimpinan',
      record_type: 'person',
      record_id: t.budi.id,
      outcome: 'ok',
      note: 'read',
      changes: null,
    });
    await viewer.call('persons.get', { id: t.budi.id });
    expect(auditOf(t.backend, 'persons.get')).toHaveLength(2);
    expect((await t.admin.call('audit.verify', {})).intact).toBe(true);
  });

  it('writes nothing for an unknown person, a search or a list', async () => {
    const t = await personWithHistory();
    const before = (await auditRows(t.backend)).length;
    const missing = await t.admin.fail('persons.get', {
      id: '01900000-0000-7000-8000-000000000000',
    });
    expect(missing.code).toBe('NOT_FOUND');
    for (let i = 0; i < 5; i++) {
      await t.admin.call('persons.search', { q: 'budi' });
      await t.admin.call('persons.duplicates', { fullName: 'Budi Santoso' });
      await t.admin.call('complaints.list', {});
      await t.admin.call('stays.roster', { shelterId: t.s.shelterId });
      await t.admin.call('stays.history', {});
    }
    expect((await auditRows(t.backend)).length).toBe(before);
  });

  it('still records a look at a confidential reporter', async () => {
    const t = await personWithHistory();
    await t.admin.call('complaints.get', { id: t.complaint.id });
    expect(auditOf(t.backend, 'complaints.get')).toMatchObject([
      { record_id: t.complaint.id, note: 'confidential_read', changes: null },
    ]);
  });
});

describe('persons.export', () => {
  it('offers a JSON file of the record, merged records and every domain’s rows, audited as an export', async () => {
    const t = await personWithHistory();
    const other = await createPerson(t.admin, { fullName: 'Budi S.' });
    const kept = (await t.admin.call('persons.get', { id: t.budi.id })).person;
    await t.admin.call('persons.merge', {
      keepId: kept.id,
      keepVersion: kept.version,
      mergeId: other.id,
      mergeVersion: other.version,
      reason: 'Orang yang sama',
    });
    const { fileId } = await t.admin.call('persons.export', { id: t.budi.id });
    // A generated file for the admin who asked, named for the person and the office day.
    const file = await t.backend.download(t.admin.token, fileId);
    const today = dayInZone(t.clock.now, 'Asia/Makassar');
    expect(file.response).toMatchObject({
      ok: true,
      data: { name: `pelita-data-orang-${t.budi.id}-${today}.json`, type: 'application/json' },
    });
    const out = JSON.parse(readFileSync(file.path!, 'utf8')) as PersonExport;
    expect(out.exportedAt).toBe(t.clock.now.toISOString());
    expect(out.person).toMatchObject({ id: t.budi.id, fullName: 'Budi Santoso' });
    expect(out.mergedRecords.map((p) => [p.id, p.mergedInto])).toEqual([[other.id, t.budi.id]]);
    expect(out.domains).toEqual({
      shelter: {
        stays: [
          expect.objectContaining({
            id: t.past.id,
            person_id: t.budi.id,
            shelter_name: 'Rumah Singgah Banjarbaru',
            exit_type: 'left',
            ppks: ['PPKS-11', 'PPKS-12'],
            events: expect.arrayContaining([
              expect.objectContaining({ kind: 'meal', note: 'Makan siang' }),
            ]),
          }),
        ],
      },
      complaints: {
        complaints: [
          expect.objectContaining({
            id: t.complaint.id,
            number: t.complaint.number,
            reporter_name: '[hidden]',
            reporter_phone: '[hidden]',
            events: [expect.objectContaining({ complaint_id: t.complaint.id })],
          }),
        ],
      },
      packets: { consent: null, sentTo: [], remoteStays: [] },
      findings: { findings: [] },
      dtsen: { rows: [] },
      cases: { cases: [] },
      // No letter was written about this person.
      letters: { letters: [] },
    });
    // A confidential reporter is someone else: never handed to the person.
    expect(JSON.stringify(out)).not.toMatch(/Nurhaliza|4999 1234/);

    const rows = auditOf(t.backend, 'persons.export');
    expect(rows).toMatchObject([
      { record_type: 'person', record_id: t.budi.id, note: 'export', username: 'admin' },
    ]);
    // Only the admin who made it may fetch it.
    const admin2 = await userWithRoles(t, 'admin2', ['admin']);
    expect((await t.backend.download(admin2.token, fileId)).response).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('is for admins only and audits a refused attempt', async () => {
    const t = await personWithHistory();
    for (const role of ['caseworker', 'shelter_staff', 'complaint_officer', 'viewer'] as const) {
      const c = await userWithRoles(t, `u_${role}`, [role]);
      expect((await c.fail('persons.export', { id: t.budi.id })).code, role).toBe('FORBIDDEN');
    }
    expect(auditOf(t.backend, 'persons.export').map((r) => r.outcome)).toEqual([
      'denied',
      'denied',
      'denied',
      'denied',
    ]);
  });

  it('answers NOT_FOUND for an unknown person and records nothing', async () => {
    const t = await setUpOffice();
    const err = await t.admin.fail('persons.export', {
      id: '01900000-0000-7000-8000-000000000000',
    });
    expect(err.code).toBe('NOT_FOUND');
    expect(auditOf(t.backend, 'persons.export')).toEqual([]);
    expect(t.backend.sqlite.prepare(`SELECT count(*) AS n FROM files`).get()).toEqual({ n: 0 });
  });
});
