/**
 * A person's full page and a data-subject export: the record plus what every domain registered
 * (persons/links). Both are reads of sensitive data and leave an audit row (UU PDP); searching
 * and listing do not, so the trail records who looked at whom without filling up. The export is
 * a generated JSON file (files port) the admin saves where the request should be answered from.
 */
import type { Output } from '../../../shared/contract';
import { personExport, type PersonExport } from '../../../shared/contract/persons';
import { dayInZone } from '../../../shared/time';
import type { Ctx } from '../dispatch/context';
import { notFound } from '../errors';
import { offerFile } from '../files/generated';
import { officeTimeZone } from '../office/store';
import { gatherExports, gatherLinks, gatherTimeline } from './links';
import { loadPerson } from './store';

export async function readPersonPage(ctx: Ctx, id: string): Promise<Output<'persons.get'>> {
  const person = await loadPerson(ctx.db, id);
  if (!person) throw notFound();
  const links = await gatherLinks(ctx, id);
  const timeline = await gatherTimeline(ctx, id);
  // Small on purpose: who, when and which record; dispatch writes it once the read succeeded.
  ctx.audit({ recordType: 'person', recordId: id, note: 'read' });
  return { person, links, timeline };
}

async function gatherExport(ctx: Ctx, id: string): Promise<PersonExport> {
  const person = await loadPerson(ctx.db, id);
  if (!person) throw notFound();
  // Records merged into this one (also through an earlier merge) are the same person.
  const mergedRecords = [];
  for (let next = [id]; next.length > 0;) {
    const rows = await ctx.db
      .selectFrom('persons')
      .select('id')
      .where('merged_into', 'in', next)
      .orderBy('created_at')
      .execute();
    next = rows.map((r) => r.id);
    for (const m of next) mergedRecords.push((await loadPerson(ctx.db, m))!);
  }
  const domains = await gatherExports(ctx.db, id);
  // Parsed so the file holds exactly the documented shape, as a method's output would.
  return personExport.parse({ exportedAt: ctx.nowIso, person, mergedRecords, domains });
}

/** Makes the export file (named for the person and the office day) and returns its id. */
export async function exportPerson(ctx: Ctx, id: string): Promise<Output<'persons.export'>> {
  const data = await gatherExport(ctx, id);
  const day = dayInZone(ctx.now, await officeTimeZone(ctx.db));
  const fileId = await offerFile(ctx, {
    bytes: new TextEncoder().encode(JSON.stringify(data, null, 2)),
    name: `pelita-data-orang-${id}-${day}.json`,
    type: 'application/json',
  });
  ctx.audit({ recordType: 'person', recordId: id, note: 'export' });
  return { fileId };
}
