import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { opds, people, tenants, riskContexts, riskMonitorings, riskSettings, riskTreatments, risks } from '../../db/schema/index.js';
import { likeText, offsetOf } from '../../platform/http/paging.js';

/** Every query is scoped by tenant id; OPD scoping comes from the service as `scope`. */
export type OpdFilter = 'all' | string[];
const inOpds = (col: any, ids: OpdFilter) => (ids === 'all' ? undefined : ids.length ? inArray(col, ids) : sql`false`);

export type RiskRow = typeof risks.$inferSelect;
export type ContextRow = typeof riskContexts.$inferSelect;
export type TreatmentRow = typeof riskTreatments.$inferSelect;
export type MonitoringRow = typeof riskMonitorings.$inferSelect;

// ---------------------------------------------------------------- settings
export const getSettings = async (db: DbOrTx, tenantId: string) =>
  (await db.select().from(riskSettings).where(eq(riskSettings.tenantId, tenantId)))[0];
export const insertSettingsIfMissing = (db: DbOrTx, tenantId: string, config: unknown) =>
  db.insert(riskSettings).values({ tenantId, config }).onConflictDoNothing();
export const updateSettings = async (db: DbOrTx, tenantId: string, config: unknown) =>
  (await db.update(riskSettings).set({ config, updatedAt: new Date() }).where(eq(riskSettings.tenantId, tenantId)).returning())[0];

/**
 * Recomputes stored scores and the "needs treatment" decision from the matrix and the contexts'
 * appetite (after the matrix or an appetite changed). Optionally limited to one context.
 */
export async function recomputeRisks(db: DbOrTx, tenantId: string, matrix: number[][], contextId?: string) {
  const m = JSON.stringify(matrix);
  const onlyCtx = contextId ? sql`and r.context_id = ${contextId}` : sql``;
  await db.execute(sql`update ${risks} r set
      inherent_score = (${m}::jsonb -> (r.inherent_l - 1) ->> (r.inherent_i - 1))::int,
      current_score = (${m}::jsonb -> (r.current_l - 1) ->> (r.current_i - 1))::int,
      residual_score = case when r.residual_l is null then null else (${m}::jsonb -> (r.residual_l - 1) ->> (r.residual_i - 1))::int end
    where r.tenant_id = ${tenantId} ${onlyCtx}`);
  await db.execute(sql`update ${risks} r set
      needs_treatment_auto = r.current_score > coalesce((c.appetite ->> r.category)::int, c.appetite_default),
      needs_treatment = coalesce(r.needs_treatment_override, r.current_score > coalesce((c.appetite ->> r.category)::int, c.appetite_default))
    from ${riskContexts} c
    where c.id = r.context_id and r.tenant_id = ${tenantId} ${onlyCtx}`);
  await db.execute(sql`update ${riskTreatments} t set target_score = (${m}::jsonb -> (t.target_l - 1) ->> (t.target_i - 1))::int
    where t.tenant_id = ${tenantId} and t.target_l is not null`);
  await db.execute(sql`update ${riskMonitorings} t set current_score = (${m}::jsonb -> (t.current_l - 1) ->> (t.current_i - 1))::int
    where t.tenant_id = ${tenantId}`);
}

// ---------------------------------------------------------------- contexts
const riskCount = sql<number>`(select count(*)::int from ${risks} rr where rr.context_id = "risk_contexts"."id" and rr.deleted_at is null)`;
const ctxSelect = { ctx: riskContexts, opdName: opds.name, ownerName: people.fullName, riskCount };

export type ContextListQuery = { page: number; pageSize: number; q?: string; opdId?: string; year?: number };

