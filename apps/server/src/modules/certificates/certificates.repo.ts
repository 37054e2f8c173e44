import { and, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import {
  certApplicationEvents,
  certApplicationFiles,
  certApplications,
  certCertificates,
  certComplaints,
  certNeeds,
  certRaOperators,
  certRevocations,
  files,
  opds,
  people,
  tenants,
  users,
} from '../../db/schema/index.js';
import { likeText, offsetOf, orderBy } from '../../platform/http/paging.js';

/** Every query is tenant-scoped; OPD scoping comes from the service. */
export type OpdFilter = 'all' | string[];
const inOpds = (col: any, ids: OpdFilter) => (ids === 'all' ? undefined : ids.length ? inArray(col, ids) : sql`false`);

export type AppRow = typeof certApplications.$inferSelect;
export type CertRow = typeof certCertificates.$inferSelect;

// Lookups
export const getTenant = async (db: DbOrTx, tenantId: string) => (await db.select().from(tenants).where(eq(tenants.id, tenantId)))[0];
export const getUserWithPerson = async (db: DbOrTx, tenantId: string, userId: string) =>
  (
    await db
      .select({ user: users, person: people })
      .from(users)
      .leftJoin(people, eq(people.id, users.personId))
      .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)))
  )[0];
export const opdExists = async (db: DbOrTx, tenantId: string, opdId: string) =>
  (
    await db
      .select({ id: opds.id })
      .from(opds)
      .where(and(eq(opds.tenantId, tenantId), eq(opds.id, opdId), isNull(opds.deletedAt)))
  ).length > 0;
export const getOpd = async (db: DbOrTx, tenantId: string, opdId: string) =>
  (
    await db
      .select()
      .from(opds)
      .where(and(eq(opds.tenantId, tenantId), eq(opds.id, opdId)))
  )[0];
export const listOpds = (db: DbOrTx, tenantId: string) =>
  db
    .select({ id: opds.id, name: opds.name, code: opds.code })
    .from(opds)
    .where(and(eq(opds.tenantId, tenantId), isNull(opds.deletedAt)))
    .orderBy(opds.code);
/** Users holding a permission tenant-wide (for notifying RA operators and the Dinas). */
export async function usersWithPermission(db: DbOrTx, tenantId: string, perm: string): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`select distinct u.id from users u
      join user_roles ur on ur.user_id = u.id
      join role_permissions rp on rp.role_id = ur.role_id
      where u.tenant_id = ${tenantId} and u.active and rp.permission = ${perm} and ur.opd_id is null`),
  );
  return rows.map((r) => r.id);
}

// Applications
const opdName = sql<string | null>`(select o.name from ${opds} o where o.id = ${certApplications.opdId})`;
const applicantName = sql<string | null>`(select u.display_name from ${users} u where u.id = ${certApplications.applicantUserId})`;

export type AppListQuery = {
  page: number;
  pageSize: number;
  sort?: string;
  dir: 'asc' | 'desc';
  q?: string;
  status?: string;
  kind?: string;
  opdId?: string;
  scope?: 'mine' | 'queue' | 'all';
};

export async function listApplications(db: DbOrTx, tenantId: string, q: AppListQuery, who: { userId: string; opds: OpdFilter }) {
  const visibility =
    q.scope === 'mine'
      ? or(eq(certApplications.applicantUserId, who.userId), eq(certApplications.filedByUserId, who.userId))
      : or(
          eq(certApplications.applicantUserId, who.userId),
          eq(certApplications.filedByUserId, who.userId),
          inOpds(certApplications.opdId, who.opds) ?? sql`true`,
        );
  const where = and(
    eq(certApplications.tenantId, tenantId),
    isNull(certApplications.deletedAt),
    visibility,
    q.scope === 'queue' ? eq(certApplications.status, 'submitted') : undefined,
    q.status ? eq(certApplications.status, q.status as AppRow['status']) : undefined,
    q.kind ? eq(certApplications.kind, q.kind as AppRow['kind']) : undefined,
    q.opdId ? eq(certApplications.opdId, q.opdId) : undefined,
    q.q
      ? or(ilike(certApplications.commonName, likeText(q.q)), ilike(certApplications.number, likeText(q.q)), ilike(certApplications.email, likeText(q.q)))
      : undefined,
  );
  const [items, [{ total }]] = await Promise.all([
    db
      .select({ app: certApplications, opdName, applicantName })
      .from(certApplications)
      .where(where)
      .orderBy(
        ...orderBy(
          q,
          {
            number: certApplications.number,
            commonName: certApplications.commonName,
            status: certApplications.status,
            submittedAt: certApplications.submittedAt,
            updatedAt: certApplications.updatedAt,
          },
          q.scope === 'queue' ? 'submittedAt' : 'updatedAt',
        ),
      )
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ total: count() }).from(certApplications).where(where),
  ]);
  return { items, total };
}

