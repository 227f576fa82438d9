import { sql } from 'kysely';
import type { personsContract } from '../../../shared/contract/persons';
import { diffRecords } from '../audit/diff';
import { assertUpdated, nextVersion } from '../db/versioned';
import type { Ctx, HandlersOf } from '../dispatch/context';
import { requireUser } from '../dispatch/context';
import { AppError, fieldError, notFound, staleRecord } from '../errors';
import { yearInZone } from '../../../shared/time';
import { uuidv7 } from '../lib/ids';
import { officeTimeZone } from '../office/store';
import { regionRefs } from '../regions/refs';
import { personColumns, searchOrigin, validatePerson, type PersonFields } from './columns';
import { findDuplicates } from './duplicates';
import { searchNames } from './fold';
import { PERSON_LINKS } from './links';
import { decodePhoto, readPhoto, storePhoto } from './photo';
import { searchPersonIds } from './search';
import { loadPerson, loadPersonRow, loadSummaries, parseAliases } from './store';

/** Audit view of a person: its own fields, without search helpers. */
function auditView(columns: Record<string, unknown>): Record<string, unknown> {
  const { search_names: _s, search_origin: _o, name_key: _k, ...rest } = columns;
  return rest;
}

async function saveChecks(ctx: Ctx, input: PersonFields, excludeId?: string) {
  const timeZone = await officeTimeZone(ctx.db);
  await validatePerson(ctx.db, input, { excludeId, now: ctx.now, timeZone });
  return personColumns(ctx.db, input, ctx.now, timeZone);
}

/** Keeps the stays' copy of the origin kabupaten/kota in step with the person. */
async function syncStayOrigin(ctx: Ctx, personId: string, originCode: string | null) {
  const parts = originCode?.split('.') ?? [];
  const regency = parts.length >= 2 ? `${parts[0]}.${parts[1]}` : null;
  await ctx.db
    .updateTable('stays')
    .set({ origin_regency: regency })
    .where('person_id', '=', personId)
    .execute();
}

