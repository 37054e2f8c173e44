import {
  ZApprovalInput,
  ZMonitoringInput,
  ZRiskInput,
  ZTreatmentInput,
  riskScore,
  treatmentOptions,
  type TApprovalInput,
  type THeatmap,
  type TMonitoringInput,
  type TRiskInput,
  type TRiskListQuery,
  type TRiskSettings,
  type TRiskRef,
  type TSystemAssetEntity,
  type TTreatmentInput,
} from '@persada/shared';
import type { AppDeps } from '../../app/deps.js';
import type { DbOrTx } from '../../db/client.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/context/actor.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { renderRiskForms } from './risks.forms.js';
import { contextDto, jakartaToday, monitoringDto, rating, refDto, riskCode, riskDto, treatmentDto } from './risks.dto.js';
import { risksPolicy as policy } from './risks.policy.js';
import * as repo from './risks.repo.js';
import { loadSettings } from './settings.service.js';
import { SingleFlight } from '../../platform/http/single-flight.js';

/** The register counts matches up to this many; beyond it the page says "10.000+". */
export const RISK_COUNT_CAP = 10_000;

const fieldError = (field: string, key: any) => new AppError(400, 'error.validation', [{ field, key }]);

/** Finds a record of a systems register in the tenant (null when missing or deleted); from the systems module. */
export type AssetResolver = (db: DbOrTx, tenantId: string, entity: TSystemAssetEntity, id: string) => Promise<{ label: string } | null>;

/** Filters of the list, the heat map and the exports, from the query string and the settings. */
export function riskFilter(s: TRiskSettings, q: Partial<TRiskListQuery>): repo.RiskFilter {
  const band = q.level ? s.levels.find((b) => b.code === q.level) : undefined;
  return {
    q: q.q || undefined,
    opdId: q.opdId,
    year: q.year,
    scoreMin: q.level ? (band?.min ?? 99) : undefined,
    scoreMax: q.level ? (band?.max ?? -1) : undefined,
    needsTreatment: q.needsTreatment == null ? undefined : q.needsTreatment === 'true',
    approvalStatus: q.approvalStatus,
    likelihood: q.likelihood,
    impact: q.impact,
    includeDeleted: q.includeDeleted === 'true',
  };
}

/** The risk register (Form 3.0), treatment plans (4.0), monitoring (5.0), approval and the heat map. */
export class RiskService {
  private readonly heatmaps = new SingleFlight<THeatmap>();
  constructor(
    private readonly deps: AppDeps,
    private readonly notifications: NotificationService,
    private readonly assets?: AssetResolver,
  ) {}
  private get db() {
    return this.deps.database.db;
  }

  async list(actor: Actor, q: TRiskListQuery) {
    policy.read(actor);
    const s = await loadSettings(this.db, actor.tenantId);
    const { items, total, totalCapped } = await repo.listRisks(
      this.db,
      actor.tenantId,
      { ...riskFilter(s, q), page: q.page, pageSize: q.pageSize, sort: q.sort, dir: q.dir, countCap: RISK_COUNT_CAP },
      policy.scope(actor),
    );
    return { items: items.map((r) => riskDto(s, r)), total, totalCapped, page: q.page, pageSize: q.pageSize };
  }

  private async load(db: DbOrTx, actor: Actor, id: string) {
    const r = await repo.getRisk(db, actor.tenantId, id);
    if (!r) throw notFound();
    policy.readIn(actor, r.risk.opdId);
    return r;
  }

  async detail(actor: Actor, id: string, db: DbOrTx = this.db) {
    const r = await this.load(db, actor, id);
    const s = await loadSettings(db, actor.tenantId);
    const today = jakartaToday();
    const [plans, mons] = await Promise.all([repo.treatmentsOf(db, actor.tenantId, [id]), repo.monitoringsOf(db, actor.tenantId, [id])]);
    return {
      ...riskDto(s, r),
      treatments: plans.map((t) => treatmentDto(s, t, today)),
      monitorings: mons.map((m) => monitoringDto(s, m)),
      canApprove: policy.canApprove(actor, r.risk.opdId),
      canManage: policy.canManage(actor, r.risk.opdId),
    };
  }

