/** NIK (Nomor Induk Kependudukan) checks. Each entry: [Bahasa Indonesia, English]. */
export const nikMessages = {
  'nik.length': [
    'NIK harus 16 digit (sekarang {length}).',
    'A NIK has 16 digits (this has {length}).',
  ],
  'nik.digits': ['NIK hanya boleh berisi angka.', 'A NIK contains digits only.'],
  'nik.province': [
    'Kode provinsi {code} pada NIK tidak ada.',
    'Province code {code} in the NIK does not exist.',
  ],
  'nik.regency': [
    'Kode kabupaten/kota pada NIK tidak boleh 00.',
    'The regency code in the NIK cannot be 00.',
  ],
  'nik.district': [
    'Kode kecamatan pada NIK tidak boleh 00.',
    'The district code in the NIK cannot be 00.',
  ],
  'nik.day': [
    'Tanggal lahir pada NIK ({day}) tidak mungkin: 01–31 untuk laki-laki, 41–71 untuk perempuan.',
    'The birth day in the NIK ({day}) is impossible: 01–31 for men, 41–71 for women.',
  ],
  'nik.month': [
    'Bulan lahir pada NIK ({month}) tidak mungkin.',
    'The birth month in the NIK ({month}) is impossible.',
  ],
  'nik.date': [
    'Tanggal lahir pada NIK ({date}) tidak ada di kalender.',
    'The birth date in the NIK ({date}) does not exist.',
  ],
  'nik.serial': ['Nomor urut NIK tidak boleh 0000.', 'The serial number of a NIK cannot be 0000.'],
  'nik.warn.region_unknown': [
    'Kode wilayah {code} pada NIK tidak ada dalam tabel wilayah (mungkin wilayah lama atau pemekaran).',
    'Region code {code} in the NIK is not in the region table (perhaps an old or split region).',
  ],
  'nik.warn.birth_mismatch': [
    'Tanggal lahir pada NIK ({nikDate}) berbeda dengan tanggal lahir yang diisi ({entered}). NIK tidak dapat diubah; periksa dokumen.',
    'The birth date in the NIK ({nikDate}) differs from the one entered ({entered}). A NIK cannot be changed; check the documents.',
  ],
  'nik.warn.sex_mismatch': [
    'Jenis kelamin pada NIK ({nikSex}) berbeda dengan yang diisi.',
    'The sex encoded in the NIK ({nikSex}) differs from the one entered.',
  ],
  'sex.male': ['laki-laki', 'male'],
  'sex.female': ['perempuan', 'female'],
} as const satisfies Record<string, readonly [string, string]>;