export async function listContexts(db: DbOrTx, tenantId: string, q: ContextListQuery, scope: OpdFilter) {
  const where = and(
    eq(riskContexts.tenantId, tenantId),
    isNull(riskContexts.deletedAt),
    q.opdId ? eq(riskContexts.opdId, q.opdId) : undefined,
    q.year ? eq(riskContexts.year, q.year) : undefined,
    q.q ? or(ilike(opds.name, likeText(q.q)), ilike(riskContexts.scope, likeText(q.q))) : undefined,
    inOpds(riskContexts.opdId, scope),
  );
  const [items, [{ total }]] = await Promise.all([
    db
      .select(ctxSelect)
      .from(riskContexts)
      .innerJoin(opds, eq(opds.id, riskContexts.opdId))
      .leftJoin(people, eq(people.id, riskContexts.ownerPersonId))
      .where(where)
      .orderBy(desc(riskContexts.year), asc(opds.name))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ total: count() }).from(riskContexts).innerJoin(opds, eq(opds.id, riskContexts.opdId)).where(where),
  ]);
  return { items, total };
}

export const getContext = async (db: DbOrTx, tenantId: string, id: string) =>
  (
    await db
      .select(ctxSelect)
      .from(riskContexts)
      .innerJoin(opds, eq(opds.id, riskContexts.opdId))
      .leftJoin(people, eq(people.id, riskContexts.ownerPersonId))
      .where(and(eq(riskContexts.tenantId, tenantId), eq(riskContexts.id, id), isNull(riskContexts.deletedAt)))
  )[0];
export const contextExists = async (db: DbOrTx, tenantId: string, opdId: string, year: number, exceptId?: string) =>
  (
    await db
      .select({ id: riskContexts.id })
      .from(riskContexts)
      .where(
        and(
          eq(riskContexts.tenantId, tenantId),
          eq(riskContexts.opdId, opdId),
          eq(riskContexts.year, year),
          isNull(riskContexts.deletedAt),
          exceptId ? sql`${riskContexts.id} <> ${exceptId}` : undefined,
        ),
      )
  ).length > 0;
export const insertContext = async (db: DbOrTx, row: typeof riskContexts.$inferInsert) => (await db.insert(riskContexts).values(row).returning())[0];
export const updateContext = async (db: DbOrTx, tenantId: string, id: string, set: Partial<typeof riskContexts.$inferInsert>) =>
  (await db.update(riskContexts).set({ ...set, updatedAt: new Date() }).where(and(eq(riskContexts.tenantId, tenantId), eq(riskContexts.id, id))).returning())[0];

export const opdInTenant = async (db: DbOrTx, tenantId: string, opdId: string) =>
  (await db.select({ id: opds.id, name: opds.name }).from(opds).where(and(eq(opds.tenantId, tenantId), eq(opds.id, opdId), isNull(opds.deletedAt))))[0];
export const personInTenant = async (db: DbOrTx, tenantId: string, personId: string) =>
  (await db.select({ id: people.id }).from(people).where(and(eq(people.tenantId, tenantId), eq(people.id, personId), isNull(people.deletedAt))))[0];

// ---------------------------------------------------------------- risks
const treatmentCount = sql<number>`(select count(*)::int from ${riskTreatments} tt where tt.risk_id = "risks"."id" and tt.deleted_at is null and tt.status <> 'cancelled')`;
const priority = sql<number>`(select count(*)::int + 1 from ${risks} p where p.context_id = "risks"."context_id" and p.deleted_at is null and p.current_score > "risks"."current_score")`;
const riskSelect = {
  risk: risks,
  opdName: opds.name,
  treatmentCount,
  priority,
  appetite: sql<number>`coalesce((${riskContexts.appetite} ->> ${risks.category})::int, ${riskContexts.appetiteDefault})`,
};

export type RiskFilter = {
  q?: string;
  opdId?: string;
  year?: number;
  scoreMin?: number;
  scoreMax?: number;
  needsTreatment?: boolean;
  approvalStatus?: string;
  likelihood?: number;
  impact?: number;
  includeDeleted?: boolean;
  contextId?: string;
};

