/** Pengaduan dan layanan data. Each entry: [Bahasa Indonesia, English]. */
export const complaintMessages = {
  // Navigation and page titles
  'nav.complaints': ['Pengaduan', 'Complaints'],
  'nav.complaints.list': ['Daftar pengaduan', 'Complaint list'],
  'nav.complaints.new': ['Catat pengaduan', 'New complaint'],
  'nav.complaints.figures': ['Angka pengaduan', 'Complaint figures'],
  'nav.admin.complaintCategories': ['Kategori pengaduan', 'Complaint categories'],
  'nav.admin.holidays': ['Hari libur', 'Holidays'],
  'nav.admin.complaintNumbering': ['Penomoran & tenggat', 'Numbering & deadlines'],

  // Value lists
  'complaint.kind.complaint': ['Pengaduan', 'Complaint'],
  'complaint.kind.data_service': ['Layanan data', 'Data service'],
  'complaint.serviceType.data_request': ['Permohonan data', 'Data request'],
  'complaint.serviceType.dtks_certificate': [
    'Surat keterangan terdaftar DTKS/DTSEN',
    'Certificate of DTKS/DTSEN registration',
  ],
  'complaint.serviceType.data_correction': ['Perbaikan data', 'Data correction'],
  'complaint.serviceType.data_proposal': [
    'Usulan masuk/keluar data',
    'Proposal to add to or remove from the data',
  ],
  'complaint.channel.walk_in': ['Datang langsung', 'Walk-in'],
  'complaint.channel.phone': ['Telepon', 'Phone'],
  'complaint.channel.whatsapp': ['WhatsApp', 'WhatsApp'],
  'complaint.channel.letter': ['Surat', 'Letter'],
  'complaint.channel.email': ['Email', 'Email'],
  'complaint.channel.social_media': ['Media sosial', 'Social media'],
  'complaint.channel.lapor': ['SP4N-LAPOR!', 'SP4N-LAPOR!'],
  'complaint.channel.call_112': ['Rujukan call center 112', '112 call centre referral'],
  'complaint.channel.kelurahan': ['Rujukan kelurahan', 'Kelurahan referral'],
  'complaint.channel.other': ['Lainnya', 'Other'],
  'complaint.urgency.emergency': ['Darurat', 'Emergency'],
  'complaint.urgency.high': ['Tinggi', 'High'],
  'complaint.urgency.normal': ['Biasa', 'Normal'],
  'complaint.status.received': ['Diterima', 'Received'],
  'complaint.status.verified': ['Terverifikasi', 'Verified'],
  'complaint.status.in_follow_up': ['Ditindaklanjuti', 'In follow-up'],
  'complaint.status.done': ['Selesai', 'Done'],
  'complaint.status.rejected': ['Ditolak', 'Rejected'],
  'complaint.status.forwarded': ['Bukan kewenangan (diteruskan)', 'Not our authority (forwarded)'],
  'complaint.status.open': ['Semua yang masih berjalan', 'All open'],
  'complaint.status.closed': ['Semua yang sudah ditutup', 'All closed'],
  'complaint.action.call': ['Telepon', 'Call'],
  'complaint.action.visit': ['Kunjungan lapangan', 'Field visit'],
  'complaint.action.coordination': [
    'Koordinasi dengan instansi lain',
    'Coordination with another agency',
  ],
  'complaint.action.letter': ['Surat', 'Letter'],
  'complaint.action.answer': ['Jawaban kepada pelapor', 'Answer to the reporter'],
  'complaint.action.other': ['Lainnya', 'Other'],
  'complaint.answerChannel.in_person': ['Langsung (tatap muka)', 'In person'],
  'complaint.answerChannel.phone': ['Telepon', 'Phone'],
  'complaint.answerChannel.whatsapp': ['WhatsApp', 'WhatsApp'],
  'complaint.answerChannel.letter': ['Surat', 'Letter'],
  'complaint.answerChannel.email': ['Email', 'Email'],
  'complaint.answerChannel.lapor': ['Melalui SP4N-LAPOR!', 'Through SP4N-LAPOR!'],
  'complaint.answerChannel.not_delivered': [
    'Tidak dapat disampaikan (pelapor tanpa kontak)',
    'Could not be delivered (no contact for the reporter)',
  ],
  'complaint.stage.verify': ['Verifikasi', 'Verification'],
  'complaint.stage.answer': ['Jawaban pertama', 'First answer'],
  'complaint.stage.complete': ['Penyelesaian', 'Completion'],
  'holiday.kind.national': ['Libur nasional', 'National holiday'],
  'holiday.kind.cuti_bersama': ['Cuti bersama', 'Collective leave'],
  'holiday.kind.local': ['Libur daerah/kantor', 'Local or office holiday'],
  'complaint.categoryKind.complaint': ['Pengaduan', 'Complaints'],
  'complaint.categoryKind.data_service': ['Layanan data', 'Data services'],
  'complaint.categoryKind.any': ['Keduanya', 'Both'],
  'complaint.event.created': ['Pengaduan dicatat', 'Complaint recorded'],
  'complaint.event.status': ['Status: {from} → {to}', 'Status: {from} → {to}'],
  'complaint.event.assign': ['Penugasan petugas diubah', 'Officer assignment changed'],
  'complaint.event.edit': ['Data pengaduan diperbaiki', 'Complaint details corrected'],
  'complaint.event.print': ['Tanda terima dicetak', 'Receipt printed'],

  // Backend errors (shown next to the field, or above the form)
  'complaint.category_unknown': ['Kategori tidak dikenal.', 'Unknown category.'],
  'complaint.category_inactive': [
    'Kategori ini sudah tidak dipakai. Pilih kategori lain.',
    'This category is no longer in use. Choose another one.',
  ],
  'complaint.category_kind': [
    'Kategori ini tidak sesuai dengan jenis permohonan yang dipilih.',
    'This category does not fit the chosen kind of request.',
  ],
  'complaint.category_name_taken': [
    'Kategori "{name}" sudah ada.',
    'There is already a category "{name}".',
  ],
  'complaint.service_type_required': [
    'Pilih jenis layanan data yang diminta.',
    'Choose the kind of data service requested.',
  ],
  'complaint.service_type_not_for_complaint': [
    'Jenis layanan data hanya untuk permohonan layanan data.',
    'A data-service type only applies to data-service requests.',
  ],
  'complaint.lapor_ref_required': [
    'Isi nomor tiket SP4N-LAPOR!.',
    'Enter the SP4N-LAPOR! ticket number.',
  ],
  'complaint.call_ref_required': [
    'Isi nomor referensi panggilan 112.',
    'Enter the 112 call reference.',
  ],
  'complaint.anonymous_with_name': [
    'Pelapor anonim tidak boleh bernama. Kosongkan nama atau hapus tanda anonim.',
    'An anonymous reporter has no name. Clear the name or untick anonymous.',
  ],
  'complaint.reporter_name_required': [
    'Isi nama pelapor, atau tandai sebagai anonim.',
    'Enter the reporter’s name, or mark the report as anonymous.',
  ],
  'complaint.person_unknown': ['Data orang tidak ditemukan.', 'Person record not found.'],
  'complaint.person_merged': [
    'Data orang ini sudah digabung ke data lain; pilih data yang baru.',
    'This person record was merged into another; choose the surviving record.',
  ],
  'complaint.days_order': [
    'Batas hari kerja harus berurutan: verifikasi ≤ jawaban pertama ≤ penyelesaian.',
    'Working-day limits must be in order: verification ≤ first answer ≤ completion.',
  ],
  'complaint.days_order_category': [
    'Dengan batas ini, tenggat kategori "{name}" menjadi tidak berurutan. Sesuaikan kategori itu dulu.',
    'With these limits the deadlines of category "{name}" would be out of order. Adjust that category first.',
  ],
  'complaint.received_future': [
    'Waktu diterima tidak boleh di masa depan.',
    'The time received cannot be in the future.',
  ],
  'complaint.received_too_old': [
    'Waktu diterima paling lama {days} hari yang lalu.',
    'The time received can be at most {days} days ago.',
  ],
  'complaint.backdate_reason_required': [
    'Pengaduan diterima pada hari sebelumnya: tuliskan alasan pencatatan terlambat.',
    'The complaint was received on an earlier day: give the reason it is recorded late.',
  ],
  'complaint.closed': [
    'Pengaduan ini sudah ditutup dan tidak dapat diubah lagi.',
    'This complaint is closed and can no longer be changed.',
  ],
  'complaint.transition_not_allowed': [
    'Langkah ini tidak diizinkan dari status pengaduan saat ini. Muat ulang untuk melihat status terbaru.',
    'This step is not allowed from the complaint’s current status. Reload to see the latest status.',
  ],
  'complaint.reason_required': ['Tuliskan alasan penolakan.', 'Give the reason for rejecting.'],
  'complaint.forwarded_to_required': [
    'Tuliskan instansi tujuan penerusan.',
    'Enter the agency the complaint is forwarded to.',
  ],
  'complaint.final_answer_required': [
    'Tuliskan jawaban akhir yang disampaikan kepada pelapor.',
    'Enter the final answer given to the reporter.',
  ],
  'complaint.answer_channel_required': [
    'Pilih cara jawaban disampaikan.',
    'Choose how the answer was delivered.',
  ],
  'complaint.assignee_invalid': [
    'Petugas ini tidak aktif atau tidak berwenang menangani pengaduan.',
    'This officer is inactive or may not handle complaints.',
  ],
  'complaint.assignee_unchanged': [
    'Pengaduan sudah ditugaskan kepada petugas ini.',
    'The complaint is already assigned to this officer.',
  ],
  'complaint.action_future': [
    'Waktu tindakan tidak boleh di masa depan.',
    'The time of the action cannot be in the future.',
  ],
  'complaint.action_before_receipt': [
    'Waktu tindakan tidak boleh sebelum pengaduan diterima.',
    'The action cannot be before the complaint was received.',
  ],
  'complaint.agency_required': [
    'Tuliskan instansi yang diajak berkoordinasi.',
    'Enter the agency coordinated with.',
  ],
  'complaint.number_taken': [
    'Nomor {number} sudah dipakai. Pola penomoran perlu diperiksa admin.',
    'Number {number} is already in use. The admin needs to check the numbering pattern.',
  ],
  'complaint.period_order': [
    'Tanggal akhir tidak boleh sebelum tanggal awal.',
    'The end date cannot be before the start date.',
  ],
  'complaint.kind_code_format': [
    'Kode jenis: 1–10 huruf kapital atau angka.',
    'Kind code: 1–10 capital letters or digits.',
  ],
  'complaint.kind_codes_same': [
    'Kode pengaduan dan layanan data harus berbeda.',
    'The complaint and data-service codes must differ.',
  ],
  'holiday.date_taken': [
    'Tanggal {date} sudah tercatat sebagai "{name}".',
    'The date {date} is already recorded as "{name}".',
  ],
  'ticket.pattern_unknown_token': [
    'Pola memuat kode yang tidak dikenal. Gunakan {seq}, {seq:4}, {year}, {yy}, {month}, {romanMonth}, {kind}.',
    'The pattern has an unknown code. Use {seq}, {seq:4}, {year}, {yy}, {month}, {romanMonth}, {kind}.',
  ],
  'ticket.pattern_needs_seq': ['Pola harus memuat {seq}.', 'The pattern must contain {seq}.'],
  'ticket.pattern_needs_year': [
    'Pola harus memuat {year} atau {yy}: nomor urut dimulai lagi setiap tahun.',
    'The pattern must contain {year} or {yy}: the sequence restarts every year.',
  ],
  'ticket.pattern_needs_kind': [
    'Pola harus memuat {kind}: pengaduan dan layanan data bernomor urut sendiri.',
    'The pattern must contain {kind}: complaints and data services are numbered separately.',
  ],
  'ticket.pattern_characters': [
    'Di luar kode, pola hanya boleh berisi huruf, angka, spasi dan . / - _',
    'Outside its codes, a pattern may only hold letters, digits, spaces and . / - _',
  ],
  'ticket.pattern_seq_width': [
    'Lebar nomor urut {seq:N} antara 1 dan 8.',
    'The sequence width {seq:N} must be between 1 and 8.',
  ],

  // Audit labels
  'audit.recordType.complaint': ['Pengaduan', 'Complaint'],
  'audit.recordType.complaint_category': ['Kategori pengaduan', 'Complaint category'],
  'audit.recordType.holiday': ['Hari libur', 'Holiday'],
  'audit.recordType.complaint_settings': ['Pengaturan pengaduan', 'Complaint settings'],
  'audit.note.confidential_read': [
    'identitas pelapor rahasia dibuka',
    'confidential reporter details viewed',
  ],
  'audit.note.receipt_printed': ['tanda terima dicetak', 'receipt printed'],
  'audit.method.complaints.list': ['Lihat daftar pengaduan', 'List complaints'],
  'audit.method.complaints.get': ['Lihat pengaduan', 'View complaint'],
  'audit.method.complaints.create': ['Catat pengaduan', 'Record complaint'],
  'audit.method.complaints.update': ['Perbaiki data pengaduan', 'Correct complaint'],
  'audit.method.complaints.transition': ['Ubah status pengaduan', 'Change complaint status'],
  'audit.method.complaints.assign': ['Tugaskan petugas pengaduan', 'Assign complaint officer'],
  'audit.method.complaints.logAction': ['Catat tindak lanjut', 'Log follow-up action'],
  'audit.method.complaints.receiptPrinted': ['Cetak tanda terima', 'Print receipt'],
  'audit.method.complaints.stats': ['Lihat angka pengaduan', 'View complaint figures'],
  'audit.method.complaints.officers': ['Lihat petugas pengaduan', 'List complaint officers'],
  'audit.method.complaints.forCheckin': [
    'Baca pengaduan untuk check-in',
    'Read complaint for check-in',
  ],
  'audit.method.complaints.categories': ['Lihat kategori pengaduan', 'List complaint categories'],
  'audit.method.complaints.saveCategory': ['Simpan kategori pengaduan', 'Save complaint category'],
  'audit.method.complaints.holidays': ['Lihat hari libur', 'List holidays'],
  'audit.method.complaints.saveHoliday': ['Simpan hari libur', 'Save holiday'],
  'audit.method.complaints.removeHoliday': ['Hapus hari libur', 'Remove holiday'],
  'audit.method.complaints.settings': ['Lihat pengaturan pengaduan', 'View complaint settings'],
  'audit.method.complaints.saveSettings': [
    'Ubah pengaturan pengaduan',
    'Change complaint settings',
  ],
} as const satisfies Record<string, readonly [string, string]>;
