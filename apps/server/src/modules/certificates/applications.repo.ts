import { and, count, desc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  certApplicationEvents,
  certApplicationFiles,
  certApplications,
  files,
  opds,
  users,
} from '../../db/schema/index.js';
import { likeText, offsetOf, orderBy } from '../../platform/http/paging.js';
import { type OpdFilter, inOpds, type AppRow } from './certificates.repo-common.js';

// Applications, their events and attached files
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
