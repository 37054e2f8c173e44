import type { Bilingual } from '../messages.js';

/** Bilingual error and notice messages of the signing module (keys start with "signing."). */
export const signingMessages = {
  'signing.pdf_invalid': { id: 'Berkas bukan PDF yang dapat dibaca atau rusak.', en: 'The file is not a readable PDF or it is damaged.' },
  'signing.pdf_required': { id: 'Unggah dokumen PDF.', en: 'Upload a PDF document.' },
  'signing.signers_required': { id: 'Pilih minimal satu penanda tangan.', en: 'Choose at least one signer.' },
  'signing.signer_unknown': { id: 'Penanda tangan tidak ditemukan di Pemda ini.', en: 'The signer does not exist in this Pemda.' },
  'signing.signer_duplicate': { id: 'Penanda tangan yang sama dipilih lebih dari sekali.', en: 'The same signer was chosen more than once.' },
  'signing.not_your_turn': { id: 'Belum giliran Anda menandatangani dokumen ini.', en: 'It is not your turn to sign this document.' },
  'signing.not_open': { id: 'Permintaan tanda tangan ini sudah selesai atau dibatalkan.', en: 'This signing request is finished or cancelled.' },
  'signing.not_prepared': { id: 'Siapkan penandatanganan terlebih dahulu.', en: 'Prepare the signing first.' },
  'signing.prepare_mismatch': { id: 'Dokumen berubah sejak penandatanganan disiapkan. Ulangi.', en: 'The document changed since signing was prepared. Start again.' },
  'signing.signature_invalid': { id: 'Tanda tangan dari peramban tidak cocok dengan sertifikat dan dokumen.', en: 'The browser signature does not match the certificate and document.' },
  'signing.tsa_failed': { id: 'Layanan cap waktu (TSA) tidak dapat dihubungi. Coba lagi.', en: 'The timestamp authority (TSA) could not be reached. Try again.' },
  'signing.key_unsupported': { id: 'Jenis kunci sertifikat tidak didukung (gunakan RSA atau EC P-256).', en: 'The certificate key type is not supported (use RSA or EC P-256).' },
  'signing.certificate_invalid': { id: 'Sertifikat tidak dapat dibaca.', en: 'The certificate cannot be read.' },
  'signing.certificate_untrusted': { id: 'Sertifikat tidak diterbitkan oleh CA Pemda ini.', en: 'The certificate was not issued by this Pemda\'s CA.' },
  'signing.certificate_expired': { id: 'Sertifikat belum berlaku atau sudah kedaluwarsa.', en: 'The certificate is not yet valid or has expired.' },
  'signing.certificate_revoked': { id: 'Sertifikat sudah dicabut dan tidak dapat dipakai menandatangani.', en: 'The certificate has been revoked and cannot be used to sign.' },
  'signing.certificate_not_yours': { id: 'Sertifikat ini bukan milik akun Anda.', en: 'This certificate does not belong to your account.' },
  'signing.ca_unavailable': { id: 'Otoritas sertifikat Pemda belum tersedia.', en: 'The Pemda certificate authority is not available yet.' },
  'signing.password_wrong': { id: 'Kata sandi salah. Masukkan ulang kata sandi Anda untuk menandatangani.', en: 'Wrong password. Re-enter your password to sign.' },
  'signing.verify_not_pdf': { id: 'Berkas yang diunggah bukan dokumen PDF.', en: 'The uploaded file is not a PDF document.' },
  'signing.verify_too_large': { id: 'Berkas terlalu besar untuk diperiksa (maksimal 15 MB).', en: 'The file is too large to check (at most 15 MB).' },
  'signing.verify_malformed': { id: 'PDF rusak atau tidak lengkap sehingga tidak dapat diperiksa.', en: 'The PDF is damaged or incomplete and cannot be checked.' },
  'signing.smime_invalid': { id: 'Pesan surel tidak dapat ditandatangani.', en: 'The e-mail message cannot be signed.' },
} as const satisfies Record<string, Bilingual>;
