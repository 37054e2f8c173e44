import { and, count, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { opds, people, positionHolders, positions, tenants, units, users } from '../../db/schema/index.js';
import { likeText, offsetOf, orderBy } from '../../platform/http/paging.js';
import type { TListQuery } from '@persada/shared';

/** Every query here is scoped by tenant id; OPD scoping comes from the service as `opdIds`. */
export type OpdFilter = 'all' | string[];
const inOpds = (col: any, ids: OpdFilter) => (ids === 'all' ? undefined : ids.length ? inArray(col, ids) : sql`false`);

// Tenant
export const getTenant = async (db: DbOrTx, tenantId: string) =>
  (await db.select().from(tenants).where(eq(tenants.id, tenantId)))[0];
export const updateTenant = (db: DbOrTx, tenantId: string, set: Partial<typeof tenants.$inferInsert>) =>
  db.update(tenants).set({ ...set, updatedAt: new Date() }).where(eq(tenants.id, tenantId)).returning();

// OPDs
const headName = sql<string | null>`(select p.full_name from ${positions} pos
  join ${positionHolders} h on h.position_id = pos.id and h.end_date is null
  join ${people} p on p.id = h.person_id
  where pos.opd_id = "opds"."id" and pos.is_head and pos.deleted_at is null limit 1)`;
const unitCount = sql<number>`(select count(*)::int from ${units} u where u.opd_id = "opds"."id" and u.deleted_at is null)`;
const peopleCount = sql<number>`(select count(*)::int from ${people} pp where pp.opd_id = "opds"."id" and pp.deleted_at is null)`;

export async function listOpds(db: DbOrTx, tenantId: string, q: TListQuery & { includeDeleted?: boolean }, scope: OpdFilter) {
  const where = and(
    eq(opds.tenantId, tenantId),
    q.includeDeleted ? undefined : isNull(opds.deletedAt),
    q.q ? or(ilike(opds.name, likeText(q.q)), ilike(opds.code, likeText(q.q)), ilike(opds.shortName, likeText(q.q))) : undefined,
    inOpds(opds.id, scope),
  );
  const [items, [{ total }]] = await Promise.all([
    db
      .select({ opd: opds, headName, unitCount, peopleCount })
      .from(opds)
      .where(where)
      .orderBy(...orderBy(q, { code: opds.code, name: opds.name, updatedAt: opds.updatedAt }, 'code'))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ total: count() }).from(opds).where(where),
  ]);
  return { items, total };
}

export const getOpd = async (db: DbOrTx, tenantId: string, id: string) =>
  (await db.select({ opd: opds, headName, unitCount, peopleCount }).from(opds).where(and(eq(opds.tenantId, tenantId), eq(opds.id, id))))[0];
export const insertOpd = async (db: DbOrTx, row: typeof opds.$inferInsert) => (await db.insert(opds).values(row).returning())[0];
export const updateOpd = async (db: DbOrTx, tenantId: string, id: string, set: Partial<typeof opds.$inferInsert>) =>
  (await db.update(opds).set({ ...set, updatedAt: new Date() }).where(and(eq(opds.tenantId, tenantId), eq(opds.id, id))).returning())[0];
export const opdCodeTaken = async (db: DbOrTx, tenantId: string, code: string, exceptId?: string) =>
  (
    await db
      .select({ id: opds.id })
      .from(opds)
      .where(and(eq(opds.tenantId, tenantId), eq(opds.code, code), isNull(opds.deletedAt), exceptId ? sql`${opds.id} <> ${exceptId}` : undefined))
  ).length > 0;

export async function opdHasActiveChildren(db: DbOrTx, tenantId: string, opdId: string) {
  const rows = await db.execute(sql`select
      (select count(*) from ${units} where tenant_id = ${tenantId} and opd_id = ${opdId} and deleted_at is null)
    + (select count(*) from ${people} where tenant_id = ${tenantId} and opd_id = ${opdId} and deleted_at is null)
    + (select count(*) from ${positions} where tenant_id = ${tenantId} and opd_id = ${opdId} and deleted_at is null) as n`);
  return Number(rowsOf(rows)[0].n) > 0;
}

/** All active OPDs with their head and head's NIP, for the printable list. */
export const opdsWithHeads = async (db: DbOrTx, tenantId: string) =>
  rowsOf<{ code: string; name: string; shortName: string | null; peopleCount: number; headName: string | null; headNip: string | null; frontTitle: string | null; backTitle: string | null; headPosition: string | null }>(await db.execute(sql`select o.code, o.name, o.short_name as "shortName",
      (select count(*)::int from ${people} pp where pp.opd_id = o.id and pp.deleted_at is null) as "peopleCount",
      h.full_name as "headName", h.nip as "headNip", h.front_title as "frontTitle", h.back_title as "backTitle", h.position as "headPosition"
    from ${opds} o
    left join lateral (
      select p.full_name, p.nip, p.front_title, p.back_title, pos.name as position from ${positions} pos
      join ${positionHolders} ph on ph.position_id = pos.id and ph.end_date is null
      join ${people} p on p.id = ph.person_id
      where pos.opd_id = o.id and pos.is_head and pos.deleted_at is null limit 1) h on true
    where o.tenant_id = ${tenantId} and o.deleted_at is null order by o.code`));

