/** Number registers and their patterns. Each entry: [Bahasa Indonesia, English]. */
export const registerMessages = {
  'register.pattern_unknown_token': [
    'Pola memuat kode yang tidak dikenal. Gunakan {seq}, {seq:4}, {year}, {yy}, {month}, {romanMonth}, {code} (atau {kind}).',
    'The pattern has an unknown code. Use {seq}, {seq:4}, {year}, {yy}, {month}, {romanMonth}, {code} (or {kind}).',
  ],
  'register.pattern_needs_seq': [
    'Pola harus memuat nomor urut {seq} atau {seq:4}.',
    'The pattern must contain the sequence {seq} or {seq:4}.',
  ],
  'register.pattern_needs_year': [
    'Pola harus memuat {year} atau {yy}: nomor urut dimulai lagi setiap tahun.',
    'The pattern must contain {year} or {yy}: the sequence restarts every year.',
  ],
  'register.pattern_needs_code': [
    'Pola harus memuat {code} (atau {kind}): setiap kode bernomor urut sendiri, tanpa kode nomornya bisa kembar.',
    'The pattern must contain {code} (or {kind}): each code is numbered on its own, so without it numbers could repeat.',
  ],
  'register.pattern_characters': [
    'Di luar kode dalam kurung kurawal, pola hanya boleh berisi huruf, angka, spasi dan . / - _',
    'Outside its codes in braces, a pattern may only hold letters, digits, spaces and . / - _',
  ],
  'register.pattern_seq_width': [
    'Lebar nomor urut {seq:N} harus antara 1 dan 8.',
    'The sequence width {seq:N} must be between 1 and 8.',
  ],
} as const satisfies Record<string, readonly [string, string]>;
