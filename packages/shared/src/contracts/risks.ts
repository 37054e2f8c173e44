// zod contracts of the risks module (shared by the API and the web app).
import { z } from 'zod';

/** E1, PermenPANRB 5/2020: the five likelihood and impact levels. */
const ZLevel = z.coerce.number().int().min(1).max(5);
const optionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === '' || v == null ? null : v));
const requiredText = (max = 2000) => z.string().trim().min(1, 'risks.required').max(max);
const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'risks.date_invalid');

export const riskKinds = ['negative', 'positive'] as const;
export const approvalStatuses = ['belum', 'setuju', 'tidak_setuju'] as const;
/** The systems registers a risk's asset may be picked from (E1 ↔ D1/D2/D10/D14). */
export const systemAssetEntities = ['sys_application', 'sys_device', 'sys_database', 'sys_security_asset'] as const;
export type TSystemAssetEntity = (typeof systemAssetEntities)[number];
export const treatmentStatuses = ['planned', 'in_progress', 'done', 'cancelled'] as const;
/** Opsi penanganan per jenis risiko (negative: mitigasi/transfer/penghindaran/penerimaan; positive: eksploitasi/peningkatan/pembagian/penerimaan; both: eskalasi). */
export const treatmentOptions = {
  negative: ['mitigate', 'transfer', 'avoid', 'accept', 'escalate'],
  positive: ['exploit', 'enhance', 'share', 'accept', 'escalate'],
} as const;
export const allTreatmentOptions = ['mitigate', 'transfer', 'avoid', 'accept', 'escalate', 'exploit', 'enhance', 'share'] as const;
export const riskForms = ['konteks', 'penilaian', 'penanganan', 'pemantauan'] as const;

// ---------------------------------------------------------------- settings (matrix & criteria)
export const ZRiskBand = z.object({
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(60),
  nameEn: z.string().trim().min(1).max(60),
  min: z.number().int().min(1).max(25),
  max: z.number().int().min(1).max(25),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'risks.color_invalid'),
  colorName: z.string().trim().max(30),
});
export const ZRiskScaleLevel = z.object({
  level: z.number().int().min(1).max(5),
  name: z.string().trim().min(1).max(80),
  criteria: z.string().trim().max(500).default(''),
});
export const ZRiskCategory = z.object({
  code: z.string().trim().min(1).max(60),
  name: z.string().trim().min(1).max(120),
  kind: z.enum(['negative', 'positive', 'both']).default('both'),
});
export const ZRiskArea = z.object({ code: z.string().trim().min(1).max(60), name: z.string().trim().min(1).max(120) });
export const ZImpactCriterion = z.object({
  area: z.string().trim().min(1).max(60),
  kind: z.enum(riskKinds).default('negative'),
  level: z.number().int().min(1).max(5),
  text: z.string().trim().max(500),
});
export const ZRiskSettings = z.object({
  /** matrix[likelihood-1][impact-1] = besaran risiko (1–25), a lookup table, not L×I. */
  matrix: z.array(z.array(z.number().int().min(1).max(25)).length(5)).length(5),
  levels: z.array(ZRiskBand).length(5),
  likelihood: z.array(ZRiskScaleLevel).length(5),
  impact: z.array(ZRiskScaleLevel).length(5),
  categories: z.array(ZRiskCategory).min(1).max(60),
  areas: z.array(ZRiskArea).min(1).max(30),
  impactCriteria: z.array(ZImpactCriterion).max(600),
  defaultAppetite: z.number().int().min(1).max(25),
});
export type TRiskSettings = z.infer<typeof ZRiskSettings>;
export type TRiskBand = z.infer<typeof ZRiskBand>;

/** Besaran risiko from the tenant's lookup matrix. */
export function riskScore(s: Pick<TRiskSettings, 'matrix'>, likelihood: number, impact: number): number {
  return s.matrix[likelihood - 1]?.[impact - 1] ?? 0;
}
/** The level band holding a score. */
export function riskBand(s: Pick<TRiskSettings, 'levels'>, score: number | null | undefined): TRiskBand | null {
  if (score == null) return null;
  return s.levels.find((b) => score >= b.min && score <= b.max) ?? null;
}

// ---------------------------------------------------------------- contexts (form 2.0)
export const ZRiskContextInput = z.object({
  opdId: z.uuid(),
  year: z.coerce.number().int().min(2000).max(2100),
  tasks: optionalText(),
  objectives: optionalText(),
  scope: optionalText(),
  stakeholders: optionalText(),
  regulations: optionalText(),
  ownerPersonId: z.uuid().nullish().transform((v) => v ?? null),
  ownerPosition: optionalText(200),
  appetiteDefault: z.coerce.number().int().min(1).max(25),
  appetite: z.record(z.string(), z.coerce.number().int().min(1).max(25)).default({}),
});
export type TRiskContextInput = z.input<typeof ZRiskContextInput>;

