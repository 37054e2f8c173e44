import { and, count, desc, eq, gte, ilike, lt, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZAuditQuery } from '@persada/shared';
import type { AppDeps } from '../../app/deps.js';
import { auditLog } from '../../db/schema/index.js';
import type { Actor } from '../../platform/context/actor.js';
import { requirePermission } from '../../platform/context/actor.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import { likeText, offsetOf } from '../../platform/http/paging.js';

type Query = z.infer<typeof ZAuditQuery>;

export const COUNT_CAP = 10_000;

/** Reading, exporting and verifying the tenant's audit trail. */
export class AuditService {
  constructor(private readonly deps: AppDeps) {}

  private where(actor: Actor, q: Query) {
    const nextDay = (d: string) => new Date(new Date(`${d}T00:00:00+07:00`).getTime() + 86_400_000);
    return and(
      eq(auditLog.tenantId, actor.tenantId),
      q.entity ? eq(auditLog.entity, q.entity) : undefined,
      q.action ? eq(auditLog.action, q.action) : undefined,
      q.actorId ? eq(auditLog.actorUserId, q.actorId) : undefined,
      q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
      // Dates are days in WIB (UTC+7), the Pemda's working time.
      q.from ? gte(auditLog.at, new Date(`${q.from}T00:00:00+07:00`)) : undefined,
      q.to ? lt(auditLog.at, nextDay(q.to)) : undefined,
      q.q ? or(ilike(auditLog.actorLabel, likeText(q.q)), ilike(auditLog.action, likeText(q.q)), ilike(auditLog.entityId, likeText(q.q))) : undefined,
    );
  }

  async list(actor: Actor, q: Query) {
    requirePermission(actor, 'audit.read');
    const db = this.deps.database.db;
    const where = this.where(actor, q);
    // Newest first by default; sequence order is the chain order.
    const order = q.sort === 'seq' && q.dir === 'asc' ? sql`${auditLog.seq} asc` : desc(auditLog.seq);
    const filtered = Boolean(q.entity || q.action || q.actorId || q.entityId || q.from || q.to || q.q);
    const [rows, counted] = await Promise.all([
      db.select().from(auditLog).where(where).orderBy(order).limit(q.pageSize).offset(offsetOf(q)),
      this.count(actor, where, filtered),
    ]);
    return {
      items: rows.map((r) => ({
        id: String(r.id),
        seq: r.seq,
        at: r.at.toISOString(),
        actorUserId: r.actorUserId,
        actorLabel: r.actorLabel,
        action: r.action,
        entity: r.entity,
        entityId: r.entityId,
        before: r.before ? JSON.parse(r.before) : null,
        after: r.after ? JSON.parse(r.after) : null,
        requestId: r.requestId,
        ip: r.ip,
        hash: r.hash,
      })),
      total: counted.total,
      totalCapped: counted.capped,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /**
   * The chain has no gaps, so the whole trail's size is its last sequence number (an index
   * lookup). A filtered count over millions of entries is capped: the page says "10.000+".
   */
  private async count(actor: Actor, where: ReturnType<AuditService['where']>, filtered: boolean) {
    const db = this.deps.database.db;
    if (!filtered) {
      const [r] = await db.select({ n: sql<number>`coalesce(max(${auditLog.seq}), 0)::int` }).from(auditLog).where(eq(auditLog.tenantId, actor.tenantId));
      return { total: Number(r.n), capped: false };
    }
    const capped = db.select({ one: sql`1` }).from(auditLog).where(where).limit(COUNT_CAP + 1).as('capped');
    const [r] = await db.select({ n: count() }).from(capped);
    return { total: Math.min(r.n, COUNT_CAP), capped: r.n > COUNT_CAP };
  }

  async verify(actor: Actor) {
    requirePermission(actor, 'audit.verify');
    return verifyAuditChain(this.deps.database.raw, actor.tenantId, this.deps.database.kind === 'postgres' ? 2 : 1);
  }
}