export const getApplication = async (db: DbOrTx, tenantId: string, id: string) =>
  (
    await db
      .select({ app: certApplications, opdName, applicantName })
      .from(certApplications)
      .where(and(eq(certApplications.tenantId, tenantId), eq(certApplications.id, id), isNull(certApplications.deletedAt)))
  )[0];
export const lockApplication = async (db: DbOrTx, tenantId: string, id: string) =>
  (
    await db
      .select()
      .from(certApplications)
      .where(and(eq(certApplications.tenantId, tenantId), eq(certApplications.id, id)))
      .for('update')
  )[0];
export const insertApplication = async (db: DbOrTx, row: typeof certApplications.$inferInsert) =>
  (await db.insert(certApplications).values(row).returning())[0];
export const updateApplication = async (db: DbOrTx, tenantId: string, id: string, set: Partial<typeof certApplications.$inferInsert>) =>
  (
    await db
      .update(certApplications)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(certApplications.tenantId, tenantId), eq(certApplications.id, id)))
      .returning()
  )[0];

export async function nextNumber(db: DbOrTx, tenantId: string, prefix: string, table: 'cert_applications' | 'cert_complaints', year: number) {
  const like = `${prefix}/${year}/%`;
  const rows = rowsOf<{ n: number }>(
    await db.execute(
      sql`select coalesce(max(split_part(number, '/', 3)::int), 0)::int as n from ${sql.raw(table)} where tenant_id = ${tenantId} and number like ${like}`,
    ),
  );
  return `${prefix}/${year}/${String(rows[0].n + 1).padStart(4, '0')}`;
}

export const insertEvent = (db: DbOrTx, row: typeof certApplicationEvents.$inferInsert) => db.insert(certApplicationEvents).values(row);
export const listEvents = (db: DbOrTx, tenantId: string, applicationId: string) =>
  db
    .select()
    .from(certApplicationEvents)
    .where(and(eq(certApplicationEvents.tenantId, tenantId), eq(certApplicationEvents.applicationId, applicationId)))
    .orderBy(certApplicationEvents.createdAt);

export const listAppFiles = (db: DbOrTx, tenantId: string, applicationId: string) =>
  db
    .select({ f: certApplicationFiles, name: files.name, size: files.size })
    .from(certApplicationFiles)
    .innerJoin(files, eq(files.id, certApplicationFiles.fileId))
    .where(and(eq(certApplicationFiles.tenantId, tenantId), eq(certApplicationFiles.applicationId, applicationId)))
    .orderBy(certApplicationFiles.requirement, desc(certApplicationFiles.createdAt));
export const replaceAppFile = async (db: DbOrTx, tenantId: string, applicationId: string, requirement: string) =>
  db
    .update(certApplicationFiles)
    .set({ replacedAt: new Date() })
    .where(
      and(
        eq(certApplicationFiles.tenantId, tenantId),
        eq(certApplicationFiles.applicationId, applicationId),
        eq(certApplicationFiles.requirement, requirement),
        isNull(certApplicationFiles.replacedAt),
      ),
    );
export const insertAppFile = async (db: DbOrTx, row: typeof certApplicationFiles.$inferInsert) =>
  (await db.insert(certApplicationFiles).values(row).returning())[0];
export const getAppFile = async (db: DbOrTx, tenantId: string, id: string) =>
  (
    await db
      .select()
      .from(certApplicationFiles)
      .where(and(eq(certApplicationFiles.tenantId, tenantId), eq(certApplicationFiles.id, id)))
  )[0];
export const getFile = async (db: DbOrTx, tenantId: string, id: string) =>
  (
    await db
      .select()
      .from(files)
      .where(and(eq(files.tenantId, tenantId), eq(files.id, id), isNull(files.deletedAt)))
  )[0];
export const insertFile = async (db: DbOrTx, row: typeof files.$inferInsert) => (await db.insert(files).values(row).returning())[0];

// Certificates
const certOpdName = sql<string | null>`(select o.name from ${opds} o where o.id = ${certCertificates.opdId})`;
const holderName = sql<string | null>`(select u.display_name from ${users} u where u.id = ${certCertificates.holderUserId})`;
export type CertListQuery = {
  page: number;
  pageSize: number;
  sort?: string;
  dir: 'asc' | 'desc';
  q?: string;
  status?: string;
  opdId?: string;
  scope?: 'mine' | 'all';
  expiringDays?: number;
};