export const ZRiskContext = z.object({
  id: z.uuid(),
  opdId: z.uuid(),
  opdName: z.string(),
  year: z.number().int(),
  tasks: z.string().nullable(),
  objectives: z.string().nullable(),
  scope: z.string().nullable(),
  stakeholders: z.string().nullable(),
  regulations: z.string().nullable(),
  ownerPersonId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  ownerPosition: z.string().nullable(),
  appetiteDefault: z.number().int(),
  appetite: z.record(z.string(), z.number().int()),
  riskCount: z.number().int(),
  updatedAt: z.string(),
});
export type TRiskContext = z.infer<typeof ZRiskContext>;
export const ZCloneContextInput = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

// ---------------------------------------------------------------- register rows (form 3.0)
export const ZRiskInput = z
  .object({
    contextId: z.uuid(),
    kind: z.enum(riskKinds).default('negative'),
    objective: optionalText(),
    assetName: requiredText(300),
    /** Register of the linked systems record (default sys_application when an id is given). */
    assetEntity: z.enum(systemAssetEntities).nullish().transform((v) => v ?? null),
    /** Id of the linked systems record (any register above); the server stores its current name. */
    applicationId: z.uuid().nullish().transform((v) => v ?? null),
    /** Typed label, kept only when no record is linked (older rows). */
    applicationName: optionalText(300),
    threat: optionalText(),
    vulnerability: optionalText(),
    event: requiredText(),
    cause: optionalText(),
    impact: optionalText(),
    category: z.string().trim().min(1, 'risks.required').max(60),
    area: z.string().trim().min(1, 'risks.required').max(60),
    existingControls: optionalText(),
    inherentL: ZLevel,
    inherentI: ZLevel,
    currentL: ZLevel.nullish(),
    currentI: ZLevel.nullish(),
    residualL: ZLevel.nullish(),
    residualI: ZLevel.nullish(),
    needsTreatmentOverride: z.boolean().nullish().transform((v) => v ?? null),
    overrideReason: optionalText(),
  })
  .superRefine((v, ctx) => {
    if (v.needsTreatmentOverride != null && !v.overrideReason)
      ctx.addIssue({ code: 'custom', path: ['overrideReason'], message: 'risks.override_reason_required' });
    if ((v.residualL == null) !== (v.residualI == null))
      ctx.addIssue({ code: 'custom', path: [v.residualL == null ? 'residualL' : 'residualI'], message: 'risks.pair_required' });
    if ((v.currentL == null) !== (v.currentI == null))
      ctx.addIssue({ code: 'custom', path: [v.currentL == null ? 'currentL' : 'currentI'], message: 'risks.pair_required' });
  });
export type TRiskInput = z.input<typeof ZRiskInput>;

export const ZRiskRating = z.object({
  likelihood: z.number().int(),
  impact: z.number().int(),
  score: z.number().int(),
  level: z.string(),
  levelName: z.string(),
  color: z.string(),
});
export type TRiskRating = z.infer<typeof ZRiskRating>;

export const ZRisk = z.object({
  id: z.uuid(),
  code: z.string(),
  contextId: z.uuid(),
  opdId: z.uuid(),
  opdName: z.string(),
  year: z.number().int(),
  kind: z.enum(riskKinds),
  objective: z.string().nullable(),
  assetName: z.string(),
  assetEntity: z.enum(systemAssetEntities).nullable(),
  applicationId: z.uuid().nullable(),
  applicationName: z.string().nullable(),
  threat: z.string().nullable(),
  vulnerability: z.string().nullable(),
  event: z.string(),
  cause: z.string().nullable(),
  impact: z.string().nullable(),
  category: z.string(),
  categoryName: z.string(),
  area: z.string(),
  areaName: z.string(),
  existingControls: z.string().nullable(),
  inherent: ZRiskRating,
  current: ZRiskRating,
  residual: ZRiskRating.nullable(),
  priority: z.number().int(),
  appetite: z.number().int(),
  needsTreatmentAuto: z.boolean(),
  needsTreatmentOverride: z.boolean().nullable(),
  overrideReason: z.string().nullable(),
  needsTreatment: z.boolean(),
  approvalStatus: z.enum(approvalStatuses),
  approvalReason: z.string().nullable(),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  treatmentCount: z.number().int(),
  deletedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type TRisk = z.infer<typeof ZRisk>;

export const ZRiskListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  sort: z.string().max(64).optional(),
  dir: z.enum(['asc', 'desc']).default('asc'),
  q: z.string().max(200).optional(),
  opdId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  level: z.string().max(40).optional(),
  needsTreatment: z.enum(['true', 'false']).optional(),
  approvalStatus: z.enum(approvalStatuses).optional(),
  likelihood: z.coerce.number().int().min(1).max(5).optional(),
  impact: z.coerce.number().int().min(1).max(5).optional(),
  includeDeleted: z.enum(['true', 'false']).optional(),
});
export type TRiskListQuery = z.infer<typeof ZRiskListQuery>;

