// zod contracts of the systems module (shared by the API and the web app).
import { z } from 'zod';

const text = (max = 500) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === '' || v == null ? null : v));
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .nullish()
  .or(z.literal(''))
  .transform((v) => (v ? v : null));
const reqDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ref = z
  .uuid()
  .nullish()
  .or(z.literal(''))
  .transform((v) => (v ? v : null));
const name = z.string().trim().min(2).max(200);

export const appKinds = ['umum', 'khusus'] as const;
export const appStatuses = ['planned', 'development', 'operational', 'retired'] as const;
export const dataClassifications = ['biasa', 'terbatas', 'rahasia', 'sangat_rahasia'] as const;
export const deviceKinds = ['server', 'network'] as const;
export const deviceLocations = ['data_centre', 'recovery_centre', 'opd'] as const;
export const deviceNetworks = ['inter_opd', 'internet', 'opd_lan'] as const;
export const maintenanceBy = ['dinas', 'opd', 'vendor'] as const;
export const subdomainStatuses = ['requested', 'assigned', 'rejected'] as const;
export const dbKeyKinds = ['nip', 'nik', 'other'] as const;
export const thirdPartyKinds = ['vendor', 'bank', 'asuransi', 'instansi_vertikal', 'bandara', 'notaris', 'lainnya'] as const;
export const securityPurposes = ['identify', 'detect', 'protect', 'analyse', 'respond', 'recover'] as const;
export const securityStages = ['plan', 'procure', 'use', 'dispose'] as const;
export const systemCategories = ['rendah', 'tinggi', 'strategis'] as const;

/** The 20 database groups of JBI-10 Pasal 11 ayat (3), letters a–t. */
export const databaseGroups = [
  { code: 'a', id: 'Basis data pelayanan', en: 'Services' },
  { code: 'b', id: 'Basis data administrasi dan manajemen', en: 'Administration and management' },
  { code: 'c', id: 'Basis data legislasi', en: 'Legislation' },
  { code: 'd', id: 'Basis data pembangunan daerah', en: 'Regional development' },
  { code: 'e', id: 'Basis data keuangan', en: 'Finance' },
  { code: 'f', id: 'Basis data kepegawaian', en: 'Staffing' },
  { code: 'g', id: 'Basis data pemerintahan', en: 'Government' },
  { code: 'h', id: 'Basis data kewilayahan', en: 'Territory' },
  { code: 'i', id: 'Basis data kemasyarakatan', en: 'Community' },
  { code: 'j', id: 'Basis data kependudukan', en: 'Population' },
  { code: 'k', id: 'Basis data kesehatan', en: 'Health' },
  { code: 'l', id: 'Basis data pendidikan', en: 'Education' },
  { code: 'm', id: 'Basis data ketenagakerjaan', en: 'Employment' },
  { code: 'n', id: 'Basis data pertanian', en: 'Agriculture' },
  { code: 'o', id: 'Basis data perdagangan', en: 'Trade' },
  { code: 'p', id: 'Basis data perikanan dan peternakan', en: 'Fisheries and livestock' },
  { code: 'q', id: 'Basis data transportasi', en: 'Transport' },
  { code: 'r', id: 'Basis data pariwisata dan perhotelan', en: 'Tourism and hotels' },
  { code: 's', id: 'Basis data prasarana kota', en: 'Urban infrastructure' },
  { code: 't', id: 'Basis data lainnya sesuai kebutuhan', en: 'Other, as needed' },
] as const;
export const databaseGroupCodes = databaseGroups.map((g) => g.code) as [string, ...string[]];

/** The nine items of technical documentation an OPD hands to the Dinas (JBI-10 Pasal 17). */
export const techDocItems = [
  { code: 'source_code', id: 'Kode sumber (source code)', en: 'Source code' },
  { code: 'user_requirements', id: 'Dokumen kebutuhan pengguna', en: 'User requirements' },
  { code: 'design', id: 'Rancangan aplikasi dan basis data', en: 'Application and database design' },
  { code: 'testing', id: 'Dokumen pengujian', en: 'Testing' },
  { code: 'installation_manual', id: 'Manual instalasi', en: 'Installation manual' },
  { code: 'user_manual', id: 'Manual pengguna', en: 'User manual' },
  { code: 'admin_manual', id: 'Manual administrator', en: 'Administrator manual' },
  { code: 'metadata', id: 'Metadata', en: 'Metadata' },
  { code: 'troubleshooting', id: 'Panduan penanganan masalah (troubleshooting)', en: 'Troubleshooting guide' },
] as const;
export const techDocCodes = techDocItems.map((i) => i.code) as [string, ...string[]];

