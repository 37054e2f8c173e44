import { and, asc, desc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  files,
  govArchitectures,
  govBcdrPlans,
  govControlStatus,
  govControls,
  govPolicies,
  govSops,
  govStrategicPlans,
  govTeamMembers,
  govTeams,
  opds,
  people,
  positionHolders,
  positions,
} from '../../db/schema/index.js';
import { likeText } from '../../platform/http/paging.js';
import { rowsOf } from '../../db/rows.js';
import { CONTROL_ASPECTS, CONTROL_LEGAL_REF, RULE_AREAS, RULE_LEGAL_REF } from './data/catalog.js';

/** Queries of the governance module. Every query takes the tenant first. */

// ------------------------------------------------------------------ shared lookups
export async function opdsOf(db: DbOrTx, tenantId: string) {
  return db
    .select({ id: opds.id, name: opds.name, shortName: opds.shortName })
    .from(opds)
    .where(and(eq(opds.tenantId, tenantId), isNull(opds.deletedAt)))
    .orderBy(asc(opds.code));
}

export async function opdExists(db: DbOrTx, tenantId: string, opdId: string) {
  const [r] = await db.select({ id: opds.id }).from(opds).where(and(eq(opds.tenantId, tenantId), eq(opds.id, opdId), isNull(opds.deletedAt)));
  return !!r;
}

/** Ids among `ids` that are files of this tenant. */
export async function existingFiles(db: DbOrTx, tenantId: string, ids: string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await db.select({ id: files.id }).from(files).where(and(eq(files.tenantId, tenantId), inArray(files.id, ids)));
  return new Set(rows.map((r) => r.id));
}

export async function peopleByIds(db: DbOrTx, tenantId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: people.id,
      fullName: people.fullName,
      frontTitle: people.frontTitle,
      backTitle: people.backTitle,
      nip: people.nip,
      opdId: people.opdId,
      opdName: opds.name,
      positionName: sql<string | null>`(select ${positions.name} from ${positionHolders} join ${positions} on ${positions.id} = ${positionHolders.positionId}
        where ${positionHolders.personId} = ${people.id} and ${positionHolders.endDate} is null limit 1)`,
    })
    .from(people)
    .leftJoin(opds, eq(opds.id, people.opdId))
    .where(and(eq(people.tenantId, tenantId), inArray(people.id, ids), isNull(people.deletedAt)));
}

// ------------------------------------------------------------------ B1 plans
export const listPlans = (db: DbOrTx, tenantId: string) =>
  db.select().from(govStrategicPlans).where(and(eq(govStrategicPlans.tenantId, tenantId), isNull(govStrategicPlans.deletedAt))).orderBy(desc(govStrategicPlans.startYear));
export async function getPlan(db: DbOrTx, tenantId: string, id: string) {
  const [r] = await db.select().from(govStrategicPlans).where(and(eq(govStrategicPlans.tenantId, tenantId), eq(govStrategicPlans.id, id), isNull(govStrategicPlans.deletedAt)));
  return r;
}
export async function insertPlan(db: DbOrTx, v: typeof govStrategicPlans.$inferInsert) {
  const [r] = await db.insert(govStrategicPlans).values(v).returning();
  return r;
}
export async function updatePlan(db: DbOrTx, tenantId: string, id: string, v: Partial<typeof govStrategicPlans.$inferInsert>) {
  const [r] = await db.update(govStrategicPlans).set({ ...v, updatedAt: new Date() }).where(and(eq(govStrategicPlans.tenantId, tenantId), eq(govStrategicPlans.id, id))).returning();
  return r;
}

// ------------------------------------------------------------------ B2 architectures
export const listArchitectures = (db: DbOrTx, tenantId: string) =>
  db.select().from(govArchitectures).where(and(eq(govArchitectures.tenantId, tenantId), isNull(govArchitectures.deletedAt))).orderBy(desc(govArchitectures.validFrom));
export async function getArchitecture(db: DbOrTx, tenantId: string, id: string) {
  const [r] = await db.select().from(govArchitectures).where(and(eq(govArchitectures.tenantId, tenantId), eq(govArchitectures.id, id), isNull(govArchitectures.deletedAt)));
  return r;
}
export async function insertArchitecture(db: DbOrTx, v: typeof govArchitectures.$inferInsert) {
  const [r] = await db.insert(govArchitectures).values(v).returning();
  return r;
}
export async function updateArchitecture(db: DbOrTx, tenantId: string, id: string, v: Partial<typeof govArchitectures.$inferInsert>) {
  const [r] = await db.update(govArchitectures).set({ ...v, updatedAt: new Date() }).where(and(eq(govArchitectures.tenantId, tenantId), eq(govArchitectures.id, id))).returning();
  return r;
}

