/**
 * The office profile as a letterhead: "PEMERINTAH KOTA BANJARBARU" from the office's region,
 * "DINAS SOSIAL" from its name without the region ("Dinas Sosial Kota Banjarbaru").
 */
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { findRow } from '../db/lookup';
import { blobPath } from '../files/store';
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

/** The last logo read, by content hash: every letter prints it, and it seldom changes. */
let lastLogo: { sha256: string; dataUrl: string } | undefined;

/** The office logo (PNG or JPEG, checked by content at upload) as a data URL for pdfmake. */
async function logoDataUrl(
  db: Kysely<DB>,
  dataDir: string,
  fileId: string | null,
): Promise<string | null> {
  if (!fileId) return null;
  const file = await findRow(db, 'files', { id: fileId });
  if (!file || (file.type !== 'image/png' && file.type !== 'image/jpeg')) return null;
  if (lastLogo?.sha256 === file.sha256) return lastLogo.dataUrl;
  try {
    const bytes = readFileSync(blobPath(dataDir, file.sha256));
    const dataUrl = `data:${file.type};base64,${bytes.toString('base64')}`;
    lastLogo = { sha256: file.sha256, dataUrl };
    return dataUrl;
  } catch {
    return null; // a blob lost from the data folder prints the kop without its logo
  }
}

/**
 * The letterhead of this office, or null before first-run setup has made the profile. Without
 * `dataDir` the logo is left out (it lives in the files store).
 */
export async function officeLetterhead(
  db: Kysely<DB>,
  dataDir?: string,
): Promise<Letterhead | null> {
  const office = await findRow(db, 'office', { id: 1 });
  if (!office) return null;
  const region = (await regionName(db, office.region_code)) ?? '';
  return {
    government: governmentLine(region),
    office: unitName(office.name, region),
    address: office.address,
    phone: office.phone,
    email: office.email,
    website: office.website,
    logo: dataDir ? await logoDataUrl(db, dataDir, office.logo_file_id) : null,
  };
}
