import { and, count, desc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  certApplications,
  certCertificates,
  opds,
} from '../../db/schema/index.js';
import { likeText, offsetOf, orderBy } from '../../platform/http/paging.js';
import { type OpdFilter, holderName, inOpds } from './certificates.repo-common.js';

// Issued certificates
const certOpdName = sql<string | null>`(select o.name from ${opds} o where o.id = ${certCertificates.opdId})`;
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