// ------------------------------------------------------------------ B3/B7 controls
/** Seeds the 8 rule areas and the 22 procedure aspects for the tenant (idempotent). */
export async function ensureControlCatalog(db: DbOrTx, tenantId: string) {
  const rows = [
    ...RULE_AREAS.map(([code, title], i) => ({ tenantId, kind: 'rule' as const, code, title, legalRef: `${RULE_LEGAL_REF} huruf ${code}`, sortOrder: i })),
    ...CONTROL_ASPECTS.map(([code, title], i) => ({ tenantId, kind: 'procedure' as const, code, title, legalRef: `${CONTROL_LEGAL_REF} huruf ${code}`, sortOrder: i })),
  ];
  await db.insert(govControls).values(rows).onConflictDoNothing();
}
export const listControls = (db: DbOrTx, tenantId: string, kind?: 'rule' | 'procedure') =>
  db
    .select()
    .from(govControls)
    .where(and(eq(govControls.tenantId, tenantId), kind ? eq(govControls.kind, kind) : undefined))
    .orderBy(asc(govControls.kind), asc(govControls.sortOrder));
export async function getControl(db: DbOrTx, tenantId: string, id: string) {
  const [r] = await db.select().from(govControls).where(and(eq(govControls.tenantId, tenantId), eq(govControls.id, id)));
  return r;
}
export async function updateControl(db: DbOrTx, tenantId: string, id: string, v: Partial<typeof govControls.$inferInsert>) {
  const [r] = await db.update(govControls).set({ ...v, updatedAt: new Date() }).where(and(eq(govControls.tenantId, tenantId), eq(govControls.id, id))).returning();
  return r;
}
/** Controls of the tenant with a link to entity/id (jsonb containment on `links`). */
export const controlsLinkedTo = (db: DbOrTx, tenantId: string, entity: string, id: string) =>
  db
    .select()
    .from(govControls)
    .where(and(eq(govControls.tenantId, tenantId), sql`${govControls.links} @> ${JSON.stringify([{ entity, id }])}::jsonb`))
    .orderBy(asc(govControls.kind), asc(govControls.sortOrder));
export const listControlStatuses = (db: DbOrTx, tenantId: string, controlIds?: string[]) =>
  db
    .select()
    .from(govControlStatus)
    .where(and(eq(govControlStatus.tenantId, tenantId), controlIds ? inArray(govControlStatus.controlId, controlIds.length ? controlIds : ['00000000-0000-0000-0000-000000000000']) : undefined));
export async function getControlStatus(db: DbOrTx, tenantId: string, controlId: string, opdId: string) {
  const [r] = await db
    .select()
    .from(govControlStatus)
    .where(and(eq(govControlStatus.tenantId, tenantId), eq(govControlStatus.controlId, controlId), eq(govControlStatus.opdId, opdId)));
  return r;
}
export async function upsertControlStatus(db: DbOrTx, v: typeof govControlStatus.$inferInsert) {
  const [r] = await db
    .insert(govControlStatus)
    .values(v)
    .onConflictDoUpdate({
      target: [govControlStatus.tenantId, govControlStatus.controlId, govControlStatus.opdId],
      set: { status: v.status, evidenceFileIds: v.evidenceFileIds, notes: v.notes, updatedAt: new Date() },
    })
    .returning();
  return r;
}

// ------------------------------------------------------------------ B4/B10 policies
export function listPolicies(db: DbOrTx, tenantId: string, q: { kind?: string; status?: string; q?: string; includeDeleted?: boolean }) {
  return db
    .select()
    .from(govPolicies)
    .where(
      and(
        eq(govPolicies.tenantId, tenantId),
        q.includeDeleted ? undefined : isNull(govPolicies.deletedAt),
        q.kind ? eq(govPolicies.kind, q.kind) : undefined,
        q.status ? eq(govPolicies.status, q.status as 'draft') : undefined,
        q.q ? or(ilike(govPolicies.title, likeText(q.q)), ilike(govPolicies.number, likeText(q.q))) : undefined,
      ),
    )
    .orderBy(asc(govPolicies.kind), asc(govPolicies.title), desc(govPolicies.version));
}
export async function getPolicy(db: DbOrTx, tenantId: string, id: string) {
  const [r] = await db.select().from(govPolicies).where(and(eq(govPolicies.tenantId, tenantId), eq(govPolicies.id, id)));
  return r;
}
export async function insertPolicy(db: DbOrTx, v: typeof govPolicies.$inferInsert) {
  const [r] = await db.insert(govPolicies).values(v).returning();
  return r;
}
export async function updatePolicy(db: DbOrTx, tenantId: string, id: string, v: Partial<typeof govPolicies.$inferInsert>) {
  const [r] = await db.update(govPolicies).set({ ...v, updatedAt: new Date() }).where(and(eq(govPolicies.tenantId, tenantId), eq(govPolicies.id, id))).returning();
  return r;
}

