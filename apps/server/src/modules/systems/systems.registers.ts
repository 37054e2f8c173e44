import { sql } from 'drizzle-orm';
import {
  ZApplicationInput,
  ZDatabaseInput,
  ZDeviceInput,
  ZInterconnectionInput,
  ZIpAddressInput,
  ZSecurityAssetInput,
  ZSubdomainInput,
  ZThirdPartyInput,
  databaseGroups,
  techDocItems,
} from '@persada/shared';
import {
  sysApplications as app,
  sysCategorizations,
  sysDatabases as dbs,
  sysDevices as dev,
  sysInterconnections as ic,
  sysIpAddresses as ip,
  sysSecurityAssets as sa,
  sysSlaReports,
  sysSubdomains as sd,
  sysTechDocs,
  sysThirdParties as tp,
  tenants,
} from '../../db/schema/index.js';
import { can } from '../../platform/context/actor.js';
import { AppError } from '../../platform/http/errors.js';
import type { RegisterDef, RegisterTable } from './register.js';

const T = (t: unknown) => t as RegisterTable;

export const labels = {
  appKind: { umum: 'Aplikasi Umum', khusus: 'Aplikasi Khusus' },
  appStatus: { planned: 'Direncanakan', development: 'Pengembangan', operational: 'Operasional', retired: 'Dihentikan' },
  classification: { biasa: 'Biasa', terbatas: 'Terbatas', rahasia: 'Rahasia', sangat_rahasia: 'Sangat Rahasia' },
  category: { rendah: 'Rendah', tinggi: 'Tinggi', strategis: 'Strategis' },
  deviceKind: { server: 'Server', network: 'Perangkat Jaringan' },
  location: { data_centre: 'Pusat Data', recovery_centre: 'Pusat Pemulihan Data', opd: 'Di OPD' },
  network: { inter_opd: 'Jaringan antar-OPD', internet: 'Internet', opd_lan: 'LAN OPD' },
  subdomainStatus: { requested: 'Diajukan', assigned: 'Ditetapkan', rejected: 'Ditolak' },
  keyKind: { nip: 'NIP', nik: 'NIK', other: 'Lainnya' },
  dbGroup: Object.fromEntries(databaseGroups.map((g) => [g.code, `${g.code}. ${g.id}`])),
  partyKind: { vendor: 'Penyedia/Vendor', bank: 'Bank', asuransi: 'Asuransi', instansi_vertikal: 'Instansi Vertikal', bandara: 'Bandara', notaris: 'Notaris', lainnya: 'Lainnya' },
  purpose: { identify: 'Identifikasi', detect: 'Deteksi', protect: 'Proteksi', analyse: 'Analisis', respond: 'Penanggulangan', recover: 'Pemulihan' },
  stage: { plan: 'Perencanaan', procure: 'Pengadaan', use: 'Pemanfaatan', dispose: 'Penghapusan' },
} as const;

const TECH_DOC_COUNT = techDocItems.length;

/** Latest categorization and technical-documentation completeness of an application. */
export const appExtra = () => ({
  category: sql<string | null>`(select c.category from ${sysCategorizations} c where c.application_id = "sys_applications"."id" order by c.assessed_on desc, c.created_at desc limit 1)`,
  score: sql<number | null>`(select c.score from ${sysCategorizations} c where c.application_id = "sys_applications"."id" order by c.assessed_on desc, c.created_at desc limit 1)`,
  categorizedOn: sql<string | null>`(select c.assessed_on::text from ${sysCategorizations} c where c.application_id = "sys_applications"."id" order by c.assessed_on desc, c.created_at desc limit 1)`,
  techDocsComplete: sql<number>`(select (count(*) * 100 / ${TECH_DOC_COUNT})::int from ${sysTechDocs} d where d.tenant_id = "sys_applications"."tenant_id" and d.application_id = "sys_applications"."id" and d.file_id is not null and d.handed_over_on is not null)`,
});

