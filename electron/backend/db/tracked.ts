/**
 * Tracked, versioned records: the one way handlers write a user-edited table (DESIGN.md, data
 * conventions). These helpers stamp the id, who and when, bump `version`, refuse a stale version
 * with CONFLICT and queue the audit entry with its diff. Handlers never stamp by hand.
 */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { diffRecords } from '../audit/diff';
import type { Ctx } from '../dispatch/context';
import { notFound, staleRecord } from '../errors';
import { uuidv7 } from '../lib/ids';
import { insertRows } from './bulk';
import type { DB } from './schema';
import type { Tracked } from './tables/tracked';
import { assertUpdated, nextVersion } from './versioned';

/** Tables that carry created/updated stamps and a version. */
export type TrackedTable = {
  [K in keyof DB]: DB[K] extends Tracked ? K : never;
}[keyof DB];
/** Append-only entries (a stay's event log): an id and who wrote them when, never edited. */
export type EntryTable = {
  [K in keyof DB]: DB[K] extends Tracked
    ? never
    : DB[K] extends { id: string; created_at: string; created_by: string | null }
      ? K
      : never;
}[keyof DB];

type Row<T extends TrackedTable> = Selectable<DB[T]>;
type Key<T extends TrackedTable> = Row<T> extends { id: infer I } ? I : never;
/** What a handler supplies: everything but the stamps (and the id, unless it chooses one). */
export type NewValues<T extends TrackedTable> = Omit<
  Insertable<DB[T]>,
  'id' | 'created_at' | 'created_by' | 'updated_at' | 'updated_by' | 'version'
> & { id?: Key<T> };
export type ChangedValues<T extends TrackedTable> = Omit<
  Updateable<DB[T]>,
  'id' | 'created_at' | 'created_by' | 'updated_at' | 'updated_by' | 'version'
>;

export interface AuditOptions {
  /** The audit's record type; defaults to the table name. `false`: the caller audits itself. */
  recordType?: string | false;
  /** Who acts when nobody is signed in yet (first-run setup): stamped and named in the audit. */
  actor?: { id: string; username: string };
  /** Which fields of the values enter the audit diff (derived helper columns left out). */
  view?: (values: Record<string, unknown>) => Record<string, unknown>;
  /** Extra fields for the audit diff, e.g. the PPKS list kept in a side table. */
  extra?: Record<string, [unknown, unknown]>;
  note?: string;
}

// Kysely cannot follow a table name chosen by a type parameter through its builders; the
// public signatures above stay exact, and these three lines are the only loose ones.
type Loose = Kysely<Record<string, Record<string, unknown>>>;
const loose = (db: Kysely<DB>) => db as unknown as Loose;

function stamps(ctx: Ctx, opts: AuditOptions) {
  return { updated_at: ctx.nowIso, updated_by: ctx.user?.id ?? opts.actor?.id ?? null };
}

function audited(
  ctx: Ctx,
  table: string,
  id: unknown,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  opts: AuditOptions,
): void {
  if (opts.recordType === false) return;
  const view = opts.view ?? ((v) => v);
  ctx.audit({
    recordType: opts.recordType ?? table,
    recordId: String(id),
    changes: {
      ...diffRecords(before && view(before), after && view(after)),
      ...opts.extra,
    },
    ...(opts.note ? { note: opts.note } : {}),
    ...(opts.actor ? { actor: opts.actor } : {}),
    // The entry keeps the row's content hash after the call, so verify can tell when the
    // row was changed in the file outside Pelita (audit/rowHash.ts).
    row: { table, id },
  });
}

/** The version an edit says it read. An edit that does not say (an old client) counts as stale. */
function readVersion(version: number | undefined): number {
  return version ?? 0; // versions start at 1
}

/** Inserts a new row with fresh id (UUIDv7 unless given), stamps and version 1; audits it. */
export async function insertTracked<T extends TrackedTable>(
  ctx: Ctx,
  table: T,
  values: NewValues<T>,
  opts: AuditOptions = {},
): Promise<Key<T>> {
  const id = (values.id ?? uuidv7(ctx.now.getTime())) as Key<T>;
  const { updated_at, updated_by } = stamps(ctx, opts);
  const row = { ...values, id, created_at: updated_at, created_by: updated_by };
  await loose(ctx.db)
    .insertInto(table as string)
    .values({ ...row, updated_at, updated_by })
    .execute();
  const { id: _id, ...audit } = values as Record<string, unknown>;
  audited(ctx, table, id, null, audit, opts);
  return id;
}

/**
 * insertTracked for many rows at once (an applied packet): the same stamps, ids and one audit
 * entry per row, written with a few multi-row statements instead of one builder query each.
 */
export async function insertTrackedMany<T extends TrackedTable>(
  ctx: Ctx,
  table: T,
  list: readonly NewValues<T>[],
  opts: AuditOptions = {},
): Promise<Key<T>[]> {
  const { updated_at, updated_by } = stamps(ctx, opts);
  const ids: Key<T>[] = [];
  const rows: Record<string, unknown>[] = [];
  for (const values of list) {
    const id = (values.id ?? uuidv7(ctx.now.getTime())) as Key<T>;
    ids.push(id);
    rows.push({
      ...values,
      id,
      created_at: updated_at,
      created_by: updated_by,
      updated_at,
      updated_by,
    });
  }
  await insertRows(ctx.db, table, rows);
  list.forEach((values, i) => {
    const { id: _id, ...audit } = values as Record<string, unknown>;
    audited(ctx, table, ids[i], null, audit, opts);
  });
  return ids;
}

