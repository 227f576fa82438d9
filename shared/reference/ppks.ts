/**
 * The 26 PPKS categories (Pemerlu Pelayanan Kesejahteraan Sosial, Permensos 08/2012). There are
 * no official short codes: PPKS-01 … PPKS-26 follow the regulation's order (DESIGN.md).
 */
export const PPKS_CATEGORIES = [
  { code: 'PPKS-01', id: 'Anak Balita Terlantar', en: 'Neglected toddler' },
  { code: 'PPKS-02', id: 'Anak Terlantar', en: 'Neglected child' },
  {
    code: 'PPKS-03',
    id: 'Anak yang Berhadapan dengan Hukum',
    en: 'Child in conflict with the law',
  },
  { code: 'PPKS-04', id: 'Anak Jalanan', en: 'Street child' },
  { code: 'PPKS-05', id: 'Anak dengan Kedisabilitasan', en: 'Child with disability' },
  {
    code: 'PPKS-06',
    id: 'Anak yang Menjadi Korban Tindak Kekerasan atau Diperlakukan Salah',
    en: 'Child victim of violence or mistreatment',
  },
  {
    code: 'PPKS-07',
    id: 'Anak yang Memerlukan Perlindungan Khusus',
    en: 'Child needing special protection',
  },
  { code: 'PPKS-08', id: 'Lanjut Usia Terlantar', en: 'Neglected elderly person' },
  { code: 'PPKS-09', id: 'Penyandang Disabilitas', en: 'Person with disability' },
  { code: 'PPKS-10', id: 'Tuna Susila', en: 'Sex worker' },
  { code: 'PPKS-11', id: 'Gelandangan', en: 'Homeless person' },
  { code: 'PPKS-12', id: 'Pengemis', en: 'Beggar' },
  { code: 'PPKS-13', id: 'Pemulung', en: 'Scavenger' },
  { code: 'PPKS-14', id: 'Kelompok Minoritas', en: 'Minority group' },
  {
    code: 'PPKS-15',
    id: 'Bekas Warga Binaan Lembaga Pemasyarakatan',
    en: 'Former prison inmate',
  },
  { code: 'PPKS-16', id: 'Orang dengan HIV/AIDS', en: 'Person with HIV/AIDS' },
  { code: 'PPKS-17', id: 'Korban Penyalahgunaan NAPZA', en: 'Victim of drug abuse' },
  { code: 'PPKS-18', id: 'Korban Trafficking', en: 'Victim of trafficking' },
  { code: 'PPKS-19', id: 'Korban Tindak Kekerasan', en: 'Victim of violence' },
  {
    code: 'PPKS-20',
    id: 'Pekerja Migran Bermasalah Sosial',
    en: 'Migrant worker with social problems',
  },
  { code: 'PPKS-21', id: 'Korban Bencana Alam', en: 'Victim of natural disaster' },
  { code: 'PPKS-22', id: 'Korban Bencana Sosial', en: 'Victim of social disaster' },
  {
    code: 'PPKS-23',
    id: 'Perempuan Rawan Sosial Ekonomi',
    en: 'Socio-economically vulnerable woman',
  },
  { code: 'PPKS-24', id: 'Fakir Miskin', en: 'Poor person' },
  {
    code: 'PPKS-25',
    id: 'Keluarga Bermasalah Sosial Psikologis',
    en: 'Family with psychosocial problems',
  },
  { code: 'PPKS-26', id: 'Komunitas Adat Terpencil', en: 'Remote indigenous community' },
] as const;

export type PpksCode = (typeof PPKS_CATEGORIES)[number]['code'];
export const PPKS_CODES = PPKS_CATEGORIES.map((c) => c.code) as [PpksCode, ...PpksCode[]];
const CODES: ReadonlySet<unknown> = new Set(PPKS_CODES);
export function isPpksCode(value: unknown): value is PpksCode {
  return CODES.has(value);
}
