/** Letters about a person: identity from the person's record. */
import type { Kysely, Selectable } from 'kysely';
import { formatDateFull } from '../../../../shared/format';
import { translate } from '../../../../shared/i18n';
import type { DB } from '../../db/schema';
import type { PersonsTable } from '../../db/tables/persons';
import { findRow } from '../../db/lookup';
import { regionName } from '../../regions/search';
import type { LetterSource, PlaceholderValues } from './source';

export const PERSON_PLACEHOLDERS = [
  'nama',
  'nik',
  'jenis_kelamin',
  'tempat_lahir',
  'tanggal_lahir',
  'umur',
  'alamat',
  'daerah_asal',
  'nama_ibu',
] as const;

const fullDate = (day: string | null) => (day ? formatDateFull(day, { locale: 'id' }) : null);

function age(birth: string | null, today: string): string | null {
  if (!birth) return null;
  let years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  if (today.slice(5) < birth.slice(5)) years -= 1;
  return years >= 0 ? `${years} tahun` : null;
}

/** The person's placeholders; the stay source adds its own to these. */
export async function personValues(
  db: Kysely<DB>,
  p: Selectable<PersonsTable>,
  today: string,
): Promise<PlaceholderValues> {
  return {
    nama: p.full_name,
    nik: p.nik,
    jenis_kelamin: p.sex ? translate('id', `person.sex.${p.sex}`) : null,
    tempat_lahir: p.birth_place,
    tanggal_lahir: p.birth_date_estimated ? null : fullDate(p.birth_date),
    umur: p.birth_date_estimated && p.birth_year ? null : age(p.birth_date, today),
    alamat: p.address,
    daerah_asal: p.origin_code ? await regionName(db, p.origin_code) : null,
    nama_ibu: p.mother_name,
  };
}

export const personSource: LetterSource = {
  kind: 'person',
  placeholders: PERSON_PLACEHOLDERS,
  async load(db, id, { today }) {
    const person = await findRow(db, 'persons', { id });
    if (!person || person.merged_into) return undefined;
    return {
      values: await personValues(db, person, today),
      personId: person.id,
      label: person.full_name,
    };
  },
};
