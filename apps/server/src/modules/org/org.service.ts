import type { TListQuery, TOpdInput, TTenantProfileInput, TUnitInput } from '@persada/shared';
import type { AppDeps } from '../../app/deps.js';
import type { Actor } from '../../platform/context/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, conflict, notFound } from '../../platform/http/errors.js';
import * as repo from './org.repo.js';
import { opdDto, tenantDto, unitDto } from './org.dto.js';
import { orgPolicy as policy } from './org.policy.js';

/** Pemda profile, OPDs and their units (A1–A2). Every change is audited in its transaction. */
export class OrgService {
  constructor(private readonly deps: AppDeps) {}
  private get db() {
    return this.deps.database.db;
  }

  async getTenant(actor: Actor) {
    policy.readTenant(actor);
    const t = await repo.getTenant(this.db, actor.tenantId);
    if (!t) throw notFound();
    return tenantDto(t);
  }

  async updateTenant(actor: Actor, input: TTenantProfileInput) {
    policy.manageTenant(actor);
    return this.db.transaction(async (tx) => {
      const before = await repo.getTenant(tx, actor.tenantId);
      if (!before) throw notFound();
      const [after] = await repo.updateTenant(tx, actor.tenantId, input);
      await recordAudit(tx, actor, { action: 'update', entity: 'tenant', entityId: actor.tenantId, before, after });
      return tenantDto(after);
    });
  }

  async listOpds(actor: Actor, q: TListQuery & { includeDeleted?: boolean }) {
    policy.readOrg(actor);
    const { items, total } = await repo.listOpds(this.db, actor.tenantId, q, policy.orgScope(actor));
    return { items: items.map(opdDto), total, page: q.page, pageSize: q.pageSize };
  }

  async getOpd(actor: Actor, id: string) {
    const r = await repo.getOpd(this.db, actor.tenantId, id);
    if (!r) throw notFound();
    policy.readInOpd(actor, id);
    return opdDto(r);
  }

  async createOpd(actor: Actor, input: TOpdInput) {
    policy.manageOpdSet(actor);
    return this.db.transaction(async (tx) => {
      if (await repo.opdCodeTaken(tx, actor.tenantId, input.code)) throw conflict('opd.code_taken', 'code');
      const row = await repo.insertOpd(tx, { ...input, tenantId: actor.tenantId });
      await recordAudit(tx, actor, { action: 'create', entity: 'opd', entityId: row.id, after: row });
      return opdDto({ opd: row, headName: null, unitCount: 0, peopleCount: 0 });
    });
  }

  async updateOpd(actor: Actor, id: string, input: TOpdInput) {
    const current = await repo.getOpd(this.db, actor.tenantId, id);
    if (!current) throw notFound();
    policy.manageInOpd(actor, id);
    return this.db.transaction(async (tx) => {
      if (await repo.opdCodeTaken(tx, actor.tenantId, input.code, id)) throw conflict('opd.code_taken', 'code');
      const row = await repo.updateOpd(tx, actor.tenantId, id, input);
      await recordAudit(tx, actor, { action: 'update', entity: 'opd', entityId: id, before: current.opd, after: row });
      return opdDto({ ...current, opd: row });
    });
  }

  /** Soft delete: the OPD stays in history and can be restored. */
  async deleteOpd(actor: Actor, id: string) {
    const current = await repo.getOpd(this.db, actor.tenantId, id);
    if (!current || current.opd.deletedAt) throw notFound();
    policy.manageOpdSet(actor);
    await this.db.transaction(async (tx) => {
      if (await repo.opdHasActiveChildren(tx, actor.tenantId, id)) throw new AppError(409, 'opd.has_children');
      const row = await repo.updateOpd(tx, actor.tenantId, id, { deletedAt: new Date() });
      await recordAudit(tx, actor, { action: 'delete', entity: 'opd', entityId: id, before: current.opd, after: row });
    });
  }

  async restoreOpd(actor: Actor, id: string) {
    const current = await repo.getOpd(this.db, actor.tenantId, id);
    if (!current || !current.opd.deletedAt) throw notFound();
    policy.manageOpdSet(actor);
    return this.db.transaction(async (tx) => {
      if (await repo.opdCodeTaken(tx, actor.tenantId, current.opd.code, id)) throw conflict('opd.code_taken', 'code');
      const row = await repo.updateOpd(tx, actor.tenantId, id, { deletedAt: null });
      await recordAudit(tx, actor, { action: 'restore', entity: 'opd', entityId: id, before: current.opd, after: row });
      return opdDto({ ...current, opd: row });
    });
  }

  async listUnits(actor: Actor, opdId: string) {
    if (!(await repo.getOpd(this.db, actor.tenantId, opdId))) throw notFound();
    policy.readInOpd(actor, opdId);
    return (await repo.listUnits(this.db, actor.tenantId, opdId)).map(unitDto);
  }

  private async checkParent(actor: Actor, input: TUnitInput, selfId?: string) {
    const opd = await repo.getOpd(this.db, actor.tenantId, input.opdId);
    if (!opd) throw new AppError(400, 'error.validation', [{ field: 'opdId', key: 'error.not_found' }]);
    let parentId = input.parentId ?? null;
    const seen = new Set<string>();
    while (parentId) {
      if (parentId === selfId || seen.has(parentId)) throw new AppError(400, 'error.validation', [{ field: 'parentId', key: 'unit.parent_cycle' }]);
      seen.add(parentId);
      const parent = await repo.getUnit(this.db, actor.tenantId, parentId);
      if (!parent || parent.opdId !== input.opdId) throw new AppError(400, 'error.validation', [{ field: 'parentId', key: 'error.not_found' }]);
      parentId = parent.parentId;
    }
  }

  async createUnit(actor: Actor, input: TUnitInput) {
    policy.manageInOpd(actor, input.opdId);
    await this.checkParent(actor, input);
    return this.db.transaction(async (tx) => {
      const row = await repo.insertUnit(tx, { ...input, parentId: input.parentId ?? null, tenantId: actor.tenantId });
      await recordAudit(tx, actor, { action: 'create', entity: 'unit', entityId: row.id, after: row });
      return unitDto(row);
    });
  }

  async updateUnit(actor: Actor, id: string, input: TUnitInput) {
    const current = await repo.getUnit(this.db, actor.tenantId, id);
    if (!current || current.deletedAt) throw notFound();
    policy.manageInOpd(actor, current.opdId);
    policy.manageInOpd(actor, input.opdId);
    await this.checkParent(actor, input, id);
    return this.db.transaction(async (tx) => {
      const row = await repo.updateUnit(tx, actor.tenantId, id, { ...input, parentId: input.parentId ?? null });
      await recordAudit(tx, actor, { action: 'update', entity: 'unit', entityId: id, before: current, after: row });
      return unitDto(row);
    });
  }

  async deleteUnit(actor: Actor, id: string) {
    const current = await repo.getUnit(this.db, actor.tenantId, id);
    if (!current || current.deletedAt) throw notFound();
    policy.manageInOpd(actor, current.opdId);
    await this.db.transaction(async (tx) => {
      if (await repo.unitHasActiveChildren(tx, actor.tenantId, id)) throw new AppError(409, 'opd.has_children');
      const row = await repo.updateUnit(tx, actor.tenantId, id, { deletedAt: new Date() });
      await recordAudit(tx, actor, { action: 'delete', entity: 'unit', entityId: id, before: current, after: row });
    });
  }
}
