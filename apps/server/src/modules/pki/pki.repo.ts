import { and, asc, count, desc, eq, gte, ilike, lte, max, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { pkiCaKeys, pkiCertificates, pkiCrls, pkiSettings, tenants } from '../../db/schema/index.js';

export type CaKeyRow = typeof pkiCaKeys.$inferSelect;
export type CertRow = typeof pkiCertificates.$inferSelect;
export type CrlRow = typeof pkiCrls.$inferSelect;
export type SettingsRow = typeof pkiSettings.$inferSelect;

export async function getTenant(db: DbOrTx, tenantId: string) {
  const [t] = await db.select({ id: tenants.id, slug: tenants.slug, name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId));
  return t ?? null;
}

export async function tenantBySlug(db: DbOrTx, slug: string) {
  const [t] = await db.select({ id: tenants.id, slug: tenants.slug }).from(tenants).where(eq(tenants.slug, slug));
  return t ?? null;
}

/** Serializes CA creation per tenant across processes (transaction-scoped). */
export async function lockTenantCa(tx: DbOrTx, tenantId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'pki-ca:' + tenantId}))`);
}

export async function activeCaKeys(db: DbOrTx, tenantId: string): Promise<CaKeyRow[]> {
  return db.select().from(pkiCaKeys).where(and(eq(pkiCaKeys.tenantId, tenantId), eq(pkiCaKeys.status, 'active')));
}

export async function insertCaKey(db: DbOrTx, row: typeof pkiCaKeys.$inferInsert) {
  const [r] = await db.insert(pkiCaKeys).values(row).returning();
  return r;
}

export async function retireCaKey(db: DbOrTx, tenantId: string, id: string) {
  await db.update(pkiCaKeys).set({ status: 'retired', updatedAt: new Date() }).where(and(eq(pkiCaKeys.tenantId, tenantId), eq(pkiCaKeys.id, id)));
}

export async function insertCertificate(db: DbOrTx, row: typeof pkiCertificates.$inferInsert) {
  const [r] = await db.insert(pkiCertificates).values(row).returning();
  return r;
}

export async function certBySerial(db: DbOrTx, tenantId: string, serialHex: string): Promise<CertRow | null> {
  const [r] = await db
    .select()
    .from(pkiCertificates)
    .where(and(eq(pkiCertificates.tenantId, tenantId), eq(pkiCertificates.serialHex, serialHex)));
  return r ?? null;
}

/** Only what OCSP needs, as a small prepared query. */
const statusQuery = (db: DbOrTx) =>
  db
    .select({ status: pkiCertificates.status, revokedAt: pkiCertificates.revokedAt, reason: pkiCertificates.revocationReason, issuerId: pkiCertificates.issuerId })
    .from(pkiCertificates)
    .where(and(eq(pkiCertificates.tenantId, sql.placeholder('tenantId')), eq(pkiCertificates.serialHex, sql.placeholder('serial'))))
    .prepare('pki_cert_status');
let prepared: { db: DbOrTx; q: ReturnType<typeof statusQuery> } | null = null;
export async function statusBySerial(db: DbOrTx, tenantId: string, serialHex: string) {
  if (!prepared || prepared.db !== db) prepared = { db, q: statusQuery(db) };
  const [r] = await prepared.q.execute({ tenantId, serial: serialHex });
  return r ?? null;
}

export async function certById(db: DbOrTx, tenantId: string, id: string): Promise<CertRow | null> {
  const [r] = await db.select().from(pkiCertificates).where(and(eq(pkiCertificates.tenantId, tenantId), eq(pkiCertificates.id, id)));
  return r ?? null;
}

export async function markRevoked(db: DbOrTx, tenantId: string, id: string, v: { revokedAt: Date; reason: string; invalidityDate: Date | null }) {
  const [r] = await db
    .update(pkiCertificates)
    .set({ status: 'revoked', revokedAt: v.revokedAt, revocationReason: v.reason, invalidityDate: v.invalidityDate, updatedAt: new Date() })
    .where(and(eq(pkiCertificates.tenantId, tenantId), eq(pkiCertificates.id, id)))
    .returning();
  return r;
}

/**
 * Revoked entries of one issuer for the CRL, times pre-formatted by PostgreSQL as UTC
 * 'YYYYMMDDHHMMSS' (100k rows without building Date objects), ordered for a stable CRL.
 */
export async function revokedEntriesForCrl(db: DbOrTx, tenantId: string, issuerId: string): Promise<{ s: string; r: string; reason: string | null; inv: string | null }[]> {
  const res = await db.execute(sql`
    select serial_hex as s,
           to_char(revoked_at at time zone 'UTC', 'YYYYMMDDHH24MISS') as r,
           revocation_reason as reason,
           to_char(invalidity_date at time zone 'UTC', 'YYYYMMDDHH24MISS') as inv
      from pki_certificates
     where tenant_id = ${tenantId} and issuer_id = ${issuerId} and status = 'revoked'
     order by revoked_at, serial_hex`);
  return rowsOf<{ s: string; r: string; reason: string | null; inv: string | null }>(res);
}

/** Revoked, not yet expired entries of one issuer, ordered for a stable CRL. */
export async function revokedEntries(db: DbOrTx, tenantId: string, issuerId: string) {
  return db
    .select({ serialHex: pkiCertificates.serialHex, revokedAt: pkiCertificates.revokedAt, reason: pkiCertificates.revocationReason, invalidityDate: pkiCertificates.invalidityDate })
    .from(pkiCertificates)
    .where(and(eq(pkiCertificates.tenantId, tenantId), eq(pkiCertificates.issuerId, issuerId), eq(pkiCertificates.status, 'revoked')))
    .orderBy(asc(pkiCertificates.revokedAt));
}

export async function lastRevocationChange(db: DbOrTx, tenantId: string, issuerId: string): Promise<{ at: Date | null; n: number }> {
  const [r] = await db
    .select({ at: max(pkiCertificates.updatedAt), n: count() })
    .from(pkiCertificates)
    .where(and(eq(pkiCertificates.tenantId, tenantId), eq(pkiCertificates.issuerId, issuerId), eq(pkiCertificates.status, 'revoked')));
  return { at: r?.at ? new Date(r.at as unknown as string) : null, n: Number(r?.n ?? 0) };
}

export async function latestCrl(db: DbOrTx, tenantId: string, issuerId: string): Promise<CrlRow | null> {
  const [r] = await db
    .select()
    .from(pkiCrls)
    .where(and(eq(pkiCrls.tenantId, tenantId), eq(pkiCrls.issuerId, issuerId)))
    .orderBy(desc(pkiCrls.crlNumber))
    .limit(1);
  return r ?? null;
}

export async function latestCrlMeta(db: DbOrTx, tenantId: string, issuerId: string) {
  const [r] = await db
    .select({ id: pkiCrls.id, crlNumber: pkiCrls.crlNumber, thisUpdate: pkiCrls.thisUpdate, nextUpdate: pkiCrls.nextUpdate, entries: pkiCrls.entries, coveredUntil: pkiCrls.coveredUntil })
    .from(pkiCrls)
    .where(and(eq(pkiCrls.tenantId, tenantId), eq(pkiCrls.issuerId, issuerId)))
    .orderBy(desc(pkiCrls.crlNumber))
    .limit(1);
  return r ?? null;
}

export async function insertCrl(db: DbOrTx, row: typeof pkiCrls.$inferInsert) {
  const [r] = await db.insert(pkiCrls).values(row).returning({ id: pkiCrls.id });
  return r;
}

export type CertListQuery = {
  page: number;
  pageSize: number;
  q?: string;
  profile?: string;
  status?: 'good' | 'revoked' | 'expired';
  expiringWithinDays?: number;
};

export async function listCertificates(db: DbOrTx, tenantId: string, q: CertListQuery) {
  const where: SQL[] = [eq(pkiCertificates.tenantId, tenantId)];
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(pkiCertificates.commonName, like), ilike(pkiCertificates.subjectDn, like), ilike(pkiCertificates.serialHex, like), ilike(pkiCertificates.email, like))!);
  }
  if (q.profile) where.push(eq(pkiCertificates.profile, q.profile));
  const now = new Date();
  if (q.status === 'revoked') where.push(eq(pkiCertificates.status, 'revoked'));
  if (q.status === 'good') where.push(and(eq(pkiCertificates.status, 'good'), gte(pkiCertificates.notAfter, now))!);
  if (q.status === 'expired') where.push(and(eq(pkiCertificates.status, 'good'), lte(pkiCertificates.notAfter, now))!);
  if (q.expiringWithinDays) {
    where.push(eq(pkiCertificates.status, 'good'), gte(pkiCertificates.notAfter, now), lte(pkiCertificates.notAfter, new Date(now.getTime() + q.expiringWithinDays * 86_400_000)));
  }
  const cond = and(...where);
  const cols = {
    id: pkiCertificates.id,
    serialHex: pkiCertificates.serialHex,
    profile: pkiCertificates.profile,
    subjectDn: pkiCertificates.subjectDn,
    commonName: pkiCertificates.commonName,
    email: pkiCertificates.email,
    keyAlgorithm: pkiCertificates.keyAlgorithm,
    notBefore: pkiCertificates.notBefore,
    notAfter: pkiCertificates.notAfter,
    sha256: pkiCertificates.sha256,
    status: pkiCertificates.status,
    revokedAt: pkiCertificates.revokedAt,
    revocationReason: pkiCertificates.revocationReason,
    holderEntity: pkiCertificates.holderEntity,
    holderId: pkiCertificates.holderId,
    createdAt: pkiCertificates.createdAt,
  };
  const [items, [{ total }]] = await Promise.all([
    db.select(cols).from(pkiCertificates).where(cond).orderBy(desc(pkiCertificates.createdAt), desc(pkiCertificates.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(pkiCertificates).where(cond),
  ]);
  return { items, total };
}

export async function certCounts(db: DbOrTx, tenantId: string) {
  const rows = await db
    .select({ status: pkiCertificates.status, n: count() })
    .from(pkiCertificates)
    .where(eq(pkiCertificates.tenantId, tenantId))
    .groupBy(pkiCertificates.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Record<string, number>;
}

export async function getSettings(db: DbOrTx, tenantId: string): Promise<SettingsRow | null> {
  const [r] = await db.select().from(pkiSettings).where(eq(pkiSettings.tenantId, tenantId));
  return r ?? null;
}

export async function upsertSettings(db: DbOrTx, tenantId: string, v: Omit<typeof pkiSettings.$inferInsert, 'tenantId'>) {
  const [r] = await db
    .insert(pkiSettings)
    .values({ ...v, tenantId })
    .onConflictDoUpdate({ target: pkiSettings.tenantId, set: { ...v, updatedAt: new Date() } })
    .returning();
  return r;
}

/** Tenants that have an embedded CA (for the nightly CRL/OCSP-signer job). */
export async function tenantsWithCa(db: DbOrTx): Promise<string[]> {
  const rows = await db.selectDistinct({ tenantId: pkiCaKeys.tenantId }).from(pkiCaKeys).where(eq(pkiCaKeys.status, 'active'));
  return rows.map((r) => r.tenantId);
}
