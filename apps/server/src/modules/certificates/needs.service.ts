import type { TNeedAnalysisInput, ZNeedInput } from '@persada/shared';
import type { z } from 'zod';
import type { ModuleContext } from '../../app/module.js';
import type { Actor } from '../../platform/context/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { notFound } from '../../platform/http/errors.js';
import { certPolicy as policy } from './certificates.policy.js';
import * as repo from './certificates.repo.js';
import { needDto } from './registry.dto.js';
import { validation } from './registry.shared.js';

type TNeedData = z.output<typeof ZNeedInput>;

/** Certificate needs per OPD and their analysis (K2). */
export class NeedsService {
  constructor(private readonly ctx: ModuleContext) {}
  private get db() {
    return this.ctx.deps.database.db;
  }

  async listNeeds(actor: Actor, q: Parameters<typeof repo.listNeeds>[2]) {
    policy.readAny(actor);
    const { items, total } = await repo.listNeeds(this.db, actor.tenantId, q, policy.needsScope(actor));
    return {
      items: items.map(needDto),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
  async needsSummary(actor: Actor, year: number) {
    policy.readAny(actor);
    return repo.needsSummary(this.db, actor.tenantId, year, policy.needsScope(actor));
  }
  async createNeed(actor: Actor, input: TNeedData) {
    policy.manageNeedsIn(actor, input.opdId);
    if (!(await repo.opdExists(this.db, actor.tenantId, input.opdId))) throw validation('opdId', 'error.not_found');
    const row = await this.db.transaction(async (tx) => {
      const row = await repo.insertNeed(tx, {
        ...input,
        justification: input.justification ?? null,
        tenantId: actor.tenantId,
        createdBy: actor.userId,
      });
      await recordAudit(tx, actor, {
        action: 'create',
        entity: 'cert_need',
        entityId: row.id,
        after: row,
      });
      return row;
    });
    return needDto((await repo.getNeed(this.db, actor.tenantId, row.id))!);
  }
  async updateNeed(actor: Actor, id: string, input: TNeedData) {
    const cur = await repo.getNeed(this.db, actor.tenantId, id);
    if (!cur) throw notFound();
    policy.manageNeedsIn(actor, cur.need.opdId);
    policy.manageNeedsIn(actor, input.opdId);
    await this.db.transaction(async (tx) => {
      const after = await repo.updateNeed(tx, actor.tenantId, id, {
        ...input,
        justification: input.justification ?? null,
      });
      await recordAudit(tx, actor, {
        action: 'update',
        entity: 'cert_need',
        entityId: id,
        before: cur.need,
        after,
      });
    });
    return needDto((await repo.getNeed(this.db, actor.tenantId, id))!);
  }
  async deleteNeed(actor: Actor, id: string) {
    const cur = await repo.getNeed(this.db, actor.tenantId, id);
    if (!cur) throw notFound();
    policy.manageNeedsIn(actor, cur.need.opdId);
    await this.db.transaction(async (tx) => {
      const after = await repo.updateNeed(tx, actor.tenantId, id, {
        deletedAt: new Date(),
      });
      await recordAudit(tx, actor, {
        action: 'delete',
        entity: 'cert_need',
        entityId: id,
        before: cur.need,
        after,
      });
    });
  }
  /** The Dinas analyses and prioritises each need (P4(2), P9). */
  async analyseNeed(actor: Actor, id: string, input: TNeedAnalysisInput) {
    const cur = await repo.getNeed(this.db, actor.tenantId, id);
    if (!cur) throw notFound();
    policy.dinas(actor);
    await this.db.transaction(async (tx) => {
      const after = await repo.updateNeed(tx, actor.tenantId, id, {
        priority: input.priority,
        analysisNotes: input.analysisNotes ?? null,
        analyzedBy: actor.userId,
        analyzedAt: new Date(),
      });
      await recordAudit(tx, actor, {
        action: 'analyse',
        entity: 'cert_need',
        entityId: id,
        before: cur.need,
        after,
      });
    });
    return needDto((await repo.getNeed(this.db, actor.tenantId, id))!);
  }
}