export const personHandlers: HandlersOf<typeof personsContract> = {
  async 'persons.search'(input, ctx) {
    const currentYear = yearInZone(ctx.now, await officeTimeZone(ctx.db));
    const ids = await searchPersonIds(ctx.db, { ...input, currentYear });
    return { results: await loadSummaries(ctx.db, ids) };
  },

  async 'persons.get'(input, ctx) {
    const person = await loadPerson(ctx.db, input.id);
    if (!person) throw notFound();
    const rows = await ctx.db
      .selectFrom('stays')
      .innerJoin('shelters', 'shelters.id', 'stays.shelter_id')
      .innerJoin('shelter_beds', 'shelter_beds.id', 'stays.bed_id')
      .select([
        'stays.id',
        'shelters.name as shelterName',
        'shelter_beds.label as bedLabel',
        'stays.checkin_at',
        'stays.checkout_at',
        'stays.exit_type',
        'stays.destination_code',
        sql<string>`(SELECT group_concat(ppks, ',') FROM stay_ppks WHERE stay_id = stays.id)`.as(
          'ppks',
        ),
      ])
      .where('stays.person_id', '=', input.id)
      .orderBy('stays.checkin_at', 'desc')
      .execute();
    const refs = await regionRefs(
      ctx.db,
      rows.map((r) => r.destination_code),
    );
    return {
      person,
      stays: rows.map((r) => ({
        id: r.id,
        shelterName: r.shelterName,
        bedLabel: r.bedLabel,
        checkinAt: r.checkin_at,
        checkoutAt: r.checkout_at,
        exitType: r.exit_type,
        destination: (r.destination_code && refs.get(r.destination_code)) || null,
        ppks: r.ppks ? r.ppks.split(',').sort() : [],
      })),
    };
  },

  async 'persons.duplicates'(input, ctx) {
    const timeZone = await officeTimeZone(ctx.db);
    const year = yearInZone(ctx.now, timeZone);
    const found = await findDuplicates(ctx.db, {
      excludeId: input.excludeId,
      nik: input.nik,
      fullName: input.fullName,
      aliases: input.aliases,
      birthDate: input.birthDate,
      birthYear: input.birthDate
        ? Number(input.birthDate.slice(0, 4))
        : input.estimatedAge !== null
          ? year - input.estimatedAge
          : null,
      originCode: input.originCode,
    });
    const summaries = await loadSummaries(
      ctx.db,
      found.map((f) => f.id),
    );
    const reasons = new Map(found.map((f) => [f.id, f.reasons]));
    return { candidates: summaries.map((s) => ({ ...s, reasons: reasons.get(s.id) ?? [] })) };
  },

  async 'persons.create'(input, ctx) {
    const user = requireUser(ctx);
    const columns = await saveChecks(ctx, input);
    const id = uuidv7(ctx.now.getTime());
    await ctx.db
      .insertInto('persons')
      .values({
        id,
        ...columns,
        created_at: ctx.nowIso,
        created_by: user.id,
        updated_at: ctx.nowIso,
        updated_by: user.id,
      })
      .execute();
    ctx.audit({
      recordType: 'person',
      recordId: id,
      changes: diffRecords(null, auditView(columns)),
    });
    return (await loadPerson(ctx.db, id))!;
  },

  async 'persons.update'(input, ctx) {
    const user = requireUser(ctx);
    const { id, version, ...fields } = input;
    const before = await loadPersonRow(ctx.db, id);
    if (!before) throw notFound();
    if (before.merged_into) throw new AppError('CONFLICT', 'person.merged');
    if (before.version !== version) throw staleRecord();
    const columns = await saveChecks(ctx, fields, id);
    const result = await ctx.db
      .updateTable('persons')
      .set({ ...columns, updated_at: ctx.nowIso, updated_by: user.id, version: nextVersion })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    assertUpdated(result);
    if (before.origin_code !== columns.origin_code)
      await syncStayOrigin(ctx, id, columns.origin_code);
    ctx.audit({
      recordType: 'person',
      recordId: id,
      changes: diffRecords(before, auditView(columns)),
    });
    return (await loadPerson(ctx.db, id))!;
  },

  async 'persons.merge'(input, ctx) {
    const user = requireUser(ctx);
    if (input.keepId === input.mergeId) throw fieldError(['mergeId'], 'person.merge_same');
    const keep = await loadPersonRow(ctx.db, input.keepId);
    const gone = await loadPersonRow(ctx.db, input.mergeId);
    if (!keep || !gone) throw notFound();
    if (keep.version !== input.keepVersion || gone.version !== input.mergeVersion)
      throw staleRecord();
    if (keep.merged_into || gone.merged_into) throw fieldError(['mergeId'], 'person.merge_already');
    if (keep.nik && gone.nik && keep.nik !== gone.nik)
      throw fieldError(['mergeId'], 'person.merge_nik_conflict');
    const active = await ctx.db
      .selectFrom('stays')
      .select('person_id')
      .where('person_id', 'in', [keep.id, gone.id])
      .where('checkout_at', 'is', null)
      .execute();
    if (active.length > 1) throw fieldError(['mergeId'], 'person.merge_both_active');

    // The merged record steps aside first, so its NIK can pass to the surviving one.
    await ctx.db
      .updateTable('persons')
      .set({
        merged_into: keep.id,
        updated_at: ctx.nowIso,
        updated_by: user.id,
        version: nextVersion,
      })
      .where('id', '=', gone.id)
      .execute();
    const moved: Record<string, number> = {};
    for (const link of PERSON_LINKS) {
      const r = await sql`UPDATE ${sql.table(link.table)} SET ${sql.ref(link.column)} = ${keep.id}
        WHERE ${sql.ref(link.column)} = ${gone.id}`.execute(ctx.db);
      moved[link.table] = Number(r.numAffectedRows ?? 0);
    }
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
      photo_file: fill('photo_file'),
      quality: JSON.stringify(quality),
      search_names: searchNames(keep.full_name, aliases),
      search_origin: await searchOrigin(ctx.db, originCode),
    };
    const result = await ctx.db
      .updateTable('persons')
      .set({ ...after, updated_at: ctx.nowIso, updated_by: user.id, version: nextVersion })
      .where('id', '=', keep.id)
      .where('version', '=', input.keepVersion)
      .executeTakeFirst();
    assertUpdated(result);
    // Always: the stays moved from the merged record still carry its origin.
    await syncStayOrigin(ctx, keep.id, originCode);
    ctx.audit({
      recordType: 'person',
      recordId: keep.id,
      changes: { ...diffRecords(keep, after), merged_from: [null, gone.id], moved: [null, moved] },
      note: input.reason,
    });
    ctx.audit({
      recordType: 'person',
      recordId: gone.id,
      changes: { merged_into: [null, keep.id] },
      note: input.reason,
    });
    return (await loadPerson(ctx.db, keep.id))!;
  },

  async 'persons.setPhoto'(input, ctx) {
    const user = requireUser(ctx);
    const before = await loadPersonRow(ctx.db, input.id);
    if (!before) throw notFound();
    // Refuse a stale save before writing a file that nothing would point at.
    if (before.version !== input.version) throw staleRecord();
    const file = input.dataUrl
      ? storePhoto(ctx.dataDir, input.id, decodePhoto(input.dataUrl))
      : null;
    const result = await ctx.db
      .updateTable('persons')
      .set({ photo_file: file, updated_at: ctx.nowIso, updated_by: user.id, version: nextVersion })
      .where('id', '=', input.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    assertUpdated(result);
    ctx.audit({
      recordType: 'person',
      recordId: input.id,
      changes: { photo_file: [before.photo_file, file] },
    });
    return (await loadPerson(ctx.db, input.id))!;
  },

  async 'persons.photo'(input, ctx) {
    const row = await ctx.db
      .selectFrom('persons')
      .select('photo_file')
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!row) throw notFound();
    return { dataUrl: row.photo_file ? readPhoto(ctx.dataDir, row.photo_file) : null };
  },
};
