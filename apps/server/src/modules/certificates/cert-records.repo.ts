import { and, count, desc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  certApplications,
  certCertificates,
  opds,
} from '../../db/schema/index.js';
import { likeText, offsetOf, orderBy } from '../../platform/http/paging.js';
import { rowsOf } from '../../db/rows.js';
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

/**
 * Holders with a currently valid encryption certificate (profile "encryption", active, within
 * its validity), for the recipient picker of document protection (signing module, K4).
 */
export async function encryptionRecipients(db: DbOrTx, tenantId: string, q: string | undefined, limit = 50) {
  const now = new Date();
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return rowsOf<{ certificateId: string; userId: string | null; name: string; nip: string | null; opdName: string | null; email: string | null; serial: string; notAfter: Date; certificatePem: string }>(
    await db.execute(sql`select c.id as "certificateId", u.id as "userId",
        coalesce(p.full_name, u.display_name, a.common_name) as name, p.nip as nip, o.name as "opdName",
        coalesce(u.email, a.email) as email, c.serial_hex as serial, c.not_after as "notAfter", c.cert_pem as "certificatePem"
      from ${certCertificates} c
      join ${certApplications} a on a.id = c.application_id
      left join users u on u.id = c.holder_user_id and u.tenant_id = c.tenant_id
      left join people p on p.id = u.person_id
      left join ${opds} o on o.id = c.opd_id
      where c.tenant_id = ${tenantId} and c.profile = 'encryption' and c.status = 'active'
        and c.not_before <= ${now} and c.not_after > ${now}
        ${like ? sql`and (coalesce(p.full_name, u.display_name, a.common_name) ilike ${like} or p.nip ilike ${like} or o.name ilike ${like} or coalesce(u.email, a.email) ilike ${like})` : sql``}
      order by name, c.not_after desc
      limit ${limit}`),
  );
}
