/** Sign-in, first-run setup and passwords. Each entry: [Bahasa Indonesia, English]. */
export const authMessages = {
  'auth.login.title': ['Masuk ke Pelita', 'Sign in to Pelita'],
  'auth.login.submit': ['Masuk', 'Sign in'],
  'auth.username': ['Nama pengguna', 'Username'],
  'auth.password': ['Kata sandi', 'Password'],
  'auth.currentPassword': ['Kata sandi saat ini', 'Current password'],
  'auth.newPassword': ['Kata sandi baru', 'New password'],
  'auth.confirmPassword': ['Ulangi kata sandi baru', 'Repeat the new password'],
  'auth.passwordMismatch': ['Kedua kata sandi tidak sama.', 'The two passwords differ.'],
  'auth.passwordHint': [
    'Minimal 10 karakter, berisi huruf dan angka, tidak memuat nama pengguna.',
    'At least 10 characters with letters and digits, not containing the username.',
  ],
  'auth.logout': ['Keluar', 'Sign out'],
  'auth.logoutEverywhere': ['Keluar dari semua perangkat', 'Sign out everywhere'],
  'auth.changePassword': ['Ganti kata sandi', 'Change password'],
  'auth.passwordChanged': [
    'Kata sandi diganti. Sesi di perangkat lain telah diakhiri.',
    'Password changed. Sessions on other devices were ended.',
  ],
  'auth.mustChange': [
    'Kata sandi Anda diatur ulang oleh admin. Buat kata sandi baru sebelum melanjutkan.',
    'An admin reset your password. Choose a new one before you continue.',
  ],
  'auth.error.invalid': ['Nama pengguna atau kata sandi salah.', 'Wrong username or password.'],
  'auth.error.locked': [
    'Akun dikunci karena terlalu banyak percobaan gagal. Coba lagi setelah pukul {until}, atau minta admin mengatur ulang kata sandi.',
    'The account is locked after too many failed attempts. Try again after {until}, or ask an admin to reset the password.',
  ],
  'auth.error.disabled': [
    'Akun ini dinonaktifkan. Hubungi admin.',
    'This account is disabled. Contact an admin.',
  ],
  'auth.error.wrongCurrent': ['Kata sandi saat ini salah.', 'The current password is wrong.'],
  'auth.error.setupDone': [
    'Pengaturan awal sudah dilakukan. Silakan masuk.',
    'Setup has already been done. Please sign in.',
  ],
  'auth.error.sameAsOld': [
    'Kata sandi baru harus berbeda dari yang lama.',
    'The new password must differ from the old one.',
  ],
  'password.too_short': [
    'Kata sandi minimal {min} karakter.',
    'The password needs at least {min} characters.',
  ],
  'password.needs_mix': [
    'Kata sandi harus berisi huruf dan angka.',
    'The password must contain letters and digits.',
  ],
  'password.contains_username': [
    'Kata sandi tidak boleh memuat nama pengguna.',
    'The password must not contain the username.',
  ],
  'password.too_common': [
    'Kata sandi ini terlalu umum dan mudah ditebak.',
    'This password is too common and easy to guess.',
  ],
  'setup.title': ['Pengaturan awal Pelita', 'Pelita first-run setup'],
  'setup.intro': [
    'Isi profil kantor dan buat akun admin pertama. Tidak ada kata sandi bawaan: simpan kata sandi ini baik-baik.',
    'Fill in the office profile and create the first admin account. There is no default password: keep this one safe.',
  ],
  'setup.step.office': ['Profil kantor', 'Office profile'],
  'setup.step.admin': ['Akun admin', 'Admin account'],
  'setup.finish': ['Selesai dan masuk', 'Finish and sign in'],
  'auth.login.intro': [
    'Masuk dengan akun yang dibuatkan oleh admin kantor Anda.',
    'Sign in with the account your office admin created for you.',
  ],
  'auth.mustChange.title': ['Buat kata sandi baru', 'Choose a new password'],
  'auth.changePassword.intro': [
    'Setelah diganti, sesi Anda di perangkat lain akan diakhiri.',
    'After the change, your sessions on other devices are ended.',
  ],
  'auth.loggedOut': ['Anda telah keluar.', 'You have signed out.'],
  'auth.loggedOutEverywhere': [
    'Anda telah keluar dari semua perangkat.',
    'You have signed out on every device.',
  ],
  'auth.lockedNotice': ['Akun terkunci', 'Account locked'],
  'auth.failedTitle': ['Tidak dapat masuk', 'Cannot sign in'],
  'password.rule.length': ['Minimal {min} karakter', 'At least {min} characters'],
  'password.rule.mix': ['Berisi huruf dan angka', 'Contains letters and digits'],
  'password.rule.username': ['Tidak memuat nama pengguna', 'Does not contain the username'],
  'password.rule.match': ['Kedua kata sandi sama', 'Both passwords match'],
  'setup.step.office.desc': ['Identitas dan pengaturan kantor', 'Office identity and settings'],
  'setup.step.admin.desc': [
    'Akun pertama dengan hak admin',
    'The first account, with admin rights',
  ],
  'setup.admin.intro': [
    'Akun ini dapat membuat akun lain, mengubah profil kantor dan membaca jejak audit.',
    'This account can create other accounts, edit the office profile and read the audit trail.',
  ],
  'setup.done': ['Pengaturan awal selesai. Selamat bekerja!', 'Setup complete. Welcome!'],
} as const satisfies Record<string, readonly [string, string]>;