/**
 * Kategorisasi sistem elektronik (Indeks KAMI Bagian I): 10 questions, A/B/C = 5/2/1;
 * 10–15 Rendah, 16–34 Tinggi, 35–50 Strategis.
 */
export const categorizationQuestions = [
  { id: 'Nilai investasi sistem elektronik yang terpasang', en: 'Investment value of the electronic system', a: ['Lebih dari Rp30 miliar', 'More than Rp30 billion'], b: ['Lebih dari Rp3 miliar s.d. Rp30 miliar', 'Rp3–30 billion'], c: ['Kurang dari Rp3 miliar', 'Less than Rp3 billion'] },
  { id: 'Total anggaran operasional tahunan untuk pengelolaan sistem elektronik', en: 'Annual operating budget of the electronic system', a: ['Lebih dari Rp10 miliar', 'More than Rp10 billion'], b: ['Lebih dari Rp1 miliar s.d. Rp10 miliar', 'Rp1–10 billion'], c: ['Kurang dari Rp1 miliar', 'Less than Rp1 billion'] },
  { id: 'Kewajiban kepatuhan terhadap peraturan atau standar tertentu', en: 'Obligations to comply with regulations or standards', a: ['Peraturan/standar nasional dan internasional', 'National and international'], b: ['Peraturan/standar nasional', 'National'], c: ['Tidak ada peraturan khusus', 'None'] },
  { id: 'Menggunakan teknik kriptografi khusus untuk keamanan informasi', en: 'Uses special cryptography for information security', a: ['Teknik kriptografi khusus yang disertifikasi negara', 'State-certified cryptography'], b: ['Teknik kriptografi sesuai standar industri', 'Industry-standard cryptography'], c: ['Tidak ada penggunaan kriptografi', 'No cryptography'] },
  { id: 'Jumlah pengguna sistem elektronik', en: 'Number of users of the electronic system', a: ['Lebih dari 5.000 pengguna', 'More than 5,000 users'], b: ['1.000 s.d. 5.000 pengguna', '1,000–5,000 users'], c: ['Kurang dari 1.000 pengguna', 'Fewer than 1,000 users'] },
  { id: 'Data pribadi yang dikelola sistem elektronik', en: 'Personal data managed by the system', a: ['Data pribadi yang terkait dengan data pribadi lainnya', 'Personal data linked to other personal data'], b: ['Data pribadi yang bersifat individu', 'Individual personal data'], c: ['Tidak ada data pribadi', 'No personal data'] },
  { id: 'Tingkat klasifikasi/kekritisan data dalam sistem elektronik', en: 'Classification of the data in the system', a: ['Sangat Rahasia', 'Top secret'], b: ['Rahasia dan/atau Terbatas', 'Secret and/or restricted'], c: ['Biasa', 'Ordinary'] },
  { id: 'Tingkat kekritisan proses yang ada dalam sistem elektronik', en: 'Criticality of the processes in the system', a: ['Berdampak langsung pada layanan publik', 'Direct impact on public services'], b: ['Berdampak tidak langsung', 'Indirect impact'], c: ['Hanya berdampak pada bisnis instansi', 'Affects only the agency’s business'] },
  { id: 'Dampak dari kegagalan sistem elektronik', en: 'Impact of a failure of the system', a: ['Tidak tersedianya layanan berskala nasional atau membahayakan pertahanan keamanan negara', 'National-scale outage or a threat to national defence and security'], b: ['Tidak tersedianya layanan publik berskala nasional/sektor lain', 'Outage of public services nationally or in other sectors'], c: ['Tidak tersedianya layanan di 1 provinsi atau internal instansi', 'Outage in one province or inside the agency'] },
  { id: 'Potensi kerugian atau dampak negatif dari insiden', en: 'Potential loss or harm from an incident', a: ['Menimbulkan korban jiwa', 'Loss of life'], b: ['Terbatas pada kerugian finansial', 'Financial loss only'], c: ['Mengakibatkan gangguan operasional sementara', 'Temporary operational disruption'] },
] as const;

