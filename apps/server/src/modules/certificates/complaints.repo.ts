import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  certComplaints,
  users,
} from '../../db/schema/index.js';

// Complaints (K11, K12)
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
