/**
 * Bilingual messages shared by the API (problem+json) and the web app.
 * Keys are stable; Indonesian is the default language.
 */
export type Bilingual = { id: string; en: string };

import { regulationsMessages } from './messages/regulations.js';
import { systemsMessages } from './messages/systems.js';
import { risksMessages } from './messages/risks.js';
import { governanceMessages } from './messages/governance.js';
import { pkiMessages } from './messages/pki.js';
import { certificatesMessages } from './messages/certificates.js';
import { signingMessages } from './messages/signing.js';
import { secopsMessages } from './messages/secops.js';

const coreMessages = {
  // generic errors
  'error.validation': { id: 'Data yang dikirim tidak valid.', en: 'The submitted data is invalid.' },
  'error.unauthenticated': { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  'error.forbidden': { id: 'Anda tidak memiliki hak akses untuk tindakan ini.', en: 'You are not allowed to do this.' },
  'error.not_found': { id: 'Data tidak ditemukan.', en: 'Not found.' },
  'error.conflict': { id: 'Data bertentangan dengan data yang sudah ada.', en: 'This conflicts with existing data.' },
  'error.rate_limited': { id: 'Terlalu banyak permintaan. Coba lagi sebentar lagi.', en: 'Too many requests. Try again shortly.' },
  'error.internal': { id: 'Terjadi kesalahan pada server. Data Anda yang sudah tersimpan tetap aman.', en: 'A server error occurred. Data already saved is safe.' },
  'error.payload_too_large': { id: 'Berkas atau data terlalu besar.', en: 'The file or payload is too large.' },
  'error.bad_request': { id: 'Permintaan tidak dapat diproses.', en: 'The request cannot be processed.' },
  'error.origin': { id: 'Permintaan ditolak: asal (Origin) tidak sah.', en: 'Request rejected: invalid Origin.' },
  // auth
  'auth.invalid_credentials': { id: 'Email atau kata sandi salah.', en: 'Wrong e-mail or password.' },
  'auth.locked': { id: 'Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi nanti.', en: 'The account is temporarily locked after too many failed attempts. Try again later.' },
  'auth.inactive': { id: 'Akun tidak aktif.', en: 'The account is inactive.' },
  'auth.totp_required': { id: 'Masukkan kode dari aplikasi autentikator.', en: 'Enter the code from your authenticator app.' },
  'auth.totp_invalid': { id: 'Kode verifikasi salah atau kedaluwarsa.', en: 'The verification code is wrong or expired.' },
  'auth.totp_already': { id: 'Verifikasi dua langkah sudah aktif.', en: 'Two-step verification is already on.' },
  'auth.session_expired': { id: 'Sesi Anda telah berakhir. Silakan masuk kembali.', en: 'Your session has ended. Please sign in again.' },
  'auth.must_change_password': { id: 'Ganti kata sandi sementara Anda terlebih dahulu.', en: 'Change your temporary password first.' },
  'auth.password_wrong': { id: 'Kata sandi lama salah.', en: 'The current password is wrong.' },
  'auth.password_reused': { id: 'Kata sandi tidak boleh sama dengan 5 kata sandi terakhir.', en: 'The password must differ from your last 5 passwords.' },
  'auth.sso_disabled': { id: 'Masuk tunggal (SSO) belum dikonfigurasi.', en: 'Single sign-on is not configured.' },
  'auth.sso_failed': { id: 'Masuk tunggal gagal.', en: 'Single sign-on failed.' },
  'auth.sso_no_user': { id: 'Akun SSO tidak cocok dengan pengguna mana pun (email atau NIP).', en: 'The SSO account matches no user (e-mail or NIP).' },
  'auth.token_scope': { id: 'Token API tidak memiliki cakupan untuk tindakan ini.', en: 'The API token lacks the scope for this action.' },
  // password policy (Peraturan BSSN 4/2021)
  'password.min_length': { id: 'Kata sandi minimal 12 karakter.', en: 'The password needs at least 12 characters.' },
  'password.upper': { id: 'Kata sandi harus memuat huruf besar.', en: 'The password needs an upper-case letter.' },
  'password.lower': { id: 'Kata sandi harus memuat huruf kecil.', en: 'The password needs a lower-case letter.' },
  'password.digit': { id: 'Kata sandi harus memuat angka.', en: 'The password needs a digit.' },
  'password.symbol': { id: 'Kata sandi harus memuat simbol.', en: 'The password needs a symbol.' },
  // identity numbers
  'nip.length': { id: 'NIP harus 18 digit angka.', en: 'NIP must be 18 digits.' },
  'nip.birth_date': { id: 'Tanggal lahir pada NIP (digit 1–8) tidak valid.', en: 'The birth date in the NIP (digits 1–8) is invalid.' },
  'nip.tmt': { id: 'TMT CPNS pada NIP (digit 9–14) tidak valid.', en: 'The TMT CPNS in the NIP (digits 9–14) is invalid.' },
  'nip.tmt_before_adult': { id: 'TMT CPNS pada NIP terlalu dekat dengan tanggal lahir.', en: 'The TMT CPNS in the NIP is too close to the birth date.' },
  'nip.sex': { id: 'Digit jenis kelamin pada NIP (digit 15) harus 1 atau 2.', en: 'The sex digit of the NIP (digit 15) must be 1 or 2.' },
  'nip.sequence': { id: 'Nomor urut pada NIP (digit 16–18) tidak boleh 000.', en: 'The sequence in the NIP (digits 16–18) cannot be 000.' },
  'nik.length': { id: 'NIK harus 16 digit angka.', en: 'NIK must be 16 digits.' },
  'nik.region': { id: 'Kode wilayah pada NIK tidak valid.', en: 'The region code in the NIK is invalid.' },
  'nik.birth_date': { id: 'Tanggal lahir pada NIK tidak valid.', en: 'The birth date in the NIK is invalid.' },
  'person.id_required': { id: 'Isi NIP (ASN) atau NIK (non-ASN).', en: 'Enter a NIP (civil servant) or a NIK (others).' },
  'person.nip_taken': { id: 'NIP ini sudah terdaftar.', en: 'This NIP is already registered.' },
  'person.email_taken': { id: 'Email ini sudah dipakai.', en: 'This e-mail is already in use.' },
  'email.official': { id: 'Gunakan email resmi dengan domain Pemda.', en: 'Use an official e-mail on the Pemda domain.' },
  // org
  'opd.code_taken': { id: 'Kode OPD sudah dipakai.', en: 'This OPD code is already used.' },
  'opd.has_children': { id: 'OPD/unit masih memiliki unit, jabatan atau pegawai aktif.', en: 'The OPD/unit still has active units, positions or people.' },
  'unit.parent_cycle': { id: 'Unit tidak boleh menjadi induk dirinya sendiri.', en: 'A unit cannot be its own parent.' },
  'role.system': { id: 'Peran bawaan tidak dapat dihapus.', en: 'Built-in roles cannot be deleted.' },
  'role.code_taken': { id: 'Kode peran sudah dipakai.', en: 'This role code is already used.' },
  'role.last_admin': { id: 'Tidak boleh mencabut administrator terakhir.', en: 'The last administrator cannot be removed.' },
  'file.too_large': { id: 'Berkas melebihi batas ukuran.', en: 'The file exceeds the size limit.' },
  'file.type_not_allowed': { id: 'Jenis berkas tidak diizinkan (diperiksa dari isi berkas).', en: 'File type not allowed (checked from its content).' },
  'file.decrypt_failed': { id: 'Berkas terenkripsi tidak dapat dibuka (kunci salah atau berkas rusak).', en: 'The encrypted file cannot be opened (wrong key or damaged file).' },
  'file.integrity_failed': { id: 'Isi berkas tidak cocok dengan hash SHA-256 yang tersimpan.', en: 'The file content does not match its stored SHA-256 hash.' },
  'file.missing': { id: 'Pilih berkas yang akan diunggah.', en: 'Choose a file to upload.' },
  'tenant.slug_taken': { id: 'Kode Pemda sudah dipakai.', en: 'This Pemda code is already used.' },
} as const satisfies Record<string, Bilingual>;

export const messages = {
  ...coreMessages,
  ...regulationsMessages,
  ...systemsMessages,
  ...risksMessages,
  ...governanceMessages,
  ...pkiMessages,
  ...certificatesMessages,
  ...signingMessages,
  ...secopsMessages,
} as const;

export type MessageKey = keyof typeof messages;

export function isMessageKey(k: string): k is MessageKey {
  return Object.prototype.hasOwnProperty.call(messages, k);
}

export function msg(key: MessageKey): Bilingual {
  return messages[key];
}
