import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, deletedAt, id, tenantId, updatedAt } from './columns.js';
import { opds, people, tenants } from './org.js';
import { sysApplications, sysDevices } from './systems.js';

/**
 * Security cycle (D13, JBI-35 P15–16) and security operations centre (D14, JBI-35 P18).
 * Every table carries tenant_id; activities on an application or device carry that record's
 * OPD (opd_id) for OPD scoping, infrastructure-area activities have none (the Dinas's).
 */

/** D13 an activity of the security cycle on one target (application, device or area) and function. */
export const secopsActivities = pgTable(
  'secops_activities',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    targetKind: text('target_kind', { enum: ['application', 'device', 'area'] }).notNull(),
    applicationId: uuid('application_id').references(() => sysApplications.id),
    deviceId: uuid('device_id').references(() => sysDevices.id),
    area: text('area', { enum: ['pusat_data', 'jaringan_intra', 'penghubung_spbe', 'data'] }),
    opdId: uuid('opd_id').references(() => opds.id),
    function: text('function', { enum: ['identifikasi', 'deteksi', 'proteksi', 'penanggulangan', 'pemulihan'] }).notNull(),
    kind: text('kind').notNull(),
    title: text('title'),
    performedOn: date('performed_on', { mode: 'string' }).notNull(),
    executor: text('executor', { enum: ['internal', 'third_party'] }).notNull(),
    executorName: text('executor_name'),
    scope: text('scope').notNull().default(''),
    result: text('result').notNull().default(''),
    reportFileId: uuid('report_file_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index('secops_activities_tenant_target_idx').on(t.tenantId, t.targetKind, t.performedOn)],
);

/** D13 a finding of an activity, with its remediation owner, due date and status. */
export const secopsFindings = pgTable(
  'secops_findings',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => secopsActivities.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    severity: text('severity', { enum: ['kritis', 'tinggi', 'sedang', 'rendah', 'info'] }).notNull(),
    ownerPersonId: uuid('owner_person_id').references(() => people.id),
    ownerText: text('owner_text'),
    dueDate: date('due_date', { mode: 'string' }),
    status: text('status', { enum: ['terbuka', 'diperbaiki', 'diverifikasi', 'diterima'] })
      .notNull()
      .default('terbuka'),
    fixedOn: date('fixed_on', { mode: 'string' }),
    verifiedOn: date('verified_on', { mode: 'string' }),
    acceptedOn: date('accepted_on', { mode: 'string' }),
    acceptedReason: text('accepted_reason'),
    statusNote: text('status_note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index('secops_findings_tenant_activity_idx').on(t.tenantId, t.activityId), index('secops_findings_tenant_status_idx').on(t.tenantId, t.status, t.dueDate)],
);

export type SocPerson = { personId: string; role: 'analyst' | 'responder' | 'coordinator' };

/** D14 the Pemda's security operations centre: one profile per tenant. */
export const secopsSocProfiles = pgTable(
  'secops_soc_profiles',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    name: text('name').notNull(),
    decreeNumber: text('decree_number'),
    decreeDate: date('decree_date', { mode: 'string' }),
    decreeFileId: uuid('decree_file_id'),
    operatingHours: text('operating_hours').notNull(),
    people: jsonb('people').$type<SocPerson[]>().notNull().default([]),
    processes: jsonb('processes').$type<{ number: string; title: string }[]>().notNull().default([]),
    tools: jsonb('tools').$type<{ name: string; purpose: string }[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('secops_soc_profiles_tenant_uq').on(t.tenantId)],
);

/** D14 monitoring coverage: which application / server is monitored by which tool. */
export const secopsCoverage = pgTable(
  'secops_coverage',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    targetKind: text('target_kind', { enum: ['application', 'device'] }).notNull(),
    applicationId: uuid('application_id').references(() => sysApplications.id),
    deviceId: uuid('device_id').references(() => sysDevices.id),
    opdId: uuid('opd_id').references(() => opds.id),
    tool: text('tool').notNull(),
    notes: text('notes'),
    createdAt: createdAt(),
  },
  (t) => [index('secops_coverage_tenant_idx').on(t.tenantId)],
);

/** D14 periodic monitoring reports of the SOC. */
export const secopsReports = pgTable(
  'secops_reports',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    eventsObserved: integer('events_observed').notNull().default(0),
    alertsEscalated: integer('alerts_escalated').notNull().default(0),
    incidentsRaised: integer('incidents_raised').notNull().default(0),
    incidentsNote: text('incidents_note'),
    notes: text('notes').notNull().default(''),
    fileId: uuid('file_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index('secops_reports_tenant_period_idx').on(t.tenantId, t.periodEnd)],
);
