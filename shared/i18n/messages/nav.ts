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
  'nav.skip': ['Lewati ke konten utama', 'Skip to main content'],
  'nav.toggleMenu': ['Buka/tutup menu', 'Open/close menu'],
  'nav.officeFallback': ['Dinas Sosial', 'Social Services Office'],

  'role.admin.desc': [
    'Mengelola pengguna, profil kantor, jejak audit, rumah singgah, kategori pengaduan dan hari libur.',
    'Manages users, the office profile, the audit trail, shelters, complaint categories and holidays.',
  ],
  'role.caseworker.desc': [
    'Mendaftarkan dan memperbarui data orang; melihat penghuni rumah singgah dan pengaduan.',
    'Registers and updates people; sees shelter residents and complaints.',
  ],
  'role.shelter_staff.desc': [
    'Mencatat penerimaan, layanan harian dan kepulangan di rumah singgah.',
    'Records shelter check-ins, daily services and check-outs.',
  ],
  'role.complaint_officer.desc': [
    'Menerima dan menindaklanjuti pengaduan serta permintaan layanan data.',
    'Receives and follows up complaints and data-service requests.',
  ],
  'role.viewer.desc': [
    'Melihat data orang, rumah singgah, pengaduan dan angka ringkasannya tanpa dapat mengubahnya.',
    'Sees people, shelters, complaints and their figures without changing them.',
  ],

  'home.subtitle': [
    'Ringkasan akun dan kantor Anda di Pelita.',
    'A summary of your account and office in Pelita.',
  ],
  'home.region': ['Wilayah', 'Region'],
  'home.timeZone': ['Zona waktu', 'Time zone'],
  'home.contact': ['Kontak', 'Contact'],
  'home.headNip': ['NIP {nip}', 'NIP {nip}'],
  'home.audit.intact': ['Utuh', 'Intact'],
  'home.audit.broken': ['Rusak', 'Broken'],
  'home.audit.checked': ['{checked} entri diperiksa', '{checked} entries checked'],
  'home.users.detail': ['dari {total} akun terdaftar', 'of {total} registered accounts'],
  'home.openAudit': ['Buka jejak audit', 'Open the audit trail'],
  'home.openUsers': ['Kelola pengguna', 'Manage users'],
  'home.adminTitle': ['Pengawasan sistem', 'System oversight'],
} as const satisfies Record<string, readonly [string, string]>;
