import { riskBand, riskScore, type TMonitoring, type TRisk, type TRiskContext, type TRiskRef, type TRiskRating, type TRiskSettings, type TTreatment } from '@persada/shared';
import { iso } from '../../platform/http/paging.js';
import type { ContextRow, MonitoringRow, RiskRow, TreatmentRow } from './risks.repo.js';

export const riskCode = (year: number, seq: number) => `R-${year}-${String(seq).padStart(3, '0')}`;

export function rating(s: TRiskSettings, l: number, i: number): TRiskRating {
  const score = riskScore(s, l, i);
  const band = riskBand(s, score);
  return { likelihood: l, impact: i, score, level: band?.code ?? '', levelName: band?.name ?? '', color: band?.color ?? '#9ca3af' };
}

/** Today's date in Asia/Jakarta (UTC+7), as YYYY-MM-DD. */
export const jakartaToday = (now = new Date()) => new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

export const contextDto = (r: { ctx: ContextRow; opdName: string; ownerName: string | null; riskCount: number }): TRiskContext => ({
  id: r.ctx.id,
  opdId: r.ctx.opdId,
  opdName: r.opdName,
  year: r.ctx.year,
  tasks: r.ctx.tasks,
  objectives: r.ctx.objectives,
  scope: r.ctx.scope,
  stakeholders: r.ctx.stakeholders,
  regulations: r.ctx.regulations,
  ownerPersonId: r.ctx.ownerPersonId,
  ownerName: r.ownerName,
  ownerPosition: r.ctx.ownerPosition,
  appetiteDefault: r.ctx.appetiteDefault,
  appetite: (r.ctx.appetite ?? {}) as Record<string, number>,
  riskCount: Number(r.riskCount),
  updatedAt: r.ctx.updatedAt.toISOString(),
});

export function riskDto(s: TRiskSettings, r: { risk: RiskRow; opdName: string; treatmentCount: number; priority: number; appetite: number }): TRisk {
  const x = r.risk;
  return {
    id: x.id,
    code: riskCode(x.year, x.seq),
    contextId: x.contextId,
    opdId: x.opdId,
    opdName: r.opdName,
    year: x.year,
    kind: x.kind as TRisk['kind'],
    objective: x.objective,
    assetName: x.assetName,
    assetEntity: (x.assetEntity ?? (x.applicationId ? 'sys_application' : null)) as TRisk['assetEntity'],
    applicationId: x.applicationId,
    applicationName: x.applicationName,
    threat: x.threat,
    vulnerability: x.vulnerability,
    event: x.event,
    cause: x.cause,
    impact: x.impact,
    category: x.category,
    categoryName: s.categories.find((c) => c.code === x.category)?.name ?? x.category,
    area: x.area,
    areaName: s.areas.find((c) => c.code === x.area)?.name ?? x.area,
    existingControls: x.existingControls,
    inherent: rating(s, x.inherentL, x.inherentI),
    current: rating(s, x.currentL, x.currentI),
    residual: x.residualL != null && x.residualI != null ? rating(s, x.residualL, x.residualI) : null,
    priority: Number(r.priority),
    appetite: Number(r.appetite),
    needsTreatmentAuto: x.needsTreatmentAuto,
    needsTreatmentOverride: x.needsTreatmentOverride,
    overrideReason: x.overrideReason,
    needsTreatment: x.needsTreatment,
    approvalStatus: x.approvalStatus as TRisk['approvalStatus'],
    approvalReason: x.approvalReason,
    approvedByName: x.approvedByName,
    approvedAt: iso(x.approvedAt),
    treatmentCount: Number(r.treatmentCount),
    deletedAt: iso(x.deletedAt),
    updatedAt: x.updatedAt.toISOString(),
  };
}

export const treatmentDto = (s: TRiskSettings, t: TreatmentRow, today: string): TTreatment => ({
  id: t.id,
  riskId: t.riskId,
  option: t.option as TTreatment['option'],
  action: t.action,
  output: t.output,
  startDate: t.startDate,
  endDate: t.endDate,
  ownerName: t.ownerName,
  target: t.targetL != null && t.targetI != null ? rating(s, t.targetL, t.targetI) : null,
  status: t.status as TTreatment['status'],
  overdue: !!t.endDate && t.endDate < today && (t.status === 'planned' || t.status === 'in_progress'),
  updatedAt: t.updatedAt.toISOString(),
});

export const monitoringDto = (s: TRiskSettings, m: MonitoringRow): TMonitoring => ({
  id: m.id,
  riskId: m.riskId,
  date: m.date,
  realisation: m.realisation,
  current: rating(s, m.currentL, m.currentI),
  notes: m.notes,
  createdAt: m.createdAt.toISOString(),
});

/** The short form other records show (an application's risks, a control's treated risks). */
export function refDto(s: TRiskSettings, r: { risk: RiskRow; opdName: string }): TRiskRef {
  const x = r.risk;
  return {
    id: x.id,
    code: riskCode(x.year, x.seq),
    event: x.event,
    opdName: r.opdName,
    year: x.year,
    assetEntity: (x.assetEntity ?? (x.applicationId ? 'sys_application' : null)) as TRiskRef['assetEntity'],
    current: rating(s, x.currentL, x.currentI),
    needsTreatment: x.needsTreatment,
    approvalStatus: x.approvalStatus as TRiskRef['approvalStatus'],
  };
}
