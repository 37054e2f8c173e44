import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, deletedAt, id, tenantId, ts, updatedAt } from './columns.js';
import { opds, people, tenants } from './org.js';

/**
 * Risk-management reference data of one tenant (E1, PermenPANRB 5/2020): the 5×5 lookup matrix,
 * level bands, categories, impact areas and criteria. One row per tenant, created lazily
 * from the national defaults (risks.defaults.ts).
 */
export const riskSettings = pgTable('risk_settings', {
  tenantId: uuid('tenant_id').primaryKey().references(() => tenants.id),
  config: jsonb('config').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Context (Form 2.0) of a risk-owning unit (UPR = an OPD) for one period (year). */
export const riskContexts = pgTable(
  'risk_contexts',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    opdId: uuid('opd_id').notNull().references(() => opds.id),
    year: integer('year').notNull(),
    tasks: text('tasks'),
    objectives: text('objectives'),
    scope: text('scope'),
    stakeholders: text('stakeholders'),
    regulations: text('regulations'),
    ownerPersonId: uuid('owner_person_id').references(() => people.id),
    ownerPosition: text('owner_position'),
    appetiteDefault: integer('appetite_default').notNull().default(10),
    /** category code → the highest accepted score. */
    appetite: jsonb('appetite').notNull().default({}),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [uniqueIndex('risk_contexts_opd_year_uq').on(t.tenantId, t.opdId, t.year).where(sql`${t.deletedAt} is null`)],
);

/** One register row (Form 3.0): asset, threat, vulnerability, event, analysis and decision. */
export const risks = pgTable(
  'risks',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    contextId: uuid('context_id').notNull().references(() => riskContexts.id),
    opdId: uuid('opd_id').notNull().references(() => opds.id),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull().default('negative'),
    objective: text('objective'),
    assetName: text('asset_name').notNull(),
    /** The linked systems record: its register (sys_application, sys_device …; null = application), id and label at save time. */
    assetEntity: text('asset_entity'),
    applicationId: uuid('application_id'),
    applicationName: text('application_name'),
    threat: text('threat'),
    vulnerability: text('vulnerability'),
    event: text('event').notNull(),
    cause: text('cause'),
    impact: text('impact'),
    category: text('category').notNull(),
    area: text('area').notNull(),
    existingControls: text('existing_controls'),
    inherentL: integer('inherent_l').notNull(),
    inherentI: integer('inherent_i').notNull(),
    inherentScore: integer('inherent_score').notNull(),
    currentL: integer('current_l').notNull(),
    currentI: integer('current_i').notNull(),
    currentScore: integer('current_score').notNull(),
    residualL: integer('residual_l'),
    residualI: integer('residual_i'),
    residualScore: integer('residual_score'),
    needsTreatmentAuto: boolean('needs_treatment_auto').notNull(),
    needsTreatmentOverride: boolean('needs_treatment_override'),
    overrideReason: text('override_reason'),
    needsTreatment: boolean('needs_treatment').notNull(),
    approvalStatus: text('approval_status').notNull().default('belum'),
    approvalReason: text('approval_reason'),
    approvedBy: uuid('approved_by'),
    approvedByName: text('approved_by_name'),
    approvedAt: ts('approved_at'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    index('risks_tenant_year_idx').on(t.tenantId, t.year, t.opdId),
    index('risks_context_idx').on(t.contextId),
    // The register's default order (score, inherent score) read backwards, with the columns the list's page
    // choice, its totals and the heat map need, so these are index-only scans (0011_grc_perf).
    index('risks_year_score_idx')
      .on(t.tenantId, t.year, t.currentScore, t.inherentScore, t.needsTreatment, t.currentL, t.currentI, t.opdId, t.seq, t.id)
      .where(sql`${t.deletedAt} is null`),
    // Priority within the context (how many active risks score higher).
    index('risks_context_score_idx').on(t.contextId, t.currentScore).where(sql`${t.deletedAt} is null`),
    index('risks_asset_idx').on(t.tenantId, t.applicationId),
  ],
);

/** Treatment plan (Form 4.0) of a risk. */
export const riskTreatments = pgTable(
  'risk_treatments',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    riskId: uuid('risk_id').notNull().references(() => risks.id),
    option: text('option').notNull(),
    action: text('action').notNull(),
    output: text('output'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    ownerName: text('owner_name'),
    targetL: integer('target_l'),
    targetI: integer('target_i'),
    targetScore: integer('target_score'),
    status: text('status').notNull().default('planned'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    index('risk_treatments_risk_idx').on(t.riskId),
    // Open plans by end date: the heat map's overdue list (0011_grc_perf).
    index('risk_treatments_open_end_idx').on(t.tenantId, t.endDate).where(sql`${t.deletedAt} is null and ${t.status} in ('planned', 'in_progress')`),
  ],
);

/** Periodic monitoring entry (Form 5.0) of a risk. */
export const riskMonitorings = pgTable(
  'risk_monitorings',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    riskId: uuid('risk_id').notNull().references(() => risks.id),
    date: date('date').notNull(),
    realisation: text('realisation').notNull(),
    currentL: integer('current_l').notNull(),
    currentI: integer('current_i').notNull(),
    currentScore: integer('current_score').notNull(),
    notes: text('notes'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index('risk_monitorings_risk_idx').on(t.riskId)],
);
