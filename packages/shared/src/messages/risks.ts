import type { Bilingual } from '../messages.js';

/** Bilingual error and notice messages of the risks module (keys start with "risks."). */
export const risksMessages = {
  'risks.required': { id: 'Wajib diisi.', en: 'Required.' },
  'risks.date_invalid': { id: 'Tanggal tidak valid (format TTTT-BB-HH).', en: 'Invalid date (format YYYY-MM-DD).' },
  'risks.color_invalid': { id: 'Warna harus berupa kode heksadesimal, mis. #dc2626.', en: 'The colour must be a hex code, e.g. #dc2626.' },
  'risks.override_reason_required': { id: 'Alasan wajib diisi bila keputusan penanganan diubah manual.', en: 'A reason is required when the treatment decision is overridden.' },
  'risks.pair_required': { id: 'Kemungkinan dan dampak harus diisi keduanya.', en: 'Both likelihood and impact are required.' },
  'risks.end_before_start': { id: 'Tanggal selesai tidak boleh sebelum tanggal mulai.', en: 'The end date cannot be before the start date.' },
  'risks.reject_reason_required': { id: 'Alasan wajib diisi bila tidak disetujui.', en: 'A reason is required when not approved.' },
  'risks.context_exists': { id: 'Konteks risiko OPD ini untuk periode tersebut sudah ada.', en: 'This OPD already has a risk context for that period.' },
  'risks.context_has_risks': { id: 'Konteks masih memiliki risiko aktif; hapus risikonya terlebih dahulu.', en: 'The context still has active risks; delete them first.' },
  'risks.unknown_category': { id: 'Kategori risiko tidak dikenal.', en: 'Unknown risk category.' },
  'risks.unknown_area': { id: 'Area dampak tidak dikenal.', en: 'Unknown impact area.' },
  'risks.option_kind': { id: 'Opsi penanganan tidak sesuai dengan jenis risiko.', en: 'The treatment option does not fit the risk type.' },
  'risks.levels_invalid': { id: 'Rentang level risiko harus berurutan dan mencakup besaran 1–25 tanpa tumpang tindih.', en: 'Level bands must be ordered and cover scores 1–25 without overlap.' },
  'risks.codes_duplicate': { id: 'Kode kategori/area tidak boleh ganda.', en: 'Category/area codes must be unique.' },
  'risks.owner_not_found': { id: 'Pemilik risiko tidak ditemukan.', en: 'Risk owner not found.' },
  'risks.same_year': { id: 'Tahun tujuan harus berbeda dari periode asal.', en: 'The target year must differ from the source period.' },
  'risks.asset_not_found': {
    id: 'Sistem elektronik yang dipilih sebagai aset tidak ditemukan (mungkin sudah dihapus atau milik Pemda lain). Pilih ulang asetnya.',
    en: 'The electronic system chosen as the asset was not found (it may have been deleted or belong to another Pemda). Pick the asset again.',
  },
} as const satisfies Record<string, Bilingual>;
