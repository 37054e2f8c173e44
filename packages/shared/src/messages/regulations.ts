import type { Bilingual } from '../messages.js';

/** Bilingual error and notice messages of the regulations module (keys start with "regulations."). */
export const regulationsMessages = {
  'regulations.required': { id: 'Wajib diisi.', en: 'Required.' },
  'regulations.code_invalid': { id: 'Kode hanya boleh berisi huruf, angka, titik, garis bawah dan tanda hubung.', en: 'The code may contain only letters, digits, dots, underscores and hyphens.' },
  'regulations.kind_invalid': { id: 'Jenis regulasi tidak dikenal.', en: 'Unknown regulation kind.' },
  'regulations.status_invalid': { id: 'Status regulasi tidak dikenal (draft, berlaku, diganti, dicabut).', en: 'Unknown regulation status (draft, berlaku, diganti, dicabut).' },
  'regulations.year_invalid': { id: 'Tahun tidak valid.', en: 'Invalid year.' },
  'regulations.date_invalid': { id: 'Tanggal harus berformat TTTT-BB-HH.', en: 'The date must be YYYY-MM-DD.' },
  'regulations.bearer_invalid': { id: 'Pengemban kewajiban tidak dikenal.', en: 'Unknown obligation bearer.' },
  'regulations.frequency_invalid': { id: 'Frekuensi tidak dikenal.', en: 'Unknown frequency.' },
  'regulations.requirement_id_invalid': { id: 'ID persyaratan tidak valid (contoh: B1, K13, R-REG).', en: 'Invalid requirement ID (e.g. B1, K13, R-REG).' },
  'regulations.article_empty': { id: 'Pasal harus memiliki paling sedikit satu ayat atau teks.', en: 'An article needs at least one clause or text.' },
  'regulations.no_articles': { id: 'Regulasi harus memiliki paling sedikit satu pasal.', en: 'A regulation needs at least one article.' },
  'regulations.article_unknown': { id: 'Pasal yang dirujuk tidak ada dalam dokumen.', en: 'The referenced article is not in the document.' },
  'regulations.article_duplicate': { id: 'Nomor pasal ganda.', en: 'Duplicate article number.' },
  'regulations.evidence_unknown': { id: 'Kunci bukti (evidence) tidak dikenal.', en: 'Unknown evidence-check key.' },
  'regulations.file_unreadable': { id: 'Berkas tidak dapat dibaca. Gunakan YAML, JSON atau templat Excel dari aplikasi.', en: 'The file cannot be read. Use YAML, JSON or the Excel template from the app.' },
  'regulations.file_missing': { id: 'Pilih berkas yang akan diimpor.', en: 'Choose a file to import.' },
  'regulations.version_exists': { id: 'Versi regulasi ini sudah ada. Naikkan nomor versi untuk membuat versi baru.', en: 'This version already exists. Raise the version number to create a new version.' },
  'regulations.code_shared': { id: 'Kode ini milik pustaka bersama; gunakan kode lain untuk regulasi Pemda Anda.', en: 'This code belongs to the shared library; use another code for your own regulation.' },
  'regulations.statement_short': { id: 'Pernyataan terlalu singkat.', en: 'The statement is too short.' },
  'regulations.expiry_before_effective': { id: 'Tanggal kedaluwarsa harus setelah tanggal berlaku.', en: 'The expiry must be after the effective date.' },
  'regulations.not_bound': { id: 'Regulasi ini belum diikat oleh Pemda Anda.', en: 'Your Pemda has not bound this regulation.' },
  'regulations.superseded': { id: 'Versi ini sudah diganti; pernyataan dibuat pada versi yang berlaku.', en: 'This version is superseded; attest on the current version.' },
  'regulations.already_revoked': { id: 'Pernyataan sudah dicabut.', en: 'The attestation is already revoked.' },
} as const satisfies Record<string, Bilingual>;
