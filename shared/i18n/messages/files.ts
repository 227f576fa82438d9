/** The file port: uploads, downloads and saved files. Each entry: [Bahasa Indonesia, English]. */
export const fileMessages = {
  'file.too_large': [
    'Berkas "{name}" terlalu besar: maksimal {max}.',
    'The file "{name}" is too large: at most {max}.',
  ],
  'file.empty': ['Berkas "{name}" kosong.', 'The file "{name}" is empty.'],
  'file.kind_not_allowed': [
    'Berkas "{name}" tidak dapat dipakai di sini: hanya {allowed} yang diterima.',
    'The file "{name}" cannot be used here: only {allowed} is accepted.',
  ],
  'file.kind_mismatch': [
    'Isi berkas "{name}" bukan {declared} seperti nama atau jenisnya; berkas ditolak.',
    'The content of "{name}" is not {declared} as its name or type says; the file was refused.',
  ],
  'file.unknown_kind': [
    'Isi berkas "{name}" tidak dikenali; yang diterima: {allowed}.',
    'The content of "{name}" was not recognised; accepted: {allowed}.',
  ],
  'file.bad_name': ['Nama berkas tidak valid.', 'Invalid file name.'],
  'file.unknown_purpose': ['Jenis unggahan tidak dikenal.', 'Unknown kind of upload.'],
  'file.wrong_purpose': [
    'Berkas ini diunggah untuk keperluan lain dan tidak dapat dipakai di sini.',
    'This file was uploaded for another purpose and cannot be used here.',
  ],
  'file.missing': [
    'Berkas tidak ditemukan di folder data. Unggah ulang berkasnya.',
    'The file was not found in the data folder. Upload it again.',
  ],
  'file.aborted': [
    'Pengiriman berkas terputus; tidak ada yang disimpan.',
    'The upload was interrupted; nothing was stored.',
  ],
  'file.save_failed': [
    'Berkas tidak dapat disimpan ke lokasi itu: {reason}',
    'The file could not be saved there: {reason}',
  ],
  'file.saved': ['Berkas disimpan: {name}', 'File saved: {name}'],
  'error.backend_restarted': [
    'Layanan data Pelita berhenti tiba-tiba dan sudah dijalankan ulang. Perubahan terakhir mungkin belum tersimpan: periksa datanya lalu ulangi.',
    'The Pelita data service stopped unexpectedly and was restarted. Your last change may not have been saved: check the record and try again.',
  ],
  'audit.method.files.upload': ['Unggah berkas', 'Upload file'],
  'audit.method.files.download': ['Unduh/lihat berkas', 'Download/view file'],
  'audit.recordType.file': ['Berkas', 'File'],
} as const satisfies Record<string, readonly [string, string]>;