  /** Scores from the tenant matrix and the decision from the context's appetite for the category. */
  private assess(s: TRiskSettings, ctx: { appetite: unknown; appetiteDefault: number }, input: ReturnType<typeof ZRiskInput.parse>) {
    if (!s.categories.some((c) => c.code === input.category)) throw fieldError('category', 'risks.unknown_category');
    if (!s.areas.some((a) => a.code === input.area)) throw fieldError('area', 'risks.unknown_area');
    const currentL = input.currentL ?? input.inherentL;
    const currentI = input.currentI ?? input.inherentI;
    const currentScore = riskScore(s, currentL, currentI);
    const appetite = (ctx.appetite as Record<string, number>)[input.category] ?? ctx.appetiteDefault;
    const auto = currentScore > appetite;
    return {
      kind: input.kind,
      objective: input.objective,
      assetName: input.assetName,
      threat: input.threat,
      vulnerability: input.vulnerability,
      event: input.event,
      cause: input.cause,
      impact: input.impact,
      category: input.category,
      area: input.area,
      existingControls: input.existingControls,
      inherentL: input.inherentL,
      inherentI: input.inherentI,
      inherentScore: riskScore(s, input.inherentL, input.inherentI),
      currentL,
      currentI,
      currentScore,
      residualL: input.residualL ?? null,
      residualI: input.residualI ?? null,
      residualScore: input.residualL != null && input.residualI != null ? riskScore(s, input.residualL, input.residualI) : null,
      needsTreatmentAuto: auto,
      needsTreatmentOverride: input.needsTreatmentOverride,
      overrideReason: input.needsTreatmentOverride == null ? null : input.overrideReason,
      needsTreatment: input.needsTreatmentOverride ?? auto,
    };
  }

  /**
   * The asset as a link to a systems record (E1): the record must exist in the actor's tenant and
   * its current name is stored as the label. Without an id the typed label is kept (older rows).
   */
  private async assetLink(actor: Actor, input: ReturnType<typeof ZRiskInput.parse>) {
    if (!input.applicationId) return { assetEntity: null, applicationId: null, applicationName: input.applicationName };
    const entity = input.assetEntity ?? 'sys_application';
    const found = this.assets ? await this.assets(this.db, actor.tenantId, entity, input.applicationId) : null;
    if (!found) throw fieldError('applicationId', 'risks.asset_not_found');
    return { assetEntity: entity, applicationId: input.applicationId, applicationName: found.label };
  }

  /** A risk of the tenant as a link label ("R-2026-001 event"), or null when missing/deleted (for other modules). */
  async ref(db: DbOrTx, tenantId: string, id: string) {
    const r = await repo.getRisk(db, tenantId, id);
    if (!r || r.risk.deletedAt) return null;
    return { label: `${riskCode(r.risk.year, r.risk.seq)} ${r.risk.event}`.slice(0, 300), opdId: r.risk.opdId };
  }

  /** Risks recorded on a systems record (application, device …), within the actor's OPD scope. */
  async onAsset(actor: Actor, entity: TSystemAssetEntity, id: string): Promise<TRiskRef[]> {
    policy.read(actor);
    const s = await loadSettings(this.db, actor.tenantId);
    const rows = await repo.risksOnAsset(this.db, actor.tenantId, entity, id, policy.scope(actor));
    return rows.map((r) => refDto(s, r));
  }

  /** Risks by id (e.g. those a governance control treats), within the actor's OPD scope. */
  async refs(actor: Actor, ids: string[]): Promise<TRiskRef[]> {
    policy.read(actor);
    if (!ids.length) return [];
    const s = await loadSettings(this.db, actor.tenantId);
    const rows = await repo.risksByIds(this.db, actor.tenantId, ids, policy.scope(actor));
    return rows.map((r) => refDto(s, r));
  }

