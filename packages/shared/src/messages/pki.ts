import type { Bilingual } from '../messages.js';

/** Bilingual error and notice messages of the pki module (keys start with "pki."). */
export const pkiMessages = {
  'pki.csr_invalid': {
    id: 'Permintaan sertifikat (CSR) tidak dapat dibaca. Unggah berkas PKCS#10 dalam format PEM atau DER.',
    en: 'The certificate request (CSR) cannot be read. Upload a PKCS#10 file in PEM or DER format.',
  },
  'pki.csr_signature': {
    id: 'Tanda tangan pada CSR tidak valid: CSR tidak dibuat dengan kunci privat pasangannya atau telah diubah.',
    en: 'The CSR signature is invalid: it was not made with the matching private key or it has been altered.',
  },
  'pki.key_invalid': { id: 'Kunci publik tidak dapat dibaca.', en: 'The public key cannot be read.' },
  'pki.key_unsupported': {
    id: 'Jenis kunci tidak didukung. Gunakan ECDSA P-256/P-384 atau RSA 2048/3072/4096 bit.',
    en: 'Unsupported key type. Use ECDSA P-256/P-384 or RSA 2048/3072/4096 bits.',
  },
  'pki.profile_unknown': { id: 'Profil sertifikat tidak dikenal.', en: 'Unknown certificate profile.' },
  'pki.san_required': {
    id: 'Sertifikat server (TLS) memerlukan minimal satu nama DNS atau alamat IP.',
    en: 'A server (TLS) certificate needs at least one DNS name or IP address.',
  },
  'pki.san_invalid': { id: 'Nama alternatif subjek (DNS, e-mail atau IP) tidak valid.', en: 'A subject alternative name (DNS, e-mail or IP) is invalid.' },
  'pki.common_name_required': { id: 'Nama umum (CN) wajib diisi.', en: 'The common name (CN) is required.' },
  'pki.validity_invalid': { id: 'Masa berlaku harus antara 1 dan 1.825 hari.', en: 'Validity must be between 1 and 1,825 days.' },
  'pki.serial_unknown': { id: 'Sertifikat dengan nomor seri tersebut tidak diterbitkan oleh CA Pemda ini.', en: 'No certificate with that serial number was issued by this Pemda\'s CA.' },
  'pki.already_revoked': { id: 'Sertifikat ini sudah dicabut.', en: 'This certificate has already been revoked.' },
  'pki.renew_revoked': {
    id: 'Sertifikat yang sudah dicabut tidak dapat diperpanjang; ajukan permohonan baru.',
    en: 'A revoked certificate cannot be renewed; submit a new application.',
  },
  'pki.reason_invalid': { id: 'Alasan pencabutan tidak dikenal.', en: 'Unknown revocation reason.' },
  'pki.ca_exists': { id: 'Otoritas sertifikat Pemda ini sudah dibuat.', en: 'This Pemda\'s certificate authority already exists.' },
  'pki.ca_missing': { id: 'Otoritas sertifikat belum dibuat.', en: 'The certificate authority has not been created yet.' },
  'pki.tenant_unknown': { id: 'Pemda tidak ditemukan.', en: 'Pemda not found.' },
  'pki.ocsp_malformed': { id: 'Permintaan OCSP tidak valid.', en: 'Malformed OCSP request.' },
  'pki.tsa_malformed': { id: 'Permintaan cap waktu (RFC 3161) tidak valid.', en: 'Malformed timestamp request (RFC 3161).' },
  'pki.external_failed': {
    id: 'Penyelenggara sertifikat eksternal menolak atau tidak menjawab permintaan.',
    en: 'The external certificate provider refused or did not answer the request.',
  },
  'pki.external_not_configured': {
    id: 'Penerbit eksternal belum dikonfigurasi (alamat layanan dan kredensial).',
    en: 'The external issuer is not configured (service address and credentials).',
  },
  'pki.external_unsupported': {
    id: 'Penerbit yang dipilih tidak mendukung tindakan ini.',
    en: 'The selected issuer does not support this action.',
  },
} as const satisfies Record<string, Bilingual>;