/** Appends an entry to a log table (id, created_at, created_by stamped); audits it. */
export async function insertEntry<T extends EntryTable>(
  ctx: Ctx,
  table: T,
  values: Omit<Insertable<DB[T]>, 'id' | 'created_at' | 'created_by'>,
  opts: AuditOptions = {},
): Promise<string> {
  const id = uuidv7(ctx.now.getTime());
  const { updated_at, updated_by } = stamps(ctx, opts);
  await loose(ctx.db)
    .insertInto(table as string)
    .values({ ...values, id, created_at: updated_at, created_by: updated_by })
    .execute();
  audited(ctx, table, id, null, values as Record<string, unknown>, opts);
  return id;
}

/**
 * Reads a row about to be changed. Missing: NOT_FOUND. With `version`, a row saved by someone
 * else since the caller read it: CONFLICT, before anything is checked or written. `guard` runs
 * first: a state that says more than "reload" (a stay already checked out, a merged person).
 */
export async function loadForChange<T extends TrackedTable>(
  db: Kysely<DB>,
  table: T,
  id: Key<T>,
  version?: number,
  guard?: (row: Row<T>) => void,
): Promise<Row<T>> {
  const row = (await loose(db)
    .selectFrom(table as string)
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()) as Row<T> | undefined;
  if (!row) throw notFound();
  guard?.(row);
  if (version !== undefined && (row as { version: number }).version !== version)
    throw staleRecord();
  return row;
}

/** The one UPDATE behind updateVersioned and updateBookkeeping. */
function updater(versioned: boolean) {
  return async <T extends TrackedTable>(
    ctx: Ctx,
    table: T,
    before: Row<T>,
    values: ChangedValues<T>,
    opts: AuditOptions = {},
  ): Promise<void> => {
    const prior = before as Record<string, unknown> & { id: unknown; version: number };
    const changed = values as Record<string, unknown>;
    let q = loose(ctx.db)
      .updateTable(table as string)
      .set(versioned ? { ...changed, ...stamps(ctx, opts), version: nextVersion } : changed)
      .where('id', '=', prior.id);
    if (versioned) q = q.where('version', '=', prior.version);
    const result = await q.executeTakeFirst();
    if (versioned) assertUpdated(result);
    audited(ctx, table, prior.id, prior, changed, opts);
  };
}

/**
 * Updates one row guarded by its version: stamps who and when, bumps the version, and audits
 * the fields that changed against `before` (the row loadForChange returned). A row saved by
 * someone else in between touches nothing and answers CONFLICT.
 */
export const updateVersioned = updater(true);

/**
 * Columns that count or note something about a record without changing what it says (receipt
 * prints, a user's own password): no stamps and no new version, so nobody's open edit goes
 * stale. Audited all the same.
 */
export const updateBookkeeping = updater(false);

/**
 * For a form that creates without an id and edits with one: the row the edit changes, checked
 * like loadForChange against the version the form read; undefined for a new record. Hand the
 * result to saveTracked (or insertTracked / updateVersioned).
 */
export async function loadForSave<T extends TrackedTable>(
  db: Kysely<DB>,
  table: T,
  form: { id?: Key<T> | null; version?: number },
  guard?: (row: Row<T>) => void,
): Promise<Row<T> | undefined> {
  if (!form.id) return undefined;
  return loadForChange(db, table, form.id, readVersion(form.version), guard);
}

/**
 * The save of a form that creates a record without an id and edits it with one: `before` is
 * what loadForChange returned for the edit, undefined for a new record. Returns the id.
 */
export async function saveTracked<T extends TrackedTable>(
  ctx: Ctx,
  table: T,
  before: Row<T> | undefined,
  values: NewValues<T>,
  opts: AuditOptions = {},
): Promise<Key<T>> {
  if (!before) return insertTracked(ctx, table, values, opts);
  await updateVersioned(ctx, table, before, values as ChangedValues<T>, opts);
  return (before as { id: Key<T> }).id;
}

/**
 * A real delete (a record entered by mistake), guarded by the version the caller read; the
 * audit keeps what the row held. Give the reason as `note`.
 */
export async function deleteVersioned<T extends TrackedTable>(
  ctx: Ctx,
  table: T,
  id: Key<T>,
  version: number,
  opts: AuditOptions = {},
): Promise<Row<T>> {
  const before = await loadForChange(ctx.db, table, id, version);
  const result = await loose(ctx.db)
    .deleteFrom(table as string)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw staleRecord();
  audited(ctx, table, id, before as Record<string, unknown>, null, opts);
  return before;
}

/**
 * Points every row of `table` whose `column` is `from` at `to` (a merged person's stays and
 * complaints move to the surviving record): no new version, one audit entry per row moved.
 * Returns how many moved.
 */
export async function reassignRows<T extends TrackedTable>(
  ctx: Ctx,
  table: T,
  column: keyof Row<T> & string,
  from: string,
  to: string,
  opts: AuditOptions = {},
): Promise<number> {
  const field: string = column;
  const moved = await loose(ctx.db)
    .updateTable(table as string)
    .set({ [field]: to })
    .where(field, '=', from)
    .returning('id')
    .execute();
  for (const { id } of moved) audited(ctx, table, id, { [column]: from }, { [column]: to }, opts);
  return moved.length;
}

/** loadForChange + updateVersioned, for the common "edit this record at this version" call. */
export async function changeTracked<T extends TrackedTable>(
  ctx: Ctx,
  table: T,
  id: Key<T>,
  version: number,
  values: ChangedValues<T>,
  opts: AuditOptions = {},
): Promise<Row<T>> {
  const before = await loadForChange(ctx.db, table, id, version);
  await updateVersioned(ctx, table, before, values, opts);
  return before;
}
