import { and, asc, count, desc, eq, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  files,
  opds,
  people,
  secopsActivities,
  secopsCoverage,
  secopsFindings,
  secopsReports,
  secopsSocProfiles,
  sysApplications,
  sysDevices,
} from '../../db/schema/index.js';
import { rowsOf } from '../../db/rows.js';
import { likeText } from '../../platform/http/paging.js';

/** Queries of the secops module. Every query takes the tenant first. */

export type Scope = 'all' | string[];
/** Rows of OPD-owned targets in scope; area rows (opd_id null) only for tenant-wide readers. */
const inScope = (col: typeof secopsActivities.opdId | typeof secopsCoverage.opdId, scope: Scope): SQL | undefined =>
  scope === 'all' ? undefined : scope.length ? inArray(col, scope) : sql`false`;

// ------------------------------------------------------------------ lookups
export async function application(db: DbOrTx, tenantId: string, id: string) {
  const [r] = await db
    .select({ id: sysApplications.id, name: sysApplications.name, opdId: sysApplications.opdId })
    .from(sysApplications)
    .where(and(eq(sysApplications.tenantId, tenantId), eq(sysApplications.id, id), isNull(sysApplications.deletedAt)));
  return r;
}
export async function device(db: DbOrTx, tenantId: string, id: string) {
  const [r] = await db
    .select({ id: sysDevices.id, name: sysDevices.name, opdId: sysDevices.opdId })
    .from(sysDevices)
    .where(and(eq(sysDevices.tenantId, tenantId), eq(sysDevices.id, id), isNull(sysDevices.deletedAt)));
  return r;
}
export async function fileExists(db: DbOrTx, tenantId: string, id: string) {
  const [r] = await db.select({ id: files.id }).from(files).where(and(eq(files.tenantId, tenantId), eq(files.id, id)));
  return !!r;
}
export async function peopleByIds(db: DbOrTx, tenantId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: people.id, fullName: people.fullName, opdName: opds.name })
    .from(people)
    .leftJoin(opds, eq(opds.id, people.opdId))
    .where(and(eq(people.tenantId, tenantId), inArray(people.id, ids), isNull(people.deletedAt)));
}
/** Active users with `perm` tenant-wide, plus the users linked to `personIds` (reminder recipients). */
export async function recipients(db: DbOrTx, tenantId: string, perm: string, personIds: string[]): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      select distinct u.id from users u
      where u.tenant_id = ${tenantId} and u.active and (
        exists (select 1 from user_roles ur join role_permissions rp on rp.role_id = ur.role_id
                where ur.user_id = u.id and ur.opd_id is null and rp.permission = ${perm})
        ${personIds.length ? sql`or u.person_id in (${sql.join(personIds.map((p) => sql`${p}`), sql`, `)})` : sql``})`),
  );
  return rows.map((r) => r.id);
}

/** Applications and devices of the tenant (within scope) as pickable targets. */
export async function targetOptions(db: DbOrTx, tenantId: string, scope: Scope) {
  const apps = await db
    .select({ id: sysApplications.id, label: sysApplications.name, opdName: opds.name })
    .from(sysApplications)
    .leftJoin(opds, eq(opds.id, sysApplications.opdId))
    .where(and(eq(sysApplications.tenantId, tenantId), isNull(sysApplications.deletedAt), scope === 'all' ? undefined : scope.length ? inArray(sysApplications.opdId, scope) : sql`false`))
    .orderBy(asc(sysApplications.name));
  const devs = await db
    .select({ id: sysDevices.id, label: sysDevices.name, opdName: opds.name })
    .from(sysDevices)
    .leftJoin(opds, eq(opds.id, sysDevices.opdId))
    .where(and(eq(sysDevices.tenantId, tenantId), isNull(sysDevices.deletedAt), scope === 'all' ? undefined : scope.length ? inArray(sysDevices.opdId, scope) : sql`false`))
    .orderBy(asc(sysDevices.name));
  return { apps, devs };
}

// ------------------------------------------------------------------ D13 activities
const activityCols = {
  activity: secopsActivities,
  appName: sysApplications.name,
  deviceName: sysDevices.name,
  opdName: opds.name,
  openFindings: sql<number>`(select count(*)::int from ${secopsFindings} f where f.activity_id = ${secopsActivities.id}
    and f.tenant_id = ${secopsActivities.tenantId} and f.deleted_at is null and f.status in ('terbuka', 'diperbaiki'))`,
};
const activityFrom = (db: DbOrTx) =>
  db
    .select(activityCols)
    .from(secopsActivities)
    .leftJoin(sysApplications, eq(sysApplications.id, secopsActivities.applicationId))
    .leftJoin(sysDevices, eq(sysDevices.id, secopsActivities.deviceId))
    .leftJoin(opds, eq(opds.id, secopsActivities.opdId));
export type ActivityRow = Awaited<ReturnType<typeof getActivity>> & {};

export async function getActivity(db: DbOrTx, tenantId: string, id: string) {
  const [r] = await activityFrom(db).where(and(eq(secopsActivities.tenantId, tenantId), eq(secopsActivities.id, id), isNull(secopsActivities.deletedAt)));
  return r;
}

export type ActivityFilter = {
  q?: string;
  function?: string;
  targetKind?: string;
  applicationId?: string;
  deviceId?: string;
  area?: string;
  page: number;
  pageSize: number;
};
export async function listActivities(db: DbOrTx, tenantId: string, scope: Scope, f: ActivityFilter) {
  const where = and(
    eq(secopsActivities.tenantId, tenantId),
    isNull(secopsActivities.deletedAt),
    inScope(secopsActivities.opdId, scope),
    f.function ? eq(secopsActivities.function, f.function as 'deteksi') : undefined,
    f.targetKind ? eq(secopsActivities.targetKind, f.targetKind as 'area') : undefined,
    f.applicationId ? eq(secopsActivities.applicationId, f.applicationId) : undefined,
    f.deviceId ? eq(secopsActivities.deviceId, f.deviceId) : undefined,
    f.area ? eq(secopsActivities.area, f.area as 'data') : undefined,
    f.q
      ? or(
          ilike(secopsActivities.title, likeText(f.q)),
          ilike(secopsActivities.scope, likeText(f.q)),
          ilike(secopsActivities.executorName, likeText(f.q)),
          ilike(sysApplications.name, likeText(f.q)),
          ilike(sysDevices.name, likeText(f.q)),
        )
      : undefined,
  );
  const items = await activityFrom(db)
    .where(where)
    .orderBy(desc(secopsActivities.performedOn), desc(secopsActivities.createdAt))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [{ total }] = await db
    .select({ total: count() })
    .from(secopsActivities)
    .leftJoin(sysApplications, eq(sysApplications.id, secopsActivities.applicationId))
    .leftJoin(sysDevices, eq(sysDevices.id, secopsActivities.deviceId))
    .where(where);
  return { items, total };
}
export async function insertActivity(db: DbOrTx, v: typeof secopsActivities.$inferInsert) {
  const [r] = await db.insert(secopsActivities).values(v).returning();
  return r;
}
export async function updateActivity(db: DbOrTx, tenantId: string, id: string, v: Partial<typeof secopsActivities.$inferInsert>) {
  const [r] = await db
    .update(secopsActivities)
    .set({ ...v, updatedAt: new Date() })
    .where(and(eq(secopsActivities.tenantId, tenantId), eq(secopsActivities.id, id)))
    .returning();
  return r;
}

// ------------------------------------------------------------------ D13 findings
const findingCols = {
  finding: secopsFindings,
  activity: {
    targetKind: secopsActivities.targetKind,
    area: secopsActivities.area,
    function: secopsActivities.function,
    kind: secopsActivities.kind,
    performedOn: secopsActivities.performedOn,
    opdId: secopsActivities.opdId,
  },
  appName: sysApplications.name,
  deviceName: sysDevices.name,
  ownerName: people.fullName,
};
const findingFrom = (db: DbOrTx) =>
  db
    .select(findingCols)
    .from(secopsFindings)
    .innerJoin(secopsActivities, and(eq(secopsActivities.id, secopsFindings.activityId), isNull(secopsActivities.deletedAt)))
    .leftJoin(sysApplications, eq(sysApplications.id, secopsActivities.applicationId))
    .leftJoin(sysDevices, eq(sysDevices.id, secopsActivities.deviceId))
    .leftJoin(people, eq(people.id, secopsFindings.ownerPersonId));
export type FindingRow = Awaited<ReturnType<typeof getFinding>> & {};

export async function getFinding(db: DbOrTx, tenantId: string, id: string) {
  const [r] = await findingFrom(db).where(and(eq(secopsFindings.tenantId, tenantId), eq(secopsFindings.id, id), isNull(secopsFindings.deletedAt)));
  return r;
}
export async function findingsOf(db: DbOrTx, tenantId: string, activityId: string) {
  return findingFrom(db)
    .where(and(eq(secopsFindings.tenantId, tenantId), eq(secopsFindings.activityId, activityId), isNull(secopsFindings.deletedAt)))
    .orderBy(sql`array_position(array['kritis','tinggi','sedang','rendah','info'], ${secopsFindings.severity})`, asc(secopsFindings.createdAt));
}
export type FindingFilter = { q?: string; status?: string; severity?: string; overdue?: boolean; open?: boolean; page: number; pageSize: number };
export async function listFindings(db: DbOrTx, tenantId: string, scope: Scope, today: string, f: FindingFilter) {
  const where = and(
    eq(secopsFindings.tenantId, tenantId),
    isNull(secopsFindings.deletedAt),
    inScope(secopsActivities.opdId, scope),
    f.status ? eq(secopsFindings.status, f.status as 'terbuka') : undefined,
    f.severity ? eq(secopsFindings.severity, f.severity as 'kritis') : undefined,
    f.open ? inArray(secopsFindings.status, ['terbuka', 'diperbaiki']) : undefined,
    f.overdue ? and(eq(secopsFindings.status, 'terbuka'), lt(secopsFindings.dueDate, today)) : undefined,
    f.q
      ? or(ilike(secopsFindings.title, likeText(f.q)), ilike(sysApplications.name, likeText(f.q)), ilike(sysDevices.name, likeText(f.q)), ilike(secopsFindings.ownerText, likeText(f.q)))
      : undefined,
  );
  const items = await findingFrom(db)
    .where(where)
    .orderBy(
      sql`case when ${secopsFindings.status} in ('terbuka','diperbaiki') then 0 else 1 end`,
      sql`array_position(array['kritis','tinggi','sedang','rendah','info'], ${secopsFindings.severity})`,
      asc(secopsFindings.dueDate),
      desc(secopsFindings.createdAt),
    )
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [{ total }] = await db
    .select({ total: count() })
    .from(secopsFindings)
    .innerJoin(secopsActivities, and(eq(secopsActivities.id, secopsFindings.activityId), isNull(secopsActivities.deletedAt)))
    .leftJoin(sysApplications, eq(sysApplications.id, secopsActivities.applicationId))
    .leftJoin(sysDevices, eq(sysDevices.id, secopsActivities.deviceId))
    .where(where);
  return { items, total };
}
export async function insertFinding(db: DbOrTx, v: typeof secopsFindings.$inferInsert) {
  const [r] = await db.insert(secopsFindings).values(v).returning();
  return r;
}
export async function updateFinding(db: DbOrTx, tenantId: string, id: string, v: Partial<typeof secopsFindings.$inferInsert>) {
  const [r] = await db
    .update(secopsFindings)
    .set({ ...v, updatedAt: new Date() })
    .where(and(eq(secopsFindings.tenantId, tenantId), eq(secopsFindings.id, id)))
    .returning();
  return r;
}

// ------------------------------------------------------------------ overview
/** Per target and function: the last activity date on/after nothing (all time), and open/overdue findings. */
export async function overviewFacts(db: DbOrTx, tenantId: string, scope: Scope, today: string) {
  const scopeSql = scope === 'all' ? sql`true` : scope.length ? sql`a.opd_id in (${sql.join(scope.map((s) => sql`${s}`), sql`, `)})` : sql`false`;
  const last = rowsOf<{ target_kind: string; target: string; function: string; last: string }>(
    await db.execute(sql`
      select a.target_kind, coalesce(a.application_id::text, a.device_id::text, a.area) as target, a.function, max(a.performed_on)::text as last
      from secops_activities a where a.tenant_id = ${tenantId} and a.deleted_at is null and ${scopeSql}
      group by 1, 2, 3`),
  );
  const open = rowsOf<{ target: string; open: number; overdue: number }>(
    await db.execute(sql`
      select coalesce(a.application_id::text, a.device_id::text, a.area) as target,
        count(*) filter (where f.status in ('terbuka', 'diperbaiki'))::int as open,
        count(*) filter (where f.status = 'terbuka' and f.due_date < ${today})::int as overdue
      from secops_findings f join secops_activities a on a.id = f.activity_id and a.deleted_at is null
      where f.tenant_id = ${tenantId} and f.deleted_at is null and ${scopeSql}
      group by 1`),
  );
  return { last, open };
}
/** Applications (with their latest category) and the devices that have activities, within scope. */
export async function overviewTargets(db: DbOrTx, tenantId: string, scope: Scope) {
  const s = (col: string) => (scope === 'all' ? sql`true` : scope.length ? sql`${sql.raw(col)} in (${sql.join(scope.map((x) => sql`${x}`), sql`, `)})` : sql`false`);
  const apps = rowsOf<{ id: string; name: string; opd_name: string | null; category: string | null }>(
    await db.execute(sql`
      select a.id, a.name, o.name as opd_name,
        (select c.category from sys_categorizations c where c.application_id = a.id and c.tenant_id = a.tenant_id order by c.assessed_on desc, c.created_at desc limit 1) as category
      from sys_applications a left join opds o on o.id = a.opd_id
      where a.tenant_id = ${tenantId} and a.deleted_at is null and a.status <> 'retired' and ${s('a.opd_id')}
      order by a.name`),
  );
  const devices = rowsOf<{ id: string; name: string; opd_name: string | null }>(
    await db.execute(sql`
      select d.id, d.name, o.name as opd_name from sys_devices d left join opds o on o.id = d.opd_id
      where d.tenant_id = ${tenantId} and d.deleted_at is null and ${s('d.opd_id')}
        and exists (select 1 from secops_activities x where x.device_id = d.id and x.tenant_id = d.tenant_id and x.deleted_at is null)
      order by d.name`),
  );
  return { apps, devices };
}

// ------------------------------------------------------------------ D14 SOC
export async function getSoc(db: DbOrTx, tenantId: string) {
  const [r] = await db.select().from(secopsSocProfiles).where(eq(secopsSocProfiles.tenantId, tenantId));
  return r;
}
export async function upsertSoc(db: DbOrTx, tenantId: string, v: Omit<typeof secopsSocProfiles.$inferInsert, 'tenantId'>) {
  const [r] = await db
    .insert(secopsSocProfiles)
    .values({ ...v, tenantId })
    .onConflictDoUpdate({ target: secopsSocProfiles.tenantId, set: { ...v, updatedAt: new Date() } })
    .returning();
  return r;
}

const coverageFrom = (db: DbOrTx) =>
  db
    .select({ coverage: secopsCoverage, appName: sysApplications.name, deviceName: sysDevices.name, opdName: opds.name })
    .from(secopsCoverage)
    .leftJoin(sysApplications, eq(sysApplications.id, secopsCoverage.applicationId))
    .leftJoin(sysDevices, eq(sysDevices.id, secopsCoverage.deviceId))
    .leftJoin(opds, eq(opds.id, secopsCoverage.opdId));
export async function listCoverage(db: DbOrTx, tenantId: string, scope: Scope) {
  return coverageFrom(db)
    .where(and(eq(secopsCoverage.tenantId, tenantId), inScope(secopsCoverage.opdId, scope)))
    .orderBy(asc(sql`coalesce(${sysApplications.name}, ${sysDevices.name})`), asc(secopsCoverage.tool));
}
export async function getCoverage(db: DbOrTx, tenantId: string, id: string) {
  const [r] = await coverageFrom(db).where(and(eq(secopsCoverage.tenantId, tenantId), eq(secopsCoverage.id, id)));
  return r;
}
export async function coverageExists(db: DbOrTx, tenantId: string, targetId: string, tool: string) {
  const [r] = await db
    .select({ id: secopsCoverage.id })
    .from(secopsCoverage)
    .where(
      and(
        eq(secopsCoverage.tenantId, tenantId),
        or(eq(secopsCoverage.applicationId, targetId), eq(secopsCoverage.deviceId, targetId)),
        sql`lower(${secopsCoverage.tool}) = lower(${tool})`,
      ),
    );
  return !!r;
}
export async function insertCoverage(db: DbOrTx, v: typeof secopsCoverage.$inferInsert) {
  const [r] = await db.insert(secopsCoverage).values(v).returning();
  return r;
}
export async function deleteCoverage(db: DbOrTx, tenantId: string, id: string) {
  await db.delete(secopsCoverage).where(and(eq(secopsCoverage.tenantId, tenantId), eq(secopsCoverage.id, id)));
}

export async function listReports(db: DbOrTx, tenantId: string) {
  return db
    .select()
    .from(secopsReports)
    .where(and(eq(secopsReports.tenantId, tenantId), isNull(secopsReports.deletedAt)))
    .orderBy(desc(secopsReports.periodEnd), desc(secopsReports.createdAt));
}
export async function getReport(db: DbOrTx, tenantId: string, id: string) {
  const [r] = await db.select().from(secopsReports).where(and(eq(secopsReports.tenantId, tenantId), eq(secopsReports.id, id), isNull(secopsReports.deletedAt)));
  return r;
}
export async function insertReport(db: DbOrTx, v: typeof secopsReports.$inferInsert) {
  const [r] = await db.insert(secopsReports).values(v).returning();
  return r;
}
export async function updateReport(db: DbOrTx, tenantId: string, id: string, v: Partial<typeof secopsReports.$inferInsert>) {
  const [r] = await db
    .update(secopsReports)
    .set({ ...v, updatedAt: new Date() })
    .where(and(eq(secopsReports.tenantId, tenantId), eq(secopsReports.id, id)))
    .returning();
  return r;
}
