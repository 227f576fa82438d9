import { describe, expect, it } from 'vitest';
import { appendAudit, type AuditEntry } from '../../electron/backend/audit/chain';
import { insertTrackedMany } from '../../electron/backend/db/tracked';
import { inTransaction } from '../../electron/backend/dispatch/dispatch';
import type { Ctx } from '../../electron/backend/dispatch/context';
import { openOfficeKey } from '../../electron/backend/keys/officeKey';
import { setUpOffice } from './harness';

/** Enough rows for several multi-row statements (500 rows at most each). */
const N = 1203;

describe('insertTrackedMany (applying a large packet)', () => {
  it('stamps every row, leaves out columns a row does not set, and audits each with its row hash', async () => {
    const t = await setUpOffice();
    const nowIso = t.clock.now.toISOString();
    const pending: AuditEntry[] = [];
    const ctx = {
      now: t.clock.now,
      nowIso,
      user: null,
      audit: (r: Parameters<Ctx['audit']>[0]) =>
        pending.push({
          at: nowIso,
          userId: null,
          username: null,
          method: 'packets.apply',
          outcome: 'ok',
          recordType: r.recordType ?? null,
          recordId: r.recordId ?? null,
          changes: r.changes ?? null,
          note: r.note ?? null,
          row: r.row ?? null,
        }),
    };
    const before = t.backend.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get();
    // Two column sets in one call: every third row leaves the English name out.
    const ids = await inTransaction(t.backend.db, async (trx) => {
      const out = await insertTrackedMany(
        { ...ctx, db: trx } as unknown as Ctx,
        'case_service_types',
        Array.from({ length: N }, (_, i) =>
          i % 3 === 0
            ? { name: `Massal ${i}`, active: 1, sort_order: i }
            : { name: `Massal ${i}`, active: 1, name_en: `Service ${i}`, sort_order: i },
        ),
        { recordType: 'case_service_type', note: 'bulk' },
      );
      await appendAudit(trx, pending, openOfficeKey(t.dir));
      return out;
    });
    expect(new Set(ids).size).toBe(N);
    const rows = t.backend.sqlite
      .prepare(
        `SELECT * FROM case_service_types WHERE name LIKE 'Massal %' ORDER BY sort_order, name`,
      )
      .all() as {
      id: string;
      name_en: string | null;
      sort_order: number;
      version: number;
      created_at: string;
      updated_at: string;
    }[];
    expect(rows).toHaveLength(N);
    expect(
      rows.every((r) => r.version === 1 && r.created_at === nowIso && r.updated_at === nowIso),
    ).toBe(true);
    const third = rows.find((r) => r.id === ids[3])!;
    expect(third).toMatchObject({ name_en: null, sort_order: 3 });
    expect(rows.find((r) => r.id === ids[4])).toMatchObject({
      name_en: 'Service 4',
      sort_order: 4,
    });

    // One entry per row, in order, each with the row's hash: the trail verifies clean.
    const entries = t.backend.sqlite
      .prepare(
        `SELECT record_id, row_table, row_hash, note FROM audit_log WHERE seq > ? ORDER BY seq`,
      )
      .all(before) as { record_id: string; row_table: string; row_hash: string; note: string }[];
    expect(entries.map((e) => e.record_id)).toEqual(ids);
    expect(entries.every((e) => e.row_table === 'case_service_types' && e.note === 'bulk')).toBe(
      true,
    );
    expect((await t.admin.call('audit.verify', {})).problems).toEqual([]);

    // A row edited in the file afterwards is found by its hash.
    t.backend.sqlite
      .prepare(`UPDATE case_service_types SET name = 'Diubah' WHERE id = ?`)
      .run(ids[777]);
    const report = await t.admin.call('audit.verify', {});
    expect(report.problems).toMatchObject([{ kind: 'row_changed', recordId: ids[777] }]);
  });
});
