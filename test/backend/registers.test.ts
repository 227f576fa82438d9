/** Number registers: gapless per (key, year), also under concurrent writes; a failed write gives its number back. */
import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../electron/backend/dispatch/dispatch';
import { issueNumber, nextNumber } from '../../electron/backend/registers/issue';
import { makeBackend } from './harness';

const LETTER = {
  pattern: '{code}/{seq:3}/DINSOS/{romanMonth}/{year}',
  code: '400.9.1',
  timeZone: 'Asia/Makassar',
};

describe('number registers', () => {
  it('issue gapless, unique numbers when 40 writes take one at the same time', async () => {
    const t = await makeBackend();
    const now = t.clock.now;
    const issued = await Promise.all(
      Array.from({ length: 40 }, (_, i) => {
        const key = i % 4 === 3 ? 'case' : 'letter';
        const code = key === 'case' ? 'KS' : LETTER.code;
        return inTransaction(t.backend.db, async (trx) => {
          const n = await issueNumber(trx, key, { ...LETTER, code, now });
          // The rest of the write happens between taking the number and committing.
          await trx.selectFrom('office').select('id').execute();
          return { key, ...n };
        });
      }),
    );
    const seqs = (key: string) =>
      issued
        .filter((n) => n.key === key)
        .map((n) => n.seq)
        .sort((a, b) => a - b);
    expect(seqs('letter')).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(seqs('case')).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(new Set(issued.map((n) => n.number)).size).toBe(40);
    expect(issued[0]).toEqual({
      key: 'letter',
      number: '400.9.1/001/DINSOS/XI/2026',
      seq: 1,
      year: 2026,
    });
    const rows = await t.backend.db
      .selectFrom('number_registers')
      .selectAll()
      .orderBy('key')
      .execute();
    expect(rows).toEqual([
      { key: 'case', year: 2026, last: 10 },
      { key: 'letter', year: 2026, last: 30 },
    ]);
  });

  it('give the number back when the write that took it fails', async () => {
    const t = await makeBackend();
    const now = t.clock.now;
    await inTransaction(t.backend.db, (trx) => issueNumber(trx, 'letter', { ...LETTER, now }));
    const failed = inTransaction(t.backend.db, async (trx) => {
      const n = await issueNumber(trx, 'letter', { ...LETTER, now });
      expect(n.seq).toBe(2);
      throw new Error('the letter could not be saved');
    });
    await expect(failed).rejects.toThrow('the letter could not be saved');
    expect(await nextNumber(t.backend.db, 'letter', { ...LETTER, now })).toBe(
      '400.9.1/002/DINSOS/XI/2026',
    );
    const next = await inTransaction(t.backend.db, (trx) =>
      issueNumber(trx, 'letter', { ...LETTER, now }),
    );
    expect(next.seq).toBe(2);
  });

  it('start each year at 1, by the office’s calendar, and keep the years apart', async () => {
    // 31 Dec 2026, 23:50 WITA.
    const t = await makeBackend(new Date('2026-12-31T15:50:00Z'));
    const take = () =>
      inTransaction(t.backend.db, (trx) =>
        issueNumber(trx, 'letter', { ...LETTER, now: t.clock.now }),
      );
    expect((await take()).number).toBe('400.9.1/001/DINSOS/XII/2026');
    t.clock.advance(15 * 60_000); // 1 Jan 2027, 00:05 WITA, still 31 Dec in UTC
    expect(await take()).toEqual({ number: '400.9.1/001/DINSOS/I/2027', seq: 1, year: 2027 });
    expect(await take()).toMatchObject({ seq: 2, year: 2027 });
    expect(
      await nextNumber(t.backend.db, 'letter', {
        ...LETTER,
        now: new Date('2026-12-31T00:00:00Z'),
      }),
    ).toBe('400.9.1/002/DINSOS/XII/2026');
  });
});
