import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  certCertificates,
  certRevocations,
} from '../../db/schema/index.js';
import { holderName } from './certificates.repo-common.js';

// Revocations (K9, I2)
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