export const applicationsDef: RegisterDef = {
  path: 'applications',
  entity: 'sys_application',
  table: T(app),
  input: ZApplicationInput,
  managePerm: 'systems.manage',
  search: [app.name, app.purpose, app.url],
  sorts: { name: app.name, kind: app.kind, status: app.status },
  defaultSort: 'name',
  filters: { kind: app.kind, status: app.status, hostedInDataCentre: app.hostedInDataCentre as any },
  extra: appExtra,
  exportTitle: 'Daftar Aplikasi',
  exportColumns: [
    { key: 'name', header: 'Nama Aplikasi', width: 30 },
    { key: 'kind', header: 'Jenis', width: 16, labels: labels.appKind },
    { key: 'opdName', header: 'OPD Pemilik', width: 36 },
    { key: 'purpose', header: 'Fungsi', width: 40 },
    { key: 'usersPublic', header: 'Pengguna Publik', width: 10 },
    { key: 'dataClassification', header: 'Klasifikasi Data', width: 14, labels: labels.classification },
    { key: 'category', header: 'Kategori SE', width: 12, labels: labels.category },
    { key: 'score', header: 'Skor', type: 'number' },
    { key: 'ssoIntegrated', header: 'Terintegrasi SSO', width: 10 },
    { key: 'certificate', header: 'Sertifikat Elektronik', width: 24 },
    { key: 'hostedInDataCentre', header: 'Di Pusat Data', width: 10 },
    { key: 'url', header: 'URL', width: 30 },
    { key: 'status', header: 'Status', width: 14, labels: labels.appStatus },
    { key: 'techDocsComplete', header: 'Kelengkapan Dok. Teknis (%)', type: 'number' },
  ],
};

export const devicesDef: RegisterDef = {
  path: 'devices',
  entity: 'sys_device',
  table: T(dev),
  input: ZDeviceInput,
  managePerm: 'systems.manage',
  search: [dev.name, dev.role, dev.os],
  sorts: { name: dev.name, kind: dev.kind, location: dev.location, lastMaintenance: dev.lastMaintenance },
  defaultSort: 'name',
  filters: { kind: dev.kind, location: dev.location },
  extra: () => ({
    ipAddresses: sql<string | null>`(select string_agg(host(i.address), ', ' order by i.address) from ${ip} i where i.device_id = "sys_devices"."id" and i.deleted_at is null)`,
  }),
  exportTitle: 'Daftar Server dan Perangkat Jaringan',
  exportColumns: [
    { key: 'name', header: 'Nama', width: 26 },
    { key: 'kind', header: 'Jenis', width: 18, labels: labels.deviceKind },
    { key: 'role', header: 'Peran', width: 24 },
    { key: 'os', header: 'Sistem Operasi', width: 22 },
    { key: 'opdName', header: 'OPD Pemilik', width: 36 },
    { key: 'location', header: 'Lokasi', width: 20, labels: labels.location },
    { key: 'network', header: 'Jaringan', width: 18, labels: labels.network },
    { key: 'ipAddresses', header: 'Alamat IP', width: 20 },
    { key: 'backupFileSystem', header: 'Backup Sistem Berkas', width: 10 },
    { key: 'backupDatabase', header: 'Backup Basis Data', width: 10 },
    { key: 'backupMedia', header: 'Media Backup', width: 20 },
    { key: 'backupOffsite', header: 'Backup di Luar Pusat Data', width: 10 },
    { key: 'lastMaintenance', header: 'Pemeliharaan Terakhir', type: 'date' },
  ],
};

export const ipAddressesDef: RegisterDef = {
  path: 'ip-addresses',
  entity: 'sys_ip_address',
  table: T(ip),
  input: ZIpAddressInput,
  managePerm: 'systems.infra',
  search: [ip.address as any, ip.note],
  sorts: { address: ip.address },
  defaultSort: 'address',
  refs: [
    { field: 'deviceId', table: T(dev) },
    { field: 'applicationId', table: T(app) },
  ],
  unique: { sys_ip_addresses_unique: { key: 'systems.ip_taken', field: 'address' } },
  extra: () => ({
    address: sql<string>`host("sys_ip_addresses"."address")`,
    deviceName: sql<string | null>`(select d.name from ${dev} d where d.id = "sys_ip_addresses"."device_id")`,
    applicationName: sql<string | null>`(select a.name from ${app} a where a.id = "sys_ip_addresses"."application_id")`,
  }),
  exportTitle: 'Daftar Alamat IP',
  exportColumns: [
    { key: 'address', header: 'Alamat IP', width: 18 },
    { key: 'opdName', header: 'OPD', width: 36 },
    { key: 'deviceName', header: 'Perangkat', width: 24 },
    { key: 'applicationName', header: 'Aplikasi', width: 24 },
    { key: 'note', header: 'Keterangan', width: 30 },
  ],
};

