/**
 * The case list and figures as rewritten for 200,000 cases (migration 26, issue 10 performance)
 * give what plain queries give: a generated office of a few thousand cases (the bench's
 * generator, plus shared opening instants, repeat persons, a crowded and a rare category), every
 * filter alone and in pairs, each sort and deep pages compared with a straightforward SQL
 * reference; the figures of several periods compared with a count over all cases in JS.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Input, Output } from '../../shared/contract';
import { endOfDayUtc, startOfDayUtc } from '../../shared/time';
import { median } from '../../shared/workdays';
import { fillCases } from '../bench/cases';
import { setUpOffice } from './harness';

const N = 3000;
const TZ = 'Asia/Makassar';
const TODAY = '2026-11-27';

function people(sqlite: BetterSqlite3.Database, n: number): void {
  const insert = sqlite.prepare(`INSERT INTO persons (id, full_name, identity_status, quality,
    search_names, name_key, match_keys, created_at, updated_at)
    VALUES (?, ?, 'stated', '{}', '', '', '[]', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')`);
  sqlite.transaction(() => {
    for (let i = 0; i < n; i++)
      insert.run(`00000000-0000-7000-8000-${String(i).padStart(12, '0')}`, `Orang Nomor ${i}`);
  })();
}

async function office() {
  const t = await setUpOffice();
  const db = t.backend.sqlite;
  people(db, N);
  fillCases(t.backend, N);
  db.transaction(() => {
    // Shared opening instants (the list breaks ties by id), repeat persons among closed cases
    // (figures count persons), a crowded category (40% of cases) and a rare one (a handful).
    db.exec(`UPDATE cases SET opened_at = (SELECT c2.opened_at FROM cases c2
      WHERE c2.rowid = cases.rowid - 1) WHERE rowid % 7 = 0 AND rowid > 1`);
    db.exec(`UPDATE cases SET person_id = (SELECT c2.person_id FROM cases c2
      WHERE c2.rowid = cases.rowid - 3) WHERE rowid % 5 = 0 AND rowid > 3 AND state = 'closed'`);
    db.exec(`INSERT OR IGNORE INTO case_ppks (case_id, ppks, position)
      SELECT id, 'PPKS-01', 9 FROM cases WHERE rowid % 5 IN (1, 2)`);
    db.exec(`DELETE FROM case_ppks WHERE ppks = 'PPKS-26'`);
    db.exec(`INSERT OR IGNORE INTO case_ppks (case_id, ppks, position)
      SELECT id, 'PPKS-26', 8 FROM cases WHERE rowid % 499 = 0`);
  })();
  db.exec('ANALYZE');
  return t;
}

type ListInput = Input<'cases.list'>;

/** The list the plain way: every condition written as it reads, no index in mind. */
function reference(db: BetterSqlite3.Database, f: ListInput) {
  const where: string[] = [];
  const args: unknown[] = [];
  const when = (cond: string, ...values: unknown[]) => {
    where.push(cond);
    args.push(...values);
  };
  const region = (col: string, code: string) =>
    when(`(${col} = ? OR ${col} LIKE ?)`, code, `${code}.%`);
  if (f.state === 'open')
    when(`state IN ('opened', 'assessment', 'plan', 'in_service', 'review', 'closure_requested')`);
  else if (f.state) when('state = ?', f.state);
  if (f.ppks)
    when('EXISTS (SELECT 1 FROM case_ppks cp WHERE cp.case_id = c.id AND cp.ppks = ?)', f.ppks);
  if (f.caseworker) when('caseworker_id = ?', f.caseworker);
  if (f.supervisor) when('supervisor_id = ?', f.supervisor);
  if (f.originRegion) region('origin_region_code', f.originRegion);
  if (f.location) region('location_region_code', f.location);
  if (f.risk) when('risk_level = ?', f.risk);
  if (f.due === 'overdue') when('due_on < ?', TODAY);
  if (f.due === 'overdue_review') when(`due_on < ? AND due_kind = 'review'`, TODAY);
  if (f.due === 'overdue_assessment') when(`due_on < ? AND due_kind = 'assessment'`, TODAY);
  if (f.due === 'soon') when('due_on <= ?', '2026-12-04');
  if (f.awaiting === 'any') when('awaiting IS NOT NULL');
  else if (f.awaiting) when('awaiting = ?', f.awaiting);
  if (f.from) when('opened_at >= ?', startOfDayUtc(f.from, TZ));
  if (f.to) when('opened_at < ?', endOfDayUtc(f.to, TZ));
  const order = {
    newest: 'opened_at DESC, id DESC',
    oldest: 'opened_at ASC, id ASC',
    due: 'due_on IS NULL, due_on, opened_at, id',
    number: 'seq_year DESC, seq DESC',
  }[f.sort ?? 'newest'];
  const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const size = f.pageSize ?? 25;
  const total = db
    .prepare(`SELECT count(*) FROM cases c ${cond}`)
    .pluck()
    .get(...args);
  const ids = db
    .prepare(`SELECT id FROM cases c ${cond} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...args, size, ((f.page ?? 1) - 1) * size);
  return { total, ids };
}

describe('the case list at scale', () => {
  it('gives the plain query’s rows and total for every filter, pair of filters, sort and page', async () => {
    const t = await office();
    const db = t.backend.sqlite;
    const user = (name: string) =>
      db.prepare('SELECT id FROM users WHERE username = ?').pluck().get(name) as string;
    const singles: ListInput[] = [
      {},
      { state: 'open' },
      { state: 'closed' },
      { state: 'assessment' },
      { state: 'in_service' },
      { ppks: 'PPKS-01' },
      { ppks: 'PPKS-08' },
      { ppks: 'PPKS-26' },
      { caseworker: user('bench.cw3') },
      { supervisor: user('bench.cw21') },
      { originRegion: '63.03' },
      { originRegion: '63' },
      { location: '63.72.04' },
      { location: '63.72' },
      { risk: 'high' },
      { due: 'overdue' },
      { due: 'overdue_review' },
      { due: 'overdue_assessment' },
      { due: 'soon' },
      { awaiting: 'any' },
      { awaiting: 'closure' },
      { from: '2025-01-01', to: '2025-06-30' },
      { from: '2026-01-01' },
    ];
    const inputs: ListInput[] = [];
    for (let i = 0; i < singles.length; i++)
      for (let j = i; j < singles.length; j++) inputs.push({ ...singles[i], ...singles[j] });
    for (const f of [
      ...singles,
      { ppks: 'PPKS-01', risk: 'high' } as const,
      { state: 'open', ppks: 'PPKS-01' } as const,
    ])
      for (const sort of ['newest', 'oldest', 'due', 'number'] as const)
        for (const page of [1, 2, 9, 40])
          inputs.push({ ...f, sort, page, pageSize: page === 40 ? 50 : 25 });
    let checked = 0;
    for (const f of inputs) {
      const want = reference(db, f);
      const got = (await t.admin.call('cases.list', f)) as Output<'cases.list'>;
      expect({ f, total: got.total, ids: got.rows.map((r) => r.id) }).toEqual({ f, ...want });
      if (want.ids.length > 0) checked++;
    }
    // The comparisons saw rows, not only empty pages.
    expect(checked).toBeGreaterThan(inputs.length / 2);
  }, 120_000);
});

/** The figures the plain way: every case and referral read, the definitions applied in JS. */
function referenceFigures(db: BetterSqlite3.Database, from: string, to: string) {
  const start = startOfDayUtc(from, TZ);
  const end = endOfDayUtc(to, TZ);
  const cases = db.prepare('SELECT * FROM cases').all() as Record<string, string | null>[];
  const codes = new Map<string, string[]>();
  for (const r of db.prepare('SELECT case_id, ppks FROM case_ppks').all() as {
    case_id: string;
    ppks: string;
  }[])
    codes.set(r.case_id, [...(codes.get(r.case_id) ?? []), r.ppks]);
  const served = cases.filter((c) => c.opened_at! < end && (!c.closed_at || c.closed_at >= start));
  const distinct = (key: (c: Record<string, string | null>) => (string | null)[]) => {
    const m = new Map<string | null, Set<string>>();
    for (const c of served)
      for (const k of key(c)) m.set(k, (m.get(k) ?? new Set()).add(c.person_id!));
    return new Map([...m].map(([k, s]) => [k, s.size]));
  };
  const place = (c: Record<string, string | null>) =>
    c.location_region_code?.startsWith('63.72.') ? c.location_region_code : null;
  const days = (a: string, b: string) => Math.floor((Date.parse(b) - Date.parse(a)) / 86_400_000);
  const closed = cases.filter((c) => c.closed_at && c.closed_at >= start && c.closed_at < end);
  const approved = cases.filter(
    (c) =>
      c.assessment_approved_at &&
      c.assessment_approved_at >= start &&
      c.assessment_approved_at < end,
  );
  const atEnd = cases.filter((c) => c.opened_at! < end && (!c.closed_at || c.closed_at >= end));
  const count = <T>(xs: T[]) => {
    const m = new Map<T, number>();
    for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
    return m;
  };
  return {
    personsServed: new Set(served.map((c) => c.person_id)).size,
    byPpks: distinct((c) => codes.get(c.id!) ?? []),
    byKecamatan: distinct((c) => [place(c)?.slice(0, 8) ?? null]),
    byKelurahan: distinct((c) => [place(c) && place(c)!.length > 8 ? place(c) : null]),
    opened: cases.filter((c) => c.opened_at! >= start && c.opened_at! < end).length,
    closed: closed.length,
    reasons: count(closed.map((c) => c.closure_reason)),
    toApproval: median(approved.map((c) => days(c.opened_at!, c.assessment_approved_at!))),
    toClosure: median(closed.map((c) => days(c.opened_at!, c.closed_at!))),
    caseload: count(atEnd.map((c) => c.caseworker_id)),
  };
}

describe('the case figures at scale', () => {
  it('count what a plain reading of every case counts, for a year, a month and across years', async () => {
    const t = await office();
    const db = t.backend.sqlite;
    for (const [from, to] of [
      ['2025-01-01', '2025-12-31'],
      ['2024-03-01', '2024-03-31'],
      ['2021-07-01', '2023-06-30'],
      ['2026-11-01', '2026-11-30'],
    ] as const) {
      const got = (await t.admin.call('cases.figures', { from, to })) as Output<'cases.figures'>;
      const want = referenceFigures(db, from, to);
      expect(got.personsServed).toBe(want.personsServed);
      expect(got.personsServed).toBeGreaterThan(0);
      expect(new Map(got.servedByPpks.map((r) => [r.ppks, r.count]))).toEqual(want.byPpks);
      expect(new Map(got.servedByKecamatan.map((r) => [r.region?.code ?? null, r.count]))).toEqual(
        want.byKecamatan,
      );
      expect(new Map(got.servedByKelurahan.map((r) => [r.region?.code ?? null, r.count]))).toEqual(
        want.byKelurahan,
      );
      expect(got.opened).toBe(want.opened);
      expect(got.closed).toBe(want.closed);
      expect(new Map(got.closureReasons.map((r) => [r.reason, r.count]))).toEqual(want.reasons);
      expect(got.medianDaysToAssessmentApproval).toBe(want.toApproval);
      expect(got.medianDaysToClosure).toBe(want.toClosure);
      expect(new Map(got.caseload.map((r) => [r.caseworker.id, r.count]))).toEqual(want.caseload);
    }
  }, 120_000);
});
