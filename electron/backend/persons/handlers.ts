import type { personsContract } from '../../../shared/contract/persons';
import { insertTracked, loadForChange, updateVersioned } from '../db/tracked';
import { attachableFile, releaseFile } from '../files/references';
import type { Ctx, HandlersOf } from '../dispatch/context';
import { AppError, fieldError } from '../errors';
import { yearInZone } from '../../../shared/time';
import { officeTimeZone } from '../office/store';
import {
  AS_PERSON,
  personColumns,
  searchOrigin,
  validatePerson,
  type PersonFields,
} from './columns';
import { distinctFrom, findMatches, kyselyReader, matchProbe, reasonsOf } from './duplicates';
import { searchNames } from './fold';
import { matchKeys } from './matchNames';
import { decidePair, pairsMerged, queueSavedDuplicates, readReviewQueue } from './reviewQueue';
import { checkMergeLinks, mergeLinks, personChanged } from './links';
import { exportPerson, readPersonPage } from './page';
import { personIdsPage } from './listPage';
import { loadPerson, loadSummaries, parseAliases } from './store';

/** A merged record is only a pointer to the surviving one: it is never edited. */
function notMerged(row: { merged_into: string | null }): void {
  if (row.merged_into) throw new AppError('CONFLICT', 'person.merged');
}

async function saveChecks(ctx: Ctx, input: PersonFields, excludeId?: string) {
  const timeZone = await officeTimeZone(ctx.db);
  await validatePerson(ctx.db, input, { excludeId, now: ctx.now, timeZone });
  return personColumns(ctx.db, input, ctx.now, timeZone);
}

