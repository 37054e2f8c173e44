import { and, count, desc, eq, ilike, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import {
  certNeeds,
  opds,
} from '../../db/schema/index.js';
import { likeText, offsetOf, orderBy } from '../../platform/http/paging.js';
import { type OpdFilter, inOpds } from './certificates.repo-common.js';

// Needs (K2)
const needOpdName = sql<string | null>`(select o.name from ${opds} o where o.id = ${certNeeds.opdId})`;
export async function listNeeds(
  db: DbOrTx,
  tenantId: string,
  q: {
    page: number;
    pageSize: number;
    sort?: string;
    dir: 'asc' | 'desc';
    q?: string;
    year?: number;
    opdId?: string;
    kind?: string;
    priority?: string;
  },
  scope: OpdFilter,
) {
  const where = and(
    eq(certNeeds.tenantId, tenantId),
    isNull(certNeeds.deletedAt),
    inOpds(certNeeds.opdId, scope),
    q.year ? eq(certNeeds.year, q.year) : undefined,
    q.opdId ? eq(certNeeds.opdId, q.opdId) : undefined,
    q.kind ? eq(certNeeds.kind, q.kind as 'individual') : undefined,
    q.priority === 'none' ? isNull(certNeeds.priority) : q.priority ? eq(certNeeds.priority, q.priority as 'high') : undefined,
    q.q ? ilike(certNeeds.holderName, likeText(q.q)) : undefined,
  );
  const [items, [{ total }]] = await Promise.all([
    db
      .select({ need: certNeeds, opdName: needOpdName })
      .from(certNeeds)
      .where(where)
      .orderBy(
        ...orderBy(
          q,
          {
            holderName: certNeeds.holderName,
            quantity: certNeeds.quantity,
            priority: certNeeds.priority,
            createdAt: certNeeds.createdAt,
          },
          'createdAt',
        ),
      )
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ total: count() }).from(certNeeds).where(where),
  ]);
  return { items, total };
}
export const getNeed = async (db: DbOrTx, tenantId: string, id: string) =>
  (
    await db
      .select({ need: certNeeds, opdName: needOpdName })
      .from(certNeeds)
      .where(and(eq(certNeeds.tenantId, tenantId), eq(certNeeds.id, id), isNull(certNeeds.deletedAt)))
  )[0];
export const insertNeed = async (db: DbOrTx, row: typeof certNeeds.$inferInsert) => (await db.insert(certNeeds).values(row).returning())[0];
export const updateNeed = async (db: DbOrTx, tenantId: string, id: string, set: Partial<typeof certNeeds.$inferInsert>) =>
  (
    await db
      .update(certNeeds)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(certNeeds.tenantId, tenantId), eq(certNeeds.id, id)))
      .returning()
  )[0];
export const needsSummary = async (db: DbOrTx, tenantId: string, year: number, scope: OpdFilter) =>
  rowsOf<{
    opdId: string;
    opdName: string;
    individual: number;
    position: number;
    system: number;
    total: number;
    high: number;
    analyzed: number;
    entries: number;
  }>(
    await db.execute(sql`select o.id as "opdId", o.name as "opdName",
        coalesce(sum(n.quantity) filter (where n.kind = 'individual'), 0)::int as individual,
        coalesce(sum(n.quantity) filter (where n.kind = 'position'), 0)::int as position,
        coalesce(sum(n.quantity) filter (where n.kind = 'system'), 0)::int as system,
        coalesce(sum(n.quantity), 0)::int as total,
        coalesce(sum(n.quantity) filter (where n.priority = 'high'), 0)::int as high,
        count(n.id) filter (where n.priority is not null)::int as analyzed,
        count(n.id)::int as entries
      from ${opds} o
      left join ${certNeeds} n on n.opd_id = o.id and n.tenant_id = o.tenant_id and n.year = ${year} and n.deleted_at is null
      where o.tenant_id = ${tenantId} and o.deleted_at is null ${
        scope === 'all'
          ? sql``
          : scope.length
            ? sql`and o.id in ${sql`(${sql.join(
                scope.map((s) => sql`${s}`),
                sql`, `,
              )})`}`
            : sql`and false`
      }
      group by o.id, o.name, o.code order by o.code`),
  );
