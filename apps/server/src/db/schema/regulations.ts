import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, deletedAt, id, ts, updatedAt } from './columns.js';
import { tenants } from './org.js';

/**
 * Regulation library (R-REG, B10). `tenant_id` NULL = the shared, read-only library (the seeds,
 * national rules) that every Pemda may bind; otherwise a Pemda's own regulation, visible only to it.
 * A new version is a new row with the same `code` and a higher `version`; older versions stay.
 */
export const regulations = pgTable(
  'regulations',
  {
    id: id(),
    tenantId: uuid('tenant_id').references(() => tenants.id),
    code: text('code').notNull(),
    kind: text('kind').notNull(),
    issuer: text('issuer').notNull(),
    region: text('region'),
    number: text('number').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    status: text('status').notNull().default('berlaku'),
    version: integer('version').notNull().default(1),
    effectiveDate: date('effective_date', { mode: 'string' }),
    considerations: jsonb('considerations').$type<string[]>().notNull().default([]),
    legalBasis: jsonb('legal_basis').$type<string[]>().notNull().default([]),
    supersedesId: uuid('supersedes_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    uniqueIndex('regulations_shared_code_version_uq').on(t.code, t.version).where(sql`${t.tenantId} is null`),
    uniqueIndex('regulations_tenant_code_version_uq').on(t.tenantId, t.code, t.version).where(sql`${t.tenantId} is not null`),
  ],
);

/** Pasal, in order, with its BAB / Bagian heading. */
export const regulationArticles = pgTable(
  'regulation_articles',
  {
    id: id(),
    tenantId: uuid('tenant_id').references(() => tenants.id),
    regulationId: uuid('regulation_id').notNull().references(() => regulations.id),
    ord: integer('ord').notNull(),
    number: text('number').notNull(),
    chapter: text('chapter'),
    section: text('section'),
    heading: text('heading'),
  },
  (t) => [index('regulation_articles_reg_idx').on(t.regulationId, t.ord)],
);

/** Ayat / huruf / angka / paragraph text of a Pasal, in order. */
export const regulationClauses = pgTable(
  'regulation_clauses',
  {
    id: id(),
    tenantId: uuid('tenant_id').references(() => tenants.id),
    articleId: uuid('article_id').notNull().references(() => regulationArticles.id),
    ord: integer('ord').notNull(),
    ayat: text('ayat'),
    huruf: text('huruf'),
    angka: text('angka'),
    text: text('text').notNull(),
  },
  (t) => [index('regulation_clauses_article_idx').on(t.articleId, t.ord)],
);

/** What an article obliges, who bears it, how often, which requirement rows and evidence check. */
export const regulationObligations = pgTable(
  'regulation_obligations',
  {
    id: id(),
    tenantId: uuid('tenant_id').references(() => tenants.id),
    regulationId: uuid('regulation_id').notNull().references(() => regulations.id),
    articleId: uuid('article_id').references(() => regulationArticles.id),
    ord: integer('ord').notNull(),
    ref: text('ref'),
    text: text('text').notNull(),
    bearer: text('bearer').notNull(),
    frequency: text('frequency').notNull(),
    requirementIds: text('requirement_ids').array().notNull().default(sql`'{}'::text[]`),
    evidenceKey: text('evidence_key'),
  },
  (t) => [index('regulation_obligations_reg_idx').on(t.regulationId, t.ord), index('regulation_obligations_key_idx').on(t.evidenceKey)],
);

/** The regulations a Pemda is subject to. */
export const regulationBindings = pgTable(
  'regulation_bindings',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    regulationId: uuid('regulation_id').notNull().references(() => regulations.id),
    boundBy: uuid('bound_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('regulation_bindings_uq').on(t.tenantId, t.regulationId)],
);

/** A signed-off statement that an obligation is met, with evidence files and a validity window. */
export const complianceAttestations = pgTable(
  'compliance_attestations',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    obligationId: uuid('obligation_id').notNull().references(() => regulationObligations.id),
    statement: text('statement').notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    fileIds: uuid('file_ids').array().notNull().default(sql`'{}'::uuid[]`),
    attestedBy: uuid('attested_by'),
    attestedByLabel: text('attested_by_label').notNull(),
    createdAt: createdAt(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('compliance_attestations_tenant_obl_idx').on(t.tenantId, t.obligationId)],
);