export const subdomainsDef: RegisterDef = {
  path: 'subdomains',
  entity: 'sys_subdomain',
  table: T(sd),
  input: ZSubdomainInput,
  managePerm: 'systems.manage',
  search: [sd.label, sd.purpose, sd.decreeNumber],
  sorts: { label: sd.label, status: sd.status, decreeDate: sd.decreeDate },
  defaultSort: 'label',
  filters: { status: sd.status },
  refs: [{ field: 'applicationId', table: T(app) }],
  unique: { sys_subdomains_unique: { key: 'systems.subdomain_taken', field: 'label' } },
  // An OPD files a request; only the Dinas assigns (directly, with a decree) — see decide().
  // Once decided, only the Dinas may change the subdomain.
  prepare: (actor, input, current) => {
    const { decreeNumber, decreeDate, ...rest } = input as Record<string, unknown>;
    const dinas = can(actor, 'systems.infra', input.opdId as string);
    if (current && current.status !== 'requested' && !dinas) throw new AppError(409, 'systems.subdomain_decided');
    if (dinas) {
      const assigned = Boolean(decreeNumber && decreeDate);
      return { ...rest, decreeNumber, decreeDate, status: assigned ? 'assigned' : (current?.status ?? 'requested') };
    }
    return current ? rest : { ...rest, status: 'requested' };
  },
  extra: () => ({
    fqdn: sql<string>`"sys_subdomains"."label" || '.' || (select t.domain from ${tenants} t where t.id = "sys_subdomains"."tenant_id")`,
    applicationName: sql<string | null>`(select a.name from ${app} a where a.id = "sys_subdomains"."application_id")`,
  }),
  exportTitle: 'Daftar Subdomain',
  exportColumns: [
    { key: 'fqdn', header: 'Subdomain', width: 30 },
    { key: 'opdName', header: 'OPD', width: 36 },
    { key: 'purpose', header: 'Peruntukan', width: 30 },
    { key: 'applicationName', header: 'Aplikasi', width: 24 },
    { key: 'status', header: 'Status', width: 12, labels: labels.subdomainStatus },
    { key: 'decreeNumber', header: 'Nomor Keputusan', width: 26 },
    { key: 'decreeDate', header: 'Tanggal Keputusan', type: 'date' },
  ],
};

export const databasesDef: RegisterDef = {
  path: 'databases',
  entity: 'sys_database',
  table: T(dbs),
  input: ZDatabaseInput,
  managePerm: 'systems.manage',
  search: [dbs.name, dbs.custodianName],
  sorts: { name: dbs.name, groupCode: dbs.groupCode },
  defaultSort: 'groupCode',
  filters: { groupCode: dbs.groupCode, keyKind: dbs.keyKind },
  refs: [{ field: 'applicationId', table: T(app) }],
  extra: () => ({ applicationName: sql<string | null>`(select a.name from ${app} a where a.id = "sys_databases"."application_id")` }),
  exportTitle: 'Daftar Basis Data',
  exportColumns: [
    { key: 'name', header: 'Nama Basis Data', width: 30 },
    { key: 'groupCode', header: 'Kelompok (Pasal 11 ayat 3)', width: 34, labels: labels.dbGroup },
    { key: 'opdName', header: 'OPD', width: 36 },
    { key: 'keyKind', header: 'Kunci', width: 8, labels: labels.keyKind },
    { key: 'applicationName', header: 'Aplikasi', width: 24 },
    { key: 'integrated', header: 'Terintegrasi', width: 10 },
    { key: 'custodianName', header: 'Wali Data', width: 28 },
    { key: 'custodianDecreeNumber', header: 'SK Wali Data', width: 26 },
    { key: 'custodianDecreeDate', header: 'Tanggal SK', type: 'date' },
  ],
};

