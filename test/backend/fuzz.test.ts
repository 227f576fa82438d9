/**
 * Every write method of the contract, fed malformed strings in every field (issue 8): lone
 * surrogates, NUL, 10^5 characters, right-to-left marks. Nothing may fail inside (INTERNAL),
 * broken text is refused, nothing stored holds U+FFFD or NUL, and the audit trail verifies.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, METHOD_NAMES, type MethodName } from '../../shared/contract';
import { phoneComplaint } from './complaintsFixtures';
import { setUpOffice } from './harness';
import { personInput } from './registry';

const MALFORMED = [
  'cek \ud800',
  '\udfff awal',
  'nol\u0000di tengah',
  'x'.repeat(100_000),
  '\u202eBudi\u202c \u200fعلي\u200e',
  'Ade\u0301',
];
const BROKEN = (s: string) => /\p{Cs}/u.test(s) || s.includes('\u0000');

/** Valid inputs for the creating methods, so malformed fields get past the others. */
const BASE: Partial<Record<MethodName, Record<string, unknown>>> = {
  'persons.create': personInput({ fullName: 'Fuzz' }),
  'complaints.create': phoneComplaint(),
  'shelters.save': { name: 'Rumah Fuzz', capacity: 5 },
  'calendar.saveHoliday': { date: '2026-12-30', name: 'Libur', kind: 'local' },
  'complaints.saveCategory': { name: 'Kategori', kind: 'any' },
};

/** Methods that end the caller's session are left out: the rest must run as the admin. */
const SKIP = new Set<MethodName>(['auth.logout', 'auth.logoutEverywhere']);

function fieldsOf(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : ['x'];
}

describe('every write method with malformed strings', () => {
  it('refuses broken text cleanly, stores none of it, and ends with the trail intact', async () => {
    const t = await setUpOffice();
    let calls = 0;
    const writes = METHOD_NAMES.filter((m) => contract[m].write && !SKIP.has(m));
    expect(writes.length).toBeGreaterThan(25);
    for (const method of writes) {
      for (const field of fieldsOf(contract[method].input)) {
        for (const value of MALFORMED) {
          const input = { ...BASE[method], [field]: value };
          const res = await t.admin.raw(method, input);
          calls += 1;
          if (!res.ok) expect(res.error.code, `${method}.${field}`).not.toBe('INTERNAL');
          if (BROKEN(value)) expect(res.ok, `${method}.${field} took broken text`).toBe(false);
        }
      }
    }
    expect(calls).toBeGreaterThan(500);

    // Nothing stored anywhere holds a replacement character or NUL.
    const tables = t.backend.sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'`)
      .all() as { name: string }[];
    for (const { name } of tables) {
      const cols = t.backend.sqlite
        .prepare(`SELECT name, type FROM pragma_table_info(?)`)
        .all(name) as { name: string; type: string }[];
      for (const c of cols.filter((x) => x.type === 'TEXT')) {
        const bad = t.backend.sqlite
          .prepare(
            `SELECT count(*) AS n FROM "${name}" WHERE instr("${c.name}", char(65533)) > 0
             OR instr("${c.name}", char(0)) > 0`,
          )
          .get() as { n: number };
        expect(bad.n, `${name}.${c.name}`).toBe(0);
      }
    }
    const report = await t.admin.call('audit.verify', {});
    expect(report.problems).toEqual([]);
    expect(report.intact).toBe(true);
  }, 180_000);
});
