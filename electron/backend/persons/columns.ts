import type { Kysely } from 'kysely';
import type { FieldIssue } from '../../../shared/errors';
import type { ParsedInput } from '../../../shared/contract';
import { parseNik } from '../../../shared/nik';
import type { DB } from '../db/schema';
import { fieldErrors } from '../errors';
import { dayInZone, yearInZone } from '../../../shared/time';
import { regionRefs } from '../regions/refs';
import { levelOf } from '../regions/normalize';
import { foldName, originSearchText, searchNames } from './fold';
import { matchKeys } from './matchNames';

export type PersonFields = ParsedInput<'persons.create'>;

/** Audit view of a person: its own fields, without search helpers. */
function auditView(columns: Record<string, unknown>): Record<string, unknown> {
  const { search_names: _s, search_origin: _o, name_key: _k, match_keys: _m, ...rest } = columns;
  return rest;
}
/** How every write of a person is audited (persons' own handlers and incoming packets). */
export const AS_PERSON = { recordType: 'person', view: auditView };

/**
 * Checks what the schema cannot: the NIK's structure and uniqueness, dates against today,
 * region codes against the region table. All problems are reported at once.
 */
export async function validatePerson(
  db: Kysely<DB>,
  p: PersonFields,
  opts: { excludeId?: string; now: Date; timeZone: string },
): Promise<void> {
  const issues: FieldIssue[] = [];
  if (p.nik) {
    const parsed = parseNik(p.nik, { today: opts.now });
    for (const e of parsed.errors) issues.push({ path: ['nik'], key: e.key, params: e.params });
    if (parsed.ok) {
      let q = db
        .selectFrom('persons')
        .select(['id', 'full_name'])
        .where('nik', '=', p.nik)
        .where('merged_into', 'is', null);
      if (opts.excludeId) q = q.where('id', '!=', opts.excludeId);
      const other = await q.executeTakeFirst();
      if (other) {
        issues.push({
          path: ['nik'],
          key: 'person.nik_taken',
          params: { name: other.full_name, personId: other.id },
        });
      }
    }
  }
  if (p.birthDate && p.birthDate > dayInZone(opts.now, opts.timeZone)) {
    issues.push({ path: ['birthDate'], key: 'person.birth_future' });
  }
  if (p.birthDate && p.estimatedAge !== null) {
    issues.push({ path: ['estimatedAge'], key: 'person.birth_and_age' });
  }
  const refs = await regionRefs(db, [p.villageCode, p.originCode]);
  if (p.villageCode) {
    if (!refs.has(p.villageCode))
      issues.push({
        path: ['villageCode'],
        key: 'region.unknown',
        params: { code: p.villageCode },
      });
    else if (levelOf(p.villageCode) !== 4)
      issues.push({ path: ['villageCode'], key: 'person.village_level' });
  }
  if (p.originCode) {
    if (!refs.has(p.originCode))
      issues.push({ path: ['originCode'], key: 'region.unknown', params: { code: p.originCode } });
    else if (levelOf(p.originCode) < 2)
      issues.push({ path: ['originCode'], key: 'person.origin_level' });
  }
  if (issues.length > 0) throw fieldErrors(issues);
}

/** Data-quality codes: a present value is complete (or partial), a missing one says why. */
export function qualityOf(p: PersonFields) {
  const r = p.missingReasons;
  return {
    name: p.namePartial ? 'partial' : 'complete',
    nik: p.nik ? 'complete' : (r.nik ?? 'unknown'),
    birthDate: p.birthDate
      ? 'complete'
      : p.estimatedAge !== null
        ? 'partial'
        : (r.birthDate ?? 'unknown'),
    origin: p.originCode
      ? levelOf(p.originCode) >= 2
        ? 'complete'
        : 'partial'
      : (r.origin ?? 'unknown'),
    address:
      p.address && p.villageCode
        ? 'complete'
        : p.address || p.villageCode
          ? 'partial'
          : (r.address ?? 'unknown'),
  } as const;
}

/**
 * The searchable origin text (see fold.ts), with the region names looked up. `memo` keeps the
 * texts already looked up, for callers writing many persons at once.
 */
export async function searchOrigin(
  db: Kysely<DB>,
  originCode: string | null,
  memo?: Map<string, string>,
): Promise<string> {
  if (!originCode) return '';
  const known = memo?.get(originCode);
  if (known !== undefined) return known;
  const parts = originCode.split('.');
  const refs = await regionRefs(db, [originCode, `${parts[0]}.${parts[1]}`]);
  const text = originSearchText(originCode, (c) => refs.get(c)?.name);
  memo?.set(originCode, text);
  return text;
}

/** Database columns for a person's own fields (bookkeeping columns are added by the caller). */
export async function personColumns(
  db: Kysely<DB>,
  p: PersonFields,
  now: Date,
  timeZone: string,
  /** For many persons written at once: this year and the origin texts looked up so far. */
  memo?: { year: number; origins: Map<string, string> },
) {
  const aliases = [...new Set(p.aliases.filter((a) => a !== p.fullName))];
  const birthYear = p.birthDate
    ? Number(p.birthDate.slice(0, 4))
    : p.estimatedAge !== null
      ? (memo?.year ?? yearInZone(now, timeZone)) - p.estimatedAge
      : null;
  return {
    nik: p.nik,
    kk: p.kk,
    full_name: p.fullName,
    aliases: JSON.stringify(aliases),
    sex: p.sex,
    birth_place: p.birthPlace,
    birth_date: p.birthDate,
    birth_year: birthYear,
    birth_date_estimated: p.birthDate ? 0 : p.estimatedAge !== null ? 1 : 0,
    mother_name: p.motherName,
    marital_status: p.maritalStatus,
    religion: p.religion,
    phone: p.phone,
    address: p.address,
    rt: p.rt,
    rw: p.rw,
    village_code: p.villageCode,
    origin_code: p.originCode,
    identity_status: p.identityStatus,
    identity_evidence: p.identityEvidence,
    disabilities: p.disabilities,
    notes: p.notes,
    quality: JSON.stringify(qualityOf(p)),
    search_names: searchNames(p.fullName, aliases),
    search_origin: await searchOrigin(db, p.originCode, memo?.origins),
    name_key: foldName(p.fullName),
    match_keys: JSON.stringify(matchKeys(p.fullName, aliases)),
  };
}
