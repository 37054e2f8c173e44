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
  // regulations and compliance (R-REG)
  { code: 'regulations.read', module: 'regulations', id: 'Melihat pustaka regulasi dan kepatuhan', en: 'View the regulation library and compliance' },
  { code: 'regulations.manage', module: 'regulations', id: 'Mengelola regulasi dan pengikatannya', en: 'Manage regulations and their binding' },
  { code: 'compliance.attest', module: 'regulations', id: 'Membuat pernyataan pemenuhan kewajiban', en: 'Attest that an obligation is met' },
  // electronic systems and infrastructure (D1–D15, C1)
  { code: 'systems.read', module: 'systems', id: 'Melihat register sistem elektronik dan infrastruktur', en: 'View electronic systems and infrastructure' },
  { code: 'systems.manage', module: 'systems', id: 'Mengelola aplikasi, server dan aset OPD', en: "Manage an OPD's applications, servers and assets" },
  { code: 'systems.infra', module: 'systems', id: 'Mengelola IP, domain, pusat data dan interkoneksi (Dinas)', en: 'Manage IPs, domains, data centre and interconnections (Dinas)' },
  // risk management (E1)
  { code: 'risks.read', module: 'risks', id: 'Melihat register risiko', en: 'View risk registers' },
  { code: 'risks.manage', module: 'risks', id: 'Mengelola register dan rencana penanganan risiko', en: 'Manage risk registers and treatment plans' },
  { code: 'risks.approve', module: 'risks', id: 'Menyetujui penanganan risiko (pemilik risiko)', en: 'Approve risk treatment (risk owner)' },
  { code: 'risks.configure', module: 'risks', id: 'Mengatur matriks dan kriteria risiko', en: 'Configure the risk matrix and criteria' },
  // governance, controls and SOPs (B1–B10)
  { code: 'governance.read', module: 'governance', id: 'Melihat renstra, kebijakan, prosedur dan SOP', en: 'View plans, policies, procedures and SOPs' },
  { code: 'governance.manage', module: 'governance', id: 'Mengelola renstra, kebijakan, prosedur dan SOP', en: 'Manage plans, policies, procedures and SOPs' },
  { code: 'governance.approve', module: 'governance', id: 'Menyetujui dan menetapkan kebijakan', en: 'Approve and enact policies' },
  // electronic certificates (K1–K15)
  { code: 'certificates.apply', module: 'certificates', id: 'Mengajukan dan memakai sertifikat elektronik sendiri', en: 'Apply for and use own electronic certificates' },
  { code: 'certificates.read', module: 'certificates', id: 'Melihat permohonan dan sertifikat', en: 'View certificate applications and certificates' },
  { code: 'certificates.manage', module: 'certificates', id: 'Mengelola kebutuhan dan permohonan atas nama OPD', en: 'Manage needs and applications on behalf of an OPD' },
  { code: 'certificates.verify', module: 'certificates', id: 'Memverifikasi dan memutus permohonan (Operator RA)', en: 'Verify and decide applications (RA operator)' },
  { code: 'certificates.revoke', module: 'certificates', id: 'Mencabut sertifikat elektronik', en: 'Revoke electronic certificates' },
  { code: 'pki.manage', module: 'pki', id: 'Mengelola otoritas sertifikat (CA, CRL, OCSP, TSA)', en: 'Manage the certificate authority (CA, CRL, OCSP, TSA)' },
  { code: 'documents.sign', module: 'signing', id: 'Menandatangani dan melindungi dokumen elektronik', en: 'Sign and protect electronic documents' },
  // security cycle and security operations centre (D13, D14)
  { code: 'secops.read', module: 'secops', id: 'Melihat siklus keamanan, temuan dan pusat operasi keamanan', en: 'View the security cycle, findings and the security operations centre' },
  { code: 'secops.manage', module: 'secops', id: 'Mengelola siklus keamanan, temuan dan pusat operasi keamanan', en: 'Manage the security cycle, findings and the security operations centre' },
] as const;

export type Permission = (typeof permissionCatalog)[number]['code'];
export const allPermissions = permissionCatalog.map((p) => p.code) as Permission[];

