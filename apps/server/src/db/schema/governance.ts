import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, deletedAt, id, tenantId, ts, updatedAt } from './columns.js';

type Link = { entity: string; id: string | null; label: string };

/** B1 Rencana strategis pengamanan informasi (5 years). Goals/programs/roadmap as structured JSON. */
export const govStrategicPlans = pgTable(
  'gov_strategic_plans',
  {
    id: id(),
    tenantId: tenantId(),
    title: text('title').notNull(),
    startYear: integer('start_year').notNull(),
    rpjmdReference: text('rpjmd_reference'),
    goals: jsonb('goals').$type<{ goal: string; targets: string[] }[]>().notNull().default([]),
    programs: jsonb('programs').$type<{ name: string; activities: { name: string; yearlyTargets: string[] }[] }[]>().notNull().default([]),
    roadmap: jsonb('roadmap').$type<{ year: number; milestones: string }[]>().notNull().default([]),
    bssnConsultationDate: date('bssn_consultation_date'),
    bssnConsultationNotes: text('bssn_consultation_notes'),
    bssnConsultationFileId: uuid('bssn_consultation_file_id'),
    decreeNumber: text('decree_number'),
    decreeDate: date('decree_date'),
    decreeFileId: uuid('decree_file_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index('gov_strategic_plans_tenant_idx').on(t.tenantId)],
);

export type ArchitectureEvaluation = { kind: 'midterm' | 'final' | 'adhoc'; dueDate: string | null; doneDate: string | null; notes: string | null; fileId: string | null };

/** B2 Arsitektur keamanan informasi, set by the head of region, valid 5 years. */
export const govArchitectures = pgTable(
  'gov_architectures',
  {
    id: id(),
    tenantId: tenantId(),
    title: text('title').notNull(),
    infrastructure: text('infrastructure').notNull().default(''),
    deviceNetworkDesign: text('device_network_design').notNull().default(''),
    securityApplications: text('security_applications').notNull().default(''),
    decreeNumber: text('decree_number'),
    decreeDate: date('decree_date'),
    decreeFileId: uuid('decree_file_id'),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until').notNull(),
    evaluations: jsonb('evaluations').$type<ArchitectureEvaluation[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index('gov_architectures_tenant_idx').on(t.tenantId)],
);

/** B3 governance rules (JBI-35 P8, 8 areas) and B7 control procedures (MJK-40 P16(2), 22 aspects). */
export const govControls = pgTable(
  'gov_controls',
  {
    id: id(),
    tenantId: tenantId(),
    kind: text('kind', { enum: ['rule', 'procedure'] }).notNull(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    legalRef: text('legal_ref').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    description: text('description'),
    instrumentType: text('instrument_type'),
    instrumentNumber: text('instrument_number'),
    instrumentDate: date('instrument_date'),
    instrumentFileId: uuid('instrument_file_id'),
    links: jsonb('links').$type<Link[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('gov_controls_code_uq').on(t.tenantId, t.kind, t.code)],
);

/** Status of a rule/procedure in one OPD (MJK-40 P17), with evidence files. */
export const govControlStatus = pgTable(
  'gov_control_status',
  {
    id: id(),
    tenantId: tenantId(),
    controlId: uuid('control_id').notNull(),
    opdId: uuid('opd_id').notNull(),
    status: text('status', { enum: ['not_started', 'in_progress', 'applied'] }).notNull(),
    evidenceFileIds: jsonb('evidence_file_ids').$type<string[]>().notNull().default([]),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('gov_control_status_uq').on(t.tenantId, t.controlId, t.opdId)],
);

/** B4 internal policy and B10 register of policies/regulations, with their lifecycle. */
export const govPolicies = pgTable(
  'gov_policies',
  {
    id: id(),
    tenantId: tenantId(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    number: text('number'),
    legalForm: text('legal_form'),
    scopes: jsonb('scopes').$type<string[]>().notNull().default([]),
    scopeText: text('scope_text'),
    legalBasis: jsonb('legal_basis').$type<string[]>().notNull().default([]),
    elements: jsonb('elements').$type<string[]>().notNull().default([]),
    assurances: jsonb('assurances').$type<string[]>().notNull().default([]),
    effectiveDate: date('effective_date'),
    fileId: uuid('file_id'),
    notes: text('notes'),
    status: text('status', { enum: ['draft', 'review', 'approved', 'in_force', 'superseded'] }).notNull().default('draft'),
    version: integer('version').notNull().default(1),
    supersedesId: uuid('supersedes_id'),
    supersededById: uuid('superseded_by_id'),
    approvedAt: ts('approved_at'),
    approvedBy: text('approved_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index('gov_policies_tenant_idx').on(t.tenantId, t.status)],
);

/** B6 technical team decree (one per tenant) and its members. */
export const govTeams = pgTable(
  'gov_teams',
  {
    id: id(),
    tenantId: tenantId(),
    decreeNumber: text('decree_number'),
    decreeDate: date('decree_date'),
    decreeFileId: uuid('decree_file_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('gov_teams_tenant_uq').on(t.tenantId)],
);

export const govTeamMembers = pgTable(
  'gov_team_members',
  {
    id: id(),
    tenantId: tenantId(),
    role: text('role', { enum: ['responsible', 'chair', 'member'] }).notNull(),
    personId: uuid('person_id').notNull(),
    duties: jsonb('duties').$type<string[]>().notNull().default([]),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('gov_team_members_tenant_idx').on(t.tenantId)],
);

export type SopStepRow = { activity: string; actor: number; inputs: string; minutes: number | null; output: string; notes: string };

/** B8 SOP as a structured record, in the layout of the Pemda SOPs (header block + flow table). */
export const govSops = pgTable(
  'gov_sops',
  {
    id: id(),
    tenantId: tenantId(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    unitName: text('unit_name'),
    madeDate: date('made_date'),
    revisedDate: date('revised_date'),
    revision: integer('revision').notNull().default(0),
    effectiveDate: date('effective_date'),
    approverPosition: text('approver_position'),
    approverPersonId: uuid('approver_person_id'),
    approverName: text('approver_name'),
    approverNip: text('approver_nip'),
    purpose: text('purpose'),
    scope: text('scope'),
    legalBasis: jsonb('legal_basis').$type<string[]>().notNull().default([]),
    qualifications: jsonb('qualifications').$type<string[]>().notNull().default([]),
    relatedSops: jsonb('related_sops').$type<string[]>().notNull().default([]),
    equipment: jsonb('equipment').$type<string[]>().notNull().default([]),
    warnings: jsonb('warnings').$type<string[]>().notNull().default([]),
    records: jsonb('records').$type<string[]>().notNull().default([]),
    actors: jsonb('actors').$type<string[]>().notNull().default([]),
    steps: jsonb('steps').$type<SopStepRow[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index('gov_sops_tenant_idx').on(t.tenantId)],
);

/** B9 business-continuity / disaster-recovery plan per ICT service. */
export const govBcdrPlans = pgTable(
  'gov_bcdr_plans',
  {
    id: id(),
    tenantId: tenantId(),
    serviceName: text('service_name').notNull(),
    opdId: uuid('opd_id'),
    applicationId: uuid('application_id'),
    rtoMinutes: integer('rto_minutes').notNull(),
    rpoMinutes: integer('rpo_minutes').notNull(),
    strategy: text('strategy').notNull(),
    contacts: jsonb('contacts').$type<{ name: string; role: string; phone: string }[]>().notNull().default([]),
    lastTestDate: date('last_test_date'),
    lastTestResult: text('last_test_result'),
    lastTestNotes: text('last_test_notes'),
    nextTestDate: date('next_test_date'),
    fileId: uuid('file_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index('gov_bcdr_plans_tenant_idx').on(t.tenantId)],
);
