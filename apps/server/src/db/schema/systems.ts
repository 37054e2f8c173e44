import { sql } from 'drizzle-orm';
import { boolean, date, index, inet, integer, jsonb, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, deletedAt, id, tenantId, updatedAt } from './columns.js';
import { opds, tenants } from './org.js';

/**
 * Electronic systems and infrastructure registers (D1–D15, C1). Every table carries tenant_id;
 * records that belong to an OPD carry opd_id (the owner), which drives OPD scoping.
 */

/** Applications (D4, D12): general (by the Dinas) or special (by an OPD). */
export const sysApplications = pgTable(
  'sys_applications',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    opdId: uuid('opd_id').notNull().references(() => opds.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['umum', 'khusus'] }).notNull(),
    purpose: text('purpose'),
    usersInternal: boolean('users_internal').notNull().default(true),
    usersPublic: boolean('users_public').notNull().default(false),
    dataClassification: text('data_classification', { enum: ['biasa', 'terbatas', 'rahasia', 'sangat_rahasia'] }).notNull().default('biasa'),
    ssoIntegrated: boolean('sso_integrated').notNull().default(false),
    certificate: text('certificate'),
    hostedInDataCentre: boolean('hosted_in_data_centre').notNull().default(true),
    hostingNote: text('hosting_note'),
    url: text('url'),
    interoperability: text('interoperability'),
    status: text('status', { enum: ['planned', 'development', 'operational', 'retired'] }).notNull().default('planned'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    index('sys_applications_tenant_opd_idx').on(t.tenantId, t.opdId),
    // The register's default order (by name) without a sort over all applications (0011_grc_perf).
    index('sys_applications_tenant_name_idx').on(t.tenantId, t.name, t.id).where(sql`${t.deletedAt} is null`),
  ],
);

/** Servers and network devices (D1, D3, D10, D11). */
export const sysDevices = pgTable(
  'sys_devices',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    opdId: uuid('opd_id').notNull().references(() => opds.id),
    kind: text('kind', { enum: ['server', 'network'] }).notNull(),
    name: text('name').notNull(),
    role: text('role'),
    os: text('os'),
    location: text('location', { enum: ['data_centre', 'recovery_centre', 'opd'] }).notNull(),
    network: text('network', { enum: ['inter_opd', 'internet', 'opd_lan'] }),
    backupFileSystem: boolean('backup_file_system').notNull().default(false),
    backupDatabase: boolean('backup_database').notNull().default(false),
    backupMedia: text('backup_media'),
    backupOffsite: boolean('backup_offsite').notNull().default(false),
    lastMaintenance: date('last_maintenance', { mode: 'string' }),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index('sys_devices_tenant_opd_idx').on(t.tenantId, t.opdId)],
);

/** Maintenance log of a device (D11). */
export const sysMaintenance = pgTable(
  'sys_maintenance',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    deviceId: uuid('device_id').notNull().references(() => sysDevices.id),
    performedOn: date('performed_on', { mode: 'string' }).notNull(),
    performedBy: text('performed_by', { enum: ['dinas', 'opd', 'vendor'] }).notNull(),
    description: text('description').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sys_maintenance_device_idx').on(t.tenantId, t.deviceId)],
);

/** IP addresses assigned and numbered by the Dinas (D2); one active row per address. */
export const sysIpAddresses = pgTable(
  'sys_ip_addresses',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    opdId: uuid('opd_id').notNull().references(() => opds.id),
    address: inet('address').notNull(),
    deviceId: uuid('device_id').references(() => sysDevices.id),
    applicationId: uuid('application_id').references(() => sysApplications.id),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [uniqueIndex('sys_ip_addresses_unique').on(t.tenantId, t.address).where(sql`deleted_at is null`)],
);

