import { categorize, type TAnswer } from '@persada/shared';
import type { Db } from '../../db/client.js';
import {
  sysApplications,
  sysCategorizations,
  sysDatabases,
  sysDevices,
  sysInterconnections,
  sysIpAddresses,
  sysMaintenance,
  sysSecurityAssets,
  sysSlaReports,
  sysSubdomains,
  sysThirdParties,
  sysTechDocs,
} from '../../db/schema/index.js';
import type { DemoSeedContext } from '../../seed/context.js';

type App = typeof sysApplications.$inferInsert;

/** Demo records of the electronic-system registers for "Kota Contoh" (D1–D15, C1). */
export async function seedSystemsDemo(db: Db, ctx: DemoSeedContext): Promise<void> {
  const opd = (s: string) => ctx.opdIds.get(s) ?? ctx.opdIds.get('DISKOMINFO')!;
  const tenantId = ctx.tenantId;
  const apps: (Omit<App, 'tenantId' | 'opdId'> & { opd: string; answers?: string; sub?: string })[] = [
    { opd: 'BKPSDM', name: 'SIMPEG', kind: 'umum', purpose: 'Sistem informasi manajemen kepegawaian berbasis NIP', dataClassification: 'terbatas', ssoIntegrated: true, certificate: 'Sertifikat TLS + BSrE', url: 'https://simpeg.contohkota.go.id', interoperability: 'BKN (SIASN), e-Kinerja', status: 'operational', answers: 'BBBABABABC', sub: 'simpeg' },
    { opd: 'BKPSDM', name: 'e-Kinerja', kind: 'umum', purpose: 'Penilaian kinerja ASN', dataClassification: 'terbatas', ssoIntegrated: true, certificate: 'Sertifikat TLS', url: 'https://ekinerja.contohkota.go.id', interoperability: 'SIMPEG', status: 'operational', answers: 'CCBBBBBBCC', sub: 'ekinerja' },
    { opd: 'BPKAD', name: 'SIPD', kind: 'umum', purpose: 'Perencanaan, penganggaran dan penatausahaan keuangan daerah', dataClassification: 'rahasia', ssoIntegrated: false, certificate: 'Sertifikat TLS Kemendagri', url: 'https://sipd.kemendagri.go.id', hostedInDataCentre: false, hostingNote: 'Aplikasi pusat (Kemendagri)', interoperability: 'Bank Pembangunan Daerah', status: 'operational', answers: 'ABAABABABB' },
    { opd: 'DINKES', name: 'SIMRS', kind: 'khusus', purpose: 'Sistem informasi manajemen rumah sakit daerah', usersPublic: true, dataClassification: 'rahasia', certificate: null, url: 'https://simrs.contohkota.go.id', interoperability: 'BPJS Kesehatan (V-Claim), SATUSEHAT', status: 'operational', answers: 'BBBBAAABBB', sub: 'simrs' },
    { opd: 'DINKES', name: 'e-Puskesmas', kind: 'khusus', purpose: 'Rekam medis elektronik puskesmas', usersPublic: true, dataClassification: 'rahasia', url: 'https://epuskesmas.contohkota.go.id', status: 'development', sub: 'epuskesmas' },
    { opd: 'DISKOMINFO', name: 'e-Office', kind: 'umum', purpose: 'Naskah dinas elektronik dan disposisi', dataClassification: 'terbatas', ssoIntegrated: true, certificate: 'BSrE (tanda tangan elektronik)', url: 'https://eoffice.contohkota.go.id', status: 'operational', answers: 'CCBAABBBCC', sub: 'eoffice' },
    { opd: 'DISKOMINFO', name: 'Portal Resmi Pemerintah Kota', kind: 'umum', purpose: 'Website portal informasi publik', usersPublic: true, dataClassification: 'biasa', certificate: "Sertifikat TLS Let's Encrypt", url: 'https://contohkota.go.id', status: 'operational', answers: 'CCBCACCACC', sub: 'www' },
    { opd: 'DISKOMINFO', name: 'Mail Sanapati', kind: 'umum', purpose: 'Surat elektronik terenkripsi antar instansi', dataClassification: 'rahasia', certificate: 'BSrE', hostedInDataCentre: false, hostingNote: 'Layanan BSSN', status: 'operational' },
    { opd: 'DISDUKCAPIL', name: 'SIAK Terpusat', kind: 'khusus', purpose: 'Administrasi kependudukan berbasis NIK', usersPublic: false, dataClassification: 'rahasia', certificate: 'Sertifikat TLS Kemendagri', hostedInDataCentre: false, hostingNote: 'Dukcapil Kemendagri', interoperability: 'Dukcapil Kemendagri', status: 'operational', answers: 'AABAAAAABB' },
    { opd: 'DPMPTSP', name: 'SiCantik Cloud', kind: 'khusus', purpose: 'Perizinan non-berusaha', usersPublic: true, dataClassification: 'terbatas', url: 'https://sicantik.contohkota.go.id', interoperability: 'OSS RBA', status: 'operational', sub: 'sicantik' },
    { opd: 'BAPPEDA', name: 'e-Musrenbang', kind: 'khusus', purpose: 'Usulan musyawarah perencanaan pembangunan', usersPublic: true, dataClassification: 'biasa', url: 'https://musrenbang.contohkota.go.id', status: 'operational', sub: 'musrenbang' },
    { opd: 'DISDIK', name: 'PPDB Online', kind: 'khusus', purpose: 'Penerimaan peserta didik baru', usersPublic: true, dataClassification: 'terbatas', status: 'planned' },
    { opd: 'INSPEKTORAT', name: 'SIPENA', kind: 'khusus', purpose: 'Pengelolaan hasil pengawasan internal', dataClassification: 'rahasia', status: 'retired' },
  ];
  const appIds = new Map<string, string>();
  for (const { opd: o, answers, sub, ...a } of apps) {
    const [row] = await db.insert(sysApplications).values({ ...a, tenantId, opdId: opd(o) }).returning();
    appIds.set(a.name, row.id);
    if (answers) {
      const list = answers.split('') as TAnswer[];
      const { score, category } = categorize(list);
      await db.insert(sysCategorizations).values({ tenantId, applicationId: row.id, answers: list, score, category, assessedOn: '2026-02-16', assessorLabel: 'Agus Prasetyo', note: 'Penilaian tahunan' });
    }
    if (sub) {
      const assigned = !['epuskesmas'].includes(sub);
      await db.insert(sysSubdomains).values({
        tenantId, opdId: opd(o), label: sub, purpose: a.name, applicationId: row.id,
        status: assigned ? 'assigned' : 'requested',
        decreeNumber: assigned ? '555/27/DISKOMINFO/2025' : null,
        decreeDate: assigned ? '2025-03-10' : null,
      });
    }
  }
  // technical documentation: complete for SIMPEG, partial for SIMRS
  const items = ['source_code', 'user_requirements', 'design', 'testing', 'installation_manual', 'user_manual', 'admin_manual', 'metadata', 'troubleshooting'];
  for (const item of items) await db.insert(sysTechDocs).values({ tenantId, applicationId: appIds.get('SIMPEG')!, item, handedOverOn: '2025-11-20', note: 'Diserahkan pada BAST' });
  for (const item of items.slice(0, 4)) await db.insert(sysTechDocs).values({ tenantId, applicationId: appIds.get('SIMRS')!, item, handedOverOn: '2026-01-15' });

  const devices: (Omit<typeof sysDevices.$inferInsert, 'tenantId' | 'opdId'> & { opd: string; ip?: string; app?: string })[] = [
    { opd: 'DISKOMINFO', kind: 'server', name: 'SRV-DC-APP-01', role: 'Server aplikasi (SIMPEG, e-Kinerja)', os: 'Ubuntu Server 22.04 LTS', location: 'data_centre', network: 'inter_opd', backupFileSystem: true, backupDatabase: true, backupMedia: 'NAS + pita LTO', backupOffsite: true, lastMaintenance: '2026-02-03', ip: '10.10.1.11', app: 'SIMPEG' },
    { opd: 'DISKOMINFO', kind: 'server', name: 'SRV-DC-DB-01', role: 'Server basis data', os: 'Rocky Linux 9', location: 'data_centre', network: 'inter_opd', backupFileSystem: true, backupDatabase: true, backupMedia: 'NAS', backupOffsite: true, lastMaintenance: '2026-02-03', ip: '10.10.1.12' },
    { opd: 'DISKOMINFO', kind: 'server', name: 'SRV-DRC-01', role: 'Replikasi pusat pemulihan data', os: 'Rocky Linux 9', location: 'recovery_centre', network: 'inter_opd', backupFileSystem: true, backupDatabase: true, backupMedia: 'Replikasi', backupOffsite: true, ip: '10.20.1.11' },
    { opd: 'DINKES', kind: 'server', name: 'SRV-RSUD-SIMRS', role: 'Server SIMRS', os: 'Windows Server 2019', location: 'opd', network: 'opd_lan', backupFileSystem: true, backupDatabase: true, backupMedia: 'Harddisk eksternal', backupOffsite: false, lastMaintenance: '2025-09-12', ip: '10.30.5.10', app: 'SIMRS', notes: 'Dijadwalkan migrasi ke pusat data 2026' },
    { opd: 'DISKOMINFO', kind: 'network', name: 'CORE-SW-01', role: 'Core switch jaringan antar-OPD', os: 'Cisco IOS-XE', location: 'data_centre', network: 'inter_opd', ip: '10.10.0.1' },
    { opd: 'DISKOMINFO', kind: 'network', name: 'FW-EDGE-01', role: 'Firewall perimeter internet', os: 'FortiOS 7.2', location: 'data_centre', network: 'internet', ip: '10.10.0.2' },
    { opd: 'DINKES', kind: 'network', name: 'SW-DINKES-LAN', role: 'Switch LAN Dinas Kesehatan', location: 'opd', network: 'opd_lan', ip: '10.30.0.1' },
  ];
  for (const { opd: o, ip, app, ...d } of devices) {
    const [row] = await db.insert(sysDevices).values({ ...d, tenantId, opdId: opd(o) }).returning();
    if (ip) await db.insert(sysIpAddresses).values({ tenantId, opdId: opd(o), address: ip, deviceId: row.id, applicationId: app ? appIds.get(app) : null, note: d.role });
    if (d.lastMaintenance) await db.insert(sysMaintenance).values({ tenantId, deviceId: row.id, performedOn: d.lastMaintenance, performedBy: o === 'DISKOMINFO' ? 'dinas' : 'opd', description: 'Pemeliharaan berkala: pembaruan patch dan uji pemulihan backup' });
  }

  const databases: [string, string, string, 'nip' | 'nik' | 'other', string | null, string | null][] = [
    ['BKPSDM', 'Basis Data Pegawai', 'f', 'nip', 'SIMPEG', 'Dra. Wulan Sari'],
    ['DISDUKCAPIL', 'Basis Data Kependudukan', 'j', 'nik', 'SIAK Terpusat', 'Bambang Supriyadi, S.Kom.'],
    ['DINKES', 'Basis Data Pasien', 'k', 'nik', 'SIMRS', null],
    ['BPKAD', 'Basis Data Keuangan Daerah', 'e', 'other', 'SIPD', 'Rudi Hartono, S.E.'],
    ['BAPPEDA', 'Basis Data Pembangunan Daerah', 'd', 'other', 'e-Musrenbang', null],
    ['DISDIK', 'Basis Data Peserta Didik', 'l', 'nik', null, null],
  ];
  for (const [o, name, groupCode, keyKind, app, custodian] of databases) {
    await db.insert(sysDatabases).values({
      tenantId, opdId: opd(o), name, groupCode, keyKind, applicationId: app ? appIds.get(app) : null, integrated: keyKind !== 'other',
      custodianName: custodian, custodianDecreeNumber: custodian ? '800/112/KPTS/2025' : null, custodianDecreeDate: custodian ? '2025-06-02' : null,
    });
  }

  const [vendor] = await db.insert(sysThirdParties).values({
    tenantId, opdId: opd('DINKES'), name: 'PT Medika Integrasi Nusantara', kind: 'vendor', service: 'Pengembangan dan pemeliharaan SIMRS', contractNumber: '027/SPK/DINKES/2026',
    contractStart: '2026-01-02', contractEnd: '2026-12-31', securityClauses: true, fullAccessSourceCode: true, monitoringNotes: 'Rapat evaluasi bulanan bersama Diskominfo; akses VPN dibatasi.',
  }).returning();
  await db.insert(sysSlaReports).values({ tenantId, thirdPartyId: vendor.id, periodStart: '2026-01-01', periodEnd: '2026-03-31', availability: 99.62, incidents: 2, note: 'Dua gangguan basis data, dipulihkan < 2 jam' });
  const [bank] = await db.insert(sysThirdParties).values({
    tenantId, opdId: opd('BPKAD'), name: 'Bank Pembangunan Daerah', kind: 'bank', service: 'Rekening kas umum daerah dan CMS', contractNumber: '900/PKS/BPKAD/2024',
    contractStart: '2024-01-01', contractEnd: '2027-12-31', securityClauses: true, fullAccessSourceCode: false,
  }).returning();
  await db.insert(sysThirdParties).values({ tenantId, opdId: opd('DISKOMINFO'), name: 'PT Jaringan Data Prima', kind: 'vendor', service: 'Akses internet dan jaringan intra pemerintah', contractNumber: '046/SPK/DISKOMINFO/2026', contractStart: '2026-01-01', contractEnd: '2026-12-31', securityClauses: true });
  await db.insert(sysInterconnections).values([
    { tenantId, opdId: opd('DINKES'), applicationId: appIds.get('SIMRS'), partyName: 'BPJS Kesehatan', dataExchanged: 'Data klaim dan kepesertaan pasien', legalBasis: 'Perpres 82/2018', viaDinas: true },
    { tenantId, opdId: opd('BPKAD'), applicationId: appIds.get('SIPD'), thirdPartyId: bank.id, partyName: 'Bank Pembangunan Daerah', dataExchanged: 'Transaksi SP2D', legalBasis: 'PKS 900/PKS/BPKAD/2024', viaDinas: true },
    { tenantId, opdId: opd('BKPSDM'), applicationId: appIds.get('SIMPEG'), partyName: 'Badan Kepegawaian Negara (SIASN)', dataExchanged: 'Data kepegawaian ASN', legalBasis: 'PermenPANRB 6/2022', viaDinas: true },
  ]);

  await db.insert(sysSecurityAssets).values([
    { tenantId, opdId: opd('DISKOMINFO'), name: 'Next-Generation Firewall FW-EDGE-01', purpose: 'protect', stage: 'use', plannedOn: '2024-02-01', procuredOn: '2024-08-15', inUseOn: '2024-09-01' },
    { tenantId, opdId: opd('DISKOMINFO'), name: 'SIEM Wazuh', purpose: 'detect', stage: 'use', plannedOn: '2025-01-10', procuredOn: '2025-03-01', inUseOn: '2025-04-01' },
    { tenantId, opdId: opd('DISKOMINFO'), name: 'Pemindai kerentanan', purpose: 'identify', stage: 'procure', plannedOn: '2026-01-05', procuredOn: '2026-03-01' },
    { tenantId, opdId: opd('DISKOMINFO'), name: 'Perangkat forensik digital', purpose: 'analyse', stage: 'plan', plannedOn: '2026-02-01' },
    { tenantId, opdId: opd('DISKOMINFO'), name: 'Server cadangan pusat pemulihan', purpose: 'recover', stage: 'use', procuredOn: '2023-05-01', inUseOn: '2023-06-01' },
  ]);
}
