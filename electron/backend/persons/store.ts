import type { Kysely, Selectable } from 'kysely';
import type { Person, PersonSummary } from '../../../shared/contract/persons';
import { parseNik } from '../../../shared/nik';
import type { QUALITY_CODES, QUALITY_FIELDS } from '../../../shared/reference/persons';
import type { DB } from '../db/schema';
import type { PersonsTable } from '../db/tables/persons';
import { regionRefs, type RegionRef } from '../regions/refs';
import { gatherListFacts, type ListFacts } from './links';

type QualityCode = (typeof QUALITY_CODES)[number];
type Quality = Record<(typeof QUALITY_FIELDS)[number], QualityCode>;
type Row = Selectable<PersonsTable>;

const SUMMARY_COLUMNS = [
  'id',
  'full_name',
  'aliases',
  'nik',
  'sex',
  'birth_date',
  'birth_year',
  'birth_date_estimated',
  'origin_code',
  'identity_status',
  'merged_into',
] as const;

type SummaryRow = Pick<Row, (typeof SUMMARY_COLUMNS)[number]>;

export function parseAliases(json: string): string[] {
  // Most people have none; the matcher reads thousands of rows per check.
  if (json === '[]') return [];
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function toSummary(
  r: SummaryRow,
  regions: Map<string, RegionRef>,
  facts: Map<string, ListFacts>,
): PersonSummary {
  return {
    id: r.id,
    fullName: r.full_name,
    aliases: parseAliases(r.aliases),
    nik: r.nik,
    sex: r.sex,
    birthDate: r.birth_date,
    birthYear: r.birth_year,
    birthDateEstimated: r.birth_date_estimated === 1,
    origin: (r.origin_code && regions.get(r.origin_code)) || null,
    identityStatus: r.identity_status,
    lastStay: facts.get(r.id)?.lastStay ?? null,
    mergedInto: r.merged_into,
  };
}

/**
 * Summaries in the order of `ids`. The facts other domains register (`lastStay`) come in one
 * batch per domain; `lastStay: false` leaves them out.
 */
export async function loadSummaries(
  db: Kysely<DB>,
  ids: string[],
  opts: { lastStay?: boolean } = {},
): Promise<PersonSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('persons')
    .select(SUMMARY_COLUMNS)
    .where('id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const regions = await regionRefs(
    db,
    rows.map((r) => r.origin_code),
  );
  const facts = opts.lastStay === false ? new Map() : await gatherListFacts(db, ids);
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [toSummary(r, regions, facts)] : [];
  });
}

export async function loadPersonRow(db: Kysely<DB>, id: string): Promise<Row | undefined> {
  return db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function loadPerson(db: Kysely<DB>, id: string): Promise<Person | undefined> {
  const r = await loadPersonRow(db, id);
  if (!r) return undefined;
  const nik = r.nik
    ? parseNik(r.nik, { birthDate: r.birth_date ?? undefined, sex: r.sex ?? undefined })
    : null;
  const regions = await regionRefs(db, [r.origin_code, r.village_code, nik?.districtCode]);
  const warnings = nik
    ? parseNik(r.nik!, {
        birthDate: r.birth_date ?? undefined,
        sex: r.sex ?? undefined,
        isKnownRegion: (code) => regions.has(code),
      }).warnings
    : [];
  const facts = await gatherListFacts(db, [r.id]);
  return {
    ...toSummary(r, regions, facts),
    kk: r.kk,
    birthPlace: r.birth_place,
    motherName: r.mother_name,
    maritalStatus: r.marital_status,
    religion: r.religion,
    phone: r.phone,
    address: r.address,
    rt: r.rt,
    rw: r.rw,
    village: (r.village_code && regions.get(r.village_code)) || null,
    identityEvidence: r.identity_evidence,
    disabilities: r.disabilities,
    notes: r.notes,
    hasPhoto: r.photo_file_id !== null,
    photoFileId: r.photo_file_id,
    quality: JSON.parse(r.quality) as Quality,
    nikWarnings: warnings.map((w) => ({ key: w.key, ...(w.params ? { params: w.params } : {}) })),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}