export const thirdPartiesDef: RegisterDef = {
  path: 'third-parties',
  entity: 'sys_third_party',
  table: T(tp),
  input: ZThirdPartyInput,
  managePerm: 'systems.manage',
  search: [tp.name, tp.service, tp.contractNumber],
  sorts: { name: tp.name, kind: tp.kind, contractEnd: tp.contractEnd },
  defaultSort: 'name',
  filters: { kind: tp.kind },
  extra: () => ({
    slaReports: sql<number>`(select count(*)::int from ${sysSlaReports} s where s.third_party_id = "sys_third_parties"."id")`,
    lastSlaPeriodEnd: sql<string | null>`(select max(s.period_end)::text from ${sysSlaReports} s where s.third_party_id = "sys_third_parties"."id")`,
  }),
  exportTitle: 'Daftar Pihak Ketiga',
  exportColumns: [
    { key: 'name', header: 'Nama Pihak Ketiga', width: 30 },
    { key: 'kind', header: 'Jenis', width: 18, labels: labels.partyKind },
    { key: 'opdName', header: 'OPD', width: 36 },
    { key: 'service', header: 'Layanan/Pekerjaan', width: 30 },
    { key: 'contractNumber', header: 'Nomor Kontrak', width: 24 },
    { key: 'contractStart', header: 'Mulai', type: 'date' },
    { key: 'contractEnd', header: 'Berakhir', type: 'date' },
    { key: 'securityClauses', header: 'Klausul Keamanan', width: 10 },
    { key: 'fullAccessSourceCode', header: 'Akses Penuh termasuk Kode Sumber', width: 12 },
    { key: 'slaReports', header: 'Laporan SLA', type: 'number' },
    { key: 'monitoringNotes', header: 'Catatan Pengawasan', width: 40 },
  ],
};

export const interconnectionsDef: RegisterDef = {
  path: 'interconnections',
  entity: 'sys_interconnection',
  table: T(ic),
  input: ZInterconnectionInput,
  managePerm: 'systems.infra',
  search: [ic.partyName, ic.dataExchanged, ic.legalBasis],
  sorts: { partyName: ic.partyName },
  defaultSort: 'partyName',
  refs: [
    { field: 'applicationId', table: T(app) },
    { field: 'thirdPartyId', table: T(tp) },
  ],
  extra: () => ({ applicationName: sql<string | null>`(select a.name from ${app} a where a.id = "sys_interconnections"."application_id")` }),
  exportTitle: 'Daftar Interkoneksi Data',
  exportColumns: [
    { key: 'applicationName', header: 'Aplikasi', width: 26 },
    { key: 'opdName', header: 'OPD', width: 36 },
    { key: 'partyName', header: 'Pihak Tujuan', width: 30 },
    { key: 'dataExchanged', header: 'Data yang Dipertukarkan', width: 40 },
    { key: 'legalBasis', header: 'Dasar Hukum', width: 30 },
    { key: 'viaDinas', header: 'Melalui Dinas', width: 10 },
  ],
};

export const securityAssetsDef: RegisterDef = {
  path: 'security-assets',
  entity: 'sys_security_asset',
  table: T(sa),
  input: ZSecurityAssetInput,
  managePerm: 'systems.manage',
  search: [sa.name, sa.notes],
  sorts: { name: sa.name, purpose: sa.purpose, stage: sa.stage },
  defaultSort: 'name',
  filters: { purpose: sa.purpose, stage: sa.stage },
  exportTitle: 'Daftar Aset TIK Keamanan',
  exportColumns: [
    { key: 'name', header: 'Nama Aset', width: 30 },
    { key: 'opdName', header: 'OPD', width: 36 },
    { key: 'purpose', header: 'Fungsi', width: 16, labels: labels.purpose },
    { key: 'stage', header: 'Tahap', width: 14, labels: labels.stage },
    { key: 'plannedOn', header: 'Direncanakan', type: 'date' },
    { key: 'procuredOn', header: 'Diadakan', type: 'date' },
    { key: 'inUseOn', header: 'Dimanfaatkan', type: 'date' },
    { key: 'disposedOn', header: 'Dihapuskan', type: 'date' },
    { key: 'notes', header: 'Keterangan', width: 30 },
  ],
};

export const registerDefs = [applicationsDef, devicesDef, ipAddressesDef, subdomainsDef, databasesDef, thirdPartiesDef, interconnectionsDef, securityAssetsDef];
