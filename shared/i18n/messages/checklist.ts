/** The admin's next steps after first-run setup (home screen). Each entry: [Bahasa Indonesia, English]. */
export const checklistMessages = {
  'checklist.title': ['Langkah berikutnya', 'Next steps'],
  'checklist.intro': [
    'Siapkan hal-hal ini agar kantor dapat mulai bekerja dengan Pelita. Setiap langkah tercentang sendiri begitu datanya ada.',
    'Prepare these so the office can start working with Pelita. Each step ticks itself once its data is there.',
  ],
  'checklist.progress': ['{done} dari {total} selesai', '{done} of {total} done'],
  'checklist.hide': ['Sembunyikan', 'Hide'],
  'checklist.hide.hint': [
    'Kartu ini tidak akan tampil lagi untuk admin mana pun.',
    'This card will no longer be shown to any admin.',
  ],
  'checklist.allDone': [
    'Semua langkah selesai. Kantor siap bekerja dengan Pelita.',
    'All steps are done. The office is ready to work with Pelita.',
  ],
  'checklist.close': ['Tutup', 'Close'],
  'checklist.done': ['Selesai', 'Done'],
  'checklist.todo': ['Belum', 'Not yet'],

  'checklist.shelter.title': ['Ruang dan tempat tidur rumah singgah', 'Shelter rooms and beds'],
  'checklist.shelter.todo': [
    'Tambahkan rumah singgah beserta ruang dan tempat tidurnya, agar petugas dapat mencatat penerimaan.',
    'Add the shelter with its rooms and beds, so staff can record check-ins.',
  ],
  'checklist.shelter.done': [
    '{rooms} ruang, {beds} tempat tidur aktif.',
    '{rooms} rooms, {beds} active beds.',
  ],
  'checklist.shelter.link': ['Atur rumah singgah', 'Set up shelters'],

  'checklist.users.title': ['Akun petugas', 'Staff accounts'],
  'checklist.users.todo': [
    'Buat akun untuk petugas rumah singgah, petugas pengaduan, pekerja sosial dan pimpinan.',
    'Create accounts for shelter staff, complaint officers, caseworkers and the head of office.',
  ],
  'checklist.users.done': ['{count} akun aktif.', '{count} active accounts.'],
  'checklist.users.link': ['Kelola pengguna', 'Manage users'],

  'checklist.holidays.title': ['Hari libur {year}', 'Holidays {year}'],
  'checklist.holidays.todo': [
    'Masukkan hari libur nasional yang tanggalnya berubah dan cuti bersama {year} (SKB 3 Menteri), agar tenggat pengaduan dihitung dengan benar.',
    'Enter {year}’s moving national holidays and collective leave (SKB 3 Menteri), so complaint deadlines are counted right.',
  ],
  'checklist.holidays.done': [
    '{count} hari libur {year} tercatat.',
    '{count} holidays recorded for {year}.',
  ],
  'checklist.holidays.link': ['Atur hari libur', 'Edit holidays'],

  'checklist.office.title': ['Profil kantor lengkap', 'Complete office profile'],
  'checklist.office.todo': [
    'Lengkapi nama dan NIP kepala dinas di profil kantor.',
    'Add the head of office’s name and NIP to the office profile.',
  ],
  'checklist.office.done': [
    'Nama dan NIP kepala dinas tercatat.',
    'The head of office’s name and NIP are recorded.',
  ],
  'checklist.office.link': ['Buka profil kantor', 'Open the office profile'],

  'audit.method.office.checklist': ['Lihat langkah berikutnya', 'View next steps'],
  'audit.method.office.hideChecklist': ['Sembunyikan langkah berikutnya', 'Hide next steps'],
} as const satisfies Record<string, readonly [string, string]>;