export const answerPoints = { A: 5, B: 2, C: 1 } as const;
export type TAnswer = keyof typeof answerPoints;

/** Total score and category of a complete set of ten answers. */
export function categorize(answers: readonly TAnswer[]): { score: number; category: (typeof systemCategories)[number] } {
  const score = answers.reduce((s, a) => s + answerPoints[a], 0);
  const category = score >= 35 ? 'strategis' : score >= 16 ? 'tinggi' : 'rendah';
  return { score, category };
}

// ---------- inputs ----------
export const ZApplicationInput = z.object({
  opdId: z.uuid(),
  name,
  kind: z.enum(appKinds),
  purpose: text(2000),
  usersInternal: z.boolean().default(true),
  usersPublic: z.boolean().default(false),
  dataClassification: z.enum(dataClassifications).default('biasa'),
  ssoIntegrated: z.boolean().default(false),
  certificate: text(300),
  hostedInDataCentre: z.boolean().default(true),
  hostingNote: text(500),
  url: text(300),
  interoperability: text(2000),
  status: z.enum(appStatuses).default('planned'),
});
export type TApplicationInput = z.infer<typeof ZApplicationInput>;

export const ZDeviceInput = z.object({
  opdId: z.uuid(),
  kind: z.enum(deviceKinds),
  name,
  role: text(200),
  os: text(200),
  location: z.enum(deviceLocations),
  network: z.enum(deviceNetworks).nullish().transform((v) => v ?? null),
  backupFileSystem: z.boolean().default(false),
  backupDatabase: z.boolean().default(false),
  backupMedia: text(300),
  backupOffsite: z.boolean().default(false),
  lastMaintenance: day,
  notes: text(2000),
});
export type TDeviceInput = z.infer<typeof ZDeviceInput>;

export const ZMaintenanceInput = z.object({
  performedOn: reqDay,
  performedBy: z.enum(maintenanceBy),
  description: z.string().trim().min(3).max(2000),
});
export type TMaintenanceInput = z.infer<typeof ZMaintenanceInput>;

export const ZIpAddressInput = z.object({
  opdId: z.uuid(),
  address: z
    .string()
    .trim()
    .refine((v) => isIp(v), { message: 'systems.ip_invalid' }),
  deviceId: ref,
  applicationId: ref,
  note: text(500),
});
export type TIpAddressInput = z.infer<typeof ZIpAddressInput>;

export function isIp(v: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(v);
  if (m) return m.slice(1).every((p) => Number(p) <= 255 && String(Number(p)) === p);
  return /^[0-9a-f:]+$/i.test(v) && v.includes(':') && v.split('::').length <= 2 && v.length >= 2 && v.length <= 39;
}

export const ZSubdomainInput = z.object({
  opdId: z.uuid(),
  label: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, { message: 'systems.subdomain_invalid' }),
  purpose: text(1000),
  applicationId: ref,
  decreeNumber: text(200),
  decreeDate: day,
});
export type TSubdomainInput = z.infer<typeof ZSubdomainInput>;

export const ZSubdomainDecision = z.object({
  decision: z.enum(['assigned', 'rejected']),
  decreeNumber: text(200),
  decreeDate: day,
  decisionNote: text(1000),
});
export type TSubdomainDecision = z.infer<typeof ZSubdomainDecision>;

export const ZDatabaseInput = z.object({
  opdId: z.uuid(),
  name,
  groupCode: z.enum(databaseGroupCodes, { message: 'systems.db_group_invalid' }),
  keyKind: z.enum(dbKeyKinds),
  applicationId: ref,
  integrated: z.boolean().default(false),
  custodianName: text(200),
  custodianDecreeNumber: text(200),
  custodianDecreeDate: day,
});
export type TDatabaseInput = z.infer<typeof ZDatabaseInput>;