  async create(actor: Actor, raw: TRiskInput) {
    const input = ZRiskInput.parse(raw);
    const ctx = await repo.getContext(this.db, actor.tenantId, input.contextId);
    if (!ctx) throw fieldError('contextId', 'error.not_found');
    policy.manageIn(actor, ctx.ctx.opdId);
    const s = await loadSettings(this.db, actor.tenantId);
    const values = { ...this.assess(s, ctx.ctx, input), ...(await this.assetLink(actor, input)) };
    return this.db.transaction(async (tx) => {
      const seq = await repo.nextSeq(tx, actor.tenantId, ctx.ctx.id);
      const row = await repo.insertRisk(tx, {
        ...values,
        tenantId: actor.tenantId,
        contextId: ctx.ctx.id,
        opdId: ctx.ctx.opdId,
        year: ctx.ctx.year,
        seq,
        createdBy: actor.userId,
      });
      await recordAudit(tx, actor, { action: 'create', entity: 'risk', entityId: row.id, after: row });
      return this.detail(actor, row.id, tx);
    });
  }

  /** Editing the assessment sends it back to the risk owner (approval "Belum"). */
  async update(actor: Actor, id: string, raw: TRiskInput) {
    const input = ZRiskInput.parse(raw);
    const current = await this.load(this.db, actor, id);
    if (current.risk.deletedAt) throw notFound();
    policy.manageIn(actor, current.risk.opdId);
    const ctx = await repo.getContext(this.db, actor.tenantId, input.contextId);
    if (!ctx) throw fieldError('contextId', 'error.not_found');
    policy.manageIn(actor, ctx.ctx.opdId);
    const s = await loadSettings(this.db, actor.tenantId);
    const values = { ...this.assess(s, ctx.ctx, input), ...(await this.assetLink(actor, input)) };
    return this.db.transaction(async (tx) => {
      const moved = ctx.ctx.id !== current.risk.contextId;
      const row = await repo.updateRisk(tx, actor.tenantId, id, {
        ...values,
        contextId: ctx.ctx.id,
        opdId: ctx.ctx.opdId,
        year: ctx.ctx.year,
        ...(moved ? { seq: await repo.nextSeq(tx, actor.tenantId, ctx.ctx.id) } : {}),
        ...resetApproval,
      });
      await recordAudit(tx, actor, { action: 'update', entity: 'risk', entityId: id, before: current.risk, after: row });
      return this.detail(actor, id, tx);
    });
  }

  async remove(actor: Actor, id: string) {
    const current = await this.load(this.db, actor, id);
    if (current.risk.deletedAt) throw notFound();
    policy.manageIn(actor, current.risk.opdId);
    await this.db.transaction(async (tx) => {
      const row = await repo.updateRisk(tx, actor.tenantId, id, { deletedAt: new Date() });
      await recordAudit(tx, actor, { action: 'delete', entity: 'risk', entityId: id, before: current.risk, after: row });
    });
  }

  async restore(actor: Actor, id: string) {
    const current = await this.load(this.db, actor, id);
    if (!current.risk.deletedAt) throw notFound();
    policy.manageIn(actor, current.risk.opdId);
    if (!(await repo.getContext(this.db, actor.tenantId, current.risk.contextId))) throw notFound();
    return this.db.transaction(async (tx) => {
      const row = await repo.updateRisk(tx, actor.tenantId, id, { deletedAt: null });
      await recordAudit(tx, actor, { action: 'restore', entity: 'risk', entityId: id, before: current.risk, after: row });
      return this.detail(actor, id, tx);
    });
  }

