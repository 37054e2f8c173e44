/**
 * Permission catalog. Permissions are data: this list seeds the `permissions` table,
 * and each tenant edits which role holds which permission. Modules add their own codes here.
 */
export const permissionCatalog = [
  { code: 'tenant.read', module: 'org', id: 'Melihat profil Pemda', en: 'View the Pemda profile' },
  { code: 'tenant.manage', module: 'org', id: 'Mengubah profil Pemda', en: 'Edit the Pemda profile' },
  { code: 'org.read', module: 'org', id: 'Melihat OPD, unit dan jabatan', en: 'View OPDs, units and positions' },
  { code: 'org.manage', module: 'org', id: 'Mengelola OPD, unit dan jabatan', en: 'Manage OPDs, units and positions' },
  { code: 'people.read', module: 'org', id: 'Melihat data pegawai', en: 'View people' },
  { code: 'people.manage', module: 'org', id: 'Mengelola data pegawai', en: 'Manage people' },
  { code: 'access.read', module: 'access', id: 'Melihat pengguna, peran dan hak akses', en: 'View users, roles and permissions' },
  { code: 'access.manage', module: 'access', id: 'Mengelola pengguna, peran dan hak akses', en: 'Manage users, roles and permissions' },
  { code: 'audit.read', module: 'audit', id: 'Melihat jejak audit', en: 'View the audit trail' },
  { code: 'audit.verify', module: 'audit', id: 'Memverifikasi rantai jejak audit', en: 'Verify the audit chain' },
  { code: 'files.upload', module: 'files', id: 'Mengunggah lampiran', en: 'Upload attachments' },
  { code: 'files.read', module: 'files', id: 'Mengunduh lampiran', en: 'Download attachments' },
  { code: 'files.classified', module: 'files', id: 'Mengakses lampiran rahasia', en: 'Access classified attachments' },
  { code: 'reports.export', module: 'reports', id: 'Mengekspor dokumen dan laporan', en: 'Export documents and reports' },
] as const;

export type Permission = (typeof permissionCatalog)[number]['code'];
export const allPermissions = permissionCatalog.map((p) => p.code) as Permission[];

const read: Permission[] = ['tenant.read', 'org.read', 'people.read', 'files.read'];

/**
 * Roles drawn from the seeds (requirement A4). `scope: 'opd'` means the role is normally
 * granted for one OPD (rights apply to that OPD's records only).
 */
export const defaultRoles: {
  code: string;
  id: string;
  en: string;
  scope: 'tenant' | 'opd';
  permissions: Permission[];
}[] = [
  { code: 'admin', id: 'Administrator Sistem', en: 'System administrator', scope: 'tenant', permissions: allPermissions },
  { code: 'kepala_daerah', id: 'Kepala Daerah', en: 'Head of region', scope: 'tenant', permissions: [...read, 'audit.read', 'reports.export'] },
  { code: 'wakil_kepala_daerah', id: 'Wakil Kepala Daerah', en: 'Deputy head of region', scope: 'tenant', permissions: [...read, 'reports.export'] },
  { code: 'sekda', id: 'Sekretaris Daerah (Koordinator SPBE)', en: 'Regional secretary (SPBE coordinator)', scope: 'tenant', permissions: [...read, 'audit.read', 'reports.export'] },
  { code: 'kepala_dinas', id: 'Kepala Dinas (Ketua Tim Pelaksana Teknis)', en: 'Head of the Dinas (technical team chair)', scope: 'tenant', permissions: [...read, 'org.manage', 'people.manage', 'access.read', 'audit.read', 'files.upload', 'reports.export'] },
  { code: 'anggota_tim', id: 'Anggota Tim Pelaksana Teknis', en: 'Technical team member', scope: 'opd', permissions: [...read, 'files.upload', 'reports.export'] },
  { code: 'kabid_persandian', id: 'Kabid/Kasi Persandian', en: 'Head of the persandian section', scope: 'tenant', permissions: [...read, 'org.manage', 'people.manage', 'access.read', 'audit.read', 'files.upload', 'files.classified', 'reports.export'] },
  { code: 'sandiman', id: 'Sandiman / Operator Transmisi Sandi', en: 'Sandiman / cipher operator', scope: 'tenant', permissions: [...read, 'files.upload', 'files.classified'] },
  { code: 'pengelola_ra', id: 'Pengelola Otoritas Pendaftaran', en: 'Registration Authority operator', scope: 'tenant', permissions: [...read, 'files.upload', 'files.classified', 'reports.export'] },
  { code: 'bagian_umum', id: 'Bagian Umum (Tata Usaha Surat)', en: 'General affairs (mail desk)', scope: 'tenant', permissions: [...read, 'files.upload'] },
  { code: 'auditor', id: 'Auditor', en: 'Auditor', scope: 'tenant', permissions: [...read, 'access.read', 'audit.read', 'audit.verify', 'reports.export'] },
  { code: 'operator_opd', id: 'Operator OPD', en: 'OPD operator', scope: 'opd', permissions: [...read, 'org.manage', 'people.manage', 'files.upload', 'reports.export'] },
  { code: 'asn', id: 'ASN Pengguna Layanan', en: 'Civil servant (service user)', scope: 'tenant', permissions: ['tenant.read', 'org.read'] },
  { code: 'pihak_eksternal', id: 'Pihak Eksternal', en: 'External party', scope: 'tenant', permissions: ['tenant.read'] },
  { code: 'reviewer', id: 'Peninjau Provinsi / BSSN', en: 'Provincial / BSSN reviewer', scope: 'tenant', permissions: ['tenant.read', 'org.read', 'reports.export'] },
];
