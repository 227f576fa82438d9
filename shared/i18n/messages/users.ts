/** User administration. Each entry: [Bahasa Indonesia, English]. */
export const userMessages = {
  'user.title': ['Pengguna', 'Users'],
  'user.fullName': ['Nama lengkap', 'Full name'],
  'user.nip': ['NIP', 'NIP'],
  'user.position': ['Jabatan', 'Position'],
  'user.roles': ['Peran', 'Roles'],
  'user.status': ['Status', 'Status'],
  'user.active': ['Aktif', 'Active'],
  'user.inactive': ['Nonaktif', 'Disabled'],
  'user.locked': ['Terkunci sampai {until}', 'Locked until {until}'],
  'user.lastLogin': ['Terakhir masuk', 'Last sign-in'],
  'user.never': ['Belum pernah', 'Never'],
  'user.create': ['Tambah pengguna', 'Add user'],
  'user.edit': ['Ubah pengguna', 'Edit user'],
  'user.disable': ['Nonaktifkan', 'Disable'],
  'user.enable': ['Aktifkan', 'Enable'],
  'user.resetPassword': ['Atur ulang kata sandi', 'Reset password'],
  'user.resetPassword.help': [
    'Pengguna harus mengganti kata sandi ini saat masuk berikutnya. Semua sesinya diakhiri dan kuncian dibuka.',
    'The user must change this password at next sign-in. All their sessions end and any lockout is lifted.',
  ],
  'user.initialPassword': ['Kata sandi awal', 'Initial password'],
  'user.created': ['Pengguna {username} dibuat.', 'User {username} created.'],
  'user.updated': ['Pengguna {username} diperbarui.', 'User {username} updated.'],
  'user.passwordReset': [
    'Kata sandi {username} diatur ulang.',
    'Password of {username} was reset.',
  ],
  'user.username_format': [
    'Nama pengguna 3–32 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.',
    'Username: 3–32 characters of lower-case letters, digits, dot, underscore or hyphen.',
  ],
  'user.username_taken': [
    'Nama pengguna "{username}" sudah dipakai.',
    'Username "{username}" is taken.',
  ],
  'user.roles_required': ['Pilih minimal satu peran.', 'Choose at least one role.'],
  'user.last_admin': [
    'Harus tetap ada minimal satu admin aktif.',
    'There must remain at least one active admin.',
  ],
  'user.cannot_disable_self': [
    'Anda tidak dapat menonaktifkan akun Anda sendiri.',
    'You cannot disable your own account.',
  ],
  'user.subtitle': [
    'Akun petugas yang dapat masuk ke Pelita, beserta peran dan statusnya.',
    'Staff accounts that can sign in to Pelita, with their roles and status.',
  ],
  'user.search': ['Cari nama, nama pengguna atau NIP', 'Search name, username or NIP'],
  'user.empty': ['Belum ada pengguna yang cocok.', 'No matching users.'],
  'user.emptyHelp': [
    'Periksa ejaan nama, nama pengguna atau NIP, pilih peran lain, atau tampilkan akun nonaktif.',
    'Check the spelling of the name, username or NIP, choose another role, or show disabled accounts.',
  ],
  'user.anyRole': ['Semua peran', 'Any role'],
  'user.you': ['Anda', 'You'],
  'user.nip.help': [
    '18 digit angka, tanpa spasi (opsional).',
    '18 digits without spaces (optional).',
  ],
  'user.roles.help': ['Pilih satu atau lebih peran.', 'Choose one or more roles.'],
  'user.username.help': [
    'Huruf kecil, angka, titik, garis bawah atau tanda hubung. Tidak dapat diubah.',
    'Lower-case letters, digits, dot, underscore or hyphen. Cannot be changed later.',
  ],
  'user.initialPassword.help': [
    'Sampaikan kata sandi ini langsung kepada pengguna.',
    'Give this password to the user in person.',
  ],
  'user.disable.confirm': [
    'Nonaktifkan akun {username}? Pengguna tidak dapat masuk lagi dan semua sesinya diakhiri.',
    'Disable the account {username}? The user can no longer sign in and all their sessions end.',
  ],
  'user.enable.confirm': [
    'Aktifkan kembali akun {username}?',
    'Enable the account {username} again?',
  ],
  'user.disabled': ['Akun {username} dinonaktifkan.', 'Account {username} disabled.'],
  'user.enabled': ['Akun {username} diaktifkan.', 'Account {username} enabled.'],
  'user.showInactive': ['Tampilkan akun nonaktif', 'Show disabled accounts'],
  'user.rowActions': ['Tindakan untuk {username}', 'Actions for {username}'],
} as const satisfies Record<string, readonly [string, string]>;
