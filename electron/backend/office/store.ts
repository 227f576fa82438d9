import type { Kysely } from 'kysely';
import type { Office, OfficeInput } from '../../../shared/contract/office';
import { DEFAULT_OFFICE } from '../../../shared/contract/office';
import type { DB } from '../db/schema';
import { insertTracked } from '../db/tracked';
import type { Ctx } from '../dispatch/context';
import { fieldError } from '../errors';
import { regionName } from '../regions/search';

type ParsedOffice = {
  [K in Exclude<keyof OfficeInput, 'kelurahanCode'>]-?: Exclude<OfficeInput[K], undefined>;
} & { kelurahanCode?: string | null | undefined };

/** Database columns for an office profile. */
export function officeColumns(o: ParsedOffice) {
  return {
    name: o.name,
    region_code: o.regionCode,
    address: o.address,
    phone: o.phone ?? null,
    email: o.email ?? null,
    website: o.website ?? null,
    head_name: o.headName ?? null,
    head_nip: o.headNip ?? null,
    head_position: o.headPosition ?? null,
    time_zone: o.timeZone,
    max_stay_days: o.maxStayDays,
    // Left out of the input: kelurahan mode stays as it was.
    ...(o.kelurahanCode !== undefined && { kelurahan_code: o.kelurahanCode }),
  };
}

/** The office's region must be a real kabupaten/kota from the region table. */
export async function assertRegency(
  db: Kysely<DB>,
  code: string,
  path: (string | number)[],
): Promise<void> {
  const row = await db
    .selectFrom('regions')
    .select('level')
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row) throw fieldError(path, 'region.unknown', { code });
  if (row.level !== 2) throw fieldError(path, 'office.region_level');
}

/** Kelurahan mode names a kelurahan/desa (level 4) of the office's own kabupaten/kota. */
export async function assertOfficeKelurahan(
  db: Kysely<DB>,
  o: { regionCode: string; kelurahanCode?: string | null },
  path: (string | number)[],
): Promise<void> {
  if (!o.kelurahanCode) return;
  const row = await db
    .selectFrom('regions')
    .select('level')
    .where('code', '=', o.kelurahanCode)
    .executeTakeFirst();
  if (!row || row.level !== 4) throw fieldError(path, 'finding.kelurahan_not_village');
  if (!o.kelurahanCode.startsWith(`${o.regionCode}.`))
    throw fieldError(path, 'finding.kelurahan_outside_city');
}

/** The office profile of first-run setup, created by the admin being set up. */
export async function insertOffice(
  ctx: Ctx,
  o: ParsedOffice,
  actor: { id: string; username: string },
  path: (string | number)[],
): Promise<void> {
  await assertRegency(ctx.db, o.regionCode, [...path, 'regionCode']);
  await assertOfficeKelurahan(ctx.db, o, [...path, 'kelurahanCode']);
  await insertTracked(ctx, 'office', { id: 1, ...officeColumns(o) }, { actor });
}

export async function loadOffice(db: Kysely<DB>): Promise<Office | undefined> {
  const o = await db.selectFrom('office').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!o) return undefined;
  return {
    name: o.name,
    regionCode: o.region_code,
    regionName: await regionName(db, o.region_code),
    address: o.address,
    phone: o.phone,
    email: o.email,
    website: o.website,
    logoFileId: o.logo_file_id,
    headName: o.head_name,
    headNip: o.head_nip,
    headPosition: o.head_position,
    timeZone: o.time_zone,
    maxStayDays: o.max_stay_days,
    kelurahanCode: o.kelurahan_code,
    kelurahanName: o.kelurahan_code ? await regionName(db, o.kelurahan_code) : null,
    updatedAt: o.updated_at,
    version: o.version,
  };
}

export async function officeTimeZone(db: Kysely<DB>): Promise<string> {
  const row = await db.selectFrom('office').select('time_zone').executeTakeFirst();
  return row?.time_zone ?? DEFAULT_OFFICE.timeZone;
}
