// zod contracts of the regulations module (R-REG, B10): the regulation library, bindings,
// attestations and the compliance view. Shared by the API and the web app.
import { z } from 'zod';

export const regulationKinds = ['uu', 'pp', 'perpres', 'permen', 'peraturan_bssn', 'perda', 'pergub', 'perbup', 'perwal', 'keputusan', 'surat_edaran', 'lainnya'] as const;
export const regulationStatuses = ['draft', 'berlaku', 'diganti', 'dicabut'] as const;
/** Who bears an obligation (the seeds' actors). */
export const obligationBearers = [
  'head_of_region',
  'sekda',
  'dinas',
  'every_opd',
  'technical_team',
  'technical_team_chair',
  'persandian_section',
  'certificate_holder',
  'ra_operator',
  'every_asn',
  'pemda',
  'third_party',
] as const;
export const obligationFrequencies = ['once', 'continuous', 'on_event', 'monthly', 'quarterly', 'semester', 'yearly', 'every_5_years'] as const;
export const complianceStatuses = ['met', 'due_soon', 'partly', 'missing'] as const;
export type TComplianceStatus = (typeof complianceStatuses)[number];

/** Requirement IDs of the catalog (A1 … R-REG). */
const ZRequirementId = z.string().trim().regex(/^([A-Z]\d{1,2}|R-REG)$/, 'regulations.requirement_id_invalid');
const shortText = (max: number) => z.string().trim().min(1, 'regulations.required').max(max);
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v == null || v === '' ? null : v));
const isoDay = z
  .union([z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'regulations.date_invalid'), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));
const numberText = z.union([z.string(), z.number()]).transform((v) => String(v).trim());

export const ZRegClauseDoc = z
  .object({
    ayat: numberText.nullish(),
    huruf: z.string().trim().max(3).nullish(),
    angka: numberText.nullish(),
    text: shortText(8000),
  })
  .strict();

export const ZRegArticleDoc = z
  .object({
    number: numberText.pipe(z.string().min(1, 'regulations.required').max(10)),
    chapter: optText(300),
    section: optText(300),
    heading: optText(300),
    clauses: z.array(ZRegClauseDoc).min(1, 'regulations.article_empty'),
  })
  .strict();

export const ZRegObligationDoc = z
  .object({
    /** Pasal number; empty for an obligation of the whole document (e.g. a reporting duty). */
    article: numberText.nullish(),
    ref: optText(200),
    text: shortText(2000),
    bearer: z.enum(obligationBearers, 'regulations.bearer_invalid'),
    frequency: z.enum(obligationFrequencies, 'regulations.frequency_invalid'),
    requirements: z.array(ZRequirementId).default([]),
    /** Evidence-check key (platform/compliance/evidence.ts); checked by the importer. */
    evidence: optText(100),
  })
  .strict();

/** One regulation as a YAML/JSON document: what the importer reads and the seeds are written in. */
export const ZRegulationDoc = z
  .object({
    code: z.string().trim().min(2, 'regulations.required').max(40).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'regulations.code_invalid'),
    kind: z.enum(regulationKinds, 'regulations.kind_invalid'),
    issuer: shortText(200),
    region: optText(200),
    number: numberText.pipe(z.string().min(1, 'regulations.required').max(40)),
    year: z.coerce.number().int().min(1945, 'regulations.year_invalid').max(2100, 'regulations.year_invalid'),
    title: shortText(500),
    status: z.enum(regulationStatuses, 'regulations.status_invalid').default('berlaku'),
    version: z.coerce.number().int().min(1).default(1),
    effectiveDate: isoDay.nullish(),
    considerations: z.array(z.string()).default([]),
    legalBasis: z.array(z.string()).default([]),
    articles: z.array(ZRegArticleDoc).min(1, 'regulations.no_articles'),
    obligations: z.array(ZRegObligationDoc).default([]),
  })
  .strict();
export type TRegulationDoc = z.infer<typeof ZRegulationDoc>;
export type TRegulationDocInput = z.input<typeof ZRegulationDoc>;

// ---- API shapes ----
export const ZRegulationSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  kind: z.string(),
  issuer: z.string(),
  region: z.string().nullable(),
  number: z.string(),
  year: z.number(),
  title: z.string(),
  status: z.string(),
  version: z.number(),
  effectiveDate: z.string().nullable(),
  /** true = the shared national/seed library (read-only); false = this Pemda's own. */
  shared: z.boolean(),
  bound: z.boolean(),
  articleCount: z.number(),
  obligationCount: z.number(),
  updatedAt: z.string(),
});
export type TRegulationSummary = z.infer<typeof ZRegulationSummary>;

export const ZRegulationQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  sort: z.string().max(64).optional(),
  dir: z.enum(['asc', 'desc']).default('asc'),
  q: z.string().max(200).optional(),
  kind: z.enum(regulationKinds).optional(),
  status: z.enum(regulationStatuses).optional(),
  bound: z.enum(['true', 'false']).optional(),
  /** Show superseded versions too. */
  allVersions: z.enum(['true', 'false']).optional(),
});

