import type { Bilingual } from '../messages.js';

/** Bilingual error and notice messages of the systems module (keys start with "systems."). */
export const systemsMessages = {
  'systems.ip_taken': { id: 'Alamat IP ini sudah dialokasikan.', en: 'This IP address is already assigned.' },
  'systems.ip_invalid': { id: 'Alamat IP tidak valid (contoh: 10.10.1.5).', en: 'Invalid IP address (e.g. 10.10.1.5).' },
  'systems.subdomain_taken': { id: 'Subdomain ini sudah dipakai atau sedang diajukan.', en: 'This subdomain is already used or requested.' },
  'systems.subdomain_invalid': { id: 'Subdomain hanya huruf kecil, angka dan tanda minus (contoh: dinkes).', en: 'A subdomain has only lower-case letters, digits and hyphens (e.g. dinkes).' },
  'systems.subdomain_decided': { id: 'Permohonan subdomain ini sudah diputuskan.', en: 'This subdomain request has already been decided.' },
  'systems.decree_required': { id: 'Isi nomor dan tanggal keputusan penetapan.', en: 'Enter the decree number and date.' },
  'systems.reference_invalid': { id: 'Data rujukan tidak ditemukan atau milik OPD lain.', en: 'The referenced record does not exist or belongs to another OPD.' },
  'systems.answers_required': { id: 'Jawab kesepuluh pertanyaan kategorisasi (A, B atau C).', en: 'Answer all ten categorization questions (A, B or C).' },
  'systems.db_group_invalid': { id: 'Pilih kelompok basis data sesuai Pasal 11 ayat (3).', en: 'Choose a database group from Article 11(3).' },
  'systems.tech_doc_item_invalid': { id: 'Jenis dokumentasi teknis tidak dikenal.', en: 'Unknown technical documentation item.' },
  'systems.period_order': { id: 'Akhir periode tidak boleh sebelum awal periode.', en: 'The period end cannot be before its start.' },
  'systems.availability_range': { id: 'Ketersediaan harus antara 0 dan 100 persen.', en: 'Availability must be between 0 and 100 percent.' },
} as const satisfies Record<string, Bilingual>;