// Units
export const listUnits = (db: DbOrTx, tenantId: string, opdId: string) =>
  db.select().from(units).where(and(eq(units.tenantId, tenantId), eq(units.opdId, opdId), isNull(units.deletedAt))).orderBy(units.name);
export const getUnit = async (db: DbOrTx, tenantId: string, id: string) =>
  (await db.select().from(units).where(and(eq(units.tenantId, tenantId), eq(units.id, id))))[0];
export const insertUnit = async (db: DbOrTx, row: typeof units.$inferInsert) => (await db.insert(units).values(row).returning())[0];
export const updateUnit = async (db: DbOrTx, tenantId: string, id: string, set: Partial<typeof units.$inferInsert>) =>
  (await db.update(units).set({ ...set, updatedAt: new Date() }).where(and(eq(units.tenantId, tenantId), eq(units.id, id))).returning())[0];
export async function unitHasActiveChildren(db: DbOrTx, tenantId: string, unitId: string) {
  const rows = await db.execute(sql`select
      (select count(*) from ${units} where tenant_id = ${tenantId} and parent_id = ${unitId} and deleted_at is null)
    + (select count(*) from ${people} where tenant_id = ${tenantId} and unit_id = ${unitId} and deleted_at is null)
    + (select count(*) from ${positions} where tenant_id = ${tenantId} and unit_id = ${unitId} and deleted_at is null) as n`);
  return Number(rowsOf(rows)[0].n) > 0;
}

// Positions
const holder = {
  holderPersonId: positionHolders.personId,
  holderName: people.fullName,
  holderSince: positionHolders.startDate,
  holderActing: positionHolders.acting,
};
export async function listPositions(db: DbOrTx, tenantId: string, q: TListQuery & { opdId?: string }, scope: OpdFilter) {
  const where = and(
    eq(positions.tenantId, tenantId),
    isNull(positions.deletedAt),
    q.opdId ? eq(positions.opdId, q.opdId) : undefined,
    q.q ? or(ilike(positions.name, likeText(q.q)), ilike(people.fullName, likeText(q.q))) : undefined,
    inOpds(positions.opdId, scope),
  );
  const base = (sel: any) =>
    db
      .select(sel)
      .from(positions)
      .leftJoin(positionHolders, and(eq(positionHolders.positionId, positions.id), isNull(positionHolders.endDate)))
      .leftJoin(people, eq(people.id, positionHolders.personId))
      .where(where);
  const [items, totals] = await Promise.all([
    base({ position: positions, ...holder })
      .orderBy(...orderBy(q, { name: positions.name, holderName: people.fullName, opdId: positions.opdId }, 'name'))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    base({ total: count() }),
  ]);
  return { items: items as any[], total: Number((totals as unknown as { total: number }[])[0].total) };
}
export const getPosition = async (db: DbOrTx, tenantId: string, id: string) =>
  (
    await db
      .select({ position: positions, ...holder })
      .from(positions)
      .leftJoin(positionHolders, and(eq(positionHolders.positionId, positions.id), isNull(positionHolders.endDate)))
      .leftJoin(people, eq(people.id, positionHolders.personId))
      .where(and(eq(positions.tenantId, tenantId), eq(positions.id, id)))
  )[0];
export const insertPosition = async (db: DbOrTx, row: typeof positions.$inferInsert) => (await db.insert(positions).values(row).returning())[0];
export const updatePosition = async (db: DbOrTx, tenantId: string, id: string, set: Partial<typeof positions.$inferInsert>) =>
  (await db.update(positions).set({ ...set, updatedAt: new Date() }).where(and(eq(positions.tenantId, tenantId), eq(positions.id, id))).returning())[0];
export const endCurrentHolder = (db: DbOrTx, tenantId: string, positionId: string, endDate: string) =>
  db
    .update(positionHolders)
    .set({ endDate })
    .where(and(eq(positionHolders.tenantId, tenantId), eq(positionHolders.positionId, positionId), isNull(positionHolders.endDate)))
    .returning();
export const insertHolder = async (db: DbOrTx, row: typeof positionHolders.$inferInsert) =>
  (await db.insert(positionHolders).values(row).returning())[0];