export const ZRegClause = z.object({ id: z.uuid(), ayat: z.string().nullable(), huruf: z.string().nullable(), angka: z.string().nullable(), text: z.string() });
export const ZRegObligation = z.object({
  id: z.uuid(),
  articleId: z.uuid().nullable(),
  article: z.string().nullable(),
  ref: z.string().nullable(),
  text: z.string(),
  bearer: z.string(),
  frequency: z.string(),
  requirements: z.array(z.string()),
  evidenceKey: z.string().nullable(),
});
export type TRegObligation = z.infer<typeof ZRegObligation>;
export const ZRegArticle = z.object({
  id: z.uuid(),
  number: z.string(),
  chapter: z.string().nullable(),
  section: z.string().nullable(),
  heading: z.string().nullable(),
  clauses: z.array(ZRegClause),
  obligations: z.array(ZRegObligation),
});
export type TRegArticle = z.infer<typeof ZRegArticle>;
export const ZRegulationDetail = ZRegulationSummary.extend({
  considerations: z.array(z.string()),
  legalBasis: z.array(z.string()),
  articles: z.array(ZRegArticle),
  /** Obligations of the whole document (no Pasal). */
  generalObligations: z.array(ZRegObligation),
  versions: z.array(z.object({ id: z.uuid(), version: z.number(), status: z.string(), effectiveDate: z.string().nullable() })),
});
export type TRegulationDetail = z.infer<typeof ZRegulationDetail>;

export const ZBindInput = z.object({ bound: z.boolean() });

export const ZImportResult = z.object({ id: z.uuid(), code: z.string(), version: z.number(), articleCount: z.number(), obligationCount: z.number() });

// ---- attestations ----
export const ZAttestationInput = z
  .object({
    obligationId: z.uuid(),
    statement: z.string().trim().min(5, 'regulations.statement_short').max(4000),
    effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'regulations.date_invalid'),
    expiresOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'regulations.date_invalid'),
    fileIds: z.array(z.uuid()).max(20).default([]),
  })
  .refine((v) => v.expiresOn > v.effectiveDate, { message: 'regulations.expiry_before_effective', path: ['expiresOn'] });
export type TAttestationInput = z.input<typeof ZAttestationInput>;

export const ZAttestation = z.object({
  id: z.uuid(),
  obligationId: z.uuid(),
  statement: z.string(),
  effectiveDate: z.string(),
  expiresOn: z.string(),
  files: z.array(z.object({ id: z.uuid(), name: z.string() })),
  attestedBy: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  status: z.enum(['valid', 'due_soon', 'expired', 'not_yet', 'revoked']),
});
export type TAttestation = z.infer<typeof ZAttestation>;

// ---- compliance view ----
const ZBi = z.object({ id: z.string(), en: z.string() });
export const ZEvidenceRecord = z.object({ entity: z.string(), id: z.string(), label: z.string(), href: z.string().optional() });
export const ZCounts = z.object({ met: z.number(), due_soon: z.number(), partly: z.number(), missing: z.number(), total: z.number(), score: z.number() });
export type TCounts = z.infer<typeof ZCounts>;
export const ZObligationCompliance = ZRegObligation.extend({
  status: z.enum(complianceStatuses),
  source: z.enum(['check', 'attestation', 'none']),
  detail: ZBi,
  records: z.array(ZEvidenceRecord),
  checkRegistered: z.boolean(),
  validUntil: z.string().nullable(),
  attestations: z.array(ZAttestation),
});
export type TObligationCompliance = z.infer<typeof ZObligationCompliance>;
export const ZArticleCompliance = z.object({
  id: z.uuid().nullable(),
  number: z.string().nullable(),
  chapter: z.string().nullable(),
  status: z.enum(complianceStatuses),
  counts: ZCounts,
  obligations: z.array(ZObligationCompliance),
});
export type TArticleCompliance = z.infer<typeof ZArticleCompliance>;
export const ZRegulationCompliance = z.object({
  regulation: ZRegulationSummary,
  status: z.enum(complianceStatuses),
  counts: ZCounts,
  articles: z.array(ZArticleCompliance),
  evaluatedAt: z.string(),
});
export type TRegulationCompliance = z.infer<typeof ZRegulationCompliance>;

export const ZComplianceOverviewItem = z.object({ regulation: ZRegulationSummary, status: z.enum(complianceStatuses), counts: ZCounts });
export type TComplianceOverviewItem = z.infer<typeof ZComplianceOverviewItem>;

export const ZDueItem = z.object({
  obligationId: z.uuid(),
  regulationId: z.uuid(),
  regulationCode: z.string(),
  article: z.string().nullable(),
  text: z.string(),
  status: z.enum(complianceStatuses),
  dueOn: z.string().nullable(),
  reason: ZBi,
});
export const ZComplianceDashboard = z.object({
  evaluatedAt: z.string(),
  totals: ZCounts,
  regulations: z.array(ZComplianceOverviewItem),
  dueThisMonth: z.array(ZDueItem),
  expiringAttestations: z.array(ZAttestation.extend({ regulationCode: z.string(), article: z.string().nullable(), obligationText: z.string() })),
});
export type TComplianceDashboard = z.infer<typeof ZComplianceDashboard>;

export const ZComplianceLink = z.object({
  obligationId: z.uuid(),
  regulationId: z.uuid(),
  regulationCode: z.string(),
  regulationTitle: z.string(),
  article: z.string().nullable(),
  ref: z.string().nullable(),
  text: z.string(),
  evidenceKey: z.string().nullable(),
  status: z.enum(complianceStatuses),
});
export type TComplianceLink = z.infer<typeof ZComplianceLink>;

/** An obligation as a picker offers it: regulation code, Pasal, text. */
export const ZObligationOption = z.object({
  id: z.uuid(),
  regulationId: z.uuid(),
  regulationCode: z.string(),
  article: z.string().nullable(),
  ref: z.string().nullable(),
  text: z.string(),
  label: z.string(),
});
export type TObligationOption = z.infer<typeof ZObligationOption>;
export const ZObligationOptionQuery = z.object({ q: z.string().trim().max(200).optional(), id: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(50).default(20) });
