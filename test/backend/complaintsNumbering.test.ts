/** Ticket numbers: gapless per kind and year, also under concurrent creation; the pattern. */
import { describe, expect, it } from 'vitest';
import { Client, idOf, sessionFor, setUpOffice, userWithRoles } from './harness';
import { dataRequest, phoneComplaint } from './complaintsFixtures';

async function office(start?: Date) {
  const t = await setUpOffice(start);
  const officer = await userWithRoles(t, 'petugas.aduan', ['complaint_officer']);
  return { ...t, officer };
}

function seqOf(number: string): number {
  return Number(number.split('/')[1]);
}

describe('ticket numbers', () => {
  it('are gapless and unique when many are created at the same time', async () => {
    const t = await office();
    const officerId = await idOf(t.backend, 'petugas.aduan');
    // Several desks at once: separate sessions, calls fired together.
    const desks = [t.officer, await sessionFor(t.backend, officerId, t.clock.now), t.admin];
    const N = 40;
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) => {
        const desk = desks[i % desks.length]!;
        return desk.raw(
          'complaints.create',
          i % 4 === 3
            ? dataRequest({ reporterName: `Pemohon ${i}` })
            : phoneComplaint({ reporterName: `Warga ${i}` }),
        );
      }),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const numbers = results.map((r) => (r.ok ? (r.data as { number: string }).number : ''));
    const complaints = numbers
      .filter((n) => n.startsWith('ADU/'))
      .map(seqOf)
      .sort((a, b) => a - b);
    const requests = numbers
      .filter((n) => n.startsWith('PLD/'))
      .map(seqOf)
      .sort((a, b) => a - b);
    expect(complaints).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(requests).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    const registers = await t.backend.db
      .selectFrom('number_registers')
      .selectAll()
      .orderBy('key')
      .execute();
    expect(registers).toEqual([
      { key: 'complaint', year: 2026, last: 30 },
      { key: 'data_service', year: 2026, last: 10 },
    ]);
  });

  it('skip no number when creations fail between successful ones', async () => {
    const t = await office();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        // Every third one is refused inside its write (an SP4N-LAPOR! report without its ticket).
        t.officer.raw('complaints.create', phoneComplaint(i % 3 === 1 ? { channel: 'lapor' } : {})),
      ),
    );
    const ok = results
      .filter((r) => r.ok)
      .map((r) => (r.ok ? (r.data as { number: string }).number : ''));
    expect(results.filter((r) => !r.ok)).toHaveLength(4);
    expect(ok.map(seqOf).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('rolls the counter back with everything else when a save fails after numbering', async () => {
    const t = await office();
    const first = await t.officer.call('complaints.create', phoneComplaint());
    // A row holding the next number (as after a careless pattern edit) makes the save fail late.
    await t.backend.db
      .insertInto('complaints')
      .values({
        ...(await t.backend.db
          .selectFrom('complaints')
          .selectAll()
          .where('id', '=', first.id)
          .executeTakeFirstOrThrow()),
        id: '0190a000-0000-7000-8000-00000000abcd',
        number: 'ADU/0002/DINSOS-BJB/2026',
        seq: 99,
      })
      .execute();
    const err = await t.officer.fail('complaints.create', phoneComplaint());
    expect(err).toMatchObject({ code: 'CONFLICT', key: 'complaint.number_taken' });
    expect(err.message.id).toContain('ADU/0002/DINSOS-BJB/2026');
    const counter = await t.backend.db
      .selectFrom('number_registers')
      .select('last')
      .where('key', '=', 'complaint')
      .executeTakeFirstOrThrow();
    expect(counter.last).toBe(1);
    const events = await t.backend.db.selectFrom('complaint_events').selectAll().execute();
    expect(events).toHaveLength(1);
  });

  it('start again at 1 in a new year, by the office’s calendar', async () => {
    // 31 Dec 2026, 23:50 WITA = 15:50 UTC.
    const t = await office(new Date('2026-12-31T15:50:00Z'));
    const late = await t.officer.call('complaints.create', phoneComplaint());
    expect(late.number).toBe('ADU/0001/DINSOS-BJB/2026');
    await t.officer.call('complaints.create', phoneComplaint());
    t.clock.advance(15 * 60_000); // 1 Jan 2027, 00:05 WITA, still 31 Dec in UTC
    const officerId = await idOf(t.backend, 'petugas.aduan');
    const desk = await sessionFor(t.backend, officerId, t.clock.now);
    const next = await desk.call('complaints.create', phoneComplaint());
    expect(next.number).toBe('ADU/0001/DINSOS-BJB/2027');
    // Deadlines skip New Year's Day 2027 (seeded): Fri 1 Jan → Mon 4, Tue 5, Wed 6.
    expect(next.deadlines[0]!.due).toBe('2027-01-06');
  });

  it('follow the admin’s pattern from the next number on', async () => {
    const t = await office();
    await t.officer.call('complaints.create', phoneComplaint());
    const s = await t.admin.call('complaints.settings', {});
    expect(s.preview).toEqual({
      complaint: 'ADU/0002/DINSOS-BJB/2026',
      dataService: 'PLD/0001/DINSOS-BJB/2026',
    });
    const saved = await t.admin.call('complaints.saveSettings', {
      version: s.version,
      numberPattern: '{seq:3}/{kind}/DINSOS/{romanMonth}/{year}',
      kindCodeComplaint: 'pgd',
      kindCodeDataService: 'LD',
      verifyDays: 3,
      answerDays: 5,
      completeDays: 14,
      followUpText: s.followUpText,
    });
    expect(saved.kindCodeComplaint).toBe('PGD');
    expect(saved.preview.complaint).toBe('002/PGD/DINSOS/XI/2026');
    const c = await t.officer.call('complaints.create', phoneComplaint());
    expect(c.number).toBe('002/PGD/DINSOS/XI/2026');
  });

  it('refuse patterns that could repeat or cannot be read, with the reason at the field', async () => {
    const t = await office();
    const s = await t.admin.call('complaints.settings', {});
    const base = {
      version: s.version,
      kindCodeComplaint: 'ADU',
      kindCodeDataService: 'PLD',
      verifyDays: 3,
      answerDays: 5,
      completeDays: 14,
      followUpText: s.followUpText,
    };
    const noKind = await t.admin.fail('complaints.saveSettings', {
      ...base,
      numberPattern: 'ADU/{seq:4}/{year}',
    });
    expect(noKind.issues).toEqual([
      { path: ['numberPattern'], key: 'register.pattern_needs_code' },
    ]);
    const codes = await t.admin.fail('complaints.saveSettings', {
      ...base,
      numberPattern: s.numberPattern,
      kindCodeDataService: 'ADU',
    });
    expect(codes.issues).toEqual([
      { path: ['kindCodeDataService'], key: 'complaint.kind_codes_same' },
    ]);
    const order = await t.admin.fail('complaints.saveSettings', {
      ...base,
      numberPattern: s.numberPattern,
      verifyDays: 6,
    });
    expect(order.issues).toEqual([{ path: ['answerDays'], key: 'complaint.days_order' }]);
    // Nothing changed.
    expect(await t.admin.call('complaints.settings', {})).toEqual(s);
    const officer = t.officer as Client;
    expect(
      (await officer.fail('complaints.saveSettings', { ...base, numberPattern: s.numberPattern }))
        .code,
    ).toBe('FORBIDDEN');
  });
});
