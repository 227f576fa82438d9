/**
 * The office profile as a letterhead: "PEMERINTAH KOTA BANJARBARU" from the office's region,
 * "DINAS SOSIAL" from its name without the region ("Dinas Sosial Kota Banjarbaru").
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { findRow } from '../db/lookup';
import { regionName } from '../regions/search';
import type { Letterhead } from './letterhead';

/** "KOTA BANJARBARU" → "PEMERINTAH KOTA BANJARBARU"; "KAB. BANJAR" → "PEMERINTAH KABUPATEN BANJAR". */
export function governmentLine(region: string): string {
  const name = region
    .trim()
    .toUpperCase()
    .replace(/^KAB\.?\s+/, 'KABUPATEN ');
  return `PEMERINTAH ${name}`;
}

/** The office's name without its region: "Dinas Sosial Kota Banjarbaru" → "Dinas Sosial". */
export function unitName(officeName: string, region: string): string {
  const regionWords = region.replace(/^KAB\.?\s+/i, '(?:KAB\\.?|KABUPATEN)\\s+');
  const pattern = new RegExp(`\\s+${regionWords.replace(/\s+/g, '\\s+')}\\s*$`, 'i');
  const unit = officeName.replace(pattern, '').trim();
  return unit || officeName;
}

/** The letterhead of this office, or null before first-run setup has made the profile. */
export async function officeLetterhead(db: Kysely<DB>): Promise<Letterhead | null> {
  const office = await findRow(db, 'office', { id: 1 });
  if (!office) return null;
  const region = (await regionName(db, office.region_code)) ?? '';
  return {
    government: governmentLine(region),
    office: unitName(office.name, region),
    address: office.address,
    phone: office.phone,
    email: office.email,
    website: null,
    logo: null,
  };
}