// People
const personPosition = sql<string | null>`(select pos.name from ${positionHolders} ph join ${positions} pos on pos.id = ph.position_id
  where ph.person_id = "people"."id" and ph.end_date is null limit 1)`;
const hasUser = sql<boolean>`exists(select 1 from ${users} u where u.person_id = "people"."id")`;

type PeopleQuery = TListQuery & { opdId?: string; kind?: string; includeDeleted?: boolean };
const peopleSort = { fullName: people.fullName, nip: people.nip, opdName: opds.name, updatedAt: people.updatedAt };

/**
 * The people list is the busiest query of the app: it runs as prepared statements, one pair per
 * query shape (which filters are present, the sort, whether the caller sees every OPD), so
 * PostgreSQL plans each shape once per connection instead of on every request.
 */
function peopleStatements(db: DbOrTx, q: PeopleQuery, scope: OpdFilter): PeopleStatements {
  const sortKey = q.sort && q.sort in peopleSort ? q.sort : 'fullName';
  const key = [q.includeDeleted ? 'd' : '', q.opdId ? 'o' : '', q.kind ? 'k' : '', q.q ? 'q' : '', scope === 'all' ? 'a' : 's', sortKey, q.dir].join('');
  let cache = preparedPeople.get(db);
  if (!cache) preparedPeople.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit) return hit;
  const ph = (name: string) => sql.placeholder(name);
  const where = and(
    eq(people.tenantId, ph('tenantId')),
    q.includeDeleted ? undefined : isNull(people.deletedAt),
    q.opdId ? eq(people.opdId, ph('opdId')) : undefined,
    q.kind ? eq(people.kind, ph('kind')) : undefined,
    q.q ? or(ilike(people.fullName, ph('q')), ilike(people.nip, ph('q')), ilike(people.email, ph('q'))) : undefined,
    scope === 'all' ? undefined : sql`${people.opdId} = any(${ph('opds')}::uuid[])`,
  );
  const statements: PeopleStatements = {
    items: db
      .select({ person: people, opdName: opds.name, positionName: personPosition, hasUser })
      .from(people)
      .leftJoin(opds, eq(opds.id, people.opdId))
      .where(where)
      .orderBy(...orderBy({ sort: sortKey, dir: q.dir }, peopleSort, 'fullName'))
      .limit(ph('limit'))
      .offset(ph('offset'))
      .prepare(`people_list_${key}`),
    total: db.select({ total: count() }).from(people).where(where).prepare(`people_count_${key}`),
  };
  cache.set(key, statements);
  return statements;
}
type PeopleStatements = {
  items: { execute(p: Record<string, unknown>): Promise<unknown[]> };
  total: { execute(p: Record<string, unknown>): Promise<{ total: number }[]> };
};
const preparedPeople = new WeakMap<object, Map<string, PeopleStatements>>();

export async function listPeople(db: DbOrTx, tenantId: string, q: PeopleQuery, scope: OpdFilter) {
  if (scope !== 'all' && scope.length === 0) return { items: [], total: 0 };
  const st = peopleStatements(db, q, scope);
  const params = {
    tenantId,
    opdId: q.opdId,
    kind: q.kind,
    q: q.q ? likeText(q.q) : undefined,
    opds: scope === 'all' ? undefined : scope,
    limit: q.pageSize,
    offset: offsetOf(q),
  };
  const [items, [{ total }]] = await Promise.all([st.items.execute(params), st.total.execute(params)]);
  return {
    items: items as { person: typeof people.$inferSelect; opdName: string | null; positionName: string | null; hasUser: boolean }[],
    total: Number(total),
  };
}
export const getPerson = async (db: DbOrTx, tenantId: string, id: string) =>
  (
    await db
      .select({ person: people, opdName: opds.name, positionName: personPosition, hasUser })
      .from(people)
      .leftJoin(opds, eq(opds.id, people.opdId))
      .where(and(eq(people.tenantId, tenantId), eq(people.id, id)))
  )[0];
export const insertPerson = async (db: DbOrTx, row: typeof people.$inferInsert) => (await db.insert(people).values(row).returning())[0];
export const updatePerson = async (db: DbOrTx, tenantId: string, id: string, set: Partial<typeof people.$inferInsert>) =>
  (await db.update(people).set({ ...set, updatedAt: new Date() }).where(and(eq(people.tenantId, tenantId), eq(people.id, id))).returning())[0];
export const personConflicts = (db: DbOrTx, tenantId: string, nip: string | null, email: string, exceptId?: string) =>
  db
    .select({ nip: people.nip, email: people.email })
    .from(people)
    .where(
      and(
        eq(people.tenantId, tenantId),
        isNull(people.deletedAt),
        or(nip ? eq(people.nip, nip) : undefined, eq(people.email, email)),
        exceptId ? sql`${people.id} <> ${exceptId}` : undefined,
      ),
    );
