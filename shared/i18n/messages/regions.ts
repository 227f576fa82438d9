/** Regions and the region picker. Each entry: [Bahasa Indonesia, English]. */
export const regionMessages = {
  'region.invalid_code': [
    'Kode wilayah tidak valid (contoh: 63.72).',
    'Invalid region code (for example 63.72).',
  ],
  'region.unknown': ['Kode wilayah {code} tidak dikenal.', 'Unknown region code {code}.'],
  'region.picker.placeholder': [
    'Ketik nama wilayah, minimal 3 huruf',
    'Type a region name, at least 3 letters',
  ],
  'region.picker.nothing': ['Wilayah tidak ditemukan', 'No region found'],
  'region.level.1': ['Provinsi', 'Province'],
  'region.level.2': ['Kabupaten/Kota', 'Regency/City'],
  'region.level.3': ['Kecamatan', 'District'],
  'region.level.4': ['Kelurahan/Desa', 'Village'],
  'region.picker.typeMore': [
    'Ketik minimal 3 huruf, atau angka kode wilayah',
    'Type at least 3 letters, or the digits of a region code',
  ],
  'region.picker.searching': ['Mencari wilayah…', 'Searching regions…'],
  'region.code': ['Kode {code}', 'Code {code}'],
} as const satisfies Record<string, readonly [string, string]>;
