import { ZRiskContextInput, type TRiskContextInput } from '@persada/shared';
import type { AppDeps } from '../../app/deps.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/context/actor.js';
import { AppError, conflict, notFound } from '../../platform/http/errors.js';
import { contextDto } from './risks.dto.js';
import { risksPolicy as policy } from './risks.policy.js';
import * as repo from './risks.repo.js';
import { loadSettings } from './settings.service.js';

type ContextInput = ReturnType<typeof ZRiskContextInput.parse>;

/** Context per risk-owning unit (OPD) and period (Form 2.0), with its risk appetite; clone to a new year. */
export class RiskContextService {
  constructor(private readonly deps: AppDeps) {}
  private get db() {
    return this.deps.database.db;
  }

  async list(actor: Actor, q: repo.ContextListQuery) {
    policy.read(actor);
    const { items, total } = await repo.listContexts(this.db, actor.tenantId, q, policy.scope(actor));
    return { items: items.map(contextDto), total, page: q.page, pageSize: q.pageSize };
  }

  async get(actor: Actor, id: string) {
    const r = await repo.getContext(this.db, actor.tenantId, id);
    if (!r) throw notFound();
    policy.readIn(actor, r.ctx.opdId);
    return contextDto(r);
  }

  private async checkRefs(actor: Actor, input: ContextInput) {
    if (!(await repo.opdInTenant(this.db, actor.tenantId, input.opdId))) throw new AppError(400, 'error.validation', [{ field: 'opdId', key: 'error.not_found' }]);
    if (input.ownerPersonId && !(await repo.personInTenant(this.db, actor.tenantId, input.ownerPersonId)))
      throw new AppError(400, 'error.validation', [{ field: 'ownerPersonId', key: 'risks.owner_not_found' }]);
    const settings = await loadSettings(this.db, actor.tenantId);
    for (const code of Object.keys(input.appetite))
      if (!settings.categories.some((c) => c.code === code)) throw new AppError(400, 'error.validation', [{ field: 'appetite', key: 'risks.unknown_category' }]);
    return settings;
  }

  async create(actor: Actor, raw: TRiskContextInput) {
    const input = ZRiskContextInput.parse(raw);
    policy.manageIn(actor, input.opdId);
    await this.checkRefs(actor, input);
    return this.db.transaction(async (tx) => {
      if (await repo.contextExists(tx, actor.tenantId, input.opdId, input.year)) throw conflict('risks.context_exists', 'year');
      const row = await repo.insertContext(tx, { ...input, tenantId: actor.tenantId, createdBy: actor.userId });
      await recordAudit(tx, actor, { action: 'create', entity: 'risk_context', entityId: row.id, after: row });
      return contextDto((await repo.getContext(tx, actor.tenantId, row.id))!);
    });
  }

  async update(actor: Actor, id: string, raw: TRiskContextInput) {
    const input = ZRiskContextInput.parse(raw);
    const current = await repo.getContext(this.db, actor.tenantId, id);
    if (!current) throw notFound();
    policy.manageIn(actor, current.ctx.opdId);
    policy.manageIn(actor, input.opdId);
    const settings = await this.checkRefs(actor, input);
    return this.db.transaction(async (tx) => {
      if (await repo.contextExists(tx, actor.tenantId, input.opdId, input.year, id)) throw conflict('risks.context_exists', 'year');
      if ((input.opdId !== current.ctx.opdId || input.year !== current.ctx.year) && (await repo.activeRiskCount(tx, actor.tenantId, id)) > 0)
        throw conflict('risks.context_has_risks', 'year');
      const row = await repo.updateContext(tx, actor.tenantId, id, input);
      // the appetite may have changed: re-decide "needs treatment" for its risks
      await repo.recomputeRisks(tx, actor.tenantId, settings.matrix, id);
      await recordAudit(tx, actor, { action: 'update', entity: 'risk_context', entityId: id, before: current.ctx, after: row });
      return contextDto((await repo.getContext(tx, actor.tenantId, id))!);
    });
  }

  async remove(actor: Actor, id: string) {
    const current = await repo.getContext(this.db, actor.tenantId, id);
    if (!current) throw notFound();
    policy.manageIn(actor, current.ctx.opdId);
    await this.db.transaction(async (tx) => {
      if ((await repo.activeRiskCount(tx, actor.tenantId, id)) > 0) throw new AppError(409, 'risks.context_has_risks');
      const row = await repo.updateContext(tx, actor.tenantId, id, { deletedAt: new Date() });
      await recordAudit(tx, actor, { action: 'delete', entity: 'risk_context', entityId: id, before: current.ctx, after: row });
    });
  }

  /**
   * Copies a context and its risks (with their treatment plans) into another year. Approval
   * goes back to "Belum", monitoring starts empty and plans restart as "planned".
   */
  async clone(actor: Actor, id: string, year: number) {
    const src = await repo.getContext(this.db, actor.tenantId, id);
    if (!src) throw notFound();
    policy.manageIn(actor, src.ctx.opdId);
    if (year === src.ctx.year) throw new AppError(400, 'error.validation', [{ field: 'year', key: 'risks.same_year' }]);
    const shift = (d: string | null) => {
      if (!d) return null;
      const y = Number(d.slice(0, 4)) + (year - src.ctx.year);
      const md = d.slice(5) === '02-29' ? '02-28' : d.slice(5);
      return `${String(y).padStart(4, '0')}-${md}`;
    };
    return this.db.transaction(async (tx) => {
      if (await repo.contextExists(tx, actor.tenantId, src.ctx.opdId, year)) throw conflict('risks.context_exists', 'year');
      const { id: _id, createdAt: _c, updatedAt: _u, deletedAt: _d, ...rest } = src.ctx;
      const ctx = await repo.insertContext(tx, { ...rest, year, createdBy: actor.userId });
      const srcRisks = await repo.risksOfContext(tx, actor.tenantId, id);
      const plans = await repo.treatmentsOf(tx, actor.tenantId, srcRisks.map((r) => r.id));
      for (const r of srcRisks) {
        const { id: rid, createdAt: _a, updatedAt: _b, deletedAt: _e, ...copy } = r;
        const nr = await repo.insertRisk(tx, {
          ...copy,
          contextId: ctx.id,
          year,
          approvalStatus: 'belum',
          approvalReason: null,
          approvedBy: null,
          approvedByName: null,
          approvedAt: null,
          createdBy: actor.userId,
        });
        for (const p of plans.filter((x) => x.riskId === rid)) {
          if (p.status === 'cancelled') continue;
          const { id: _pid, createdAt: _pc, updatedAt: _pu, deletedAt: _pd, ...pc } = p;
          await repo.insertTreatment(tx, { ...pc, riskId: nr.id, status: 'planned', startDate: shift(p.startDate), endDate: shift(p.endDate) });
        }
      }
      await recordAudit(tx, actor, { action: 'clone', entity: 'risk_context', entityId: ctx.id, before: { sourceId: id, year: src.ctx.year }, after: { ...ctx, risks: srcRisks.length } });
      return contextDto((await repo.getContext(tx, actor.tenantId, ctx.id))!);
    });
  }
}
