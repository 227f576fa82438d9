/**
 * Kelurahan scoping: a kelurahan operator works for one kelurahan of the office's city and sees
 * only that kelurahan's findings and counts. Every findings and rekap handler asks `scopeOf`
 * first; null means the caller is office staff and sees the whole city.
 */
import type { Kysely } from 'kysely';
import { KELURAHAN_ROLES, type Role } from '../../../shared/roles';
import type { DB } from '../db/schema';
import type { Ctx } from '../dispatch/context';
import { AppError, fieldError, forbidden } from '../errors';

/** The caller's kelurahan, or null for office staff. */
export async function scopeOf(ctx: Ctx): Promise<string | null> {
  const user = ctx.user;
  if (!user || !user.roles.some((r) => KELURAHAN_ROLES.includes(r))) return null;
  const row = await ctx.db
    .selectFrom('users')
    .select('kelurahan_code')
    .where('id', '=', user.id)
    .executeTakeFirst();
  // An operator without a kelurahan sees nothing rather than everything.
  if (!row?.kelurahan_code) throw forbidden();
  return row.kelurahan_code;
}

/** Refuses a scoped caller a record or figure of another kelurahan, saying why. */
export function assertInScope(scope: string | null, kelurahanCode: string): void {
  if (scope !== null && scope !== kelurahanCode)
    throw new AppError('FORBIDDEN', 'kelurahan.other_kelurahan');
}

/** The office's kabupaten/kota (63.72): findings and counts are for its kelurahans. */
export async function officeCity(db: Kysely<DB>): Promise<string> {
  const row = await db.selectFrom('office').select('region_code').executeTakeFirst();
  return row?.region_code ?? '';
}

/**
 * Checks that `code` is a kelurahan/desa (level 4) of the office's city; the error goes on
 * `path` with a message naming the rule.
 */
export async function requireCityKelurahan(
  db: Kysely<DB>,
  code: string,
  path: (string | number)[],
): Promise<{ code: string; name: string }> {
  const city = await officeCity(db);
  const row = await db
    .selectFrom('regions')
    .select(['code', 'name', 'level'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row || row.level !== 4) throw fieldError(path, 'finding.kelurahan_not_village');
  if (!code.startsWith(`${city}.`)) throw fieldError(path, 'finding.kelurahan_outside_city');
  return row;
}

/** The kelurahans of the office's city with their kecamatan, in code order. */
export async function cityKelurahans(
  db: Kysely<DB>,
): Promise<{ code: string; name: string; kecamatanCode: string; kecamatan: string }[]> {
  const city = await officeCity(db);
  return db
    .selectFrom('regions as v')
    .innerJoin('regions as d', 'd.code', 'v.parent_code')
    .select(['v.code', 'v.name', 'd.code as kecamatanCode', 'd.name as kecamatan'])
    .where('d.parent_code', '=', city)
    .where('v.level', '=', 4)
    .orderBy('v.code')
    .execute();
}

/**
 * A user's roles and kelurahan agree: the kelurahan operator role is held alone (it must not
 * widen or narrow what an office role sees) and needs a kelurahan of the city; office staff
 * have none.
 */
export async function checkKelurahanRole(
  db: Kysely<DB>,
  user: { roles: readonly Role[]; kelurahanCode: string | null },
): Promise<void> {
  const scoped = user.roles.some((r) => KELURAHAN_ROLES.includes(r));
  if (scoped && user.roles.length > 1) throw fieldError(['roles'], 'user.kelurahan_role_alone');
  if (scoped && !user.kelurahanCode) throw fieldError(['kelurahanCode'], 'user.kelurahan_required');
  if (!scoped && user.kelurahanCode)
    throw fieldError(['kelurahanCode'], 'user.kelurahan_not_operator');
  if (user.kelurahanCode) await requireCityKelurahan(db, user.kelurahanCode, ['kelurahanCode']);
}
