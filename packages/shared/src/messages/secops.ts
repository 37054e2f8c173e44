import type { Bilingual } from '../messages.js';

/** Bilingual error and notice messages of the secops module (keys start with "secops."). */
export const secopsMessages = {
  'secops.invalid_date': { id: 'Tanggal harus berformat TTTT-BB-HH.', en: 'The date must be in YYYY-MM-DD format.' },
  'secops.target_required': {
    id: 'Pilih sasaran kegiatan: aplikasi, server/perangkat jaringan, atau area infrastruktur.',
    en: 'Choose the target: an application, a server/network device, or an infrastructure area.',
  },
  'secops.application_unknown': { id: 'Aplikasi tidak ditemukan di register sistem elektronik.', en: 'The application was not found in the electronic-system register.' },
  'secops.device_unknown': { id: 'Server/perangkat jaringan tidak ditemukan di register.', en: 'The server/network device was not found in the register.' },
  'secops.file_unknown': { id: 'Berkas lampiran tidak ditemukan.', en: 'The attached file was not found.' },
  'secops.person_unknown': { id: 'Pegawai tidak ditemukan di Pemda ini.', en: 'The person was not found in this Pemda.' },
  'secops.future_date': { id: 'Tanggal pelaksanaan tidak boleh setelah hari ini.', en: 'The date performed cannot be after today.' },
  'secops.executor_name_required': {
    id: 'Sebutkan nama pihak ketiga pelaksana kegiatan.',
    en: 'Name the third party that performed the activity.',
  },
  'secops.due_date_before_activity': {
    id: 'Batas waktu perbaikan tidak boleh sebelum tanggal kegiatan.',
    en: 'The remediation due date cannot be before the activity date.',
  },
  'secops.illegal_transition': {
    id: 'Perubahan status temuan ini tidak diizinkan. Urutannya: terbuka → diperbaiki → diverifikasi, atau terbuka → diterima (dengan alasan).',
    en: 'This finding status change is not allowed. The order is: open → fixed → verified, or open → accepted (with a reason).',
  },
  'secops.accept_reason_required': {
    id: 'Penerimaan risiko atas temuan harus disertai alasan.',
    en: 'Accepting a finding requires a reason.',
  },
  'secops.period_order': { id: 'Akhir periode tidak boleh sebelum awal periode.', en: 'The end of the period cannot be before its start.' },
  'secops.alerts_exceed_events': {
    id: 'Jumlah peringatan yang dieskalasi tidak boleh melebihi jumlah kejadian yang teramati.',
    en: 'Escalated alerts cannot exceed the events observed.',
  },
  'secops.soc_person_duplicate': { id: 'Seorang pegawai tercantum lebih dari sekali dengan peran yang sama.', en: 'A person is listed more than once with the same role.' },
  'secops.coverage_duplicate': { id: 'Sasaran ini sudah dipantau dengan alat tersebut.', en: 'This target is already monitored by that tool.' },
} as const satisfies Record<string, Bilingual>;
