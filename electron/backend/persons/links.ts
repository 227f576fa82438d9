/**
 * Person links: each domain that keeps rows about a person registers what it holds (DESIGN.md,
 * "building blocks"). Persons gathers summaries, timelines, merges and exports from here and
 * never reads another domain's tables; a lint rule and a test keep it that way, and a schema
 * test checks that every table with a `person_id` column belongs to a registered link.
 */
import type { Kysely } from 'kysely';
import type {
  PersonLinks,
  PersonSummary,
  PersonTimelineEntry,
} from '../../../shared/contract/persons';
import { BLANK_EVENT } from '../../../shared/contract/timeline';
import { canAccess, type Permission } from '../../../shared/roles';
import type { DB } from '../db/schema';
import { reassignRows, type TrackedTable } from '../db/tracked';
import type { Ctx } from '../dispatch/context';

/** Facts another domain adds to every person summary (search results, duplicate lists). */
export type ListFacts = Pick<PersonSummary, 'lastStay'>;

export interface PersonLink<D extends keyof PersonLinks = keyof PersonLinks> {
  domain: D;
  /** The tables of this domain with a `person_id` column: all of them, for the schema test. */
  tables: readonly string[];
  /** Who may see this domain's summary and timeline on a person's page. */
  readPermission: Permission;
  /** The small facts a person's page shows. */
  summary(db: Kysely<DB>, personId: string): Promise<NonNullable<PersonLinks[D]>>;
  timeline(db: Kysely<DB>, personId: string): Promise<PersonTimelineEntry[]>;
  /**
   * Facts for a list of persons, in one query for all of them (search is a hot path: no query
   * per person). Only the facts this domain owns.
   */
  listFacts?(db: Kysely<DB>, ids: string[]): Promise<Map<string, Partial<ListFacts>>>;
  /** Refuses a merge this domain cannot take (throws a field error on `mergeId`). */
  checkMerge?(db: Kysely<DB>, keepId: string, goneId: string): Promise<void>;
  /** Moves this domain's rows from `goneId` to `keepId`; the counts per table go to the audit. */
  merge(ctx: Ctx, keepId: string, goneId: string): Promise<Record<string, number>>;
  /** Keeps this domain's copies of person fields in step (after an update or a merge). */
  personChanged?(ctx: Ctx, personId: string, person: { originCode: string | null }): Promise<void>;
  /** Everything this domain holds about the person, for a data-subject request (UU PDP). */
  export(db: Kysely<DB>, personId: string): Promise<unknown>;
}

/** Tables with a `person_id` column (a linked domain's rows about a person). */
type PersonTable = {
  [K in keyof DB]: DB[K] extends { person_id: string | null } ? K : never;
}[keyof DB];

/**
 * The usual `merge`: moves a table's rows from `goneId` to `keepId`, each move audited as a change
 * of that `recordType` (so verify sees them as Pelita's own); the count for the merge's audit.
 */
export function movePersonRows(
  ctx: Ctx,
  table: PersonTable & TrackedTable,
  keepId: string,
  goneId: string,
  recordType: string,
): Promise<number> {
  return reassignRows(ctx, table, 'person_id', goneId, keepId, { recordType });
}

type EventParts = Partial<PersonTimelineEntry> & Pick<PersonTimelineEntry, 'at' | 'kind'>;

/**
 * The usual timeline of a linked record: when it was opened and, once it ended, when it was
 * closed. `record` names it (domain, type, id, label); each event adds what it knows.
 */
export function openedAndClosed(
  record: Pick<PersonTimelineEntry, 'domain' | 'recordType' | 'recordId' | 'label'>,
  opened: EventParts,
  closed: EventParts | null,
): PersonTimelineEntry[] {
  const base = { ...BLANK_EVENT, id: record.recordId, ...record };
  return [{ ...base, ...opened }, ...(closed ? [{ ...base, ...closed }] : [])];
}

const links = new Map<string, PersonLink>();

/** Called once per domain where the backend assembles its handlers. */
export function registerPersonLink<D extends keyof PersonLinks>(link: PersonLink<D>): void {
  const known = links.get(link.domain);
  if (known && known !== (link as unknown as PersonLink))
    throw new Error(`person link ${link.domain} registered twice`);
  links.set(link.domain, link as unknown as PersonLink);
}

export function personLinks(): readonly PersonLink[] {
  return [...links.values()];
}

/** Every domain's summary, `null` where the caller may not read that domain. */
export async function gatherLinks(
  ctx: Pick<Ctx, 'db' | 'user'>,
  personId: string,
): Promise<PersonLinks> {
  const out: Record<string, unknown> = {};
  const roles = ctx.user?.roles ?? null;
  for (const link of links.values())
    out[link.domain] = canAccess(link.readPermission, roles)
      ? await link.summary(ctx.db, personId)
      : null;
  return out as PersonLinks;
}

/** The timelines of every domain the caller may read, newest first. */
export async function gatherTimeline(
  ctx: Pick<Ctx, 'db' | 'user'>,
  personId: string,
): Promise<PersonTimelineEntry[]> {
  const roles = ctx.user?.roles ?? null;
  const entries: PersonTimelineEntry[] = [];
  for (const link of links.values())
    if (canAccess(link.readPermission, roles))
      entries.push(...(await link.timeline(ctx.db, personId)));
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** The list facts of many persons: one batch per domain that has any. */
export async function gatherListFacts(
  db: Kysely<DB>,
  ids: string[],
): Promise<Map<string, ListFacts>> {
  const out = new Map<string, ListFacts>(ids.map((id) => [id, { lastStay: null }]));
  if (ids.length === 0) return out;
  for (const link of links.values()) {
    if (!link.listFacts) continue;
    for (const [id, facts] of await link.listFacts(db, ids)) {
      const known = out.get(id);
      if (known) Object.assign(known, facts);
    }
  }
  return out;
}

/** Lets every domain refuse a merge before anything is written. */
export async function checkMergeLinks(db: Kysely<DB>, keepId: string, goneId: string) {
  for (const link of links.values()) await link.checkMerge?.(db, keepId, goneId);
}

/** Moves every domain's rows to the surviving record; the moved counts per table. */
export async function mergeLinks(
  ctx: Ctx,
  keepId: string,
  goneId: string,
): Promise<Record<string, number>> {
  const moved: Record<string, number> = {};
  for (const link of links.values()) Object.assign(moved, await link.merge(ctx, keepId, goneId));
  return moved;
}

export async function personChanged(
  ctx: Ctx,
  personId: string,
  person: { originCode: string | null },
): Promise<void> {
  for (const link of links.values()) await link.personChanged?.(ctx, personId, person);
}

/** Every domain's export, by domain. */
export async function gatherExports(
  db: Kysely<DB>,
  personId: string,
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const link of links.values()) out[link.domain] = await link.export(db, personId);
  return out;
}
