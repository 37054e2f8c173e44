import { and, count, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { TListQuery } from '@persada/shared';
import type { DbOrTx } from '../../db/client.js';
import { opds } from '../../db/schema/index.js';
import type { Actor } from '../../platform/context/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, conflict, notFound } from '../../platform/http/errors.js';
import { likeText, offsetOf, orderBy } from '../../platform/http/paging.js';
import { systemsPolicy as policy, type ManagePerm } from './systems.policy.js';

/* A "register" is one OPD-owned list of the module (applications, devices, IPs …): the same
 * tenant-scoped, OPD-scoped list/get/create/update/soft-delete/restore/export use cases, driven
 * by a definition. Specific behaviour (categorization, tech docs, decisions) lives in the service. */

type Cols = { id: PgColumn; tenantId: PgColumn; opdId: PgColumn; deletedAt: PgColumn; updatedAt: PgColumn; createdAt: PgColumn };
export type RegisterTable = PgTable & Cols & Record<string, PgColumn>;

export type RefCheck = { field: string; table: RegisterTable };

export type ExportColumn = { key: string; header: string; width?: number; type?: 'text' | 'number' | 'date'; labels?: Record<string, string> };

export type RegisterDef<I extends Record<string, unknown> = any> = {
  /** URL segment under /api/systems/ and audit entity name. */
  path: string;
  entity: string;
  table: RegisterTable;
  input: z.ZodType<I, any>;
  managePerm: ManagePerm;
  search: PgColumn[];
  sorts: Record<string, PgColumn | SQL>;
  defaultSort: string;
  /** Query parameters that filter by equality on a column. */
  filters?: Record<string, PgColumn>;
  /** Computed read-only fields (correlated subqueries on the row). */
  extra?: () => Record<string, SQL>;
  refs?: RefCheck[];
  /** Unique index name → message key and field, for database-enforced uniqueness. */
  unique?: Record<string, { key: any; field: string }>;
  /** Adjusts the stored values (e.g. a status only the Dinas may set). */
  prepare?: (actor: Actor, input: I, current?: Record<string, any>) => Record<string, unknown>;
  exportTitle: string;
  exportColumns: ExportColumn[];
};

/** Side effects of a write, run in its transaction (notifications, reminders). */
export type AfterWrite = (tx: DbOrTx, actor: Actor, action: 'create' | 'update' | 'delete' | 'restore', row: Record<string, any>) => Promise<void>;

export type ListQuery = TListQuery & { opdId?: string; includeDeleted?: boolean } & Record<string, unknown>;

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
export function rowDto(r: Record<string, any>) {
  const { row, ...rest } = r;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (k !== 'tenantId') out[k] = iso(v);
  for (const [k, v] of Object.entries(rest)) out[k] = iso(v);
  return out as Record<string, unknown> & { id: string; opdId: string; opdName: string };
}

/** Postgres unique violation → the index name, else null. */
export function uniqueViolation(e: unknown): string | null {
  for (let c: any = e; c; c = c.cause) if (c.code === '23505') return c.constraint ?? c.constraint_name ?? '';
  return null;
}

const inOpds = (col: PgColumn, ids: 'all' | string[]) => (ids === 'all' ? undefined : ids.length ? inArray(col, ids) : sql`false`);

export type Row = ReturnType<typeof rowDto>;

export class Register {
  constructor(
    readonly def: RegisterDef,
    private readonly db: () => DbOrTx & { transaction: any },
    private readonly afterWrite?: AfterWrite,
  ) {}

  private select(t: RegisterTable) {
    return { row: t, opdName: opds.name, ...(this.def.extra?.() ?? {}) };
  }

  where(actor: Actor, q: Partial<ListQuery>) {
    const t = this.def.table;
    const conds: (SQL | undefined)[] = [eq(t.tenantId, actor.tenantId), inOpds(t.opdId, policy.readScope(actor))];
    if (!q.includeDeleted) conds.push(isNull(t.deletedAt));
    if (q.opdId) conds.push(eq(t.opdId, q.opdId));
    if (q.q) conds.push(or(...this.def.search.map((c) => ilike(sql`${c}::text`, likeText(q.q!)))));
    for (const [k, col] of Object.entries(this.def.filters ?? {})) {
      const v = q[k];
      if (v !== undefined && v !== null && v !== '') conds.push(eq(col, v as any));
    }
    return and(...conds);
  }

  async list(actor: Actor, q: ListQuery) {
    policy.read(actor);
    const t = this.def.table;
    const where = this.where(actor, q);
    const db = this.db();
    const order = [...orderBy(q, { ...this.def.sorts, opdName: opds.name, updatedAt: t.updatedAt }, this.def.defaultSort), t.id];
    // The page is chosen on the sort keys alone; the computed fields (correlated subqueries) then run for
    // its rows only, not for every row the filter matches.
    const page = (db as any)
      .select({ pageId: sql<string>`${t.id}`.as('page_id') })
      .from(t)
      .innerJoin(opds, eq(opds.id, t.opdId))
      .where(where)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .as('page');
    const [items, [{ total }]] = await Promise.all([
      (db as any).select(this.select(t)).from(page).innerJoin(t, eq(t.id, page.pageId)).innerJoin(opds, eq(opds.id, t.opdId)).orderBy(...order),
      (db as any).select({ total: count() }).from(t).where(where),
    ]);
    return { items: (items as Record<string, any>[]).map(rowDto) as Row[], total: Number(total), page: q.page, pageSize: q.pageSize };
  }

  async find(db: DbOrTx, tenantId: string, id: string) {
    const t = this.def.table;
    const [r] = await (db as any)
      .select(this.select(t))
      .from(t)
      .innerJoin(opds, eq(opds.id, t.opdId))
      .where(and(eq(t.tenantId, tenantId), eq(t.id, id)));
    return r ? rowDto(r) : undefined;
  }

  /** A record the actor may read (404 for other tenants, 403 for another OPD). */
  async get(actor: Actor, id: string) {
    policy.read(actor);
    const r = await this.find(this.db(), actor.tenantId, id);
    if (!r) throw notFound();
    policy.readIn(actor, r.opdId);
    return r;
  }

  private async checkRefs(db: DbOrTx, actor: Actor, input: Record<string, any>) {
    const [opd] = await db.select({ id: opds.id }).from(opds).where(and(eq(opds.tenantId, actor.tenantId), eq(opds.id, input.opdId), isNull(opds.deletedAt)));
    if (!opd) throw new AppError(400, 'error.validation', [{ field: 'opdId', key: 'error.not_found' }]);
    for (const ref of this.def.refs ?? []) {
      const v = input[ref.field];
      if (!v) continue;
      const [hit] = await (db as any)
        .select({ id: ref.table.id })
        .from(ref.table)
        .where(and(eq(ref.table.tenantId, actor.tenantId), eq(ref.table.id, v), isNull(ref.table.deletedAt)));
      if (!hit) throw new AppError(400, 'error.validation', [{ field: ref.field, key: 'systems.reference_invalid' }]);
    }
  }

  private async write<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      const idx = uniqueViolation(e);
      if (idx !== null) {
        const u = this.def.unique?.[idx];
        if (u) throw conflict(u.key, u.field);
        throw new AppError(409, 'error.conflict');
      }
      throw e;
    }
  }

  async create(actor: Actor, raw: unknown): Promise<Row> {
    const input = raw as Record<string, any>;
    policy.manageIn(actor, this.def.managePerm, input.opdId);
    const db = this.db();
    await this.checkRefs(db, actor, input);
    const values = this.def.prepare ? this.def.prepare(actor, input) : input;
    return this.write(() =>
      db.transaction(async (tx: DbOrTx) => {
        const [row] = await (tx as any).insert(this.def.table).values({ ...values, tenantId: actor.tenantId }).returning();
        await recordAudit(tx, actor, { action: 'create', entity: this.def.entity, entityId: row.id, after: row });
        await this.afterWrite?.(tx, actor, 'create', row);
        return (await this.find(tx, actor.tenantId, row.id))!;
      }),
    );
  }

  async update(actor: Actor, id: string, raw: unknown): Promise<Row> {
    const input = raw as Record<string, any>;
    const db = this.db();
    const current = await this.find(db, actor.tenantId, id);
    if (!current || current.deletedAt) throw notFound();
    policy.readIn(actor, current.opdId);
    policy.manageIn(actor, this.def.managePerm, current.opdId);
    policy.manageIn(actor, this.def.managePerm, input.opdId);
    await this.checkRefs(db, actor, input);
    const values = this.def.prepare ? this.def.prepare(actor, input, current) : input;
    return this.write(() =>
      db.transaction(async (tx: DbOrTx) => {
        const t = this.def.table;
        const [row] = await (tx as any)
          .update(t)
          .set({ ...values, updatedAt: new Date() })
          .where(and(eq(t.tenantId, actor.tenantId), eq(t.id, id)))
          .returning();
        await recordAudit(tx, actor, { action: 'update', entity: this.def.entity, entityId: id, before: current, after: row });
        await this.afterWrite?.(tx, actor, 'update', row);
        return (await this.find(tx, actor.tenantId, id))!;
      }),
    );
  }

  /** Soft delete (restore puts it back); 404 when already deleted. */
  async remove(actor: Actor, id: string) {
    const db = this.db();
    const current = await this.find(db, actor.tenantId, id);
    if (!current || current.deletedAt) throw notFound();
    policy.readIn(actor, current.opdId);
    policy.manageIn(actor, this.def.managePerm, current.opdId);
    await db.transaction(async (tx: DbOrTx) => {
      const t = this.def.table;
      const [row] = await (tx as any).update(t).set({ deletedAt: new Date() }).where(and(eq(t.tenantId, actor.tenantId), eq(t.id, id))).returning();
      await recordAudit(tx, actor, { action: 'delete', entity: this.def.entity, entityId: id, before: current, after: row });
      await this.afterWrite?.(tx, actor, 'delete', row);
    });
  }

  async restore(actor: Actor, id: string): Promise<Row> {
    const db = this.db();
    const current = await this.find(db, actor.tenantId, id);
    if (!current || !current.deletedAt) throw notFound();
    policy.readIn(actor, current.opdId);
    policy.manageIn(actor, this.def.managePerm, current.opdId);
    return this.write(() =>
      db.transaction(async (tx: DbOrTx) => {
        const t = this.def.table;
        const [row] = await (tx as any).update(t).set({ deletedAt: null, updatedAt: new Date() }).where(and(eq(t.tenantId, actor.tenantId), eq(t.id, id))).returning();
        await recordAudit(tx, actor, { action: 'restore', entity: this.def.entity, entityId: id, before: current, after: row });
        await this.afterWrite?.(tx, actor, 'restore', row);
        return (await this.find(tx, actor.tenantId, id))!;
      }),
    );
  }

  /** Rows for the Excel/CSV export, with codes turned into Indonesian labels. */
  exportRows(items: Record<string, unknown>[]) {
    const yes = (v: unknown) => (v === true ? 'Ya' : v === false ? 'Tidak' : v);
    return items.map((r) => {
      const out: Record<string, unknown> = {};
      for (const c of this.def.exportColumns) {
        const v = r[c.key];
        out[c.key] = c.labels ? (c.labels[String(v)] ?? v ?? null) : c.type === 'number' ? (v == null ? null : Number(v)) : yes(v);
      }
      return out;
    });
  }
}