function riskWhere(tenantId: string, f: RiskFilter, scope: OpdFilter): SQL | undefined {
  return and(
    eq(risks.tenantId, tenantId),
    f.includeDeleted ? undefined : isNull(risks.deletedAt),
    f.contextId ? eq(risks.contextId, f.contextId) : undefined,
    f.opdId ? eq(risks.opdId, f.opdId) : undefined,
    f.year ? eq(risks.year, f.year) : undefined,
    f.scoreMin != null ? sql`${risks.currentScore} >= ${f.scoreMin}` : undefined,
    f.scoreMax != null ? sql`${risks.currentScore} <= ${f.scoreMax}` : undefined,
    f.needsTreatment != null ? eq(risks.needsTreatment, f.needsTreatment) : undefined,
    f.approvalStatus ? eq(risks.approvalStatus, f.approvalStatus) : undefined,
    f.likelihood ? eq(risks.currentL, f.likelihood) : undefined,
    f.impact ? eq(risks.currentI, f.impact) : undefined,
    f.q
      ? or(
          ilike(risks.event, likeText(f.q)),
          ilike(risks.assetName, likeText(f.q)),
          ilike(risks.threat, likeText(f.q)),
          ilike(risks.vulnerability, likeText(f.q)),
          ilike(opds.name, likeText(f.q)),
        )
      : undefined,
    inOpds(risks.opdId, scope),
  );
}

const sortColumns: Record<string, any> = {
  score: risks.currentScore,
  inherent: risks.inherentScore,
  code: risks.seq,
  event: risks.event,
  opd: opds.name,
  year: risks.year,
  updatedAt: risks.updatedAt,
};

/**
 * One page of risks and (unless `withTotal` is false) the total. The page is chosen first on the narrow
 * sort keys (an index-only scan of `risks_year_score_idx` for the default order), then only those rows are
 * loaded with their OPD, appetite and the per-row subqueries (treatment count, priority).
 */
export async function listRisks(
  db: DbOrTx,
  tenantId: string,
  q: RiskFilter & { page: number; pageSize: number; sort?: string; dir?: 'asc' | 'desc'; withTotal?: boolean; countCap?: number },
  scope: OpdFilter,
) {
  const where = riskWhere(tenantId, q, scope);
  const col = sortColumns[q.sort ?? ''];
  const order = col ? [q.dir === 'desc' ? desc(col) : asc(col), asc(risks.seq)] : [desc(risks.currentScore), desc(risks.inherentScore), asc(opds.name), asc(risks.seq)];
  const page = db
    .select({ pageId: sql<string>`${risks.id}`.as('page_id') })
    .from(risks)
    .innerJoin(opds, eq(opds.id, risks.opdId))
    .where(where)
    .orderBy(...order)
    .limit(q.pageSize)
    .offset(offsetOf(q))
    .as('page');
  // The count needs the OPD only to search its name (every risk has an OPD: foreign key, not null).
  const matching = q.q ? db.select({ one: sql`1` }).from(risks).innerJoin(opds, eq(opds.id, risks.opdId)).where(where) : db.select({ one: sql`1` }).from(risks).where(where);
  // A register of tens of thousands of rows is counted up to the cap only: the page says "10.000+".
  const countQuery = db.select({ total: count() }).from((q.countCap ? matching.limit(q.countCap + 1) : matching).as('matching'));
  const [items, totalRows] = await Promise.all([
    db
      .select(riskSelect)
      .from(page)
      .innerJoin(risks, eq(risks.id, page.pageId))
      .innerJoin(opds, eq(opds.id, risks.opdId))
      .innerJoin(riskContexts, eq(riskContexts.id, risks.contextId))
      .orderBy(...order),
    q.withTotal === false ? Promise.resolve([{ total: -1 }]) : countQuery,
  ]);
  const total = Number(totalRows[0].total);
  return q.countCap && total > q.countCap ? { items, total: q.countCap, totalCapped: true } : { items, total, totalCapped: false };
}