  /** The risk owner's decision (Belum / Setuju / Tidak Setuju with a reason); the submitter is notified. */
  async decide(actor: Actor, id: string, raw: TApprovalInput) {
    const input = ZApprovalInput.parse(raw);
    const current = await this.load(this.db, actor, id);
    if (current.risk.deletedAt) throw notFound();
    policy.approveIn(actor, current.risk.opdId);
    const result = await this.db.transaction(async (tx) => {
      const decided = input.status !== 'belum';
      const row = await repo.updateRisk(tx, actor.tenantId, id, {
        approvalStatus: input.status,
        approvalReason: input.reason,
        approvedBy: decided ? actor.userId : null,
        approvedByName: decided ? actor.label : null,
        approvedAt: decided ? new Date() : null,
      });
      await recordAudit(tx, actor, { action: 'approve', entity: 'risk', entityId: id, before: current.risk, after: row });
      const submitter = current.risk.createdBy;
      if (decided && submitter && submitter !== actor.userId) {
        const code = riskCode(row.year, row.seq);
        const verdict = input.status === 'setuju' ? 'disetujui' : 'tidak disetujui';
        await this.notifications.notify(tx, actor.tenantId, [submitter], {
          kind: 'risks.approval',
          title: `Risiko ${code} ${verdict}`,
          body: `${actor.label} menyatakan risiko "${row.event}" (${current.opdName}) ${verdict}.${input.reason ? ` Alasan: ${input.reason}` : ''}`,
          link: `/risiko/${id}`,
        });
      }
      return this.detail(actor, id, tx);
    });
    await this.notifications.kick().catch(() => undefined);
    return result;
  }

  // ---------------------------------------------------------------- treatment plans
  private checkOption(kind: string, option: string) {
    const allowed = (treatmentOptions as Record<string, readonly string[]>)[kind] ?? [];
    if (!allowed.includes(option)) throw fieldError('option', 'risks.option_kind');
  }

  /**
   * A weekly reminder from 7 days before the plan's end date (08:00 WIB) to the submitter and the
   * editor, until the plan is done, cancelled or deleted.
   */
  private async armReminder(tx: DbOrTx, actor: Actor, t: repo.TreatmentRow, risk: repo.RiskRow) {
    await this.notifications.cancel(tx, actor, 'risk_treatment', t.id, REMINDER_KIND);
    if (t.deletedAt || !t.endDate || !['planned', 'in_progress'].includes(t.status)) return;
    const recipients = [...new Set([risk.createdBy, actor.userId].filter((x): x is string => !!x))];
    if (!recipients.length) return;
    const due = new Date(`${t.endDate}T01:00:00Z`);
    const code = riskCode(risk.year, risk.seq);
    await this.notifications.schedule(tx, actor, {
      kind: REMINDER_KIND,
      entity: 'risk_treatment',
      entityId: t.id,
      dueAt: new Date(due.getTime() - 7 * 86_400_000),
      recipientUserIds: recipients,
      title: `Rencana penanganan risiko ${code} jatuh tempo ${t.endDate}`,
      body: `Rencana aksi "${t.action}" untuk risiko "${risk.event}" harus selesai pada ${t.endDate}. Perbarui statusnya atau catat pemantauan.`,
      link: `/risiko/${risk.id}`,
      repeatEveryDays: 7,
    });
  }

  private async touch(tx: DbOrTx, actor: Actor, riskId: string) {
    await repo.updateRisk(tx, actor.tenantId, riskId, resetApproval);
  }

  async addTreatment(actor: Actor, riskId: string, raw: TTreatmentInput) {
    const input = ZTreatmentInput.parse(raw);
    const r = await this.load(this.db, actor, riskId);
    if (r.risk.deletedAt) throw notFound();
    policy.manageIn(actor, r.risk.opdId);
    this.checkOption(r.risk.kind, input.option);
    const s = await loadSettings(this.db, actor.tenantId);
    return this.db.transaction(async (tx) => {
      const row = await repo.insertTreatment(tx, {
        ...input,
        tenantId: actor.tenantId,
        riskId,
        targetScore: input.targetL != null && input.targetI != null ? riskScore(s, input.targetL, input.targetI) : null,
      });
      await this.touch(tx, actor, riskId);
      await recordAudit(tx, actor, { action: 'create', entity: 'risk_treatment', entityId: row.id, after: row });
      await this.armReminder(tx, actor, row, r.risk);
      return treatmentDto(s, row, jakartaToday());
    });
  }

