/** Background work shown in the window (app.status). Each entry: [Bahasa Indonesia, English]. */
export const appStatusMessages = {
  'reindex.banner': [
    'Menyusun ulang indeks nama: {percent}%…',
    'Rebuilding the name index: {percent}%…',
  ],
  'reindex.detail': [
    'Pelita tetap bisa dipakai; pencarian nama belum lengkap sampai selesai.',
    'Pelita can be used meanwhile; name search is incomplete until it is done.',
  ],
  'audit.method.app.status': ['Cek pekerjaan latar belakang', 'Check background work'],
} as const satisfies Record<string, readonly [string, string]>;