// ------------------------------------------------------------------ B6 team
export async function getTeam(db: DbOrTx, tenantId: string) {
  const [team] = await db.select().from(govTeams).where(eq(govTeams.tenantId, tenantId));
  const members = await db.select().from(govTeamMembers).where(eq(govTeamMembers.tenantId, tenantId)).orderBy(asc(govTeamMembers.sortOrder));
  return { team, members };
}
export async function replaceTeam(
  db: DbOrTx,
  tenantId: string,
  decree: { decreeNumber: string | null; decreeDate: string | null; decreeFileId: string | null },
  members: { role: 'responsible' | 'chair' | 'member'; personId: string; duties: string[] }[],
) {
  await db
    .insert(govTeams)
    .values({ tenantId, ...decree })
    .onConflictDoUpdate({ target: govTeams.tenantId, set: { ...decree, updatedAt: new Date() } });
  await db.delete(govTeamMembers).where(eq(govTeamMembers.tenantId, tenantId));
  if (members.length) await db.insert(govTeamMembers).values(members.map((m, i) => ({ ...m, tenantId, sortOrder: i })));
}

// ------------------------------------------------------------------ B8 SOPs
export async function sopCount(db: DbOrTx, tenantId: string) {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(govSops).where(eq(govSops.tenantId, tenantId));
  return r.n;
}
export function listSops(db: DbOrTx, tenantId: string, q: { q?: string; includeDeleted?: boolean }) {
  return db
    .select()
    .from(govSops)
    .where(
      and(
        eq(govSops.tenantId, tenantId),
        q.includeDeleted ? undefined : isNull(govSops.deletedAt),
        q.q ? or(ilike(govSops.title, likeText(q.q)), ilike(govSops.number, likeText(q.q))) : undefined,
      ),
    )
    .orderBy(asc(govSops.number));
}
export async function getSop(db: DbOrTx, tenantId: string, id: string) {
  const [r] = await db.select().from(govSops).where(and(eq(govSops.tenantId, tenantId), eq(govSops.id, id)));
  return r;
}
export async function sopNumberTaken(db: DbOrTx, tenantId: string, number: string, exceptId?: string) {
  const rows = await db
    .select({ id: govSops.id })
    .from(govSops)
    .where(and(eq(govSops.tenantId, tenantId), eq(govSops.number, number), isNull(govSops.deletedAt)));
  return rows.some((r) => r.id !== exceptId);
}
export async function insertSops(db: DbOrTx, v: (typeof govSops.$inferInsert)[]) {
  if (!v.length) return [];
  return db.insert(govSops).values(v).returning();
}
export async function updateSop(db: DbOrTx, tenantId: string, id: string, v: Partial<typeof govSops.$inferInsert>) {
  const [r] = await db.update(govSops).set({ ...v, updatedAt: new Date() }).where(and(eq(govSops.tenantId, tenantId), eq(govSops.id, id))).returning();
  return r;
}

// ------------------------------------------------------------------ B9 BC/DR
export function listBcdr(db: DbOrTx, tenantId: string, q: { q?: string; includeDeleted?: boolean }) {
  return db
    .select({ plan: govBcdrPlans, opdName: opds.name })
    .from(govBcdrPlans)
    .leftJoin(opds, eq(opds.id, govBcdrPlans.opdId))
    .where(
      and(
        eq(govBcdrPlans.tenantId, tenantId),
        q.includeDeleted ? undefined : isNull(govBcdrPlans.deletedAt),
        q.q ? ilike(govBcdrPlans.serviceName, likeText(q.q)) : undefined,
      ),
    )
    .orderBy(asc(govBcdrPlans.serviceName));
}
export async function getBcdr(db: DbOrTx, tenantId: string, id: string) {
  const [r] = await db
    .select({ plan: govBcdrPlans, opdName: opds.name })
    .from(govBcdrPlans)
    .leftJoin(opds, eq(opds.id, govBcdrPlans.opdId))
    .where(and(eq(govBcdrPlans.tenantId, tenantId), eq(govBcdrPlans.id, id)));
  return r;
}
export async function insertBcdr(db: DbOrTx, v: typeof govBcdrPlans.$inferInsert) {
  const [r] = await db.insert(govBcdrPlans).values(v).returning();
  return r;
}
export async function updateBcdr(db: DbOrTx, tenantId: string, id: string, v: Partial<typeof govBcdrPlans.$inferInsert>) {
  const [r] = await db.update(govBcdrPlans).set({ ...v, updatedAt: new Date() }).where(and(eq(govBcdrPlans.tenantId, tenantId), eq(govBcdrPlans.id, id))).returning();
  return r;
}

/** Active users holding `perm` tenant-wide (for reminders). */
export async function usersWithPermission(db: DbOrTx, tenantId: string, perm: string): Promise<string[]> {
  const rows = await db.execute(sql`
    select distinct u.id from users u
    join user_roles ur on ur.user_id = u.id
    join role_permissions rp on rp.role_id = ur.role_id
    where u.tenant_id = ${tenantId} and u.active and ur.opd_id is null and rp.permission = ${perm}`);
  return rowsOf<{ id: string }>(rows).map((r) => r.id);
}