  async updateTreatment(actor: Actor, id: string, raw: TTreatmentInput) {
    const input = ZTreatmentInput.parse(raw);
    const current = await repo.getTreatment(this.db, actor.tenantId, id);
    if (!current) throw notFound();
    const r = await this.load(this.db, actor, current.riskId);
    policy.manageIn(actor, r.risk.opdId);
    this.checkOption(r.risk.kind, input.option);
    const s = await loadSettings(this.db, actor.tenantId);
    return this.db.transaction(async (tx) => {
      const row = await repo.updateTreatment(tx, actor.tenantId, id, {
        ...input,
        targetScore: input.targetL != null && input.targetI != null ? riskScore(s, input.targetL, input.targetI) : null,
      });
      // progress updates (status only) keep the approval; a changed plan goes back to the owner
      const planChanged = ['option', 'action', 'output', 'startDate', 'endDate', 'targetL', 'targetI'].some((k) => (current as any)[k] !== (row as any)[k]);
      if (planChanged) await this.touch(tx, actor, current.riskId);
      await recordAudit(tx, actor, { action: 'update', entity: 'risk_treatment', entityId: id, before: current, after: row });
      await this.armReminder(tx, actor, row, r.risk);
      return treatmentDto(s, row, jakartaToday());
    });
  }

  async removeTreatment(actor: Actor, id: string) {
    const current = await repo.getTreatment(this.db, actor.tenantId, id);
    if (!current) throw notFound();
    const r = await this.load(this.db, actor, current.riskId);
    policy.manageIn(actor, r.risk.opdId);
    await this.db.transaction(async (tx) => {
      const row = await repo.updateTreatment(tx, actor.tenantId, id, { deletedAt: new Date() });
      await this.touch(tx, actor, current.riskId);
      await recordAudit(tx, actor, { action: 'delete', entity: 'risk_treatment', entityId: id, before: current, after: row });
      await this.armReminder(tx, actor, row, r.risk);
    });
  }

  // ---------------------------------------------------------------- monitoring
  async addMonitoring(actor: Actor, riskId: string, raw: TMonitoringInput) {
    const input = ZMonitoringInput.parse(raw);
    const r = await this.load(this.db, actor, riskId);
    if (r.risk.deletedAt) throw notFound();
    policy.manageIn(actor, r.risk.opdId);
    const s = await loadSettings(this.db, actor.tenantId);
    return this.db.transaction(async (tx) => {
      const row = await repo.insertMonitoring(tx, {
        ...input,
        tenantId: actor.tenantId,
        riskId,
        currentScore: riskScore(s, input.currentL, input.currentI),
        createdBy: actor.userId,
      });
      await recordAudit(tx, actor, { action: 'create', entity: 'risk_monitoring', entityId: row.id, after: row });
      return monitoringDto(s, row);
    });
  }

  async removeMonitoring(actor: Actor, id: string) {
    const current = await repo.getMonitoring(this.db, actor.tenantId, id);
    if (!current) throw notFound();
    const r = await this.load(this.db, actor, current.riskId);
    policy.manageIn(actor, r.risk.opdId);
    await this.db.transaction(async (tx) => {
      const row = await repo.updateMonitoring(tx, actor.tenantId, id, { deletedAt: new Date() });
      await recordAudit(tx, actor, { action: 'delete', entity: 'risk_monitoring', entityId: id, before: current, after: row });
    });
  }