export const personHandlers: HandlersOf<typeof personsContract> = {
  async 'persons.search'(input, ctx) {
    const currentYear = yearInZone(ctx.now, await officeTimeZone(ctx.db));
    const { ids, total } = await personIdsPage(ctx.db, { ...input, currentYear });
    return { results: await loadSummaries(ctx.db, ids), total, page: input.page };
  },

  async 'persons.get'(input, ctx) {
    return readPersonPage(ctx, input.id);
  },

  async 'persons.export'(input, ctx) {
    return exportPerson(ctx, input.id);
  },

  async 'persons.duplicates'(input, ctx) {
    const timeZone = await officeTimeZone(ctx.db);
    const year = yearInZone(ctx.now, timeZone);
    const read = kyselyReader(ctx.db);
    const found = await findMatches(
      read,
      matchProbe({ ...input, names: [input.fullName, ...input.aliases] }, year),
      { excludeId: input.excludeId },
    );
    // Pairs an admin marked "not the same" are not raised again when one of them is edited.
    const distinct = input.excludeId ? await distinctFrom(read, input.excludeId) : new Set();
    const shown = found.filter((m) => !distinct.has(m.row.id)).slice(0, 10);
    const summaries = await loadSummaries(
      ctx.db,
      shown.map((m) => m.row.id),
    );
    return {
      candidates: summaries.map((s, i) => {
        const r = shown[i]!.result;
        return {
          ...s,
          reasons: reasonsOf(r),
          level: r.level,
          score: r.score,
          evidence: r.evidence,
        };
      }),
    };
  },

  async 'persons.reviewQueue'(input, ctx) {
    const page = Math.floor(input.offset / input.limit) + 1;
    return { ...(await readReviewQueue(ctx.db, input)), page };
  },

  async 'persons.reviewDistinct'(input, ctx) {
    await decidePair(ctx, input.aId, input.bId, 'distinct');
    return { ok: true as const };
  },

  async 'persons.create'(input, ctx) {
    const columns = await saveChecks(ctx, input);
    const id = await insertTracked(ctx, 'persons', columns, AS_PERSON);
    // Saved despite a likely duplicate: the pair waits in the review queue.
    await queueSavedDuplicates(ctx, id);
    return (await loadPerson(ctx.db, id))!;
  },

  async 'persons.update'(input, ctx) {
    const { id, version, ...fields } = input;
    const before = await loadForChange(ctx.db, 'persons', id, version, notMerged);
    const columns = await saveChecks(ctx, fields, id);
    await updateVersioned(ctx, 'persons', before, columns, AS_PERSON);
    if (before.origin_code !== columns.origin_code)
      await personChanged(ctx, id, { originCode: columns.origin_code });
    return (await loadPerson(ctx.db, id))!;
  },

  async 'persons.merge'(input, ctx) {
    if (input.keepId === input.mergeId) throw fieldError(['mergeId'], 'person.merge_same');
    const keep = await loadForChange(ctx.db, 'persons', input.keepId, input.keepVersion);
    const gone = await loadForChange(ctx.db, 'persons', input.mergeId, input.mergeVersion);
    if (keep.merged_into || gone.merged_into) throw fieldError(['mergeId'], 'person.merge_already');
    if (keep.nik && gone.nik && keep.nik !== gone.nik)
      throw fieldError(['mergeId'], 'person.merge_nik_conflict');
    await checkMergeLinks(ctx.db, keep.id, gone.id);
    await pairsMerged(ctx, gone.id);

    // The merged record steps aside first, so its NIK can pass to the surviving one.
    await updateVersioned(
      ctx,
      'persons',
      gone,
      { merged_into: keep.id },
      { ...AS_PERSON, note: input.reason },
    );
    const moved = await mergeLinks(ctx, keep.id, gone.id);
    // Fill what the surviving record lacks; its own values win. The other name becomes an alias.
    const fill = <K extends keyof typeof keep>(k: K) => keep[k] ?? gone[k];
    const aliases = [
      ...new Set([
        ...parseAliases(keep.aliases),
        // Every other spelling is kept: it is how someone may search for this person.
        ...(gone.full_name !== keep.full_name ? [gone.full_name] : []),
        ...parseAliases(gone.aliases),
      ]),
    ].filter((a) => a !== keep.full_name);
    // A field's quality follows the value the merged record ends up with: the better of the two,
    // since a missing value is filled from the other record.
    const rank = (code: string | undefined) =>
      code === 'complete' ? 2 : code === 'partial' ? 1 : 0;
    const keepQuality = JSON.parse(keep.quality) as Record<string, string>;
    const goneQuality = JSON.parse(gone.quality) as Record<string, string>;
    const quality = { ...goneQuality, ...keepQuality };
    for (const k of Object.keys(goneQuality))
      if (rank(goneQuality[k]) > rank(keepQuality[k])) quality[k] = goneQuality[k]!;
    // Birth year and its "estimated" flag come from the same record: an exact date first, then
    // the surviving record's own estimate, then the merged one's.
    const birthFrom = keep.birth_date
      ? keep
      : gone.birth_date
        ? gone
        : keep.birth_year !== null
          ? keep
          : gone;
    const originCode = fill('origin_code');
    const after = {
      nik: fill('nik'),
      kk: fill('kk'),
      aliases: JSON.stringify(aliases),
      sex: fill('sex'),
      birth_place: fill('birth_place'),
      birth_date: fill('birth_date'),
      birth_year: birthFrom.birth_year,
      birth_date_estimated: birthFrom.birth_date_estimated,
      mother_name: fill('mother_name'),
      marital_status: fill('marital_status'),
      religion: fill('religion'),
      phone: fill('phone'),
      address: fill('address'),
      rt: fill('rt'),
      rw: fill('rw'),
      village_code: fill('village_code'),
      origin_code: originCode,
      identity_evidence: fill('identity_evidence'),
      disabilities: fill('disabilities'),
      notes: [keep.notes, gone.notes].filter(Boolean).join('\n\n') || null,
      photo_file_id: fill('photo_file_id'),
      quality: JSON.stringify(quality),
      search_names: searchNames(keep.full_name, aliases),
      match_keys: JSON.stringify(matchKeys(keep.full_name, aliases)),
      search_origin: await searchOrigin(ctx.db, originCode),
    };
    await updateVersioned(ctx, 'persons', keep, after, {
      ...AS_PERSON,
      extra: { merged_from: [null, gone.id], moved: [null, moved] },
      note: input.reason,
    });
    // Always: the rows moved from the merged record still carry its origin.
    await personChanged(ctx, keep.id, { originCode });
    return (await loadPerson(ctx.db, keep.id))!;
  },

  async 'persons.setPhoto'(input, ctx) {
    const before = await loadForChange(ctx.db, 'persons', input.id, input.version);
    if (input.fileId === before.photo_file_id) return (await loadPerson(ctx.db, input.id))!;
    if (input.fileId) await attachableFile(ctx, input.fileId, 'personPhoto', ['fileId']);
    await updateVersioned(ctx, 'persons', before, { photo_file_id: input.fileId }, AS_PERSON);
    await releaseFile(ctx, before.photo_file_id);
    return (await loadPerson(ctx.db, input.id))!;
  },
};