const read: Permission[] = ['tenant.read', 'org.read', 'people.read', 'files.read'];
/** Read access to the GRC registers and compliance view. */
const grcRead: Permission[] = ['regulations.read', 'systems.read', 'risks.read', 'governance.read', 'certificates.read', 'secops.read'];
/** What every civil servant does with their own certificate. */
const certUser: Permission[] = ['certificates.apply', 'documents.sign'];

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
  { code: 'kepala_daerah', id: 'Kepala Daerah', en: 'Head of region', scope: 'tenant', permissions: [...read, ...grcRead, ...certUser, 'audit.read', 'reports.export', 'governance.approve'] },
  { code: 'wakil_kepala_daerah', id: 'Wakil Kepala Daerah', en: 'Deputy head of region', scope: 'tenant', permissions: [...read, ...grcRead, ...certUser, 'reports.export'] },
  { code: 'sekda', id: 'Sekretaris Daerah (Koordinator SPBE)', en: 'Regional secretary (SPBE coordinator)', scope: 'tenant', permissions: [...read, ...grcRead, ...certUser, 'audit.read', 'reports.export', 'governance.approve', 'risks.approve', 'compliance.attest'] },
  { code: 'kepala_dinas', id: 'Kepala Dinas (Ketua Tim Pelaksana Teknis)', en: 'Head of the Dinas (technical team chair)', scope: 'tenant', permissions: [...read, ...grcRead, ...certUser, 'org.manage', 'people.manage', 'access.read', 'audit.read', 'files.upload', 'reports.export', 'regulations.manage', 'compliance.attest', 'systems.manage', 'systems.infra', 'risks.manage', 'risks.approve', 'risks.configure', 'governance.manage', 'governance.approve', 'certificates.manage', 'secops.manage'] },
  { code: 'anggota_tim', id: 'Anggota Tim Pelaksana Teknis', en: 'Technical team member', scope: 'opd', permissions: [...read, ...grcRead, ...certUser, 'files.upload', 'reports.export', 'systems.manage', 'risks.manage', 'risks.approve', 'governance.manage', 'compliance.attest', 'certificates.manage'] },
  { code: 'kabid_persandian', id: 'Kabid/Kasi Persandian', en: 'Head of the persandian section', scope: 'tenant', permissions: [...read, ...grcRead, ...certUser, 'org.manage', 'people.manage', 'access.read', 'audit.read', 'files.upload', 'files.classified', 'reports.export', 'regulations.manage', 'compliance.attest', 'systems.manage', 'systems.infra', 'risks.manage', 'risks.configure', 'governance.manage', 'certificates.manage', 'certificates.revoke', 'pki.manage', 'secops.manage'] },
  { code: 'sandiman', id: 'Sandiman / Operator Transmisi Sandi', en: 'Sandiman / cipher operator', scope: 'tenant', permissions: [...read, ...grcRead, ...certUser, 'files.upload', 'files.classified'] },
  { code: 'pengelola_ra', id: 'Pengelola Otoritas Pendaftaran', en: 'Registration Authority operator', scope: 'tenant', permissions: [...read, ...certUser, 'certificates.read', 'certificates.manage', 'certificates.verify', 'certificates.revoke', 'files.upload', 'files.classified', 'reports.export'] },
  { code: 'bagian_umum', id: 'Bagian Umum (Tata Usaha Surat)', en: 'General affairs (mail desk)', scope: 'tenant', permissions: [...read, ...certUser, 'files.upload'] },
  { code: 'auditor', id: 'Auditor', en: 'Auditor', scope: 'tenant', permissions: [...read, ...grcRead, ...certUser, 'access.read', 'audit.read', 'audit.verify', 'reports.export'] },
  { code: 'operator_opd', id: 'Operator OPD', en: 'OPD operator', scope: 'opd', permissions: [...read, ...grcRead, ...certUser, 'org.manage', 'people.manage', 'files.upload', 'reports.export', 'systems.manage', 'risks.manage', 'certificates.manage'] },
  { code: 'asn', id: 'ASN Pengguna Layanan', en: 'Civil servant (service user)', scope: 'tenant', permissions: ['tenant.read', 'org.read', ...certUser] },
  { code: 'pihak_eksternal', id: 'Pihak Eksternal', en: 'External party', scope: 'tenant', permissions: ['tenant.read'] },
  { code: 'reviewer', id: 'Peninjau Provinsi / BSSN', en: 'Provincial / BSSN reviewer', scope: 'tenant', permissions: ['tenant.read', 'org.read', 'reports.export', ...grcRead] },
];