  // ---------------------------------------------------------------- national forms
  async forms(actor: Actor, contextId: string, form: 'all' | 'konteks' | 'penilaian' | 'penanganan' | 'pemantauan') {
    const ctx = await repo.getContext(this.db, actor.tenantId, contextId);
    if (!ctx) throw notFound();
    policy.readIn(actor, ctx.ctx.opdId);
    const s = await loadSettings(this.db, actor.tenantId);
    const list = await repo.listRisks(this.db, actor.tenantId, { contextId, page: 1, pageSize: 10_000 }, 'all');
    const ids = list.items.map((r) => r.risk.id);
    const today = jakartaToday();
    const [plans, mons, tenant] = await Promise.all([
      repo.treatmentsOf(this.db, actor.tenantId, ids),
      repo.monitoringsOf(this.db, actor.tenantId, ids),
      repo.tenantName(this.db, actor.tenantId),
    ]);
    const body = await renderRiskForms(
      {
        tenantName: tenant ?? '',
        context: contextDto(ctx),
        settings: s,
        risks: list.items.map((r) => riskDto(s, r)),
        treatments: plans.filter((p) => p.status !== 'cancelled').map((t) => treatmentDto(s, t, today)),
        monitorings: mons.map((m) => monitoringDto(s, m)),
      },
      form,
    );
    const slug = ctx.opdName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    return { body, filename: `manajemen-risiko-${form}-${slug}-${ctx.ctx.year}.xlsx` };
  }

  // ---------------------------------------------------------------- heat map
  /**
   * The heat map of the home page and the register. Requests for the same map (Pemda, what the user may see,
   * filters) that arrive together share one evaluation.
   */
  async heatmap(actor: Actor, q: { opdId?: string; year?: number; basis: 'inherent' | 'current' | 'residual' }): Promise<THeatmap> {
    policy.read(actor);
    const scope = policy.scope(actor);
    const key = JSON.stringify([actor.tenantId, scope === 'all' ? 'all' : [...scope].sort(), q.opdId ?? null, q.year ?? null, q.basis, jakartaToday()]);
    return this.heatmaps.run(key, () => this.evaluateHeatmap(actor, q, scope));
  }

  private async evaluateHeatmap(actor: Actor, q: { opdId?: string; year?: number; basis: 'inherent' | 'current' | 'residual' }, scope: repo.OpdFilter): Promise<THeatmap> {
    const s = await loadSettings(this.db, actor.tenantId);
    const f: repo.RiskFilter = { opdId: q.opdId, year: q.year };
    const [counts, top, overdue] = await Promise.all([
      repo.heatCounts(this.db, actor.tenantId, f, scope, q.basis),
      repo.listRisks(this.db, actor.tenantId, { ...f, page: 1, pageSize: 10, withTotal: false }, scope),
      repo.overdueTreatments(this.db, actor.tenantId, f, scope, jakartaToday()),
    ]);
    const n = (l: number, i: number) => Number(counts.find((c) => c.l === l && c.i === i)?.n ?? 0);
    const cells = [1, 2, 3, 4, 5].map((l) =>
      [1, 2, 3, 4, 5].map((i) => {
        const r = rating(s, l, i);
        return { likelihood: l, impact: i, score: r.score, color: r.color, level: r.level, count: n(l, i) };
      }),
    );
    const flat = cells.flat();
    const today = jakartaToday();
    return {
      basis: q.basis,
      cells,
      byLevel: s.levels.map((b) => ({ level: b.code, name: b.name, color: b.color, count: flat.filter((c) => c.level === b.code).reduce((a, c) => a + c.count, 0) })),
      total: flat.reduce((a, c) => a + c.count, 0),
      top: top.items.map((r) => riskDto(s, r)),
      overdue: overdue.map((o) => ({ ...treatmentDto(s, o.t, today), riskCode: riskCode(o.riskYear, o.riskCode), riskEvent: o.riskEvent, opdName: o.opdName })),
    };
  }
}

const REMINDER_KIND = 'risks.treatment_due';
const resetApproval = { approvalStatus: 'belum', approvalReason: null, approvedBy: null, approvedByName: null, approvedAt: null };
