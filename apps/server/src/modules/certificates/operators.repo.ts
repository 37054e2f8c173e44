import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  certRaOperators,
  users,
} from '../../db/schema/index.js';

// RA operators (K11)
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