export async function listCertificates(db: DbOrTx, tenantId: string, q: CertListQuery, who: { userId: string; opds: OpdFilter }) {
  const now = new Date();
  const where = and(
    eq(certCertificates.tenantId, tenantId),
    q.scope === 'all'
      ? or(eq(certCertificates.holderUserId, who.userId), inOpds(certCertificates.opdId, who.opds) ?? sql`true`)
      : eq(certCertificates.holderUserId, who.userId),
    q.status === 'revoked' ? eq(certCertificates.status, 'revoked') : undefined,
    q.status === 'active' ? and(eq(certCertificates.status, 'active'), sql`${certCertificates.notAfter} > ${now}`) : undefined,
    q.status === 'expired' ? and(eq(certCertificates.status, 'active'), sql`${certCertificates.notAfter} <= ${now}`) : undefined,
    q.opdId ? eq(certCertificates.opdId, q.opdId) : undefined,
    q.q ? or(ilike(certCertificates.subjectDn, likeText(q.q)), ilike(certCertificates.serialHex, likeText(q.q))) : undefined,
  );
  const [items, [{ total }]] = await Promise.all([
    db
      .select({ cert: certCertificates, opdName: certOpdName, holderName })
      .from(certCertificates)
      .where(where)
      .orderBy(
        ...orderBy(
          q,
          {
            notAfter: certCertificates.notAfter,
            notBefore: certCertificates.notBefore,
            subjectDn: certCertificates.subjectDn,
          },
          'notBefore',
        ),
      )
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ total: count() }).from(certCertificates).where(where),
  ]);
  return { items, total };
}
export const getCertificate = async (db: DbOrTx, tenantId: string, id: string) =>
  (
    await db
      .select({ cert: certCertificates, opdName: certOpdName, holderName })
      .from(certCertificates)
      .where(and(eq(certCertificates.tenantId, tenantId), eq(certCertificates.id, id)))
  )[0];
export const certificateByApplication = async (db: DbOrTx, tenantId: string, applicationId: string) =>
  (
    await db
      .select({ cert: certCertificates, opdName: certOpdName, holderName })
      .from(certCertificates)
      .where(and(eq(certCertificates.tenantId, tenantId), eq(certCertificates.applicationId, applicationId)))
  )[0];
export const insertCertificate = async (db: DbOrTx, row: typeof certCertificates.$inferInsert) =>
  (await db.insert(certCertificates).values(row).returning())[0];
export const updateCertificate = async (db: DbOrTx, tenantId: string, id: string, set: Partial<typeof certCertificates.$inferInsert>) =>
  (
    await db
      .update(certCertificates)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(certCertificates.tenantId, tenantId), eq(certCertificates.id, id)))
      .returning()
  )[0];
export const openRenewal = async (db: DbOrTx, tenantId: string, certId: string) =>
  (
    await db
      .select({ id: certApplications.id })
      .from(certApplications)
      .where(
        and(
          eq(certApplications.tenantId, tenantId),
          eq(certApplications.renewalOfId, certId),
          isNull(certApplications.deletedAt),
          sql`${certApplications.status} not in ('cancelled')`,
        ),
      )
  )[0];

// Needs
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

// RA operators
const operatorName = sql<string | null>`(select u.display_name from ${users} u where u.id = ${certRaOperators.userId})`;
export const listOperators = (db: DbOrTx, tenantId: string) =>
  db
    .select({ op: certRaOperators, userName: operatorName })
    .from(certRaOperators)
    .where(eq(certRaOperators.tenantId, tenantId))
    .orderBy(desc(certRaOperators.active), desc(certRaOperators.createdAt));
export const activeOperator = async (db: DbOrTx, tenantId: string, userId: string) =>
  (
    await db
      .select({ op: certRaOperators, userName: operatorName })
      .from(certRaOperators)
      .where(and(eq(certRaOperators.tenantId, tenantId), eq(certRaOperators.userId, userId), eq(certRaOperators.active, true)))
  )[0];
export const getOperator = async (db: DbOrTx, tenantId: string, id: string) =>
  (
    await db
      .select({ op: certRaOperators, userName: operatorName })
      .from(certRaOperators)
      .where(and(eq(certRaOperators.tenantId, tenantId), eq(certRaOperators.id, id)))
  )[0];
export const insertOperator = async (db: DbOrTx, row: typeof certRaOperators.$inferInsert) => (await db.insert(certRaOperators).values(row).returning())[0];
export const updateOperator = async (db: DbOrTx, tenantId: string, id: string, set: Partial<typeof certRaOperators.$inferInsert>) =>
  (
    await db
      .update(certRaOperators)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(certRaOperators.tenantId, tenantId), eq(certRaOperators.id, id)))
      .returning()
  )[0];