export const ZThirdPartyInput = z.object({
  opdId: z.uuid(),
  name,
  kind: z.enum(thirdPartyKinds),
  service: text(1000),
  contractNumber: text(200),
  contractStart: day,
  contractEnd: day,
  securityClauses: z.boolean().default(false),
  fullAccessSourceCode: z.boolean().default(false),
  monitoringNotes: text(4000),
});
export type TThirdPartyInput = z.infer<typeof ZThirdPartyInput>;

export const ZSlaReportInput = z
  .object({
    periodStart: reqDay,
    periodEnd: reqDay,
    availability: z.coerce.number().min(0, { message: 'systems.availability_range' }).max(100, { message: 'systems.availability_range' }).nullish().transform((v) => v ?? null),
    incidents: z.coerce.number().int().min(0).default(0),
    fileId: ref,
    note: text(2000),
  })
  .refine((v) => v.periodEnd >= v.periodStart, { message: 'systems.period_order', path: ['periodEnd'] });
export type TSlaReportInput = z.infer<typeof ZSlaReportInput>;

export const ZInterconnectionInput = z.object({
  opdId: z.uuid(),
  applicationId: ref,
  thirdPartyId: ref,
  partyName: name,
  dataExchanged: z.string().trim().min(2).max(2000),
  legalBasis: text(1000),
  viaDinas: z.boolean().default(true),
});
export type TInterconnectionInput = z.infer<typeof ZInterconnectionInput>;

export const ZSecurityAssetInput = z.object({
  opdId: z.uuid(),
  name,
  purpose: z.enum(securityPurposes),
  stage: z.enum(securityStages).default('plan'),
  plannedOn: day,
  procuredOn: day,
  inUseOn: day,
  disposedOn: day,
  notes: text(2000),
});
export type TSecurityAssetInput = z.infer<typeof ZSecurityAssetInput>;

export const ZTechDocInput = z.object({
  item: z.enum(techDocCodes, { message: 'systems.tech_doc_item_invalid' }),
  fileId: ref,
  handedOverOn: day,
  note: text(1000),
});
export type TTechDocInput = z.infer<typeof ZTechDocInput>;

export const ZCategorizationInput = z.object({
  answers: z.array(z.enum(['A', 'B', 'C'])).length(10, { message: 'systems.answers_required' }),
  assessedOn: reqDay.optional(),
  note: text(2000),
});
export type TCategorizationInput = z.infer<typeof ZCategorizationInput>;

// ---------- outputs ----------
export const ZCategorization = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  answers: z.array(z.enum(['A', 'B', 'C'])),
  score: z.number().int(),
  category: z.enum(systemCategories),
  assessedOn: z.string(),
  assessorLabel: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type TCategorization = z.infer<typeof ZCategorization>;

export const ZTechDoc = z.object({
  item: z.string(),
  fileId: z.string().nullable(),
  fileName: z.string().nullable(),
  handedOverOn: z.string().nullable(),
  note: z.string().nullable(),
  complete: z.boolean(),
});
export const ZTechDocs = z.object({ applicationId: z.uuid(), items: z.array(ZTechDoc), completeness: z.number() });
export type TTechDocs = z.infer<typeof ZTechDocs>;

/** Any register row: the input fields plus id, OPD name, timestamps and computed fields. */
export type TRegisterRow = Record<string, unknown> & { id: string; opdId: string; opdName: string; createdAt: string; updatedAt: string; deletedAt: string | null };

// ---------- dashboard summary (D12, C1) ----------
export const ZSystemsSummaryQuery = z.object({ opdId: z.uuid().optional() });
/** Active (not deleted, not retired) applications counted by latest category, by status and by hosting. */
export const ZSystemsSummary = z.object({
  total: z.number().int(),
  byCategory: z.object({ strategis: z.number().int(), tinggi: z.number().int(), rendah: z.number().int(), uncategorized: z.number().int() }),
  byStatus: z.object({ planned: z.number().int(), development: z.number().int(), operational: z.number().int() }),
  outsideDataCentre: z.number().int(),
});
export type TSystemsSummary = z.infer<typeof ZSystemsSummary>;
