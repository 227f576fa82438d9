/** The review queue's reads and decisions (the scan that fills it is in reviewScan.ts). */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { MatchEvidence, reviewPair } from '../../../shared/contract/persons';
import type { Ctx } from '../dispatch/context';
import type { DB } from '../db/schema';
import { AppError, notFound } from '../errors';
import {
  CANDIDATE_COLUMNS,
  findMatches,
  kyselyReader,
  recordOf,
  type CandidateRow,
} from './duplicates';
import { pairOf, queuePairs, scanProgress } from './reviewScan';
import { loadSummaries } from './store';

/** Open pairs, likely first, strongest first. */
export async function readReviewQueue(
  db: Kysely<DB>,
  input: { level?: 'likely' | 'possibly'; offset: number; limit: number },
) {
  let q = db.selectFrom('person_match_pairs').where('status', '=', 'open');
  if (input.level) q = q.where('level', '=', input.level);
  const [rows, count, scan] = await Promise.all([
    q
      .selectAll()
      .orderBy('level', 'asc') // 'likely' < 'possibly'
      .orderBy('score', 'desc')
      .orderBy('a_id')
      .offset(input.offset)
      .limit(input.limit)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    scanProgress(db),
  ]);
  const people = new Map(
    (
      await loadSummaries(db, [...new Set(rows.flatMap((r) => [r.a_id, r.b_id]))], {
        lastStay: false,
      })
    ).map((p) => [p.id, p]),
  );
  const pairs: z.input<typeof reviewPair>[] = rows.flatMap((r) => {
    const a = people.get(r.a_id);
    const b = people.get(r.b_id);
    return a && b
      ? [
          {
            a,
            b,
            level: r.level,
            score: r.score,
            evidence: JSON.parse(r.evidence) as MatchEvidence[],
            foundAt: r.found_at,
          },
        ]
      : [];
  });
  return {
    pairs,
    total: Number(count.n),
    scan: { done: Math.min(scan.done, scan.total), total: scan.total, running: scan.running },
  };
}

/** Records an admin's decision on an open pair, audited. */
export async function decidePair(
  ctx: Ctx,
  x: string,
  y: string,
  status: 'distinct' | 'merged',
): Promise<void> {
  const [a, b] = x < y ? [x, y] : [y, x];
  const pair = await ctx.db
    .selectFrom('person_match_pairs')
    .select('status')
    .where('a_id', '=', a)
    .where('b_id', '=', b)
    .executeTakeFirst();
  if (!pair) throw notFound();
  if (pair.status === status) return;
  if (pair.status !== 'open') throw new AppError('CONFLICT', 'person.review.decided');
  await ctx.db
    .updateTable('person_match_pairs')
    .set({ status, decided_at: ctx.nowIso, decided_by: ctx.user?.id ?? null })
    .where('a_id', '=', a)
    .where('b_id', '=', b)
    .execute();
  ctx.audit({
    recordType: 'person_match_pair',
    recordId: `${a}:${b}`,
    changes: { status: ['open', status] },
  });
}

/**
 * A merge settles the pair it came from, and every other open pair of the merged record (it is
 * now only a pointer); a pair an admin never saw is simply closed with it.
 */
export async function pairsMerged(ctx: Ctx, goneId: string): Promise<void> {
  await ctx.db
    .updateTable('person_match_pairs')
    .set({ status: 'merged', decided_at: ctx.nowIso, decided_by: ctx.user?.id ?? null })
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('a_id', '=', goneId), eb('b_id', '=', goneId)]))
    .execute();
}

/** A record saved although it is likely someone already registered: queued for review at once. */
export async function queueSavedDuplicates(ctx: Ctx, id: string): Promise<void> {
  const read = kyselyReader(ctx.db);
  const [row] = await read<CandidateRow>(`SELECT ${CANDIDATE_COLUMNS} FROM persons WHERE id = ?`, [
    id,
  ]);
  if (!row) return;
  const found = await findMatches(read, recordOf(row), {
    excludeId: id,
  });
  await queuePairs(
    ctx.db,
    found.filter((m) => m.result.level === 'likely').map((m) => pairOf(id, m, ctx.nowIso)),
  );
}