// Revocations
export const listRevocations = (db: DbOrTx, tenantId: string, where: SQL | undefined) =>
  db
    .select({
      rev: certRevocations,
      serialHex: certCertificates.serialHex,
      subjectDn: certCertificates.subjectDn,
      holderName,
      holderUserId: certCertificates.holderUserId,
      opdId: certCertificates.opdId,
    })
    .from(certRevocations)
    .innerJoin(certCertificates, eq(certCertificates.id, certRevocations.certificateId))
    .where(and(eq(certRevocations.tenantId, tenantId), where))
    .orderBy(desc(certRevocations.createdAt))
    .limit(500);
export const getRevocation = async (db: DbOrTx, tenantId: string, id: string) => (await listRevocations(db, tenantId, eq(certRevocations.id, id)))[0];
export const pendingRevocation = async (db: DbOrTx, tenantId: string, certId: string) =>
  (
    await db
      .select({ id: certRevocations.id })
      .from(certRevocations)
      .where(and(eq(certRevocations.tenantId, tenantId), eq(certRevocations.certificateId, certId), eq(certRevocations.status, 'requested')))
  )[0];
export const insertRevocation = async (db: DbOrTx, row: typeof certRevocations.$inferInsert) => (await db.insert(certRevocations).values(row).returning())[0];
export const updateRevocation = async (db: DbOrTx, tenantId: string, id: string, set: Partial<typeof certRevocations.$inferInsert>) =>
  (
    await db
      .update(certRevocations)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(certRevocations.tenantId, tenantId), eq(certRevocations.id, id)))
      .returning()
  )[0];

// Complaints
const raisedByName = sql<string | null>`(select u.display_name from ${users} u where u.id = ${certComplaints.raisedBy})`;
const aboutName = sql<string | null>`(select u.display_name from ${users} u where u.id = ${certComplaints.aboutOperatorUserId})`;
export const listComplaints = (db: DbOrTx, tenantId: string, where: SQL | undefined) =>
  db
    .select({ c: certComplaints, raisedByName, aboutName })
    .from(certComplaints)
    .where(and(eq(certComplaints.tenantId, tenantId), where))
    .orderBy(desc(certComplaints.createdAt))
    .limit(500);
export const getComplaint = async (db: DbOrTx, tenantId: string, id: string) => (await listComplaints(db, tenantId, eq(certComplaints.id, id)))[0];
export const insertComplaint = async (db: DbOrTx, row: typeof certComplaints.$inferInsert) => (await db.insert(certComplaints).values(row).returning())[0];
export const updateComplaint = async (db: DbOrTx, tenantId: string, id: string, set: Partial<typeof certComplaints.$inferInsert>) =>
  (
    await db
      .update(certComplaints)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(certComplaints.tenantId, tenantId), eq(certComplaints.id, id)))
      .returning()
  )[0];

// Yearly usage figures (K13)
export const usageByOpd = async (db: DbOrTx, tenantId: string, year: number, scope: OpdFilter) => {
  const start = new Date(`${year}-01-01T00:00:00+07:00`);
  const end = new Date(`${year + 1}-01-01T00:00:00+07:00`);
  const now = new Date();
  const asOf = end < now ? end : now;
  return rowsOf<{
    opdId: string;
    opdName: string;
    issued: number;
    active: number;
    revoked: number;
    expired: number;
    renewed: number;
  }>(
    await db.execute(sql`select o.id as "opdId", o.name as "opdName",
        count(c.id) filter (where c.created_at >= ${start} and c.created_at < ${end})::int as issued,
        count(c.id) filter (where c.created_at < ${asOf} and c.not_after > ${asOf} and (c.revoked_at is null or c.revoked_at >= ${asOf}))::int as active,
        count(c.id) filter (where c.revoked_at >= ${start} and c.revoked_at < ${end})::int as revoked,
        count(c.id) filter (where c.not_after >= ${start} and c.not_after < ${asOf} and (c.revoked_at is null or c.revoked_at > c.not_after))::int as expired,
        count(c.id) filter (where c.created_at >= ${start} and c.created_at < ${end} and a.renewal_of_id is not null)::int as renewed
      from ${opds} o
      left join ${certCertificates} c on c.opd_id = o.id and c.tenant_id = o.tenant_id
      left join ${certApplications} a on a.id = c.application_id
      where o.tenant_id = ${tenantId} and o.deleted_at is null ${
        scope === 'all'
          ? sql``
          : scope.length
            ? sql`and o.id in (${sql.join(
                scope.map((s) => sql`${s}`),
                sql`, `,
              )})`
            : sql`and false`
      }
      group by o.id, o.name, o.code order by o.code`),
  );
};
