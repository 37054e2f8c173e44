import type { TRiskSettings } from '@persada/shared';

/**
 * National defaults of PermenPANRB 5/2020 (Pedoman Manajemen Risiko SPBE) as encoded in
 * shared/research/id-regulations.md §1: a lookup matrix (not L×I), five level bands with colours,
 * the SPBE risk categories, impact areas, and example likelihood/impact criteria a Pemda may adjust.
 */
const MATRIX: number[][] = [
  // impact:  1   2   3   4   5
  /* L1 */ [1, 3, 5, 8, 20],
  /* L2 */ [2, 7, 11, 13, 21],
  /* L3 */ [4, 10, 14, 17, 22],
  /* L4 */ [6, 12, 16, 19, 24],
  /* L5 */ [9, 15, 18, 23, 25],
];

const CATEGORIES: [string, string][] = [
  ['rencana_induk', 'Rencana Induk SPBE Nasional'],
  ['arsitektur', 'Arsitektur SPBE'],
  ['peta_rencana', 'Peta Rencana SPBE'],
  ['proses_bisnis', 'Proses Bisnis'],
  ['rencana_anggaran', 'Rencana dan Anggaran'],
  ['inovasi', 'Inovasi'],
  ['kepatuhan', 'Kepatuhan terhadap Peraturan'],
  ['pengadaan', 'Pengadaan Barang dan Jasa'],
  ['proyek', 'Proyek Pembangunan/Pengembangan Sistem'],
  ['data_informasi', 'Data dan Informasi'],
  ['infrastruktur', 'Infrastruktur SPBE'],
  ['aplikasi', 'Aplikasi SPBE'],
  ['keamanan', 'Keamanan SPBE'],
  ['layanan', 'Layanan SPBE'],
  ['sdm', 'SDM SPBE'],
  ['bencana_alam', 'Bencana Alam'],
];

const AREAS: [string, string, string[]][] = [
  ['finansial', 'Finansial', ['Kerugian < Rp10 juta', 'Kerugian Rp10–50 juta', 'Kerugian Rp50–250 juta', 'Kerugian Rp250 juta–1 miliar', 'Kerugian > Rp1 miliar']],
  ['reputasi', 'Reputasi', ['Keluhan internal, tidak diberitakan', 'Keluhan masyarakat di media sosial terbatas', 'Pemberitaan media lokal', 'Pemberitaan media regional/nasional 1–3 hari', 'Pemberitaan nasional berkepanjangan, menurunkan kepercayaan publik']],
  ['kinerja', 'Kinerja', ['Capaian sasaran tetap ≥ 95%', 'Capaian sasaran 85–95%', 'Capaian sasaran 70–85%', 'Capaian sasaran 50–70%', 'Capaian sasaran < 50%']],
  ['layanan', 'Layanan Organisasi', ['Gangguan layanan < 1 jam', 'Gangguan layanan 1–4 jam', 'Gangguan layanan 4–24 jam', 'Gangguan layanan 1–3 hari', 'Layanan terhenti > 3 hari']],
  ['operasional_tik', 'Operasional dan Aset TIK', ['Gangguan kecil, pulih tanpa biaya', 'Kerusakan aset TIK minor', 'Kerusakan sebagian aset TIK, perlu perbaikan', 'Kerusakan aset TIK utama', 'Kehilangan/kerusakan total aset TIK kritis']],
  ['hukum', 'Hukum dan Regulasi', ['Tidak ada pelanggaran', 'Teguran internal', 'Teguran tertulis dari instansi pembina', 'Sanksi administratif / gugatan', 'Tuntutan pidana / sanksi berat']],
  ['sdm', 'Sumber Daya Manusia', ['Tidak berdampak pada pegawai', 'Gangguan kerja pegawai < 1 hari', 'Pegawai kunci tidak tersedia sementara', 'Kehilangan pegawai kunci', 'Kehilangan banyak pegawai kunci / cedera']],
];

export function nationalRiskDefaults(): TRiskSettings {
  return {
    matrix: MATRIX.map((r) => [...r]),
    levels: [
      { code: 'sangat_rendah', name: 'Sangat Rendah', nameEn: 'Very low', min: 1, max: 5, color: '#2563eb', colorName: 'Biru' },
      { code: 'rendah', name: 'Rendah', nameEn: 'Low', min: 6, max: 10, color: '#16a34a', colorName: 'Hijau' },
      { code: 'sedang', name: 'Sedang', nameEn: 'Medium', min: 11, max: 15, color: '#eab308', colorName: 'Kuning' },
      { code: 'tinggi', name: 'Tinggi', nameEn: 'High', min: 16, max: 20, color: '#f97316', colorName: 'Jingga' },
      { code: 'sangat_tinggi', name: 'Sangat Tinggi', nameEn: 'Very high', min: 21, max: 25, color: '#dc2626', colorName: 'Merah' },
    ],
    likelihood: [
      { level: 1, name: 'Hampir Tidak Terjadi', criteria: 'Peluang ≤ 5% per tahun atau < 2 kali per tahun' },
      { level: 2, name: 'Jarang Terjadi', criteria: 'Peluang 5–10% per tahun atau 2–5 kali per tahun' },
      { level: 3, name: 'Kadang-Kadang Terjadi', criteria: 'Peluang 10–20% per tahun atau 6–9 kali per tahun' },
      { level: 4, name: 'Sering Terjadi', criteria: 'Peluang 20–50% per tahun atau 10–12 kali per tahun' },
      { level: 5, name: 'Hampir Pasti Terjadi', criteria: 'Peluang > 50% per tahun atau > 12 kali per tahun' },
    ],
    impact: [
      { level: 1, name: 'Tidak Signifikan', criteria: '' },
      { level: 2, name: 'Kurang Signifikan', criteria: '' },
      { level: 3, name: 'Cukup Signifikan', criteria: '' },
      { level: 4, name: 'Signifikan', criteria: '' },
      { level: 5, name: 'Sangat Signifikan', criteria: '' },
    ],
    categories: CATEGORIES.map(([code, name]) => ({ code, name, kind: 'both' as const })),
    areas: AREAS.map(([code, name]) => ({ code, name })),
    impactCriteria: AREAS.flatMap(([area, , texts]) => texts.map((text, i) => ({ area, kind: 'negative' as const, level: i + 1, text }))),
    defaultAppetite: 10,
  };
}