/** Subdomains of the official domain (D5): requested by OPDs, assigned by decree by the Dinas. */
export const sysSubdomains = pgTable(
  'sys_subdomains',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    opdId: uuid('opd_id').notNull().references(() => opds.id),
    label: text('label').notNull(),
    purpose: text('purpose'),
    applicationId: uuid('application_id').references(() => sysApplications.id),
    status: text('status', { enum: ['requested', 'assigned', 'rejected'] }).notNull().default('requested'),
    decreeNumber: text('decree_number'),
    decreeDate: date('decree_date', { mode: 'string' }),
    decisionNote: text('decision_note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [uniqueIndex('sys_subdomains_unique').on(t.tenantId, t.label).where(sql`deleted_at is null and status <> 'rejected'`)],
);

/** Databases per OPD in the 20 groups of JBI-10 P11(3) (D6) with their wali data (D7). */
export const sysDatabases = pgTable(
  'sys_databases',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    opdId: uuid('opd_id').notNull().references(() => opds.id),
    name: text('name').notNull(),
    groupCode: text('group_code').notNull(),
    keyKind: text('key_kind', { enum: ['nip', 'nik', 'other'] }).notNull(),
    applicationId: uuid('application_id').references(() => sysApplications.id),
    integrated: boolean('integrated').notNull().default(false),
    custodianName: text('custodian_name'),
    custodianDecreeNumber: text('custodian_decree_number'),
    custodianDecreeDate: date('custodian_decree_date', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index('sys_databases_tenant_opd_idx').on(t.tenantId, t.opdId)],
);

/** Third parties (D8, D15). */
export const sysThirdParties = pgTable(
  'sys_third_parties',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    opdId: uuid('opd_id').notNull().references(() => opds.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['vendor', 'bank', 'asuransi', 'instansi_vertikal', 'bandara', 'notaris', 'lainnya'] }).notNull(),
    service: text('service'),
    contractNumber: text('contract_number'),
    contractStart: date('contract_start', { mode: 'string' }),
    contractEnd: date('contract_end', { mode: 'string' }),
    securityClauses: boolean('security_clauses').notNull().default(false),
    fullAccessSourceCode: boolean('full_access_source_code').notNull().default(false),
    monitoringNotes: text('monitoring_notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index('sys_third_parties_tenant_opd_idx').on(t.tenantId, t.opdId)],
);

/** Periodic SLA reports of a third party (D15). */
export const sysSlaReports = pgTable(
  'sys_sla_reports',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    thirdPartyId: uuid('third_party_id').notNull().references(() => sysThirdParties.id),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    availability: numeric('availability', { precision: 6, scale: 3, mode: 'number' }),
    incidents: integer('incidents').notNull().default(0),
    fileId: uuid('file_id'),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [index('sys_sla_reports_party_idx').on(t.tenantId, t.thirdPartyId)],
);

/** Data interconnections with vertical agencies and third parties (D8). */
export const sysInterconnections = pgTable(
  'sys_interconnections',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    opdId: uuid('opd_id').notNull().references(() => opds.id),
    applicationId: uuid('application_id').references(() => sysApplications.id),
    thirdPartyId: uuid('third_party_id').references(() => sysThirdParties.id),
    partyName: text('party_name').notNull(),
    dataExchanged: text('data_exchanged').notNull(),
    legalBasis: text('legal_basis'),
    viaDinas: boolean('via_dinas').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index('sys_interconnections_tenant_opd_idx').on(t.tenantId, t.opdId)],
);

/** Security ICT assets (C1): lifecycle and purpose. */
export const sysSecurityAssets = pgTable(
  'sys_security_assets',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    opdId: uuid('opd_id').notNull().references(() => opds.id),
    name: text('name').notNull(),
    purpose: text('purpose', { enum: ['identify', 'detect', 'protect', 'analyse', 'respond', 'recover'] }).notNull(),
    stage: text('stage', { enum: ['plan', 'procure', 'use', 'dispose'] }).notNull().default('plan'),
    plannedOn: date('planned_on', { mode: 'string' }),
    procuredOn: date('procured_on', { mode: 'string' }),
    inUseOn: date('in_use_on', { mode: 'string' }),
    disposedOn: date('disposed_on', { mode: 'string' }),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index('sys_security_assets_tenant_opd_idx').on(t.tenantId, t.opdId)],
);

/** Technical documentation handed over for an application (D9): one row per item. */
export const sysTechDocs = pgTable(
  'sys_tech_docs',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    applicationId: uuid('application_id').notNull().references(() => sysApplications.id),
    item: text('item').notNull(),
    fileId: uuid('file_id'),
    handedOverOn: date('handed_over_on', { mode: 'string' }),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('sys_tech_docs_unique').on(t.tenantId, t.applicationId, t.item)],
);

/** Categorization assessments of an application (10 questions, A/B/C = 5/2/1), kept as history. */
export const sysCategorizations = pgTable(
  'sys_categorizations',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    applicationId: uuid('application_id').notNull().references(() => sysApplications.id),
    answers: jsonb('answers').$type<('A' | 'B' | 'C')[]>().notNull(),
    score: integer('score').notNull(),
    category: text('category', { enum: ['rendah', 'tinggi', 'strategis'] }).notNull(),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    assessedBy: uuid('assessed_by'),
    assessorLabel: text('assessor_label').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('sys_categorizations_app_idx').on(t.tenantId, t.applicationId, t.assessedOn),
    // Latest categorization of one application (read backwards: assessed_on desc, created_at desc) (0011_grc_perf).
    index('sys_categorizations_app_latest_idx').on(t.applicationId, t.assessedOn, t.createdAt),
  ],
);