// ---------------------------------------------------------------- treatment (form 4.0) & monitoring (form 5.0)
export const ZTreatmentInput = z
  .object({
    option: z.enum(allTreatmentOptions),
    action: requiredText(),
    output: optionalText(),
    startDate: ZDate.nullish().transform((v) => v ?? null),
    endDate: ZDate.nullish().transform((v) => v ?? null),
    ownerName: optionalText(200),
    targetL: ZLevel.nullish().transform((v) => v ?? null),
    targetI: ZLevel.nullish().transform((v) => v ?? null),
    status: z.enum(treatmentStatuses).default('planned'),
  })
  .superRefine((v, ctx) => {
    if (v.startDate && v.endDate && v.endDate < v.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'risks.end_before_start' });
    if ((v.targetL == null) !== (v.targetI == null))
      ctx.addIssue({ code: 'custom', path: [v.targetL == null ? 'targetL' : 'targetI'], message: 'risks.pair_required' });
  });
export type TTreatmentInput = z.input<typeof ZTreatmentInput>;

export const ZTreatment = z.object({
  id: z.uuid(),
  riskId: z.uuid(),
  option: z.enum(allTreatmentOptions),
  action: z.string(),
  output: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  ownerName: z.string().nullable(),
  target: ZRiskRating.nullable(),
  status: z.enum(treatmentStatuses),
  overdue: z.boolean(),
  updatedAt: z.string(),
});
export type TTreatment = z.infer<typeof ZTreatment>;

export const ZMonitoringInput = z.object({
  date: ZDate,
  realisation: requiredText(),
  currentL: ZLevel,
  currentI: ZLevel,
  notes: optionalText(),
});
export type TMonitoringInput = z.input<typeof ZMonitoringInput>;
export const ZMonitoring = z.object({
  id: z.uuid(),
  riskId: z.uuid(),
  date: z.string(),
  realisation: z.string(),
  current: ZRiskRating,
  notes: z.string().nullable(),
  createdAt: z.string(),
});
export type TMonitoring = z.infer<typeof ZMonitoring>;

export const ZRiskDetail = ZRisk.extend({
  treatments: z.array(ZTreatment),
  monitorings: z.array(ZMonitoring),
  canApprove: z.boolean(),
  canManage: z.boolean(),
});
export type TRiskDetail = z.infer<typeof ZRiskDetail>;

export const ZApprovalInput = z
  .object({ status: z.enum(approvalStatuses), reason: optionalText() })
  .superRefine((v, ctx) => {
    if (v.status === 'tidak_setuju' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'risks.reject_reason_required' });
  });
export type TApprovalInput = z.input<typeof ZApprovalInput>;

// ---------------------------------------------------------------- heat map & summary
export const ZHeatmapQuery = z.object({
  opdId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  basis: z.enum(['inherent', 'current', 'residual']).default('current'),
});
export const ZHeatmap = z.object({
  basis: z.enum(['inherent', 'current', 'residual']),
  /** cells[likelihood-1][impact-1] */
  cells: z.array(z.array(z.object({ likelihood: z.number().int(), impact: z.number().int(), score: z.number().int(), color: z.string(), level: z.string(), count: z.number().int() }))),
  byLevel: z.array(z.object({ level: z.string(), name: z.string(), color: z.string(), count: z.number().int() })),
  total: z.number().int(),
  top: z.array(ZRisk),
  overdue: z.array(ZTreatment.extend({ riskCode: z.string(), riskEvent: z.string(), opdName: z.string() })),
});
export type THeatmap = z.infer<typeof ZHeatmap>;

/** A risk as other records show it (an application's risks, a control's treated risks). */
export const ZRiskRef = z.object({
  id: z.uuid(),
  code: z.string(),
  event: z.string(),
  opdName: z.string(),
  year: z.number().int(),
  assetEntity: z.enum(systemAssetEntities).nullable(),
  current: ZRiskRating,
  needsTreatment: z.boolean(),
  approvalStatus: z.enum(approvalStatuses),
});
export type TRiskRef = z.infer<typeof ZRiskRef>;
export const ZRiskAssetQuery = z.object({ entity: z.enum(systemAssetEntities), id: z.uuid() });
