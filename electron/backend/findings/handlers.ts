/**
 * Findings (laporan temuan PPKS): reported from the kelurahan, triaged at the city. Every handler
 * asks the caller's scope first (kelurahan/scope.ts): an operator reaches only its own kelurahan.
 */
import type { ParsedInput } from '../../../shared/contract';
import type { findingsContract } from '../../../shared/contract/findings';
import { canAccess } from '../../../shared/roles';
import { yearInZone } from '../../../shared/time';
import { loadCalendar } from '../calendar/workdays';
import { loadForChange, updateVersioned } from '../db/tracked';
import type { Ctx, HandlersOf } from '../dispatch/context';
import { AppError, fieldError, notFound } from '../errors';
import { assertInScope, requireCityKelurahan, scopeOf } from '../kelurahan/scope';
import { findMatches, kyselyReader, matchProbe } from '../persons/duplicates';
import { regionRefs } from '../regions/refs';
import { writeFindingEvent } from './events';
import { listFindings, loadFinding, loadFindingRow } from './queries';
import { AS_FINDING, insertFinding } from './store';
import { transitionFinding } from './steps';

/** A finding may be reported up to this long before it reaches the city's clock. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** Loads a finding the caller may see, or refuses. */
async function visibleRow(ctx: Ctx, id: string) {
  const scope = await scopeOf(ctx);
  const row = await loadFindingRow(ctx.db, id);
  if (!row) throw notFound();
  assertInScope(scope, row.kelurahan_code);
  return { row, scope };
}

/**
 * The finding as the caller sees it. Triagers also get the person matcher's candidates while no
 * person is linked; an operator never sees registry people beyond the one it reported.
 */
async function result(ctx: Ctx, id: string) {
  const { row, scope } = await visibleRow(ctx, id);
  const cal = await loadCalendar(ctx.db, ctx.now);
  const roles = ctx.user?.roles ?? [];
  const cityView = scope === null;
  const finding = await loadFinding(ctx.db, row, cal, { cityView });
  const triager =
    cityView && canAccess('findings.triage', roles) && canAccess('persons.read', roles);
  let candidates: Awaited<ReturnType<typeof candidatesFor>> = [];
  if (triager && !row.person_id && row.status !== 'acted_on' && row.status !== 'closed')
    candidates = await candidatesFor(ctx, row);
  return { ...finding, candidates };
}

async function candidatesFor(
  ctx: Ctx,
  row: NonNullable<Awaited<ReturnType<typeof loadFindingRow>>>,
) {
  if (!row.subject_name && !row.subject_nik) return [];
  const cal = await loadCalendar(ctx.db, ctx.now);
  const probe = matchProbe(
    {
      names: row.subject_name ? [row.subject_name] : [],
      nik: row.subject_nik,
      sex: row.subject_sex,
      birthDate: row.subject_birth_date,
      estimatedAge: row.subject_age,
      originCode: null,
      motherName: null,
    },
    yearInZone(ctx.now, cal.timeZone),
  );
  const found = (await findMatches(kyselyReader(ctx.db), probe)).slice(0, 8);
  const homes = new Map(
    (
      await ctx.db
        .selectFrom('persons')
        .select(['id', 'village_code'])
        .where('id', 'in', found.length ? found.map((m) => m.row.id) : [''])
        .execute()
    ).map((p) => [p.id, p.village_code]),
  );
  const villages = await regionRefs(ctx.db, homes.values());
  return found.map((m) => {
    const home = homes.get(m.row.id);
    return {
      id: m.row.id,
      fullName: m.row.full_name,
      nik: m.row.nik,
      birthDate: m.row.birth_date,
      villageName: home ? (villages.get(home)?.name ?? null) : null,
      level: m.result.level,
      score: m.result.score,
    };
  });
}

async function createFinding(ctx: Ctx, input: ParsedInput<'findings.create'>) {
  const scope = await scopeOf(ctx);
  if (scope !== null && input.kelurahanCode && input.kelurahanCode !== scope)
    throw new AppError('FORBIDDEN', 'kelurahan.other_kelurahan');
  const kelurahanCode = scope ?? input.kelurahanCode;
  if (!kelurahanCode) throw fieldError(['kelurahanCode'], 'finding.kelurahan_required');
  await requireCityKelurahan(ctx.db, kelurahanCode, ['kelurahanCode']);
  // Operators cannot search the registry, so they cannot name a registry person either.
  if (input.personId && scope !== null)
    throw fieldError(['personId'], 'finding.person_not_allowed');
  if (input.personId) {
    const p = await ctx.db
      .selectFrom('persons')
      .select('id')
      .where('id', '=', input.personId)
      .where('merged_into', 'is', null)
      .executeTakeFirst();
    if (!p) throw fieldError(['personId'], 'finding.person_not_found');
  } else if (!input.subject.name && !input.subject.description) {
    throw fieldError(['subject', 'name'], 'finding.subject_required');
  }
  if (new Date(input.foundAt).getTime() > ctx.now.getTime() + CLOCK_SKEW_MS)
    throw fieldError(['foundAt'], 'finding.found_in_future');

  return insertFinding(ctx, { ...input, kelurahanCode }, 'direct');
}

export const findingHandlers: HandlersOf<typeof findingsContract> = {
  async 'findings.create'(input, ctx) {
    const id = await createFinding(ctx, input);
    return result(ctx, id);
  },

  async 'findings.list'(input, ctx) {
    const scope = await scopeOf(ctx);
    if (scope !== null && input.kelurahanCode && input.kelurahanCode !== scope)
      throw new AppError('FORBIDDEN', 'kelurahan.other_kelurahan');
    return listFindings(ctx.db, input, scope, await loadCalendar(ctx.db, ctx.now));
  },

  async 'findings.get'(input, ctx) {
    const finding = await result(ctx, input.id);
    ctx.audit({ recordType: 'finding', recordId: input.id, note: 'read' });
    return finding;
  },

  async 'findings.linkPerson'(input, ctx) {
    const before = await loadForChange(ctx.db, 'findings', input.id, input.version);
    if (before.status === 'acted_on' || before.status === 'closed')
      throw new AppError('CONFLICT', 'finding.closed');
    const person = await ctx.db
      .selectFrom('persons')
      .select('id')
      .where('id', '=', input.personId)
      .where('merged_into', 'is', null)
      .executeTakeFirst();
    if (!person) throw fieldError(['personId'], 'finding.person_not_found');
    if (before.person_id === input.personId)
      throw fieldError(['personId'], 'finding.person_unchanged');
    await updateVersioned(ctx, 'findings', before, { person_id: input.personId }, AS_FINDING);
    await writeFindingEvent(ctx, input.id, { kind: 'edit', action: 'link_person' });
    return result(ctx, input.id);
  },

  async 'findings.transition'(input, ctx) {
    await transitionFinding(ctx, input);
    return result(ctx, input.id);
  },
};
