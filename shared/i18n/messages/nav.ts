/** Navigation, shell and role names. Each entry: [Bahasa Indonesia, English]. */
export const navMessages = {
  'nav.home': ['Beranda', 'Home'],
  'nav.admin': ['Admin', 'Admin'],
  'nav.admin.users': ['Pengguna', 'Users'],
  'nav.admin.office': ['Profil Kantor', 'Office profile'],
  'nav.admin.audit': ['Jejak Audit', 'Audit trail'],
  'nav.menu': ['Menu', 'Menu'],
  'nav.userMenu': ['Menu pengguna', 'User menu'],

  'role.admin': ['Admin', 'Admin'],
  'role.caseworker': ['Pekerja Sosial', 'Caseworker'],
  'role.shelter_staff': ['Petugas Rumah Singgah', 'Shelter staff'],
  'role.complaint_officer': ['Petugas Pengaduan', 'Complaint officer'],
  'role.viewer': ['Pimpinan (lihat saja)', 'Viewer (read-only)'],

  'home.greeting': ['Selamat datang, {name}', 'Welcome, {name}'],
  'home.today': ['Hari ini {date}', 'Today is {date}'],
  'home.yourRoles': ['Peran Anda', 'Your roles'],
  'home.office': ['Kantor', 'Office'],
  'home.recent': ['Aktivitas terakhir Anda', 'Your recent activity'],
  'home.recent.empty': ['Belum ada aktivitas tercatat.', 'No activity recorded yet.'],
  'home.maxStay': ['Lama tinggal maksimal: {days} hari', 'Maximum stay: {days} days'],
  'home.head': ['Kepala: {name}', 'Head: {name}'],
  'home.auditStatus': ['Status jejak audit', 'Audit trail status'],
  'home.users': ['Pengguna aktif', 'Active users'],
} as const satisfies Record<string, readonly [string, string]>;
