/**
 * Fixed catalogues taken verbatim from the seed regulations:
 * - JBI-35 Pasal 8 ayat (2): the eight areas of the governance rules (B3);
 * - MJK-40 Pasal 16 ayat (2): the 22 aspects a–v of the control procedures (B7);
 * - MJK-40 Pasal 8: the duties of the technical team chair and members (B6).
 */
export const RULE_AREAS: [code: string, title: string][] = [
  ['a', 'keamanan sumber daya teknologi informasi'],
  ['b', 'keamanan akses kontrol'],
  ['c', 'keamanan data dan informasi'],
  ['d', 'keamanan sumber daya manusia'],
  ['e', 'keamanan jaringan'],
  ['f', 'keamanan surat elektronik'],
  ['g', 'keamanan pusat data'],
  ['h', 'keamanan komunikasi'],
];
export const RULE_LEGAL_REF = 'Perwali JBI-35 Pasal 8 ayat (2)';

export const CONTROL_ASPECTS: [code: string, title: string][] = [
  ['a', 'keamanan perangkat TIK'],
  ['b', 'keamanan jaringan'],
  ['c', 'keamanan pusat data'],
  ['d', 'keamanan perangkat end point'],
  ['e', 'keamanan remote working'],
  ['f', 'keamanan penyimpanan elektronik'],
  ['g', 'pengelolaan access control'],
  ['h', 'pengendalian keamanan dari ancaman virus dan malware'],
  ['i', 'persyaratan keamanan terkait pembangunan dan pengembangan Aplikasi SPBE'],
  ['j', 'pengelolaan aset'],
  ['k', 'keamanan migrasi data'],
  ['l', 'konfigurasi perangkat IT Security'],
  ['m', 'perlindungan data pribadi'],
  ['n', 'keamanan komunikasi'],
  ['o', 'keamanan dalam proses akuisisi, pengembangan dan pemeliharaan sistem informasi'],
  ['p', 'pengendalian Keamanan Informasi terhadap pihak ketiga'],
  ['q', 'penerapan kriptografi'],
  ['r', 'penanganan insiden Keamanan Informasi'],
  ['s', 'kelangsungan bisnis atau layanan TIK (business continuity)'],
  ['t', 'perencanaan pemulihan bencana terhadap layanan TIK (disaster recovery plans)'],
  ['u', 'audit internal Keamanan SPBE'],
  ['v', 'aspek prosedur pengendalian Keamanan Informasi SPBE lainnya'],
];
export const CONTROL_LEGAL_REF = 'Perwali MJK-40 Pasal 16 ayat (2)';

/** MJK-40 Pasal 6: the Sekda is the responsible party as SPBE coordinator. */
export const RESPONSIBLE_DUTIES = [
  'menetapkan pelaksana teknis Keamanan SPBE (Pasal 7 ayat (1))',
  'melakukan dukungan pengoperasian Keamanan SPBE (Pasal 11 ayat (1))',
  'melakukan evaluasi kinerja Keamanan SPBE (Pasal 13 ayat (1))',
];

/** MJK-40 Pasal 8 ayat (1). */
export const CHAIR_DUTIES = [
  'menetapkan prosedur pengendalian Keamanan Informasi SPBE Pemerintah Kota',
  'mengevaluasi penerapan prosedur pengendalian Keamanan Informasi SPBE di lingkungan Pemerintah Kota',
  'memastikan penerapan keamanan Aplikasi SPBE dan Infrastruktur SPBE sesuai dengan standar teknis dan prosedur Keamanan SPBE yang telah ditetapkan sesuai dengan peraturan perundang-undangan',
  'merumuskan, mengoordinasikan dan melaksanakan program kerja dan anggaran Keamanan SPBE',
  'memutuskan dan merancang langkah kelangsungan layanan TIK dalam bentuk dokumen business continuity dan disaster recovery plans',
  'melaporkan pelaksanaan Manajemen Keamanan Informasi SPBE pada koordinator SPBE',
];

/** MJK-40 Pasal 8 ayat (2). */
export const MEMBER_DUTIES = [
  'mengoordinasikan dan/atau memastikan penerapan prosedur pengendalian Keamanan Informasi SPBE pada Perangkat Daerah masing-masing',
  'memastikan penerapan keamanan Aplikasi SPBE dan Infrastruktur SPBE sesuai dengan standar teknis dan prosedur Keamanan SPBE yang telah ditetapkan sesuai dengan peraturan perundang-undangan',
  'melaksanakan dan mengelola langkah kelangsungan layanan TIK yang berpedoman pada dokumen business continuity dan disaster recovery plans',
  'berkoordinasi dengan ketua tim terkait penerapan keamanan Aplikasi SPBE dan Infrastruktur SPBE',
];

export const DEFAULT_DUTIES = { responsible: RESPONSIBLE_DUTIES, chair: CHAIR_DUTIES, member: MEMBER_DUTIES };