export const getRisk = async (db: DbOrTx, tenantId: string, id: string) =>
  (
    await db
      .select(riskSelect)
      .from(risks)
      .innerJoin(opds, eq(opds.id, risks.opdId))
      .innerJoin(riskContexts, eq(riskContexts.id, risks.contextId))
      .where(and(eq(risks.tenantId, tenantId), eq(risks.id, id)))
  )[0];

export const nextSeq = async (db: DbOrTx, tenantId: string, contextId: string) =>
  Number(
    rowsOf<{ n: number }>(await db.execute(sql`select coalesce(max(seq), 0)::int + 1 as n from ${risks} where tenant_id = ${tenantId} and context_id = ${contextId}`))[0].n,
  );
export const insertRisk = async (db: DbOrTx, row: typeof risks.$inferInsert) => (await db.insert(risks).values(row).returning())[0];
export const updateRisk = async (db: DbOrTx, tenantId: string, id: string, set: Partial<typeof risks.$inferInsert>) =>
  (await db.update(risks).set({ ...set, updatedAt: new Date() }).where(and(eq(risks.tenantId, tenantId), eq(risks.id, id))).returning())[0];
export const activeRiskCount = async (db: DbOrTx, tenantId: string, contextId: string) =>
  (await db.select({ n: count() }).from(risks).where(and(eq(risks.tenantId, tenantId), eq(risks.contextId, contextId), isNull(risks.deletedAt))))[0].n;
export const risksOfContext = (db: DbOrTx, tenantId: string, contextId: string) =>
  db.select().from(risks).where(and(eq(risks.tenantId, tenantId), eq(risks.contextId, contextId), isNull(risks.deletedAt))).orderBy(asc(risks.seq));

/** Counts per (likelihood, impact) cell of the chosen basis: one grouped pass; the OPD is joined only for a name search. */
export async function heatCounts(db: DbOrTx, tenantId: string, f: RiskFilter, scope: OpdFilter, basis: 'inherent' | 'current' | 'residual') {
  const l = basis === 'inherent' ? risks.inherentL : basis === 'residual' ? risks.residualL : risks.currentL;
  const i = basis === 'inherent' ? risks.inherentI : basis === 'residual' ? risks.residualI : risks.currentI;
  const base = db.select({ l, i, n: count() }).from(risks);
  return (f.q ? base.innerJoin(opds, eq(opds.id, risks.opdId)) : base).where(and(riskWhere(tenantId, f, scope), sql`${l} is not null`)).groupBy(l, i);
}

// ---------------------------------------------------------------- treatments & monitoring
export const treatmentsOf = (db: DbOrTx, tenantId: string, riskIds: string[]) =>
  riskIds.length
    ? db
        .select()
        .from(riskTreatments)
        .where(and(eq(riskTreatments.tenantId, tenantId), inArray(riskTreatments.riskId, riskIds), isNull(riskTreatments.deletedAt)))
        .orderBy(asc(riskTreatments.startDate), asc(riskTreatments.createdAt))
    : Promise.resolve([] as TreatmentRow[]);
export const monitoringsOf = (db: DbOrTx, tenantId: string, riskIds: string[]) =>
  riskIds.length
    ? db
        .select()
        .from(riskMonitorings)
        .where(and(eq(riskMonitorings.tenantId, tenantId), inArray(riskMonitorings.riskId, riskIds), isNull(riskMonitorings.deletedAt)))
        .orderBy(asc(riskMonitorings.date), asc(riskMonitorings.createdAt))
    : Promise.resolve([] as MonitoringRow[]);
export const getTreatment = async (db: DbOrTx, tenantId: string, id: string) =>
  (await db.select().from(riskTreatments).where(and(eq(riskTreatments.tenantId, tenantId), eq(riskTreatments.id, id), isNull(riskTreatments.deletedAt))))[0];
