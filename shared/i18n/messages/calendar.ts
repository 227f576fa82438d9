/** The office calendar (holidays, working days). Each entry: [Bahasa Indonesia, English]. */
export const calendarMessages = {
  'nav.admin.holidays': ['Hari libur', 'Holidays'],
  'holiday.kind.national': ['Libur nasional', 'National holiday'],
  'holiday.kind.cuti_bersama': ['Cuti bersama', 'Collective leave'],
  'holiday.kind.local': ['Libur daerah/kantor', 'Local or office holiday'],
  'holiday.date_taken': [
    'Tanggal {date} sudah tercatat sebagai "{name}".',
    'The date {date} is already recorded as "{name}".',
  ],
  'holiday.subtitle': [
    'Akhir pekan dan hari-hari ini tidak dihitung sebagai hari kerja untuk tenggat pengaduan.',
    'Weekends and these days do not count as working days for complaint deadlines.',
  ],
  'holiday.year': ['Tahun', 'Year'],
  'holiday.add': ['Tambah hari libur', 'Add holiday'],
  'holiday.edit': ['Ubah hari libur', 'Edit holiday'],
  'holiday.date': ['Tanggal', 'Date'],
  'holiday.name': ['Keterangan', 'Name'],
  'holiday.kind': ['Jenis', 'Kind'],
  'holiday.remove': ['Hapus hari libur', 'Remove holiday'],
  'holiday.removeConfirm': [
    'Hapus {date} ({name}) dari kalender hari libur?',
    'Remove {date} ({name}) from the holiday calendar?',
  ],
  'holiday.removeReason': ['Alasan penghapusan', 'Reason for removing'],
  'holiday.empty': ['Belum ada hari libur untuk tahun {year}.', 'No holidays for {year} yet.'],
  'holiday.onWeekend': ['jatuh pada akhir pekan', 'falls on a weekend'],
  'holiday.onlyNew': [
    'Perubahan berlaku untuk pengaduan baru; tenggat yang sudah tertera di tanda terima tetap.',
    'Changes apply to new complaints; deadlines already on receipts stay.',
  ],
  'holiday.existingHelp': [
    'Tenggat pengaduan yang sudah tercatat tidak berubah.',
    'Deadlines of complaints already recorded do not change.',
  ],
  'holiday.incomplete': [
    'Kalender {year} baru berisi {count} hari libur. Lengkapi dengan hari libur nasional dan cuti bersama sesuai SKB 3 Menteri agar tenggat di awal tahun tepat.',
    'The {year} calendar has only {count} holidays. Add the national holidays and collective leave from the joint ministerial decree so early-year deadlines are right.',
  ],
  'audit.recordType.holiday': ['Hari libur', 'Holiday'],
  'audit.method.calendar.holidays': ['Lihat hari libur', 'List holidays'],
  'audit.method.calendar.saveHoliday': ['Simpan hari libur', 'Save holiday'],
  'audit.method.calendar.removeHoliday': ['Hapus hari libur', 'Remove holiday'],
  // Methods of earlier versions, still named in older audit entries.
  'audit.method.complaints.holidays': ['Lihat hari libur', 'List holidays'],
  'audit.method.complaints.saveHoliday': ['Simpan hari libur', 'Save holiday'],
  'audit.method.complaints.removeHoliday': ['Hapus hari libur', 'Remove holiday'],
} as const satisfies Record<string, readonly [string, string]>;
