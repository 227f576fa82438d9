/** Letters about a shelter stay: the person's identity and the stay's dates, shelter and exit. */
import { formatDateFull } from '../../../../shared/format';
import { findRow } from '../../db/lookup';
import { regionName } from '../../regions/search';
import { PERSON_PLACEHOLDERS, personValues } from './person';
import type { LetterSource } from './source';

const STAY_PLACEHOLDERS = [
  'rumah_singgah',
  'tanggal_masuk',
  'tanggal_keluar',
  'tujuan',
  'diserahkan_kepada',
  'pendamping',
  'rujukan_dari',
  'kondisi',
  'barang_bawaan',
] as const;

export const staySource: LetterSource = {
  kind: 'stay',
  placeholders: [...PERSON_PLACEHOLDERS, ...STAY_PLACEHOLDERS],
  async load(db, id, { today }) {
    const stay = await findRow(db, 'stays', { id });
    if (!stay) return undefined;
    const person = await findRow(db, 'persons', { id: stay.person_id });
    const shelter = await findRow(db, 'shelters', { id: stay.shelter_id });
    if (!person) return undefined;
    const day = (iso: string | null) => (iso ? formatDateFull(iso, { locale: 'id' }) : null);
    const values = await personValues(db, person, today);
    // Where the person comes from: the stay's own finding, before the person's record.
    if (stay.origin_regency) values.daerah_asal = await regionName(db, stay.origin_regency);
    Object.assign(values, {
      rumah_singgah: shelter?.name ?? null,
      tanggal_masuk: day(stay.checkin_at),
      tanggal_keluar: day(stay.checkout_at),
      tujuan: stay.destination_code ? await regionName(db, stay.destination_code) : null,
      diserahkan_kepada: stay.destination_detail,
      pendamping: stay.escort,
      rujukan_dari: stay.referral_detail,
      kondisi: stay.condition,
      barang_bawaan: stay.belongings,
    });
    return { values, personId: person.id, label: person.full_name };
  },
};