export const insertTreatment = async (db: DbOrTx, row: typeof riskTreatments.$inferInsert) => (await db.insert(riskTreatments).values(row).returning())[0];
export const updateTreatment = async (db: DbOrTx, tenantId: string, id: string, set: Partial<typeof riskTreatments.$inferInsert>) =>
  (await db.update(riskTreatments).set({ ...set, updatedAt: new Date() }).where(and(eq(riskTreatments.tenantId, tenantId), eq(riskTreatments.id, id))).returning())[0];
export const getMonitoring = async (db: DbOrTx, tenantId: string, id: string) =>
  (await db.select().from(riskMonitorings).where(and(eq(riskMonitorings.tenantId, tenantId), eq(riskMonitorings.id, id), isNull(riskMonitorings.deletedAt))))[0];
export const insertMonitoring = async (db: DbOrTx, row: typeof riskMonitorings.$inferInsert) => (await db.insert(riskMonitorings).values(row).returning())[0];
export const updateMonitoring = async (db: DbOrTx, tenantId: string, id: string, set: Partial<typeof riskMonitorings.$inferInsert>) =>
  (await db.update(riskMonitorings).set(set).where(and(eq(riskMonitorings.tenantId, tenantId), eq(riskMonitorings.id, id))).returning())[0];

/** Open treatments whose end date has passed. */
export async function overdueTreatments(db: DbOrTx, tenantId: string, f: RiskFilter, scope: OpdFilter, today: string, limit = 20) {
  return db
    .select({ t: riskTreatments, riskCode: risks.seq, riskYear: risks.year, riskEvent: risks.event, opdName: opds.name })
    .from(riskTreatments)
    .innerJoin(risks, eq(risks.id, riskTreatments.riskId))
    .innerJoin(opds, eq(opds.id, risks.opdId))
    .where(
      and(
        riskWhere(tenantId, f, scope),
        eq(riskTreatments.tenantId, tenantId),
        isNull(riskTreatments.deletedAt),
        // literal, so the partial index risk_treatments_open_end_idx (same predicate) applies
        sql`${riskTreatments.status} in ('planned', 'in_progress')`,
        sql`${riskTreatments.endDate} < ${today}`,
      ),
    )
    // ties on the end date in a stable order (OPD, code), so the list does not change with the query plan
    .orderBy(asc(riskTreatments.endDate), asc(opds.name), asc(risks.seq), asc(riskTreatments.id))
    .limit(limit);
}

export const tenantName = async (db: DbOrTx, tenantId: string) => (await db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId)))[0]?.name;

// ---------------------------------------------------------------- links from other records
const refSelect = { risk: risks, opdName: opds.name };

/** Active risks whose asset is the given systems record (rows saved before asset_entity count as applications). */
export const risksOnAsset = (db: DbOrTx, tenantId: string, entity: string, id: string, scope: OpdFilter) =>
  db
    .select(refSelect)
    .from(risks)
    .innerJoin(opds, eq(opds.id, risks.opdId))
    .where(
      and(
        eq(risks.tenantId, tenantId),
        eq(risks.applicationId, id),
        entity === 'sys_application' ? or(eq(risks.assetEntity, entity), isNull(risks.assetEntity)) : eq(risks.assetEntity, entity),
        isNull(risks.deletedAt),
        inOpds(risks.opdId, scope),
      ),
    )
    .orderBy(desc(risks.year), desc(risks.currentScore), asc(risks.seq))
    .limit(200);

/** Active risks among `ids`. */
export const risksByIds = (db: DbOrTx, tenantId: string, ids: string[], scope: OpdFilter) =>
  db
    .select(refSelect)
    .from(risks)
    .innerJoin(opds, eq(opds.id, risks.opdId))
    .where(and(eq(risks.tenantId, tenantId), inArray(risks.id, ids), isNull(risks.deletedAt), inOpds(risks.opdId, scope)))
    .orderBy(desc(risks.year), desc(risks.currentScore), asc(risks.seq));
