/**
 * Which header of a list each DTSEN column is read from. SIKS-NG exports differ by version and
 * by who saved them, so the user maps once; the mapping is remembered under the list's header
 * (its names in any order) and offered again for the next list with the same columns.
 */
import type { DtsenMapping } from '../../../shared/contract/dtsen';
import {
  DTSEN_COLUMNS,
  DTSEN_REQUIRED_COLUMNS,
  type DtsenColumn,
} from '../../../shared/reference/dtsen';
import type { FieldIssue } from '../../../shared/errors';

const fold = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The key a mapping is remembered under: the header's names, folded and sorted. */
export function headerKey(headers: readonly string[]): string {
  return [...headers].map(fold).sort().join('|');
}

/** Headers SIKS-NG and hand-made lists commonly use, folded. */
const GUESSES: Record<DtsenColumn, readonly string[]> = {
  nik: ['nik', 'noktp', 'nomorindukkependudukan', 'niknik'],
  name: ['nama', 'namalengkap', 'name', 'namaart', 'namaanggota'],
  birthDate: ['tgllahir', 'tanggallahir', 'birthdate', 'tgllhr'],
  address: ['alamat', 'address', 'alamatlengkap'],
  kelurahan: ['kelurahan', 'desa', 'desakelurahan', 'kelurahandesa', 'namakelurahan', 'namadesa'],
  desil: ['desil', 'desilkesejahteraan', 'decile', 'peringkatdesil'],
  pkh: ['pkh', 'statuspkh', 'penerimapkh'],
  bpnt: ['bpnt', 'statusbpnt', 'penerimabpnt', 'sembako'],
  pbiJk: ['pbijk', 'pbi', 'statuspbi', 'penerimapbi', 'pbijkn'],
};

/** A first mapping for headers nobody mapped yet: by the usual names. */
export function guessMapping(headers: readonly string[]): DtsenMapping {
  const out: DtsenMapping = {};
  for (const column of DTSEN_COLUMNS) {
    const h = headers.find((x) => GUESSES[column].includes(fold(x)));
    if (h) out[column] = h;
  }
  return out;
}

/**
 * Problems of `mapping` against the file's headers, at `mapping.<column>`: a required column not
 * mapped, a header the file does not have, one header read into two columns.
 */
export function mappingIssues(mapping: DtsenMapping, headers: readonly string[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const used = new Map<string, DtsenColumn>();
  for (const column of DTSEN_REQUIRED_COLUMNS)
    if (!mapping[column]) issues.push({ path: ['mapping', column], key: 'dtsen.mapping_required' });
  for (const column of DTSEN_COLUMNS) {
    const h = mapping[column];
    if (!h) continue;
    if (!headers.includes(h))
      issues.push({
        path: ['mapping', column],
        key: 'dtsen.mapping_unknown_header',
        params: { header: h },
      });
    else if (used.has(h))
      issues.push({ path: ['mapping', column], key: 'dtsen.mapping_twice', params: { header: h } });
    used.set(h, column);
  }
  return issues;
}
