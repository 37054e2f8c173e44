import type { TSecopsArea } from '@persada/shared';

/** Indonesian labels used in exports, documents, reminders and evidence texts. */
export const AREA_ID: Record<TSecopsArea, string> = {
  pusat_data: 'Pusat data',
  jaringan_intra: 'Jaringan intra pemerintah',
  penghubung_spbe: 'Sistem penghubung layanan SPBE',
  data: 'Data dan informasi',
};
export const FUNCTION_ID: Record<string, string> = {
  identifikasi: 'Identifikasi',
  deteksi: 'Deteksi',
  proteksi: 'Proteksi',
  penanggulangan: 'Penanggulangan',
  pemulihan: 'Pemulihan',
};
export const KIND_ID: Record<string, string> = {
  vulnerability_assessment: 'Penilaian kerentanan (VA)',
  penetration_test: 'Uji penetrasi',
  risk_analysis: 'Analisis risiko',
  hardening: 'Hardening',
  backup_restore_test: 'Uji backup/restore',
  monitoring_review: 'Tinjauan pemantauan',
  incident_drill: 'Simulasi penanggulangan insiden',
  configuration_review: 'Tinjauan konfigurasi',
  other: 'Lainnya',
};
export const SEVERITY_ID: Record<string, string> = { kritis: 'Kritis', tinggi: 'Tinggi', sedang: 'Sedang', rendah: 'Rendah', info: 'Info' };
export const STATUS_ID: Record<string, string> = { terbuka: 'Terbuka', diperbaiki: 'Diperbaiki', diverifikasi: 'Diverifikasi', diterima: 'Diterima' };
export const EXECUTOR_ID: Record<string, string> = { internal: 'Internal', third_party: 'Pihak ketiga' };

export const targetLabel = (r: { targetKind: string; area: string | null; appName: string | null; deviceName: string | null }) =>
  r.targetKind === 'area' ? AREA_ID[r.area as TSecopsArea] ?? String(r.area) : (r.appName ?? r.deviceName ?? '—');
