import type { Bilingual } from '../messages.js';

/** Bilingual error and notice messages of the governance module (keys start with "governance."). */
export const governanceMessages = {
  'governance.invalid_date': { id: 'Tanggal harus berformat TTTT-BB-HH.', en: 'The date must be in YYYY-MM-DD format.' },
  'governance.sop_actor_unknown': { id: 'Pelaksana langkah tidak ada di kolom pelaksana SOP.', en: 'The step actor is not one of the SOP actor columns.' },
  'governance.illegal_transition': {
    id: 'Perubahan status kebijakan ini tidak diizinkan. Urutannya: draf → telaah → disetujui → berlaku → digantikan.',
    en: 'This policy status change is not allowed. The order is: draft → review → approved → in force → superseded.',
  },
  'governance.supersede_needs_new_version': {
    id: 'Pilih versi baru (berstatus disetujui atau berlaku) yang menggantikan kebijakan ini.',
    en: 'Choose the new version (approved or in force) that replaces this policy.',
  },
  'governance.policy_locked': {
    id: 'Kebijakan yang sudah disetujui tidak dapat diubah; buat versi baru.',
    en: 'An approved policy cannot be edited; create a new version.',
  },
  'governance.person_unknown': { id: 'Pegawai tidak ditemukan di Pemda ini.', en: 'The person was not found in this Pemda.' },
  'governance.opd_unknown': { id: 'Perangkat Daerah tidak ditemukan.', en: 'The regional agency (OPD) was not found.' },
  'governance.file_unknown': { id: 'Berkas lampiran tidak ditemukan.', en: 'The attached file was not found.' },
  'governance.team_one_responsible': {
    id: 'Tim harus memiliki tepat satu penanggung jawab (Sekretaris Daerah).',
    en: 'The team must have exactly one responsible party (the regional secretary).',
  },
  'governance.team_one_chair': { id: 'Tim harus memiliki tepat satu ketua.', en: 'The team must have exactly one chair.' },
  'governance.team_duplicate_person': { id: 'Seorang pegawai tercantum lebih dari sekali dalam tim.', en: 'A person is listed more than once in the team.' },
  'governance.evaluation_done': { id: 'Evaluasi ini sudah dicatat.', en: 'This evaluation has already been recorded.' },
  'governance.sop_number_taken': { id: 'Nomor SOP sudah dipakai.', en: 'This SOP number is already used.' },
  'governance.link_not_found': {
    id: 'Rekaman yang ditautkan tidak ditemukan (mungkin sudah dihapus atau milik Pemda lain). Pilih ulang tautannya.',
    en: 'The linked record was not found (it may have been deleted or belong to another Pemda). Pick the link again.',
  },
  'governance.link_unsupported': {
    id: 'Tautan dengan id hanya dapat menunjuk risiko atau kewajiban regulasi; jenis lain cukup berupa label.',
    en: 'A link with an id can only point to a risk or a regulation obligation; other kinds are plain labels.',
  },
} as const satisfies Record<string, Bilingual>;
