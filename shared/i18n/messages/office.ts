/** Office profile. Each entry: [Bahasa Indonesia, English]. */
export const officeMessages = {
  'office.title': ['Profil kantor', 'Office profile'],
  'office.name': ['Nama kantor', 'Office name'],
  'office.regionCode': ['Kabupaten/kota', 'Regency/city'],
  'office.address': ['Alamat', 'Address'],
  'office.phone': ['Telepon', 'Phone'],
  'office.email': ['Email', 'Email'],
  'office.headName': ['Nama kepala dinas', 'Head of office'],
  'office.headNip': ['NIP kepala dinas', "Head's NIP"],
  'office.headPosition': ['Jabatan kepala', "Head's position"],
  'office.timeZone': ['Zona waktu', 'Time zone'],
  'office.maxStayDays': [
    'Lama tinggal maksimal di rumah singgah (hari)',
    'Maximum shelter stay (days)',
  ],
  'office.maxStayDays.help': [
    'Sesuai SOP: biasanya 7, 10 atau 14 hari.',
    'As set by the SOP: usually 7, 10 or 14 days.',
  ],
  'office.region_level': [
    'Pilih kabupaten atau kota (bukan provinsi, kecamatan atau kelurahan).',
    'Choose a regency or city (not a province, district or village).',
  ],
  'office.saved': ['Profil kantor disimpan.', 'Office profile saved.'],
  'office.defaultName': ['Dinas Sosial Kota Banjarbaru', 'Dinas Sosial Kota Banjarbaru'],
  'office.defaultAddress': [
    'Jl. Pangeran Suriansyah No. 5, Komet, Banjarbaru Utara, Kota Banjarbaru, Kalimantan Selatan',
    'Jl. Pangeran Suriansyah No. 5, Komet, Banjarbaru Utara, Kota Banjarbaru, Kalimantan Selatan',
  ],
  'tz.Asia/Jakarta': ['WIB (Asia/Jakarta)', 'WIB (Asia/Jakarta)'],
  'tz.Asia/Makassar': ['WITA (Asia/Makassar)', 'WITA (Asia/Makassar)'],
  'tz.Asia/Jayapura': ['WIT (Asia/Jayapura)', 'WIT (Asia/Jayapura)'],
  'office.subtitle': [
    'Identitas kantor untuk kop tanda terima pengaduan, zona waktu dan pengaturan layanan.',
    'Office identity for the complaint receipt’s letterhead, the time zone and service settings.',
  ],
  'office.section.identity': ['Identitas kantor', 'Office identity'],
  'office.section.head': ['Kepala dinas', 'Head of office'],
  'office.section.settings': ['Pengaturan layanan', 'Service settings'],
  'office.headNip.help': ['18 digit angka.', '18 digits.'],
  'office.timeZone.help': [
    'Semua waktu di Pelita ditampilkan dalam zona ini.',
    'All times in Pelita are shown in this zone.',
  ],
  'office.updatedAt': ['Terakhir diubah {at}', 'Last changed {at}'],
} as const satisfies Record<string, readonly [string, string]>;
