/**
 * One line of a DTSEN list, read through the mapping and checked: the NIK (16 digits with a
 * valid structure), the desil (1–10), the birth date (YYYY-MM-DD, DD/MM/YYYY or DD-MM-YYYY),
 * programme flags (Ya/Y/1/TRUE/✓). A line that fails is kept with the reason, never imported.
 */
import type { DtsenMapping } from '../../../shared/contract/dtsen';
import type { MessageKey } from '../../../shared/i18n';
import { parseNik } from '../../../shared/nik';
import {
  DESIL_MAX,
  DESIL_MIN,
  DTSEN_PROGRAMS,
  type DtsenProgram,
} from '../../../shared/reference/dtsen';
import { isCalendarDate } from '../../../shared/workdays';

export interface ListRow {
  line: number;
  nik: string | null;
  name: string | null;
  birthDate: string | null;
  address: string | null;
  kelurahan: string | null;
  desil: number | null;
  programs: DtsenProgram[];
  /** Why the line is not imported; null when it is. */
  refused: MessageKey | null;
}

const YES = new Set(['ya', 'y', '1', 'true', 'yes', 'v', '✓', 'x', 'penerima']);

function birthDate(raw: string): string | null | 'bad' {
  if (raw === '') return null;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(raw);
  const iso = m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : raw.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && isCalendarDate(iso) ? iso : 'bad';
}

/** Reads the columns of `mapping` out of `cells` (by header position). */
export function readRow(
  cells: readonly string[],
  line: number,
  index: Partial<Record<keyof DtsenMapping, number>>,
): ListRow {
  const get = (c: keyof DtsenMapping) => {
    const i = index[c];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const nik = get('nik').replace(/[\s.'`]/g, '');
  const name = get('name').replace(/\s+/g, ' ');
  const desilText = get('desil');
  const desil = desilText === '' ? null : Number(desilText);
  const birth = birthDate(get('birthDate'));
  const row: ListRow = {
    line,
    nik: nik || null,
    name: name || null,
    birthDate: birth === 'bad' ? null : birth,
    address: get('address') || null,
    kelurahan: get('kelurahan') || null,
    desil: desil !== null && Number.isInteger(desil) ? desil : null,
    programs: DTSEN_PROGRAMS.filter((p) => YES.has(get(p).toLowerCase())),
    refused: null,
  };
  if (!nik) row.refused = 'dtsen.row_nik_missing';
  else if (!parseNik(nik).ok) row.refused = 'dtsen.row_nik_invalid';
  else if (!name) row.refused = 'dtsen.row_name_missing';
  else if (desil !== null && !(Number.isInteger(desil) && desil >= DESIL_MIN && desil <= DESIL_MAX))
    row.refused = 'dtsen.row_desil_invalid';
  else if (birth === 'bad') row.refused = 'dtsen.row_birth_invalid';
  return row;
}

/** Column positions of a mapping in a header. */
export function columnIndex(
  mapping: DtsenMapping,
  headers: readonly string[],
): Partial<Record<keyof DtsenMapping, number>> {
  const out: Partial<Record<keyof DtsenMapping, number>> = {};
  for (const [column, header] of Object.entries(mapping) as [keyof DtsenMapping, string][])
    out[column] = headers.indexOf(header);
  return out;
}
